"""Quizzes work as a reader uses them: answer, see feedback, reload, survive bad storage."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.helpers import Visit, axe_violations, page_paths, prefer_scheme
from tests.e2e.quizzes import Quiz, of_kind, quizzes_in

CORRECT = re.compile(r"\bcorrect\b")


@dataclass(frozen=True)
class QuizPage:
    """A page with two single-choice, a multiple-choice and a fill-in-the-blank quiz."""

    path: str
    single: tuple[Quiz, Quiz]
    multiple: Quiz
    blank: Quiz


@pytest.fixture(scope="session")
def quiz_page(site: Path) -> QuizPage:
    for path in page_paths():
        built = site / path / "index.html"
        quizzes = quizzes_in(built)
        single = [quiz for quiz in of_kind(quizzes, "single") if quiz.wrong]
        multiple, blank = of_kind(quizzes, "multiple"), of_kind(quizzes, "blank")
        has_reset = "quiz-intro-reset" in built.read_text(encoding="utf-8")
        if len(single) >= 2 and multiple and blank and has_reset:
            return QuizPage(path, (single[0], single[1]), multiple[0], blank[0])
    pytest.fail("no page has two single-choice, a multiple-choice and a fill-in quiz")


@pytest.fixture
def visit(browser: Browser, base_url: str, quiz_page: QuizPage) -> Iterator[Visit]:
    visit = Visit.open(browser, base_url + quiz_page.path)
    visit.page.on("dialog", lambda dialog: dialog.accept())  # "reset your answers?"
    yield visit
    visit.close()


def _quiz(page: Page, quiz: Quiz) -> Locator:
    return page.locator(f"#{quiz.id}")


def _choose(page: Page, option_id: str) -> None:
    page.locator(f"label[for='{option_id}']").click()


def _option(page: Page, option_id: str) -> Locator:
    """The element around an option's input, which the quiz marks correct or wrong."""
    return page.locator(f"div:has(> #{option_id})")


def _expect_feedback(page: Page, quiz: Quiz, verdict: str) -> None:
    element = _quiz(page, quiz)
    expect(element.locator(f".quiz-feedback .quiz-feedback-item.{verdict}")).to_be_visible()
    explanation = element.locator("section.content")
    expect(explanation).to_be_visible()
    assert explanation.inner_text().strip(), "the explanation is empty"


def _answer_all(page: Page, quizzes: QuizPage) -> None:
    right, wrong = quizzes.single
    _choose(page, right.correct[0])
    _expect_feedback(page, right, "correct")

    _choose(page, wrong.wrong[0])
    _expect_feedback(page, wrong, "incorrect")
    expect(_option(page, wrong.correct[0])).to_have_class(CORRECT)  # the right answer shown

    for option in quizzes.multiple.correct:
        _choose(page, option)
    _quiz(page, quizzes.multiple).locator("button[type=submit]").click()
    _expect_feedback(page, quizzes.multiple, "correct")

    blanks = _quiz(page, quizzes.blank).locator("input.quiz-blank-input")
    for index, answer in enumerate(quizzes.blank.correct):
        blanks.nth(index).fill(answer)
    _quiz(page, quizzes.blank).locator("button[type=submit]").click()
    _expect_feedback(page, quizzes.blank, "correct")


def test_answers_get_feedback_and_are_restored_after_a_reload(
    visit: Visit, quiz_page: QuizPage
) -> None:
    page = visit.page
    _answer_all(page, quiz_page)
    expect(page.locator("#quiz-progress-sidebar .quiz-progress-answered")).to_have_text("4")
    # Right and wrong answers, explanations and feedback are readable in both palettes.
    assert axe_violations(page) == []
    prefer_scheme(page, "dark")
    assert axe_violations(page) == []
    page.emulate_media(color_scheme="light")

    page.reload(wait_until="networkidle")
    right, wrong = quiz_page.single
    expect(page.locator(f"#{right.correct[0]}")).to_be_checked()
    _expect_feedback(page, right, "correct")
    expect(page.locator(f"#{wrong.wrong[0]}")).to_be_checked()
    _expect_feedback(page, wrong, "incorrect")
    for option in quiz_page.multiple.correct:
        expect(page.locator(f"#{option}")).to_be_checked()
    _expect_feedback(page, quiz_page.multiple, "correct")
    blanks = _quiz(page, quiz_page.blank).locator("input.quiz-blank-input")
    expect(blanks.first).to_have_value(quiz_page.blank.correct[0])
    expect(page.locator("#quiz-progress-sidebar .quiz-progress-answered")).to_have_text("4")
    assert visit.problems == []


@pytest.mark.parametrize(
    "saved",
    [
        "{not json",
        "[1, 2, 3]",
        '{"quiz-0": "answered"}',
        '{"quiz-0": {"answered": true, "correct": false, "selectedValues": null}}',
        '{"quiz-0": {"answered": true, "correct": true, "selectedValues": ["99"]}}',
    ],
    ids=["not-json", "array", "bad-entry", "null-answers", "unknown-answer"],
)
def test_corrupt_saved_progress_leaves_the_page_working(
    visit: Visit, quiz_page: QuizPage, saved: str
) -> None:
    page = visit.page
    page.evaluate(
        "saved => localStorage.setItem('quiz_progress_' + location.pathname, saved)", saved
    )
    page.reload(wait_until="networkidle")
    errors = [problem for problem in visit.problems if problem.startswith("page error")]
    assert errors == []

    reset = page.locator(".quiz-intro-reset").first
    expect(reset).to_be_visible()
    reset.click()
    right = quiz_page.single[0]
    _choose(page, right.correct[0])
    _expect_feedback(page, right, "correct")
    expect(page.locator("#quiz-progress-sidebar .quiz-progress-answered")).to_have_text("1")

    reset.click()
    expect(_quiz(page, right).locator(".quiz-feedback")).to_be_hidden()
    expect(page.locator(f"#{right.correct[0]}")).not_to_be_checked()
