"""Clear at a glance: what is new is in the first screen of the overview, and the memberships
page opens at a readable length."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e

MEMBERSHIPS_MAX_PX = 5_000  # was 6,700 px when the NAM's 60 lanes led the timeline


def test_most_recent_changes_are_in_the_first_screen_at_1920_by_1080(
    browser: Browser, app_url: str
):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    try:
        open_page(page, app_url)
        heading = page.get_by_role("heading", name="Most recent changes")
        expect(heading).to_be_visible()
        box = heading.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= 1080
        table = page.locator(".st-key-o-recent [data-testid='stDataFrame']")
        expect(table).to_be_visible()
        assert table.bounding_box()["y"] < 1080 - 100  # its first rows too
    finally:
        context.close()


def test_memberships_opens_at_a_readable_length(browser: Browser, app_url: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        open_page(page, f"{app_url}/memberships")
        expect(page.locator(".st-key-m-timeline")).to_be_visible()
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        assert height <= MEMBERSHIPS_MAX_PX
        expect(page.locator(".st-key-m-include")).to_contain_text("Include NAM")
    finally:
        context.close()
