"""L001-L003 on the `links` fixture: one page per behaviour, plus a strict-build comparison."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from scripts.check_site.checks import links
from scripts.check_site.findings import Finding
from tests.check_site.helpers import at, fixture_site, project_site
from tests.conftest import mkdocs_build

MISSING = "link to a page or file that does not exist"
ABSOLUTE = "/elsewhere/ (use a relative link)"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return links.check(fixture_site("links"))


def test_missing_page(findings: list[Finding]) -> None:
    assert at(findings, "docs/missing-page.md") == [
        (8, "L001", f"{MISSING}: nowhere.md"),
        (10, "L001", f"{MISSING}: ../gone/"),
        (12, "L001", f"{MISSING}: nowhere-twice.md"),
        (14, "L001", f"{MISSING}: nowhere-twice.md"),
    ]


def test_missing_anchor_on_this_page_and_another(findings: list[Finding]) -> None:
    assert at(findings, "docs/missing-anchor.md") == [
        (10, "L002", "anchor #absent does not exist on this page"),
        (12, "L002", "anchor #no-such-heading does not exist on docs/valid.md"),
        (
            14,
            "L002",
            "anchor #ids-on-any-elemen does not exist on docs/valid.md"
            " (did you mean #ids-on-any-element?)",
        ),
    ]


def test_missing_assets_image_srcset_script_and_media(findings: list[Finding]) -> None:
    assert at(findings, "docs/missing-asset.md") == [
        (8, "L003", "image that does not exist: ../img/chart.png"),
        (10, "L003", "image that does not exist: ../img/ok@2x.png"),
        (12, "L003", "script that does not exist: ../js/widget.js"),
        (14, "L003", "asset that does not exist: ../media/demo.mp4"),
    ]


def test_links_that_leave_the_site(findings: list[Finding]) -> None:
    assert at(findings, "docs/outside.md") == [
        (8, "L001", f"absolute link outside the site's base path /guide/: {ABSOLUTE}"),
        (10, "L001", "link leads above the site root: ../../above.html"),
    ]


def test_theme_problems_are_reported_once_at_the_config_line(findings: list[Finding]) -> None:
    template = "(in the site template: nav, header or footer;"
    assert at(findings, "mkdocs.yml") == [
        (
            4,
            "L003",
            f"stylesheet or icon that does not exist: css/missing.css {template}"
            " on missing-asset/index.html)",
        ),
        (6, "L001", f"{MISSING}: retired.md {template} on 2 pages, e.g. nav-one/index.html)"),
    ]


def test_page_without_a_source_is_reported_on_the_built_file(findings: list[Finding]) -> None:
    # 404.html uses absolute links under site_url's path (/guide/); only the dead one is flagged.
    assert at(findings, "site/404.html") == [(10, "L001", f"{MISSING}: /guide/nowhere/")]


def test_valid_edge_cases_are_not_flagged(findings: list[Finding]) -> None:
    # Percent-encoded and Unicode anchors, query strings, mailto:/tel:/data:, sitemap.xml, ids on
    # any element and name= on <a>, trailing-slash / index.html / no-slash forms of one page,
    # "#" and "#top", absolute links under the base path and site_url, and a link in code.
    assert at(findings, "docs/valid.md") == []
    assert at(findings, "docs/index.md") == []


def test_nothing_else_is_flagged(findings: list[Finding]) -> None:
    assert {f.path for f in findings} == {
        "docs/missing-page.md",
        "docs/missing-anchor.md",
        "docs/missing-asset.md",
        "docs/outside.md",
        "mkdocs.yml",
        "site/404.html",
    }


STRICT_PROJECT = {
    "mkdocs.yml": """\
        site_name: Strict build fixture
        theme:
          name: material
        plugins:
          - mkdocs_quiz
        strict: true
        validation:
          omitted_files: warn
          absolute_links: warn
          unrecognized_links: warn
          anchors: warn
        """,
    "docs/index.md": """\
        # Home

        Raw HTML is passed through untouched: <a href="missing.md">a page that is not there</a>
        and <img src="missing.png" alt="A picture that is not there">.

        <quiz>
        Where does the explanation link go?
        - [x] Nowhere
        - [ ] To a heading
        - [ ] To a page

        See [the other page](other.md#no-such-heading).
        </quiz>

        Markdown links are checked by the build: [the other page](other.md#other).
        """,
    "docs/other.md": """\
        # Other
        """,
}


def test_catches_what_the_strict_build_does_not(tmp_path: Path) -> None:
    for name, text in STRICT_PROJECT.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(dedent(text), encoding="utf-8")
    build = mkdocs_build(tmp_path, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    findings = links.check(project_site(tmp_path / "mkdocs.yml"))
    assert at(findings, "docs/index.md") == [
        (3, "L001", f"{MISSING}: missing.md"),
        (4, "L003", "image that does not exist: missing.png"),
        (12, "L002", "anchor #no-such-heading does not exist on docs/other.md"),
    ]
    assert {f.path for f in findings} == {"docs/index.md"}
