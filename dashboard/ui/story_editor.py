"""The story page's editor: each view's title, its page, up, down, remove; present, save, open."""

from __future__ import annotations

import streamlit as st

from dashboard.site import BY_PATH
from dashboard.ui import story_codec, story_session
from dashboard.ui.query import escape_markdown
from dashboard.ui.story_codec import StoryError, View


def editor() -> tuple[View, ...]:
    """Draw the story's views with their tools, and the story's own tools; return the views."""
    views = story_session.current()
    if not views:
        st.info(
            "The story is empty. On any page, open 'Add this view to the story' in the sidebar.",
            icon=":material/slideshow:",
        )
    for i, view in enumerate(views):
        _row(i, view, len(views))
    _story_tools(views)
    return views


def _row(i: int, view: View, count: int) -> None:
    path, query = story_codec.split_link(view.link)
    page = BY_PATH.get(path)
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"story-view-{i}"):
        st.text_input(
            f"View {i + 1}",
            value=view.title,
            key=f"story-title-{i}",
            on_change=_retitle,
            args=(i,),
            max_chars=story_codec.MAX_TITLE,
            width=420,
        )
        if page is not None:
            st.page_link(page.script, label=page.title, query_params=query, icon=page.icon)
        st.button(
            "Up",
            icon=":material/arrow_upward:",
            key=f"story-up-{i}",
            disabled=i == 0,
            on_click=_rearrange,
            args=(lambda v, i=i: story_codec.move(v, i, -1),),
        )
        st.button(
            "Down",
            icon=":material/arrow_downward:",
            key=f"story-down-{i}",
            disabled=i == count - 1,
            on_click=_rearrange,
            args=(lambda v, i=i: story_codec.move(v, i, 1),),
        )
        st.button(
            "Remove",
            icon=":material/delete:",
            key=f"story-remove-{i}",
            on_click=_rearrange,
            args=(lambda v, i=i: story_codec.remove(v, i),),
        )
    st.caption(escape_markdown(view.link))  # escaped: a link is never read as Markdown


def _story_tools(views: tuple[View, ...]) -> None:
    row = st.container(horizontal=True)
    if row.button(
        "Present the story",
        icon=":material/slideshow:",
        key="story-present",
        type="primary",
        disabled=not views,
    ):
        story_session.go(0)
    row.download_button(
        "Save as a file",
        story_codec.to_file(views),
        file_name="story.json",
        mime="application/json",
        key="story-save",
        icon=":material/download:",
        disabled=not views,
    )
    row.button(
        "Clear the story",
        key="story-clear",
        disabled=not views,
        on_click=story_session.replace,
        args=((),),
    )
    st.file_uploader(  # a story file is a few kB (MAX_FILE): the browser refuses a big one
        "Open a story file",
        type=["json"],
        key="story-file",
        on_change=_load_file,
        max_upload_size=1,  # MB
    )


def _retitle(index: int) -> None:
    views = story_codec.retitle(
        story_session.current(), index, st.session_state[f"story-title-{index}"]
    )
    st.session_state[story_session.STORY_KEY] = views


def _rearrange(change) -> None:
    story_session.replace(change(story_session.current()))


def _load_file() -> None:
    uploaded = st.session_state.get("story-file")
    if uploaded is None:
        return
    try:
        story_session.replace(story_codec.from_file(uploaded.getvalue()))
        st.toast(f"Opened a story of {len(story_session.current())} view(s) from the file.")
    except StoryError as error:
        st.toast(f"This file cannot be opened: {escape_markdown(str(error))}.")
