"""Browser fixtures: the session-built site served on 127.0.0.1, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from scripts.audit.server import serve
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from tests.mkdocs_config import load_config


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e as `e2e` so `pytest -m e2e` runs them alone."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """Serve the built site on a free port of 127.0.0.1 for the whole session.

    As GitHub Pages does: under the path of `site_url`, gzip-compressed, and with the
    site's 404 page for anything missing (see scripts/audit/server.py).
    """
    with serve(site, load_config()["site_url"]) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium (or CHROMIUM_PATH); never a downloaded browser."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it (Debian/Ubuntu: "
            "`sudo apt-get install chromium`) or set CHROMIUM_PATH; see README.md."
        )
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield chromium
    chromium.close()
