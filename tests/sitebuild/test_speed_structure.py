"""The cheap structural facts the speed figures depend on (issue 8; `make bench` measures
the figures themselves). No timing here: only what a change could silently undo."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support.site import engine_dir

from sitebuild import engine, modules, paths, stdlib
from sitebuild.offline import ENGINE_PREFIXES

_REFERENCE = re.compile(r"""\b(?:src|href|content)\s*=\s*["']([^"']+)["']""", re.I)


def references(page: Path, site: Path) -> list[str]:
    """Every address a page refers to, resolved to a site-relative path."""
    found = []
    base = page.parent.relative_to(site).as_posix()
    for raw in _REFERENCE.findall(page.read_text(encoding="utf-8")):
        if "://" in raw or raw.startswith(("#", "data:", "mailto:")):
            continue
        parts: list[str] = [] if base == "." else base.split("/")
        for part in raw.split("#")[0].split("?")[0].split("/"):
            if part == "..":
                parts = parts[:-1]
            elif part not in ("", "."):
                parts.append(part)
        found.append("/".join(parts))
    return found


def information_pages(site: Path) -> list[Path]:
    # The self-check and the treatment diary are the two pages that run the engine.
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in ("self-check", "diary", "assets")]


def test_information_pages_reference_no_engine_file(built_site: Path) -> None:
    """No page but the self-check and the diary refers to the runtime, the engine or its
    bridge, so no other page can download any of it."""
    pages = information_pages(built_site)
    assert len(pages) > 5
    for page in pages:
        heavy = [ref for ref in references(page, built_site) if ref.startswith(ENGINE_PREFIXES)]
        assert heavy == [], page.relative_to(built_site)


def test_self_check_page_points_at_the_runtime_early(built_site: Path) -> None:
    """The self-check page names the runtime, lock and trimmed stdlib in its <head>, and
    its bridge is a module script there (the engine itself downloads only when asked for)."""
    page = built_site / "self-check" / "index.html"
    head = page.read_text(encoding="utf-8").split("</head>")[0]
    metas = dict(re.findall(r'<meta name="(selfcheck-[a-z]+)" content="([^"]+)"', head))
    bundle_dir = engine_dir(built_site).relative_to(built_site).as_posix()
    assert metas["selfcheck-runtime"].endswith(f"assets/pyodide/{engine.pyodide_version()}/")
    assert metas["selfcheck-lock"].endswith(f"{bundle_dir}/pyodide-lock.json")
    assert metas["selfcheck-stdlib"].endswith(f"{bundle_dir}/{stdlib.STDLIB_ZIP}")
    head_page = built_site / "self-check" / "head.html"
    head_page.write_text(head, encoding="utf-8")
    try:
        refs = references(head_page, built_site)
    finally:
        head_page.unlink()
    # The bridge that starts the worker is a module script in the <head>.
    assert "assets/selfcheck/engine.js" in refs
    assert re.search(r'<script type="module" src="[^"]*assets/selfcheck/engine\.js"', head)
    for ref in refs:
        if ref.startswith(ENGINE_PREFIXES):
            assert (built_site / ref).exists(), ref


def test_lock_lists_only_the_engine(built_site: Path) -> None:
    """The lock file the page downloads lists the selfcheck wheel and the diary's, nothing else."""
    lock = json.loads((engine_dir(built_site) / "pyodide-lock.json").read_text())
    assert list(lock["packages"]) == sorted([engine.ENGINE_PACKAGE, engine.DIARY_PACKAGE])
    assert lock["packages"][engine.ENGINE_PACKAGE]["depends"] == []


def test_runtime_ships_no_full_stdlib(built_site: Path) -> None:
    """The runtime's own 2.5 MB stdlib zip is not shipped next to the trimmed one."""
    runtime = built_site / "assets" / "pyodide" / engine.pyodide_version()
    assert not (runtime / "python_stdlib.zip").exists()


@pytest.fixture(scope="module")
def trimmed(built_site: Path) -> zipfile.ZipFile:
    with zipfile.ZipFile(engine_dir(built_site) / stdlib.STDLIB_ZIP) as archive:
        yield archive


