"""C001 on the `front_matter` fixtures."""

from __future__ import annotations

import pytest

from scripts.check_site.checks import front_matter
from scripts.check_site.findings import Finding
from tests.check_site.helpers import at, fixture_sources


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return front_matter.check(fixture_sources("front_matter"))


def test_valid_front_matter(findings: list[Finding]) -> None:
    assert at(findings, "valid.md") == []


def test_no_front_matter(findings: list[Finding]) -> None:
    assert at(findings, "no-front-matter.md") == [
        (1, "C001", "no front matter: start the page with ---, title:, description:, ---")
    ]


def test_missing_keys(findings: list[Finding]) -> None:
    assert at(findings, "missing-keys.md") == [
        (1, "C001", "front matter has no description: add `description: ...`"),
        (1, "C001", "front matter has no title: add `title: ...`"),
    ]


def test_empty_values_are_reported_at_their_lines(findings: list[Finding]) -> None:
    assert at(findings, "empty-values.md") == [
        (2, "C001", "front matter title must be non-empty text"),
        (3, "C001", "front matter description must be non-empty text"),
    ]


def test_long_description(findings: list[Finding]) -> None:
    assert at(findings, "long-description.md") == [
        (
            3,
            "C001",
            "description is 242 characters; keep it to 200"
            " (search results and link previews cut it)",
        )
    ]


def test_tags_must_be_a_list(findings: list[Finding]) -> None:
    assert at(findings, "bad-tags.md") == [(4, "C001", "front matter tags must be a list of words")]


def test_checks_override_must_be_valid(findings: list[Finding]) -> None:
    assert at(findings, "bad-checks.md") == [
        (
            4,
            "C001",
            "front matter checks must map min_quizzes and/or min_words"
            " to whole numbers of 0 or more",
        )
    ]
