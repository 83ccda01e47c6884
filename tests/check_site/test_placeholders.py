"""C006 on the `placeholders` fixtures."""

from __future__ import annotations

from scripts.check_site.checks import placeholders
from tests.check_site.helpers import at, fixture_sources


def test_leftovers_in_prose_front_matter_and_comments() -> None:
    findings = placeholders.check(fixture_sources("placeholders"))
    assert at(findings, "leftovers.md") == [
        (3, "C006", "placeholder text left in: 'TBD' (finish or remove it)"),
        (8, "C006", "placeholder text left in: 'TODO' (finish or remove it)"),
        (10, "C006", "placeholder text left in: 'FIXME' (finish or remove it)"),
        (10, "C006", "placeholder text left in: 'Lorem Ipsum' (finish or remove it)"),
        (12, "C006", "placeholder text left in: 'TODO' (finish or remove it)"),
        (15, "C006", "placeholder text left in: 'lorem ipsum' (finish or remove it)"),
    ]


def test_code_and_ordinary_words_are_not_placeholders() -> None:
    # Fenced and inline code, "todo list", "TODOs", "TBDs".
    findings = placeholders.check(fixture_sources("placeholders"))
    assert at(findings, "in-code.md") == []
