// The result screen and the printed GP summary, from the Python engine's output only.
// The words are in the page (rendered at build time from selfcheck.wording) or come
// from the engine (each finding's reason, the summary HTML): this module only chooses
// what to show. Anything it does not expect throws, so the caller shows the fallback
// instead of a partial result.

import { need } from "./dom.js";
import { summaryFragment } from "./summary-html.js";

// A long name would push the one- or two-page GP summary onto more pages (F12).
const NAME_MAX = 70;
const OUTCOMES = ["stop", "discuss", "none_found"];
const TIERS = ["stop", "discuss", "red_flag", "advice"];

export class ResultView {
  constructor(root, questions) {
    this.questions = questions; // Map id -> QuestionScreen
    this.section = need(root, '[data-sc-screen="result"]');
    this.cards = [...this.section.querySelectorAll("[data-sc-outcome]")];
    this.tiers = new Map(
      [...this.section.querySelectorAll("[data-sc-tier]")].map((s) => [s.dataset.scTier, s]),
    );
    this.template = need(this.section, 'template[data-sc-template="finding"]');
    this.sheet = need(root, "[data-sc-print-sheet]");
    this.summary = need(this.sheet, "[data-sc-summary]");
    this.nameLine = need(this.sheet, "[data-sc-print-name-line]");
    this.printName = need(this.sheet, "[data-sc-print-name]");
    this.nameInput = need(this.section, "[data-sc-name]");
    this.nameInput.maxLength = NAME_MAX;
    this.nameInput.addEventListener("input", () => {
      this.printName.textContent = this.nameInput.value.trim();
    });
  }

  get heading() {
    const card = this.cards.find((c) => !c.hidden);
    return card ? card.querySelector("[data-sc-heading]") : null;
  }

  /** Empty everything: no result is on the page until render() succeeds. */
  reset() {
    for (const card of this.cards) card.hidden = true;
    for (const section of this.tiers.values()) {
      section.hidden = true;
      section.querySelector("[data-sc-findings]").replaceChildren();
    }
    this.summary.replaceChildren();
    this.nameLine.remove();
    this.sheet.prepend(this.nameLine);
  }

  clearName() {
    this.nameInput.value = "";
    this.printName.textContent = "";
  }

  /** Show a result. Throws on anything unexpected; the caller then shows the fallback. */
  render(result, summaryHtml) {
    this.reset();
    try {
      this.fill(result, summaryHtml);
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  fill(result, summaryHtml) {
    if (!result || typeof result !== "object" || "errors" in result) {
      throw new Error("The engine did not return a result");
    }
    if (!OUTCOMES.includes(result.outcome) || !Array.isArray(result.findings)) {
      throw new Error(`Unexpected result: ${JSON.stringify(result).slice(0, 200)}`);
    }
    if (typeof summaryHtml !== "string" || !summaryHtml.includes("sc-summary")) {
      throw new Error("The engine did not return a summary");
    }
    const byTier = new Map(TIERS.map((tier) => [tier, []]));
    for (const finding of result.findings) {
      if (!byTier.has(finding.tier)) throw new Error(`Unknown tier ${finding.tier}`);
      if (!this.questions.has(finding.question)) throw new Error(`Unknown question ${finding.question}`);
      if (typeof finding.reason !== "string" || finding.reason === "") throw new Error("A finding has no reason");
      byTier.get(finding.tier).push(finding);
    }
    if (result.see_gp_about_sweating !== byTier.get("red_flag").length > 0) {
      throw new Error("Red flags and see_gp_about_sweating disagree");
    }
    // One card per outcome and red-flag flag, worded by the package (selfcheck.headline).
    const redFlags = String(result.see_gp_about_sweating);
    const card = this.cards.find((c) => c.dataset.scOutcome === result.outcome && c.dataset.scRedFlags === redFlags);
    if (!card) throw new Error(`No card for ${result.outcome}`);
    // The summary first: each finding's answer is placed in the words it has there.
    this.fillSummary(summaryHtml);
    for (const [tier, findings] of byTier) {
      const section = this.tiers.get(tier);
      if (!section) throw new Error(`No section for ${tier}`);
      const list = section.querySelector("[data-sc-findings]");
      list.replaceChildren(...findings.map((finding) => this.finding(finding)));
      section.hidden = findings.length === 0;
    }
    card.hidden = false;
  }

  finding(finding) {
    const question = this.questions.get(finding.question);
    const item = this.template.content.firstElementChild.cloneNode(true);
    const slot = (name) => need(item, `[data-sc-slot="${name}"]`);
    slot("label").textContent = question.label;
    slot("answer").textContent = need(this.summary, `[data-sc-finding="${finding.question}"] [data-sc-answer]`).textContent;
    slot("reason").textContent = finding.reason;
    // "ask" is not in the JSON contract: the engine's summary has it, after its label.
    const ask = need(this.summary, `[data-sc-finding="${finding.question}"] .sc-finding__ask`).lastChild;
    slot("ask-text").textContent = ask ? ask.textContent : "";
    if (!slot("ask-text").textContent) slot("ask").remove();
    return item;
  }

  fillSummary(html) {
    // Python escapes every text; the allow-list refuses anything else all the same.
    this.summary.replaceChildren(summaryFragment(html));
    // The optional name goes under the title and date.
    const meta = this.summary.querySelector(".sc-summary__meta");
    if (meta) meta.after(this.nameLine);
  }
}
