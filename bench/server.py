"""The benchmark's static servers: the site exactly as ``sitebuild.preview`` serves it
(its ``_headers`` included), plus what a real host adds and the tests leave out:

* gzip, on the fly, for text, scripts, styles, JSON, SVG and WebAssembly (level 6, the
  usual host setting); zip, wheel, PDF and images go as they are, as hosts send them;
* a log of every response with the bytes that went over the wire (status line,
  headers and body) and when, so the benchmark counts bytes as served.
"""

from __future__ import annotations

import gzip
import os
import threading
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from sitebuild import preview

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm", ".map", ".webmanifest")
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Hit:
    server: str
    path: str
    status: int
    wire_bytes: int
    started: float  # time.time() when the request arrived


class Log:
    def __init__(self) -> None:
        self._hits: list[Hit] = []
        self._since = 0.0
        self._lock = threading.Lock()

    def add(self, hit: Hit) -> None:
        # A hit is logged when its response ends. One that arrived before the last
        # clear() (a download of the previous measurement, still being written) belongs
        # to that measurement, not to the next one.
        with self._lock:
            if hit.started >= self._since:
                self._hits.append(hit)

    def clear(self) -> None:
        with self._lock:
            self._hits.clear()
            self._since = time.time()

    def hits(self, server: str | None = None, until: float | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self._hits if (server is None or h.server == server) and (until is None or h.started <= until)]


class _Counting:
    def __init__(self, raw) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name):
        return getattr(self.raw, name)


_gzip_cache: dict[tuple[str, int, int], bytes] = {}
_gzip_lock = threading.Lock()


def gzipped(path: Path) -> bytes:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _gzip_lock:
        found = _gzip_cache.get(key)
    if found is None:
        found = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        with _gzip_lock:
            _gzip_cache[key] = found
    return found


class BenchHandler(preview.SiteRequestHandler):
    """``sitebuild.preview``'s handler, with gzip and a byte log."""

    server_name = "site"
    log: Log
    extra_headers: ClassVar[dict[str, dict[str, str]]] = {}  # URL prefix -> headers (for the bare page)
    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counting(self.wfile)

    def handle_one_request(self) -> None:
        self.wfile.count = 0
        self._started = time.time()
        self._status = 0
        super().handle_one_request()
        if self._status:
            self.log.add(Hit(self.server_name, self._url_path(), self._status, self.wfile.count, self._started))

    def parse_request(self) -> bool:
        # The request has arrived. handle_one_request() starts earlier: on a kept-alive
        # connection it waits there for the next request, so its time is when the
        # connection fell idle (before Start, for engine files fetched after it).
        self._started = time.time()
        return super().parse_request()

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def end_headers(self) -> None:
        for prefix, headers in self.extra_headers.items():
            if self._url_path().startswith(prefix):
                for name, value in headers.items():
                    self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        conditional = "If-Modified-Since" in self.headers or "If-None-Match" in self.headers
        if not (accepts and not conditional and path.is_file() and path.suffix in COMPRESSIBLE) or self.path.endswith("/_headers"):
            super().do_GET()
            return
        if path.name == "index.html" and not self._url_path().endswith(("/", ".html")):
            super().do_GET()  # the directory redirect
            return
        body = gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path, name: str, log: Log, extra_headers: dict[str, dict[str, str]] | None = None) -> AbstractContextManager[str]:
    """``sitebuild.preview.serve`` with this module's counting, gzipping handler."""
    handler_class = type(f"{name.title()}Handler", (BenchHandler,), {
        "server_name": name, "log": log, "extra_headers": extra_headers or {},
    })
    return preview.serve(directory, handler_class=handler_class)


def gzip_size(path: Path) -> int:
    """What a file costs over the wire from these servers (body only)."""
    return len(gzipped(path)) if path.suffix in COMPRESSIBLE else os.path.getsize(path)
