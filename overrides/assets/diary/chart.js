// Two small SVG charts for the progress summary, each with a title and a description
// (role="img"), drawn with presentation attributes only (no inline styles, so the
// page's Content-Security-Policy holds) and in currentColor, so forced colours work.
// Each chart has a table alternative beside it (page.js).

const SVG = "http://www.w3.org/2000/svg";
const W = 640, H = 250, LEFT = 48, RIGHT = 16, TOP = 14, BOTTOM = 46;
let counter = 0;

function el(name, attributes = {}, text = "") {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text) node.textContent = text;
  return node;
}

function frame(title, description) {
  const id = `diary-chart-${++counter}`;
  const svg = el("svg", {
    viewBox: `0 0 ${W} ${H}`, role: "img", class: "diary-chart",
    "aria-labelledby": `${id}-title ${id}-desc`, focusable: "false",
  });
  svg.append(el("title", { id: `${id}-title` }, title), el("desc", { id: `${id}-desc` }, description));
  return svg;
}

function days(iso) {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}

export function hdssChart(scores, title, description, shortDate) {
  const svg = frame(title, description);
  const first = days(scores[0].date), last = days(scores.at(-1).date);
  const span = Math.max(last - first, 1);
  const x = (iso) => LEFT + ((days(iso) - first) / span) * (W - LEFT - RIGHT);
  const y = (score) => TOP + ((score - 1) / 3) * (H - TOP - BOTTOM);
  const axis = el("g", { "aria-hidden": "true", fill: "currentColor", "font-size": 20 });
  for (const score of [1, 2, 3, 4]) {
    axis.append(
      el("line", { x1: LEFT, x2: W - RIGHT, y1: y(score), y2: y(score), stroke: "currentColor", "stroke-opacity": 0.25 }),
      el("text", { x: LEFT - 10, y: y(score) + 7, "text-anchor": "end" }, String(score)),
    );
  }
  axis.append(
    el("text", { x: LEFT, y: H - 12 }, shortDate(scores[0].date)),
    el("text", { x: W - RIGHT, y: H - 12, "text-anchor": "end" }, shortDate(scores.at(-1).date)),
  );
  const points = scores.map((s) => `${x(s.date).toFixed(1)},${y(s.score).toFixed(1)}`).join(" ");
  const line = el("g", { "aria-hidden": "true" });
  line.append(el("polyline", { points, fill: "none", stroke: "currentColor", "stroke-width": 2 }));
  for (const s of scores) line.append(el("circle", { cx: x(s.date), cy: y(s.score), r: 4, fill: "currentColor" }));
  svg.append(axis, line);
  return svg;
}

export function weeksChart(weeks, title, description) {
  const svg = frame(title, description);
  const most = Math.max(1, ...weeks.map((w) => Math.max(w.done, w.planned)));
  const step = (W - LEFT - RIGHT) / weeks.length;
  const height = (n) => (n / most) * (H - TOP - BOTTOM);
  const base = H - BOTTOM;
  const axis = el("g", { "aria-hidden": "true", fill: "currentColor", "font-size": 20 });
  axis.append(
    el("line", { x1: LEFT, x2: W - RIGHT, y1: base, y2: base, stroke: "currentColor" }),
    el("text", { x: LEFT - 10, y: TOP + 7, "text-anchor": "end" }, String(most)),
    el("text", { x: LEFT - 10, y: base + 7, "text-anchor": "end" }, "0"),
  );
  const labelEvery = Math.ceil(weeks.length / 10);
  const bars = el("g", { "aria-hidden": "true" });
  weeks.forEach((week, index) => {
    const left = LEFT + index * step;
    const width = Math.max(step * 0.7, 1);
    if (week.done) bars.append(el("rect", { x: left, y: base - height(week.done), width, height: height(week.done), fill: "currentColor", "fill-opacity": 0.6 }));
    if (week.planned) bars.append(el("rect", { x: left, y: base - height(week.planned), width, height: height(week.planned), fill: "none", stroke: "currentColor", "stroke-width": 2, "stroke-dasharray": "4 3" }));
    if (index % labelEvery === 0) axis.append(el("text", { x: left + width / 2, y: H - 12, "text-anchor": "middle" }, String(week.week)));
  });
  svg.append(axis, bars);
  return svg;
}
