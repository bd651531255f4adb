"""A trimmed, precompiled Python standard library for the self-check engine.

Pyodide's ``python_stdlib.zip`` ships 614 ``.py`` sources, and most of a bare engine
start is Python compiling the ones it imports. The build therefore runs Pyodide's own
Python 3.14 in Node (``scripts/build-stdlib.mjs``), installs the ``selfcheck`` wheel
from the lock file exactly as the browser does, imports and exercises the engine
through ``selfcheck.api``, and writes a ``python_stdlib.zip`` holding only the
standard-library modules that run loaded, as unchecked-hash ``.pyc`` compiled by that
same interpreter (so the bytecode always matches the runtime). The engine's own modules
go, as *checked*-hash ``.pyc``, in a small ``selfcheck-bytecode.zip`` beside it: the
worker (``overrides/assets/selfcheck/wheel.js``) writes them beside the sources of the
integrity-checked wheel it unpacks, and Python uses them only if they match those
sources.

The self-check's worker installs the wheel itself, before Python starts, instead of
through Pyodide's package loader, which imports importlib.metadata, tarfile, email and
more at start-up. The build installs it with the same JavaScript, and keeps the
loader's modules in the zip all the same, because the diary's worker still uses it.

Before the zip is accepted the script starts a second Pyodide on it and checks that it
gives the same answers as the full standard library, with no ``ImportError``. Any
failure stops the build: a broken engine is never shipped.

It runs inside the engine's cached build step (:mod:`sitebuild.engine`), so it reruns
only when the engine sources, the Pyodide version or these scripts change.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild import paths

STDLIB_ZIP = "python_stdlib.zip"
BYTECODE_ZIP = "selfcheck-bytecode.zip"  # the same name as BYTECODE_ZIP in wheel.js
WHEEL_JS = paths.ROOT / "overrides" / "assets" / "selfcheck" / "wheel.js"
REPORT = "stdlib-report.json"
SCRIPT = paths.ROOT / "scripts" / "build-stdlib.mjs"
# Every file whose change must rebuild the zip (part of the engine's source hash).
INPUTS = (
    SCRIPT,
    WHEEL_JS,
    paths.ROOT / "scripts" / "build_stdlib_pyodide.py",
    Path(__file__),
    paths.PYODIDE_PACKAGE / "package.json",
)
_TIME_LIMIT_S = 600


def build(engine_dir: Path) -> dict[str, Any]:
    """Write ``python_stdlib.zip``, ``selfcheck-bytecode.zip`` and a report into
    ``engine_dir``, which already holds the wheel and the lock file. Returns the report;
    raises PluginError."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to build the trimmed Python standard library; install it and rerun.")
    target, report_file = engine_dir / STDLIB_ZIP, engine_dir / REPORT
    command = [
        node, str(SCRIPT),
        "--pyodide", str(paths.PYODIDE_PACKAGE),
        "--engine", str(engine_dir),
        "--out", str(target),
        "--report", str(report_file),
    ]
    try:
        done = subprocess.run(command, cwd=paths.ROOT, capture_output=True, text=True, timeout=_TIME_LIMIT_S)
    except subprocess.TimeoutExpired as exc:
        raise PluginError(f"Building the trimmed Python standard library took over {_TIME_LIMIT_S} s") from exc
    if done.returncode != 0:
        raise PluginError(
            "Could not build the trimmed Python standard library for the self-check engine "
            f"(scripts/build-stdlib.mjs exited {done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    if not all(path.is_file() for path in (target, report_file, engine_dir / BYTECODE_ZIP)):
        written = f"{STDLIB_ZIP}, {BYTECODE_ZIP} and {REPORT}"
        raise PluginError(f"scripts/build-stdlib.mjs did not write {written}:\n{done.stdout}")
    report: dict[str, Any] = json.loads(report_file.read_text())
    if not report.get("stdlib_modules") or not report.get("checked_calls"):
        raise PluginError(f"The trimmed standard library report is incomplete: {report_file}")
    return report
