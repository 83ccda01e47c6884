"""Moving around as a reader does: palette toggle, the mobile drawer, instant navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import (
    RENDERED,
    SCHEMES,
    Scheme,
    Visit,
    axe_violations,
    page_paths,
    pages_using,
    sources,
    url_path,
)

SCHEME = "document.body.dataset.mdColorScheme"


def _follow(page: Page, base_url: str, path: str) -> None:
    """Click a link to `path` in the page's content, and wait for the page.

    Not every page links to every other, so the test adds the link it clicks; Material
    handles a click on it exactly as on any link of the page.
    """
    page.evaluate(
        """url => {
          const link = Object.assign(document.createElement("a"), { href: url, id: "e2e-link" });
          link.textContent = "next page";
          document.querySelector("article").prepend(link);
        }""",
        base_url + path,
    )
    page.locator("#e2e-link").click()
    # navigation.tracking may add the heading in view to the address as a fragment.
    expect(page).to_have_url(re.compile(re.escape(base_url + path) + "(#.*)?$"))
    expect(page.locator(".md-content h1")).to_be_visible()
    page.wait_for_function(RENDERED, timeout=20_000)


def _expect_instant(page: Page) -> None:
    """The marker set on the first page survives only if no page was fully loaded."""
    assert page.evaluate("window.__instantMarker === true"), "a full page load happened"


def test_dark_mode_toggle_persists_across_pages(browser: Browser, base_url: str) -> None:
    visit = Visit.open(browser, base_url)
    page = visit.page
    try:
        assert page.evaluate(SCHEME) == SCHEMES["light"]
        for _ in range(3):  # system preference -> light -> dark
            if page.evaluate(SCHEME) == SCHEMES["dark"]:
                break
            page.locator("form[data-md-component=palette] label").locator("visible=true").click()
        assert page.evaluate(SCHEME) == SCHEMES["dark"]

        target = page_paths()[1]
        _follow(page, base_url, target)
        assert page.evaluate(SCHEME) == SCHEMES["dark"]
        page.goto(base_url + page_paths()[2], wait_until="networkidle")
        assert page.evaluate(SCHEME) == SCHEMES["dark"]
        assert visit.problems == []
    finally:
        visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_first_visit_is_painted_in_the_systems_palette_before_materials_script(
    browser: Browser, base_url: str, scheme: Scheme
) -> None:
    """With nothing stored, the page is in the system's palette even without the bundle.

    Material's bundle is replaced by an empty script, so only the page's own inline
    script can have chosen the palette.
    """
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.fulfill(body=""))
        page.goto(base_url, wait_until="load")
        # Material's bundle sets up `document$` for page scripts: it did not run.
        assert page.evaluate("typeof window.document$") == "undefined"
        assert page.evaluate(SCHEME) == SCHEMES[scheme]
    finally:
        context.close()


def test_mobile_drawer_opens_and_reaches_a_page(browser: Browser, base_url: str) -> None:
    visit = Visit.open(browser, base_url, viewport=(375, 667))
    page = visit.page
    try:
        drawer = page.locator("nav.md-nav--primary")
        expect(drawer).not_to_be_in_viewport()
        page.locator("label.md-header__button[for=__drawer]").click()
        expect(drawer).to_be_in_viewport()
        assert axe_violations(page) == []

        # A section opens its own panel of pages; follow the first page in it.
        section = drawer.locator("> ul > li > label.md-nav__link[for^=__nav_]").first
        toggle = section.get_attribute("for")
        section.click()
        link = drawer.locator(f"#{toggle} ~ nav a.md-nav__link[href]").first
        expect(link).to_be_in_viewport()
        target = link.get_attribute("href")
        assert target
        assert target.startswith(base_url)
        assert target != base_url
        link.click()
        expect(page).to_have_url(target)
        expect(page.locator(".md-content h1")).to_be_in_viewport()
        expect(drawer).not_to_be_in_viewport()
        assert visit.problems == []
    finally:
        visit.close()


def _expect_math_typeset(page: Page) -> None:
    """Every formula is typeset, and KaTeX's stylesheet hides its MathML copy."""
    assert page.locator(".arithmatex:not(:has(.katex))").count() == 0
    mathml = page.locator(".katex .katex-mathml").first
    assert mathml.evaluate("el => getComputedStyle(el).position") == "absolute"


