"""The built pages are self-contained, described and render every quiz."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from scripts.check_site.site import URL_ATTRIBUTES
from tests.conftest import ROOT

DOCS = ROOT / "docs"

# Attributes through which the browser fetches something on page load: the
# checker's table of URL attributes, less the links a reader has to follow.
FETCHED = {
    tag: attrs for tag, attrs in URL_ATTRIBUTES.items() if tag not in ("a", "area", "link")
} | {"object": ("data",)}
# <link rel=...> values that make the browser connect or fetch.
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


class _Collector(HTMLParser):
    """Collect fetched URLs, the meta description and the quiz containers."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.description: str | None = None
        self.quizzes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in FETCHED.get(tag, ()):
            if name in values:
                self.fetched.extend(part.split()[0] for part in values[name].split(",") if part)
        if tag == "link" and FETCHING_RELS & set(values.get("rel", "").split()):
            self.fetched.append(values.get("href", ""))
        self.fetched.extend(CSS_URL.findall(values.get("style", "")))
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")
        if tag == "div" and "quiz" in values.get("class", "").split():
            self.quizzes += 1


def _third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def _parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def _sources() -> list[Path]:
    return sorted(
        path
        for path in DOCS.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(DOCS).parts)
    )


def _built(site: Path, source: Path) -> Path:
    rel = source.relative_to(DOCS).with_suffix("")
    return site / (rel.with_suffix(".html") if rel.name == "index" else rel / "index.html")


def _front_matter(source: Path) -> dict[str, object]:
    text = source.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{source}: no front matter"
    data: dict[str, object] = yaml.safe_load(match.group(1))
    return data


def _count_quizzes(markdown: str) -> int:
    without_code = re.sub(r"^(`{3,}|~{3,}).*?^\1\s*$", "", markdown, flags=re.DOTALL | re.MULTILINE)
    return len(re.findall(r"^<quiz>\s*$", without_code, flags=re.MULTILINE))


def test_no_page_or_stylesheet_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for page in sorted(site.rglob("*.html")):
        offenders += [
            f"{page.relative_to(site)}: {url}" for url in _parse(page).fetched if _third_party(url)
        ]
    for sheet in sorted(site.rglob("*.css")):
        urls = CSS_URL.findall(sheet.read_text(encoding="utf-8"))
        offenders += [f"{sheet.relative_to(site)}: {url}" for url in urls if _third_party(url)]
    assert offenders == []


def test_the_third_party_detector_is_not_blind() -> None:
    collector = _Collector()
    collector.feed(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<link rel="canonical" href="https://example.org/page/">'
        '<script src="//cdn.example.com/x.js"></script><img src="../a.png" srcset="b.png 2x">'
    )
    assert [url for url in collector.fetched if _third_party(url)] == [
        "https://fonts.googleapis.com/css",
        "//cdn.example.com/x.js",
    ]


SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"[^\"]*\"[^>]*>")


def test_no_page_has_a_script_that_blocks_rendering(site: Path) -> None:
    """Material's bundle (see overrides/main.html), the quiz script and ours are deferred."""
    blocking = set()
    for page in sorted(site.rglob("*.html")):
        for tag in SCRIPT.findall(page.read_text(encoding="utf-8")):
            if " defer" not in tag:
                blocking.add(f"{page.relative_to(site)}: {tag}")
    assert sorted(blocking) == []


@pytest.mark.parametrize("source", _sources(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_has_its_description_in_meta(site: Path, source: Path) -> None:
    description = _front_matter(source).get("description")
    assert isinstance(description, str)
    assert description.strip()
    assert _parse(_built(site, source)).description == description.strip()


@pytest.mark.parametrize("source", _sources(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_quiz_in_the_source_renders(site: Path, source: Path) -> None:
    expected = _count_quizzes(source.read_text(encoding="utf-8"))
    assert _parse(_built(site, source)).quizzes == expected
