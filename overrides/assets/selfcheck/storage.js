// Answers for this browser tab only: sessionStorage, nowhere else (no cookie, no URL,
// no localStorage). Storage may be missing or refuse access (private modes, strict
// settings), so every access is guarded and the check works without it.

const KEY = "selfcheck-answers";

export function load(version) {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return {};
    const saved = JSON.parse(raw);
    if (!saved || saved.version !== version || typeof saved.answers !== "object" || saved.answers === null) {
      return {};
    }
    return saved.answers;
  } catch {
    return {};
  }
}

export function save(version, answers) {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ version, answers }));
  } catch {
    // Not stored: the answers still live in the page until it is closed.
  }
}

export function clear() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing could have been stored either.
  }
}
