"""Share and present: deep links reproduce views, presenter mode, downloads hold what is shown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.derive.filters import AgreementFilter, filter_agreements
from dashboard.draw.export import PNG_SCALE
from tests.draw.test_export import png_size, svg_size
from tests.e2e.conftest import open_page, wait_idle
from tests.e2e.test_explore import choose
from tests.ui.test_cache import zipped

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def health_iran() -> set[str]:
    """Titles of the bundled agreements in the health sector with Iran as a party."""
    pkg = load_package(DEFAULT_DATA_DIR)
    shown = filter_agreements(
        pkg["agreements"], AgreementFilter(sectors=("health",), parties=("IRN",))
    )
    return set(shown["title"])


def download(page: Page, button) -> bytes:
    with page.expect_download() as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def test_deep_link_reproduces_the_view(page: Page, app_url: str, health_iran: set[str]):
    open_page(page, f"{app_url}/agreements?sector=health&party=IRN&bogus=1")
    expect(page.locator(".st-key-a-sector")).to_contain_text("Health")
    expect(page.locator(".st-key-a-party")).to_contain_text("Iran")
    metric = page.locator('[data-testid="stMetric"]', has_text="Agreements").first
    expect(metric).to_contain_text(str(len(health_iran)))
    expect(page.locator(".st-key-url-notices")).to_contain_text("Ignored unknown parameter 'bogus'")
    assert "bogus" not in page.url  # the URL now says only what the view shows
    assert "sector=health" in page.url


def test_changing_a_filter_updates_the_link(page: Page, app_url: str):
    open_page(page, f"{app_url}/memberships")
    choose(page, "m-org", "SCO — Shanghai Cooperation Organisation")
    # leave the picker first: its chip ('SCO — Shanghai Cooperation Organisation') fills the
    # row, so the picker is a line shorter once it loses focus and the sidebar moves up
    page.locator('[data-testid="stMain"] h1').first.click()
    wait_idle(page)
    expect(page).to_have_url(f"{app_url}/memberships?organization=sco")
    page.locator(".st-key-share").get_by_role("button").click()
    expect(page.get_by_text(f"{app_url}/memberships?organization=sco")).to_be_visible()


def test_presenter_mode_hides_sidebar_and_steps_through_pages(page: Page, app_url: str):
    open_page(page, f"{app_url}/agreements?present=1&sector=health")
    expect(page.locator('section[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.locator(".st-key-presenter-bar")).to_contain_text("sector: Health")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{app_url}/corridor?present=1")
    wait_idle(page)
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text("Corridor")
    expect(page.locator('section[data-testid="stSidebar"]')).to_be_hidden()
    page.locator(".st-key-present-exit button").locator("visible=true").first.click()
    wait_idle(page)
    expect(page.locator('section[data-testid="stSidebar"]')).to_be_visible()
    expect(page).to_have_url(f"{app_url}/corridor")


def test_downloads_hold_what_the_view_shows(page: Page, app_url: str, health_iran: set[str]):
    open_page(page, f"{app_url}/agreements?sector=health&party=IRN")
    table = download(page, page.locator(".st-key-a-table-csv button"))
    rows = list(csv.DictReader(io.StringIO(table.decode("utf-8"))))
    assert {r["Title"] for r in rows} == health_iran
    assert all("Health" in r["Sectors"] for r in rows)

    svg = download(page, page.locator(".st-key-a-timeline-svg button"))
    text = svg.decode("utf-8")
    assert "Agreements by date signed" in text
    assert "sector: Health" in text
    assert "Sources:" in text
    png = download(page, page.locator(".st-key-a-timeline-png button"))
    width, height = svg_size(text)  # the same chart, caption included, drawn at PNG_SCALE
    assert png_size(png) == (width * PNG_SCALE, height * PNG_SCALE)

    archive = download(page, page.locator(".st-key-download-package button"))
    folder = Path(DEFAULT_DATA_DIR)
    files = [*sorted(folder.glob("*.csv")), folder / "README.md"]
    assert zipped(archive) == {f"data/{path.name}": path.read_bytes() for path in files}
