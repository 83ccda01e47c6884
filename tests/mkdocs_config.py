"""Read mkdocs.yml without executing its `!!python/name:` tags (the checker's reader)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.check_site.config import nav_pages, read_settings

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["load_config", "nav_pages"]


def load_config() -> dict[str, Any]:
    """Return mkdocs.yml as plain data."""
    return read_settings(ROOT / "mkdocs.yml")
