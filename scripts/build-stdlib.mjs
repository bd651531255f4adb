// Build a trimmed, precompiled python_stdlib.zip for the self-check engine.
//
//   node scripts/build-stdlib.mjs --pyodide node_modules/pyodide --engine DIR --out ZIP --report JSON
//
// DIR holds the selfcheck wheel and the pyodide-lock.json that registers it. The script
// runs Pyodide's own Python (the exact runtime the browser gets) in Node:
//   1. installs the wheel through the lock, as the browser worker does;
//   2. imports and exercises the engine through selfcheck.api, the worker's calls,
//      with valid and invalid answers, errors crossing into JavaScript included;
//   3. writes the zip: only the stdlib modules that run loaded, as unchecked-hash .pyc
//      compiled by this interpreter, plus the engine's checked-hash .pyc;
//   4. starts a second Pyodide on the trimmed zip and checks that it gives the same
//      answers with no ImportError.
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

async function start(stdLibURL) {
  const log = [];
  const pyodide = await loadPyodide({
    indexURL: pyodideDir,
    ...(stdLibURL ? { stdLibURL } : {}),
    lockFileURL: path.join(engineDir, "pyodide-lock.json"),
    packageBaseUrl: engineDir,
    packages: ["selfcheck"],
    stdout: (line) => log.push(line),
    stderr: (line) => log.push(line),
  });
  // Loading a package from `packages` logs failures instead of throwing.
  if (!pyodide.loadedPackages.selfcheck) throw new Error(`The selfcheck wheel did not install:\n${log.join("\n")}`);
  return pyodide;
}

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
full.globals.get("import_everything_the_engine_names")();
full.FS.mkdirTree("/build");
const report = JSON.parse(full.globals.get("write_trimmed")("/build/python_stdlib.zip"));
const zip = full.FS.readFile("/build/python_stdlib.zip");

// 4: the trimmed zip must give the same answers, with the engine's bytecode in use.
const candidate = path.resolve(args.out) + ".tmp";
writeFileSync(candidate, zip);
const trimmed = await start(candidate);
// Exactly what the worker does (overrides/assets/selfcheck/worker.js), before any helper code.
report.engine_bytecode_installed = trimmed.runPython("import _selfcheck_bytecode; _selfcheck_bytecode.install()");
if (report.engine_bytecode_installed !== report.engine_bytecode.length) {
  throw new Error(`Installed ${report.engine_bytecode_installed} of ${report.engine_bytecode.length} engine .pyc files`);
}
const actual = exercise(trimmed, texts);
if (JSON.stringify(actual) !== JSON.stringify(expected)) {
  const at = actual.findIndex((value, index) => value !== expected[index]);
  throw new Error(`The trimmed stdlib changes the engine's output (call ${at}):\n${actual[at]}\n---\n${expected[at]}`);
}
trimmed.runPython(helper);
const stale = trimmed.globals.get("engine_bytecode_mismatches")().toJs();
if (stale.length) throw new Error(`Engine bytecode does not match the installed sources: ${stale}`);
report.checked_calls = actual.length;
report.zip_bytes = zip.length;

writeFileSync(args.report, JSON.stringify(report, null, 1) + "\n");
renameSync(candidate, args.out);
console.log(`trimmed stdlib: ${report.stdlib_modules.length} modules, ${zip.length} bytes, ${actual.length} calls checked`);
process.exit(0);
