"""Shared fixtures: one real build of the site per test session, served on localhost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from sitebuild.paths import ROOT
from support.once import once_per_run

# Hypothesis's per-example deadline (200 ms) measures the machine's load, not the engine:
# on two shared cores a 0.6 ms example took 420 ms once and failed the run. The number of
# examples is what keeps the property tests quick.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Order the run for parallel processes (each takes a share from the front).

    Tests that need no built site come first, so that the other processes work while
    one builds it; then the tests that read the page-wide facts (page_audit.py), the
    run's longest single task, so that it starts early rather than ending the run late.
    """

    def rank(item: pytest.Item) -> int:
        needs = getattr(item, "fixturenames", ())
        return 0 if "built_site" not in needs else 1 if "page_facts" in needs else 2

    items.sort(key=rank)


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

    Two builds at once would also race on the engine cache in ``.cache/``. Tests never
    write into it; a test that changes a site works on its own copy.
    """
    return once_per_run(tmp_path_factory, worker_id, "site", _build)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site, served on localhost like a static host."""
    from sitebuild.preview import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A private copy of the build, so that changing it leaves the session's site alone."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    return site
