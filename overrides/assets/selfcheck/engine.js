// The page side of the self-check engine: starts the Python worker as soon as the
// page opens and exposes the contract from the spec:
//   window.selfcheck.ready            Promise, resolves when Python is loaded
//   window.selfcheck.evaluate(answers) Promise of the same JSON as the CLI
//   window.selfcheck.summary(answers, checkedOn) Promise of the GP summary HTML
// Every request settles exactly once: with a reply, an error, or a timeout. Any
// failure rejects, so the page can show the paper checklist, never a result.

const START_LIMIT_MS = 60_000;
const CALL_LIMIT_MS = 15_000;

function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  if (!element) throw new Error(`Missing <meta name="${name}">`);
  return new URL(element.content, document.baseURI).href;
}

// Optional: a page built without a trimmed standard library uses the runtime's own.
function optionalMeta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? new URL(element.content, document.baseURI).href : undefined;
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
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const started = new Promise((resolve, reject) => {
      this.started = { resolve, reject };
    });
    this.ready = withTimeout(started, limit("selfcheck-start-limit", START_LIMIT_MS), "Starting the engine");
    this.ready.catch((error) => this.fail(error));
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

  receive(message) {
    switch (message.type) {
      case "ready":
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

const engine = new Engine();

window.selfcheck = Object.freeze({
  ready: engine.ready,
  async evaluate(answers) {
    return JSON.parse(await engine.request({ type: "evaluate", answers: JSON.stringify(answers) }));
  },
  summary(answers, checkedOn) {
    return engine.request({ type: "summary", answers: JSON.stringify(answers), checkedOn });
  },
});

const status = document.querySelector("[data-selfcheck-status]");
if (status) {
  // Nothing to say while all is well: how the check runs is not the patient's concern.
  engine.ready.catch(() => { status.textContent = status.dataset.failedText; });
}
