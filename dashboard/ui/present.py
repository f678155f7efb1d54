"""Presenter mode's bar (chips, steps through the story or the pages) and the share tools."""

from __future__ import annotations

import streamlit as st

from dashboard.site import PRESENT, SEQUENCE
from dashboard.ui import story_codec, story_session
from dashboard.ui.cache import package_zip
from dashboard.ui.query import escape_markdown

PRESENTER_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.5rem 3rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 3.6rem; }
[data-testid="stMainBlockContainer"] h2, [data-testid="stMainBlockContainer"] h3 {
  font-size: 2.3rem; }
[data-testid="stMainBlockContainer"] p, [data-testid="stText"],
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"] p { font-size: 1.35rem; }
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] * { font-size: 3.4rem; }
</style>
"""


def presenter_bar(url_path: str, here: str, chips: list[str]) -> None:
    """Active filters as chips; ◀ and ▶ (or the arrow keys) step through the story's views,
    or through the pages when there is no story; Esc leaves presenter mode."""
    with st.container(key="presenter-bar"):
        if chips:
            st.pills(
                "Active filters",
                chips,
                format_func=escape_markdown,  # chip text comes from data: never Markdown
                selection_mode="multi",
                disabled=True,
                key="presenter-chips",
            )
        if story_session.current():
            _story_steps(here)
        else:
            _page_steps(url_path)


def _page_steps(url_path: str) -> None:
    paths = [p.url_path for p in SEQUENCE]
    at = paths.index(url_path) if url_path in paths else 0
    cols = st.columns(3)
    previous, following = SEQUENCE[at - 1], SEQUENCE[(at + 1) % len(SEQUENCE)]
    if cols[0].button(f"◀ {previous.title}", key="present-prev", shortcut="Left"):
        st.switch_page(previous.script, query_params={PRESENT: "1"})
    _leave(cols[1])
    if cols[2].button(f"{following.title} ▶", key="present-next", shortcut="Right"):
        st.switch_page(following.script, query_params={PRESENT: "1"})


def _story_steps(here: str) -> None:
    views = story_session.current()
    at = story_session.position(here)
    before, after = story_codec.neighbours(len(views), at)
    cols = st.columns(3)
    label = "◀ " + (escape_markdown(views[before].title) if before is not None else "Start")
    if cols[0].button(label, key="present-prev", shortcut="Left", disabled=before is None):
        story_session.go(before)
    _leave(cols[1])
    label = (escape_markdown(views[after].title) if after is not None else "End") + " ▶"
    if cols[2].button(label, key="present-next", shortcut="Right", disabled=after is None):
        story_session.go(after)
    where = f"View {at + 1} of {len(views)}" if at is not None else "Not a view of the story"
    st.caption(f"{where} · ← → step through the story", text_alignment="center")


def _leave(column) -> None:
    if column.button("Leave presenter mode", key="present-exit", shortcut="Esc"):
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
            st.caption("Copy this link: it reopens exactly this view.")
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
