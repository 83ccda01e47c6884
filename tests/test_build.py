"""The strict build succeeds, prints no warnings and covers the outline's sections."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, Build
from tests.mkdocs_config import load_config, nav_pages
from tests.sections import SECTIONS

DOCS = ROOT / "docs"


def test_strict_build_succeeds_without_warnings(build: Build) -> None:
    assert build.returncode == 0, build.output
    noisy = [line for line in build.output.splitlines() if re.match(r"(WARNING|ERROR)\b", line)]
    assert noisy == []


def test_every_nav_entry_exists() -> None:
    missing = [page for page in nav_pages(load_config()["nav"]) if not (DOCS / page).is_file()]
    assert missing == []


def test_every_docs_page_is_in_the_nav() -> None:
    in_nav = set(nav_pages(load_config()["nav"]))
    on_disk = {
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(DOCS).parts)
    }
    assert sorted(on_disk - in_nav) == []


def test_every_section_index_is_in_the_nav_and_built(site: Path) -> None:
    in_nav = set(nav_pages(load_config()["nav"]))
    problems = []
    for title, page in SECTIONS:
        built = site / page.replace(".md", ".html")
        if page not in in_nav:
            problems.append(f"{title}: {page} not in nav")
        if not built.is_file():
            problems.append(f"{title}: {built} not built")
    assert problems == []


def test_site_has_a_404_page_and_a_sitemap(site: Path) -> None:
    assert (site / "404.html").is_file()
    assert "<loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
