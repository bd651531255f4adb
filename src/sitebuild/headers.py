"""Security and caching headers for the built site, as one set of rules.

The build writes them as ``site/_headers`` (the format Netlify, Cloudflare Pages and
others read); :mod:`sitebuild.preview` serves the same file, so the tests see what
production sees, and the README shows the same headers for nginx and Apache
(``tests/sitebuild/test_headers_file.py`` keeps those snippets in sync).

Two policies exist:

* the *document* policy, for every page and for the search and service workers:
  scripts only from our origin plus the sha256 hashes of the few inline scripts
  Material writes (computed from the pages this build wrote, so a changed theme can
  never be silently allowed or silently broken);
* the *engine* policy, for the self-check worker only: Pyodide compiles WebAssembly,
  which needs ``'wasm-unsafe-eval'`` and nothing else. A dedicated worker takes its
  policy from its own script's response, so the self-check page itself keeps the
  document policy.

Hosts that read ``_headers`` differ when two rules set the same header on one path
(Cloudflare joins the values with a comma, which for a CSP means *two* policies, and
Netlify keeps one), so the rules are written to never overlap on a header: the
site-wide rule carries only the headers that are the same everywhere, and CSP and
Cache-Control are set per page or per asset directory.

Every file has an explicit ``Cache-Control``: a year for the versioned engine, and
``no-cache`` (use a copy only after asking the server) for everything else, so the
browser never mixes a new page with an old script by guesswork (review finding F3).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

HEADERS_FILE = "_headers"
ENGINE_WORKER = "assets/selfcheck/worker.js"
# The treatment diary's worker runs the same runtime, so it gets the same engine policy.
DIARY_WORKER = "assets/diary/worker.js"
SEARCH_WORKERS = "assets/javascripts/workers/"
# Versioned by directory name: the Pyodide version, and a hash of the engine sources.
IMMUTABLE_DIRS = ("assets/pyodide/", "assets/selfcheck/engine/")

COMMON = {
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "X-Content-Type-Options": "nosniff",
}
NO_CACHE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"

# Directives both policies share. There is no inline style, and no font from anywhere
# (`theme.font: false` keeps Google Fonts away); Material's CSS draws its icons from
# `data:` SVG images.
_SHARED_DIRECTIVES = (
    ("img-src", "'self' data:"),
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("frame-ancestors", "'none'"),
    ("form-action", "'self'"),
)

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# Data blocks (Material's `__config`) are never executed, so CSP does not apply to them.
_DATA_BLOCK = re.compile(r"\btype\s*=\s*[\"']?application/(?:ld\+)?json", re.I)


@dataclass(frozen=True)
class Rule:
    """One ``_headers`` block: a URL path (``*`` matches any characters) and its headers."""

    path: str
    headers: dict[str, str] = field(default_factory=dict)


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions for every executable inline script in the built pages."""
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        for match in _INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match["attrs"]
            if _SRC.search(attrs) or _DATA_BLOCK.search(attrs):
                continue
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def _policy(script_src: str) -> str:
    directives = [("default-src", "'self'"), ("script-src", script_src), *_SHARED_DIRECTIVES]
    return "; ".join(f"{name} {value}" for name, value in directives)


def document_policy(site_dir: Path) -> str:
    return _policy(" ".join(["'self'", *inline_script_hashes(site_dir)]))


def engine_policy() -> str:
    return _policy("'self' 'wasm-unsafe-eval'")


def page_paths(site_dir: Path) -> list[str]:
    """Every URL path a page can be requested at: ``/about/`` and ``/about/index.html``."""
    paths: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        if page.name == "index.html":
            paths.append("/" + relative[: -len("index.html")])
        paths.append("/" + relative)
    return paths


def rules(site_dir: Path) -> list[Rule]:
    """The header rules for a built site, most general first."""
    document = {"Content-Security-Policy": document_policy(site_dir), "Cache-Control": NO_CACHE}
    found = [Rule("/*", dict(COMMON))]
    found += [Rule(path, document) for path in page_paths(site_dir)]
    found.append(Rule("/sw.js", document))
    found += [
        Rule("/" + worker.relative_to(site_dir).as_posix(), {"Content-Security-Policy": document_policy(site_dir)})
        for worker in sorted((site_dir / SEARCH_WORKERS).glob("*.js"))
    ]
    found += [
        Rule("/" + worker, {"Content-Security-Policy": engine_policy(), "Cache-Control": NO_CACHE})
        for worker in (ENGINE_WORKER, DIARY_WORKER)
    ]
    found += [Rule(f"/{directory}*", {"Cache-Control": IMMUTABLE}) for directory in IMMUTABLE_DIRS]
    return found + _revalidate_the_rest(site_dir, found)


def _revalidate_the_rest(site_dir: Path, found: list[Rule]) -> list[Rule]:
    """``no-cache`` for every file no rule gives a Cache-Control: one rule for a whole
    directory where no file under it has one yet, else one rule per file."""
    files = sorted(
        ("/" + p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()),
        key=lambda path: (path.count("/"), path),
    )
    every_path = files + page_paths(site_dir)
    added: list[Rule] = []

    def cached(path: str) -> bool:
        return "Cache-Control" in headers_for(found + added, path)

    for path in files:
        if path == "/" + HEADERS_FILE or cached(path):
            continue
        directory = path.rsplit("/", 1)[0]
        wide = f"{directory}/*"
        whole = directory and not any(cached(p) for p in every_path if _matches(wide, p))
        added.append(Rule(wide if whole else path, {"Cache-Control": NO_CACHE}))
    return added


def render(found: list[Rule]) -> str:
    blocks = ["# Written by the build (src/sitebuild/headers.py); edit that, not this file."]
    for rule in found:
        blocks.append("\n".join([rule.path, *(f"  {name}: {value}" for name, value in rule.headers.items())]))
    return "\n\n".join(blocks) + "\n"


def parse(text: str) -> list[Rule]:
    """Read a ``_headers`` file: a path line, then indented ``Name: value`` lines."""
    found: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            found.append(Rule(line.strip()))
            continue
        if not found:
            raise ValueError(f"Header line before any path: {line!r}")
        name, _, value = line.strip().partition(":")
        found[-1].headers[name.strip()] = value.strip()
    return found


def _matches(pattern: str, path: str) -> bool:
    regex = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", pattern))
    return re.fullmatch(regex, path) is not None


def headers_for(found: list[Rule], path: str) -> dict[str, str]:
    """The headers a host sends for ``path``: every matching rule applies, in order.

    A header set by two matching rules is joined with a comma, as Cloudflare Pages does;
    :func:`rules` never produces that, and the tests check it stays so.
    """
    merged: dict[str, str] = {}
    for rule in found:
        if _matches(rule.path, path):
            for name, value in rule.headers.items():
                merged[name] = f"{merged[name]}, {value}" if name in merged else value
    return merged


def write(site_dir: Path) -> Path:
    """Write ``_headers`` for the pages already in ``site_dir``."""
    target = site_dir / HEADERS_FILE
    target.write_text(render(rules(site_dir)), encoding="utf-8")
    return target
