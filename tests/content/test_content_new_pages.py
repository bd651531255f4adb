"""The pages patients asked for (issue 15): not working, getting a machine, home use,
living with it, preparing for an appointment; and the set-up drawings.

They get the same checks as the other information pages (review dates and sources shown,
no promise words, NHS style, no marketing claim repeated as true), plus what these pages
promise: makers' and sellers' advice is labelled as theirs; what the evidence base marks
Unverified is said as unknown, never as fact; urgent help sits where first aid is given;
the drawings are accessible SVG that take the text colour (print, forced colours).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

import test_content_front_matter as front_matter_checks
import test_content_seed_facts as seed_checks
from content_helpers import DOCS, ROOT, article, built_path

NEW_PAGES = (
    "not-working.md",
    "getting-a-machine.md",
    "home-use.md",
    "living-with-sweating.md",
    "preparing-for-your-appointment.md",
)
DRAWINGS = sorted((DOCS / "assets" / "images").glob("*.svg"))
SVG = "{http://www.w3.org/2000/svg}"


def _text(site: Path, page: str) -> str:
    return seed_checks._text(site, page)


# --------------------------------------------------------------------------
# The checks every information page gets
# --------------------------------------------------------------------------


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_shows_dates_and_sources(built_site: Path, page: str) -> None:
    front_matter_checks.test_built_page_shows_dates_and_sources(built_site, page)


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_has_no_promise_words(built_site: Path, page: str) -> None:
    seed_checks.test_no_promise_words_without_a_negation(built_site, page)


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_keeps_nhs_style(built_site: Path, page: str) -> None:
    seed_checks.test_nhs_style_words(built_site, page)


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_page_repeats_no_marketing_claim(built_site: Path, page: str) -> None:
    seed_checks.test_marketing_claims_are_not_repeated_as_true(built_site, page)


# --------------------------------------------------------------------------
# Makers' and sellers' advice is labelled as theirs
# --------------------------------------------------------------------------

#: Makers and sellers the evidence base quotes (section 19, "Manufacturer and seller sources").
BRANDS = ("Hidrex", "Bindner", "R.A. Fischer", "iontocentre", "Dermadry", "Saalio", "Chattanooga")
LABEL = re.compile(r"\b(maker|seller|manual|distributor)", re.I)


def unlabelled_brand_mentions(html: str) -> list[str]:
    """Paragraphs, list items and table rows that name a maker or seller without saying so."""
    node = article(html)
    for unwanted in node.select(".site-page-meta, .headerlink, svg"):
        unwanted.decompose()
    found = []
    for block in node.select("p, li, tr"):
        if block.find(["p", "li", "tr"]):
            continue
        text = " ".join(block.get_text(" ").split())
        if any(brand in text for brand in BRANDS) and not LABEL.search(text):
            found.append(text)
    return found


def test_brand_check_catches_an_unlabelled_maker() -> None:
    html = """<article class="md-content__inner"><h1>T</h1>
      <p>Add baking soda (R.A. Fischer).</p>
      <p>A maker says to add baking soda (R.A. Fischer).</p>
      <table><tr><td>Hidrex</td><td>Swap once.</td><td>Device maker</td></tr></table></article>"""
    assert unlabelled_brand_mentions(html) == ["Add baking soda (R.A. Fischer)."]


@pytest.mark.parametrize("page", NEW_PAGES)
def test_makers_and_sellers_are_labelled(built_site: Path, page: str) -> None:
    html = built_path(built_site, page).read_text(encoding="utf-8")
    assert unlabelled_brand_mentions(html) == []


# --------------------------------------------------------------------------
# Unverified in the evidence base: said as unknown, never as fact
# --------------------------------------------------------------------------

# (page, the evidence base's open item, what the page must say instead of a fact)
SAID_AS_UNKNOWN = [
    ("getting-a-machine.md", "VAT relief for these machines", r"do not know if iontophoresis machines qualify"),
    ("getting-a-machine.md", "VAT: who to ask", r"ask HMRC or the seller"),
    ("getting-a-machine.md", "rental or home trial", r"found no scheme in the UK that lets you rent"),
    ("getting-a-machine.md", "a current price", r"found no current price list"),
    ("getting-a-machine.md", "price of underarm pads", r"did not find what these cost"),
    ("getting-a-machine.md", "devolved nations' funding", r"did not find what the NHS offers in Scotland, Wales or Northern Ireland"),
    ("home-use.md", "treatment burn as an electrical burn", r"do not know if a small burn from iontophoresis counts as an electrical burn"),
    ("home-use.md", "children at home", r"found no rules for children using a machine at home"),
    ("home-use.md", "people who cannot report pain", r"found no advice for people who cannot say they are in pain"),
    ("home-use.md", "sharing pads", r"found no advice from makers about sharing"),
    ("not-working.md", "NHS on baking soda or mineral water", r"found no NHS leaflet that suggests baking soda"),
    ("not-working.md", "additives only on clinic advice", r"do not add anything to the water unless your clinic tells you to"),
    ("not-working.md", "a seller's current claim", r"found no independent source"),
    ("living-with-sweating.md", "work", r"did not find UK guidance on excessive sweating at work"),
    ("living-with-sweating.md", "Equality Act", r"do not know if it counts as a disability"),
    ("living-with-sweating.md", "school plans", r"did not find official UK guidance on school support plans"),
]

# Stated as fact, these would overstate the evidence base.
NOT_AS_FACT = [
    r"zero[- ]rated",
    r"VAT[- ]free",
    r"exempt from VAT",
    r"NHS (recommends|advises|suggests) (baking soda|salt|mineral water)",
    r"08457",  # Samaritans' old number, out of date
]


@pytest.mark.parametrize(("page", "item", "pattern"), SAID_AS_UNKNOWN, ids=[i[1] for i in SAID_AS_UNKNOWN])
def test_unverified_is_said_as_unknown(built_site: Path, page: str, item: str, pattern: str) -> None:
    assert re.search(pattern, _text(built_site, page), re.I), f"{page}: '{item}' is not said to be unknown"


@pytest.mark.parametrize("page", NEW_PAGES)
def test_unverified_is_never_stated_as_fact(built_site: Path, page: str) -> None:
    text = _text(built_site, page)
    assert [p for p in NOT_AS_FACT if re.search(p, text, re.I)] == []


def test_support_numbers_are_the_current_ones(built_site: Path) -> None:
    """Samaritans is free on 116 123 (evidence base section 14)."""
    assert "116 123" in _text(built_site, "living-with-sweating.md")


# --------------------------------------------------------------------------
# Urgent help where the page gives first aid and says when to stop
# --------------------------------------------------------------------------

URGENT_MARKER = "<!-- urgent-help -->"


def test_home_use_page_gives_urgent_help_after_when_to_stop(built_site: Path) -> None:
    """The Markdown keeps the marker in the 'when to stop' section; the build renders the
    package's urgent-help wording there (src/selfcheck/wording.py), never a retyped copy."""
    source = (DOCS / "home-use.md").read_text(encoding="utf-8")
    assert URGENT_MARKER in source.split("{#stop}", 1)[1], "no urgent-help marker under 'When to stop'"
    from selfcheck import wording

    soup = BeautifulSoup(built_path(built_site, "home-use.md").read_text(encoding="utf-8"), "html.parser")
    stop = soup.find(id="stop")
    box = stop.find_next(class_="site-urgent-help") if stop else None
    assert box is not None, "no urgent-help box after 'When to stop'"
    text = " ".join(box.get_text(" ").split())
    assert wording.URGENT_999 in text
    assert all(f"{route.nation}: {route.route}" in text for route in wording.URGENT_ROUTES)


