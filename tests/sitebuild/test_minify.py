"""The site's own stylesheets ship minified; their rules survive."""

from __future__ import annotations

from pathlib import Path

from sitebuild import minify, paths


def test_own_stylesheets_ship_without_comments(built_site: Path) -> None:
    """No comment of ours reaches a reader's browser, and every stylesheet got smaller."""
    shipped = minify.stylesheets(built_site)
    assert {p.name for p in shipped} >= {"site.css", "print.css", "selfcheck.css"}
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        source = (paths.ROOT / "docs" / "assets" / "stylesheets" / path.name).read_text(encoding="utf-8")
        assert "/*" not in text, path.name
        assert len(text) < len(source), path.name


def test_rules_survive_minification(built_site: Path) -> None:
    """The print rules that matter for patients are still there after minifying."""
    text = (built_site / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert "@media print" in text and "@page" in text and "A4" in text


def test_material_files_are_left_alone(built_site: Path) -> None:
    """Material's own stylesheet ships byte for byte as the theme has it."""
    import material

    (shipped,) = (built_site / "assets" / "stylesheets").glob("main.*.min.css")
    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets" / shipped.name
    assert shipped.read_bytes() == theme.read_bytes()
