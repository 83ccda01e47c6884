"""C002-C005 on the `quizzes` fixtures (a small docs tree: home, section index, topic pages)."""

from __future__ import annotations

import pytest

from scripts.check_site.checks import quizzes
from scripts.check_site.findings import Finding
from tests.check_site.helpers import at, fixture_sources

OVERRIDE = "(a special page may set `checks: {min_quizzes: N}` in front matter)"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return quizzes.check(fixture_sources("quizzes"))


def test_home_page_with_too_few_quizzes(findings: list[Finding]) -> None:
    assert at(findings, "index.md") == [
        (1, "C002", f"2 quizzes; a home page needs at least 3 {OVERRIDE}")
    ]


def test_topic_page_with_too_few_quizzes(findings: list[Finding]) -> None:
    assert at(findings, "topic-too-few.md") == [
        (1, "C002", f"5 quizzes; a topic page needs at least 6 {OVERRIDE}")
    ]


def test_good_quizzes_in_every_syntax(findings: list[Finding]) -> None:
    # Per-answer feedback, `*` bullets, multiple choice and fill-in-the-blank with `---`.
    assert at(findings, "section/index.md") == []


def test_front_matter_override_and_reference_pages(findings: list[Finding]) -> None:
    assert at(findings, "topic-override.md") == []
    assert at(findings, "reference/glossary.md") == []


def test_quiz_without_explanation(findings: list[Finding]) -> None:
    assert at(findings, "no-explanation.md") == [
        (10, "C003", "quiz has no explanation: after the answers, explain why the answer is right"),
        (17, "C003", "quiz has no explanation: after a line ---, explain why the answer is right"),
        (21, "C003", "quiz has no explanation: after a line ---, explain why the answer is right"),
    ]


def test_single_choice_with_two_options_but_not_multiple_choice(findings: list[Finding]) -> None:
    assert at(findings, "two-options.md") == [
        (
            10,
            "C004",
            "single-choice quiz has 2 options; give at least 3"
            " (one right, the rest plausible mistakes)",
        )
    ]


def test_same_question_on_two_pages_despite_case_and_spacing(findings: list[Finding]) -> None:
    assert at(findings, "duplicate-a.md") == []
    assert at(findings, "duplicate-b.md") == [
        (10, "C005", "the same quiz question is already at duplicate-a.md:10")
    ]


def test_quiz_syntax_inside_code_is_not_a_quiz(findings: list[Finding]) -> None:
    assert at(findings, "quiz-in-code.md") == []


def test_normalise() -> None:
    assert quizzes.normalise("  What is\n the  KL divergence? ") == "what is the kl divergence?"
