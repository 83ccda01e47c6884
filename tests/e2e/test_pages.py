"""Every page loads from the site's own host only, without errors, and passes axe-core.

Each page is opened once, in a fresh browser context: its requests and errors are
recorded, then axe-core checks it in the light palette, and its colours again in the
dark one (no other rule depends on the palette). Pages are checked two at a time, on
two browsers, so that a site of a hundred pages stays quick to test.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from tests.e2e.helpers import (
    COLOUR_RULES,
    SCHEMES,
    Scheme,
    Visit,
    axe_violations,
    page_paths,
    pages_using,
    prefer_scheme,
)

WORKERS = 2
TIMEOUT = 300  # seconds to wait for one page's check


@dataclass(frozen=True)
class PageCheck:
    """What one visit to a page found."""

    foreign: list[str]
    problems: list[str]
    h1_count: int
    violations: dict[Scheme, list[str]]


def _check(browser: Browser, url: str) -> PageCheck:
    visit = Visit.open(browser, url, wait_until="load")
    try:
        visit.wait_until_rendered()
        violations: dict[Scheme, list[str]] = {"light": axe_violations(visit.page)}
        prefer_scheme(visit.page, "dark")
        violations["dark"] = axe_violations(visit.page, COLOUR_RULES)
        # Requests still running must finish before the verdict.
        visit.page.wait_for_load_state("networkidle")
        own = urlsplit(url).netloc
        return PageCheck(
            foreign=[u for u in visit.requests if urlsplit(u).netloc not in (own, "")],
            problems=visit.problems,
            h1_count=visit.page.locator(".md-content h1").count(),
            violations=violations,
        )
    finally:
        visit.close()


@dataclass
class _Checks:
    """Page checks run by worker threads, each with a browser of its own."""

    base_url: str
    jobs: queue.Queue[str] = field(default_factory=queue.Queue)
    done: dict[str, threading.Event] = field(default_factory=dict)
    results: dict[str, PageCheck | Exception] = field(default_factory=dict)

    def start(self, paths: list[str]) -> list[threading.Thread]:
        for path in paths:
            self.done[path] = threading.Event()
            self.jobs.put(path)
        threads = [threading.Thread(target=self._work, daemon=True) for _ in range(WORKERS)]
        for thread in threads:
            thread.start()
        return threads

    def _work(self) -> None:
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                try:
                    self._check_all(browser)
                finally:
                    browser.close()
        except Exception as error:  # no browser: every page left fails with the reason
            self._check_all(None, error)

    def _check_all(self, browser: Browser | None, error: Exception | None = None) -> None:
        while True:
            try:
                path = self.jobs.get_nowait()
            except queue.Empty:
                return
            try:
                if browser is None:
                    raise RuntimeError(f"no browser to check {path}") from error
                self.results[path] = _check(browser, self.base_url + path)
            except Exception as failure:  # reported by the page's own tests
                self.results[path] = failure
            finally:
                self.done[path].set()

    def get(self, path: str) -> PageCheck:
        assert self.done[path].wait(TIMEOUT), f"checking {path} took over {TIMEOUT} s"
        result = self.results[path]
        if isinstance(result, Exception):
            raise result
        return result


@pytest.fixture(scope="session")
def checked(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[Callable[[str], PageCheck]]:
    """Check each selected page once per session, however many tests read the result."""
    selected = {
        item.callspec.params["path"]
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and item.path == Path(__file__)
        and hasattr(item, "callspec")
        and "path" in item.callspec.params
    }
    checks = _Checks(base_url)
    threads = checks.start([path for path in page_paths() if path in selected])
    yield checks.get
    while not checks.jobs.empty():  # the session was interrupted: stop early
        checks.jobs.get_nowait()
    for thread in threads:
        thread.join()


@pytest.mark.parametrize("path", page_paths())
def test_page_loads_only_from_its_own_host_without_errors(
    checked: Callable[[str], PageCheck], path: str
) -> None:
    result = checked(path)
    assert result.foreign == []
    assert result.problems == []
    assert result.h1_count == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", page_paths())
def test_page_has_no_accessibility_violations(
    checked: Callable[[str], PageCheck], path: str, scheme: Scheme
) -> None:
    assert checked(path).violations[scheme] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_missing_page_gets_the_404_page(browser: Browser, base_url: str, scheme: Scheme) -> None:
    missing = base_url + "no-such-page/"
    visit = Visit.open(browser, missing, scheme=scheme)
    try:
        assert visit.page.locator("article h1").inner_text() == "Page not found"
        assert visit.problems == [
            f"HTTP 404: {missing}",
            "console error: Failed to load resource: the server responded with a status of "
            "404 (Not Found)",
        ]
        assert [u for u in visit.requests if not u.startswith(base_url)] == []
        assert axe_violations(visit.page) == []
    finally:
        visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_math_is_typeset_in_both_palettes(browser: Browser, base_url: str, scheme: Scheme) -> None:
    pages = pages_using("$$")
    assert pages, "no page with display math to test"
    visit = Visit.open(browser, base_url + pages[0], scheme=scheme)
    try:
        assert visit.page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        visit.wait_until_rendered()
        assert visit.page.locator(".arithmatex").count() > 0
        assert visit.page.locator(".arithmatex:not(:has(.katex))").count() == 0
        assert "\\(" not in visit.page.locator("article").inner_text()
        # KaTeX's stylesheet hides the MathML copy and sets formulas in KaTeX's fonts.
        formula = visit.page.locator("div.arithmatex .katex-html").first
        assert "KaTeX_Main" in formula.evaluate("el => getComputedStyle(el).fontFamily")
        mathml = visit.page.locator(".katex-mathml").first
        assert mathml.evaluate("el => getComputedStyle(el).position") == "absolute"
        assert visit.page.evaluate("document.fonts.check('1em KaTeX_Main')")
        assert [u for u in visit.requests if u.endswith(".js") and "katex" in u] == []
        assert visit.problems == []
    finally:
        visit.close()


# Text colour of a node's label, and the colour the palette wants for it.
DIAGRAM_COLOURS = """svg => {
  const probe = document.createElement("span");
  probe.style.color = "var(--md-mermaid-label-fg-color)";
  document.body.append(probe);
  const wanted = getComputedStyle(probe).color;
  probe.remove();
  const node = svg.querySelector(".node rect, .node polygon");
  return {
    label: getComputedStyle(svg.querySelector(".node text")).fill,
    wanted,
    node: getComputedStyle(node).fill,
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_are_inline_svg_in_the_palettes_colours(
    browser: Browser, base_url: str, scheme: Scheme
) -> None:
    pages = pages_using("```mermaid")
    assert pages, "no page with a diagram to test"
    visit = Visit.open(browser, base_url + pages[0], scheme=scheme)
    try:
        assert visit.page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        assert visit.page.locator("pre.mermaid").count() == 0
        diagrams = visit.page.locator("article div.diagram")
        assert diagrams.count() > 0, "no rendered diagram"
        for index in range(diagrams.count()):
            svg = diagrams.nth(index).locator("svg")
            assert svg.count() == 1
            box = svg.bounding_box()
            assert box is not None
            assert box["width"] > 100
            assert box["height"] > 20
            assert svg.locator(".node").count() > 0, "a diagram without nodes"
            colours = svg.evaluate(DIAGRAM_COLOURS)
            assert colours["label"] == colours["wanted"], colours
            assert colours["node"] != "rgb(236, 236, 255)", "Mermaid's default fill, not ours"
        assert not any("mermaid" in u for u in visit.requests)
        assert visit.problems == []
    finally:
        visit.close()
