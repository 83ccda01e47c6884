"""`python -m scripts.audit`: Lighthouse scores and page weight of representative pages.

Serves the built site (`make build` writes site/) on 127.0.0.1 as GitHub Pages does,
then, for the home page, a section overview, a topic page with quizzes, one with math
and one with a diagram:

- runs Lighthouse (pinned in scripts/audit/package.json, installed by `make audit`)
  in mobile and desktop modes against Debian's Chromium, three times each (`--runs`),
  and keeps the median run as Lighthouse's own `computeMedianRun` picks it (closest to
  the median first contentful paint and time to interactive): its four category
  scores, the bytes it saw transferred and, where its performance is below 100, the
  metrics that cost points. Every run's performance score is printed too, and any
  other category below 100 in any run;
- measures with Chromium the compressed bytes of a first visit, split into the HTML,
  the site's own assets and the theme's (Material's bundle, stylesheets, search worker
  and the data it fetches itself), and of a repeat visit: the page opened after the
  home page, with the browser cache warm;
- counts the page's elements once it is complete: layout work, and with it the
  blocking time Lighthouse reports, grows with them (typeset math adds most).

It prints a table and how the pages compare with the targets. With `--all` it also
weighs every page of the site the same way and prints the spread (median, 90th
percentile, heaviest) and the pages over budget. It is a report, not a test: it exits 0
whatever the scores, and 2 if it could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from scripts.audit.server import serve
from scripts.check_site.config import nav_pages
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
LIGHTHOUSE = Path(__file__).parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The metrics behind the performance score: short name -> Lighthouse audit.
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
    "TTI": "interactive",
}
MODES = ("mobile", "desktop")
KIB = 1024
FIRST_VISIT_BUDGET = 60 * KIB  # HTML + own assets of a typical topic page
REPEAT_VISIT_BUDGET = 25 * KIB
# What Material ships and fetches by itself, whatever the page.
THEME_PATHS = (
    "assets/javascripts/bundle.",
    "assets/javascripts/workers/",
    "assets/javascripts/lunr/",
    "assets/stylesheets/main.",
    "assets/stylesheets/palette.",
    "search/search_index.json",
    "sitemap.xml",
)
WEIGHT_COLUMNS = ("html", "own", "theme", "first", "html+own", "repeat", "elements")
# The build typesets math and inlines diagrams: a page is complete once its fonts are in.
RENDERED = "() => document.fonts.status === 'loaded'"


@dataclass(frozen=True)
class Weight:
    """Compressed bytes transferred for one page load, and the page's element count."""

    html: int
    own: int
    theme: int
    elements: int

    @property
    def total(self) -> int:
        return self.html + self.own + self.theme


@dataclass(frozen=True)
class Run:
    """One Lighthouse run."""

    scores: dict[str, int]  # category -> 0..100
    total_bytes: int
    metrics: dict[str, float]  # METRICS name -> ms (CLS: unitless)
    short: list[str]  # the METRICS names that weigh in performance and lost points


@dataclass(frozen=True)
class Audited:
    """Everything measured for one page."""

    name: str
    path: str
    runs: dict[str, list[Run]]  # mode -> every Lighthouse run
    first: Weight
    repeat: Weight

    def median(self, mode: str) -> Run:
        return median_run(self.runs[mode])


def median_run(runs: list[Run]) -> Run:
    """The run Lighthouse's `computeMedianRun` would pick.

    The run closest to the median first contentful paint and the median time to
    interactive (squared distances in ms, summed), ties to the earlier interactive.
    """
    if not runs:
        raise ValueError("no Lighthouse run to choose from")
    fcp = statistics.median(run.metrics["FCP"] for run in runs)
    tti = statistics.median(run.metrics["TTI"] for run in runs)

    def distance(run: Run) -> tuple[float, float]:
        far = (fcp - run.metrics["FCP"]) ** 2 + (tti - run.metrics["TTI"]) ** 2
        return far, run.metrics["TTI"]

    return min(runs, key=distance)


def representative_pages(nav: list[Any]) -> list[tuple[str, str]]:
    """(name, URL path) of the pages to audit, chosen from the nav as pages come and go."""
    sources = [file for file in nav_pages(nav) if (ROOT / "docs" / file).is_file()]
    topics = [source for source in sources if not source.endswith("index.md")]
    overviews = [source for source in sources if source.endswith("/index.md")]

    chosen = ["", _url_path(overviews[0])]

    def first(wanted: Callable[[str], bool]) -> str:
        """The first topic page (or, failing that, any page) not yet chosen that is wanted."""
        for source in topics + sources:
            path = _url_path(source)
            if path not in chosen and wanted((ROOT / "docs" / source).read_text("utf-8")):
                chosen.append(path)
                return path
        raise SystemExit("audit: not enough kinds of page to audit")

    quizzes = first(lambda t: "<quiz>" in t and "$" not in t and "```mermaid" not in t)
    math = first(lambda t: "$$" in t and "```mermaid" not in t)
    diagram = first(lambda t: "```mermaid" in t and "$$" not in t)
    return [
        ("home", ""),
        ("section overview", chosen[1]),
        ("topic with quizzes", quizzes),
        ("math", math),
        ("diagram", diagram),
    ]


