// Some browsers and policies forbid compiling WebAssembly (a CSP without
// 'wasm-unsafe-eval', a locked-down browser). Pyodide then waits forever instead of
// failing, and the patient would see the waiting screen until the start limit (a
// minute). Compiling the smallest valid module (its 8-byte header) finds that out at
// once, so the paper checklist and "speak to a GP" show straight away.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

export function refuseIfWasmBlocked() {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch (error) {
    throw new Error(`This browser does not allow WebAssembly: ${error}`);
  }
}
