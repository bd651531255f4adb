// The page side of the diary engine: starts the Python worker and exposes
//   engine.ready              Promise of the Python version
//   engine.call(name, ...args) Promise of the text the Python function returns
// Every request settles once: a reply, an error or a timeout.

const START_LIMIT_MS = 60_000;
const CALL_LIMIT_MS = 15_000;

function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? new URL(element.content, document.baseURI).href : undefined;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class DiaryEngine {
  constructor() {
    this.pending = new Map();
    this.nextId = 1;
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const started = new Promise((resolve, reject) => { this.started = { resolve, reject }; });
    this.ready = withTimeout(started, START_LIMIT_MS, "Starting the diary engine");
    this.ready.catch((error) => this.fail(error));
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || "The diary worker crashed"));
    };
    const lock = meta("selfcheck-lock");
    this.worker.postMessage({
      type: "start",
      config: {
        runtimeURL: meta("selfcheck-runtime"),
        lockFileURL: lock,
        packageBaseURL: new URL(".", lock).href,
        stdLibURL: meta("selfcheck-stdlib"),
      },
    });
  }

  receive(message) {
    if (message.type === "ready") return this.started.resolve(message.python);
    if (message.type === "failed") return this.fail(new Error(message.message));
    const request = this.pending.get(message.id);
    if (!request) return undefined;
    this.pending.delete(message.id);
    if (message.type === "reply") request.resolve(message.text);
    else request.reject(new Error(message.message));
    return undefined;
  }

  fail(error) {
    this.started.reject(error);
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
    this.worker.terminate();
  }

  async call(name, ...args) {
    await this.ready;
    const id = this.nextId++;
    const reply = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "call", id, name, args });
    });
    return withTimeout(reply, CALL_LIMIT_MS, `The ${name} request`);
  }
}
