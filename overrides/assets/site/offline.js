// Registers the build's service worker (sw.js at the site root) so the site works
// offline after the first visit. On the self-check page, once the patient has started
// the check and the engine is ready (this script never starts it: the download waits
// for Start), it asks the worker to keep the engine, reusing what the browser has just
// downloaded, and says so in one quiet line.
// Offline use is an extra: when any step fails the site keeps working online, so
// failures are only logged for debugging.
(() => {
  // `file://` pages and old browsers stay as they are: every page still shows.
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;

  // This file is assets/site/offline.js: the site root is two levels up.
  const root = new URL("../../", document.currentScript.src);

  function register() {
    return navigator.serviceWorker.register(new URL("sw.js", root));
  }

  // A newer build, installed and waiting: this page has only just loaded, so it can
  // switch now, with one reload, if the new build agrees that no other tab is open.
  // Not on the self-check, where a reload could interrupt someone answering.
  function adoptWaitingBuild(registration) {
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    registration.waiting.postMessage({ type: "take-over-if-alone" });
  }

  function ask(worker, message) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ({ data }) => resolve(data);
      worker.postMessage(message, [channel.port2]);
    });
  }

  async function keepSelfCheckOffline() {
    // Registering installs the site's offline copy (pages and leaflets, several MB), which
    // would compete with the engine's download and start: on this page it waits until the
    // engine has settled. A visit to any other page registers at once.
    const engineStarted = await window.selfcheck.whenReady().then(() => true, () => false);
    await register();
    // A failed engine is never kept: the page shows the paper checklist instead.
    if (!engineStarted) return;
    const registration = await navigator.serviceWorker.ready;
    const reply = await ask(registration.active, { type: "cache-engine" });
    if (!reply.ok) throw new Error(reply.message);
    const status = document.querySelector("[data-offline-status]");
    const words = document.getElementById("page-words");
    // The words come from the catalogue, in the page's data block (partials/page-words.html).
    if (status && words) status.textContent = JSON.parse(words.textContent)["site.script"].offline_ready;
  }

  // Deferred scripts, the engine bridge among them, have all run by DOMContentLoaded.
  document.addEventListener("DOMContentLoaded", () => {
    const step = window.selfcheck
      ? keepSelfCheckOffline()
      : new Promise((resolve) => window.addEventListener("load", resolve, { once: true })).then(register).then(adoptWaitingBuild);
    step.catch((error) => console.debug("Offline use is not available:", error));
  });
})();
