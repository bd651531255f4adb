"""Build the A4 PDF leaflets for clinics with WeasyPrint, after the site is built.

The leaflets are listed in ``data/leaflets.yml``. Each is assembled from the built
HTML of its pages (see :mod:`sitebuild.leaflet_content`), rendered with the template
``partials/leaflet.html`` and the print stylesheet ``assets/leaflets/leaflet.css``
from the theme's ``custom_dir``, and written to ``site/leaflets/<slug>.pdf``.

Why after the build (``on_post_build``): the leaflets read the pages MkDocs has just
written, so they must come last. That also settles the Leaflets page. Its list needs
each PDF's page count and file size, which exist only once the PDFs do, while MkDocs
renders that page earlier, alongside the others. So the page carries a placeholder
(``<div class="site-leaflet-list" data-leaflet-list>``) and this module replaces it
in ``site/leaflets/index.html`` with ``partials/leaflet-list.html``, rendered from the
finished leaflets. One step, no guessed sizes, no second build; the cost is that the
search index holds the page's own text but not the generated list.

Versions: a leaflet's version is the newest review date of its pages plus a short
hash of the text it prints (``2026.11.24-3f9c2a``), so the same text always gives
the same version and any change to it gives a new one, without a build date making
every build different.

Accessible formats: every PDF is PDF/UA-1 (WeasyPrint's ``pdf/ua-1`` variant): tagged
structure in reading order, the document's language and title, and alternative text
for each QR code and drawing (an SVG's ``<title>``, an image's ``alt``). WeasyPrint
reports a missing language or alternative text as an error, which stops the build.
Each leaflet also has a large-print edition, ``<slug>-large-print.pdf``: the same
HTML with ``assets/leaflets/large-print.css`` added, so the words are the same and no
text is smaller than 16 pt.

Rendering takes about a second per leaflet, so each PDF is cached in
``.cache/leaflets`` under a hash of its final HTML, the stylesheet and the
WeasyPrint version: a ``mkdocs serve`` reload that changes no leaflet's text
renders nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import logging
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import yaml
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from selfcheck import wording
from sitebuild import catalogue, content, paths
from sitebuild.content import format_date
from sitebuild.leaflet_content import BuiltPage, Part, included_ids, read_page, select, to_print_html
from sitebuild.qr import page_url, public_site_url, qr_svg, short_address

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)

DATA_PATH = Path("data") / "leaflets.yml"
OUTPUT_DIR = "leaflets"
LIST_PAGE = Path("leaflets") / "index.html"
LEAFLET_TEMPLATE = "partials/leaflet.html"
LIST_TEMPLATE = "partials/leaflet-list.html"
STYLESHEET = Path("assets") / "leaflets" / "leaflet.css"
LARGE_PRINT_STYLESHEET = Path("assets") / "leaflets" / "large-print.css"
LARGE_PRINT_SUFFIX = "-large-print"
PDF_VARIANT = "pdf/ua-1"
SELF_CHECK_PAGE = "self-check/"
CACHE_DIR = paths.CACHE / "leaflets"
PLACEHOLDER = re.compile(r'<div class="site-leaflet-list" data-leaflet-list>.*?</div>', re.DOTALL)
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: Part of the cache key, read without importing WeasyPrint.
_WEASYPRINT_VERSION = importlib.metadata.version("weasyprint")


@dataclass(frozen=True)
class LeafletSpec:
    """One entry of ``data/leaflets.yml``."""

    slug: str
    title: str
    reference: str
    summary: str
    online: str
    parts: tuple[Part, ...]
    pages: tuple[int, int]
    self_check: bool = False


@dataclass(frozen=True)
class Leaflet:
    """A built leaflet, as the Leaflets page and the tests see it."""

    spec: LeafletSpec
    version: str
    reviewed: dt.date
    """The oldest date its pages were last checked against the evidence (not a clinical review)."""
    next_review: dt.date
    signoff: content.SignOff | None
    """The clinical sign-off that covers this leaflet; None: clinical review is pending."""
    short_address: str
    pages: int
    size: int
    from_cache: bool
    large_print: Edition

    @property
    def file_name(self) -> str:
        return f"{self.spec.slug}.pdf"

    @property
    def size_text(self) -> str:
        return size_text(self.size)


@dataclass(frozen=True)
class Edition:
    """The large-print edition of a leaflet: same words, at least 16 pt."""

    file_name: str
    pages: int
    size: int

    @property
    def size_text(self) -> str:
        return size_text(self.size)


def size_text(size: int) -> str:
    """File size the way GOV.UK lists attachments: "212 KB", "1.2 MB"."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def load_specs(path: Path) -> list[LeafletSpec]:
    """Read and check the leaflet list; any mistake stops the build with its place."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"Leaflets: cannot read {path}: {error}") from error
    if not isinstance(raw, list) or not raw:
        raise PluginError(f"Leaflets: {path} must be a non-empty list of leaflets")
    specs = [_spec(path, index, entry) for index, entry in enumerate(raw)]
    slugs = [spec.slug for spec in specs]
    if len(set(slugs)) != len(slugs):
        raise PluginError(f"Leaflets: {path} lists a slug twice: {slugs}")
    return specs


def _spec(path: Path, index: int, entry: Any) -> LeafletSpec:
    where = f"Leaflets: {path}, entry {index + 1}"
    if not isinstance(entry, dict):
        raise PluginError(f"{where} must be a mapping")
    missing = [key for key in ("slug", "title", "reference", "summary", "online", "parts", "pages") if key not in entry]
    if missing:
        raise PluginError(f"{where} is missing {', '.join(missing)}")
    unknown = sorted(set(entry) - {"slug", "title", "reference", "online", "parts", "pages", "summary", "self_check"})
    if unknown:
        raise PluginError(f"{where} has unknown fields: {', '.join(unknown)}")
    if not _SLUG.fullmatch(str(entry["slug"])):
        raise PluginError(f"{where}: slug must be lower-case words joined by hyphens")
    pages = entry["pages"]
    pairs = isinstance(pages, list) and len(pages) == 2 and all(isinstance(n, int) for n in pages)
    if not (pairs and 0 < pages[0] <= pages[1]):
        raise PluginError(f"{where}: pages must be [min, max] page counts")
    parts = entry["parts"]
    if not isinstance(parts, list) or not parts:
        raise PluginError(f"{where}: parts must list at least one page")
    return LeafletSpec(
        slug=entry["slug"],
        title=str(entry["title"]),
        reference=str(entry["reference"]),
        online=str(entry["online"]),
        parts=tuple(_part(where, part) for part in parts),
        pages=(pages[0], pages[1]),
        summary=str(entry["summary"]),
        self_check=bool(entry.get("self_check", False)),
    )


def _part(where: str, part: Any) -> Part:
    if not isinstance(part, dict) or "page" not in part or set(part) - {"page", "sections", "omit"}:
        raise PluginError(f"{where}: each part is a mapping with `page` and optional `sections` and `omit`")
    for key in ("sections", "omit"):
        ids = part.get(key)
        if ids is not None and (not isinstance(ids, list) or not all(isinstance(i, str) for i in ids)):
            raise PluginError(f"{where}: `{key}` of {part['page']} must be a list of heading ids")
    sections = part.get("sections")
    return Part(
        path=str(part["page"]),
        sections=tuple(sections) if sections is not None else None,
        omit=tuple(part.get("omit") or ()),
    )


def build(config: MkDocsConfig) -> list[Leaflet]:
    """Build every leaflet into the site and fill in the Leaflets page (the hook's entry point)."""
    started = time.perf_counter()
    root = Path(config.config_file_path).parent
    site_dir = Path(config.site_dir)
    if config.theme.custom_dir is None:
        raise PluginError("Leaflets: mkdocs.yml names no theme custom_dir, where the leaflet template lives")
    theme_dir = Path(config.theme.custom_dir)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    catalogue.install(env, catalogue.for_config(config))
    css = (theme_dir / STYLESHEET).read_text(encoding="utf-8")
    large_css = (theme_dir / LARGE_PRINT_STYLESHEET).read_text(encoding="utf-8")
    pages: dict[str, BuiltPage] = {}

    def page(path: str, need_review: bool = True) -> BuiltPage:
        if path not in pages:
            pages[path] = read_page(site_dir, path, need_review)
        return pages[path]

    out_dir = site_dir / OUTPUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    signoffs = content.signoffs_for(config)
    leaflets = []
    for spec in load_specs(root / DATA_PATH):
        html, facts = _leaflet_html(spec, page, env, config, signoffs)
        key = _cache_key(html, css)
        pdf, page_count, from_cache = _render_cached(
            spec.slug, key, partial(_render, html, [css], site_dir)
        )
        shutil.copyfile(pdf, out_dir / f"{spec.slug}.pdf")
        large_slug = spec.slug + LARGE_PRINT_SUFFIX
        large_pdf, large_pages, large_cached = _render_cached(
            large_slug, _cache_key(html, css, large_css), partial(_render, html, [css, large_css], site_dir)
        )
        shutil.copyfile(large_pdf, out_dir / f"{large_slug}.pdf")
        large_print = Edition(file_name=f"{large_slug}.pdf", pages=large_pages, size=large_pdf.stat().st_size)
        leaflets.append(
            Leaflet(
                spec=spec, pages=page_count, size=pdf.stat().st_size, from_cache=from_cache and large_cached,
                large_print=large_print, **facts,
            )
        )
    _fill_list_page(site_dir / LIST_PAGE, env, leaflets, config.extra.get("feedback_email", ""))
    cached = sum(leaflet.from_cache for leaflet in leaflets)
    log.info(f"Leaflets built in {time.perf_counter() - started:.1f} s ({len(leaflets)} PDFs, {cached} from cache)")
    return leaflets


def _cache_key(html: str, *stylesheets: str) -> str:
    """A hash of everything a PDF is made from, the PDF variant included."""
    return hashlib.sha256("\0".join([html, *stylesheets, PDF_VARIANT, _WEASYPRINT_VERSION]).encode()).hexdigest()[:16]


def _import_weasyprint() -> Any:
    """WeasyPrint needs Pango from the system; say exactly what to install if it is missing.

    Imported only when a leaflet has to be rendered: the import alone takes most of
    a second, which a ``mkdocs serve`` reload with every leaflet cached should not pay.
    """
    try:
        import weasyprint
    except OSError as error:
        raise PluginError(
            "The PDF leaflets need WeasyPrint's system libraries (Pango), which are missing: "
            f"{error}. On Debian or Ubuntu install them with "
            "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`; `make build` installs them for you."
        ) from error
    return weasyprint


def _leaflet_html(
    spec: LeafletSpec,
    page: Callable[..., BuiltPage],
    env: jinja2.Environment,
    config: MkDocsConfig,
    signoffs: tuple[content.SignOff, ...] = (),
) -> tuple[str, dict[str, Any]]:
    """The leaflet as one HTML document, and the facts the Leaflets page shows.

    ``page`` reads a built page once per build, however many leaflets quote it.
    """
    site_url = public_site_url(config)
    words = catalogue.for_config(config)
    built = [(part, page(part.path)) for part in spec.parts]
    selected = [(part, built_page, select(built_page, part)) for part, built_page in built]
    in_leaflet: dict[str, set[str]] = {}
    for part, _, nodes in selected:
        in_leaflet[part.path] = in_leaflet.get(part.path, set()) | included_ids(nodes)
    several = len(spec.parts) > 1
    sections = [
        {
            "id": built_page.slug,
            "title": built_page.title if several else None,
            "html": Markup(to_print_html(built_page, nodes, site_url=site_url, in_leaflet=in_leaflet, demote=several)),
            "address": short_address(site_url, built_page.path),
            "source_count": len(built_page.sources),
        }
        for part, built_page, nodes in selected
    ]
    sources = list(dict.fromkeys(source for _, built_page in built for source in built_page.sources))
    # Every page here was read with need_review=True, which fails the build without both dates.
    reviewed_on = [p.reviewed for _, p in built if p.reviewed is not None]
    reviewed = min(reviewed_on)
    next_review = min(p.next_review for _, p in built if p.next_review is not None)
    fingerprint = hashlib.sha256(
        json.dumps([[s["id"], str(s["html"])] for s in sections] + sources).encode()
    ).hexdigest()
    newest = max(reviewed_on)
    content.check_next_review(f"Leaflet {spec.reference} ({spec.slug})", next_review)
    facts = {
        "version": f"{newest:%Y.%m.%d}-{fingerprint[:6]}",
        "reviewed": reviewed,
        "next_review": next_review,
        # Signed only if the sign-off is no older than the newest check of its pages.
        "signoff": content.signoff_for(signoffs, "leaflet", spec.slug, newest),
        "short_address": short_address(site_url, spec.online),
    }
    self_check = None
    if spec.self_check:
        check = page(SELF_CHECK_PAGE, need_review=False)
        self_check = {
            "title": check.title,
            "description": check.description,
            "short_address": short_address(site_url, SELF_CHECK_PAGE),
            "qr": Markup(qr_svg(
                page_url(site_url, SELF_CHECK_PAGE), label=words.text("site.qr.page", title=check.title)
            )),
        }
    html = env.get_template(LEAFLET_TEMPLATE).render(
        spec=spec,
        sections=sections,
        # Excerpts of several pages would print every source of every page (50 and
        # more, most of them behind text that is not printed): those leaflets point
        # to each page's full, linked list instead.
        sources=None if several else sources,
        reviewed_text=format_date(reviewed),
        next_review_text=format_date(next_review),
        qr=Markup(qr_svg(
            page_url(site_url, spec.online), label=words.text("site.qr.online_version", title=spec.title)
        )),
        self_check=self_check,
        urgent=wording,
        site_name=config.site_name,
        copyright=config.copyright or "",
        **facts,
    )
    return html, facts


class _Errors(logging.Handler):
    """Collects what WeasyPrint logs as errors, such as an image without alternative text."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _render(html: str, stylesheets: list[str], site_dir: Path, target: Path) -> int:
    """Write the PDF as PDF/UA-1 (tagged, for screen readers) and return its page count.

    Only local files may be fetched: a leaflet build never touches the network. Any
    error WeasyPrint reports (a missing language or alternative text, among others)
    stops the build rather than leave an inaccessible leaflet.
    """
    weasyprint = _import_weasyprint()
    fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    errors = _Errors()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(errors)
    try:
        document: Any = weasyprint.HTML(string=html, base_url=f"{site_dir.as_uri()}/", url_fetcher=fetcher).render(
            stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher) for css in stylesheets], pdf_tags=True
        )
        document.write_pdf(target, pdf_variant=PDF_VARIANT)
    finally:
        logger.removeHandler(errors)
    if errors.messages:
        raise PluginError(f"Leaflets: {target.name}: WeasyPrint reported {'; '.join(errors.messages)}")
    return len(document.pages)


def _render_cached(slug: str, key: str, render: Callable[[Path], int]) -> tuple[Path, int, bool]:
    """Reuse the PDF cached under ``key`` (a hash of everything it is made from), or render it."""
    pdf = CACHE_DIR / f"{slug}-{key}.pdf"
    meta = pdf.with_suffix(".json")
    if pdf.is_file() and meta.is_file():
        return pdf, json.loads(meta.read_text())["pages"], True
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for stale in CACHE_DIR.glob(f"{slug}-*"):
        if re.fullmatch(rf"{re.escape(slug)}-[0-9a-f]{{16}}\.(pdf|json)", stale.name):
            stale.unlink()
    partial = pdf.with_suffix(".tmp")
    page_count = render(partial)
    partial.replace(pdf)
    meta.write_text(json.dumps({"pages": page_count}))
    return pdf, page_count, False


def _fill_list_page(file: Path, env: jinja2.Environment, leaflets: list[Leaflet], feedback_email: str) -> None:
    """Put the finished list, with page counts and sizes, into the built Leaflets page."""
    if not file.is_file():
        raise PluginError(f"Leaflets: the Leaflets page {file} was not built; keep docs/leaflets.md in the nav")
    html = file.read_text(encoding="utf-8")
    if not PLACEHOLDER.search(html):
        raise PluginError(
            'Leaflets: docs/leaflets.md must contain <div class="site-leaflet-list" data-leaflet-list>…</div>, '
            "where the build puts the list of PDFs"
        )
    listing = env.get_template(LIST_TEMPLATE).render(
        leaflets=leaflets, format_date=format_date, feedback_email=feedback_email
    )
    file.write_text(PLACEHOLDER.sub(lambda _: listing, html, count=1), encoding="utf-8")
