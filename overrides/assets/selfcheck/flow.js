// The self-check journey on one page: start, one question per screen, check your
// answers, then the result from the Python engine (window.selfcheck, engine.js).
//
// Progressive enhancement: without this script the page is the start text and the
// paper checklist. With it, screens are <section data-sc-screen> toggled with
// `hidden`; focus moves to each new screen's heading and document.title follows.
// The browser's Back button works through history.pushState, which stores only the
// screen's name: answers never go into the address bar, a cookie or anywhere but
// sessionStorage for this tab (storage.js).
//
// The result is shown only when the engine returns both a valid result and the GP
// summary. Any failure, timeout or unexpected reply shows the fallback: "speak to a
// GP" and the paper checklist, never a partial or default result.

import * as storage from "./storage.js";
import { QuestionScreen } from "./question.js";
import { ResultView } from "./result.js";

const CLEARED = "Your answers have been cleared.";

function need(parent, selector) {
  const element = parent.querySelector(selector);
  if (!element) throw new Error(`Self-check markup is missing ${selector}`);
  return element;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

class SelfCheck {
  constructor(root) {
    this.root = root;
    this.version = root.dataset.scVersion;
    this.name = root.dataset.scTitle;
    this.startTitle = document.title;
    this.questions = new Map();
    for (const section of root.querySelectorAll('[data-sc-screen="question"]')) {
      const question = new QuestionScreen(section);
      this.questions.set(question.id, question);
    }
    this.order = [...this.questions.keys()];
    this.screens = new Map([
      ["start", need(root, '[data-sc-screen="start"]')],
      ["check", need(root, '[data-sc-screen="check"]')],
      ["waiting", need(root, '[data-sc-screen="waiting"]')],
      ["result", need(root, '[data-sc-screen="result"]')],
      ["fallback", need(root, '[data-sc-screen="fallback"]')],
    ]);
    for (const [id, question] of this.questions) this.screens.set(`q:${id}`, question.section);
    this.paper = need(root, "[data-sc-paper]");
    this.announcer = need(root, "[data-sc-announce]");
    this.result = new ResultView(root, this.questions);
    this.current = null;
    this.changing = false; // true while changing an answer from "Check your answers"
    this.request = 0; // the latest result request; older replies are ignored
    this.engine = this.watchEngine();
    this.answers = this.restore();
  }

  // --- engine ------------------------------------------------------------------------

  watchEngine() {
    const state = { bridge: window.selfcheck, ready: false, failed: false };
    if (!state.bridge || typeof state.bridge.evaluate !== "function") {
      state.failed = true;
      return state;
    }
    Promise.resolve(state.bridge.ready).then(
      () => { state.ready = true; },
      () => { state.failed = true; },
    );
    return state;
  }

  // --- answers -----------------------------------------------------------------------

  restore() {
    const saved = storage.load(this.version);
    const answers = {};
    for (const [id, question] of this.questions) {
      if (id in saved && question.accepts(saved[id])) {
        answers[id] = saved[id];
        question.write(saved[id]);
      }
    }
    return answers;
  }

  firstUnanswered() {
    return this.order.find((id) => !(id in this.answers));
  }

  clearAnswers() {
    storage.clear();
    this.answers = {};
    for (const question of this.questions.values()) question.clear();
    this.result.reset();
    this.result.clearName();
    this.changing = false;
    this.show("start");
    this.announce(CLEARED);
  }

  announce(text) {
    // Empty first, so the same message is announced again if it repeats.
    this.announcer.textContent = "";
    window.setTimeout(() => { this.announcer.textContent = text; }, 100);
  }

  // --- screens -----------------------------------------------------------------------

  start() {
    this.root.querySelectorAll('[data-sc-when="js"]').forEach((el) => { el.hidden = false; });
    this.root.querySelectorAll('[data-sc-when="no-js"]').forEach((el) => { el.hidden = true; });
    this.paper.hidden = true;
    this.root.addEventListener("click", (event) => this.onClick(event));
    this.root.addEventListener("submit", (event) => this.onSubmit(event));
    window.addEventListener("popstate", (event) => this.onPopState(event));
    this.show("start", { push: false, focus: false, replace: true });
  }

  /** On the start screen, say so when answers kept from earlier in this tab will be used. */
  showResumeNotice() {
    const notice = this.root.querySelector("[data-sc-resume]");
    if (notice) notice.hidden = Object.keys(this.answers).length === 0;
  }

  /** Show one screen, hide the others, move focus to its heading, set the title. */
  show(name, { push = true, focus = true, replace = false } = {}) {
    const target = this.screens.get(name);
    if (!target) throw new Error(`Unknown screen ${name}`);
    for (const screen of this.screens.values()) screen.hidden = screen !== target;
    this.current = name;
    const kind = name.startsWith("q:") ? "question" : name;
    this.root.dataset.scState = kind;
    this.paper.hidden = kind !== "fallback";
    if (kind === "check") this.fillCheckAnswers();
    if (kind === "start") this.showResumeNotice();
    this.setTitle();
    if (replace) window.history.replaceState({ selfcheck: name }, "");
    else if (push) window.history.pushState({ selfcheck: name }, "");
    if (focus) {
      const heading = this.headingOf(name);
      window.scrollTo(0, 0);
      if (heading) heading.focus({ preventScroll: true });
    }
  }

  headingOf(name) {
    if (name === "result") return this.result.heading;
    if (name === "start") {
      const heading = this.screens.get("start").querySelector("h1");
      if (heading) heading.tabIndex = -1;
      return heading;
    }
    return this.screens.get(name).querySelector("[data-sc-heading]");
  }

  setTitle() {
    const name = this.current;
    if (name === "start") {
      document.title = this.startTitle;
      return;
    }
    let title;
    let error = false;
    if (name.startsWith("q:")) {
      const question = this.questions.get(name.slice(2));
      title = question.title;
      error = question.hasError;
    } else if (name === "result" && this.result.heading) {
      title = this.result.heading.textContent.trim();
    } else {
      title = this.screens.get(name).dataset.scTitle;
    }
    document.title = `${error ? "Error: " : ""}${title} – ${this.name}`;
  }

  fillCheckAnswers() {
    for (const cell of this.root.querySelectorAll("[data-sc-answer-for]")) {
      const id = cell.dataset.scAnswerFor;
      cell.textContent = id in this.answers ? this.questions.get(id).display(this.answers[id]) : "Not answered";
    }
  }

  showQuestion(id, options) {
    this.show(`q:${id}`, options);
  }

  next(id) {
    const index = this.order.indexOf(id);
    const following = this.order[index + 1];
    if (this.changing || following === undefined) {
      this.changing = false;
      const missing = this.firstUnanswered();
      if (missing) this.showQuestion(missing);
      else this.show("check");
    } else {
      this.showQuestion(following);
    }
  }

  back() {
    const name = this.current;
    if (name === "check") {
      this.showQuestion(this.order[this.order.length - 1]);
      return;
    }
    if (name.startsWith("q:")) {
      if (this.changing) {
        this.changing = false;
        this.show("check");
        return;
      }
      const index = this.order.indexOf(name.slice(2));
      if (index === 0) this.show("start");
      else this.showQuestion(this.order[index - 1]);
    }
  }

  // --- result --------------------------------------------------------------------------

  async showResult({ push = true } = {}) {
    const missing = this.firstUnanswered();
    if (missing) {
      this.showQuestion(missing, { push });
      return;
    }
    const request = ++this.request;
    this.result.reset();
    const answers = { ...this.answers };
    const bridge = this.engine.bridge;
    if (this.engine.failed) {
      this.showFallback({ push });
      return;
    }
    // The quiet progress message, only if the engine is not ready yet.
    let waited = false;
    if (!this.engine.ready) {
      this.show("waiting", { push });
      waited = true;
    }
    try {
      const [result, summary] = await Promise.all([
        bridge.evaluate(answers),
        bridge.summary(answers, today()),
      ]);
      if (request !== this.request) return;
      this.result.render(result, summary);
    } catch (error) {
      if (request !== this.request) return;
      console.warn("Self-check: no result, showing the paper checklist.", error);
      this.showFallback({ push: !waited && push, replace: waited });
      return;
    }
    if (waited) this.show("result", { push: false, replace: true });
    else this.show("result", { push });
  }

  showFallback({ push = true, replace = false } = {}) {
    this.request++;
    this.result.reset();
    this.show("fallback", { push, replace });
  }

  // --- events ------------------------------------------------------------------------

  onSubmit(event) {
    const form = event.target.closest("[data-sc-form]");
    if (!form) return;
    event.preventDefault();
    const id = form.closest("[data-sc-question]").dataset.scQuestion;
    const question = this.questions.get(id);
    const answer = question.read();
    if ("problem" in answer) {
      question.showError(answer.problem);
      this.setTitle();
      return;
    }
    question.hideError();
    this.answers[id] = answer.value;
    storage.save(this.version, this.answers);
    this.next(id);
  }

  onClick(event) {
    const change = event.target.closest("[data-sc-change]");
    if (change) {
      event.preventDefault();
      this.changing = true;
      this.showQuestion(change.dataset.scChange);
      return;
    }
    const errorLink = event.target.closest("[data-sc-error-link]");
    if (errorLink) {
      event.preventDefault();
      this.questions.get(errorLink.closest("[data-sc-question]").dataset.scQuestion).focusInput();
      return;
    }
    const action = event.target.closest("[data-sc-action]");
    if (!action) return;
    event.preventDefault(); // Back is a link: the address bar never changes
    switch (action.dataset.scAction) {
      case "start": {
        if (this.engine.failed) {
          this.showFallback();
          return;
        }
        this.changing = false;
        const missing = this.firstUnanswered();
        if (missing) this.showQuestion(missing);
        else this.show("check");
        return;
      }
      case "back":
        this.back();
        return;
      case "result":
        this.showResult();
        return;
      case "change":
        this.changing = false;
        this.show("check");
        return;
      case "clear":
        this.clearAnswers();
        return;
      case "print":
        window.print();
        return;
      default:
        throw new Error(`Unknown self-check action ${action.dataset.scAction}`);
    }
  }

  onPopState(event) {
    const name = event.state && event.state.selfcheck;
    if (!name || !this.screens.has(name)) return;
    this.changing = false;
    if (name === "result") {
      this.showResult({ push: false });
    } else if (name === "waiting") {
      this.show("check", { push: false });
    } else if (name === "fallback") {
      this.showFallback({ push: false });
    } else {
      this.show(name, { push: false });
    }
  }
}

const root = document.querySelector('[data-module="sc-selfcheck"]');
if (root) new SelfCheck(root).start();
