"""Search finds pages as a reader types, and its index holds clean text.

Material's search indexes the text of each page. The hook overrides/hooks/search_text.py
keeps quiz options apart and quiz widgets out of it; the index tests below read the
real search/search_index.json of the session build.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.helpers import Visit

# (query, page expected among the first results): section overviews and topic pages,
# and two words that the site has only in a quiz option.
QUERIES = [
    ("eigendecomposition", "mathematics/"),
    ("reinforcement learning", "reinforcement-learning/"),
    ("system design", "system-design/"),
    ("spaced repetition", "preparation/spaced-repetition/"),
    ("backpropagation", "deep-learning/"),
    ("negotiation", "final-tips/offers-and-negotiation/"),
    ("NumPy broadcasting", "programming/"),
    ("bias variance", "ml-fundamentals/"),
    ("numerically stable softmax", "ml-coding/"),
    ("binary search", "algorithms/"),
    ("resume", "interview-process/resume-and-portfolio/"),
    ("study plan", "start-here/study-plans/"),
    ("questions to ask", "final-tips/questions-to-ask/"),
    ("senior signals", "behavioral/senior-signals/"),
    ("formulas asked most often", "reference/"),
    ("company types", "interview-process/company-types/"),
    ("what interviewers evaluate", "interview-process/what-interviewers-evaluate/"),
    ("mock interviews", "preparation/mock-interviews/"),
    ("how to use this guide", "start-here/"),
    ("triaging", "projects/"),
    ("underflowing", "ml-coding/"),
]
FIRST = 5  # how many result pages a reader scans
INDEX = "/search/search_index.json"

# The distinct pages of the results, in order, as paths relative to the site.
RESULT_PAGES = """base => {
  const pages = [];
  const links = document.querySelectorAll(".md-search-result__item > a.md-search-result__link");
  for (const link of links) {
    const url = new URL(link.href);
    const page = url.origin + url.pathname;
    if (page.startsWith(base) && !pages.includes(page.slice(base.length))) {
      pages.push(page.slice(base.length));
    }
  }
  return pages;
}"""


@pytest.fixture(scope="module")
def reader(browser: Browser, base_url: str) -> Iterator[Visit]:
    visit = Visit.open(browser, base_url)
    yield visit
    visit.close()


def _search(page: Page, base_url: str, query: str, expected: str) -> list[str]:
    """Type the query into the search box; return the first result pages once they show."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    box.press_sequentially(query)
    # Wait for the expected page; if it never shows, report what the reader saw instead.
    with contextlib.suppress(PlaywrightError):
        page.wait_for_function(
            f"base => ({RESULT_PAGES})(base).slice(0, {FIRST}).includes({json.dumps(expected)})",
            arg=base_url,
            timeout=10_000,
        )
    pages: list[str] = page.evaluate(RESULT_PAGES, base_url)
    return pages[:FIRST]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_finds_the_page_and_follows_it(
    reader: Visit, base_url: str, query: str, expected: str
) -> None:
    page = reader.page
    page.goto(base_url, wait_until="networkidle")
    seen = len(reader.problems)
    assert expected in _search(page, base_url, query, expected)

    result = page.locator(
        f".md-search-result__item > a.md-search-result__link[href^='{base_url}{expected}?']"
    )
    result.first.click()
    expect(page).to_have_url(re.compile(re.escape(base_url + expected) + r"(\?.*)?(#.*)?$"))
    expect(page.locator(".md-content h1")).to_be_visible()
    reader.wait_until_rendered()
    assert reader.problems[seen:] == []


def test_the_search_index_loads_only_when_the_reader_searches(
    browser: Browser, base_url: str
) -> None:
    visit = Visit.open(browser, base_url)
    try:
        assert [url for url in visit.requests if url.endswith(INDEX)] == []
        with visit.page.expect_request(lambda request: request.url.endswith(INDEX)):
            visit.page.locator("input.md-search__input").click()
        assert visit.problems == []
    finally:
        visit.close()


def test_a_shared_search_link_opens_with_results(browser: Browser, base_url: str) -> None:
    query, expected = QUERIES[0]
    visit = Visit.open(browser, f"{base_url}?q={query}")
    try:
        page = visit.page
        expect(page.locator("input.md-search__input")).to_have_value(query)
        page.wait_for_function(
            f"base => ({RESULT_PAGES})(base).includes({json.dumps(expected)})", arg=base_url
        )
        assert visit.problems == []
    finally:
        visit.close()


def test_the_query_table_covers_enough_pages() -> None:
    assert len(QUERIES) >= 15
    assert len({expected for _, expected in QUERIES}) >= 15


# --- The search index -------------------------------------------------------------

TAG = re.compile(r"<[^>]+>")
SEPARATOR = re.compile(r"[\s\-]+")  # Material's default search separator


