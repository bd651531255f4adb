"""Shared fixtures: one real build of the site per test session, served on localhost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings

from sitebuild.paths import ROOT

# Hypothesis's per-example deadline (200 ms) measures the machine's load, not the engine:
# on two shared cores a 0.6 ms example took 420 ms once and failed the run. The number of
# examples is what keeps the property tests quick.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


def _build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}", pytrace=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site built from the working tree with ``mkdocs build --strict``, once per run.

    Under pytest-xdist every worker asks for it: the first builds it in the run's shared
    temporary directory while the others wait on a lock (two builds at once would also
    race on the engine cache in ``.cache/``), then all read the same files. Tests never
    write into it; a test that changes a site works on its own copy.
    """
    if worker_id == "master":  # one process: no one to share with
        site_dir = tmp_path_factory.mktemp("site")
        _build(site_dir)
        return site_dir
    shared = tmp_path_factory.getbasetemp().parent
    site_dir, done = shared / "site", shared / "site.built"
    with FileLock(str(shared / "site.lock")):
        if not done.exists():
            _build(site_dir)
            done.touch()
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site, served on localhost like a static host."""
    from sitebuild.preview import serve

    with serve(built_site) as url:
        yield url
