"""Serve a built site on localhost the way a static host would.

Used by the browser tests, the benchmark and ``make preview``, so that they see what
production sees: the headers come from the site's own ``_headers`` file (written by
:mod:`sitebuild.headers`, read afresh on every request so a rebuild takes effect), the
file itself is not served, and a missing page gets ``404.html`` as static hosts do.
Nothing is logged: a static host's log is the one place a request could be recorded.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitebuild import headers

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
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}  # noqa: RUF012 -- as the base class declares it

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _site_file(self, name: str) -> Path:
        return Path(self.directory, name)

    def _url_path(self) -> str:
        # A missing page is answered with 404.html and that page's headers (its CSP and
        # Cache-Control), as nginx's `error_page` and Apache's `ErrorDocument` do.
        if getattr(self, "_not_found", False):
            return "/404.html"
        return unquote(urlsplit(self.path).path)

    def end_headers(self) -> None:
        rules_file = self._site_file(headers.HEADERS_FILE)
        if rules_file.is_file():
            rules = headers.parse(rules_file.read_text(encoding="utf-8"))
            for name, value in headers.headers_for(rules, self._url_path()).items():
                self.send_header(name, value)
        self._not_found = False
        super().end_headers()

    def translate_path(self, path: str) -> str:
        # Hosts read `_headers` but never serve it.
        if unquote(urlsplit(path).path).lstrip("/") == headers.HEADERS_FILE:
            return str(self._site_file(".missing"))
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = self._site_file("404.html")
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self._not_found = True
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    """A browser that closes a connection early (a cancelled preload, a closed tab)
    is normal traffic, not an error worth a traceback."""

    daemon_threads = True

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(
    site_dir: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    handler_class: type[SiteRequestHandler] = SiteRequestHandler,
) -> Iterator[str]:
    """Serve ``site_dir`` in a background thread; yields the base URL.

    ``handler_class`` lets the benchmark add what a real host does on top (gzip, a
    byte count) while serving the site exactly as here."""
    handler = partial(handler_class, directory=str(site_dir))
    server = _QuietServer((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    """``make preview``: serve a built site until interrupted."""
    parser = argparse.ArgumentParser(description="Serve a built site with the headers from its _headers file.")
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args()
    with serve(options.site_dir, options.host, options.port) as url:
        print(f"Serving {options.site_dir} with its _headers on {url} (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