def _expect_quizzes_work(page: Page) -> None:
    """The first single-choice quiz is styled and answers with feedback."""
    quiz = page.locator(".quiz:has(input[type=radio])").first
    expect(quiz.locator("section.content")).to_be_hidden()  # quiz.css is applied
    quiz.locator("input[type=radio] + label").first.click()
    expect(quiz.locator(".quiz-feedback .quiz-feedback-item")).to_be_visible()
    expect(quiz.locator("section.content")).to_be_visible()


def test_instant_navigation_keeps_quizzes_math_and_diagrams_working(
    browser: Browser, base_url: str
) -> None:
    math = pages_using("$$")[0]
    without_math = [path for path in pages_using("```mermaid") if path not in pages_using("$")]
    assert without_math, "no page with a diagram and no math to test"
    diagram = without_math[0]
    # The 404 page has no quiz, math or diagram: everything must load on the way.
    visit = Visit.open(browser, base_url + "no-such-page/")
    page = visit.page
    try:
        assert page.locator("script[src*='quiz'], link[href*='quiz']").count() == 0
        page.evaluate("window.__instantMarker = true")

        _follow(page, base_url, "")
        _expect_instant(page)
        _expect_quizzes_work(page)

        _follow(page, base_url, math)
        _expect_instant(page)
        _expect_math_typeset(page)
        _expect_quizzes_work(page)

        _follow(page, base_url, diagram)
        _expect_instant(page)
        expect(page.locator("div.diagram svg").first).to_be_visible()
        _expect_quizzes_work(page)

        # Back to math after a page without it: still typeset and styled.
        _follow(page, base_url, math)
        _expect_instant(page)
        _expect_math_typeset(page)
        assert page.locator(".quiz-feedback .quiz-feedback-item").count() == 1  # saved answer
        assert visit.problems == [
            f"HTTP 404: {base_url}no-such-page/",
            "console error: Failed to load resource: the server responded with a status of "
            "404 (Not Found)",
        ]
    finally:
        visit.close()


# Records each change to a stylesheet link's URL and each stylesheet link removed,
# from the first byte of the page on.
WATCH_STYLESHEETS = """
window.__stylesheetChanges = [];
new MutationObserver(records => {
  const sheet = node => node.nodeType === 1 && node.matches("link[rel~=stylesheet]");
  for (const record of records) {
    if (record.type === "attributes" && sheet(record.target)) {
      const now = record.target.getAttribute("href");
      window.__stylesheetChanges.push(`changed ${record.oldValue} -> ${now}`);
    }
    for (const node of record.removedNodes) {
      if (sheet(node)) window.__stylesheetChanges.push(`removed ${node.getAttribute("href")}`);
    }
  }
}).observe(document, {
  subtree: true, childList: true, attributeFilter: ["href"], attributeOldValue: true,
});
"""


def test_stylesheets_are_neither_reloaded_nor_replaced_by_materials_script(
    browser: Browser, base_url: str
) -> None:
    """Material's start and its instant navigation keep the stylesheets already applied.

    Changing a stylesheet link's URL makes the browser load, parse and apply it again,
    restyling the whole page (see overrides/hooks/head_links.py). Both pages have math
    and quizzes, so they share every stylesheet, and sit at different depths, so their
    relative URLs would differ.
    """
    shared = [p for p in pages_using("$") if p in pages_using("<quiz>")]
    start = next(p for p in shared if p.count("/") == 1)
    deeper = next(p for p in shared if p.count("/") == 2)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(WATCH_STYLESHEETS)
        page.goto(base_url + start, wait_until="networkidle")
        page.wait_for_function("typeof window.document$ !== 'undefined'")
        page.evaluate("window.__instantMarker = true")
        sheets = page.locator("link[rel~=stylesheet]")
        assert sheets.count() >= 4  # Material's two, ours, KaTeX's and the quizzes'

        _follow(page, base_url, deeper)
        _expect_instant(page)
        assert page.evaluate("window.__stylesheetChanges") == []
        assert page.locator("link[rel~=stylesheet]").count() == sheets.count()
    finally:
        context.close()


