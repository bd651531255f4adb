"""The two reference builds the benchmark compares against, made in the same run:

* a vanilla Material page: one Markdown page, ``theme.font: false``, the same
  mkdocs-material as the site;
* a bare ``loadPyodide()`` of the same npm package in a dedicated module worker on a
  blank page (the runtime served with the same year-long ``Cache-Control`` as ours).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

VANILLA_CONFIG = """\
site_name: Vanilla Material
theme:
  name: material
  font: false
"""

VANILLA_PAGE = """\
# A plain page

Tap-water iontophoresis passes a weak electric current through water to the skin.
Most people use it on their hands or feet for about 20 minutes at a time.

## What to expect

Sessions are repeated a few times a week at first, then less often. The effect wears
off, so people who find it helps usually keep going with a few sessions a month.
"""

BARE_PAGE = """\
<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Bare loadPyodide</title>
<p>Bare Pyodide start.</p>
<script type="module">
  window.__askedAt = performance.now();
  const worker = new Worker("./worker.js", { type: "module" });
  window.bare = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.ok ? resolve(data.python) : reject(new Error(data.message)));
    worker.onerror = (event) => reject(new Error(event.message));
  });
  window.bare.then(() => { window.__readyAt = performance.now(); }, (e) => { window.__readyError = String(e); });
</script>
</html>
"""

BARE_WORKER = """\
import { loadPyodide } from "./pyodide/pyodide.mjs";
try {
  const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
  self.postMessage({ ok: true, python: pyodide.runPython("import sys; sys.version.split()[0]") });
} catch (error) {
  self.postMessage({ ok: false, message: String(error) });
}
"""


def build_vanilla(target: Path) -> Path:
    """Build the vanilla Material page; returns its site directory."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "docs").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(VANILLA_CONFIG)
    (target / "docs" / "index.md").write_text(VANILLA_PAGE)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target / "site")],
        cwd=target, env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"Could not build the vanilla Material page:\n{done.stderr}")
    return target / "site"


def build_bare(target: Path, pyodide_package: Path) -> Path:
    """The blank page with a bare loadPyodide() in a worker; returns its directory."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    (target / "index.html").write_text(BARE_PAGE)
    (target / "worker.js").write_text(BARE_WORKER)
    runtime = target / "pyodide"
    runtime.mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy2(pyodide_package / name, runtime / name)
    return target
