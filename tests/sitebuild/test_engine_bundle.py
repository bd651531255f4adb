"""The build bundles the engine for the browser: runtime, wheel and a trimmed lock file."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, ClassVar

import pytest
from mkdocs.exceptions import PluginError
from support.site import engine_dir

from sitebuild import engine, paths


class TestTrimLock:
    LOCK: ClassVar[dict[str, Any]] = {
        "info": {"python": "3.14.2"},
        "packages": {
            "a": {"depends": ["b"]},
            "b": {"depends": []},
            "c": {"depends": []},
        },
    }

    def test_keeps_packages_and_their_dependencies(self) -> None:
        """Only the named package and what it depends on stay in the lock."""
        assert sorted(engine.trim_lock(self.LOCK, keep=["a"])["packages"]) == ["a", "b"]

    def test_keeps_the_lock_info(self) -> None:
        """The runtime's ABI information is kept, since Pyodide checks it."""
        assert engine.trim_lock(self.LOCK, keep=["c"])["info"] == self.LOCK["info"]

    def test_unknown_package_fails_the_build(self) -> None:
        """A package missing from the lock is a build error, not a broken page."""
        with pytest.raises(PluginError):
            engine.trim_lock(self.LOCK, keep=["missing"])


def test_source_hash_follows_the_engine_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit to any engine file gives a new engine directory; undoing it gives the old one back."""
    paths.CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.CACHE) as scratch:
        copy = Path(scratch) / "selfcheck"
        shutil.copytree(paths.ENGINE_SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        monkeypatch.setattr(paths, "ENGINE_SOURCE", copy)
        before = engine.source_hash()
        rules = copy / "rules.py"
        text = rules.read_text(encoding="utf-8")
        rules.write_text(text + "\n", encoding="utf-8")
        edited = engine.source_hash()
        rules.write_text(text, encoding="utf-8")
        assert edited != before == engine.source_hash()


def test_runtime_is_copied_under_its_version(built_site: Path) -> None:
    """The Pyodide runtime files sit in a directory named after the npm version."""
    runtime = built_site / "assets" / "pyodide" / engine.pyodide_version()
    assert sorted(p.name for p in runtime.iterdir()) == sorted(engine.RUNTIME_FILES)


def test_lock_registers_only_the_wheel_with_its_hash(built_site: Path) -> None:
    """The lock lists only selfcheck and the diary (which needs selfcheck), and each
    sha256 is the shipped wheel's."""
    import hashlib

    directory = engine_dir(built_site)
    lock = json.loads((directory / "pyodide-lock.json").read_text())
    assert list(lock["packages"]) == ["diary", "selfcheck"]
    assert lock["packages"]["diary"]["depends"] == ["selfcheck"]
    for entry in lock["packages"].values():
        wheel = directory / entry["file_name"]
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert lock["info"]["python"].startswith("3.14")


def test_wheel_holds_only_the_engine(built_site: Path) -> None:
    """The browser wheel contains the selfcheck package and no build tooling."""
    wheel = next(engine_dir(built_site).glob("selfcheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names}
    assert "selfcheck" in top_level
    assert not any(name.startswith("sitebuild") for name in names)
    assert "selfcheck/api.py" in names
    assert "selfcheck/py.typed" in names  # the typing marker ships with the package, not only in the source tree
