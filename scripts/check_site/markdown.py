"""A Markdown source page as the content checks see it: front matter, code fences and quizzes.

The parsing mirrors what the build does (MkDocs' front-matter rule, pymdownx.superfences fences,
mkdocs-quiz's quiz syntax) closely enough to locate every construct by line, without rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent
from typing import Literal

import yaml

from scripts.check_site.findings import InputError

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
FENCE_CLOSE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*$")
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z0-9_-]+)[ \t]*:")
QUIZ_TAG = re.compile(r"</?quiz>")
# The answer and blank syntax of mkdocs-quiz 1.7 (mkdocs_quiz/parsing.py).
QUIZ_ANSWER = re.compile(r"^[-*] \[(.?)\] (.*)$")
QUIZ_FEEDBACK = re.compile(r"^\s*>\s?(.*)$")
QUIZ_BLANK = re.compile(r"\[\[([^\]]+)\]\]")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(.+?)\1")

QuizKind = Literal["single", "multiple", "fill", "invalid"]


@dataclass(frozen=True)
class Fence:
    """A fenced code block; lines are 1-based and include the fence lines."""

    start: int
    end: int
    language: str | None


@dataclass(frozen=True)
class Quiz:
    """One `<quiz>` block, parsed the way mkdocs-quiz parses it."""

    start: int
    end: int
    kind: QuizKind
    question: str
    options: int
    explanation: str


@dataclass(frozen=True)
class SourcePage:
    """A Markdown page under docs_dir."""

    rel: str  # path relative to docs_dir, POSIX style: "mathematics/index.md"
    display: str  # path as findings show it: "docs/mathematics/index.md"
    lines: tuple[str, ...]
    front_matter: dict[str, object] | None  # None: the page has no front matter at all
    front_matter_end: int  # line of the closing `---`; 0 without front matter
    front_matter_keys: dict[str, int] = field(default_factory=dict)  # top-level key -> line
    fences: tuple[Fence, ...] = ()
    quizzes: tuple[Quiz, ...] = ()
    code_lines: frozenset[int] = frozenset()  # lines inside fenced code, fence lines included
    quiz_lines: frozenset[int] = frozenset()
    comment_lines: frozenset[int] = frozenset()  # lines that start inside an HTML comment

    def body_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of every line after the front matter."""
        return [(n, text) for n, text in enumerate(self.lines, 1) if n > self.front_matter_end]


def read_source(path: Path, rel: str, display: str) -> SourcePage:
    """Read and parse one Markdown file; raise InputError's wrapper for input it cannot use."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(InputError(display, line, "file is not valid UTF-8")) from None
    return parse_source(text.removeprefix("\ufeff"), rel, display)


class SourceError(Exception):
    """A source page the checker cannot parse; carries the InputError to show."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (only \\n ends a line)."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_source(text: str, rel: str, display: str) -> SourcePage:
    """Parse the text of one Markdown page."""
    lines = split_lines(text)
    front_matter, fm_end, fm_keys = _front_matter(lines, display)
    fences, code_lines = _fences(lines, fm_end, display)
    masked = ["" if n in code_lines or n <= fm_end else t for n, t in enumerate(lines, 1)]
    quizzes, quiz_lines = _quizzes(lines, masked, display)
    return SourcePage(
        rel=rel,
        display=display,
        lines=tuple(lines),
        front_matter=front_matter,
        front_matter_end=fm_end,
        front_matter_keys=fm_keys,
        fences=tuple(fences),
        quizzes=tuple(quizzes),
        code_lines=frozenset(code_lines),
        quiz_lines=frozenset(quiz_lines),
        comment_lines=frozenset(_comment_lines(masked)),
    )


def _front_matter(
    lines: list[str], display: str
) -> tuple[dict[str, object] | None, int, dict[str, int]]:
    if not lines or lines[0].rstrip() != "---":
        return None, 0, {}
    end = next((i for i in range(1, len(lines)) if FRONT_MATTER_END.match(lines[i])), None)
    if end is None:
        raise SourceError(InputError(display, 1, "front matter opened here is never closed"))
    block = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(block)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = exc.problem or "invalid YAML"
        raise SourceError(InputError(display, line, f"malformed front matter: {problem}")) from None
    except yaml.YAMLError as exc:
        raise SourceError(InputError(display, 1, f"malformed front matter: {exc}")) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError(
            InputError(display, 2, "malformed front matter: expected `key: value` lines")
        )
    keys: dict[str, int] = {}
    for number in range(1, end):
        if match := FRONT_MATTER_KEY.match(lines[number]):
            keys.setdefault(match["key"], number + 1)
    return {str(k): v for k, v in data.items()}, end + 1, keys


