// The self-check journey (overrides/assets/selfcheck/journey.js) in Node, no browser:
// `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Journey, answersKey, fromHistory, screen, toHistory } from "../../overrides/assets/selfcheck/journey.js";

const ORDER = ["age", "areas", "pregnant"];
const ALL = { age: 34, areas: ["hands"], pregnant: "no" };

function atWaiting() {
  const journey = new Journey(ORDER, ALL);
  journey.start();
  const waiting = journey.askResult();
  assert.equal(waiting.name, "waiting");
  return { journey, request: journey.pending };
}

test("start leads to the first unanswered question, or to check when all are answered", () => {
  assert.deepEqual(new Journey(ORDER).start(), screen("question", "age"));
  assert.deepEqual(new Journey(ORDER, { age: 3 }).start(), screen("question", "areas"));
  assert.deepEqual(new Journey(ORDER, ALL).start(), screen("check"));
  assert.deepEqual(new Journey(ORDER, ALL).start({ engineFailed: true }), screen("fallback"));
});

test("answers move on one question at a time, then to check", () => {
  const journey = new Journey(ORDER);
  journey.start();
  assert.deepEqual(journey.answer("age", 34), screen("question", "areas"));
  assert.deepEqual(journey.answer("areas", ["feet"]), screen("question", "pregnant"));
  assert.deepEqual(journey.answer("pregnant", "yes"), screen("check"));
  assert.deepEqual(journey.answers, { age: 34, areas: ["feet"], pregnant: "yes" });
});

test("a change from check comes back to check, and Back while changing too", () => {
  const journey = new Journey(ORDER, ALL);
  journey.start();
  assert.deepEqual(journey.change("areas"), screen("question", "areas"));
  assert.deepEqual(journey.answer("areas", ["feet"]), screen("check"));
  journey.change("age");
  assert.deepEqual(journey.back(), screen("check"));
  assert.equal(journey.changing, false);
});

test("Back walks the questions and stops at start", () => {
  const journey = new Journey(ORDER, ALL);
  journey.start();
  assert.deepEqual(journey.back(), screen("question", "pregnant"));
  assert.deepEqual(journey.back(), screen("question", "areas"));
  assert.deepEqual(journey.back(), screen("question", "age"));
  assert.deepEqual(journey.back(), screen("start"));
  const same = journey.screen;
  assert.equal(journey.back(), same);
});

test("See my result with an answer missing asks that question instead", () => {
  const journey = new Journey(ORDER, { age: 34, pregnant: "no" });
  assert.deepEqual(journey.askResult(), screen("question", "areas"));
  assert.equal(journey.pending, null);
});

test("a reply is shown on its own waiting screen for the same answers", () => {
  const { journey, request } = atWaiting();
  assert.deepEqual(request.answers, ALL);
  assert.ok(journey.fits(request));
  assert.deepEqual(journey.replied(request), screen("result"));
  assert.equal(journey.pending, null);
});

test("F1: Back while waiting cancels the request; a later reply is dropped", () => {
  const { journey, request } = atWaiting();
  journey.history(screen("check"));
  assert.equal(journey.pending, null);
  assert.equal(journey.replied(request), null);
  assert.deepEqual(journey.screen, screen("check"));
});

test("F1: Back, change an answer, See my result again: only the new reply is shown", () => {
  const { journey, request: old } = atWaiting();
  journey.history(screen("check"));
  journey.change("pregnant");
  journey.answer("pregnant", "yes");
  journey.askResult();
  const current = journey.pending;
  assert.equal(journey.replied(old), null, "the old reply never shows");
  assert.equal(journey.failedFor(old), null, "nor does its failure");
  assert.deepEqual(current.answers.pregnant, "yes");
  assert.deepEqual(journey.replied(current), screen("result"));
});

test("F1: a question screen open when the reply arrives stays open", () => {
  const { journey, request } = atWaiting();
  journey.history(screen("check"));
  journey.change("age");
  assert.equal(journey.replied(request), null);
  assert.deepEqual(journey.screen, screen("question", "age"));
});

test("F1: answers changed without leaving the waiting screen are caught by the key", () => {
  const { journey, request } = atWaiting();
  journey.answers.pregnant = "not_sure"; // e.g. another code path; never in the page today
  assert.equal(journey.fits(request), false);
  assert.equal(journey.replied(request), null);
});

test("a second See my result replaces the first request (double click)", () => {
  const { journey, request: first } = atWaiting();
  journey.askResult();
  assert.notEqual(journey.pending, first);
  assert.equal(journey.replied(first), null);
  assert.deepEqual(journey.replied(journey.pending), screen("result"));
});

test("a failure while waiting shows the fallback; after leaving, it is ignored", () => {
  const { journey, request } = atWaiting();
  assert.deepEqual(journey.failedFor(request), screen("fallback"));
  const again = atWaiting();
  again.journey.review();
  assert.equal(again.journey.failedFor(again.request), null);
});

test("history: a result or a wait is never restored, the result is asked again", () => {
  const journey = new Journey(ORDER, ALL);
  assert.deepEqual(journey.history(screen("result")), screen("waiting"));
  assert.notEqual(journey.pending, null);
  assert.deepEqual(journey.history(screen("waiting")), screen("check"));
  assert.equal(journey.pending, null);
  assert.deepEqual(journey.history(screen("fallback")), screen("fallback"));
  assert.deepEqual(journey.history(screen("question", "areas")), screen("question", "areas"));
});

test("history entries hold the screen only, never an answer", () => {
  assert.deepEqual(toHistory(screen("question", "age")), { selfcheck: "question", question: "age" });
  assert.deepEqual(toHistory(screen("result")), { selfcheck: "result" });
  assert.deepEqual(fromHistory({ selfcheck: "question", question: "age" }, ORDER), screen("question", "age"));
  assert.equal(fromHistory({ selfcheck: "question", question: "nope" }, ORDER), null);
  assert.equal(fromHistory({ selfcheck: "q:age" }, ORDER), null);
  assert.equal(fromHistory(null, ORDER), null);
});

test("clear forgets answers and any request", () => {
  const { journey } = atWaiting();
  assert.deepEqual(journey.clear(), screen("start"));
  assert.deepEqual(journey.answers, {});
  assert.equal(journey.pending, null);
});

test("answersKey follows question order, not insertion order", () => {
  assert.equal(answersKey({ pregnant: "no", age: 34 }, ORDER), answersKey({ age: 34, pregnant: "no" }, ORDER));
  assert.notEqual(answersKey({ age: 34 }, ORDER), answersKey({ age: 35 }, ORDER));
});

test("unknown screens and questions are refused", () => {
  assert.throws(() => screen("nowhere"));
  assert.throws(() => screen("question"));
  assert.throws(() => new Journey(ORDER).answer("nope", "yes"));
  assert.throws(() => new Journey(ORDER).change("nope"));
});

test("an engine that fails to start shows the fallback at once, except on start", () => {
  const journey = new Journey(ORDER);
  assert.equal(journey.engineFailed(), null);
  journey.start();
  assert.deepEqual(journey.engineFailed(), screen("fallback"));
  assert.equal(journey.engineFailed(), null, "only once");
  const { journey: waiting, request } = atWaiting();
  assert.deepEqual(waiting.engineFailed(), screen("fallback"));
  assert.equal(waiting.failedFor(request), null, "the request's own failure then changes nothing");
});
