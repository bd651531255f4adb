// The page side of the self-check engine. Nothing is downloaded until something asks
// for the engine: the patient pressing Start (flow.js), or code reading
// `window.selfcheck.ready` or calling `window.selfcheck.evaluate` (the spec's contract):
//   window.selfcheck.ready             Promise, resolves when Python is loaded
//   window.selfcheck.evaluate(answers) Promise of the same JSON as the CLI
//   window.selfcheck.check(answers, checkedOn) Promise of {result, summary_html} or {errors}:
//                                      one evaluation gives the result and the GP summary
//   window.selfcheck.onProgress(fn)    fn({stage, bytes}) while the engine loads
//   window.selfcheck.whenReady()       like `ready`, but waits for someone else to start it
// Every request settles exactly once: with a reply, an error, or a timeout. Any failure
// rejects, so the page can show the paper checklist, never a result.
//
// Limits: a download that stops making progress for `selfcheck-start-limit` ms fails;
// a slow one that keeps moving does not (a patient on a slow line is not cut off). Once
// every file has arrived, Python itself starts (compiling, no bytes to count): that may
// take up to STALL_LIMIT_MS on a slow device. A file that fails outright (HTTP error,
// wrong type, aborted) fails at once: the worker reports it (worker.js).

import { optionalMeta } from "./dom.js";

const STALL_LIMIT_MS = 60_000;
const CALL_LIMIT_MS = 15_000;

function meta(name) {
  const value = optionalMeta(name);
  if (value === undefined) throw new Error(`Missing <meta name="${name}">`);
  return value;
}

function limit(name, fallback) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? Number(element.content) : fallback;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Engine {
  constructor() {
    this.pending = new Map();
    this.nextId = 1;
    this.listeners = new Set();
    this.progress = { stage: "downloading", bytes: 0 };
    this.ready = new Promise((resolve, reject) => {
      this.started = { resolve, reject };
    });
    this.ready.catch(() => {}); // failures reach every caller through fail()
    this.stallLimit = limit("selfcheck-start-limit", STALL_LIMIT_MS);
    this.watchStall();
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || "The engine worker crashed"));
    };
    this.worker.postMessage({
      type: "start",
      config: {
        runtimeURL: meta("selfcheck-runtime"),
        lockFileURL: meta("selfcheck-lock"),
        packageBaseURL: new URL(".", meta("selfcheck-lock")).href,
        stdLibURL: optionalMeta("selfcheck-stdlib"),
      },
    });
  }

  // The start limit counts from the last sign of progress, not from the start.
  watchStall(ms = this.stallLimit) {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(
      () => this.fail(new Error(`Starting the engine took longer than ${ms} ms without progress`)),
      ms,
    );
  }

  receive(message) {
    switch (message.type) {
      case "progress":
        this.progress = { stage: message.stage, bytes: message.bytes };
        this.watchStall(message.stage === "starting" ? Math.max(this.stallLimit, STALL_LIMIT_MS) : this.stallLimit);
        for (const listener of this.listeners) listener(this.progress);
        return;
      case "ready":
        clearTimeout(this.stallTimer);
        this.progress = { stage: "ready", bytes: this.progress.bytes };
        this.started.resolve(message.python);
        return;
      case "failed":
        this.fail(new Error(message.message));
        return;
      case "reply":
      case "error": {
        const request = this.pending.get(message.id);
        if (!request) return;
        this.pending.delete(message.id);
        if (message.type === "reply") request.resolve(message.text);
        else request.reject(new Error(message.message));
        return;
      }
      default:
        this.fail(new Error(`Unknown message from the engine: ${message.type}`));
    }
  }

  fail(error) {
    clearTimeout(this.stallTimer);
    this.started.reject(error);
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
    this.worker.terminate();
  }

  async request(message) {
    await this.ready;
    const id = this.nextId++;
    const reply = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
    return withTimeout(reply, limit("selfcheck-call-limit", CALL_LIMIT_MS), `The ${message.type} request`);
  }
}

let engine = null;
let markStarted;
const whenStarted = new Promise((resolve) => { markStarted = resolve; });

/** The engine, started on first use. */
function started() {
  if (engine === null) {
    engine = new Engine();
    showStatus(engine);
    markStarted(engine);
  }
  return engine;
}

function showStatus(running) {
  const status = document.querySelector("[data-selfcheck-status]");
  if (!status) return;
  // Nothing to say while all is well: how the check runs is not the patient's concern.
  // The words are the package's, from the page's words block (partials/page-words.html).
  const words = document.getElementById("page-words");
  running.ready.catch(() => {
    if (words) status.textContent = JSON.parse(words.textContent)["selfcheck.engine"].failed;
  });
}

window.selfcheck = Object.freeze({
  get ready() {
    return started().ready;
  },
  async evaluate(answers) {
    return JSON.parse(await started().request({ type: "evaluate", answers: JSON.stringify(answers) }));
  },
  async check(answers, checkedOn) {
    return JSON.parse(await started().request({ type: "check", answers: JSON.stringify(answers), checkedOn }));
  },
  /** Settles with `ready` once something else has started the engine; never starts it. */
  whenReady() {
    return whenStarted.then((running) => running.ready);
  },
  /** Call `listener` with each progress report, the current one at once. */
  onProgress(listener) {
    const running = started();
    running.listeners.add(listener);
    listener(running.progress);
  },
});
