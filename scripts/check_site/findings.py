"""The one record every check returns, the registry of finding codes, and bad-input errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One defect, located at the source line a contributor has to edit."""

    path: str
    line: int
    code: str
    message: str
    severity: Severity = "error"


def sort_key(finding: Finding) -> tuple[str, int, str, str]:
    """Order findings by path, then line, then code, like a compiler."""
    return (finding.path, finding.line, finding.code, finding.message)


@dataclass(frozen=True)
class Code:
    """A stable finding code with a one-line description."""

    code: str
    summary: str
    severity: Severity = "error"

    @property
    def group(self) -> str:
        """The heading the code is listed under."""
        return GROUPS[self.code[0]]


GROUPS = {
    "L": "Links and assets, on the built HTML of every page",
    "C": "Content, on the Markdown sources",
    "X": "External links, only with --external",
}


_CODES = (
    Code("L001", "link to a page or file that does not exist in the built site"),
    Code("L002", "link to an anchor (#id) that does not exist on its target page"),
    Code("L003", "image, stylesheet, script or other asset that does not exist"),
    Code("L004", "content image without alt text (missing or empty alt attribute)"),
    Code("L005", "empty href, or a javascript: URL"),
    Code("L006", "external URL that is malformed, uses plain http:// or names a local host"),
    Code("C001", "front matter missing or invalid (title, description, tags, checks)"),
    Code("C002", "page has fewer quizzes than its page kind requires"),
    Code("C003", "quiz without an explanation"),
    Code("C004", "single-choice quiz with fewer than three options"),
    Code("C005", "the same quiz question appears twice on the site"),
    Code("C006", "leftover placeholder (TODO, FIXME, TBD, lorem ipsum) outside code"),
    Code("C007", "heading structure: not one H1, a skipped level, or a repeated heading"),
    Code("C008", "fenced code block without a language"),
    Code("C009", "page has fewer words of prose than its page kind requires"),
    Code("X001", "external link is broken (HTTP error status)"),
    Code("X002", "external link is unreachable (refused, timeout, DNS, TLS)"),
    Code("X003", "external link redirects; use the new target", "warning"),
    Code("X004", "external link matches the deny list"),
)

CODES: dict[str, Code] = {code.code: code for code in _CODES}


def severity_of(code: str) -> Severity:
    """The default severity of a code."""
    return CODES[code].severity


def codes_table() -> str:
    """The codes under their group headings, for `--help`."""
    lines: list[str] = []
    for prefix, heading in GROUPS.items():
        lines.append(f"{heading}:")
        lines.extend(
            f"  {c.code}  {c.summary}" + (" (a warning)" if c.severity == "warning" else "")
            for c in _CODES
            if c.code.startswith(prefix)
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class InputError:
    """Input the checker cannot work with: a file it cannot read or parse."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: error: {self.message}"


class BadInputError(Exception):
    """Raised when the site, the config or a source cannot be checked at all (exit status 2)."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
