"""The palette_switch hook removes exactly Material's whole-page restyle rule."""

from __future__ import annotations

import re
from importlib.resources import files as package_files
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import load_hook

hook = load_hook("palette_switch")
THEME_SHEETS = package_files("material") / "templates" / "assets" / "stylesheets"


def _material_palette_css() -> str:
    (sheet,) = [
        s for s in THEME_SHEETS.iterdir() if re.fullmatch(r"palette\.\w+\.min\.css", s.name)
    ]
    return sheet.read_text(encoding="utf-8")


def test_only_the_switching_rule_is_removed_from_materials_palette() -> None:
    css = _material_palette_css()
    kept = hook.without_switching_rule(css, "palette.css")
    assert "data-md-color-switching" in css
    assert "data-md-color-switching" not in kept
    removed = len(css) - len(kept)
    assert removed == len(
        "[data-md-color-switching] *,[data-md-color-switching] :after,"
        "[data-md-color-switching] :before{transition-duration:0s!important}"
    )
    # The palettes themselves are all still there.
    assert kept.count("[data-md-color-scheme=slate]") == css.count("[data-md-color-scheme=slate]")


def test_a_palette_without_the_rule_stops_the_build_naming_the_file() -> None:
    with pytest.raises(PluginError, match=r"site/palette\.x\.min\.css: expected .* found it 0"):
        hook.without_switching_rule("[data-md-color-scheme=slate]{}", "site/palette.x.min.css")


def test_the_built_site_has_the_palettes_without_the_rule(site: Path) -> None:
    (sheet,) = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    css = sheet.read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in css
    assert "data-md-color-switching" not in css
