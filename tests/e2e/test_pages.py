"""Every route opens in a real browser with real content and no exception."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import write_package
from tests.e2e.conftest import Server, open_page

pytestmark = pytest.mark.e2e

# route → (title, an element that only real content produces)
ROUTES = {
    "": ("Who belongs where", '[data-testid="stDataFrame"]'),
    "memberships": ("Memberships", '[data-testid="stVegaLiteChart"]'),
    "country?country=IRN": ("Country profile", '[data-testid="stVegaLiteChart"]'),
    "country": ("Country profile", '[data-testid="stSelectbox"]'),
    "changes": ("What changed", '[data-testid="stVegaLiteChart"]'),
    "story": ("Story", '[data-testid="stFileUploader"]'),
    "agreements": ("Agreements", '[data-testid="stVegaLiteChart"]'),
    "corridor": ("Corridor", '[data-testid="stDataFrame"]'),
    "sources": ("Sources", '[data-testid="stDataFrame"]'),
    "data-quality": ("Data quality", '[data-testid="stAlertContentSuccess"]'),
}


@pytest.mark.parametrize(("route", "expected"), ROUTES.items())
def test_route_renders(page: Page, app_url: str, route: str, expected: tuple[str, str]):
    title, content = expected
    open_page(page, f"{app_url}/{route}")
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text(title)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator(content).first).to_be_visible()
    expect(page.locator(".st-key-data-notice")).to_have_count(0)


def test_damaged_package_shows_notice_and_listing(page: Page, tmp_path):
    folder = write_package(
        tmp_path / "bad",
        {
            "places": [
                "id,name,country,kind,lat,lon,note,source_ids",
                "minsk,Minsk,BLR,city,95,27.57,,src-a",
                "moscow,Moscow,RUS,city,55.75,37.62,,src-a",
                "tehran,Tehran,IRN,city,35.69,51.42,,src-a",
            ]
        },
    )
    (folder / "events.csv").write_bytes(b"id,date\n\xff\xfe\n")
    server = Server(folder)
    try:
        open_page(page, f"{server.url}/memberships")
        notice = page.locator(".st-key-data-notice")
        expect(notice).to_be_visible()
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        notice.get_by_text("See every problem").click()
        expect(page).to_have_url(f"{server.url}/data-quality")
        expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text("Data quality")
        grid = page.locator(".st-key-dq-table")
        expect(grid).to_be_visible()
        expect(grid).to_contain_text("places.csv")
        expect(grid).to_contain_text("events.csv")
    finally:
        server.stop()
