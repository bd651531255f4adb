// The service worker's behaviour; the build puts `const BUILD = {...}` above this
// (src/sitebuild/offline.py): this build's version and files, each with its SRI hash.
//
// Rules, and why:
// - One cache per build, named after its version, and every answer comes from it
//   (pages included), so a page never mixes files of two builds.
// - Install pre-caches pages, assets, search index and leaflets. The engine (about
//   13 MB) is cached only when the self-check asks for it, once its engine has started.
// - A new build waits. When a page loads while it waits and no other tab is open, the
//   page asks it to take over and reloads (assets/site/offline.js): an open page is
//   never switched to another build mid-way.
// - Activation deletes the caches of older builds.

const PREFIX = "site-";
const CACHE = PREFIX + BUILD.version;
const address = (path) => new URL(path, self.registration.scope).href;
const PRECACHE = new Map(BUILD.precache.map(([path, hash]) => [address(path), hash]));
const ENGINE = new Map(BUILD.engine.map(([path, hash]) => [address(path), hash]));

// `integrity` makes fetch reject bytes that are not this build's. `no-cache` revalidates
// with the server, so an unversioned file is never taken stale from the HTTP cache.
async function store(cache, href, hash, mode) {
  let response;
  try {
    response = await fetch(href, { cache: mode, integrity: hash });
  } catch {
    // The HTTP cache can hold an older build's copy that the server confirmed as current
    // (Last-Modified has one-second steps): fetch the whole file once more.
    response = await fetch(href, { cache: "reload", integrity: hash });
  }
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  // A redirected response cannot answer a navigation; keep only its content.
  const clean = response.redirected
    ? new Response(response.body, { status: response.status, headers: response.headers })
    : response;
  await cache.put(href, clean.clone());
  return clean;
}

async function storeAll(entries, mode) {
  const cache = await caches.open(CACHE);
  await Promise.all([...entries].map(async ([href, hash]) => {
    if (!(await cache.match(href))) await store(cache, href, hash, mode);
  }));
}

self.addEventListener("install", (event) => {
  event.waitUntil(storeAll(PRECACHE, "no-cache"));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
  })());
});

self.addEventListener("message", (event) => {
  const { data } = event;
  if (data?.type === "take-over-if-alone") {
    // Sent by a page that has just loaded while this build waits. Only when no other
    // tab is open can the old build go without switching a page under someone's eyes.
    event.waitUntil((async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      if (windows.length <= 1) await self.skipWaiting();
    })());
  } else if (data?.type === "cache-engine") {
    // The page has just loaded the engine: the default cache mode reuses those bytes.
    const reply = (message) => event.ports[0]?.postMessage({ ...message, version: BUILD.version });
    event.waitUntil(storeAll(ENGINE, "default").then(
      () => reply({ ok: true }),
      (error) => reply({ ok: false, message: String(error) }),
    ));
  }
});

// Navigations use directory addresses (`about/`), whatever form the link took.
function key(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    url.search = "";
    if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length);
  }
  return url.href;
}

async function respond(request) {
  const cache = await caches.open(CACHE);
  const href = key(request);
  const cached = await cache.match(href, { ignoreVary: true });
  if (cached) return cached;
  // Anything not saved yet, the engine included, comes straight from the network as it
  // streams (an integrity-checked fetch would hold every byte back until the last one,
  // and the page would see no progress). The engine is saved, integrity-checked, when
  // the page asks ("cache-engine"), from the HTTP cache.
  try {
    return await fetch(request);
  } catch (error) {
    // Offline, and not a page of this site: say so with the site's own "not found" page.
    const missing = request.mode === "navigate" && await cache.match(address("404.html"));
    if (!missing) throw error;
    return new Response(missing.body, { status: 404, headers: missing.headers });
  }
}

// The engine's files are answered from this build's cache too, online or not. Leaving
// them to the network while the browser says it is online (as an earlier version did,
// to keep Chromium's compiled-wasm cache, about 0.15 s on a warm start) stranded
// patients: with the site unreachable, or after a rebuild had removed the old engine
// folder that this build's pages still name, the engine never started.
self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(respond(request));
});
