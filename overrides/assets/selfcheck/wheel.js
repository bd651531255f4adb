// The engine's files for Pyodide, without Pyodide's package loader.
//
// `loadPyodide({packages})` installs a wheel from Python after the interpreter starts,
// importing importlib.metadata, tarfile, email and more to do it. This writes the same
// wheel's files into site-packages from JavaScript before Python starts (Pyodide's
// `fsInit` hook), so none of that runs. The wheel is still the one pypa `build` made and `pyodide lockfile add-wheels`
// registered: it is found through the lock file and must match the lock's sha256, or
// the engine does not start. The engine's precompiled bytecode (checked-hash .pyc,
// used by Python only where it matches the installed source) goes beside the sources.
//
// No DOM: runs in the engine's worker and in Node (scripts/build-stdlib.mjs).

export const BYTECODE_ZIP = "selfcheck-bytecode.zip";

async function bytes(response) {
  const reply = await response;
  if (!reply.ok) throw new Error(`${reply.url} could not be downloaded: HTTP ${reply.status}`);
  return new Uint8Array(await reply.arrayBuffer());
}

async function inflate(data) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** [name, bytes] of every file in a zip archive (stored or deflated entries). */
export async function unzip(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("Not a zip archive");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = [];
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("Broken zip directory");
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (name.startsWith("/") || name.split("/").includes("..")) throw new Error(`Unsafe path in zip: ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = data.subarray(start, start + size);
    if (method === 0) files.push([name, raw]);
    else if (method === 8) files.push([name, await inflate(raw)]);
    else throw new Error(`Unsupported zip method ${method} for ${name}`);
  }
  return files;
}

async function sha256(data) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Start downloading the lock file, the package's wheel and (when given) its bytecode.
 * Returns `lockFileContents` for loadPyodide, the `fsInit` hook that writes the files
 * into site-packages, and `installed`, which settles once they are written and rejects
 * if anything failed (a download, the sha256, the archive).
 */
export function engineFiles({ lockFileURL, packageBaseURL, packageName, bytecodeURL, fetchFile = fetch }) {
  const lock = bytes(fetchFile(lockFileURL)).then((data) => JSON.parse(new TextDecoder().decode(data)));
  const bytecode = bytecodeURL ? bytes(fetchFile(bytecodeURL)) : Promise.resolve(null);
  const files = (async () => {
    const entry = (await lock).packages[packageName];
    if (!entry) throw new Error(`${packageName} is not in the lock file`);
    const wheel = await bytes(fetchFile(new URL(entry.file_name, packageBaseURL).href));
    if ((await sha256(wheel)) !== entry.sha256) {
      throw new Error(`${entry.file_name} does not match the sha256 in the lock file`);
    }
    const extra = await bytecode;
    return [...(await unzip(wheel)), ...(extra ? await unzip(extra) : [])];
  })();
  let done;
  const installed = new Promise((resolve, reject) => { done = { resolve, reject }; });
  installed.catch(() => {}); // the caller awaits it after loadPyodide
  async function fsInit(FS, { sitePackages }) {
    try {
      for (const [name, data] of await files) {
        const path = `${sitePackages}/${name}`;
        FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
        FS.writeFile(path, data);
      }
      done.resolve();
    } catch (error) {
      done.reject(error);
    }
  }
  lock.catch(() => {});
  return { lockFileContents: lock, fsInit, installed };
}
