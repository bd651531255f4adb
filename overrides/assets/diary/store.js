// Where the diary is kept: in memory always, in localStorage only after the patient
// chose "Keep my diary on this device". Nothing else is ever stored: no cookie, no
// flag, no copy. Storage that is blocked or full is reported, never hidden, and the
// diary in memory (and so export) keeps working.

export const STORAGE_KEY = "iontophoresis-diary";

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by the browser's settings
  }
}

export function readKept() {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

// Returns true when the text was written; false when storage is blocked or full.
export function keep(text) {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(STORAGE_KEY, text);
    return store.getItem(STORAGE_KEY) === text;
  } catch {
    return false;
  }
}

export function forget() {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept if storage is blocked.
  }
}