# --------------------------------------------------------------------------
# The set-up drawings
# --------------------------------------------------------------------------


def test_there_are_set_up_drawings() -> None:
    assert {d.name for d in DRAWINGS} >= {"hand-in-tray.svg", "foot-in-tray.svg", "underarm-pads.svg"}


@pytest.mark.parametrize("drawing", DRAWINGS, ids=[d.name for d in DRAWINGS])
def test_drawing_is_an_accessible_image(drawing: Path) -> None:
    """role="img" with a <title> first (its name) and a <desc> that says what matters."""
    root = ET.parse(drawing).getroot()
    assert root.get("role") == "img"
    children = list(root)
    assert children[0].tag == f"{SVG}title" and (children[0].text or "").strip()
    desc = root.find(f"{SVG}desc")
    assert desc is not None and len(re.findall(r"\.", desc.text or "")) >= 3
    assert root.get("viewBox"), "no viewBox: it could not scale to a phone"


@pytest.mark.parametrize("drawing", DRAWINGS, ids=[d.name for d in DRAWINGS])
def test_drawing_takes_the_text_colour(drawing: Path) -> None:
    """Only currentColor or none: black in print, the system colours in forced colours.
    No inline style (the CSP forbids it), no ids (a page may show a drawing twice), no
    embedded pictures, and labels large enough to read."""
    root = ET.parse(drawing).getroot()
    problems = []
    for element in root.iter():
        for colour in ("fill", "stroke"):
            value = element.get(colour)
            if value is not None and value not in ("none", "currentColor"):
                problems.append(f"<{element.tag}> {colour}={value}")
        if element.get("style") is not None or element.tag == f"{SVG}style":
            problems.append(f"<{element.tag}> has an inline style")
        if element.get("id") is not None:
            problems.append(f"<{element.tag}> has an id")
        if element.tag in (f"{SVG}image", f"{SVG}foreignObject"):
            problems.append(f"<{element.tag}> embeds a picture")
    assert problems == []
    assert float(root.get("font-size", "0")) >= 18
    assert root.findall(f".//{SVG}text"), "the drawing has no labels"