# Material's index keeps these tags in the text (its tokenizer splits words at them)
# and drops every other tag, joining the text on either side.
KEPT_TAG = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)\b[^>]*>")


def _words(text: str) -> list[str]:
    """Words as Material's search tokenizer splits them: at tags and at the separator."""
    return [
        word.lower()
        for block in TAG.split(text)
        for word in SEPARATOR.split(html.unescape(block))
        if word
    ]


KATEX = '<span class="katex">'
SPAN = re.compile(r"<span\b|</span>")
TEX = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.DOTALL)


def _as_tex(fragment: str) -> str:
    """The fragment with each formula typeset by the build put back as the TeX it came from.

    The index is made before math is typeset (overrides/hooks/typeset_math.py), so it holds the TeX.
    """
    parts, done = [], 0
    while (start := fragment.find(KATEX, done)) >= 0:
        depth, end = 0, len(fragment)
        for tag in SPAN.finditer(fragment, start):
            depth += 1 if tag[0] == "<span" else -1
            if depth == 0:
                end = tag.end()
                break
        found = TEX.search(fragment, start, end)
        tex = found[1] if found else ""
        display = fragment.endswith('<span class="katex-display">', 0, start)
        parts += [fragment[done:start], f"\\[{tex}\\]" if display else f"\\({tex}\\)"]
        done = end
    return "".join(parts) + fragment[done:]


def _html_words(fragment: str) -> list[str]:
    """The words Material's index should hold for a fragment of a built page."""
    return _words(TAG.sub("", KEPT_TAG.sub(" ", _as_tex(fragment))))


def _index(site: Path) -> dict[str, list[str]]:
    """The words of each page in the search index, keyed by page path."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words: dict[str, list[str]] = {}
    for doc in docs["docs"]:
        page = doc["location"].split("#")[0]
        words.setdefault(page, []).extend(_words(doc["title"] + " " + doc["text"]))
    return words


def _pages(site: Path) -> Iterator[tuple[str, str, set[str]]]:
    """Each built page: its path, its HTML and the words the search index holds for it."""
    index = _index(site)
    for built in sorted(site.rglob("index.html")):
        path = built.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        yield path, built.read_text(encoding="utf-8"), set(index.get(path, []))


FIELDSET = re.compile(r"<fieldset[^>]*>(.*?)</fieldset>", re.DOTALL)
LABEL = re.compile(r"<label for=\"quiz-[^\"]+\">(.*?)</label>", re.DOTALL)
DETAILS = re.compile(r"<details[^>]*>\s*<summary>(.*?)</summary>(.*?)</details>", re.DOTALL)


def _glued(first: str, second: str) -> str | None:
    """The word that would appear if `first` ran straight into `second`."""
    a, b = _html_words(first), _html_words(second)
    return a[-1] + b[0] if a and b else None


def test_quiz_options_are_separate_words_in_the_index(site: Path) -> None:
    problems = []
    checked = 0
    for path, page, words in _pages(site):
        for fieldset in FIELDSET.findall(page):
            options = LABEL.findall(fieldset)
            for option in options:
                missing = [word for word in _html_words(option) if word not in words]
                if missing:
                    problems.append(f"{path}: option words not indexed: {missing}")
            for first, second in itertools.pairwise(options):
                glued = _glued(first, second)
                if glued in words:
                    problems.append(f"{path}: options glued into {glued!r}")
                checked += 1
    assert checked > 0, "no quiz options found"
    assert problems == []


def test_collapsible_answers_are_indexed_apart_from_their_question(site: Path) -> None:
    problems = []
    checked = 0
    for path, page, words in _pages(site):
        for summary, body in DETAILS.findall(page):
            missing = [word for word in _html_words(summary + " " + body) if word not in words]
            if missing:
                problems.append(f"{path}: answer words not indexed: {missing[:5]}")
            glued = _glued(summary, body)
            if glued in words:
                problems.append(f"{path}: question and answer glued into {glued!r}")
            checked += 1
    assert checked > 0, "no collapsible answers found"
    assert problems == []


@pytest.mark.parametrize(
    "widget_text",
    [
        "Quiz Progress",
        "Answered: 0 / 0",
        "Correct: 0 / 0",
        "Quiz results are saved to your browser",
    ],
)
def test_quiz_widgets_are_not_indexed(site: Path, widget_text: str) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in docs["docs"] if widget_text in d["text"]] == []


def test_the_word_checks_catch_glued_options() -> None:
    assert _glued("TCP", "UDP") == "tcpudp"
    assert "tcpudpip" in _words("<p>Which?</p> TCPUDPIP")
    assert _words("<p>a-b</p>c d") == ["a", "b", "c", "d"]
    assert _html_words("<label>NDCG<abbr>@</abbr>10 <code>k</code></label>") == ["ndcg@10", "k"]
