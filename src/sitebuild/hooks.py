"""MkDocs hook: connects build events to the modules that do the work.

Kept thin on purpose: ``mkdocs serve`` never reloads hook modules, while the modules
imported from here are ordinary, tested code.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck import wording
from sitebuild import (
    catalogue,
    changes,
    content,
    diary_page,
    engine,
    hazards,
    headers,
    leaflets,
    minify,
    modules,
    offline,
    paths,
    permalinks,
    publisher,
    selfcheck_page,
    tables,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_bundle: engine.EngineBundle | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _bundle  # noqa: PLW0603 -- a hook module keeps build state between events; MkDocs gives it no object
    _bundle = engine.prepare()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["engine"] = _bundle
    # t("key") and the scripts' data blocks: the words of theme.language (catalogue/).
    catalogue.install(env, catalogue.for_config(config))
    env.globals["selfcheck"] = selfcheck_page.context(config)
    env.globals["diary"] = diary_page.context(config)
    # The engine's wording (selfcheck.wording), for texts the page shows as the engine words them.
    env.globals["selfcheck_wording"] = wording
    env.filters["module_imports"] = modules.module_imports
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = publisher.fill(markdown, config.extra, page.file.src_uri)
    if page.file.src_uri == hazards.ABOUT_PAGE:
        return hazards.add_to_about(markdown, catalogue.for_config(config))
    if page.file.src_uri == diary_page.PAPER_PAGE:
        return diary_page.add_to_paper_record(markdown, catalogue.for_config(config))
    if page.file.src_uri == changes.PAGE:
        return changes.add_to_page(markdown, catalogue.for_config(config))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = tables.name_path_links(tables.add_captions(content.add_urgent_help(html, page, config)))
    return permalinks.name_permalinks(html, catalogue.for_config(config))


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return content.add_page_context(context, page, config)


def on_post_build(config: MkDocsConfig) -> None:
    assert _bundle is not None
    engine.install(_bundle, Path(config.site_dir))
    minify.minify(Path(config.site_dir))
    leaflets.build(config)
    # Last, in this order: the CSP hashes come from the finished pages, and the service
    # worker lists (and hashes) every file the build wrote.
    headers.write(Path(config.site_dir))
    offline.write(Path(config.site_dir))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server.watch(str(paths.ENGINE_SOURCE))
    server.watch(str(engine.DIARY_SOURCE))
    server.watch(str(paths.SRC / "sitebuild"))
    server.watch(str(paths.ROOT / "data"))
    return server
