"""Short addresses and QR codes derive from site_url and scan back to the page."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import weasyprint
from mkdocs.exceptions import PluginError
from pdf_tools import decode_qr_codes

from sitebuild import qr

SITE = "https://iontophoresis.example.org/"


@pytest.mark.parametrize(
    ("site_url", "path", "short", "full"),
    [
        (SITE, "", "iontophoresis.example.org", "https://iontophoresis.example.org/"),
        (SITE, "side-effects/", "iontophoresis.example.org/side-effects", "https://iontophoresis.example.org/side-effects/"),
        (SITE, "/side-effects", "iontophoresis.example.org/side-effects", "https://iontophoresis.example.org/side-effects/"),
        ("https://example.org/ionto", "a-session/", "example.org/ionto/a-session", "https://example.org/ionto/a-session/"),
    ],
)
def test_addresses_derive_from_site_url(site_url: str, path: str, short: str, full: str) -> None:
    assert qr.short_address(site_url, path) == short
    assert qr.page_url(site_url, path) == full


@pytest.mark.parametrize("site_url", [None, "", "iontophoresis.example.org", "ftp://example.org/"])
def test_a_missing_or_odd_site_url_stops_the_build(site_url: str | None) -> None:
    with pytest.raises(PluginError, match="site_url"):
        qr.short_address(site_url)  # type: ignore[arg-type]


def test_svg_is_inline_ready_and_labelled() -> None:
    svg = qr.qr_svg(qr.page_url(SITE, "side-effects/"), label="Scan for side effects")
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg
    assert 'role="img"' in svg and 'aria-label="Scan for side effects"' in svg
    assert "<title>Scan for side effects</title>" in svg
    assert "<image" not in svg and "data:" not in svg, "must be vector, not an embedded bitmap"


@pytest.mark.parametrize("path", ["", "who-should-not-use-it/", "a/very/long/path/that/needs/a-bigger-code/"])
def test_code_is_at_least_2_cm_with_a_quiet_zone(path: str) -> None:
    svg = qr.qr_svg(qr.page_url(SITE, path), label="Scan for this page")
    width = float(re.search(r'width="([\d.]+)mm"', svg).group(1))
    side = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    modules = side - 2 * qr.QUIET_ZONE
    assert width * modules / side >= 20, "the code without its quiet zone must print at least 2 cm"
    # The light background covers the whole viewBox, quiet zone included, and the
    # first dark module starts 4 modules in.
    assert f'd="M0 0h{side}v{side}h-{side}z"' in svg
    assert re.search(r'stroke="#000" d="M4 4\.5h', svg)


def test_printed_code_scans_back_to_the_page(tmp_path: Path) -> None:
    url = qr.page_url(SITE, "side-effects/")
    pdf = tmp_path / "qr.pdf"
    weasyprint.HTML(string=f"<p>Scan me</p>{qr.qr_svg(url, label="Scan for side effects")}").write_pdf(pdf)
    assert decode_qr_codes(pdf) == [url]


def test_public_address_survives_mkdocs_serve(tmp_path: Path) -> None:
    """`mkdocs serve` sets config.site_url to the dev server; print must not follow it."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"site_name: x\nsite_url: {SITE}\n")
    served = SimpleNamespace(config_file_path=str(config_file), site_url="http://127.0.0.1:8000/")
    assert qr.public_site_url(served) == SITE  # type: ignore[arg-type]
    assert qr.public_site_url(SimpleNamespace(config_file_path=None, site_url=SITE)) == SITE  # type: ignore[arg-type]
