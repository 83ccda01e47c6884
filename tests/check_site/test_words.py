"""C009 on the `words` fixtures."""

from __future__ import annotations

from scripts.check_site.checks import words
from tests.check_site.helpers import at, fixture_sources

OVERRIDE = "(a special page may set `checks: {min_words: N}` in front matter)"


def test_prose_words_skip_front_matter_code_quizzes_comments_and_urls() -> None:
    pages = {page.rel: page for page in fixture_sources("words")}
    # "Counting words" (2) + "One two three four five six" (6) + "Seven it's well-known" (3).
    assert words.prose_words(pages["counting.md"]) == 11


def test_too_few_words() -> None:
    findings = words.check(fixture_sources("words"))
    assert at(findings, "counting.md") == [
        (1, "C009", f"11 words of prose; a topic page needs at least 12 {OVERRIDE}")
    ]
    assert at(findings, "index.md") == [
        (1, "C009", f"3 words of prose; a home page needs at least 1000 {OVERRIDE}")
    ]


def test_reference_pages_have_no_minimum() -> None:
    findings = words.check(fixture_sources("words"))
    assert at(findings, "reference/cheat-sheet.md") == []
