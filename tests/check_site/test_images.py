"""L004 on the `images` fixture: content images need alt text; theme images may be decorative."""

from __future__ import annotations

import pytest

from scripts.check_site.checks import images
from scripts.check_site.findings import Finding
from tests.check_site.helpers import at, fixture_site

HINT = '(describe it: ![what it shows](file) or alt="what it shows")'


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return images.check(fixture_site("images"))


def test_missing_alt(findings: list[Finding]) -> None:
    assert at(findings, "docs/missing-alt.md") == [
        (5, "L004", f"image has no alt attribute: ../img/chart.png {HINT}"),
    ]


def test_empty_alt_from_markdown_and_blank_alt_from_html(findings: list[Finding]) -> None:
    assert at(findings, "docs/empty-alt.md") == [
        (3, "L004", f"image has an empty alt attribute: ../img/chart.png {HINT}"),
        (5, "L004", f"image has an empty alt attribute: ../img/chart.png {HINT}"),
    ]


def test_described_content_image_is_fine(findings: list[Finding]) -> None:
    assert at(findings, "docs/with-alt.md") == []


def test_decorative_theme_image_outside_the_article_is_fine(findings: list[Finding]) -> None:
    # Every fixture page has a logo with alt="" in its header; none of them is reported.
    assert at(findings, "docs/decorative.md") == []
    assert {f.path for f in findings} == {"docs/missing-alt.md", "docs/empty-alt.md"}
