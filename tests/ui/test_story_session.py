"""Stories in the app (AppTest): add views, edit the story, share it, step through it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import story_codec
from dashboard.ui.story_codec import View
from tests.conftest import APP_SECONDS, ROOT, open_app, present_story

STORY = "dashboard/views/story.py"
THREE = (
    View("SCO in 2016", "/memberships?organization=sco&as_of=2016-01-01"),
    View("Health deals", "/agreements?sector=health"),
    View("The corridor", "/corridor"),
)


pytestmark = pytest.mark.usefixtures("bundled_app")


def test_add_this_view_with_an_edited_title():
    at = open_app("dashboard/views/memberships.py", organization="sco", as_of="2016-01-01")
    assert at.text_input(key="story-new-title").value.startswith("Memberships · organization: SCO")
    at.text_input(key="story-new-title").input("SCO in 2016").run()
    at.button(key="story-add").click().run()
    assert not at.exception
    assert at.session_state["_story"] == (THREE[0],)


def test_story_page_reorders_renames_removes_and_puts_the_story_in_its_link():
    at = open_app()
    at.session_state["_story"] = THREE
    at.switch_page(STORY).run()
    assert [t.value for t in at.text_input] == ["SCO in 2016", "Health deals", "The corridor"]
    at.button(key="story-down-0").click().run()
    assert [v.title for v in at.session_state["_story"]] == [
        "Health deals",
        "SCO in 2016",
        "The corridor",
    ]
    assert [t.value for t in at.text_input] == ["Health deals", "SCO in 2016", "The corridor"]
    at.text_input(key="story-title-2").input("Minsk to the Gulf").run()
    at.button(key="story-remove-0").click().run()
    assert [v.title for v in at.session_state["_story"]] == ["SCO in 2016", "Minsk to the Gulf"]
    token = at.query_params["story"]
    token = token[0] if isinstance(token, list) else token
    assert [v.title for v in story_codec.decode(token)] == ["SCO in 2016", "Minsk to the Gulf"]


def test_a_shared_link_opens_the_show_and_a_damaged_one_says_why():
    at = open_app(STORY, story=story_codec.encode(THREE))
    assert not at.exception
    assert at.session_state["_story"] == THREE
    # the show, on its first view: presenter mode, that view's filters, its title as heading
    assert at.session_state["present"] is True
    assert at.session_state["_story_at"] == 0
    assert at.multiselect(key="m-org").value == ["sco"]
    assert [t.value for t in at.title] == ["SCO in 2016"]
    assert any("View 1 of 3" in c.value for c in at.caption)
    at.button(key="present-edit").click().run()  # the editor stays one click away
    assert [t.value for t in at.title] == ["Story"], [t.value for t in at.title]
    assert [t.value for t in at.text_input] == ["SCO in 2016", "Health deals", "The corridor"]
    at = open_app(STORY, story=story_codec.encode(THREE)[:-9])
    assert not at.exception
    assert any("cannot be read" in w.value for w in at.warning)
    assert at.session_state["_story"] == () if "_story" in at.session_state else True


def test_presenter_bar_steps_through_the_story():
    at = present_story(THREE)  # opens the first view in presenter mode
    assert at.session_state["_story_at"] == 0
    assert at.session_state["present"] is True
    assert at.multiselect(key="m-org").value == ["sco"]
    assert at.button(key="present-prev").disabled
    assert at.button(key="present-next").label == "Health deals ▶"
    assert any("View 1 of 3" in c.value for c in at.caption)
    assert [t.value for t in at.title] == ["SCO in 2016"]  # the view's own title is the heading
    # AppTest reruns the page it was switched to last, so open the second view as a link would
    at.query_params.clear()
    at.query_params.update({"sector": "health", "present": "1"})
    at.switch_page("dashboard/views/agreements.py").run()
    assert at.button(key="present-prev").label == "◀ SCO in 2016"
    assert at.button(key="present-next").label == "The corridor ▶"
    assert [t.value for t in at.title] == ["Health deals"]
    at.button(key="present-next").click().run()
    assert at.session_state["_story_at"] == 2


def test_without_a_story_presenter_mode_steps_through_the_pages():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APP_SECONDS)
    at.query_params["present"] = "1"  # as in a link that opens a new session
    at.run()
    at.switch_page("dashboard/views/agreements.py").run()
    assert at.button(key="present-next").label == "Corridor ▶"
    assert at.button(key="present-prev").label == "◀ Memberships"
