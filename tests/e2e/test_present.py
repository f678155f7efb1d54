"""Presenter mode on a projector (1280×720): every page's own content starts in the top half,
a story link opens the show, steps settle, and a link carries its theme."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.ui import room, story_codec
from dashboard.ui.story_codec import View
from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e

CHART = '[data-testid="stVegaLiteChart"]'
MAP = '[data-testid="stDeckGlJsonChart"]'
TABLE = '[data-testid="stDataFrame"]'
# route → the page's first chart, map or table (the story page without a story: its notice;
# the data-quality page of a valid package: its verdict)
MAIN = {
    "": CHART,
    "memberships": CHART,
    "country?country=IRN": TABLE,
    "changes": CHART,
    "agreements": CHART,
    "corridor?organization=sco": MAP,
    "story": '[data-testid="stAlert"]',
    "sources": TABLE,
    "data-quality": '[data-testid="stAlertContentSuccess"]',
}
STORY = (
    View("SCO in 2016", "/memberships?organization=sco&as_of=2016-01-01"),
    View("Iran at a glance", "/country?country=IRN"),
    View("Minsk to the Gulf", "/corridor?organization=sco"),
)
# a bound for a shared, busy 2-core machine, not the target: the figures are printed (-s); on
# 2026-12-03, under load, steps took 2.0, 4.1, 17.7 (back to the country profile) and 3.5 s
SETTLE_SECONDS = 30.0
SETTLED = """([path, title, main]) => location.pathname === path
  && (document.querySelector('[data-testid=stMain] h1') || {innerText: ''}).innerText === title
  && !document.querySelector('[data-testid=stStatusWidget]')
  && [...document.querySelectorAll(main)].some(e => e.getBoundingClientRect().height > 0)"""

# the size of a paragraph of body text on the page
BODY_PX = """() => { const p = document.createElement('p'); p.textContent = 'x';
  document.querySelector('[data-testid=stMainBlockContainer]').appendChild(p);
  const px = parseFloat(getComputedStyle(p).fontSize); p.remove(); return px; }"""

DARK = "rgb(15, 25, 35)"  # [theme.dark] backgroundColor in .streamlit/config.toml


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    """A page the size of a projector's screen."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    yield context.new_page()
    context.close()


def top(page: Page, selector: str) -> float:
    element = page.locator(selector).locator("visible=true").first
    expect(element).to_be_visible()
    box = element.bounding_box(timeout=60_000)  # a map takes a while to draw on a busy machine
    assert box is not None
    return box["y"]


@pytest.mark.parametrize("route", MAIN)
def test_each_page_starts_its_content_in_the_top_half(projector: Page, app_url: str, route: str):
    mark = "&" if "?" in route else "?"
    open_page(projector, f"{app_url}/{route}{mark}present=1")
    assert top(projector, MAIN[route]) < 360
    assert projector.evaluate("scrollY") == 0
    expect(projector.locator(".st-key-presenter-row")).to_be_visible()
    row = projector.locator(".st-key-presenter-row").first.bounding_box()
    assert row is not None
    assert row["height"] < 80  # one slim row: heading, chips and steps
    body = projector.evaluate(BODY_PX)
    assert body == room.ROOM_PX  # what chart axes, legends and map labels are drawn at


def settle(page: Page, key: str, view: View) -> float:
    """Seconds from pressing `key` to the view's heading and its first content on screen."""
    main = {"/memberships": CHART, "/country": TABLE, "/corridor": MAP}
    path = story_codec.split_link(view.link)[0]
    started = time.perf_counter()
    page.keyboard.press(key)
    page.wait_for_function(
        SETTLED, arg=[f"/{path}", view.title, main[f"/{path}"]], timeout=60_000, polling=50
    )
    return time.perf_counter() - started


def test_a_story_link_opens_the_show_and_steps_settle(projector: Page, app_url: str):
    started = time.perf_counter()
    open_page(projector, f"{app_url}/story?story={story_codec.encode(STORY)}")
    projector.wait_for_function(
        SETTLED, arg=["/memberships", STORY[0].title, CHART], timeout=60_000, polling=50
    )
    opening = time.perf_counter() - started
    expect(projector.locator(".st-key-presenter-bar")).to_contain_text("View 1 of 3")
    assert projector.evaluate("location.pathname") == "/memberships"
    assert "present=1" in projector.evaluate("location.search")
    expect(projector.locator('[data-testid="stMain"] h1').first).to_have_text("SCO in 2016")
    expect(projector.locator('section[data-testid="stSidebar"]')).to_be_hidden()
    expect(projector.locator(".st-key-story-file")).to_have_count(0)  # not the editor

    seconds = []
    for key, at in (("ArrowRight", 1), ("ArrowRight", 2), ("ArrowLeft", 1), ("ArrowLeft", 0)):
        seconds.append(settle(projector, key, STORY[at]))
        expect(projector.locator(".st-key-presenter-bar")).to_contain_text(f"View {at + 1} of 3")
        time.sleep(1)  # a presenter reads the slide
    print(f"opening {opening:.2f} s; steps settle in", ", ".join(f"{s:.2f}" for s in seconds))
    assert max(seconds) < SETTLE_SECONDS

    projector.locator(".st-key-present-edit button").locator("visible=true").first.click()
    expect(projector.locator('[data-testid="stMain"] h1').first).to_have_text("Story")
    expect(projector.locator("[class*='st-key-story-title-'] input")).to_have_count(3)


def test_a_link_carries_its_theme_through_the_show(projector: Page, app_url: str):
    app = projector.locator('[data-testid="stApp"]')
    open_page(projector, f"{app_url}/agreements?present=1&embed_options=dark_theme")
    expect(app).to_have_css("background-color", DARK)
    projector.keyboard.press("ArrowRight")  # the next page keeps it
    expect(projector).to_have_url(f"{app_url}/corridor?embed_options=dark_theme&present=1")
    expect(app).to_have_css("background-color", DARK)


def test_the_link_shared_carries_the_theme_shown(page: Page, app_url: str):
    open_page(page, f"{app_url}/corridor?embed_options=dark_theme")
    expect(page.locator('[data-testid="stApp"]')).to_have_css("background-color", DARK)
    page.locator(".st-key-share").get_by_role("button").click()
    expect(page.get_by_text(f"{app_url}/corridor?embed_options=dark_theme")).to_be_visible()
