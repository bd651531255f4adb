"""The PDF leaflets: built by the real build, readable, current, and scanning back online."""

from __future__ import annotations

import builtins
import datetime as dt
import re
from functools import cache
from pathlib import Path

import pypdf
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from pdf_tools import decode_qr_codes

from selfcheck import wording
from sitebuild import leaflets
from sitebuild.paths import ROOT
from sitebuild.content import format_date
from sitebuild.leaflet_content import Part, read_page, select, to_print_html
from sitebuild.qr import page_url, short_address

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]
SPECS = leaflets.load_specs(ROOT / leaflets.DATA_PATH)
BY_SLUG = pytest.mark.parametrize("spec", SPECS, ids=[spec.slug for spec in SPECS])


def _pdf(built_site: Path, spec: leaflets.LeafletSpec) -> Path:
    return built_site / leaflets.OUTPUT_DIR / f"{spec.slug}.pdf"


@cache
def _plain(pdf: Path) -> str:
    """All text of a PDF as pypdf reads it, read once per file: extraction is slow and
    every leaflet is read by several tests."""
    return "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


def _text(pdf: Path) -> str:
    """All text of a PDF, with whitespace removed: line breaks fall anywhere."""
    return re.sub(r"\s+", "", _plain(pdf))


def _review_dates(built_site: Path, path: str) -> list[str]:
    """The page's checked and next-review dates as the built page shows them (ISO)."""
    soup = BeautifulSoup((built_site / path / "index.html").read_text(), "html.parser")
    times = {t["data-date"]: t["datetime"] for t in soup.article.find_all("time", datetime=True)}
    return [times["checked"], times["next-review"]]


def test_the_set_has_the_combined_leaflet_and_the_single_topic_ones() -> None:
    slugs = {spec.slug for spec in SPECS}
    assert {"iontophoresis-for-excessive-sweating", "before-a-session", "side-effects", "who-should-not-use-it"} <= slugs
    combined = next(s for s in SPECS if s.slug == "iontophoresis-for-excessive-sweating")
    assert combined.title == "Iontophoresis for excessive sweating"
    assert combined.self_check
    assert [p.path for p in combined.parts] == [
        "what-is-iontophoresis/", "who-should-not-use-it/", "excessive-sweating/", "getting-treatment/",
        "a-session/", "course-and-maintenance/", "before-a-session/", "side-effects/", "leaflets/",
    ]
    session = next(p for p in combined.parts if p.path == "a-session/")
    assert {"how-long", "current", "polarity"} <= set(session.sections), "M10: session length, current, direction"
    assert combined.pages[1] <= 16


@BY_SLUG
def test_pdf_opens_with_a_page_count_in_range(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    reader = pypdf.PdfReader(_pdf(built_site, spec))
    low, high = spec.pages
    assert low <= len(reader.pages) <= high, f"{spec.slug}: {len(reader.pages)} pages; adjust data/leaflets.yml"
    assert reader.metadata.title == spec.title
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297), "A4 portrait"


