"""Shared helpers for the checker's tests: load a named fixture and pick findings by file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from scripts.check_site.config import load_config
from scripts.check_site.findings import Finding, sort_key
from scripts.check_site.markdown import SourcePage, read_source
from scripts.check_site.site import Site, load_site, load_sources

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def project_site(config_file: Path) -> Site:
    """The built site and sources of the project whose config is `config_file`."""
    config = load_config(config_file)
    return load_site(config, load_sources(config))


def fixture_site(name: str) -> Site:
    """The fixture project `fixtures/<name>/` (mkdocs.yml, docs/ and a hand-written site/)."""
    return project_site(FIXTURES / name / "mkdocs.yml")


def fixture_sources(name: str) -> list[SourcePage]:
    """Every Markdown file of `fixtures/<name>/`, named by its path inside that folder."""
    folder = FIXTURES / name
    pages = []
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(folder).as_posix()
        pages.append(read_source(path, rel, rel))
    return pages


def at(findings: Iterable[Finding], path: str) -> list[tuple[int, str, str]]:
    """(line, code, message) of the findings in one file, in report order."""
    return [(f.line, f.code, f.message) for f in sorted(findings, key=sort_key) if f.path == path]