# Records, once the page is parsed, each change that makes the browser style a whole
# page or article again (see overrides/hooks/material_fixes.py).
WATCH_RESTYLES = """
window.__restyles = [];
new MutationObserver(records => {
  if (document.readyState === "loading") return;  // the page's own scripts, before styling
  for (const record of records) {
    const target = record.target;
    // Setting an attribute to the value it has changes nothing.
    const now = record.attributeName && target.getAttribute(record.attributeName);
    if (record.attributeName && record.oldValue !== now) {
      if (target === document.documentElement && record.attributeName === "class") {
        window.__restyles.push(`<html> class ${record.oldValue} -> ${now}`);
      }
      if (target.matches("meta[name=color-scheme]")) {
        window.__restyles.push(`color-scheme meta ${record.oldValue} -> ${now}`);
      }
    }
    const added = [...record.addedNodes, ...record.removedNodes];
    if (added.some(node => node.matches && node.matches("meta[name=color-scheme]"))) {
      window.__restyles.push("color-scheme meta added or removed");
    }
    if (target.matches && target.matches("article.md-content__inner") && added.length) {
      const names = added.map(node => node.nodeName).join(" ");
      window.__restyles.push(`article children added or removed: ${names}`);
    }
  }
}).observe(document, {
  subtree: true, childList: true, attributeFilter: ["class", "content"], attributeOldValue: true,
});
"""


def test_materials_start_makes_no_change_that_restyles_the_whole_page(
    browser: Browser, base_url: str
) -> None:
    """On a page with math, quizzes and tables, in both palettes."""
    path = next(
        path
        for path in pages_using("$")
        if path in pages_using("<quiz>") and path in pages_using("| --- |")
    )
    for scheme in SCHEMES:
        context = browser.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            page.add_init_script(WATCH_RESTYLES)
            page.goto(base_url + path, wait_until="networkidle")
            page.wait_for_function(RENDERED, timeout=20_000)
            # quiz.js moves its sidebar in an animation frame after it runs.
            page.evaluate(
                "new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))"
            )
            assert page.evaluate("window.__restyles") == [], scheme
            assert page.locator(".md-sidebar--secondary #quiz-progress-sidebar").count() == 1
            assert page.locator(".table-host .md-typeset__scrollwrap table").count() > 0
        finally:
            context.close()


# Where each block of the article and each entry of the table of contents is, in order.
PLACES = """() => [
  ...document.querySelectorAll("article > *, .md-sidebar--secondary .md-nav__link"),
].filter(el => el.getClientRects().length).map((el, index) => {
  const box = el.getBoundingClientRect();
  const [x, y] = [box.left, box.top + scrollY].map(Math.round);
  return `${index} ${el.tagName} at ${x},${y} ${box.width | 0}x${box.height | 0}`;
})"""
SIDEBARS = "#quiz-progress-sidebar, #quiz-progress-mobile"


def _places(browser: Browser, url: str, viewport: tuple[int, int], *, scripts: bool) -> list[str]:
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, java_script_enabled=scripts
    )
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        assert page.locator("article .table-host").count() >= 2
        if not scripts:
            # Without JavaScript, the progress sidebars stay hidden.
            assert page.locator(SIDEBARS).count() == 2
            assert page.locator(SIDEBARS).evaluate_all(
                "els => els.every(el => getComputedStyle(el).display === 'none')"
            )
            # As overrides/main.html does in <head>, before the first paint.
            page.evaluate("document.documentElement.classList.replace('no-js', 'js')")
        page.evaluate("document.fonts.ready")
        places: list[str] = page.evaluate(PLACES)
        return places
    finally:
        context.close()


TABLE_RULE = re.compile(r"^\|(?: *:?-{3,}:? *\|)+ *$", re.MULTILINE)


def _tables(path: str) -> int:
    """How many Markdown tables the page at `path` has (one delimiter row each)."""
    source = next(s for s in sources() if url_path(s) == path)
    return len(TABLE_RULE.findall(source.read_text(encoding="utf-8")))


@pytest.mark.parametrize("viewport", [(1280, 800), (412, 823)])
def test_nothing_moves_when_the_pages_scripts_start(
    browser: Browser, base_url: str, viewport: tuple[int, int]
) -> None:
    """As the page opens, Material wraps each table and quiz.js shows its progress sidebars.

    Neither may move what the first paint showed: a layout shift moves the text under
    the reader's eyes. The page as first painted is the page without its scripts, with
    the class overrides/main.html gives <html> before the body is parsed. Checked on the
    quiz page with the most tables, in the desktop and the mobile layout; positions are
    compared element by element, in document order.
    """
    path = max(pages_using("<quiz>"), key=_tables)
    url = base_url + path
    before = _places(browser, url, viewport, scripts=False)
    after = _places(browser, url, viewport, scripts=True)
    assert len(before) > 20
    assert [place for place in after if place not in before] == []
    assert before == after
