// Build a trimmed, precompiled python_stdlib.zip for the self-check engine.
//
//   node scripts/build-stdlib.mjs --pyodide node_modules/pyodide --engine DIR --out ZIP --report JSON
//
// DIR holds the selfcheck wheel and the pyodide-lock.json that registers it. The script
// runs Pyodide's own Python (the exact runtime the browser gets) in Node:
//   1. installs the wheel with the browser worker's own code (wheel.js: found through
//      the lock, sha256-checked, written before Python starts);
//   2. imports and exercises the engine through selfcheck.api, the worker's calls,
//      with valid and invalid answers, errors crossing into JavaScript included;
//   3. writes the zip: only the stdlib modules that run loaded, as unchecked-hash .pyc
//      compiled by this interpreter; and beside it the engine's checked-hash .pyc
//      (selfcheck-bytecode.zip);
//   4. starts a second Pyodide on the trimmed zip, with the bytecode, and checks that
//      it gives the same answers with no ImportError, using the engine's bytecode.
// Any failure exits non-zero; the build (src/sitebuild/stdlib.py) then stops.

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    pyodide: { type: "string" },
    engine: { type: "string" },
    out: { type: "string" },
    report: { type: "string" },
  },
});
for (const name of ["pyodide", "engine", "out", "report"]) {
  if (!args[name]) throw new Error(`--${name} is required`);
}
const pyodideDir = path.resolve(args.pyodide) + "/";
const engineDir = path.resolve(args.engine) + "/";
const helper = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "build_stdlib_pyodide.py"), "utf8");
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
// The worker's own installer. Imported as a data: URL because package.json does not
// declare ES modules, and Node would otherwise warn on every build.
const wheelJs = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "overrides", "assets", "selfcheck", "wheel.js"));
const { BYTECODE_ZIP, engineFiles } = await import(`data:text/javascript;base64,${wheelJs.toString("base64")}`);
// Node's fetch has no file: URLs.
const fetchFile = async (url) => new Response(readFileSync(fileURLToPath(url)));

async function start(stdLibURL, bytecodeURL) {
  const files = engineFiles({
    lockFileURL: pathToFileURL(path.join(engineDir, "pyodide-lock.json")).href,
    packageBaseURL: pathToFileURL(engineDir).href,
    packageName: "selfcheck",
    bytecodeURL,
    fetchFile,
  });
  const pyodide = await loadPyodide({
    indexURL: pyodideDir,
    ...(stdLibURL ? { stdLibURL } : {}),
    lockFileContents: files.lockFileContents,
    packageBaseUrl: engineDir,
    fsInit: files.fsInit,
    stdout: () => {},
    stderr: () => {},
  });
  await files.installed;
  return pyodide;
}

// Run in the trimmed interpreter: every engine module has a fresh checked-hash .pyc
// beside its source. Only frozen and always-loaded modules, as the zip is trimmed.
const STALE_BYTECODE = `
import os, _imp
from importlib._bootstrap_external import MAGIC_NUMBER, cache_from_source
import selfcheck
stale = []
root = os.path.dirname(selfcheck.__file__)
for name in sorted(os.listdir(root)):
    if not name.endswith(".py") or name in ("cli.py", "__main__.py"):
        continue
    source = os.path.join(root, name)
    with open(source, "rb") as f:
        expected = _imp.source_hash(_imp.pyc_magic_number_token, f.read())
    try:
        with open(cache_from_source(source), "rb") as f:
            head = f.read(16)
    except OSError:
        head = b""
    if head[:4] != MAGIC_NUMBER or int.from_bytes(head[4:8], "little") != 0b11 or head[8:16] != expected:
        stale.append(name)
stale
`;

// The worker's calls, with the worker's types: JSON text in, text out, errors caught in JS.
function exercise(pyodide, texts) {
  const api = pyodide.pyimport("selfcheck.api");
  const out = [];
  for (const text of texts) {
    out.push(api.evaluate_json(text));
    for (const day of ["2026-11-24", "2026-02-30", "24/11/2026"]) {
      try {
        out.push(api.summary_html(text, day));
      } catch (error) {
        const message = String(error);
        if (/ImportError|ModuleNotFoundError/.test(message)) throw error;
        out.push(`error: ${message.split("\n").filter(Boolean).pop()}`);
      }
    }
  }
  api.destroy();
  return out;
}

// 1-3: the full stdlib, exercised, then trimmed.
const full = await start();
full.runPython(helper);
const texts = full.globals.get("answer_sets")().toJs();
const expected = exercise(full, texts);
// The treatment diary's worker still installs its wheel with Pyodide's package loader,
// from this same trimmed zip: keep what the loader imports when it installs a wheel.
full.runPython("import email, importlib.metadata, tarfile");
full.globals.get("import_everything_the_engine_names")();
full.FS.mkdirTree("/build");
const report = JSON.parse(full.globals.get("write_trimmed")("/build/python_stdlib.zip", "/build/bytecode.zip"));
const zip = full.FS.readFile("/build/python_stdlib.zip");
const bytecodeOut = path.join(path.dirname(path.resolve(args.out)), BYTECODE_ZIP);

// 4: the trimmed zip must give the same answers, with the engine's bytecode in use.
const candidate = path.resolve(args.out) + ".tmp";
writeFileSync(candidate, zip);
writeFileSync(bytecodeOut + ".tmp", full.FS.readFile("/build/bytecode.zip"));
const trimmed = await start(candidate, pathToFileURL(bytecodeOut + ".tmp").href);
const stale = trimmed.runPython(STALE_BYTECODE).toJs();
if (stale.length) throw new Error(`Engine bytecode does not match the installed sources: ${stale}`);
const actual = exercise(trimmed, texts);
if (JSON.stringify(actual) !== JSON.stringify(expected)) {
  const at = actual.findIndex((value, index) => value !== expected[index]);
  throw new Error(`The trimmed stdlib changes the engine's output (call ${at}):\n${actual[at]}\n---\n${expected[at]}`);
}
report.checked_calls = actual.length;
report.zip_bytes = zip.length;

writeFileSync(args.report, JSON.stringify(report, null, 1) + "\n");
renameSync(candidate, args.out);
renameSync(bytecodeOut + ".tmp", bytecodeOut);
console.log(`trimmed stdlib: ${report.stdlib_modules.length} modules, ${zip.length} bytes, ${actual.length} calls checked`);
process.exit(0);
