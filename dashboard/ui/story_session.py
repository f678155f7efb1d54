"""The presenter's story in this browser session: add the current view, step through views.

A story lives in the session only (no accounts, nothing stored on the server); it travels as
one link (`/story?story=…`) or a small JSON file, both made by `dashboard.ui.story_codec`.
"""

from __future__ import annotations

import streamlit as st

from dashboard.site import BY_PATH, PRESENT
from dashboard.ui import story_codec
from dashboard.ui.story_codec import StoryError, View

STORY_KEY = "_story"  # the views, in order
AT_KEY = "_story_at"  # the view a presenter is on
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
    first view with this link, else None."""
    views = current()
    at = st.session_state.get(AT_KEY)
    if isinstance(at, int) and 0 <= at < len(views) and views[at].link == link:
        return at
    return next((i for i, view in enumerate(views) if view.link == link), None)


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
    st.session_state[PRESENT] = True
    st.switch_page(page.script, query_params={**query, PRESENT: "1"})


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
        st.toast(f"Not added: {error}.")
        return
    st.toast(f"Added to the story ({len(current())} views).")
