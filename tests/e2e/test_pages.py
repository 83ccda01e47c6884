"""Every page loads in Chromium from the site's own host only, without errors."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _page_paths() -> list[str]:
    """URL paths of every Markdown page, e.g. `mathematics/` for docs/mathematics/index.md."""
    paths = []
    for source in sorted(DOCS.rglob("*.md")):
        rel = source.relative_to(DOCS)
        if any(part.startswith(".") for part in rel.parts):
            continue
        stem = rel.with_suffix("")
        url = stem.parent if stem.name == "index" else stem
        paths.append("" if str(url) == "." else f"{url.as_posix()}/")
    return paths


class Visit:
    """A page opened in a fresh context, with every request and error it caused."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.context = browser.new_context()
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.page.on("request", self._on_request)
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.page.on("response", self._on_response)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.goto(url, wait_until="networkidle")

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("path", _page_paths())
def test_page_loads_only_from_its_own_host_without_errors(
    browser: Browser, base_url: str, path: str
) -> None:
    visit = Visit(browser, base_url + path)
    try:
        own = urlsplit(base_url).netloc
        foreign = [url for url in visit.requests if urlsplit(url).netloc not in (own, "")]
        assert foreign == []
        assert visit.problems == []
        assert visit.page.locator("article h1").count() == 1
    finally:
        visit.close()


def _pages_using(marker: str) -> list[str]:
    return [
        path
        for path, source in zip(_page_paths(), _sources(), strict=True)
        if marker in source.read_text(encoding="utf-8")
    ]


def _sources() -> list[Path]:
    return [
        source
        for source in sorted(DOCS.rglob("*.md"))
        if not any(part.startswith(".") for part in source.relative_to(DOCS).parts)
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_math_is_typeset_in_both_palettes(browser: Browser, base_url: str, scheme: str) -> None:
    pages = _pages_using("$$")
    assert pages, "no page with display math to test"
    visit = Visit(browser, base_url + pages[0])
    try:
        visit.page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        visit.page.wait_for_selector(".arithmatex .katex", timeout=10_000)
        raw = visit.page.locator(".arithmatex:not(:has(.katex))").count()
        assert raw == 0, "some math was left as raw TeX"
        assert visit.problems == []
    finally:
        visit.close()


def test_diagrams_render_as_svg(browser: Browser, base_url: str) -> None:
    pages = _pages_using("```mermaid")
    assert pages, "no page with a diagram to test"
    visit = Visit(browser, base_url + pages[0])
    try:
        # Material swaps each `pre.mermaid` for a `div.mermaid` holding the SVG
        # in a closed shadow root, so the test checks the swap and its size.
        visit.page.wait_for_selector("div.mermaid", timeout=15_000)
        visit.page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0")
        heights = visit.page.eval_on_selector_all(
            "div.mermaid", "divs => divs.map(d => d.getBoundingClientRect().height)"
        )
        assert heights, "no rendered diagram"
        assert min(heights) > 40, f"diagram boxes too small: {heights}"
        assert visit.problems == []
    finally:
        visit.close()
