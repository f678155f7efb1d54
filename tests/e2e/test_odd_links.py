"""Odd links in a browser: what they quote is text (never a link), a deeply nested story file
is refused with a notice, and a story whose links list parameters in another order is stepped
through."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from playwright.sync_api import Page, expect

from dashboard.ui import story_codec
from dashboard.ui.story_codec import View
from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e
MAIN = '[data-testid="stMain"]'
OWN = ':not([data-testid="stPageLink-NavLink"])'  # the story's own links to its views


def _token(data: object) -> str:
    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def test_plain_https_text_in_a_story_link_is_shown_but_not_a_link(page: Page, app_url: str):
    views = (
        View("Search", "/agreements?q=https://evil.example/go+www.evil.example+me@evil.example"),
    )
    open_page(page, f"{app_url}/story?story={story_codec.encode(views)}")
    expect(page.locator(MAIN)).to_contain_text("evil.example/go")
    expect(page.locator(f'{MAIN} a[href*="evil"]{OWN}')).to_have_count(0)
    page.screenshot(path="/tmp/odd-links-story-caption.png")


def test_a_refused_story_link_shows_a_notice_without_a_link(page: Page, app_url: str):
    link = "[Click here to continue](https://evil.example/)"
    open_page(page, f"{app_url}/story?story={_token({'views': [{'title': 'x', 'link': link}]})}")
    alert = page.locator('[data-testid="stAlertContentWarning"]')
    expect(alert).to_contain_text("This link's story cannot be read")
    expect(page.get_by_text("Click here")).to_have_count(0)
    expect(page.locator(f'{MAIN} a[href*="evil"]{OWN}')).to_have_count(0)


def test_a_story_file_of_deeply_nested_json_is_refused_with_a_notice(
    page: Page, app_url: str, tmp_path
):
    file = tmp_path / "nested.json"
    file.write_bytes(b'{"views": ' + b"[" * 50_000)
    open_page(page, f"{app_url}/story")
    page.locator(".st-key-story-file input[type=file]").set_input_files(str(file))
    expect(page.get_by_text("This file cannot be opened")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_a_story_whose_links_list_parameters_in_another_order_is_stepped_through(
    page: Page, app_url: str
):
    views = (
        View("SCO in 2016", "/memberships?as_of=2016-01-01&organization=sco"),
        View("Health deals", "/agreements?party=IRN&sector=tourism&sector=health"),
        View("The corridor", "/corridor"),
    )
    open_page(page, f"{app_url}/story?story={story_codec.encode(views)}")  # opens the show
    bar = page.locator(".st-key-presenter-bar")
    expect(bar).to_contain_text("View 1 of 3")
    page.keyboard.press("ArrowRight")
    expect(bar).to_contain_text("View 2 of 3")
    assert page.evaluate("location.pathname") == "/agreements"
    page.keyboard.press("ArrowRight")
    expect(bar).to_contain_text("View 3 of 3")
    assert page.evaluate("location.pathname") == "/corridor"
