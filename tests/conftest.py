"""Shared fixtures: one real build of the site per test session, served on localhost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from sitebuild.paths import ROOT

# Hypothesis's per-example deadline (200 ms) measures the machine's load, not the engine:
# on two shared cores a 0.6 ms example took 420 ms once and failed the run. The number of
# examples is what keeps the property tests quick.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the working tree with ``mkdocs build --strict``."""
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site, served on localhost like a static host."""
    from sitebuild.preview import serve

    with serve(built_site) as url:
        yield url
