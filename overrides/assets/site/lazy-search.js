// Material asks for the whole site's search index as soon as any page opens: on
// this site that is a fifth of an information page's bytes, for the few readers who
// search. This holds back that one request until the reader reaches for search
// (focusing the search box, by pointer, keyboard shortcut or the header button);
// Material shows "Initializing search" for the moment the index takes to arrive.
// Loaded as a classic script before Material's bundle, so it is in place first.
(() => {
  const INDEX = "search/search_index.json";
  const { open, send } = XMLHttpRequest.prototype;
  const held = [];
  let released = false;

  function release() {
    if (released) return;
    released = true;
    for (const go of held.splice(0)) go();
  }

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.siteHoldUntilSearch = String(url).endsWith(INDEX);
    return open.call(this, method, url, ...rest);
  };

  XMLHttpRequest.prototype.send = function (...args) {
    if (this.siteHoldUntilSearch && !released) {
      held.push(() => send.apply(this, args));
      return;
    }
    return send.apply(this, args);
  };

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") release();
  });
})();
