"""Page kinds and the minimum number of quizzes and words each kind needs: the one table."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from scripts.check_site.markdown import SourcePage


class PageKind(Enum):
    """What a page is, from its path under docs_dir."""

    HOME = "home page"
    SECTION_INDEX = "section index page"
    TOPIC = "topic page"
    REFERENCE = "reference page"


@dataclass(frozen=True)
class Minimums:
    """The least a page of a kind must carry."""

    quizzes: int
    words: int


# STYLE.md: topic pages carry at least 6 quizzes; index pages a short diagnostic quiz.
MINIMUMS: dict[PageKind, Minimums] = {
    PageKind.HOME: Minimums(quizzes=3, words=1000),
    PageKind.SECTION_INDEX: Minimums(quizzes=3, words=500),
    PageKind.TOPIC: Minimums(quizzes=6, words=1200),
    PageKind.REFERENCE: Minimums(quizzes=0, words=0),
}

OVERRIDE_KEY = "checks"  # front matter: `checks: {min_quizzes: N, min_words: N}`
OVERRIDE_FIELDS = {"min_quizzes": "quizzes", "min_words": "words"}


def page_kind(rel: str) -> PageKind:
    """The kind of the page at `rel` (relative to docs_dir, POSIX style)."""
    if rel == "index.md":
        return PageKind.HOME
    if rel.startswith("reference/") and rel != "reference/index.md":
        return PageKind.REFERENCE
    if rel.endswith("/index.md"):
        return PageKind.SECTION_INDEX
    return PageKind.TOPIC


def minimums(page: SourcePage) -> Minimums:
    """The page kind's minimums, replaced by any valid `checks:` values in its front matter."""
    base = MINIMUMS[page_kind(page.rel)]
    values = {"quizzes": base.quizzes, "words": base.words}
    override = (page.front_matter or {}).get(OVERRIDE_KEY)
    if isinstance(override, dict):
        for key, name in OVERRIDE_FIELDS.items():
            value = override.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                values[name] = value
    return Minimums(**values)
