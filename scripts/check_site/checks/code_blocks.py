"""C008: every fenced code block names its language (for highlighting, copy and the tests)."""

from __future__ import annotations

from collections.abc import Iterable

from scripts.check_site.findings import Finding
from scripts.check_site.markdown import SourcePage


def check(sources: Iterable[SourcePage]) -> list[Finding]:
    """Findings for fences with no language (use `text` for plain output)."""
    return [
        Finding(
            page.display,
            fence.start,
            "C008",
            "fenced code block has no language: name it after the fence (```python, ```text)",
        )
        for page in sources
        for fence in page.fences
        if fence.language is None
    ]
