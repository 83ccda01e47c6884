"""What the browser tests share: the site's pages, a recorded visit, and axe-core."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Literal

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

from tests.conftest import ROOT

DOCS = ROOT / "docs"
Scheme = Literal["light", "dark"]
# Material's palette for each colour scheme the browser prefers.
SCHEMES: dict[Scheme, str] = {"light": "default", "dark": "slate"}
AXE_SCRIPT = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
# The build typesets math and inlines diagrams; the page only has to load KaTeX's fonts.
RENDERED = "() => document.fonts.status === 'loaded'"


def sources() -> list[Path]:
    """Every Markdown page of the site, in a stable order."""
    return [
        source
        for source in sorted(DOCS.rglob("*.md"))
        if not any(part.startswith(".") for part in source.relative_to(DOCS).parts)
    ]


def url_path(source: Path) -> str:
    """The URL path of a page, relative to the site, e.g. `mathematics/` for its index.md."""
    stem = source.relative_to(DOCS).with_suffix("")
    url = stem.parent if stem.name == "index" else stem
    return "" if str(url) == "." else f"{url.as_posix()}/"


def page_paths() -> list[str]:
    """URL paths of every page, e.g. `mathematics/` for docs/mathematics/index.md."""
    return [url_path(source) for source in sources()]


def pages_using(marker: str) -> list[str]:
    """URL paths of the pages whose Markdown contains `marker`."""
    return [url_path(s) for s in sources() if marker in s.read_text(encoding="utf-8")]


@dataclass
class Visit:
    """A page opened in a fresh browser context, with every request and error it caused."""

    page: Page
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def open(
        cls,
        browser: Browser,
        url: str,
        *,
        scheme: Scheme = "light",
        viewport: tuple[int, int] = (1280, 800),
        wait_until: Literal["load", "networkidle"] = "networkidle",
    ) -> Visit:
        context = browser.new_context(
            color_scheme=scheme, viewport={"width": viewport[0], "height": viewport[1]}
        )
        visit = cls(context.new_page())
        visit.page.on("request", visit._on_request)
        visit.page.on("requestfailed", lambda r: visit.problems.append(f"failed: {r.url}"))
        visit.page.on("response", visit._on_response)
        visit.page.on("console", visit._on_console)
        visit.page.on("pageerror", lambda e: visit.problems.append(f"page error: {e}"))
        visit.page.goto(url, wait_until=wait_until)
        return visit

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def wait_until_rendered(self) -> None:
        """Wait until the fonts the page uses (KaTeX's among them) have loaded."""
        self.page.wait_for_function(RENDERED, timeout=20_000)

    def close(self) -> None:
        self.page.context.close()


def prefer_scheme(page: Page, scheme: Scheme) -> None:
    """Switch the browser's preferred colour scheme; return once the palette has settled.

    Material follows the preference and its colours fade to the new palette (see
    overrides/hooks/material_fixes.py): colours read mid-fade are neither palette's.
    """
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{SCHEMES[scheme]}'")
    page.wait_for_function(
        "document.getAnimations().every(animation => !(animation instanceof CSSTransition))"
    )


# The rules whose verdict depends on the colours of the palette.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """Every axe-core violation on the page, of any impact, one line per element.

    All of axe's default rules, or only `rules`. KaTeX's glyphs are left out: they are
    thousands of elements per formula page, hidden from assistive technology (which
    reads KaTeX's MathML), drawn in the colour of the text around them, which axe
    checks; with them, a formula-heavy page takes far longer to check.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if rules is not None:
        options["runOnly"] = {"type": "rule", "values": rules}
    violations: list[dict[str, object]] = page.evaluate(
        """options => axe.run({ exclude: [[".katex-html"]] }, options).then(results =>
          results.violations.flatMap(v => v.nodes.map(n => ({
            rule: v.id, impact: v.impact, target: n.target.join(" "),
            summary: (n.failureSummary || "").split("\\n").slice(1).join(" ").trim(),
          }))))""",
        options,
    )
    return sorted(
        f"{v['rule']} ({v['impact']}) at {v['target']}: {v['summary']}" for v in violations
    )
