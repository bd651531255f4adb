// The diary page: keeps the diary text, renders entries, plan and progress, and sends
// every change through the Python engine (which checks it and returns the new text).
// The text is what gets stored (after consent) and exported, byte for byte.
// Nothing here puts diary data in a URL, the title, a cookie or a request.

import { DiaryEngine } from "./engine.js";
import { hdssChart, weeksChart } from "./chart.js";
import { forget, keep, readKept } from "./store.js";

const root = document.querySelector("[data-diary]");
// The words this script shows: the diary engine's PAGE texts, from the page's data
// block (partials/page-words.html), like every page script's.
const M = JSON.parse(document.getElementById("page-words").textContent)["diary.page"];
const state = { text: null, kept: false, summary: null };
let engine = null;

// --- small helpers -------------------------------------------------------------------

const $ = (selector, scope = document) => scope.querySelector(selector);
const $$ = (selector, scope = document) => [...scope.querySelectorAll(selector)];

function make(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function longDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function shortDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}

// Labels of choices, read from the page's own forms (rendered from diary.wording).
function choiceLabel(name, value) {
  const input = $(`[data-diary-form] input[name="${name}"][value="${CSS.escape(String(value))}"]`);
  return input ? $(`label[for="${input.id}"]`).textContent.trim() : String(value);
}

function announce(message) {
  const status = $("[data-diary-status]");
  status.textContent = "";
  // A fresh text node is announced even when the same message repeats.
  requestAnimationFrame(() => { status.textContent = message; });
}

// A failure shows the patient the page's own words; the technical reason goes to the
// console only.
function failed(error) {
  console.warn("Diary: an action failed.", error);
  announce(M.engine_failed);
}

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = make("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// --- keeping ----------------------------------------------------------------------

function persist() {
  if (!state.kept) return;
  if (!keep(state.text)) announce(M.storage_failed);
}

function showConsent() {
  $("[data-diary-consent-ask]").hidden = state.kept;
  $("[data-diary-kept-text]").textContent = state.kept ? M.kept : M.not_kept;
}

// --- rendering -----------------------------------------------------------------------

// Every table sits in a scrolling region, so a narrow screen never scrolls sideways
// as a whole (WCAG 1.4.10); the region can take focus so keyboards can scroll it.
function table(caption, headings, rows, className = "diary-table") {
  return make("div", { class: "diary-scroll", tabindex: 0, role: "region", "aria-label": caption }, make("table", { class: className },
    make("caption", { class: "site-visually-hidden" }, caption),
    make("thead", {}, make("tr", {}, headings.map((h) => make("th", { scope: "col" }, h)))),
    make("tbody", {}, rows.map((cells) => make("tr", {}, cells.map((c, i) => (i === 0 ? make("th", { scope: "row" }, c) : make("td", {}, c))))))));
}

function renderEntries() {
  const data = JSON.parse(state.text);
  const box = $("[data-diary-entries]");
  box.replaceChildren();
  if (!data.sessions.length && !data.hdss.length) {
    box.append(make("p", {}, M.no_entries));
    return;
  }
  const deleteButton = (kind, index, date) => make("button", {
    type: "button", class: "sc-button sc-button--secondary diary-delete-entry",
    "data-diary-remove": kind, "data-diary-index": index,
  }, M.delete_entry, make("span", { class: "site-visually-hidden" }, ` ${longDate(date)}`));
  if (data.sessions.length) {
    box.append(make("h3", {}, M.sessions_heading));
    box.append(table(M.sessions_heading,
        [M.col_date, M.col_areas, M.col_current, M.col_minutes, M.col_direction, M.col_effects, M.col_note, M.col_action],
        data.sessions.map((s, i) => [
          shortDate(s.date), s.areas.map((a) => choiceLabel("areas", a)).join(", "), String(s.current_ma),
          String(s.minutes), s.polarity_changed ? M.yes : M.no,
          s.side_effects.map((e) => choiceLabel("side_effects", e)).join(", "), s.note, deleteButton("session", i, s.date),
        ])));
  }
  if (data.hdss.length) {
    box.append(make("h3", {}, M.scores_heading));
    box.append(table(M.scores_heading, [M.col_date, M.col_score, M.col_action],
      data.hdss.map((s, i) => [shortDate(s.date), String(s.score), deleteButton("score", i, s.date)])));
  }
}

function summaryList(rows) {
  return make("dl", { class: "diary-summary-list" }, rows.filter(Boolean).map(([key, value]) =>
    make("div", { class: "diary-summary-list__row" }, make("dt", {}, key), make("dd", {}, value))));
}

function progress(summary, forPrint) {
  const parts = [];
  const { sessions, plan, hdss } = summary;
  parts.push(summaryList([
    [M.label_made_on, longDate(summary.made_on)],
    [M.label_sessions, sessions.count ? `${sessions.count} (${fill(M.period, { first: longDate(sessions.first), last: longDate(sessions.last) })})` : sessions.text],
    [M.label_plan, plan ? plan.label : M.no_plan],
    plan && [M.label_kept, fill(M.plan_kept, { done: plan.done_to_date, planned: plan.planned_to_date })],
    [M.label_first, hdss.first ? `${hdss.labels[hdss.first.score]} (${longDate(hdss.first.date)})` : M.no_scores],
    hdss.latest && [M.label_latest, `${hdss.labels[hdss.latest.score]} (${longDate(hdss.latest.date)})`],
    [M.label_trend, hdss.text],
  ]));
  for (const prompt of summary.prompts) {
    parts.push(make("div", { class: "diary-prompt", "data-diary-prompt": prompt.id },
      make("h3", {}, prompt.heading), prompt.lines.map((line) => make("p", {}, line)),
      make("p", { class: "diary-sources" }, `${M.sources}: ${prompt.sources.join(", ")}`)));
  }
  if (hdss.scores.length >= 2) {
    const first = hdss.scores[0], latest = hdss.scores.at(-1);
    const desc = fill(M.hdss_chart_desc, { first: first.score, first_date: longDate(first.date), latest: latest.score, latest_date: longDate(latest.date) });
    parts.push(make("h3", {}, M.hdss_chart), hdssChart(hdss.scores, M.hdss_chart, desc, shortDate));
    if (!forPrint) {
      parts.push(make("details", { class: "diary-details" }, make("summary", {}, M.show_table),
        table(M.hdss_chart, [M.col_date, M.col_score], hdss.scores.map((s) => [shortDate(s.date), hdss.labels[s.score]]))));
    }
  }
  if (summary.weeks.length) {
    const desc = fill(M.weeks_chart_desc, { sessions: sessions.count, weeks: summary.weeks.length });
    parts.push(make("h3", {}, M.weeks_chart), weeksChart(summary.weeks, M.weeks_chart, desc));
    if (!forPrint) {
      parts.push(make("details", { class: "diary-details" }, make("summary", {}, M.show_table),
        table(M.weeks_chart, [M.col_week, M.col_week_start, M.col_done, M.col_planned],
          summary.weeks.map((w) => [String(w.week), shortDate(w.start), String(w.done), String(w.planned)]))));
    }
  }
  parts.push(make("h3", {}, M.label_side_effects));
  // On paper one line keeps the summary to one page; on screen, a table.
  parts.push(forPrint
    ? make("p", {}, summary.side_effects.map((e) => `${e.label}: ${e.sessions}`).join(" · "))
    : table(M.label_side_effects, [M.col_side_effect, M.col_sessions],
      summary.side_effects.map((e) => [e.label, String(e.sessions)]), "diary-table diary-table--narrow"));
  parts.push(make("p", { class: "diary-note" }, hdss.limit), make("p", { class: "diary-note" }, summary.never_change));
  return parts;
}

function renderPlan(summary) {
  const plan = summary.plan;
  $("[data-diary-plan-now]").textContent = plan ? `${plan.label}. ${fill(M.plan_kept, { done: plan.done_to_date, planned: plan.planned_to_date })}.` : M.no_plan;
  $("[data-diary-needs-plan]").hidden = !plan;
  const days = $("[data-diary-plan-days]");
  days.hidden = !plan;
  const status = { done: M.status_done, due: M.status_due, not_recorded: M.status_not_recorded, upcoming: M.status_upcoming };
  $("tbody", days).replaceChildren(...(plan ? plan.days : []).map((d) =>
    make("tr", { "data-diary-day": d.status }, make("th", { scope: "row" }, longDate(d.date)), make("td", {}, status[d.status]))));
}

async function renderSummary() {
  if (!engine) return;
  const reply = JSON.parse(await engine.call("summary_json", state.text, today()));
  if (reply.errors) return;
  state.summary = reply;
  renderPlan(reply);
  $("[data-diary-progress]").replaceChildren(...progress(reply, false));
  $("[data-diary-print-body]").replaceChildren(...progress(reply, true));
  root.dataset.diarySummaryReady = "true";
}

async function render() {
  renderEntries();
  showConsent();
  await renderSummary();
}

// --- forms ---------------------------------------------------------------------------

const FIELD_OF = { plan_start: "start", schedule: "kind" };

function clearErrors(form) {
  $("[data-diary-errors]", form).hidden = true;
  for (const group of $$("[data-diary-group]", form)) group.classList.remove("sc-form-group--error");
  for (const message of $$("[data-diary-error-for]", form)) { message.hidden = true; message.textContent = ""; }
  for (const input of $$("[aria-invalid]", form)) input.removeAttribute("aria-invalid");
}

function showErrors(form, errors) {
  clearErrors(form);
  const summary = $("[data-diary-errors]", form);
  $("[data-diary-error-title]", summary).textContent = M.error_title;
  const list = $("ul", summary);
  list.replaceChildren();
  const firstInput = $("input, textarea", form);
  for (const error of errors) {
    const name = FIELD_OF[error.field] ?? error.field;
    const group = name && $(`[data-diary-group="${name}"]`, form);
    const input = group ? $("input, textarea", group) : firstInput;
    list.append(make("li", {}, make("a", { href: `#${input.id}` }, error.problem)));
    if (group) {
      group.classList.add("sc-form-group--error");
      const message = $("[data-diary-error-for]", group);
      message.textContent = error.problem;
      message.hidden = false;
      for (const each of $$("input, textarea", group)) {
        each.setAttribute("aria-invalid", "true");
        const described = new Set((each.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
        described.add(message.id);
        each.setAttribute("aria-describedby", [...described].join(" "));
      }
    }
  }
  summary.hidden = false;
  summary.focus();
}

function formValues(form, kind) {
  const data = new FormData(form);
  if (kind === "session") {
    return {
      date: data.get("date") || "", areas: data.getAll("areas"), current_ma: (data.get("current_ma") || "").trim(),
      minutes: (data.get("minutes") || "").trim(), polarity_changed: data.get("polarity_changed") || "",
      side_effects: data.getAll("side_effects"), note: data.get("note") || "",
    };
  }
  if (kind === "score") return { date: data.get("date") || "", score: data.get("score") || "" };
  const choice = data.get("kind") || "";
  if (choice.startsWith("schedule:")) return { kind: "schedule", schedule: choice.slice(9), start: data.get("start") || "" };
  if (choice === "clinic") return { kind: "clinic", dates: data.get("plan_dates") || "" };
  return { kind: choice };
}

async function apply(reply, form, message) {
  if (reply.errors) {
    showErrors(form, reply.errors);
    return false;
  }
  if (form) clearErrors(form);
  state.text = reply.diary;
  persist();
  await render();
  announce(reply.notice ? `${reply.notice}. ${message}` : message);
  return true;
}

async function submit(form) {
  const kind = form.dataset.diaryForm;
  if (kind === "import") return importFile(form);
  const values = JSON.stringify(formValues(form, kind));
  const reply = JSON.parse(kind === "session" ? await engine.call("add_session", state.text, values, today())
    : kind === "score" ? await engine.call("add_score", state.text, values, today())
      : await engine.call("set_plan", state.text, values));
  const saved = await apply(reply, form, { session: M.saved_session, score: M.saved_score, plan: M.saved_plan }[kind]);
  if (saved && kind !== "plan") {
    form.reset();
    setToday(form);
  }
  return saved;
}

async function importFile(form) {
  const file = $("input[type=file]", form).files[0];
  if (!file) return showErrors(form, [{ field: "file", problem: M.choose_file }]);
  const reply = JSON.parse(await engine.call("open_diary", await file.text()));
  if (reply.errors) return showErrors(form, reply.errors);
  const data = JSON.parse(state.text);
  if ((data.sessions.length || data.hdss.length) && !window.confirm(M.confirm_import)) return false;
  form.reset();
  return apply(reply, form, M.imported);
}

function setToday(scope) {
  for (const input of $$("[data-diary-today]", scope)) { input.value = today(); input.max = today(); }
}

// --- actions -------------------------------------------------------------------------

const ACTIONS = {
  keep() {
    if (keep(state.text)) {
      state.kept = true;
      announce(M.kept_now);
    } else {
      announce(M.storage_failed);
    }
    showConsent();
  },
  async delete() {
    if (!window.confirm(M.confirm_delete)) return;
    forget();
    state.kept = false;
    state.text = engine ? await engine.call("new_diary") : state.text;
    await render();
    announce(M.deleted);
  },
  "export-json"() { download(state.text, `iontophoresis-diary-${today()}.json`, "application/json"); },
  async "export-csv"() { download(await engine.call("csv_text", state.text), `iontophoresis-diary-${today()}.csv`, "text/csv"); },
  async ics() { download(await engine.call("ics_text", state.text, today()), "iontophoresis-plan.ics", "text/calendar"); },
  print() { window.print(); },
};

async function removeEntry(button) {
  const reply = JSON.parse(await engine.call("remove_entry", state.text, button.dataset.diaryRemove, Number(button.dataset.diaryIndex)));
  if (!reply.errors) await apply(reply, null, M.removed);
}

// Keep the engine for offline use, as the self-check does (assets/site/offline.js).
async function keepEngineOffline() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  const registration = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  registration.active?.postMessage({ type: "cache-engine" }, [channel.port2]);
}

// --- start ---------------------------------------------------------------------------

async function start() {
  root.hidden = false;
  setToday(document);
  const stored = readKept();
  state.kept = stored !== null;
  if (stored !== null) {
    // Shown at once, before Python is ready: the stored text is the diary's own file.
    try {
      state.text = stored;
      renderEntries();
    } catch {
      state.text = null;
    }
  }
  showConsent();
  root.addEventListener("submit", (event) => {
    event.preventDefault();
    if (engine) submit(event.target).catch(failed);
  });
  root.addEventListener("click", (event) => {
    // Error summary links move focus to their field, as GOV.UK's do, and leave the
    // address as it is.
    const link = event.target.closest("[data-diary-errors] a");
    if (link) {
      event.preventDefault();
      const field = document.getElementById(link.getAttribute("href").slice(1));
      field?.focus();
      field?.scrollIntoView({ block: "center" });
      return;
    }
    const action = event.target.closest("[data-diary-action]");
    const remove = event.target.closest("[data-diary-remove]");
    if (action) Promise.resolve(ACTIONS[action.dataset.diaryAction]()).catch(failed);
    if (remove && engine) removeEntry(remove);
  });
  const starting = new DiaryEngine();
  // The engine's contract, as window.selfcheck is the self-check's: tests compare it
  // with CPython on the named scenarios.
  window.diary = Object.freeze({ ready: starting.ready, call: (name, ...args) => starting.call(name, ...args) });
  try {
    await starting.ready;
  } catch {
    root.dataset.diaryEngine = "failed";
    if (state.text === null) state.text = "";
    announce(M.engine_failed);
    for (const form of $$("[data-diary-form]")) form.hidden = true;
    return;
  }
  engine = starting;
  if (stored !== null) {
    const reply = JSON.parse(await engine.call("open_diary", stored));
    if (reply.errors) {
      state.kept = false;
      state.text = await engine.call("new_diary");
      announce(M.stored_unreadable);
    } else {
      state.text = reply.diary;
    }
  } else {
    state.text = await engine.call("new_diary");
  }
  await render();
  root.dataset.diaryEngine = "ready";
  keepEngineOffline().catch((error) => console.debug("Offline use is not available:", error));
}

start();
