// The Python side of the self-check: runs Pyodide and the `selfcheck` package.
//
// Message protocol (one shape per type; every request gets exactly one reply):
//   page -> worker  {type: "start", config: {runtimeURL, lockFileURL, packageBaseURL, stdLibURL?}}
//                   {type: "evaluate", id, answers}           answers: JSON text
//                   {type: "check", id, answers, checkedOn}   checkedOn: "YYYY-MM-DD"
//   worker -> page  {type: "progress", stage, bytes}  stage: "downloading" | "starting"
//                   {type: "ready", python}  |  {type: "failed", message}
//                   {type: "reply", id, text}  |  {type: "error", id, message}
// Data crosses as JSON text, so no Python proxy objects leak into the page.

let engine = null;
let loadSummary = null;
let failed = false;

function fail(message) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", message });
}

// Every engine file Pyodide fetches passes through here, so that a file that cannot be
// had fails the start at once (Pyodide itself can hang: on a wasm with the wrong type,
// or after an aborted one), and so that the page sees the bytes arrive: a slow download
// that keeps moving is not a stalled one.
const PROGRESS_EVERY_MS = 250;
const download = { active: 0, bytes: 0, reported: 0 };

function report(stage) {
  self.postMessage({ type: "progress", stage, bytes: download.bytes });
}

async function count(body, name) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      download.bytes += value.byteLength;
      const now = Date.now();
      if (now - download.reported >= PROGRESS_EVERY_MS) {
        download.reported = now;
        report("downloading");
      }
    }
  } catch (error) {
    fail(`The download of ${name} stopped: ${error}`);
  } finally {
    finished();
  }
}

/** One request's body has arrived (or failed): when none is left, Python starts. */
function finished() {
  download.active -= 1;
  if (download.active === 0) report("starting");
}

const networkFetch = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  const name = url.slice(url.lastIndexOf("/") + 1);
  // A request counts as downloading from the moment it is made: one that is never
  // answered (a stalled wasm) must keep the short stall limit, not Python's start limit.
  download.active += 1;
  report("downloading");
  let response;
  try {
    response = await networkFetch(resource, options);
  } catch (error) {
    fail(`${name} could not be downloaded: ${error}`);
    finished();
    throw error;
  }
  if (!response.ok) fail(`${name} could not be downloaded: HTTP ${response.status}`);
  else if (name.endsWith(".wasm") && !(response.headers.get("content-type") || "").startsWith("application/wasm")) {
    fail(`${name} came with the wrong type: ${response.headers.get("content-type")}`);
  } else if (response.body) {
    count(response.clone().body, name);
    return response;
  }
  finished();
  return response;
};

async function start(config) {
  // The runtime is asked for at once, beside this worker's own modules. As static
  // imports, those would be fetched only once this file had arrived and been parsed:
  // one more round trip before the runtime could even be asked for.
  const runtime = import(`${config.runtimeURL}pyodide.mjs`);
  runtime.catch(() => {}); // awaited below, unless the check refuses first
  const [{ refuseIfWasmBlocked }, { BYTECODE_ZIP, engineFiles }] = await Promise.all([
    import("./wasm-check.js"),
    import("./wheel.js"),
  ]);
  refuseIfWasmBlocked();
  // The wheel (integrity-checked against the lock) and the engine's bytecode are
  // fetched now and written before Python starts: see wheel.js.
  const files = engineFiles({
    lockFileURL: config.lockFileURL,
    packageBaseURL: config.packageBaseURL,
    packageName: "selfcheck",
    bytecodeURL: config.stdLibURL ? new URL(BYTECODE_ZIP, config.packageBaseURL).href : undefined,
  });
  const { loadPyodide } = await runtime;
  const pyodide = await loadPyodide({
    indexURL: config.runtimeURL,
    lockFileContents: files.lockFileContents,
    packageBaseUrl: config.packageBaseURL,
    // The build's trimmed, precompiled standard library (sitebuild.stdlib), when given.
    ...(config.stdLibURL ? { stdLibURL: config.stdLibURL } : {}),
    fsInit: files.fsInit,
    // Python's output is a log, never a result.
    stdout: (line) => console.debug(line),
    stderr: (line) => console.debug(line),
  });
  await files.installed;
  engine = pyodide.pyimport("selfcheck.api");
  loadSummary = () => pyodide.pyimport("selfcheck.summary").destroy();
  return pyodide.runPython("import sys; sys.version.split()[0]");
}

function call(request) {
  switch (request.type) {
    case "evaluate":
      return engine.evaluate_json(request.answers);
    case "check":
      return engine.result_and_summary_json(request.answers, request.checkedOn);
    default:
      throw new Error(`Unknown request type: ${request.type}`);
  }
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      const python = await start(data.config);
      if (!failed) self.postMessage({ type: "ready", python });
      // Ready means evaluate works. The GP summary's modules (about 40% of the engine's
      // import time) load now, while the patient answers, so "See my result" never
      // waits for them.
      if (!failed) loadSummary();
    } catch (error) {
      fail(String(error));
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