def fence_language(info: str) -> str | None:
    """The language of a fence from its info string: "py", "{.python .x}", 'py title="a"'."""
    info = info.strip()
    if info.startswith("{"):
        match = re.search(r"(?:^|\s|\{)\.([\w+#.-]+)", info)
        return match[1] if match else None
    token = info.split(maxsplit=1)[0] if info else ""
    if not token or "=" in token:
        return None
    return token.lstrip(".") or None


def _fences(lines: list[str], start: int, display: str) -> tuple[list[Fence], set[int]]:
    fences: list[Fence] = []
    code: set[int] = set()
    number = start + 1
    while number <= len(lines):
        match = FENCE_OPEN.match(lines[number - 1])
        if not match or (match["fence"][0] == "`" and "`" in match["info"]):
            number += 1
            continue
        fence = match["fence"]
        close = number + 1
        while close <= len(lines):
            end = FENCE_CLOSE.match(lines[close - 1])
            if end and end["fence"][0] == fence[0] and len(end["fence"]) >= len(fence):
                break
            close += 1
        else:
            raise SourceError(InputError(display, number, "code fence opened here is never closed"))
        fences.append(Fence(number, close, fence_language(match["info"])))
        code.update(range(number, close + 1))
        number = close + 1
    return fences, code


def _quizzes(lines: list[str], masked: list[str], display: str) -> tuple[list[Quiz], set[int]]:
    tags = [
        (number, m.start(), m[0])
        for number, text in enumerate(masked, 1)
        for m in QUIZ_TAG.finditer(text)
    ]
    quizzes: list[Quiz] = []
    covered: set[int] = set()
    opened: tuple[int, int] | None = None
    for number, column, tag in tags:
        if tag == "<quiz>":
            if opened is not None:
                raise SourceError(
                    InputError(
                        display,
                        opened[0],
                        f"<quiz> opened here is not closed before the next <quiz> (line {number})",
                    )
                )
            opened = (number, column + len(tag))
            continue
        if opened is None:
            raise SourceError(InputError(display, number, "</quiz> without an opening <quiz>"))
        first, first_col = opened
        if first == number:
            inner = lines[first - 1][first_col:column]
        else:
            inner = "\n".join(
                [
                    lines[first - 1][first_col:],
                    *lines[first : number - 1],
                    lines[number - 1][:column],
                ]
            )
        quizzes.append(Quiz(first, number, *parse_quiz(inner)))
        covered.update(range(first, number + 1))
        opened = None
    if opened is not None:
        raise SourceError(InputError(display, opened[0], "<quiz> opened here is never closed"))
    return quizzes, covered


def parse_quiz(inner: str) -> tuple[QuizKind, str, int, str]:
    """Kind, question, number of options and explanation of a quiz's inner text."""
    if QUIZ_BLANK.search(inner):
        lines = dedent(inner).split("\n")
        sep = next((i for i, line in enumerate(lines) if line.strip() == "---"), None)
        if sep is None:
            return "fill", "\n".join(lines).strip(), 0, ""
        return "fill", "\n".join(lines[:sep]).strip(), 0, "\n".join(lines[sep + 1 :]).strip()
    lines = dedent(inner).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    first = next((i for i, line in enumerate(lines) if QUIZ_ANSWER.match(line)), None)
    if first is None:
        return "invalid", "\n".join(lines).strip(), 0, ""
    options = correct = 0
    content = first
    i = first
    while i < len(lines):
        line = lines[i]
        if answer := QUIZ_ANSWER.match(line):
            options += 1
            correct += answer[1].lower() == "x"
            i += 1
            while i < len(lines) and QUIZ_FEEDBACK.match(lines[i]):
                i += 1
            content = i
        elif not line.strip():
            i += 1
        else:
            break
    kind: QuizKind = "invalid" if correct == 0 else "single" if correct == 1 else "multiple"
    explanation = "\n".join(lines[content:]).strip()
    return kind, "\n".join(lines[:first]).strip(), options, explanation


def _comment_lines(masked: list[str]) -> set[int]:
    text = "\n".join(masked)
    starts = [0]
    for line in masked:
        starts.append(starts[-1] + len(line) + 1)
    covered: set[int] = set()
    for match in HTML_COMMENT.finditer(text):
        first = text.count("\n", 0, match.start()) + 1
        last = text.count("\n", 0, match.end()) + 1
        leading = not text[starts[first - 1] : match.start()].strip()
        covered.update(range(first if leading else first + 1, last + 1))
    return covered


def strip_inline_code(text: str) -> str:
    """The text with inline code spans blanked out (column positions are kept)."""
    return INLINE_CODE.sub(lambda m: " " * len(m[0]), text)
