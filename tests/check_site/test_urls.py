"""L005 and L006 on the `urls` fixture, and the offline rules for external URLs."""

from __future__ import annotations

import pytest

from scripts.check_site.checks import urls
from scripts.check_site.checks.urls import external_problem
from scripts.check_site.findings import Finding
from tests.check_site.helpers import at, fixture_site

LOCAL = "URL points to a local or private host"
UNREACHABLE = "that readers cannot reach"
BAD_HOST = "-bad-.example.com"
PROTOCOL_RELATIVE = "//cdn.example.com/lib.js"
FTP = "ftp://example.com/file.txt"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return urls.check(fixture_site("urls"))


def test_empty_href_from_markdown_and_html(findings: list[Finding]) -> None:
    assert at(findings, "docs/empty-href.md") == [
        (3, "L005", "empty href on <a>"),
        (5, "L005", "empty href on <a>"),
    ]


def test_javascript_url(findings: list[Finding]) -> None:
    assert at(findings, "docs/javascript-url.md") == [
        (
            3,
            "L005",
            "javascript: URL in href: javascript:alert('hi') (use a <button> or a real link)",
        )
    ]


def test_theme_javascript_is_flagged_except_materials_search_share(
    findings: list[Finding],
) -> None:
    assert at(findings, "docs/theme-controls.md") == []
    assert at(findings, "mkdocs.yml") == [
        (
            1,
            "L005",
            "javascript: URL in href: javascript:void(0) (use a <button> or a real link)"
            " (in the site template: nav, header or footer; on theme-controls/index.html)",
        )
    ]


def test_bad_external_urls(findings: list[Finding]) -> None:
    assert at(findings, "docs/bad-external.md") == [
        (3, "L006", "plain http:// URL (use https://): http://example.com/page"),
        (4, "L006", f"{LOCAL} (localhost) {UNREACHABLE}: https://localhost:8000/docs/"),
        (5, "L006", f"{LOCAL} (192.168.1.1) {UNREACHABLE}: https://192.168.1.1/admin"),
        (6, "L006", f"{LOCAL} (::1) {UNREACHABLE}: https://[::1]/"),
        (7, "L006", f"{LOCAL} (wiki) {UNREACHABLE}: https://wiki/start"),
        (8, "L006", f"{LOCAL} (printer.local) {UNREACHABLE}: https://printer.local/"),
        (9, "L006", "malformed URL (contains whitespace): https://exa mple.com/"),
        (10, "L006", "malformed URL (no host): https:///path"),
        (11, "L006", "malformed URL (Port out of range 0-65535): https://example.com:99999/"),
        (12, "L006", f"malformed URL (invalid host name '{BAD_HOST}'): https://{BAD_HOST}/"),
        (13, "L006", f"protocol-relative URL (write https:// explicitly): {PROTOCOL_RELATIVE}"),
        (14, "L006", f"URL scheme ftp: is not allowed in links (use https://): {FTP}"),
    ]


def test_good_external_urls_mailto_and_tel(findings: list[Finding]) -> None:
    assert at(findings, "docs/good-external.md") == []
    assert {f.path for f in findings} == {
        "docs/empty-href.md",
        "docs/javascript-url.md",
        "docs/bad-external.md",
        "mkdocs.yml",
    }


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.com/", None),
        ("https://EXAMPLE.com./path", None),
        ("https://8.8.8.8/", None),
        ("https://[2001:4860:4860::8888]/", None),
        ("https://127.0.0.1:8000/", f"{LOCAL} (127.0.0.1) {UNREACHABLE}"),
        ("https://10.0.0.7/", f"{LOCAL} (10.0.0.7) {UNREACHABLE}"),
        ("https://169.254.169.254/latest", f"{LOCAL} (169.254.169.254) {UNREACHABLE}"),
        ("https://0.0.0.0/", f"{LOCAL} (0.0.0.0) {UNREACHABLE}"),
        ("https://api.localhost/", f"{LOCAL} (api.localhost) {UNREACHABLE}"),
        ("https://service.internal/", f"{LOCAL} (service.internal) {UNREACHABLE}"),
        ("http://localhost/", f"{LOCAL} (localhost) {UNREACHABLE}"),
        ("https://[::1/", "malformed URL (Invalid IPv6 URL)"),
        ("https://a..b.com/", "malformed URL (invalid host name 'a..b.com')"),
        ("HTTP://example.com/", "plain http:// URL (use https://)"),
    ],
)
def test_external_problem(url: str, problem: str | None) -> None:
    assert external_problem(url) == problem
