"""Serve a built site on localhost the way a static host would.

Used by the browser tests and the benchmark, so that they see what production sees.
Nothing is logged: a static host's log is the one place a request could be recorded.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

# Pyodide hangs (rather than fails) if its wasm is served with the wrong type.
CONTENT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".webmanifest": "application/manifest+json",
}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` in a background thread; yields the base URL."""
    handler = partial(SiteRequestHandler, directory=str(site_dir))
    server = ThreadingHTTPServer((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
