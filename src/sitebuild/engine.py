"""Bundle the self-check engine for the browser.

The browser gets three things, all from our own origin:

* the Pyodide runtime, copied from the pinned npm package into a directory named
  after its version (so it can be cached for a year);
* the ``selfcheck`` wheel, built with pypa ``build``;
* a ``pyodide-lock.json`` that registers the wheel (``pyodide lockfile add-wheels``)
  and is trimmed to the packages the engine needs;
* a ``python_stdlib.zip`` trimmed to the modules the engine uses and precompiled by
  Pyodide's own Python (:mod:`sitebuild.stdlib`), which replaces the runtime's own, and
  the engine's own precompiled bytecode (``selfcheck-bytecode.zip``).

Wheel, lock file and standard library sit in a directory named after a hash of the engine's sources,
so a page can never pair a new lock file with an old cached wheel.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild import paths, stdlib

# The runtime's own python_stdlib.zip is not shipped: the engine directory has a trimmed one.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
ENGINE_PACKAGE = "selfcheck"
# The treatment diary's engine: its own wheel, in the same lock, depending on selfcheck
# (for the HDSS wording). Built from a pyproject of its own, as it is its own package.
DIARY_PACKAGE = "diary"
DIARY_SOURCE = paths.SRC / DIARY_PACKAGE
DIARY_PYPROJECT = """\
[build-system]
requires = ["setuptools>=69", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "diary"
version = "2026.11.0"
description = "Iontophoresis treatment diary: records, plan and progress summary, run in the browser"
requires-python = ">=3.12"
license = "MIT"
dependencies = ["selfcheck"]

[tool.setuptools.packages.find]
where = ["src"]
include = ["diary"]

[tool.setuptools.package-data]
diary = ["py.typed"]
"""
# Fixed zip timestamps: the same sources always give the same wheel bytes.
_SOURCE_DATE_EPOCH = "1764547200"


@dataclass(frozen=True)
class EngineBundle:
    """What the build made, and the site-relative URLs the page needs to load it."""

    pyodide_version: str
    cache_dir: Path
    wheel_name: str
    diary_wheel_name: str = ""

    @property
    def runtime_url(self) -> str:
        return f"assets/pyodide/{self.pyodide_version}/"

    @property
    def engine_url(self) -> str:
        return f"assets/selfcheck/engine/{self.cache_dir.name}/"

    @property
    def lock_url(self) -> str:
        return self.engine_url + "pyodide-lock.json"

    @property
    def stdlib_url(self) -> str:
        return self.engine_url + stdlib.STDLIB_ZIP


def pyodide_version() -> str:
    package_json = paths.PYODIDE_PACKAGE / "package.json"
    if not package_json.is_file():
        raise PluginError(
            "The Pyodide runtime is missing (node_modules/pyodide). Run `make build`, "
            "which runs `npm ci`, instead of calling mkdocs directly."
        )
    version: str = json.loads(package_json.read_text())["version"]
    return version


def source_hash() -> str:
    """A short hash of everything that goes into the wheel and the lock file."""
    digest = hashlib.sha256()
    files = sorted(
        p for source in (paths.ENGINE_SOURCE, DIARY_SOURCE)
        for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    inputs = [paths.ROOT / "pyproject.toml", paths.PYODIDE_PACKAGE / "pyodide-lock.json", *stdlib.INPUTS, *files]
    for path in inputs:
        digest.update(path.relative_to(paths.ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare() -> EngineBundle:
    """Build and register the wheel, or reuse the cached result for unchanged sources."""
    version = pyodide_version()
    cache_dir = paths.CACHE / "engine" / source_hash()
    if not all((cache_dir / name).is_file() for name in ("pyodide-lock.json", stdlib.STDLIB_ZIP, stdlib.BYTECODE_ZIP)):
        _build_into(cache_dir)
    wheel = next(cache_dir.glob(f"{ENGINE_PACKAGE}-*.whl"))
    diary_wheel = next(cache_dir.glob(f"{DIARY_PACKAGE}-*.whl"))
    return EngineBundle(pyodide_version=version, cache_dir=cache_dir, wheel_name=wheel.name,
                        diary_wheel_name=diary_wheel.name)


def install(bundle: EngineBundle, site_dir: Path) -> None:
    """Copy the runtime and the engine into the built site."""
    runtime_dir = site_dir / bundle.runtime_url
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(paths.PYODIDE_PACKAGE / name, runtime_dir / name)
    engine_dir = site_dir / bundle.engine_url
    engine_dir.mkdir(parents=True, exist_ok=True)
    wheels = (bundle.wheel_name, bundle.diary_wheel_name)
    for name in ("pyodide-lock.json", *wheels, stdlib.STDLIB_ZIP, stdlib.BYTECODE_ZIP):
        shutil.copy2(bundle.cache_dir / name, engine_dir / name)


def _build_into(cache_dir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="selfcheck-wheel-") as tmp:
        work = Path(tmp)
        project = _copy_project(work / "project")
        dist = work / "dist"
        _run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(project)],
            "build the selfcheck wheel",
        )
        wheels = list(dist.glob(f"{ENGINE_PACKAGE}-*.whl"))
        if len(wheels) != 1:
            raise PluginError(f"Expected one selfcheck wheel, found {[w.name for w in wheels]}")
        wheels.append(_build_diary_wheel(work, dist))
        full_lock = work / "pyodide-lock.full.json"
        _run(
            [
                _pyodide_cli(), "lockfile", "add-wheels",
                "--input", str(paths.PYODIDE_PACKAGE / "pyodide-lock.json"),
                "--output", str(full_lock),
                "--base-path", str(dist),
                *(str(wheel) for wheel in wheels),
            ],
            "register the wheel in pyodide-lock.json",
        )
        staging = work / "engine"
        staging.mkdir()
        lock = trim_lock(json.loads(full_lock.read_text()), keep=[ENGINE_PACKAGE, DIARY_PACKAGE])
        (staging / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True))
        for wheel in wheels:
            shutil.copy2(wheel, staging / wheel.name)
        stdlib.build(staging)
        cache_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(cache_dir, ignore_errors=True)
        shutil.move(staging, cache_dir)


def _build_diary_wheel(work: Path, dist: Path) -> Path:
    project = work / "diary-project"
    shutil.copytree(DIARY_SOURCE, project / "src" / DIARY_PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "pyproject.toml").write_text(DIARY_PYPROJECT)
    _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(project)],
        "build the diary wheel",
    )
    return next(dist.glob(f"{DIARY_PACKAGE}-*.whl"))


def _copy_project(target: Path) -> Path:
    """A clean copy of what the wheel is built from: setuptools leaves ``build/``
    behind, and a stale file there would end up in the next wheel."""
    target.mkdir(parents=True)
    shutil.copy2(paths.ROOT / "pyproject.toml", target / "pyproject.toml")
    shutil.copytree(paths.ENGINE_SOURCE, target / "src" / ENGINE_PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def trim_lock(lock: dict[str, Any], keep: list[str]) -> dict[str, Any]:
    """Keep only the named packages and everything they depend on."""
    packages = lock["packages"]
    wanted: set[str] = set()
    todo = list(keep)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        if name not in packages:
            raise PluginError(f"Package {name!r} is not in the Pyodide lock file")
        wanted.add(name)
        todo.extend(packages[name].get("depends", []))
    return {**lock, "packages": {name: packages[name] for name in sorted(wanted)}}


def _pyodide_cli() -> str:
    candidate = Path(sys.executable).parent / "pyodide"
    found = str(candidate) if candidate.exists() else shutil.which("pyodide")
    if not found:
        raise PluginError("The `pyodide` command (pyodide-cli with pyodide-build) is not installed; run `make build`.")
    return found


def _run(command: list[str], what: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": _SOURCE_DATE_EPOCH}
    done = subprocess.run(command, cwd=paths.ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"Could not {what}:\n{done.stdout}\n{done.stderr}")
