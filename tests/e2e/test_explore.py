"""Journeys on the explore pages: filters and the as-of date change what is drawn."""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.derive.filters import AgreementFilter, filter_agreements
from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e


def marks(page: Page, key: str, mark: str) -> int:
    """How many Vega-Lite marks of a kind the chart with this key draws."""
    chart = page.locator(f".st-key-{key} svg.marks")
    expect(chart.first).to_be_visible()
    return chart.locator(f"g.mark-{mark} path").count()


def metric(page: Page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def choose(page: Page, key: str, option: str) -> None:
    """Pick an option in the multiselect with this key, and see its chip appear.

    On a loaded machine a rerun can move the list under the pointer: the pick is tried again.
    """
    box = page.locator(f".st-key-{key}")
    for attempt in range(3):
        box.locator("input").click()
        page.get_by_role("option", name=option).first.click()
        try:
            expect(box).to_contain_text(option, timeout=10_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
            wait_idle(page)
            if attempt == 2:
                raise
    page.keyboard.press("Escape")
    wait_idle(page)


@pytest.fixture(scope="module")
def agreements() -> pd.DataFrame:
    """The bundled agreements."""
    return load_package(DEFAULT_DATA_DIR)["agreements"]


def test_filter_agreements_by_sector_changes_table_and_timeline(
    page: Page, app_url: str, agreements: pd.DataFrame
):
    open_page(page, f"{app_url}/agreements")
    all_count = int(metric(page, "Agreements").replace(",", ""))
    assert all_count == len(agreements)
    all_points = marks(page, "a-timeline", "symbol")
    assert all_points > 10
    choose(page, "a-sector", "Health")
    expect(
        page.locator('[data-testid="stMetric"]', has_text="Agreements").first
    ).not_to_contain_text(str(all_count))
    health = int(metric(page, "Agreements").replace(",", ""))
    titles = set(filter_agreements(agreements, AgreementFilter(sectors=("health",)))["title"])
    assert health == len(titles)
    points = page.locator(".st-key-a-timeline svg.marks g.mark-symbol path")
    expect(points).not_to_have_count(all_points)  # the chart redraws after the rerun
    assert 0 < points.count() < all_points
    labels = page.locator(".st-key-a-timeline svg.marks g.mark-symbol path").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || '')"
    )
    # one point per agreement and sector: each health agreement has exactly one health point
    assert sum("Sector: Health" in label for label in labels) == health
    # the table lists the health agreements (its first column after the index is the title)
    title_cells = page.locator('.st-key-a-table [data-testid^="glide-cell-1-"]')
    expect(title_cells).to_have_count(health)
    assert set(title_cells.all_text_contents()) == titles


def test_moving_as_of_date_changes_matrix(page: Page, app_url: str):
    open_page(page, f"{app_url}/memberships")
    today_cells = marks(page, "m-matrix", "rect")
    assert today_cells > 30
    # the date field is made of year/month/day spin buttons; it commits when it loses focus
    page.locator(".st-key-m-as-of").get_by_role("spinbutton", name="year").click()
    page.keyboard.type("20050101")
    page.locator('[data-testid="stMain"] h1').first.click()
    wait_idle(page)
    expect(page.get_by_text("Status on 2005-01-01")).to_be_visible()
    cells = page.locator(".st-key-m-matrix svg.marks g.mark-rect path")
    expect(cells).not_to_have_count(today_cells)
    early_cells = cells.count()
    assert 0 < early_cells < today_cells
    labels = page.locator(".st-key-m-matrix svg.marks g.mark-rect path").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || '')"
    )
    assert any("Belarus" in label for label in labels)  # e.g. the CIS
    assert not any("Belarus" in label and "SCO" in label for label in labels)  # SCO only from 2010


def test_filter_matching_nothing_shows_message(page: Page, app_url: str):
    open_page(page, f"{app_url}/agreements")
    box = page.locator(".st-key-a-q input")
    box.fill("no agreement is called this")
    box.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("No agreements match these filters")).to_be_visible()
    expect(page.locator(".st-key-a-timeline")).to_have_count(0)
