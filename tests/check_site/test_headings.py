"""C007 on the `headings` fixtures."""

from __future__ import annotations

import pytest

from scripts.check_site.checks import headings
from scripts.check_site.checks.headings import slugify
from scripts.check_site.findings import Finding
from tests.check_site.helpers import at, fixture_sources


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return headings.check(fixture_sources("headings"))


def test_valid_headings(findings: list[Finding]) -> None:
    # A custom {#id} separates two "Example" headings; headings in comments, quizzes, fenced and
    # indented code do not count.
    assert at(findings, "valid.md") == []


def test_no_h1(findings: list[Finding]) -> None:
    assert at(findings, "no-h1.md") == [
        (5, "C007", "page has no H1: start the content with `# Title`")
    ]


def test_two_h1(findings: list[Finding]) -> None:
    assert at(findings, "two-h1.md") == [
        (5, "C007", "second H1 (the page's H1 is at line 1): use ## for sections")
    ]


def test_skipped_levels(findings: list[Finding]) -> None:
    assert at(findings, "skipped-level.md") == [
        (3, "C007", "heading level skips from H1 to H3: use H2"),
        (7, "C007", "heading level skips from H2 to H4: use H3"),
    ]


def test_headings_with_the_same_anchor(findings: list[Finding]) -> None:
    assert at(findings, "duplicate-headings.md") == [
        (
            7,
            "C007",
            "heading 'Example' repeats the heading at line 3: both would be #example;"
            " make them distinct",
        ),
        (
            9,
            "C007",
            "heading 'Bias variance' repeats the heading at line 5: both would be"
            " #bias-variance; make them distinct",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bias & variance", "bias-variance"),
        ("Café au lait", "cafe-au-lait"),
        ("L1 vs. L2 (why L1 is sparse)", "l1-vs-l2-why-l1-is-sparse"),
    ],
)
def test_slugify_matches_python_markdown(text: str, slug: str) -> None:
    assert slugify(text) == slug
