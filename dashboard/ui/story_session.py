"""The presenter's story in this browser session: add the current view, step through views.

A story lives in the session only (no accounts, nothing stored on the server); it travels as
one link (`/story?story=…`) or a small JSON file, both made by `dashboard.ui.story_codec`.
"""

from __future__ import annotations

import streamlit as st

from dashboard.site import BY_PATH, PRESENT
from dashboard.ui import story_codec
from dashboard.ui.query import escape_markdown
from dashboard.ui.story_codec import StoryError, View

STORY_KEY = "_story"  # the views, in order
AT_KEY = "_story_at"  # the view a presenter is on
LANDED_KEY = "_story_landed"  # (view, the address it opened as) after a step to it
TITLE_KEY = "story-new-title"
STORY_PAGE = BY_PATH["story"]


def current() -> tuple[View, ...]:
    """The session's story (empty when there is none)."""
    return st.session_state.get(STORY_KEY, ())


def replace(views: tuple[View, ...]) -> None:
    """Make `views` the session's story; the title fields of the story page follow."""
    state = st.session_state
    state[STORY_KEY] = views
    state.pop(AT_KEY, None)
    for key in [k for k in state if str(k).startswith("story-title-")]:
        del state[key]


def position(link: str) -> int | None:
    """Where the presenter is in the story: the view last stepped to if this is it, else the
    first view that opens the same view (`story_codec.same_view`: the same page and parameters,
    in any order), else None."""
    views = current()
    at = st.session_state.get(AT_KEY)
    stepped = isinstance(at, int) and 0 <= at < len(views)
    if stepped and (_landed(at, link) or story_codec.same_view(views[at].link, link)):
        return at
    return next((i for i, view in enumerate(views) if story_codec.same_view(view.link, link)), None)


def _landed(at: int, link: str) -> bool:
    """Whether `link` is the address view `at` opened as when it was stepped to: a view's
    page may write its link otherwise (leaving out a default, or a value it ignored)."""
    state = st.session_state
    landed = state.get(LANDED_KEY)
    if not (isinstance(landed, tuple) and landed[0] == at):
        return False
    if landed[1] is None:  # the first run after the step: this page is the view's
        if story_codec.split_link(link)[0] != story_codec.split_link(current()[at].link)[0]:
            return False
        state[LANDED_KEY] = (at, link)
    return state[LANDED_KEY][1] == link


def go(index: int) -> None:
    """Open view `index` of the story in presenter mode."""
    views = current()
    if not 0 <= index < len(views):
        return
    path, query = story_codec.split_link(views[index].link)
    page = BY_PATH.get(path)
    if page is None:  # a link from another version of the app: say so, stay here
        st.toast(f"This story's view {index + 1} is not a page of this dashboard.")
        return
    st.session_state[AT_KEY] = index
    st.session_state[LANDED_KEY] = (index, None)  # the address it opens as: on arrival
    st.session_state[PRESENT] = True
    st.switch_page(page.script, query_params={**query, PRESENT: "1"})


def edit() -> None:
    """Leave the show for the story's editor (the story page, presenter mode off)."""
    st.session_state[PRESENT] = False
    st.switch_page(STORY_PAGE.script)


def add_tools(link: str, default_title: str) -> None:
    """'Add this view to the story' with an editable title (call inside the sidebar)."""
    state = st.session_state
    if state.get("_story_prefilled") != link:  # a new view: offer its own title
        state[TITLE_KEY] = default_title[: story_codec.MAX_TITLE]
        state["_story_prefilled"] = link
    count = len(current())
    with st.popover("Add this view to the story", icon=":material/playlist_add:", key="story"):
        st.text_input("Title", key=TITLE_KEY, max_chars=story_codec.MAX_TITLE)
        st.button("Add", key="story-add", on_click=_add, args=(link,), type="primary")
    st.page_link(
        STORY_PAGE.script,
        label=f"The story: {count} view{'' if count == 1 else 's'}",
        icon=STORY_PAGE.icon,
    )


def _add(link: str) -> None:
    state = st.session_state
    try:
        state[STORY_KEY] = story_codec.add(current(), View(state[TITLE_KEY], link))
    except StoryError as error:
        st.toast(f"Not added: {escape_markdown(str(error))}.")
        return
    st.toast(f"Added to the story ({len(current())} views).")
