"""A page's frame: its start (title, intro, data notice), its URL state, and its finish (the
address, presenter bar or share tools)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

import streamlit as st

from dashboard.datapackage.load import DataPackage
from dashboard.site import DATA_QUALITY_PAGE, PRESENT, Page, Param
from dashboard.ui import present, room, story_codec
from dashboard.ui.cache import load
from dashboard.ui.query import EARLIEST as EARLIEST  # the range of every date widget
from dashboard.ui.query import EMPTY, escape_markdown, read_query, view_link, write_query
from dashboard.ui.query import LATEST as LATEST
from dashboard.ui.query import chips as query_chips


def start(title: str, intro: str) -> DataPackage:
    """Start a page: presenter frame or title and intro, the data notice; return the package.

    Presenting, the title and the presenter bar share one slim row and the intro is left out,
    so the page's own chart, map or table starts near the top of a projector's screen."""
    state = st.session_state
    if presenting():
        st.html(room.CSS)
        row = st.container(
            horizontal=True, vertical_alignment="center", wrap=False, key="presenter-row"
        )
        state["_heading"] = row.empty()  # the page's title, or the story view's (finish())
        state["_heading"].title(title, anchor=False)
        state["_bar"] = row.container(width="content")
    else:
        st.title(title)
        st.caption(intro)
    state["_top"] = st.container()  # notices; filled by url_state() and finish()
    pkg = load()
    data_notice(pkg)
    return pkg


def stamp(moment: datetime | None) -> str:
    """A moment as viewers read it: date and time to the second, UTC."""
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def presenting() -> bool:
    """Presenter mode is on (from `?present=1` or the sidebar toggle)."""
    if PRESENT not in st.session_state:
        st.session_state[PRESENT] = st.query_params.get(PRESENT) == "1"
    return bool(st.session_state[PRESENT])


def url_state(
    page: Page, allowed: Mapping[str, Collection[str]], defaults: Mapping[str, Any]
) -> bool:
    """On a fresh visit, seed this page's widgets from the URL, else from their defaults.

    A visit is fresh on arriving from another page, and when the address holds another query
    than the one this page last wrote (a link to the same page with other parameters).
    """
    url_path, params = page.url_path, page.params
    query = {name: st.query_params.get_all(name) for name in st.query_params}
    state = st.session_state
    fresh = state.get("_page") != url_path or state.get("_query", query) != query
    if fresh:
        for key in [k for k in state if str(k).endswith("-playing")]:
            state[key] = False  # a view opens paused
        values, notices = read_query(query, params, allowed)
        for param in params:
            st.session_state[param.key] = values.get(
                param.key, defaults.get(param.key, EMPTY[param.kind])
            )
        st.session_state["_page"] = url_path
        st.session_state["_notices"] = notices
    notices = st.session_state.get("_notices", [])
    if notices:
        with st.session_state["_top"], st.container(key="url-notices"):
            for notice in notices:
                st.text(notice)  # as text: a notice quotes the URL
    return fresh


def chips(
    page: Page, defaults: Mapping[str, Any], labels: Mapping[str, Mapping[str, str]]
) -> list[str]:
    """'name: value' chips for the page's widgets that differ from their defaults."""
    return query_chips(st.session_state, page.params, defaults, labels)


def finish(page: Page, defaults: Mapping[str, Any], active: list[str]) -> None:
    """Write the view into the URL; presenter chips and steps, or the share and export tools.

    `active` holds the chips of the filters in use (`chips`)."""
    query = write_url(page.params, defaults)
    link = view_link(st.context.url or "", query)  # st.context.url: this page's address
    here = story_codec.view_link(page.url_path, {k: v for k, v in query.items() if k != PRESENT})
    if presenting():
        slide = present.heading(here)
        if slide is not None:  # a view of the story: its own title is the heading
            st.session_state["_heading"].title(escape_markdown(slide), anchor=False)
        with st.session_state["_bar"]:
            present.presenter_bar(page.url_path, here, active)
    else:
        title = " · ".join([page.title, *active])
        present.share_tools(room.themed(link, theme()), here, title, page.url_path != "story")


def theme() -> str | None:
    """The theme the viewer sees (`light`, `dark`), as far as the browser has told."""
    try:
        return st.context.theme.type
    except (AttributeError, KeyError):  # no browser: AppTest
        return None


def write_url(params: tuple[Param, ...], defaults: Mapping[str, Any]) -> dict[str, list[str]]:
    """Put the page's widget values (those off their defaults) into the address; return them."""
    query = write_query({p.key: st.session_state.get(p.key) for p in params}, params, defaults)
    if presenting():
        query[PRESENT] = ["1"]
    st.query_params.from_dict(query)
    st.session_state["_query"] = query
    return query


def data_notice(pkg: DataPackage) -> None:
    """A visible notice leading to the data-quality page when rows were left out; another when
    the package shown is the last whole one, held while newer files look half-written."""
    if pkg.held is not None:
        with st.container(key="held-notice"):
            st.info(
                f"Showing the last complete data package, read at {stamp(pkg.read_at)}: since "
                f"{stamp(pkg.held.since)} its files have looked half-written (cut short, missing "
                f"or empty: {', '.join(pkg.held.files)}). The new files are shown as soon as they "
                "are whole.",
                icon=":material/history:",
            )
    if not pkg.errors:
        return
    with st.container(key="data-notice"):
        st.warning(
            f"The data package has {len(pkg.errors)} problem(s); {pkg.skipped} row(s) were "
            "left out. Everything valid is shown.",
            icon=":material/warning:",
        )
        st.page_link(DATA_QUALITY_PAGE.script, label="See every problem", icon=":material/rule:")