def _url_path(source: str) -> str:
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"


def lighthouse(url: str, mode: str) -> Run:
    """Category scores (0..100), transferred bytes and metrics of one Lighthouse run."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(Path(sys.executable).parent / "node"),
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
            *(["--preset=desktop"] if mode == "desktop" else []),
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"audit: Lighthouse failed on {url} ({mode}):\n{proc.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    audits, categories = data["audits"], data["categories"]
    missing = [
        key
        for key in (*METRICS.values(), "total-byte-weight")
        if "numericValue" not in audits.get(key, {})
    ]
    missing += [name for name in CATEGORIES if categories[name]["score"] is None]
    if missing:
        raise SystemExit(f"audit: Lighthouse measured nothing for {missing} on {url} ({mode})")
    # The metrics that weigh in the performance score (time to interactive does not).
    scored = {ref["id"] for ref in categories["performance"]["auditRefs"] if ref["weight"] > 0}
    return Run(
        scores={name: round(categories[name]["score"] * 100) for name in CATEGORIES},
        total_bytes=int(audits["total-byte-weight"]["numericValue"]),
        metrics={name: float(audits[key]["numericValue"]) for name, key in METRICS.items()},
        short=[
            name
            for name, key in METRICS.items()
            if key in scored and (audits[key]["score"] or 0) < 1
        ],
    )


def _load(context: BrowserContext, url: str, base_url: str) -> Weight:
    """Load a page in the context; sum the compressed bytes of what came over the network."""
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    urls: dict[str, str] = {}
    received: dict[str, int] = {}
    session.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    session.on(
        "Network.loadingFinished",
        lambda e: received.__setitem__(e["requestId"], int(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(RENDERED, timeout=30_000)
    page.wait_for_load_state("networkidle")
    elements = int(page.evaluate("document.getElementsByTagName('*').length"))
    page.close()
    html = own = theme = 0
    for request, size in received.items():
        address = urls.get(request, "").split("?")[0]
        path = address.removeprefix(base_url)
        if address == url:
            html += size
        elif path.startswith(THEME_PATHS):
            theme += size
        else:
            own += size
    return Weight(html, own, theme, elements)


def weigh(browser: Browser, base_url: str, path: str) -> tuple[Weight, Weight]:
    """The page's weight on a first visit, and on a visit after the home page."""
    context = browser.new_context()
    first = _load(context, base_url + path, base_url)
    context.close()
    context = browser.new_context()
    _load(context, base_url, base_url)
    repeat = _load(context, base_url + path, base_url)
    context.close()
    return first, repeat


def _metrics(run: Run) -> str:
    return ", ".join(_metric(name, run.metrics[name]) for name in run.short) or "none"


def _metric(name: str, value: float) -> str:
    if name == "CLS":
        return f"CLS {value:.3f}"
    if name == "TBT":
        return f"TBT {value:.0f} ms"
    return f"{name} {value / 1000:.2f} s"


def _kib(size: int) -> str:
    return f"{size / KIB:.1f}"


def _against(size: int, budget: int) -> str:
    return f"{_kib(size)} KiB of {_kib(budget)}: {'met' if size <= budget else 'missed'}"


