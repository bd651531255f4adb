// The Python side of the diary: runs Pyodide and the `diary` package (which brings
// `selfcheck` for the HDSS wording), from the same lock and trimmed stdlib as the
// self-check.
//
//   page -> worker  {type: "start", config}  |  {type: "call", id, name, args}
//   worker -> page  {type: "ready", python}  |  {type: "failed", message}
//                   {type: "reply", id, text} |  {type: "error", id, message}
// Only the functions named in CALLS can be called; data crosses as text.

import { refuseIfWasmBlocked } from "../selfcheck/wasm-check.js";

const CALLS = new Set([
  "new_diary", "open_diary", "add_session", "add_score", "remove_entry", "set_plan",
  "summary_json", "csv_text", "ics_text",
]);
let api = null;

async function start(config) {
  refuseIfWasmBlocked();
  const { loadPyodide } = await import(`${config.runtimeURL}pyodide.mjs`);
  const pyodide = await loadPyodide({
    indexURL: config.runtimeURL,
    lockFileURL: config.lockFileURL,
    packageBaseUrl: config.packageBaseURL,
    ...(config.stdLibURL ? { stdLibURL: config.stdLibURL } : {}),
    packages: ["diary"],
    stdout: (line) => console.debug(line),
    stderr: (line) => console.debug(line),
  });
  api = pyodide.pyimport("diary.api");
  return pyodide.runPython("import sys; sys.version.split()[0]");
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      self.postMessage({ type: "ready", python: await start(data.config) });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error) });
    }
    return;
  }
  try {
    if (api === null) throw new Error("The diary engine has not started");
    if (data.type !== "call" || !CALLS.has(data.name)) throw new Error(`Unknown request: ${data.name}`);
    self.postMessage({ type: "reply", id: data.id, text: api[data.name](...data.args) });
  } catch (error) {
    self.postMessage({ type: "error", id: data.id, message: String(error) });
  }
};
