// The GP summary's allow-list (overrides/assets/selfcheck/summary-html.js) in Node.
// Nodes are plain objects with the DOM's shape: the walk reads only nodeType,
// localName, attributes and childNodes.
import { test } from "node:test";
import assert from "node:assert/strict";

import { refusal } from "../../overrides/assets/selfcheck/summary-html.js";

const text = (data) => ({ nodeType: 3, data });
function el(localName, attributes = {}, ...childNodes) {
  return {
    nodeType: 1,
    localName,
    attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
    childNodes,
  };
}

test("the summary's own markup passes", () => {
  const summary = el("article", { class: "sc-summary sc-summary--stop", "aria-labelledby": "sc-summary-title" },
    el("h2", { class: "sc-summary__title", id: "sc-summary-title" }, text("Title")),
    el("p", { class: "sc-summary__meta" }, el("time", { datetime: "2026-11-30" }, text("30 November 2026"))),
    el("dl", { class: "sc-answers" }, el("div", { class: "sc-answers__row" }, el("dt", {}, text("Age")), el("dd", {}, text("34")))),
    el("ul", {}, el("li", { class: "sc-finding", "data-sc-finding": "pacemaker" }, el("strong", { "data-sc-answer": "" }, text("Yes")), el("span", {}, text(" (not sure)")))));
  assert.equal(refusal(summary), null);
});

test("anything not on the list is refused, however deep", () => {
  const cases = [
    el("img", { src: "x" }),
    el("script", {}, text("alert(1)")),
    el("a", { href: "https://example.org" }, text("link")),
    el("style", {}, text("*{}")),
    el("svg"),
    el("p", { onerror: "alert(1)" }),
    el("p", { style: "color:red" }),
    el("p", { class: "x\" onclick=\"y" }),
    el("time", { datetime: "javascript:alert(1)" }),
    el("section", {}, el("div", {}, el("p", {}, el("img", { src: "x" })))),
    { nodeType: 8, data: "a comment" },
  ];
  for (const node of cases) assert.notEqual(refusal(node), null, JSON.stringify(node));
});
