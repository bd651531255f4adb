"""Where things live in the source tree, found from this file so that any cwd works."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
ENGINE_SOURCE = SRC / "selfcheck"
NODE_MODULES = ROOT / "node_modules"
PYODIDE_PACKAGE = NODE_MODULES / "pyodide"
CACHE = ROOT / ".cache"
OVERRIDES = ROOT / "overrides"
