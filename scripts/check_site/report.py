"""Output: compiler-style text, JSON, or GitHub Actions workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from scripts.check_site.findings import Finding

Format = Literal["text", "json", "github"]
FORMATS: tuple[Format, ...] = ("text", "json", "github")


@dataclass(frozen=True)
class Summary:
    """What was checked and how long it took."""

    findings: int
    files: int
    pages: int
    links: int
    seconds: float


def summarise(findings: Sequence[Finding], pages: int, links: int, seconds: float) -> Summary:
    """The summary of a run."""
    return Summary(len(findings), len({f.path for f in findings}), pages, links, seconds)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(summary: Summary) -> str:
    """`N findings in M files (checked P pages, L links) in T s`."""
    return (
        f"{_plural(summary.findings, 'finding')} in {_plural(summary.files, 'file')} "
        f"(checked {_plural(summary.pages, 'page')}, {_plural(summary.links, 'link')}) "
        f"in {summary.seconds:.2f} s"
    )


def text_line(finding: Finding) -> str:
    """`docs/page.md:12: L001 message`; warnings say so."""
    severity = "(warning) " if finding.severity == "warning" else ""
    return f"{finding.path}:{finding.line}: {finding.code} {severity}{finding.message}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Finding) -> str:
    """A workflow command that annotates the line in the pull request."""
    return (
        f"::{finding.severity} file={_escape_property(finding.path)},line={finding.line},"
        f"title={_escape_property(finding.code)}::{_escape_data(finding.message)}"
    )


def render(findings: Sequence[Finding], summary: Summary, fmt: Format) -> str:
    """The whole report in the chosen format."""
    if fmt == "json":
        document = {
            "findings": [asdict(f) for f in findings],
            "summary": {**asdict(summary), "seconds": round(summary.seconds, 3)},
        }
        return json.dumps(document, indent=2)
    line = github_line if fmt == "github" else text_line
    return "\n".join([*(line(f) for f in findings), summary_line(summary)])
