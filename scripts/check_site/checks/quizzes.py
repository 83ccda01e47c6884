"""C002-C005: every page carries enough quizzes, and every quiz is well made.

mkdocs-quiz already fails the build on a quiz with no question, no answers or no correct answer;
these checks cover what it accepts but STYLE.md does not.
"""

from __future__ import annotations

from collections.abc import Iterable

from scripts.check_site.findings import Finding
from scripts.check_site.kinds import OVERRIDE_KEY, minimums, page_kind
from scripts.check_site.markdown import SourcePage

MIN_SINGLE_CHOICE_OPTIONS = 3


def normalise(question: str) -> str:
    """A question as compared across pages: case and whitespace do not matter."""
    return " ".join(question.split()).casefold()


def check(sources: Iterable[SourcePage]) -> list[Finding]:
    """Findings for too few quizzes (C002), no explanation (C003), too few options (C004) and
    repeated questions (C005)."""
    findings: list[Finding] = []
    first: dict[str, tuple[str, int]] = {}
    for page in sorted(sources, key=lambda p: p.display):
        need = minimums(page).quizzes
        have = len(page.quizzes)
        if have < need:
            kind = page_kind(page.rel).value
            message = (
                f"{have} quiz{'zes' if have != 1 else ''}; a {kind} needs at least {need} "
                f"(a special page may set `{OVERRIDE_KEY}: {{min_quizzes: N}}` in front matter)"
            )
            findings.append(Finding(page.display, 1, "C002", message))
        for quiz in page.quizzes:
            if quiz.kind == "invalid":
                continue  # no correct answer: mkdocs-quiz fails the build on it
            if not quiz.explanation:
                where = "after a line ---" if quiz.kind == "fill" else "after the answers"
                message = f"quiz has no explanation: {where}, explain why the answer is right"
                findings.append(Finding(page.display, quiz.start, "C003", message))
            if quiz.kind == "single" and quiz.options < MIN_SINGLE_CHOICE_OPTIONS:
                message = (
                    f"single-choice quiz has {quiz.options} option"
                    f"{'s' if quiz.options != 1 else ''}; give at least "
                    f"{MIN_SINGLE_CHOICE_OPTIONS} (one right, the rest plausible mistakes)"
                )
                findings.append(Finding(page.display, quiz.start, "C004", message))
            key = normalise(quiz.question)
            if not key:
                continue
            if key in first:
                path, line = first[key]
                message = f"the same quiz question is already at {path}:{line}"
                findings.append(Finding(page.display, quiz.start, "C005", message))
            else:
                first[key] = (page.display, quiz.start)
    return findings
