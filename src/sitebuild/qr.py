"""Short addresses and QR codes for print: leaflets, printed pages, the GP summary.

Printed matter points back to its canonical online page in two ways at once, as the
print rules ask (reference 6.5): a human-readable short address for people who type,
and a QR code for people who scan. Both derive from ``site_url`` in ``mkdocs.yml``
(read with :func:`public_site_url`), never from a second copy of the address.

The QR code is vector SVG made by segno, meant to be placed inline in HTML: it
has no XML declaration, carries ``role="img"`` with an ``aria-label`` and a
``<title>``, keeps the standard 4-module quiet zone, and has its size set in
millimetres so that the code itself prints at least 2 cm square whatever the
length of the address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import segno
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: Printed side of the code without its quiet zone, in millimetres (rules: at least 2 cm).
SYMBOL_MM = 22.0
#: Quiet zone in modules: the QR standard's minimum.
QUIET_ZONE = 4
#: Medium error correction: survives a crease or a smudge without a much larger code.
ERROR_LEVEL = "m"


def public_site_url(config: MkDocsConfig) -> str:
    """``site_url`` as written in ``mkdocs.yml``.

    ``mkdocs serve`` replaces ``config.site_url`` with the dev server's address so that
    its pages link locally; printed matter built during ``serve`` must still point at
    the public site, so it reads the address from the file.
    """
    if config.config_file_path:
        with open(config.config_file_path, "rb") as handle:
            written = yaml_load(handle).get("site_url")
        if written:
            return str(written)
    return config.site_url or ""


def _split(site_url: str) -> tuple[str, str, str]:
    """Scheme, host and base path (no trailing slash) of the public address."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PluginError(
            f"site_url in mkdocs.yml must be the public http(s) address of the site, got {site_url!r}"
        )
    return parts.scheme, parts.netloc, parts.path.rstrip("/")


def _join(base_path: str, path: str) -> str:
    path = path.strip("/")
    return f"{base_path}/{path}" if path else base_path


def page_url(site_url: str, path: str = "") -> str:
    """The canonical address of a page, as a QR code should encode it.

    ``path`` is site-relative (``"side-effects/"`` or ``"/side-effects"``). Directory
    pages keep their trailing slash so that a scan lands without a redirect.
    """
    scheme, host, base = _split(site_url)
    joined = _join(base, path)
    return f"{scheme}://{host}{joined}/"


def short_address(site_url: str, path: str = "") -> str:
    """The address as people type it: no scheme, no trailing slash.

    >>> short_address("https://iontophoresis.example.org/", "side-effects/")
    'iontophoresis.example.org/side-effects'
    """
    _, host, base = _split(site_url)
    return host + _join(base, path)


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for ``url``, at least 2 cm square when printed.

    The label (from the catalogue, ``site.qr``) becomes both the SVG ``<title>`` and
    its ``aria-label``. Never pass an address that
    carries personal answers: a QR code is printed and photographed.
    """
    qr = segno.make_qr(url, error=ERROR_LEVEL)
    modules = qr.symbol_size(scale=1, border=0)[0]
    side_mm = round(SYMBOL_MM * (modules + 2 * QUIET_ZONE) / modules, 1)
    # One user unit per module (viewBox only); the printed size is set here in mm.
    svg = qr.svg_inline(
        scale=1,
        border=QUIET_ZONE,
        omitsize=True,
        dark="#000",
        light="#fff",
        title=label,
        svgclass="site-qr",
        lineclass=None,
    )
    size = f'width="{side_mm}mm" height="{side_mm}mm"'
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_escape(label)}" {size} ', 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
