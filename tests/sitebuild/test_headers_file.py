"""The `_headers` file the build writes, the preview server that applies it, and the
README's nginx and Apache versions of the same headers (sitebuild.headers)."""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import headers
from sitebuild.paths import ROOT



def served_paths(site: Path) -> list[str]:
    """Every URL path of the built site, pages by both of their addresses."""
    paths = headers.page_paths(site)
    paths += ["/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".html"]
    return sorted(set(paths))


@pytest.fixture(scope="module")
def rules(built_site: Path) -> list[headers.Rule]:
    return headers.parse((built_site / headers.HEADERS_FILE).read_text(encoding="utf-8"))


def script_src(policy: str) -> str:
    return next(part for part in policy.split("; ") if part.startswith("script-src "))


def test_the_file_round_trips(built_site: Path, rules: list[headers.Rule]) -> None:
    assert rules == headers.rules(built_site)


def test_no_header_is_set_twice_for_any_path(built_site: Path, rules: list[headers.Rule]) -> None:
    """Hosts disagree on merging (Cloudflare joins values, making two CSPs): never merge."""
    for path in served_paths(built_site):
        names = [name for rule in rules if headers._matches(rule.path, path) for name in rule.headers]
        assert len(names) == len(set(names)), path


def test_same_headers_everywhere(built_site: Path, rules: list[headers.Rule]) -> None:
    for path in served_paths(built_site):
        sent = headers.headers_for(rules, path)
        assert {name: sent.get(name) for name in headers.COMMON} == headers.COMMON, path
    assert headers.COMMON["Referrer-Policy"] == "no-referrer"


def test_every_page_gets_the_document_policy(built_site: Path, rules: list[headers.Rule]) -> None:
    policy = headers.document_policy(built_site)
    for directive in ("default-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'",
                      "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
        assert directive in policy.split("; ")
    assert "unsafe" not in script_src(policy) and "style-src" not in policy
    for path in [*headers.page_paths(built_site), "/sw.js"]:
        assert headers.headers_for(rules, path)["Content-Security-Policy"] == policy, path
    # Found again with an HTML parser, independently of the build's own search.
    for page in built_site.rglob("*.html"):
        for script in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("src") or script.get("type") == "application/json":
                continue
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script_src(policy), page


def test_inline_scripts_are_hashed_and_data_blocks_are_not(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<script>alert(1)</script><script id="__config" type="application/json">{}</script>'
        '<script src="x.js"></script>'
    )
    # sha256 of "alert(1)"
    assert headers.inline_script_hashes(tmp_path) == ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]


def test_only_the_engine_worker_may_compile_webassembly(built_site: Path, rules: list[headers.Rule]) -> None:
    allowed = [path for path in served_paths(built_site)
               if "wasm-unsafe-eval" in headers.headers_for(rules, path).get("Content-Security-Policy", "")]
    assert allowed == sorted(["/" + headers.DIARY_WORKER, "/" + headers.ENGINE_WORKER])
    assert script_src(headers.headers_for(rules, "/" + headers.DIARY_WORKER)["Content-Security-Policy"]) == (
        "script-src 'self' 'wasm-unsafe-eval'"
    )
    engine = headers.headers_for(rules, "/" + headers.ENGINE_WORKER)["Content-Security-Policy"]
    assert script_src(engine) == "script-src 'self' 'wasm-unsafe-eval'"
    search_worker = next(p for p in served_paths(built_site) if p.startswith("/" + headers.SEARCH_WORKERS))
    assert headers.headers_for(rules, search_worker)["Content-Security-Policy"] == headers.document_policy(built_site)


def test_cache_lifetimes(built_site: Path, rules: list[headers.Rule]) -> None:
    for path in served_paths(built_site):
        if path == "/" + headers.HEADERS_FILE:
            continue  # never served
        cache = headers.headers_for(rules, path).get("Cache-Control")
        if path.startswith(("/assets/pyodide/", "/assets/selfcheck/engine/")):
            assert cache == "public, max-age=31536000, immutable", path
        else:
            # F3: nothing is left to the browser's guesswork; unversioned files revalidate.
            assert cache == "no-cache", path


def fetch(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body, for errors too."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_preview_serves_the_rules_exactly(built_site: Path, site_url: str, rules: list[headers.Rule]) -> None:
    wasm = next(p for p in served_paths(built_site) if p.endswith(".wasm"))
    for path in ["/", "/about/", "/about/index.html", "/sw.js", "/" + headers.ENGINE_WORKER, wasm]:
        status, sent, _ = fetch(site_url.rstrip("/") + path)
        assert status == 200, path
        for name, value in headers.headers_for(rules, path).items():
            assert sent[name] == value, (path, name)
    assert fetch(site_url.rstrip("/") + wasm)[1]["Content-Type"] == "application/wasm"
    assert fetch(site_url + headers.HEADERS_FILE)[0] == 404
    status, sent, body = fetch(site_url + "no-such-page/")
    assert status == 404 and body == (built_site / "404.html").read_bytes()
    # F9: a missing page carries the "not found" page's own headers, its CSP included.
    for name, value in headers.headers_for(rules, "/404.html").items():
        assert sent[name] == value, name
    assert sent["Content-Security-Policy"] == headers.document_policy(built_site)


def readme_block(language: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", readme, re.S)
    assert blocks, f"README has no {language} block"
    return "\n".join(blocks)


@pytest.mark.parametrize("language", ["nginx", "apache"])
def test_readme_shows_the_same_headers(built_site: Path, language: str) -> None:
    """The server snippets in the README carry exactly the values the build writes."""
    block = readme_block(language)
    values = [*headers.COMMON.values(), headers.document_policy(built_site), headers.engine_policy(),
              headers.IMMUTABLE, headers.NO_CACHE]
    for value in values:
        assert f'"{value}"' in block, f"README {language} block is out of date: {value}"
    assert "/" + headers.ENGINE_WORKER in block and "application/wasm" in block


def test_readme_nginx_revalidates_the_unversioned_assets() -> None:
    """nginx drops inherited add_header lines, so /assets/ must set its own Cache-Control."""
    assets = re.search(r"location /assets/ \{(.*?)\n\}", readme_block("nginx"), re.S)
    assert assets and 'add_header Cache-Control "no-cache" always;' in assets[1]
