// The GP summary's HTML comes from the Python engine. It goes into the page only
// through this allow-list: these elements, these attributes, plain values. Anything
// else (a script, an image, an event handler, a link, a style) throws, and the page
// shows the fallback. An allow-list, not a deny-list: what is not named here is refused.

const ELEMENTS = new Set([
  "article", "section", "div", "h2", "h3", "h4", "p", "ul", "li", "dl", "dt", "dd",
  "strong", "em", "span", "time", "br",
]);
// Attribute -> the values it may hold: class names, ids, a date. No URL, no style.
const ATTRIBUTES = new Map([
  ["class", /^[a-z0-9_ -]*$/],
  ["id", /^[a-z0-9_-]+$/],
  ["aria-labelledby", /^[a-z0-9_ -]+$/],
  ["datetime", /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/],
  // The result screen reads each finding's answer from here: one wording of an answer.
  ["data-sc-finding", /^[a-z0-9_]+$/],
  ["data-sc-answer", /^$/],
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Why `node` (and what is under it) may not go into the page, or null if it may. */
export function refusal(node) {
  if (node.nodeType === TEXT_NODE) return null;
  if (node.nodeType !== ELEMENT_NODE) return `node of type ${node.nodeType}`;
  const tag = node.localName;
  if (!ELEMENTS.has(tag)) return `element <${tag}>`;
  for (const { name, value } of node.attributes) {
    const allowed = ATTRIBUTES.get(name);
    if (!allowed || !allowed.test(value)) return `attribute ${name} on <${tag}>`;
  }
  for (const child of node.childNodes) {
    const why = refusal(child);
    if (why) return why;
  }
  return null;
}

/** The summary as a fragment of `doc`, or an error naming the first thing refused. */
export function summaryFragment(html, doc = document) {
  const template = doc.createElement("template");
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    const why = refusal(node);
    if (why) throw new Error(`The summary holds markup it may not: ${why}`);
  }
  return template.content;
}
