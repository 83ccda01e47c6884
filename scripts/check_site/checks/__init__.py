"""The checks: one module each, each a pure function returning a list of findings.

Link checks read the built site; content checks read the Markdown sources.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scripts.check_site.checks import (
    code_blocks,
    front_matter,
    headings,
    images,
    links,
    placeholders,
    quizzes,
    urls,
    words,
)
from scripts.check_site.findings import Finding
from scripts.check_site.markdown import SourcePage
from scripts.check_site.site import Site

SiteCheck = Callable[[Site], list[Finding]]
SourceCheck = Callable[[Sequence[SourcePage]], list[Finding]]

SITE_CHECKS: tuple[tuple[frozenset[str], SiteCheck], ...] = (
    (frozenset({"L001", "L002", "L003"}), links.check),
    (frozenset({"L004"}), images.check),
    (frozenset({"L005", "L006"}), urls.check),
)
SOURCE_CHECKS: tuple[tuple[frozenset[str], SourceCheck], ...] = (
    (frozenset({"C001"}), front_matter.check),
    (frozenset({"C002", "C003", "C004", "C005"}), quizzes.check),
    (frozenset({"C006"}), placeholders.check),
    (frozenset({"C007"}), headings.check),
    (frozenset({"C008"}), code_blocks.check),
    (frozenset({"C009"}), words.check),
)
