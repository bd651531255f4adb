// The Python side of the self-check: runs Pyodide and the `selfcheck` package.
//
// Message protocol (one shape per type; every request gets exactly one reply):
//   page -> worker  {type: "start", config: {runtimeURL, lockFileURL, packageBaseURL, stdLibURL?}}
//                   {type: "evaluate", id, answers}           answers: JSON text
//                   {type: "summary", id, answers, checkedOn} checkedOn: "YYYY-MM-DD"
//   worker -> page  {type: "ready", python}  |  {type: "failed", message}
//                   {type: "reply", id, text}  |  {type: "error", id, message}
// Data crosses as JSON text, so no Python proxy objects leak into the page.

let engine = null;

async function start(config) {
  const { loadPyodide } = await import(`${config.runtimeURL}pyodide.mjs`);
  const pyodide = await loadPyodide({
    indexURL: config.runtimeURL,
    lockFileURL: config.lockFileURL,
    packageBaseUrl: config.packageBaseURL,
    // The build's trimmed, precompiled standard library (sitebuild.stdlib), when given.
    ...(config.stdLibURL ? { stdLibURL: config.stdLibURL } : {}),
    packages: ["selfcheck"],
    // Python's output is a log, never a result.
    stdout: (line) => console.debug(line),
    stderr: (line) => console.debug(line),
  });
  if (config.stdLibURL) {
    // Checked-hash bytecode for the installed wheel's modules: used only where it
    // matches the installed sources, so Python need not compile them. Only a speed-up:
    // without it Python compiles the sources.
    try {
      pyodide.runPython("import _selfcheck_bytecode; _selfcheck_bytecode.install()");
    } catch (error) {
      console.warn(`Engine bytecode not installed: ${error}`);
    }
  }
  engine = pyodide.pyimport("selfcheck.api");
  return pyodide.runPython("import sys; sys.version.split()[0]");
}

function call(request) {
  switch (request.type) {
    case "evaluate":
      return engine.evaluate_json(request.answers);
    case "summary":
      return engine.summary_html(request.answers, request.checkedOn);
    default:
      throw new Error(`Unknown request type: ${request.type}`);
  }
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      const python = await start(data.config);
      self.postMessage({ type: "ready", python });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error) });
    }
    return;
  }
  try {
    if (engine === null) throw new Error("The engine has not started");
    self.postMessage({ type: "reply", id: data.id, text: call(data) });
  } catch (error) {
    self.postMessage({ type: "error", id: data.id, message: String(error) });
  }
};
