"""C009: a page has enough prose for its kind.

Prose is every word outside front matter, fenced code, quizzes and HTML comments; link targets
and HTML tags are not words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scripts.check_site.findings import Finding
from scripts.check_site.kinds import OVERRIDE_KEY, minimums, page_kind
from scripts.check_site.markdown import HTML_COMMENT, SourcePage

LINK_TARGET = re.compile(r"\]\([^)]*\)")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S.*$", re.MULTILINE)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")  # apostrophes and hyphens join words


def prose_words(page: SourcePage) -> int:
    """How many words of prose the page has."""
    skip = page.code_lines | page.quiz_lines
    text = "\n".join(line for number, line in page.body_lines() if number not in skip)
    text = HTML_COMMENT.sub(" ", text)
    text = REFERENCE_DEFINITION.sub(" ", text)
    text = LINK_TARGET.sub("] ", text)
    text = HTML_TAG.sub(" ", text)
    return len(WORD.findall(text))


def check(sources: Iterable[SourcePage]) -> list[Finding]:
    """Findings for pages below their kind's word minimum."""
    findings: list[Finding] = []
    for page in sources:
        need = minimums(page).words
        have = prose_words(page) if need else 0
        if have < need:
            message = (
                f"{have} words of prose; a {page_kind(page.rel).value} needs at least {need} "
                f"(a special page may set `{OVERRIDE_KEY}: {{min_words: N}}` in front matter)"
            )
            findings.append(Finding(page.display, 1, "C009", message))
    return findings
