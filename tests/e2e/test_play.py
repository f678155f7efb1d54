"""Journeys: play the years on the as-of grid; the map's shaded countries and its PNG."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from dashboard import config
from tests.e2e.conftest import open_page, wait_idle
from tests.e2e.test_corridor import count_near, hover_map, wait_for_drawing
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e
DRAWING_MS = 90_000  # a download drawn on the server while the other worker runs tests

SCO_2003 = ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan"]


def visible(page: Page, key: str):
    """The button keyed `key` (Streamlit also renders a hidden copy for measuring)."""
    return page.locator(f".st-key-{key} button").locator("visible=true")


def cells(page: Page) -> tuple[str, ...]:
    marks = page.locator(".st-key-m-matrix svg.marks g.mark-rect path")
    return tuple(marks.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || '')"))


def test_press_play_and_the_grid_changes(page: Page, app_url: str):
    open_page(page, f"{app_url}/memberships?organization=sco&as_of=2003-01-01")
    seen = [cells(page)]
    # on 2003-01-01 the SCO was its six founders
    assert sorted(label.split("Country: ")[1].split(";")[0] for label in seen[0]) == SCO_2003
    assert all("Status: Founding member" in label for label in seen[0])
    visible(page, "m-play").click()

    def changed_twice() -> bool:
        seen.append(cells(page))
        return len(set(seen)) >= 3

    wait_for(changed_twice, "the grid to change twice while playing", 30)
    visible(page, "m-play").click()  # pause
    wait_idle(page)
    query = page.evaluate("location.search")
    assert "as_of=" in query
    assert "as_of=2003-01-01" not in query  # the paused frame is in the link
    heading = page.locator('[data-testid="stMain"] h3', has_text="Status on").first
    expect(heading).to_contain_text(query.split("as_of=")[1][:10])


def test_hover_a_shaded_country_reads_name_status_and_since(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor?organization=sco&as_of=2025-01-01")
    wait_for_drawing(page)
    tooltip = hover_map(page, (56.0, 47.5))  # the steppe of western Kazakhstan, clear of the legend
    expect(tooltip).to_contain_text("Kazakhstan")
    expect(tooltip).to_contain_text("Founding member of SCO since 2001-06-15")
    expect(tooltip).to_contain_text("Sources:")


def test_download_the_map_png_with_title_and_attribution(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor?organization=sco&as_of=2025-01-01")
    # the image is drawn when clicked (4-5 s of one core on a busy 2-core machine)
    with page.expect_download(timeout=DRAWING_MS) as info:
        visible(page, "c-map-png").click()
    image = Image.open(io.BytesIO(Path(info.value.path()).read_bytes()))
    image.load()
    assert image.text["Title"] == "Minsk–Caspian–Persian Gulf corridor"
    assert image.text["Copyright"].startswith("Basemap: Natural Earth")
    assert image.text["Description"].startswith("SCO on 2025-01-01: ")
    drawn = image.convert("RGB").resize((image.width // 4, image.height // 4))
    assert count_near(drawn, config.LAND_COLOR) > 1000, "no land drawn"
    assert count_near(drawn, config.SEA_COLOR) > 1000, "no sea drawn"
    with page.expect_download(timeout=DRAWING_MS) as info:
        visible(page, "c-map-svg").click()
    svg = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Minsk–Caspian–Persian Gulf corridor" in svg  # drawn as text in the image
    assert "Basemap: Natural Earth" in svg