def test_each_drawing_on_a_page_has_a_visible_text_alternative(built_site: Path) -> None:
    """Every inlined drawing is followed by words that say what it shows."""
    seen = 0
    problems = []
    for page in DOCS.glob("*.md"):
        soup = BeautifulSoup(built_path(built_site, page.name).read_text(encoding="utf-8"), "html.parser")
        for figure in soup.select("article figure"):
            if figure.find("svg") is None:
                continue
            seen += 1
            caption = figure.find("figcaption")
            follows = figure.find_next_sibling()
            said = (caption and caption.get_text(strip=True)) or (follows and re.search(r"drawings? shows?", follows.get_text()))
            if not said:
                problems.append(page.name)
    assert seen >= 3 and problems == []


def test_home_leaflet_prints_the_drawing(built_site: Path) -> None:
    """The drawing's labels reach the PDF as text, not as a picture of text."""
    import pypdf

    reader = pypdf.PdfReader(built_site / "leaflets" / "using-a-machine-at-home.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Metal plate" in text and "Water just covers" in text


# --------------------------------------------------------------------------
# Links: the home page, the GP page and the glossary
# --------------------------------------------------------------------------


def _hrefs(site: Path, page: str) -> set[str]:
    soup = BeautifulSoup(built_path(site, page).read_text(encoding="utf-8"), "html.parser")
    base = "/" if page == "index.md" else f"/{page.removesuffix('.md')}/"
    return {urljoin(base, a["href"]).split("#")[0] for a in article(str(soup)).select("a[href]")}


@pytest.mark.parametrize("linking_page", ["index.md", "for-gps.md"])
def test_home_and_gp_pages_link_to_every_new_page(built_site: Path, linking_page: str) -> None:
    hrefs = _hrefs(built_site, linking_page)
    missing = [p for p in NEW_PAGES if f"/{p.removesuffix('.md')}/" not in hrefs]
    assert missing == []


def test_gp_page_ends_with_a_funding_request_to_adapt(built_site: Path) -> None:
    """A text a GP can copy (a pre block with HDSS and treatments), and what to attach."""
    soup = BeautifulSoup(built_path(built_site, "for-gps.md").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="funding-request")
    assert heading is not None
    text = heading.find_next("pre").get_text()
    assert "HDSS" in text and "Treatments tried" in text and "exceptional" in text
    attach = heading.find_next("p", string=re.compile("Attach")).find_next("ul").get_text()
    assert "HDSS" in attach and "self-check summary" in attach


def test_more_patient_links_resolve(built_site: Path) -> None:
    """Each address in the GP page's second table of links exists, anchors included."""
    soup = BeautifulSoup(built_path(built_site, "for-gps.md").read_text(encoding="utf-8"), "html.parser")
    table = soup.find(id="more-patient-links").find_next("table")
    problems = []
    for link in table.select("a[href]"):
        target = urlsplit(urljoin("/for-gps/", link["href"]))
        if link.get_text(strip=True) != target.path + (f"#{target.fragment}" if target.fragment else ""):
            problems.append(f"{link.get_text()} is shown for {link['href']}")
        file = built_site / target.path.strip("/") / "index.html"
        if not file.is_file():
            problems.append(f"{target.path} was not built")
        elif target.fragment and BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").find(id=target.fragment) is None:
            problems.append(f"no #{target.fragment} on {target.path}")
    assert problems == []


NEW_TERMS = ("a-and-e", "armpit-shields", "athletes-foot", "ukca-ce", "diathermy", "glycopyrronium",
             "hydrocortisone", "icb", "ifr", "lead", "soap-substitute", "soft-water", "vat-relief", "yellow-card")


def test_glossary_has_every_new_term(built_site: Path) -> None:
    soup = BeautifulSoup(built_path(built_site, "glossary.md").read_text(encoding="utf-8"), "html.parser")
    assert [term for term in NEW_TERMS if soup.find(id=term) is None] == []


def test_nav_lists_every_new_page() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    assert [p for p in NEW_PAGES if p not in nav] == []
