"""Where things are in a built site."""

from __future__ import annotations

from pathlib import Path


def engine_dir(site: Path) -> Path:
    """The one engine bundle of a built site (``assets/selfcheck/engine/<hash>/``)."""
    (found,) = (site / "assets" / "selfcheck" / "engine").iterdir()
    return found
