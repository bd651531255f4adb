// Small DOM helpers shared by the self-check's page scripts (one copy of each).

/** The element `selector` finds under `parent`; missing markup is a fault, not a result. */
export function need(parent, selector) {
  const element = parent.querySelector(selector);
  if (!element) throw new Error(`Self-check markup is missing ${selector}`);
  return element;
}

/** The absolute address in `<meta name>`, or undefined when the page has none. */
export function optionalMeta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? new URL(element.content, document.baseURI).href : undefined;
}
