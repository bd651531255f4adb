// The self-check journey as a state machine, with no DOM: which screen is showing,
// the answers, and the one result request that may still be shown. flow.js draws what
// this module decides; tests/js/journey.test.mjs runs it in Node.
//
// States (a screen): start, question (with its id), check, waiting, result, fallback.
// Events and where they lead:
//   start        -> fallback if the engine failed, else the first unanswered question or check
//   answer(id)   -> the next question, or (after a change, or at the end) check or the
//                   first unanswered question
//   back         -> question -> previous question (or check, while changing; or start)
//                   check -> last question; other screens stay
//   change(id)   -> question id, coming back to check after it
//   review       -> check (from the result: "Change your answers")
//   askResult    -> a missing answer's question, or waiting with a new request
//   replied      -> result, only for the current request (see below)
//   failed       -> fallback (the request failed)
//   engineFailed -> fallback at once from any screen but start (the patient learns now,
//                   not after the last question); nothing on start or the fallback
//   clear        -> start, no answers
//   history(s)   -> the screen the browser's Back or Forward names
//
// Presentation rule 4 (selfcheck-spec.md): a reply is shown only if it was computed for
// exactly the answers there are now, on the waiting screen that asked for it. Leaving
// the waiting screen in any way cancels the request.

export const SCREENS = Object.freeze(["start", "question", "check", "waiting", "result", "fallback"]);

/** A screen as a small frozen value: {name} or {name: "question", question: id}. */
export function screen(name, question) {
  if (!SCREENS.includes(name)) throw new Error(`Unknown screen ${name}`);
  if ((name === "question") !== (question !== undefined)) throw new Error(`Bad screen ${name} ${question}`);
  return Object.freeze(name === "question" ? { name, question } : { name });
}

/** The same screen? */
export function same(a, b) {
  return a.name === b.name && a.question === b.question;
}

/** What the browser's history keeps for a screen: its name and question id, no answer. */
export function toHistory(s) {
  return s.name === "question" ? { selfcheck: s.name, question: s.question } : { selfcheck: s.name };
}

/** A screen from a history entry, or null for an entry that is not the self-check's. */
export function fromHistory(state, order) {
  const name = state && state.selfcheck;
  if (!SCREENS.includes(name)) return null;
  if (name === "question") return order.includes(state.question) ? screen(name, state.question) : null;
  return screen(name);
}

/** Answers as one canonical text, in question order, to compare two sets. */
export function answersKey(answers, order) {
  return JSON.stringify(order.map((id) => (id in answers ? [id, answers[id]] : null)));
}

export class Journey {
  /**
   * @param {string[]} order question ids in order
   * @param {object} answers answers kept from earlier in this tab (already checked)
   */
  constructor(order, answers = {}) {
    this.order = [...order];
    this.answers = { ...answers };
    this.screen = screen("start");
    this.changing = false; // true while changing one answer from "Check your answers"
    this.request = null; // {id, answers, key} of the one request that may be shown
    this.requests = 0;
  }

  firstUnanswered() {
    return this.order.find((id) => !(id in this.answers));
  }

  get pending() {
    return this.request;
  }

  // Every transition goes through here: leaving the waiting screen cancels the request.
  go(next) {
    if (this.screen.name === "waiting" && next.name !== "waiting" && next.name !== "result") {
      this.request = null;
    }
    this.screen = next;
    return next;
  }

  nextMissingOrCheck() {
    const missing = this.firstUnanswered();
    return missing ? screen("question", missing) : screen("check");
  }

  start({ engineFailed = false } = {}) {
    this.changing = false;
    if (engineFailed) return this.fail();
    return this.go(this.nextMissingOrCheck());
  }

  answer(id, value) {
    if (!this.order.includes(id)) throw new Error(`Unknown question ${id}`);
    this.answers[id] = value;
    const following = this.order[this.order.indexOf(id) + 1];
    if (this.changing || following === undefined) {
      this.changing = false;
      return this.go(this.nextMissingOrCheck());
    }
    return this.go(screen("question", following));
  }

  back() {
    const { name, question } = this.screen;
    if (name === "check") return this.go(screen("question", this.order[this.order.length - 1]));
    if (name !== "question") return this.screen;
    if (this.changing) {
      this.changing = false;
      return this.go(screen("check"));
    }
    const index = this.order.indexOf(question);
    return this.go(index === 0 ? screen("start") : screen("question", this.order[index - 1]));
  }

  change(id) {
    if (!this.order.includes(id)) throw new Error(`Unknown question ${id}`);
    this.changing = true;
    return this.go(screen("question", id));
  }

  review() {
    this.changing = false;
    return this.go(screen("check"));
  }

  /** "See my result": a new request for the answers as they are now. */
  askResult() {
    const missing = this.firstUnanswered();
    this.changing = false;
    if (missing) return this.go(screen("question", missing));
    this.request = null; // an older request never comes back to life
    const next = this.go(screen("waiting"));
    this.request = Object.freeze({
      id: ++this.requests,
      answers: Object.freeze({ ...this.answers }),
      key: answersKey(this.answers, this.order),
    });
    return next;
  }

  /** May a reply to `request` be shown now? Only on its own waiting screen, same answers. */
  fits(request) {
    return (
      request !== null &&
      this.request === request &&
      this.screen.name === "waiting" &&
      request.key === answersKey(this.answers, this.order)
    );
  }

  /** The engine answered `request`; null if the reply must be dropped. */
  replied(request) {
    if (!this.fits(request)) return null;
    this.request = null;
    return this.go(screen("result"));
  }

  /** The engine failed for `request`; null if nobody is waiting for it any more. */
  failedFor(request) {
    if (!this.fits(request)) return null;
    return this.fail();
  }

  /** The engine failed to start: the fallback now, or null where nothing need move. */
  engineFailed() {
    if (this.screen.name === "start" || this.screen.name === "fallback") return null;
    return this.fail();
  }

  fail() {
    this.request = null;
    this.changing = false;
    return this.go(screen("fallback"));
  }

  clear() {
    this.answers = {};
    this.changing = false;
    this.request = null;
    return this.go(screen("start"));
  }

  /**
   * Back or Forward to a screen the history names. A result or a wait is never restored
   * from history: the result is asked for again for the answers as they are now.
   */
  history(target) {
    this.changing = false;
    switch (target.name) {
      case "result":
        return this.askResult();
      case "waiting":
        return this.go(screen("check"));
      case "fallback":
        return this.fail();
      default:
        return this.go(target);
    }
  }
}
