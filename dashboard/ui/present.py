"""Presenter mode's bar (one slim row: chips, steps through the story or the pages) and the
share tools."""

from __future__ import annotations

import streamlit as st

from dashboard.site import PRESENT, SEQUENCE
from dashboard.ui import story_codec, story_session
from dashboard.ui.cache import package_zip
from dashboard.ui.query import escape_markdown

LABEL_CHARS = 28  # a step button names the view it opens, cut to this many characters


def presenter_bar(url_path: str, here: str, chips: list[str]) -> None:
    """Active filters as chips; ◀ and ▶ (or the arrow keys) step through the story's views,
    or through the pages when there is no story; Esc leaves presenter mode."""
    with st.container(
        key="presenter-bar",
        horizontal=True,
        vertical_alignment="center",
        horizontal_alignment="right",
        wrap=False,
        width="content",
    ):
        if chips:
            st.pills(
                "Active filters",
                chips,
                format_func=escape_markdown,  # chip text comes from data: never Markdown
                selection_mode="multi",
                disabled=True,
                key="presenter-chips",
                label_visibility="collapsed",
            )
        if story_session.current():
            _story_steps(here)
        else:
            _page_steps(url_path)


def heading(here: str) -> str | None:
    """The title of the story's view on screen, when this page is one (a slide's heading)."""
    views = story_session.current()
    at = story_session.position(here) if views else None
    return None if at is None else views[at].title


def _short(title: str) -> str:
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rstrip() + "…"


def _page_steps(url_path: str) -> None:
    paths = [p.url_path for p in SEQUENCE]
    at = paths.index(url_path) if url_path in paths else 0
    previous, following = SEQUENCE[at - 1], SEQUENCE[(at + 1) % len(SEQUENCE)]
    if st.button(f"◀ {previous.title}", key="present-prev", shortcut="Left"):
        st.switch_page(previous.script, query_params={PRESENT: "1"})
    if st.button(f"{following.title} ▶", key="present-next", shortcut="Right"):
        st.switch_page(following.script, query_params={PRESENT: "1"})
    _leave()


def _story_steps(here: str) -> None:
    views = story_session.current()
    at = story_session.position(here)
    before, after = story_codec.neighbours(len(views), at)
    where = f"View {at + 1} of {len(views)}" if at is not None else "Not a view of the story"
    st.caption(where, width="content")
    title = views[before].title if before is not None else "Start"
    if st.button(
        "◀ " + escape_markdown(_short(title)),
        key="present-prev",
        shortcut="Left",
        disabled=before is None,
        help=escape_markdown(title),
    ):
        story_session.go(before)
    title = views[after].title if after is not None else "End"
    if st.button(
        escape_markdown(_short(title)) + " ▶",
        key="present-next",
        shortcut="Right",
        disabled=after is None,
        help=escape_markdown(title),
    ):
        story_session.go(after)
    if st.button(
        "Edit story",
        icon=":material/edit:",
        key="present-edit",
        help="Leave the show for the "
        "story's editor: retitle, reorder, remove, share or save its views.",
    ):
        story_session.edit()
    _leave()


def _leave() -> None:
    if st.button(
        "Leave",
        icon=":material/close:",
        key="present-exit",
        shortcut="Esc",
        help="Leave presenter mode",
    ):
        st.session_state[PRESENT] = False
        st.rerun()


def share_tools(link: str, here: str, title: str, storable: bool) -> None:
    """The sidebar's tools: presenter mode, the link to this view, the story, the data."""
    with st.sidebar:
        st.toggle(
            "Presenter mode",
            key=PRESENT,
            help="Hide the sidebar, enlarge type, step through the story's views (or the pages) "
            "with the arrow keys.",
        )
        with st.popover("Share this view", icon=":material/link:", key="share"):
            st.caption("Copy this link: it reopens exactly this view, in the theme shown.")
            st.code(link, language=None, wrap_lines=True)
        if storable:
            story_session.add_tools(here, title)
        st.download_button(
            "Download the data package (zip)",
            package_zip,
            file_name="data-package.zip",
            mime="application/zip",
            key="download-package",
            icon=":material/folder_zip:",
        )
