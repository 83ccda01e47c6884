"""C006: no leftover placeholder text outside code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scripts.check_site.findings import Finding
from scripts.check_site.markdown import SourcePage, strip_inline_code

PLACEHOLDER = re.compile(r"\b(?:TODO|FIXME|TBD)\b|(?i:\blorem\s+ipsum\b)")


def check(sources: Iterable[SourcePage]) -> list[Finding]:
    """Findings for TODO, FIXME, TBD (whole words, upper case) and lorem ipsum (any case)."""
    findings: list[Finding] = []
    for page in sources:
        for number, text in enumerate(page.lines, 1):
            if number in page.code_lines:
                continue
            for match in PLACEHOLDER.finditer(strip_inline_code(text)):
                message = f"placeholder text left in: {match[0]!r} (finish or remove it)"
                findings.append(Finding(page.display, number, "C006", message))
    return findings
