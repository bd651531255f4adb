"""The service worker's file lists match the build exactly (sitebuild.offline)."""

from __future__ import annotations

from pathlib import Path

from sitebuild import offline


def test_every_file_is_listed_once_with_its_hash(built_site: Path) -> None:
    build = offline.manifest(built_site)
    listed = dict(build["precache"] + build["engine"])
    assert len(listed) == len(build["precache"]) + len(build["engine"])
    for url, hash_ in listed.items():
        path = built_site / (url + "index.html" if url.endswith("/") else url)
        if url == "./":
            path = built_site / "index.html"
        assert offline.integrity(path) == hash_, url
    precached = {url for url, _ in build["precache"]}
    assert {"./", "about/", "self-check/", "404.html", "search/search_index.json"} <= precached
    assert any(url.startswith("leaflets/") and url.endswith(".pdf") for url in precached)
    assert not [url for url in precached if url.startswith(offline.ENGINE_PREFIXES) or url.endswith(".map")]
    engine = {url for url, _ in build["engine"]}
    assert any(url.endswith("pyodide.asm.wasm") for url in engine)
    assert any(url.endswith(".whl") for url in engine)


def test_any_changed_file_gives_a_new_version(site_copy: Path) -> None:
    before = offline.manifest(site_copy)["version"]
    css = site_copy / "assets" / "stylesheets" / "site.css"
    css.write_text(css.read_text() + "\n/* changed */\n")
    assert offline.manifest(site_copy)["version"] != before


def test_the_build_writes_the_service_worker(built_site: Path) -> None:
    text = (built_site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    assert f'"version": "{offline.manifest(built_site)["version"]}"' in text
    assert 'self.addEventListener("fetch"' in text