def test_trimmed_stdlib_is_bytecode_of_this_runtime(trimmed: zipfile.ZipFile, built_site: Path) -> None:
    """Only .pyc, all with the bytecode magic of the runtime's Python 3.14 (compiled by
    Pyodide itself): stdlib ones unchecked-hash; the engine's, in their own zip,
    checked-hash, one for each module the browser imports."""
    names = trimmed.namelist()
    assert names and all(name.endswith(".pyc") for name in names)
    magics = {trimmed.read(name)[:4] for name in names}
    assert len(magics) == 1
    for name in names:
        assert int.from_bytes(trimmed.read(name)[4:8], "little") == 0b01, name
    with zipfile.ZipFile(engine_dir(built_site) / stdlib.BYTECODE_ZIP) as bytecode:
        engine_names = bytecode.namelist()
        assert all(name.startswith("selfcheck/__pycache__/") for name in engine_names)
        for name in engine_names:
            assert bytecode.read(name)[:4] in magics and int.from_bytes(bytecode.read(name)[4:8], "little") == 0b11, name
    engine_modules = {p.stem for p in paths.ENGINE_SOURCE.glob("*.py")} - {"cli", "__main__"}
    assert {Path(n).name.split(".")[0] for n in engine_names} == engine_modules


def test_trimmed_stdlib_is_smaller_and_keeps_what_installing_needs(trimmed: zipfile.ZipFile, built_site: Path) -> None:
    """Trimmed to a part of the runtime's zip, with the engine's imports and what
    Pyodide's package loader needs (the diary's worker installs its wheel with it), but
    without the bz2, lzma and zstd codecs nothing here uses."""
    full = zipfile.ZipFile(paths.PYODIDE_PACKAGE / "python_stdlib.zip")
    assert (engine_dir(built_site) / stdlib.STDLIB_ZIP).stat().st_size < 0.8 * (paths.PYODIDE_PACKAGE / "python_stdlib.zip").stat().st_size
    names = set(trimmed.namelist())
    assert len(names) < len(full.namelist()) / 2
    for needed in ("json/__init__.pyc", "dataclasses.pyc", "datetime.pyc", "html/__init__.pyc", "enum.pyc",
                   "zipfile/__init__.pyc", "tarfile.pyc", "email/__init__.pyc", "importlib/metadata/__init__.pyc",
                   "encodings/__init__.pyc", "encodings/utf_8.pyc", "_pyodide/__init__.pyc", "pyodide/_package_loader.pyc"):
        assert needed in names, needed
    for left_out in ("bz2.pyc", "lzma.pyc", "compression/__init__.pyc"):
        assert left_out not in names, left_out


def test_trimmed_stdlib_is_a_cached_build_artefact(built_site: Path) -> None:
    """The zip sits in the engine's hash-named cache directory, and the scripts that make
    it are part of that hash: editing them rebuilds it. (After the site's build, which
    made it: on a fresh clone this would otherwise build it a second time, at once.)"""
    bundle = engine.prepare()
    assert (bundle.cache_dir / stdlib.STDLIB_ZIP).is_file()
    assert bundle.stdlib_url == bundle.engine_url + stdlib.STDLIB_ZIP
    report = json.loads((bundle.cache_dir / stdlib.REPORT).read_text())
    assert report["python"].startswith("3.14") and report["checked_calls"] > 0
    assert all(path.is_file() for path in stdlib.INPUTS)


SUMMARY_MODULES = ("selfcheck.summary", "selfcheck.headline", "selfcheck.wording", "html")


def test_engine_is_ready_without_the_summary_modules() -> None:
    """Importing ``selfcheck.api`` (what "ready" waits for) and evaluating loads none of the
    GP summary's modules; they load on first use (CPython here, Pyodide in
    tests/browser/test_trimmed_stdlib.py)."""
    probe = (
        "import sys, selfcheck.api as api; api.evaluate_json('{}');"
        f"print([m for m in {SUMMARY_MODULES!r} if m in sys.modules]);"
        "from selfcheck import format_date; print('selfcheck.summary' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]


def test_worker_loads_the_summary_right_after_ready() -> None:
    """The worker imports ``selfcheck.summary`` straight after it says ready, while the
    patient answers, so the first "See my result" never waits for it."""
    worker = (paths.ROOT / "overrides" / "assets" / "selfcheck" / "worker.js").read_text(encoding="utf-8")
    assert 'pyimport("selfcheck.summary")' in worker
    assert re.search(r'postMessage\(\{ type: "ready", python \}\);\s*(//.*\s*)*if \(!failed\) loadSummary\(\);', worker)


@pytest.mark.parametrize(("page", "entry"), [("self-check", "assets/selfcheck/flow.js"), ("diary", "assets/diary/page.js")])
def test_engine_pages_ask_for_every_module_at_once(built_site: Path, page: str, entry: str) -> None:
    """The page's <head> preloads every module its script imports (sitebuild.modules), so
    none waits for the module that imports it to arrive first."""
    head = (built_site / page / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    preloaded = {href.removeprefix("../") for href in re.findall(r'<link rel="modulepreload" href="([^"]+)"', head)}
    assert preloaded == set(modules.module_imports(entry))
    assert all((built_site / path).is_file() for path in preloaded)