@BY_SLUG
def test_text_has_title_review_dates_version_and_short_address(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    text = _text(_pdf(built_site, spec))
    reviewed = min(_review_dates(built_site, part.path)[0] for part in spec.parts)
    next_review = min(_review_dates(built_site, part.path)[1] for part in spec.parts)
    for expected in (
        spec.title,
        f"Last checked against the evidence: {format_date(dt.date.fromisoformat(reviewed))}",
        f"Next review due: {format_date(dt.date.fromisoformat(next_review))}",
        f"{spec.reference}, version",
        short_address(SITE_URL, spec.online),
        wording.URGENT_999,
    ):
        assert re.sub(r"\s+", "", expected) in text, f"{spec.slug}: {expected!r} missing"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _element_text(built_site: Path, path: str, element_id: str, selector: str = "p") -> list[str]:
    """Texts (whitespace removed) of the blocks of one section of a built page."""
    soup = BeautifulSoup((built_site / path / "index.html").read_text(), "html.parser")
    node = soup.article.find(id=element_id)
    assert node is not None, f"{path} has no #{element_id}"
    if node.name in ("h2", "h3"):
        blocks = []
        for sibling in node.find_next_siblings():
            if sibling.name in ("h2", "footer") or (sibling.name == "h3" and node.name == "h3"):
                break
            blocks += [sibling] if sibling.name == selector else sibling.select(selector)
    else:
        blocks = node.select(selector)
    texts = [_squash(b.get_text()) for b in blocks if "site-urgent-help" not in " ".join(
        c for parent in b.parents for c in (parent.get("class") or []))]
    assert texts, f"{path}#{element_id}: nothing to compare"
    return texts


@BY_SLUG
def test_each_leaflet_stands_alone(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    """Printed on its own, every leaflet says who must not use iontophoresis (pregnancy and
    pacemaker/ICD in a warning box), the red flags, urgent help (999 with chest pain, the four
    nations), how long a session takes, where the clinic writes its contact details and how
    to ask for another format. Each text is compared with the page or package it comes from."""
    pdf_text = _text(_pdf(built_site, spec))
    plain = " ".join(_plain(_pdf(built_site, spec)).split())
    missing = []

    def need(what: str, text: str) -> None:
        if _squash(text) not in pdf_text:
            missing.append(f"{what}: {text[:60]}")

    # Urgent help, from the package: chest pain and 999 in one sentence, then each nation.
    first = wording.URGENT_999.split(". ")[0]
    assert "chest pain" in first and "999" in first and " ".join(first.split()) in plain
    need("urgent help", wording.URGENT_999)
    for route in wording.URGENT_ROUTES:
        need("urgent route", f"{route.nation}: {route.route}")
    # Pregnancy and pacemaker/ICD, in the warning box of "Who should not use it".
    for text in _element_text(built_site, "who-should-not-use-it/", "pregnancy-pacemaker"):
        need("warning box", text)
    assert re.search(r"pregnant.*pacemaker", plain, re.S)
    for text in _element_text(built_site, "who-should-not-use-it/", "stop", "li"):
        need("who should not use it", text)
    # Red flags, every one of them.
    for text in _element_text(built_site, "excessive-sweating/", "red-flags", "li"):
        need("red flag", text)
    # Session length.
    for text in _element_text(built_site, "a-session/", "how-long", "li"):
        need("session length", text)
    assert "20 to 30 minutes" in plain
    # The clinic's contact box, and other formats.
    for text in ("Your clinic or GP surgery", "Name:", "Phone:"):
        need("contact box", text)
    for text in _element_text(built_site, "leaflets/", "other-formats"):
        need("other formats", text)
    assert missing == [], f"{spec.slug}: " + "; ".join(missing)


@BY_SLUG
def test_text_comes_from_the_built_page(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    """Every heading of every part printed: proof it is the page, not a second copy."""
    text = _text(_pdf(built_site, spec))
    for part in spec.parts:
        page = read_page(built_site, part.path)
        for node in select(page, part):
            if getattr(node, "name", None) in ("h2", "h3"):
                assert re.sub(r"\s+", "", node.get_text()) in text


@BY_SLUG
def test_sources_are_printed(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    text = _text(_pdf(built_site, spec))
    assert "Sources" in text
    if len(spec.parts) == 1:
        soup = BeautifulSoup((built_site / spec.parts[0].path / "index.html").read_text(), "html.parser")
        first = soup.find(id="sources").find_next_sibling("ol").li
        title = first.a.get_text() if first.a else first.get_text()
        assert re.sub(r"\s+", "", title) in text
    else:
        for part in spec.parts:
            assert short_address(SITE_URL, part.path) in text


@BY_SLUG
def test_qr_code_on_page_one_scans_to_the_online_page(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    assert decode_qr_codes(_pdf(built_site, spec), page_index=0) == [page_url(SITE_URL, spec.online)]


def test_combined_leaflet_ends_with_where_to_find_the_self_check(built_site: Path) -> None:
    spec = next(s for s in SPECS if s.slug == "iontophoresis-for-excessive-sweating")
    pdf = _pdf(built_site, spec)
    pages = len(pypdf.PdfReader(pdf).pages)
    found = [url for index in range(1, pages) for url in decode_qr_codes(pdf, page_index=index)]
    assert found == [page_url(SITE_URL, "self-check/")]
    assert short_address(SITE_URL, "self-check/") in _text(pdf)


def test_leaflets_page_lists_each_pdf_with_its_page_count_and_size(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / leaflets.LIST_PAGE).read_text(), "html.parser")
    assert soup.find(attrs={"data-leaflet-list": True}) is None, "the placeholder must be replaced"
    for spec in SPECS:
        pdf = _pdf(built_site, spec)
        link = soup.find("a", href=f"{spec.slug}.pdf")
        assert link is not None and link.get_text(strip=True) == spec.title
        facts = link.find_parent("section").get_text(" ", strip=True)
        pages = len(pypdf.PdfReader(pdf).pages)
        size_kb = round(pdf.stat().st_size / 1000)
        assert f"PDF, A4, {pages} pages, {size_kb} KB" in facts


def test_gp_page_links_to_the_leaflets_page(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "for-gps" / "index.html").read_text(), "html.parser")
    assert soup.article.find("a", href=re.compile(r"^\.\./leaflets/(#.*)?$"))


# --- Units: cache, errors, print adjustments -------------------------------------


def test_cache_renders_once_per_distinct_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leaflets, "CACHE_DIR", tmp_path)
    calls: list[Path] = []

    def render(target: Path) -> int:
        calls.append(target)
        target.write_bytes(b"%PDF-1.7 fake")
        return 3

    first = leaflets._render_cached("side-effects", "a" * 16, render)
    again = leaflets._render_cached("side-effects", "a" * 16, render)
    assert (first[1:], again[1:]) == ((3, False), (3, True)) and len(calls) == 1
    changed = leaflets._render_cached("side-effects", "b" * 16, render)
    assert changed[2] is False and len(calls) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["side-effects-" + "b" * 16 + ext for ext in (".json", ".pdf")]


def test_missing_pango_names_the_debian_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(PluginError) as error:
        leaflets._import_weasyprint()
    assert "libpango-1.0-0 libpangoft2-1.0-0" in str(error.value)
    assert "make build" in str(error.value)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"slug": "x"}, "missing"),
        ({"slug": "Bad Slug", "title": "t", "reference": "r", "summary": "s", "online": "a/", "parts": [{"page": "a/"}], "pages": [1, 2]}, "slug"),
        ({"slug": "x", "title": "t", "reference": "r", "summary": "s", "online": "a/", "parts": [{"page": "a/"}], "pages": [3, 2]}, "pages"),
        ({"slug": "x", "title": "t", "reference": "r", "summary": "s", "online": "a/", "parts": [{"pages": "a/"}], "pages": [1, 2]}, "part"),
    ],
)
def test_a_wrong_leaflet_list_stops_the_build(tmp_path: Path, entry: dict, message: str) -> None:
    data = tmp_path / "leaflets.yml"
    data.write_text(yaml.safe_dump([entry]))
    with pytest.raises(PluginError, match=message):
        leaflets.load_specs(data)


