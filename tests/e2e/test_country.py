"""Journeys: a country's profile from the memberships table; what changed in 2023–2024."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dashboard.ui.show import WRAP_ROW_PX
from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e

ROW_PX = 35  # height of a dataframe's header and of each row


def click_first_link(page: Page, grid_key: str, row: int = 0, row_px: int = ROW_PX) -> None:
    """Click the first link of a row in a dataframe (links show a pointer cursor); `row_px`:
    its rows' height (taller where long text wraps)."""
    grid = page.locator(f".st-key-{grid_key} [data-testid='stDataFrame']")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    canvas = grid.locator("canvas").first
    y = box["y"] + ROW_PX + row_px * row + row_px / 2
    for x in range(int(box["x"]) + 5, int(box["x"] + box["width"]) - 5, 6):
        page.mouse.move(x, y)
        if canvas.evaluate("c => getComputedStyle(c).cursor") == "pointer":
            page.mouse.click(x + 3, y)
            return
    pytest.fail(f"no link in row {row} of {grid_key}")


def test_from_the_memberships_table_open_belarus_profile(page: Page, app_url: str):
    open_page(page, f"{app_url}/memberships?country=BLR")
    table = page.locator(".st-key-m-table")
    expect(table.locator('[data-testid="glide-cell-1-0"]')).to_contain_text("country=BLR")
    with page.context.expect_page() as opened:  # a link in a table opens a new tab
        click_first_link(page, "m-table", row_px=WRAP_ROW_PX)  # its notes wrap
    profile = opened.value
    wait_idle(profile)
    assert "/country?country=BLR" in profile.url
    expect(profile.locator('[data-testid="stMain"] h2').first).to_have_text("Belarus")
    member_of = profile.locator('[data-testid="stMetric"]', has_text="Member of")
    expect(member_of.locator('[data-testid="stMetricValue"]')).not_to_have_text("0")
    expect(profile.locator(".st-key-p-timeline svg.marks")).to_be_visible()
    expect(profile.locator(".st-key-p-peers")).to_contain_text("Russia")
    expect(profile.locator('[data-testid="stDeckGlJsonChart"]')).to_be_visible()
    expect(profile.locator('[data-testid="stException"]')).to_have_count(0)


def test_what_changed_in_2023_and_2024(page: Page, app_url: str):
    # the status changes alone: rows of wrapped text are tall, and the grid draws only those in view
    query = "from=2023-01-01&to=2024-12-31&organization=sco&kind=status_changed"
    open_page(page, f"{app_url}/changes?{query}")
    whats = page.locator(".st-key-ch-table [data-testid^='glide-cell-2-']")
    expect(whats.first).to_be_attached()  # the grid draws on a canvas; cells are for readers
    texts = whats.all_inner_texts()
    assert "Iran: observer → member in SCO" in texts
    assert "Belarus: observer → member in SCO" in texts
    bars = page.locator(".st-key-ch-by-month svg.marks g.mark-rect path")
    expect(bars.first).to_be_attached()
    labels = bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || '')")
    assert any("2023-07" in label and "Status changed" in label for label in labels)

    open_page(page, f"{app_url}/changes?from=2024-01-01&to=2024-01-31&organization=brics")
    whats = page.locator(".st-key-ch-table [data-testid^='glide-cell-2-']")
    expect(whats.first).to_be_attached()
    texts = whats.all_inner_texts()
    joined = {t for t in texts if t.endswith("joins BRICS as member")}
    assert joined == {
        f"{country} joins BRICS as member"
        for country in ("Egypt", "Ethiopia", "Iran", "United Arab Emirates")
    }
