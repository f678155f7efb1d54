"""Odd links (AppTest): every one opens its page with a notice, never an exception, and what
it quotes is shown as text."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from dashboard.site import DATE, PAGES
from dashboard.ui import story_codec
from dashboard.ui.story_codec import View
from tests.conftest import open_app, present_story

pytestmark = pytest.mark.usefixtures("bundled_app")

STORY = "dashboard/views/story.py"
WORD_JOINER = "\u2060"  # what breaks an address in Markdown
DATED = [(page, param.name) for page in PAGES for param in page.params if param.kind == DATE]


def _token(data: object) -> str:
    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def _notices(at) -> list[str]:
    return [t.value for t in at.text if t.value.startswith("Ignored ")]


@pytest.mark.parametrize(
    ("page", "name"), DATED, ids=[f"{p.url_path or 'home'}-{n}" for p, n in DATED]
)
def test_a_date_outside_the_pickers_range_shows_the_ignored_notice(page, name):
    at = open_app(page.script, **{name: "0001-01-01"})  # fails on an exception
    assert f"Ignored {name}=0001-01-01: not a date from 1900-01-01 to 2100-12-31." in _notices(at)
    at = open_app(page.script, **{name: "9999-12-31"})
    assert any(n.startswith(f"Ignored {name}=9999-12-31") for n in _notices(at))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "home")
def test_odd_queries_open_every_page_with_notices(page):
    """Unknown, repeated, empty, very long and odd-unicode parameters at once."""
    odd = ["", "x" * 5_000, "\u202e\u200b", "[a](https://evil.example)", "ﷺ🏳️‍🌈", "-1"]
    query = {p.name: odd for p in page.params} | {"bogus": ["1", "2"], "\u202e": ["x"]}
    at = open_app(page.script, **query)  # fails on an exception
    assert "Ignored unknown parameter 'bogus'." in _notices(at)


def test_a_96_character_story_link_of_deeply_nested_json_shows_a_notice():
    token = base64.urlsafe_b64encode(zlib.compress(b"[" * 50_000, 9)).decode().rstrip("=")
    assert len(token) <= 96
    at = open_app(STORY, story=token)
    assert [w.value for w in at.warning] == [
        "This link's story cannot be read: the story link is damaged \\(it may have been cut "
        "short\\)."
    ]


def test_a_refused_story_link_is_not_rendered_as_markdown():
    link = "[Click here to continue](https://evil.example/)"
    at = open_app(STORY, story=_token({"views": [{"title": "x", "link": link}]}))
    [warning] = [w.value for w in at.warning]
    assert warning.startswith("This link's story cannot be read")
    assert "Click" not in warning
    assert "evil" not in warning


def test_plain_https_text_in_a_story_link_is_not_a_link():
    views = (View("Search", "/agreements?q=https://evil.example/go"),)
    at = open_app(STORY, story=story_codec.encode(views))  # the link opens the show
    at.button(key="present-edit").click().run()  # the editor lists each view's link
    captions = [c.value for c in at.caption if "evil" in c.value]
    assert captions
    assert all("://" not in c.replace("\\", "") for c in captions)
    assert all(f":{WORD_JOINER}" in c.replace("\\", "") for c in captions)


def test_bidi_overrides_and_zero_width_characters_are_not_kept_in_story_titles():
    title = "\u202eSCO\u202c in\u200b 2016\u2066\ufeff"
    at = open_app(STORY, story=_token({"views": [{"title": title, "link": "/"}]}))
    assert at.session_state["_story"] == (View("SCO in 2016", "/"),)
    assert [t.value for t in at.title] == ["SCO in 2016"]  # the show's heading
    at.button(key="present-edit").click().run()
    assert at.text_input(key="story-title-0").value == "SCO in 2016"


def test_a_story_whose_links_list_parameters_in_another_order_steps_on():
    views = (
        View("SCO in 2016", "/memberships?as_of=2016-01-01&organization=sco"),
        View("Health deals", "/agreements?party=IRN&sector=health&sector=tourism"),
        View("The corridor", "/corridor"),
    )
    at = present_story(views)
    assert at.session_state["_story_at"] == 0
    assert at.button(key="present-next").label == "Health deals ▶"
    assert any("View 1 of 3" in c.value for c in at.caption)
    # AppTest reruns the page it was switched to last, so open the second view as a link would,
    # its parameters in the story's order: the page writes them in its own
    at.query_params.clear()
    at.query_params.update({"party": "IRN", "sector": ["tourism", "health"], "present": "1"})
    at.switch_page("dashboard/views/agreements.py").run()
    assert not at.exception
    assert at.button(key="present-prev").label == "◀ SCO in 2016"
    assert at.button(key="present-next").label == "The corridor ▶"
    assert any("View 2 of 3" in c.value for c in at.caption)
    at.button(key="present-next").click().run()
    assert at.session_state["_story_at"] == 2


def test_a_story_whose_link_lists_a_default_value_steps_on():
    views = (
        View("SCO", "/memberships?step=year&organization=sco&organization=sco"),
        View("The corridor", "/corridor"),
    )
    at = present_story(views)
    assert at.multiselect(key="m-org").value == ["sco"]
    assert any("View 1 of 2" in c.value for c in at.caption)  # the page wrote organization=sco
    assert at.button(key="present-next").label == "The corridor ▶"
