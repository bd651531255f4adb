"""Minify the site's own stylesheets in the built site.

Our CSS carries comments that say why each rule exists; a reader's phone need not
download them. Material's files are already minified (``*.min.css``) and are left
alone. Scripts are not touched: a regex minifier cannot be trusted with modern
module syntax, and ours are small.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin

STYLESHEETS = "assets/stylesheets/*.css"


def stylesheets(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.glob(STYLESHEETS) if not p.name.endswith(".min.css"))


def minify(site_dir: Path) -> None:
    for path in stylesheets(site_dir):
        path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
