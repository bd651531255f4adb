// The self-check journey on one page: start, one question per screen, check your
// answers, then the result from the Python engine (window.selfcheck, engine.js).
//
// journey.js decides (which screen, which answers, which request may still be shown);
// this module draws what it decides and wires the page's events to it.
//
// Progressive enhancement: without this script the page is the start text and the
// paper checklist. With it, screens are <section data-sc-screen> toggled with
// `hidden`; focus moves to each new screen's heading and document.title follows (never
// with the outcome: a title is kept in the browser's history). The browser's Back
// button works through history.pushState, which stores only the screen's name:
// answers never go into the address bar, a cookie or anywhere but sessionStorage for
// this tab (storage.js).
//
// The engine is downloaded only once the patient presses Start. The result is shown
// only when the engine returns a valid result and its GP summary, for exactly the
// answers on the page, on the screen that asked. Any failure, timeout or unexpected
// reply shows the fallback: "speak to a GP" and the paper checklist.

import * as storage from "./storage.js";
import { need } from "./dom.js";
import { Journey, fromHistory, toHistory } from "./journey.js";
import { QuestionScreen } from "./question.js";
import { ResultView } from "./result.js";

// The words this script shows, from the page's words block (partials/page-words.html):
// its own from the catalogue, the engine's progress lines from selfcheck.wording.
const PAGE_WORDS = JSON.parse(need(document, "#page-words").textContent);
const WORDS = PAGE_WORDS["selfcheck.script"];
const PROGRESS = PAGE_WORDS["selfcheck.engine"];
const SCREEN_NAMES = ["start", "check", "waiting", "result", "fallback"];

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
    this.sections = new Map(SCREEN_NAMES.map((name) => [name, need(root, `[data-sc-screen="${name}"]`)]));
    this.paper = need(root, "[data-sc-paper]");
    this.announcer = need(root, "[data-sc-announce]");
    this.progress = need(this.sections.get("waiting"), "[data-sc-progress]");
    this.result = new ResultView(root, this.questions);
    this.engine = "idle"; // idle -> loading -> ready | failed
    this.journey = new Journey([...this.questions.keys()], this.restore());
  }

  // --- engine ------------------------------------------------------------------------

  /** Start the engine's download (on Start), once. */
  needEngine() {
    if (this.engine !== "idle") return;
    const bridge = window.selfcheck;
    if (!bridge || typeof bridge.check !== "function") {
      this.engine = "failed";
      return;
    }
    this.engine = "loading";
    Promise.resolve(bridge.ready).then(
      () => { this.engine = "ready"; },
      () => {
        this.engine = "failed";
        const fallback = this.journey.engineFailed();
        if (fallback) this.draw(fallback);
      },
    );
    bridge.onProgress((report) => this.showProgress(report));
  }

  showProgress({ stage, bytes }) {
    if (stage === "downloading") {
      this.progress.textContent = PROGRESS.downloading.replace("{megabytes}", (bytes / 1e6).toFixed(1));
    } else if (stage === "starting") {
      this.progress.textContent = PROGRESS.starting;
    }
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

  clearAnswers() {
    storage.clear();
    for (const question of this.questions.values()) question.clear();
    this.result.clearName();
    this.draw(this.journey.clear());
    this.announce(WORDS.cleared);
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
    this.draw(this.journey.screen, { history: "replace", focus: false });
  }

  /** On the start screen, say so when answers kept from earlier in this tab will be used. */
  showResumeNotice() {
    const notice = this.root.querySelector("[data-sc-resume]");
    if (notice) notice.hidden = Object.keys(this.journey.answers).length === 0;
  }

  sectionOf(screen) {
    return screen.name === "question" ? this.questions.get(screen.question).section : this.sections.get(screen.name);
  }

  /**
   * Show one screen, hide the others, set the title, move focus to its heading.
   * history: "push" a new entry, "replace" the current one, or "none" (Back/Forward).
   */
  draw(screen, { history = "push", focus = true } = {}) {
    const target = this.sectionOf(screen);
    for (const section of [...this.sections.values(), ...[...this.questions.values()].map((q) => q.section)]) {
      section.hidden = section !== target;
    }
    // Nothing of a result stays on the page (or in print) off the result screen.
    if (screen.name !== "result") this.result.reset();
    this.root.dataset.scState = screen.name;
    this.paper.hidden = screen.name !== "fallback";
    if (screen.name === "check") this.fillCheckAnswers();
    if (screen.name === "start") this.showResumeNotice();
    this.setTitle(screen);
    if (history === "replace") window.history.replaceState(toHistory(screen), "");
    else if (history === "push") window.history.pushState(toHistory(screen), "");
    if (focus) {
      window.scrollTo(0, 0);
      const heading = this.headingOf(screen, target);
      if (heading) heading.focus({ preventScroll: true });
    }
  }

  headingOf(screen, section) {
    if (screen.name === "result") return this.result.heading;
    if (screen.name === "start") {
      const heading = section.querySelector("h1");
      if (heading) heading.tabIndex = -1;
      return heading;
    }
    return section.querySelector("[data-sc-heading]");
  }

  setTitle(screen) {
    if (screen.name === "start") {
      document.title = this.startTitle;
      return;
    }
    const question = screen.name === "question" ? this.questions.get(screen.question) : null;
    const title = question ? question.title : this.sectionOf(screen).dataset.scTitle;
    document.title = `${question && question.hasError ? `${WORDS.error_prefix} ` : ""}${title} – ${this.name}`;
  }

  fillCheckAnswers() {
    const { answers } = this.journey;
    for (const cell of this.root.querySelectorAll("[data-sc-answer-for]")) {
      const id = cell.dataset.scAnswerFor;
      cell.textContent = id in answers ? this.questions.get(id).display(answers[id]) : WORDS.not_answered;
    }
  }

  // --- result --------------------------------------------------------------------------

  /** Follow a screen the journey chose; the waiting screen means a result request. */
  follow(screen, options = {}) {
    if (screen.name === "waiting") this.awaitResult(options);
    else this.draw(screen, options);
  }

  async awaitResult({ history = "push" } = {}) {
    const request = this.journey.pending;
    this.needEngine();
    if (this.engine === "failed") {
      this.draw(this.journey.fail(), { history });
      return;
    }
    // The quiet progress screen only if the engine is not ready yet; a reply then
    // takes the waiting screen's place in the history.
    const quiet = this.engine === "ready";
    if (!quiet) this.draw(this.journey.screen, { history });
    const then = quiet ? history : "replace";
    try {
      const reply = await window.selfcheck.check(request.answers, today());
      if (!this.journey.fits(request)) return; // the patient moved on: drop it
      if (!reply || "errors" in reply) throw new Error("The engine did not return a result");
      this.result.render(reply.result, reply.summary_html);
      this.draw(this.journey.replied(request), { history: then });
    } catch (error) {
      const fallback = this.journey.failedFor(request);
      if (!fallback) return;
      console.warn("Self-check: no result, showing the paper checklist.", error);
      this.draw(fallback, { history: then });
    }
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
      this.setTitle(this.journey.screen);
      return;
    }
    question.hideError();
    const next = this.journey.answer(id, answer.value);
    storage.save(this.version, this.journey.answers);
    this.draw(next);
  }

  onClick(event) {
    const change = event.target.closest("[data-sc-change]");
    if (change) {
      event.preventDefault();
      this.draw(this.journey.change(change.dataset.scChange));
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
      case "start":
        this.needEngine();
        this.draw(this.journey.start({ engineFailed: this.engine === "failed" }));
        return;
      case "back": {
        const before = this.journey.screen;
        const next = this.journey.back();
        if (next !== before) this.draw(next);
        return;
      }
      case "result":
        this.follow(this.journey.askResult());
        return;
      case "change":
        this.draw(this.journey.review());
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
    const target = fromHistory(event.state, this.journey.order);
    if (!target) return;
    // Back or Forward into the journey (after a reload, say) resumes it, as Start does.
    if (target.name !== "start") this.needEngine();
    this.follow(this.journey.history(target), { history: "none" });
  }
}

const root = document.querySelector('[data-module="sc-selfcheck"]');
if (root) new SelfCheck(root).start();
