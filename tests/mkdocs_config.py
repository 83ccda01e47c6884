"""Read mkdocs.yml without executing its `!!python/name:` tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps unknown tags as plain strings."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> str:
    return f"!{suffix}"


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def load_config() -> dict[str, Any]:
    """Return mkdocs.yml as plain data."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.load(handle, Loader=_Loader)
    return data


def nav_pages(nav: list[Any]) -> list[str]:
    """Every Markdown path in a nav tree, in order."""
    pages: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            pages.extend(nav_pages(value))
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages
