"""The app at the breadth of the Correlates of War data, in a real browser.

Imports COW's own files from ../shared/cow (CI has them beside the clone: there this test never
skips), validates the layered package `cow:data`, and opens the pages on it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from dashboard import config
from dashboard.__main__ import main
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from tests.e2e.conftest import Server, open_page
from tests.e2e.test_corridor import MAP, count_near, map_image
from tests.layered import cow_files
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

# route → an element that only real content produces
ROUTES = {
    "": ".st-key-o-status svg.marks",
    "memberships": ".st-key-m-matrix svg.marks",
    "agreements": ".st-key-a-timeline svg.marks",
    "corridor": MAP,
}
RENDER_SECONDS = 20  # a first render on 2 cores, with room to spare


def blend(hex_color: str, alpha: int, under: str) -> str:
    """The colour a translucent fill gives over another colour."""
    top, bottom = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5)), under
    low = [int(bottom[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(t * alpha / 255 + b * (1 - alpha / 255)) for t, b in zip(top, low, strict=True)]
    return "#" + "".join(f"{c:02X}" for c in mixed)


@pytest.fixture(scope="module")
def cow_server(tmp_path_factory) -> Iterator[str]:
    """The app on `cow:data`, imported and validated with the project's own commands."""
    igo, states = cow_files()
    folder = tmp_path_factory.mktemp("cow") / "cow"
    assert main(["import-cow", str(igo), str(states), str(folder)]) == 0
    layered = f"{folder}:{DEFAULT_DATA_DIR}"
    assert main(["validate", layered]) == 0  # no problem in the layered package
    server = Server(layered)
    yield server.url
    server.stop()


@pytest.mark.parametrize(("route", "content"), ROUTES.items())
def test_route_renders_on_cow_data(page: Page, cow_server: str, route: str, content: str):
    started = time.monotonic()
    open_page(page, f"{cow_server}/{route}")
    expect(page.locator(content).first).to_be_visible()
    assert time.monotonic() - started < RENDER_SECONDS
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator(".st-key-data-notice")).to_have_count(0)


def test_overview_chart_keeps_to_the_organizations_that_matter(page: Page, cow_server: str):
    open_page(page, cow_server)
    bars = page.locator(".st-key-o-status svg.marks g.mark-rect path")
    expect(bars.first).to_be_visible()
    labels = bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || '')")
    organizations = {label.split("Organization: ")[1].split(";")[0] for label in labels}
    assert len(organizations) == config.OVERVIEW_BARS
    assert {"SCO", "BRICS", "EAEU (partial)"} <= organizations  # led by what the dashboard is about
    assert "NAM (partial)" not in organizations  # one click away, on /memberships
    expect(page.get_by_text("Left out for their size: NAM")).to_be_visible()
    expect(page.get_by_text(f"Showing {config.OVERVIEW_BARS} of ")).to_be_visible()


def test_the_1985_grid_shows_the_warsaw_pact_and_the_cmea_with_the_gdr(page: Page, cow_server: str):
    query = "organization=wpact&organization=cmea&as_of=1985-06-30"
    open_page(page, f"{cow_server}/memberships?{query}")
    expect(page.get_by_text("Status on 1985-06-30")).to_be_visible()
    cells = page.locator(".st-key-m-matrix svg.marks g.mark-rect path")
    expect(cells.first).to_be_visible()
    labels = cells.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || '')")
    gdr = [label for label in labels if "Country: German Democratic Republic" in label]
    assert {label.split("Organization: ")[1].split(";")[0] for label in gdr} == {"WPact", "CMEA"}
    assert all("Record: year precision, COW IGO v3" in label for label in gdr)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_the_map_shades_the_warsaw_pact_and_lists_the_gdr(page: Page, cow_server: str):
    open_page(page, f"{cow_server}/corridor?organization=wpact&as_of=1985-06-30")
    listed = page.locator(".st-key-c-shaded")
    expect(listed).to_contain_text("WPact on 1985-06-30: 7 countries with a status, 4 shaded")
    expect(listed).to_contain_text("German Democratic Republic")
    # a shaded country is its status colour, translucent, over the land (a layer of its own,
    # which also gives the country's tooltip)
    member = blend(config.STATUS_COLORS["member"], config.MEMBERSHIP_SHADE_ALPHA, config.LAND_COLOR)
    # the basemap, and the shading over it, arrive after the first frame
    wait_for(
        lambda: count_near(map_image(page), member) >= 2000,
        "Poland, Hungary… shaded in the member colour over the land",
    )
