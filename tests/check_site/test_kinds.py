"""Page kinds and the minimums table, with the front-matter override."""

from __future__ import annotations

import pytest

from scripts.check_site.kinds import Minimums, PageKind, minimums, page_kind
from scripts.check_site.markdown import parse_source


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("index.md", PageKind.HOME),
        ("mathematics/index.md", PageKind.SECTION_INDEX),
        ("system-design/case-studies/index.md", PageKind.SECTION_INDEX),
        ("reference/index.md", PageKind.SECTION_INDEX),
        ("reference/glossary.md", PageKind.REFERENCE),
        ("mathematics/probability.md", PageKind.TOPIC),
        ("projects/worksheet.md", PageKind.TOPIC),
    ],
)
def test_page_kind(rel: str, kind: PageKind) -> None:
    assert page_kind(rel) == kind


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("title: T", Minimums(quizzes=6, words=1200)),
        ("checks: {min_quizzes: 1}", Minimums(quizzes=1, words=1200)),
        ("checks: {min_quizzes: 0, min_words: 300}", Minimums(quizzes=0, words=300)),
        ("checks: {min_quizzes: -1, min_words: many}", Minimums(quizzes=6, words=1200)),
        ("checks: [1, 2]", Minimums(quizzes=6, words=1200)),
    ],
)
def test_minimums_with_front_matter_override(front_matter: str, expected: Minimums) -> None:
    page = parse_source(f"---\n{front_matter}\n---\n# T\n", "topic.md", "docs/topic.md")
    assert minimums(page) == expected
