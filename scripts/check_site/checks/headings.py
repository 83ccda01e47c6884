"""C007: one H1, no skipped levels, no two headings with the same anchor on a page."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from scripts.check_site.findings import Finding
from scripts.check_site.markdown import SourcePage, strip_inline_code

# Python-Markdown's hash headings: at the start of a line, no space needed after the hashes.
HEADING = re.compile(r"^(?P<level>#{1,6})(?P<text>.*?)#*[ \t]*$")
ATTR_LIST = re.compile(r"\s*\{:?(?P<attrs>[^}]*)\}\s*$")
CUSTOM_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    """An ATX heading in a source page."""

    line: int
    level: int
    text: str
    anchor: str


def slugify(text: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading (its default slugify)."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def headings(page: SourcePage) -> list[Heading]:
    """The page's headings, outside front matter, code, quizzes and HTML comments."""
    skip = page.code_lines | page.quiz_lines | page.comment_lines
    found: list[Heading] = []
    for number, raw in page.body_lines():
        if number in skip:
            continue
        match = HEADING.match(raw)
        if not match:
            continue
        text = match["text"].strip()
        anchor = None
        if attrs := ATTR_LIST.search(text):
            text = text[: attrs.start()].strip()
            if custom := CUSTOM_ID.search(attrs["attrs"]):
                anchor = custom["id"]
        plain = TAG.sub("", LINK.sub(lambda m: m["text"], text)).replace("`", "")
        plain = html.unescape(plain.replace("*", ""))
        found.append(Heading(number, len(match["level"]), text, anchor or slugify(plain)))
    return found


def check(sources: Iterable[SourcePage]) -> list[Finding]:
    """Findings for the H1 count, skipped levels and repeated anchors."""
    findings: list[Finding] = []
    for page in sources:
        for line, message in _problems(page):
            findings.append(Finding(page.display, line, "C007", message))
    return findings


def _problems(page: SourcePage) -> list[tuple[int, str]]:
    found = headings(page)
    problems: list[tuple[int, str]] = []
    h1 = [h for h in found if h.level == 1]
    if not h1:
        line = page.front_matter_end + 1 if page.front_matter_end < len(page.lines) else 1
        problems.append((line, "page has no H1: start the content with `# Title`"))
    for extra in h1[1:]:
        problems.append(
            (extra.line, f"second H1 (the page's H1 is at line {h1[0].line}): use ## for sections")
        )
    seen: dict[str, Heading] = {}
    previous: Heading | None = None
    for heading in found:
        if previous is not None and heading.level > previous.level + 1:
            problems.append(
                (
                    heading.line,
                    f"heading level skips from H{previous.level} to H{heading.level}: "
                    f"use H{previous.level + 1}",
                )
            )
        previous = heading
        if not heading.anchor:
            continue
        if heading.anchor in seen:
            first = seen[heading.anchor]
            problems.append(
                (
                    heading.line,
                    f"heading {strip_inline_code(heading.text).strip()!r} repeats the heading at "
                    f"line {first.line}: both would be #{heading.anchor}; make them distinct",
                )
            )
        else:
            seen[heading.anchor] = heading
    return problems
