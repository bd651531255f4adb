// One question screen: reads and writes its answer, validates it on Continue, and
// shows or hides the error (summary at the top, message by the field, aria-describedby).
// All wording is in the page, rendered at build time from the question bank.

import { need } from "./dom.js";

export class QuestionScreen {
  constructor(section) {
    this.section = section;
    this.id = section.dataset.scQuestion;
    this.kind = section.dataset.scKind;
    this.label = section.dataset.scLabel;
    this.title = section.dataset.scTitle;
    this.form = need(section, "[data-sc-form]");
    this.group = need(section, "[data-sc-group]");
    this.inputs = [...section.querySelectorAll("[data-sc-input]")];
    this.described = need(section, "[data-sc-described]");
    this.summary = need(section, "[data-sc-error-summary]");
    this.summaryLink = need(this.summary, "[data-sc-error-link]");
    this.message = need(section, "[data-sc-error]");
    this.messageText = need(this.message, "[data-sc-error-text]");
    this.required = this.messageText.textContent;
    this.hintIds = this.described.getAttribute("aria-describedby") || "";
    if (this.inputs.length === 0) throw new Error(`Question ${this.id} has no inputs`);
  }

  /** The answer as the engine wants it, or {problem} with the error text. */
  read() {
    if (this.kind === "age") {
      const input = this.inputs[0];
      const text = input.value.trim();
      if (text === "") return { problem: this.required };
      if (!/^[0-9]+$/.test(text)) return { problem: input.dataset.scErrorNotANumber };
      const age = Number.parseInt(text, 10);
      if (age > Number(input.dataset.scMax)) return { problem: input.dataset.scErrorTooHigh };
      return { value: age };
    }
    const checked = this.inputs.filter((input) => input.checked);
    if (checked.length === 0) return { problem: this.required };
    const values = checked.map((input) => ("scNumber" in input.dataset ? Number(input.value) : input.value));
    return { value: this.kind === "areas" ? values : values[0] };
  }

  /** Put a saved answer back into the inputs (nothing is ever pre-selected otherwise). */
  write(value) {
    if (this.kind === "age") {
      this.inputs[0].value = Number.isInteger(value) ? String(value) : "";
      return;
    }
    const wanted = (Array.isArray(value) ? value : [value]).map(String);
    for (const input of this.inputs) input.checked = wanted.includes(input.value);
  }

  clear() {
    for (const input of this.inputs) {
      if (this.kind === "age") input.value = "";
      else input.checked = false;
    }
    this.hideError();
  }

  /** A saved value is usable only if the inputs can show it. */
  accepts(value) {
    if (this.kind === "age") return Number.isInteger(value) && value >= 0;
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if (this.kind !== "areas" && (Array.isArray(value) || values.length !== 1)) return false;
    return values.length > 0 && values.every((v) => this.inputs.some((input) => input.value === v));
  }

  /** The answer in words, as the check-answers list and the result show it. */
  display(value) {
    if (this.kind === "age") return String(value);
    const values = (Array.isArray(value) ? value : [value]).map(String);
    const shorts = values.map((v) => this.inputs.find((input) => input.value === v)?.dataset.scShort ?? v);
    const text = shorts.join(", ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  showError(problem) {
    this.messageText.textContent = problem;
    this.summaryLink.textContent = problem;
    this.message.hidden = false;
    this.summary.hidden = false;
    this.group.classList.add("sc-form-group--error");
    this.described.setAttribute("aria-describedby", `${this.hintIds} ${this.message.id}`.trim());
    this.summary.focus();
  }

  hideError() {
    this.message.hidden = true;
    this.summary.hidden = true;
    this.group.classList.remove("sc-form-group--error");
    this.described.setAttribute("aria-describedby", this.hintIds);
  }

  get hasError() {
    return !this.summary.hidden;
  }

  /** Error summary link: focus the first input and bring its question into view. */
  focusInput() {
    this.inputs[0].focus({ preventScroll: true });
    const legend = this.section.querySelector("legend, label");
    (legend || this.inputs[0]).scrollIntoView({ block: "start" });
  }
}
