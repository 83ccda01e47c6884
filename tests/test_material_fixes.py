"""The material_fixes hook: no palette rule and no stylesheet reload restyle the page."""

from __future__ import annotations

import re
from importlib.resources import files as package_files
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import load_hook

hook = load_hook("material_fixes")
THEME = package_files("material") / "templates" / "assets"
# The test in Material's bundle, before and after the hook.
ABSOLUTE = r"/^(?:[a-z]+:)?\/\//i.test("
ABSOLUTE_OR_ROOT_RELATIVE = r"/^(?:[a-z]+:)?\/\/|^\//i.test("


def _theme_file(folder: str, name: str) -> str:
    """The text of Material's one `folder/name` file, `name` a pattern (its hash varies)."""
    (file,) = [f for f in (THEME / folder).iterdir() if re.fullmatch(name, f.name)]
    return file.read_text(encoding="utf-8")


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../assets/stylesheets/main.css", "/guide/assets/stylesheets/main.css"),
        ("../assets/quiz/quiz.css?v=1a2b", "/guide/assets/quiz/quiz.css?v=1a2b"),
        ("..", "/guide/"),
        ("study-plans/", "/guide/start-here/study-plans/"),
    ],
)
def test_relative_head_links_become_root_relative(href: str, expected: str) -> None:
    html = _page(f'<link rel="stylesheet" href="{href}">')
    out = hook.root_relative_head_links(html, "/guide/start-here/")
    assert out == _page(f'<link rel="stylesheet" href="{expected}">')


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/guide/start-here/",
        "//example.org/x.css",
        "/guide/assets/favicon.svg",
        "data:text/css,a{}",
        "#top",
    ],
)
def test_absolute_and_root_relative_head_links_are_left_alone(href: str) -> None:
    html = _page(f'<link rel="canonical" href="{href}">')
    assert hook.root_relative_head_links(html, "/guide/start-here/") == html


def test_links_in_the_body_are_left_alone() -> None:
    html = _page("<title>t</title>", '<link rel="stylesheet" href="../x.css"><a href="../">up</a>')
    assert hook.root_relative_head_links(html, "/guide/start-here/") == html


def test_materials_bundle_gets_each_fix_and_nothing_else() -> None:
    bundle = _theme_file("javascripts", r"bundle\.\w+\.min\.js")
    fixed = hook.fixed(bundle, "bundle.js", hook.BUNDLE_FIXES)
    # Only the function that rewrites the whole document changes; the one that
    # resolves URLs against another page still has its own test.
    assert bundle.count(ABSOLUTE) == 2
    assert fixed.count(ABSOLUTE) == 1
    assert fixed.count(ABSOLUTE_OR_ROOT_RELATIVE) == 1
    # The color-scheme meta is reused if there is one, and written only on a change.
    assert 'document.head.querySelector("meta[name=color-scheme]")||' in fixed
    assert re.search(r"return (\w+)\.content!==(\w+)\.colorScheme&&\(\1\.content=\2", fixed)
    # The fixes do not overlap: together they change what each changes alone.
    assert len(fixed) - len(bundle) == sum(
        len(hook.fixed(bundle, "b", (fix,))) - len(bundle) for fix in hook.BUNDLE_FIXES
    )


@pytest.mark.parametrize("fix", range(3))
def test_a_bundle_without_a_fixs_code_stops_the_build_naming_the_file(fix: int) -> None:
    bundle = _theme_file("javascripts", r"bundle\.\w+\.min\.js")
    what, pattern, _ = hook.BUNDLE_FIXES[fix]
    broken = pattern.sub("", bundle)
    with pytest.raises(
        PluginError,
        match=rf"site/bundle\.x\.min\.js: expected Material's {re.escape(what)} once, found it 0",
    ):
        hook.fixed(broken, "site/bundle.x.min.js", hook.BUNDLE_FIXES)


def test_every_built_page_links_its_head_assets_root_relative(site: Path) -> None:
    relative = []
    for html in site.rglob("*.html"):
        head = html.read_text(encoding="utf-8").partition("</head>")[0]
        relative += [
            f"{html.relative_to(site)}: {href}"
            for href in re.findall(r'<link\b[^>]*?\shref="([^"]*)"', head)
            if not re.match(r"(?:https?:)?/", href)
        ]
    assert relative == []
    (bundle,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    assert ABSOLUTE_OR_ROOT_RELATIVE in bundle.read_text(encoding="utf-8")


def test_markdown_tables_are_built_in_hosts_and_other_tables_are_not() -> None:
    html = (
        "<p>a</p><table>\n<tr><td>1</td></tr>\n</table>"
        '<table class="highlighttable"><tr><td>code</td></tr></table>'
        "<table><tr><td>2</td></tr></table>"
    )
    assert hook.tables_in_hosts(html) == (
        '<p>a</p><div class="table-host"><table>\n<tr><td>1</td></tr>\n</table></div>'
        '<table class="highlighttable"><tr><td>code</td></tr></table>'
        '<div class="table-host"><table><tr><td>2</td></tr></table></div>'
    )


def test_only_the_switching_rule_is_removed_from_materials_palette() -> None:
    css = _theme_file("stylesheets", r"palette\.\w+\.min\.css")
    kept = hook.fixed(css, "palette.css", hook.PALETTE_FIXES)
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
    with pytest.raises(
        PluginError, match=r"site/palette\.x\.min\.css: expected .* found it 0 times"
    ):
        hook.fixed("[data-md-color-scheme=slate]{}", "site/palette.x.min.css", hook.PALETTE_FIXES)


def test_the_built_site_has_the_palettes_without_the_rule(site: Path) -> None:
    (sheet,) = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    css = sheet.read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in css
    assert "data-md-color-switching" not in css
