"""The corridor map draws offline in a real browser: basemap, route, and tooltips on hover."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from dashboard import config
from dashboard.datapackage.vocabularies import MEMBERSHIP_STATUSES
from dashboard.draw import mercator
from dashboard.draw.deck import rgb
from tests.e2e.conftest import open_page
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

MAP = '[data-testid="stDeckGlJsonChart"]'
TEHRAN = (51.42306, 35.69611)  # lon, lat as in data/places.csv
BANDAR_ABBAS = (56.28778, 27.19611)


def near(pixel: tuple[int, ...], color: list[int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], color[:3], strict=True))


def count_near(image: Image.Image, hex_color: str) -> int:
    target = rgb(hex_color)
    return sum(1 for pixel in image.get_flattened_data() if near(pixel, target))


def map_image(page: Page) -> Image.Image:
    return Image.open(io.BytesIO(page.locator(MAP).screenshot())).convert("RGB")


def wait_for_drawing(page: Page, seconds: float = 30) -> Image.Image:
    """The map's screenshot once the basemap and the rail legs are both on it."""

    def drawn() -> Image.Image | None:
        image = map_image(page)
        rail = config.MODE_COLORS["rail"]
        return image if count_near(image, config.LAND_COLOR) and count_near(image, rail) else None

    return wait_for(drawn, "the basemap and the rail legs on the corridor map", seconds)


def screen_point(lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
    """Where web mercator puts (lon, lat) in a map of this size at the first view."""
    x, y = mercator.offset_px(config.MAP_VIEW, lon, lat)
    return width / 2 + x, height / 2 + y


def hover_map(page: Page, *points: tuple[float, float]) -> Locator:
    """Hover the drawn map halfway between `points` (lon, lat) on screen; its tooltip, shown."""
    box = page.locator(f"{MAP} canvas").first.bounding_box()
    spots = [screen_point(*p, box["width"], box["height"]) for p in points]
    x = sum(spot[0] for spot in spots) / len(spots)
    y = sum(spot[1] for spot in spots) / len(spots)
    page.mouse.move(box["x"] + x, box["y"] + y)
    tooltip = page.locator(".deck-tooltip")
    expect(tooltip).to_be_visible()
    return tooltip


def test_corridor_map_draws_basemap_and_route_offline(page: Page, app_url: str):
    outbound: list[str] = []
    page.on("request", lambda r: outbound.append(r.url) if "127.0.0.1" not in r.url else None)
    open_page(page, f"{app_url}/corridor")
    expect(page.locator(MAP)).to_be_visible()
    image = wait_for_drawing(page)
    total = image.width * image.height
    assert count_near(image, config.LAND_COLOR) > total * 0.2, "no land drawn"
    assert count_near(image, config.SEA_COLOR) > total * 0.05, "no sea drawn"
    assert count_near(image, config.BORDER_COLOR) > 200, "no borders drawn"
    assert count_near(image, config.MODE_COLORS["rail"]) > 500, "no rail legs drawn"
    assert count_near(image, config.MODE_COLORS["sea"]) > 300, "no sea legs drawn"
    expect(page.get_by_text("Basemap: Natural Earth")).to_be_visible()
    assert outbound == []


def test_hovering_a_leg_shows_its_tooltip(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor")
    wait_for_drawing(page)
    tooltip = hover_map(page, TEHRAN, BANDAR_ABBAS)
    expect(tooltip).to_contain_text("Tehran – Bandar Abbas")
    expect(tooltip).to_contain_text("Rail · Operational")
    expect(tooltip).to_contain_text("Sources:")


def test_route_summary_lists_legs_in_order(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor")
    # Dataframes carry no .st-key-* class; the legs table is the page's first one.
    legs = page.locator('[data-testid="stDataFrame"]').first
    expect(legs).to_be_visible()
    expect(legs.locator('[data-testid="glide-cell-1-0"]')).to_contain_text("Minsk")
    expect(legs.locator('[data-testid="glide-cell-2-6"]')).to_contain_text("Bandar Abbas")


def test_default_route_card_lists_the_countries_it_crosses_in_order(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor")
    card = page.locator(".st-key-c-route-card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Countries crossed, in order:\nBelarus → Russia → Iran")
    expect(card).to_contain_text("Border crossings (2)")
    expect(card).to_contain_text("Transshipments (2)")
    # beside the map, not below it
    map_box = page.locator(MAP).bounding_box()
    card_box = card.bounding_box()
    assert card_box["x"] >= map_box["x"] + map_box["width"] - 1
    assert card_box["y"] < map_box["y"] + map_box["height"]


def test_the_status_legend_on_the_map_shows_every_status_whole(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor?organization=brics")
    legend = page.locator(".st-key-c-map-legend")
    expect(legend).to_be_visible()
    map_box = page.locator(MAP).bounding_box()
    box = legend.bounding_box()
    assert map_box["x"] <= box["x"]
    assert box["x"] + box["width"] <= map_box["x"] + map_box["width"]
    assert map_box["y"] <= box["y"]
    assert box["y"] + box["height"] <= map_box["y"] + map_box["height"]
    for status in [*MEMBERSHIP_STATUSES.values(), "No status"]:
        label = legend.get_by_text(status, exact=True)
        expect(label).to_be_visible()
        inside = label.bounding_box()
        assert box["x"] <= inside["x"]
        assert inside["x"] + inside["width"] <= box["x"] + box["width"]
        # not cut: the label's text fits its box
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), status
