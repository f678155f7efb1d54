"""Journey: build a story of three views, then step through it in presenter mode."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dashboard.ui import story_codec
from dashboard.ui.story_codec import View
from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e


def add_view(page: Page, title: str) -> None:
    page.locator(".st-key-story button").locator("visible=true").first.click()
    box = page.locator(".st-key-story-new-title input")
    box.fill(title)
    box.press("Enter")
    wait_idle(page)
    page.locator(".st-key-story-add button").locator("visible=true").click()
    wait_idle(page)
    page.keyboard.press("Escape")


def go(page: Page, name: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=name).click()
    wait_idle(page)


def test_build_a_story_of_three_views_and_present_it(page: Page, app_url: str):
    open_page(page, f"{app_url}/memberships?organization=sco&as_of=2016-01-01")
    add_view(page, "SCO in 2016")
    go(page, "What changed")
    add_view(page, "Changes")
    go(page, "Corridor")
    add_view(page, "The corridor")
    go(page, "Story")
    titles = page.locator("[class*='st-key-story-title-'] input")
    expect(titles).to_have_count(3)
    assert titles.evaluate_all("els => els.map(e => e.value)") == [
        "SCO in 2016",
        "Changes",
        "The corridor",
    ]
    assert "story=" in page.evaluate("location.search")  # the story as one link

    page.locator(".st-key-story-present button").locator("visible=true").click()
    wait_idle(page)
    bar = page.locator(".st-key-presenter-bar")
    expect(bar).to_contain_text("View 1 of 3")
    assert page.evaluate("location.pathname") == "/memberships"
    assert "as_of=2016-01-01" in page.evaluate("location.search")
    expect(page.locator('section[data-testid="stSidebar"]')).to_be_hidden()

    page.keyboard.press("ArrowRight")
    expect(bar).to_contain_text("View 2 of 3")
    assert page.evaluate("location.pathname") == "/changes"
    page.keyboard.press("ArrowRight")
    expect(bar).to_contain_text("View 3 of 3")
    assert page.evaluate("location.pathname") == "/corridor"
    page.keyboard.press("ArrowLeft")
    expect(bar).to_contain_text("View 2 of 3")
    # the view's own title is its heading
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Changes")


def test_a_story_travels_as_one_link_and_as_a_file(page: Page, app_url: str, tmp_path):
    views = (
        View("SCO in 2016", "/memberships?organization=sco&as_of=2016-01-01"),
        View("Минск – Тегеран", "/country?country=IRN"),
        View("The corridor", "/corridor"),
    )
    open_page(page, f"{app_url}/story?story={story_codec.encode(views)}")  # a new session
    # the link opens the show on its first view; its editor is one click away
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("SCO in 2016")
    page.locator(".st-key-present-edit button").locator("visible=true").first.click()
    wait_idle(page)
    titles = page.locator("[class*='st-key-story-title-'] input")
    expect(titles).to_have_count(3)
    with page.expect_download() as saved:
        page.locator(".st-key-story-save button").locator("visible=true").click()
    file = tmp_path / "story.json"
    saved.value.save_as(file)
    assert story_codec.from_file(file.read_bytes()) == views

    page.locator(".st-key-story-clear button").locator("visible=true").click()
    wait_idle(page)
    expect(titles).to_have_count(0)
    page.locator(".st-key-story-file input[type=file]").set_input_files(str(file))
    expect(titles).to_have_count(3)
    assert titles.evaluate_all("els => els.map(e => e.value)")[1] == "Минск – Тегеран"