PAGE = """<!doctype html><html><head><meta name="description" content="About &amp; more"></head><body>
<article class="md-content__inner md-typeset">
<h1 id="t">Topic<a class="headerlink" href="#t">¶</a></h1>
<p>Intro with <a href="../other/">another page</a>, <a href="https://www.nhs.uk/conditions/">the NHS</a>
and <a href="https://111.nhs.uk/">111.nhs.uk</a>.</p>
<h2 id="one">One</h2><p>See <a href="#two">two</a> and <a href="#three">three</a>.</p>
<h3 id="one-a">One A</h3><p>Detail.</p>
<h2 id="two">Two</h2><p>Second.</p>
<h2 id="three">Three</h2><p>Third.</p>
<footer class="site-page-meta"><p>Clinical review: pending.<br>
Last checked against the evidence: <time datetime="2026-11-24" data-date="checked">24 November 2026</time><br>
Next review due: <time datetime="2027-11-24" data-date="next-review">24 November 2027</time></p>
<h2 id="sources">Sources</h2><ol><li><a href="https://example.org/a">Title A</a>
. Publisher A. 2024.</li></ol></footer>
</article></body></html>"""


@pytest.fixture
def topic(tmp_path: Path):
    (tmp_path / "topic").mkdir()
    (tmp_path / "topic" / "index.html").write_text(PAGE)
    return read_page(tmp_path, "topic/")


def test_read_page_takes_dates_and_sources_and_drops_the_meta_block(topic) -> None:
    assert (topic.title, topic.description) == ("Topic", "About & more")
    assert (str(topic.reviewed), str(topic.next_review)) == ("2026-11-24", "2027-11-24")
    assert topic.sources == ("Title A. Publisher A. 2024.",)
    assert topic.article.find(id="sources") is None and topic.article.find(class_="headerlink") is None


def test_sections_intro_and_omit(topic) -> None:
    def ids(part: Part) -> list[str]:
        return [n.get("id") or n.name for n in select(topic, part) if getattr(n, "name", None)]

    assert ids(Part("topic/", ("intro",))) == ["p"]
    assert ids(Part("topic/", ("one",))) == ["one", "p", "one-a", "p"]
    assert ids(Part("topic/", ("one", "three"), omit=("one-a",))) == ["one", "p", "three", "p"]
    with pytest.raises(PluginError, match="no section 'nope'"):
        select(topic, Part("topic/", ("nope",)))


def test_links_become_printable(topic) -> None:
    nodes = select(topic, Part("topic/", ("intro", "one")))
    html = to_print_html(topic, nodes, site_url=SITE_URL, in_leaflet={"topic/": {"one", "one-a"}}, demote=True)
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text(" ", strip=True)
    # Another page: plain text and its short address.
    assert "another page (iontophoresis.example.org/other)" in text
    assert soup.find("a", string="another page") is None
    # External: stays a link, address without the scheme; not repeated when the text is the address.
    assert "the NHS (www.nhs.uk/conditions)" in text
    assert "111.nhs.uk (" not in text
    # Same page: a printed target stays an internal link; an unprinted one becomes text.
    assert soup.find("a", href="#topic--two") is None and "two" in text
    assert soup.find(id="topic--one").name == "h3", "headings move down one level in a combined leaflet"