def report(results: list[Audited]) -> str:
    """The table, then how the pages compare with the targets."""
    runs = max(len(r.runs[mode]) for r in results for mode in MODES)
    lines = [
        f"Lighthouse scores (mobile | desktop) of the median run of {runs}, "
        "and bytes transferred (KiB, gzip)",
        "",
        f"{'page':<52} {'perf':>9} {'a11y':>9} {'b-p':>9} {'seo':>9} {'lighthouse KiB':>15}"
        f"  perf, every run",
    ]
    for r in results:
        mobile, desktop = r.median("mobile"), r.median("desktop")
        cells = [f"{mobile.scores[c]:>4}|{desktop.scores[c]:<4}" for c in CATEGORIES]
        weight = f"{_kib(mobile.total_bytes)}|{_kib(desktop.total_bytes)}"
        every = " | ".join(
            ",".join(str(run.scores["performance"]) for run in r.runs[mode]) for mode in MODES
        )
        lines.append(
            f"{r.name + ' /' + r.path:<52} "
            + " ".join(f"{c:>9}" for c in cells)
            + f" {weight:>15}  {every}"
        )
    lines += ["", f"{'page':<52} " + " ".join(f"{h:>8}" for h in WEIGHT_COLUMNS)]
    for r in results:
        first = r.first
        sizes = [first.html, first.own, first.theme, first.total, first.html + first.own]
        sizes.append(r.repeat.total)
        lines.append(
            f"{r.name + ' /' + r.path:<52} "
            + " ".join(f"{_kib(n):>8}" for n in sizes)
            + f" {first.elements:>8}"
        )
    lines += ["", "Targets:"]
    below = [
        f"{r.name} {mode} {c} {r.median(mode).scores[c]}"
        for r in results
        for mode in MODES
        for c in CATEGORIES
        if r.median(mode).scores[c] < 100
    ]
    lines.append(
        "  100 in every category: " + ("met" if not below else "missed: " + "; ".join(below))
    )
    lines += [
        f"    {r.name} {mode} (median run), metrics below full marks: {_metrics(r.median(mode))}"
        for r in results
        for mode in MODES
        if r.median(mode).scores["performance"] < 100
    ]
    other = [
        f"{r.name} {mode} run {number} {c} {run.scores[c]}"
        for r in results
        for mode in MODES
        for number, run in enumerate(r.runs[mode], 1)
        for c in CATEGORIES[1:]
        if run.scores[c] < 100
    ]
    lines.append(
        "  accessibility, best practices, SEO in every run: "
        + ("100" if not other else "below 100: " + "; ".join(other))
    )
    typical = next(r for r in results if r.name == "topic with quizzes")
    own = typical.first.html + typical.first.own
    lines.append(
        f"  typical topic page /{typical.path}, first visit, HTML + own assets: "
        + _against(own, FIRST_VISIT_BUDGET)
    )
    lines.append(
        "  the same page, repeat visit: " + _against(typical.repeat.total, REPEAT_VISIT_BUDGET)
    )
    return "\n".join(lines)


def spread(weights: dict[str, tuple[Weight, Weight]]) -> str:
    """Median, 90th percentile and heaviest page, first and repeat visits, and who is over."""
    lines = [f"Every page ({len(weights)}), KiB gzip:"]
    measures: dict[str, tuple[Callable[[Weight, Weight], int], int]] = {
        "first visit, HTML + own assets": (lambda f, r: f.html + f.own, FIRST_VISIT_BUDGET),
        "repeat visit": (lambda f, r: r.total, REPEAT_VISIT_BUDGET),
    }
    for label, (measure, budget) in measures.items():
        sizes = {path: measure(*pair) for path, pair in weights.items()}
        ordered = sorted(sizes.values())
        heaviest = max(sizes, key=lambda path: sizes[path])
        over = sorted(path for path, size in sizes.items() if size > budget)
        lines.append(
            f"  {label}: median {_kib(int(statistics.median(ordered)))}, "
            f"90th percentile {_kib(ordered[int(0.9 * (len(ordered) - 1))])}, "
            f"heaviest {_kib(sizes[heaviest])} (/{heaviest}); "
            f"{len(over)} over {_kib(budget)}"
            + (f": {', '.join('/' + p for p in over)}" if over else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.audit", description=__doc__)
    parser.add_argument("--all", action="store_true", help="also weigh every page of the site")
    parser.add_argument(
        "--runs", type=int, default=3, help="Lighthouse runs per page and mode (default 3)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not (SITE / "index.html").is_file():
        print("audit: no site/ to audit: run `make build` first", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print("audit: Lighthouse is not installed: run `make audit`", file=sys.stderr)
        return 2
    config = load_config(str(ROOT / "mkdocs.yml"))
    pages = representative_pages(config["nav"])
    results = []
    with serve(SITE, config["site_url"]) as base_url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, path in pages:
            print(f"audit: {name} /{path}", file=sys.stderr)
            runs = {
                mode: [lighthouse(base_url + path, mode) for _ in range(args.runs)]
                for mode in MODES
            }
            first, repeat = weigh(browser, base_url, path)
            results.append(Audited(name, path, runs, first, repeat))
        every = {}
        if args.all:
            for source in nav_pages(config["nav"]):
                if (ROOT / "docs" / source).is_file():
                    print(f"audit: weighing /{_url_path(source)}", file=sys.stderr)
                    every[_url_path(source)] = weigh(browser, base_url, _url_path(source))
        browser.close()
    print(report(results))
    if every:
        print("\n" + spread(every))
    return 0


if __name__ == "__main__":
    sys.exit(main())
