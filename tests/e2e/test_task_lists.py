"""Checked task-list boxes persist in the browser, and bad saved state is ignored."""

from __future__ import annotations

from playwright.sync_api import Browser

CHECKLIST = "final-tips/"
BOXES = "article li.task-list-item input[type=checkbox]"


def test_checked_boxes_survive_a_reload(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base_url + CHECKLIST, wait_until="networkidle")
        boxes = page.locator(BOXES)
        assert boxes.count() >= 2
        boxes.nth(1).check(force=True)  # the real input sits under a styled indicator
        page.reload(wait_until="networkidle")
        assert page.locator(BOXES).nth(1).is_checked()
        assert not page.locator(BOXES).nth(0).is_checked()

        page.evaluate(
            "Object.keys(localStorage).filter(k => k.startsWith('mle-guide:tasks:'))"
            ".forEach(k => localStorage.setItem(k, '{not json'))"
        )
        page.reload(wait_until="networkidle")
        assert not page.locator(BOXES).nth(1).is_checked()
        page.locator(BOXES).nth(0).check(force=True)
        page.reload(wait_until="networkidle")
        assert page.locator(BOXES).nth(0).is_checked()
        assert errors == []
    finally:
        context.close()
