"""C008 on the `code_blocks` fixtures."""

from __future__ import annotations

from scripts.check_site.checks import code_blocks
from tests.check_site.helpers import at, fixture_sources

MESSAGE = "fenced code block has no language: name it after the fence (```python, ```text)"


def test_fences_without_a_language() -> None:
    findings = code_blocks.check(fixture_sources("code_blocks"))
    assert at(findings, "no-language.md") == [
        (3, "C008", MESSAGE),
        (7, "C008", MESSAGE),
        (11, "C008", MESSAGE),
        (15, "C008", MESSAGE),
    ]


def test_fences_with_a_language_in_every_form() -> None:
    # ```python, ~~~text, attributes after the language, {.python}, a fence shown inside a
    # longer fence, a fence indented in an admonition, and a fence inside a quiz.
    findings = code_blocks.check(fixture_sources("code_blocks"))
    assert at(findings, "with-language.md") == []
