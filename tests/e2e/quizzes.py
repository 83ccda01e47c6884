"""The quizzes of a built page, read from its HTML: what to click or type, and what is right."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

Kind = Literal["single", "multiple", "blank"]


@dataclass
class Quiz:
    """One quiz: its element id, its kind, and its correct and wrong answers.

    For single and multiple choice, answers are the ids of the option inputs; for
    fill-in-the-blank, `correct` holds the text of each blank.
    """

    id: str
    kind: Kind = "single"
    correct: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


class _QuizParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.quizzes: list[Quiz] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "div" and "quiz" in a.get("class", "").split() and a.get("id"):
            kind: Kind = "blank" if a.get("data-quiz-type") == "fill-blank" else "single"
            self.quizzes.append(Quiz(a["id"], kind))
        elif tag == "input" and self.quizzes:
            quiz = self.quizzes[-1]
            if "quiz-blank-input" in a.get("class", "").split():
                quiz.correct.append(a["data-answer"])
            elif a.get("name") == "answer":
                quiz.kind = "multiple" if a.get("type") == "checkbox" else "single"
                (quiz.correct if a.get("data-correct") == "true" else quiz.wrong).append(a["id"])


def quizzes_in(page: Path) -> list[Quiz]:
    """Every quiz of a built HTML page, in page order."""
    parser = _QuizParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.quizzes


def of_kind(quizzes: list[Quiz], kind: Kind) -> list[Quiz]:
    return [quiz for quiz in quizzes if quiz.kind == kind]
