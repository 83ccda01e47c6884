"""Text, JSON and GitHub output, and the summary line."""

from __future__ import annotations

import json

from scripts.check_site.findings import Finding
from scripts.check_site.report import Summary, render, summarise, summary_line

FINDINGS = [
    Finding("docs/a.md", 3, "L001", "link to a page or file that does not exist: b.md"),
    Finding("mkdocs.yml", 9, "X003", "redirects, 100%: done", "warning"),
]


def test_summary_line_pluralises() -> None:
    assert summary_line(Summary(1, 1, 1, 1, 0.5)) == (
        "1 finding in 1 file (checked 1 page, 1 link) in 0.50 s"
    )
    assert summary_line(summarise(FINDINGS, 17, 1325, 0.214)) == (
        "2 findings in 2 files (checked 17 pages, 1325 links) in 0.21 s"
    )


def test_text() -> None:
    assert render(FINDINGS, summarise(FINDINGS, 2, 5, 0.0), "text").splitlines() == [
        "docs/a.md:3: L001 link to a page or file that does not exist: b.md",
        "mkdocs.yml:9: X003 (warning) redirects, 100%: done",
        "2 findings in 2 files (checked 2 pages, 5 links) in 0.00 s",
    ]


def test_json() -> None:
    document = json.loads(render(FINDINGS, summarise(FINDINGS, 2, 5, 0.1234), "json"))
    assert document == {
        "findings": [
            {
                "path": "docs/a.md",
                "line": 3,
                "code": "L001",
                "message": "link to a page or file that does not exist: b.md",
                "severity": "error",
            },
            {
                "path": "mkdocs.yml",
                "line": 9,
                "code": "X003",
                "message": "redirects, 100%: done",
                "severity": "warning",
            },
        ],
        "summary": {"findings": 2, "files": 2, "pages": 2, "links": 5, "seconds": 0.123},
    }


def test_github_annotations_escape_their_data() -> None:
    assert render(FINDINGS, summarise(FINDINGS, 2, 5, 0.0), "github").splitlines() == [
        "::error file=docs/a.md,line=3,title=L001::"
        "link to a page or file that does not exist: b.md",
        "::warning file=mkdocs.yml,line=9,title=X003::redirects, 100%25: done",
        "2 findings in 2 files (checked 2 pages, 5 links) in 0.00 s",
    ]
