"""Runs INSIDE Pyodide's own Python (driven by scripts/build-stdlib.mjs), never in CPython.

It finds the standard-library modules the self-check engine really uses and writes a
trimmed ``python_stdlib.zip`` holding only those, as unchecked-hash ``.pyc`` compiled
by this very interpreter (so the bytecode magic always matches the runtime). The
``selfcheck`` package's own bytecode goes in a separate small zip as *checked*-hash
``.pyc`` under ``selfcheck/__pycache__/``: the worker (wheel.js) writes it beside the
sources the integrity-checked wheel installed, and Python uses a file only when it
matches its source (otherwise it compiles the source as usual).

The Node driver calls, in order: ``answer_sets()`` (texts to exercise the engine
with), then ``write_trimmed(out_path, bytecode_path)`` once the engine has been
imported and exercised through ``selfcheck.api`` the way the browser worker calls it.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
from pathlib import Path

STDLIB_ZIP = Path(f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip")
PACKAGE = "selfcheck"
# Always kept, whether or not this run happened to load them: the codecs a browser
# worker may need for text I/O and zip member names.
ALWAYS = [
    "encodings/__init__.py",
    "encodings/aliases.py",
    "encodings/ascii.py",
    "encodings/cp437.py",
    "encodings/latin_1.py",
    "encodings/utf_8.py",
    "encodings/utf_8_sig.py",
]
# Compression codecs the engine never uses. Pyodide's start-up imports shutil and
# zipfile, which import these inside `try: ... except ImportError` and then mark the
# codec unsupported, so leaving them out saves their imports at every start. The
# check run (build-stdlib.mjs, step 4) proves the engine's answers do not change.
LEFT_OUT = ("bz2", "lzma", "compression")
# The command line is never reached from the browser: its imports (argparse, ...) and
# bytecode stay out of the zip.
NOT_IN_BROWSER = {"cli.py", "__main__.py"}
# A fixed timestamp: the same inputs always give the same zip bytes.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _package_dir() -> Path:
    return Path(importlib.util.find_spec(PACKAGE).origin).parent


def _engine_sources() -> list[Path]:
    return [p for p in sorted(_package_dir().rglob("*.py")) if p.name not in NOT_IN_BROWSER]


def answer_sets() -> list[str]:
    """JSON texts that walk every branch the bank offers, plus invalid input of each kind."""
    bank = json.loads(importlib.import_module(f"{PACKAGE}.api").questions_json())
    limits = bank.get("limits", {})
    sets: list[object] = []
    widest = max(len(q.get("options") or []) for q in bank["questions"]) or 1
    ages = limits.get("age", [0, 120])
    for index in range(max(widest, 5)):
        answers: dict[str, object] = {}
        for question in bank["questions"]:
            options = [o.get("value") if isinstance(o, dict) else o for o in question.get("options") or []]
            if question["kind"] == "age":
                answers[question["id"]] = [3, 5, 12, 34, 80, ages[0], ages[-1]][index % 7]
            elif question["kind"] == "areas" and options:
                answers[question["id"]] = options[: 1 + index % len(options)]
            elif options:
                answers[question["id"]] = options[index % len(options)]
        sets.append(answers)
    texts = [json.dumps(answers) for answers in sets]
    texts += [
        "", "{", "[]", "null", '"text"', "NaN", '{"age": NaN}', "[" * 500,
        '{"age": 34, "age": 35}', '{"age": "forty", "pacemaker": true, "unknown": "yes"}',
        json.dumps({**sets[0], "age": -1}), json.dumps({**sets[0], "age": 34.5}),
        json.dumps({**sets[0], "areas": []}), json.dumps({**sets[0], "hdss": 9}),
    ]
    return texts


def _imported_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def import_everything_the_engine_names() -> list[str]:
    """Import every module any engine source names, lazily imported ones included."""
    done = []
    for source in [path.read_text(encoding="utf-8") for path in _engine_sources()]:
        for name in sorted(_imported_names(source)):
            try:
                importlib.import_module(name)
                done.append(name)
            except ImportError:
                pass  # `from x import function` names a function, not a module
    return done


def used_stdlib_files() -> list[str]:
    """Zip member names of every standard-library source this interpreter loaded."""
    prefix = str(STDLIB_ZIP) + "/"
    found = set(ALWAYS)
    for module in list(sys.modules.values()):
        origin = getattr(module, "__file__", None)
        if isinstance(origin, str) and origin.startswith(prefix):
            found.add(origin[len(prefix):])
    found = {name for name in found if name.split("/")[0].removesuffix(".py") not in LEFT_OUT}
    # Every enclosing package's __init__, even if only a submodule was reached.
    for name in list(found):
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            found.add("/".join(parts[:depth]) + "/__init__.py")
    return sorted(found)


def _pyc(source: bytes, filename: str, checked: bool) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=checked))


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data, compresslevel=9)


def write_trimmed(out_path: str, bytecode_path: str) -> str:
    """Write the trimmed zip and the engine's bytecode zip; return a JSON report."""
    files = used_stdlib_files()
    engine_files = _engine_sources()
    with zipfile.ZipFile(STDLIB_ZIP) as full:
        present = set(full.namelist())
        missing = [name for name in files if name not in present]
        if missing:
            raise RuntimeError(f"Modules missing from the runtime's stdlib zip: {missing}")
        with zipfile.ZipFile(out_path, "w") as out:
            for name in files:
                source = full.read(name)
                _add(out, name[: -len(".py")] + ".pyc", _pyc(source, f"{STDLIB_ZIP}/{name}", checked=False))
    with zipfile.ZipFile(bytecode_path, "w") as out:
        for path in engine_files:
            cached = Path(importlib.util.cache_from_source(str(path))).relative_to(_package_dir().parent)
            _add(out, cached.as_posix(), _pyc(path.read_bytes(), str(path), checked=True))
    return json.dumps({
        "python": sys.version.split()[0],
        "magic": importlib.util.MAGIC_NUMBER.hex(),
        "stdlib_modules": files,
        "engine_bytecode": [str(p.relative_to(_package_dir().parent)) for p in engine_files],
    })
