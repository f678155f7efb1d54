"""Streamlit helpers shared by the views: page frame, URL state, presenter mode, exports."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import exports, stories, ui_present
from dashboard.cache import load
from dashboard.charts import Figure
from dashboard.frames import profile_links
from dashboard.package import DataPackage
from dashboard.site import BY_PATH, DATA_QUALITY_PAGE
from dashboard.tables import TablePage, page_caption
from dashboard.urlstate import (
    EMPTY,
    PRESENT,
    Param,
    read_query,
    view_link,
    write_query,
)

EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)  # range of every date widget
PROFILE_TEXT = r"#(.+)$"  # a profile link shows the country name it carries after '#'
SORT_WAYS = {"asc": "Ascending ↑", "desc": "Descending ↓"}
CHART_FORMATS = (
    ("png", "image/png", exports.chart_png),
    ("svg", "image/svg+xml", exports.chart_svg),
)


def page(title: str, intro: str) -> DataPackage:
    """Start a page: presenter frame or title and intro, the data notice; return the package."""
    if presenting():
        st.html(ui_present.PRESENTER_CSS)
    st.title(title)
    st.caption(intro)
    st.session_state["_top"] = st.container()  # filled by finish(): presenter bar, notices
    pkg = load()
    data_notice(pkg)
    return pkg


def presenting() -> bool:
    """Presenter mode is on (from `?present=1` or the sidebar toggle)."""
    if PRESENT not in st.session_state:
        st.session_state[PRESENT] = st.query_params.get(PRESENT) == "1"
    return bool(st.session_state[PRESENT])


def url_state(
    url_path: str,
    params: tuple[Param, ...],
    allowed: Mapping[str, Collection[str]],
    defaults: Mapping[str, Any],
) -> bool:
    """On a fresh visit, seed this page's widgets from the URL, else from their defaults.

    A visit is fresh on arriving from another page, and when the address holds another query
    than the one this page last wrote (a link to the same page with other parameters).
    """
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


def finish(
    url_path: str,
    params: tuple[Param, ...],
    defaults: Mapping[str, Any],
    chips: list[str],
) -> None:
    """Write the view into the URL; presenter chips and steps, or the share and export tools."""
    query = write_url(params, defaults)
    link = view_link(st.context.url or "", query)  # st.context.url: this page's address
    here = stories.view_link(url_path, {k: v for k, v in query.items() if k != PRESENT})
    if presenting():
        with st.session_state["_top"]:
            ui_present.presenter_bar(url_path, here, chips)
    else:
        title = BY_PATH[url_path].title if url_path in BY_PATH else "View"
        ui_present.share_tools(link, here, " · ".join([title, *chips]), url_path != "story")


def write_url(params: tuple[Param, ...], defaults: Mapping[str, Any]) -> dict[str, list[str]]:
    """Put the page's widget values (those off their defaults) into the address; return them."""
    query = write_query({p.key: st.session_state.get(p.key) for p in params}, params, defaults)
    if presenting():
        query[PRESENT] = ["1"]
    st.query_params.from_dict(query)
    st.session_state["_query"] = query
    return query


def data_notice(pkg: DataPackage) -> None:
    """A visible notice leading to the data-quality page when rows were left out."""
    if not pkg.errors:
        return
    with st.container(key="data-notice"):
        st.warning(
            f"The data package has {len(pkg.errors)} problem(s); {pkg.skipped} row(s) were "
            "left out. Everything valid is shown.",
            icon=":material/warning:",
        )
        st.page_link(DATA_QUALITY_PAGE.script, label="See every problem", icon=":material/rule:")


def nothing_matches(what: str) -> None:
    """The message shown instead of an empty chart or table."""
    st.info(
        f"No {what} match these filters. Widen the filters to see more.",
        icon=":material/search_off:",
    )


def table(
    frame: pd.DataFrame,
    key: str,
    link_columns: tuple[str, ...] = ("Link",),
    download: str | None = None,
    csv: Callable[[], bytes] | None = None,
    hidden: tuple[str, ...] = (),
    profiles: Mapping[str, str] | None = None,
    **kwargs,
):
    """A dataframe with clickable links, text shown as text, and an optional CSV download.

    The download holds `csv()` when given (every row of a paged table), else the frame given.
    `profiles` maps a column of country names to the column of their ISO3 codes: each name
    then links to the country's profile, and the code column is not shown.
    """
    config = {
        c: st.column_config.LinkColumn(c, display_text="open")
        for c in link_columns
        if c in frame.columns
    }
    given, profiles = frame, profiles or {}
    if profiles:
        links = {name: profile_links(frame[code], frame[name]) for name, code in profiles.items()}
        frame = frame.assign(**links)
        config |= {
            name: st.column_config.LinkColumn(name, display_text=PROFILE_TEXT) for name in links
        }
        hidden = (*hidden, *profiles.values())
    with st.container(key=key):  # the container carries `.st-key-<key>` for browser tests
        shown = st.dataframe(
            frame,
            key=f"{key}-df",
            hide_index=True,
            column_config=config,
            column_order=[c for c in frame.columns if c not in hidden] if hidden else None,
            width="stretch",
            **kwargs,
        )
        if download:
            st.download_button(
                "Download as CSV",
                csv or (lambda: given.to_csv(index=False).encode("utf-8")),
                file_name=download,
                mime="text/csv",
                key=f"{key}-csv",
                icon=":material/download:",
                on_click="ignore",
            )
    return shown


def sort_controls(prefix: str, orders: Mapping[str, str]) -> tuple[str, bool]:
    """'Sort by' and 'Order' above a paged table (widget keys `<prefix>-sort`, `-order`)."""
    row = st.container(horizontal=True, vertical_alignment="bottom")
    with row:
        order = st.selectbox(
            "Sort by", list(orders), format_func=orders.get, key=f"{prefix}-sort", width=220
        )
        way = st.radio(
            "Order",
            list(SORT_WAYS),
            format_func=SORT_WAYS.get,
            horizontal=True,
            key=f"{prefix}-order",
            label_visibility="collapsed",
            width="content",
        )
    return order or next(iter(orders)), way == "desc"


def paged_table(
    page: TablePage,
    key: str,
    noun: str,
    order_label: str,
    descending: bool,
    csv: Callable[[], bytes],
    download: str,
    **kwargs,
):
    """The first page of a sorted result, its count, and a CSV download of every row."""
    st.caption(page_caption(page, noun, order_label, descending))
    return table(page.frame, key=key, csv=csv, download=download, **kwargs)


def chart(figure: Figure, key: str, lines: Callable[[], list[str]] | None = None) -> None:
    """A chart at full width in a container keyed `key`, with PNG and SVG exports.

    The specification was built once (and cached); exports add the title and `lines()`
    (filters, as-of date, sources) when a download is asked for.
    """
    with st.container(key=key):
        st.vega_lite_chart(figure.shown or figure.spec, width="stretch", key=f"{key}-vega")
        if lines is not None:
            name = figure.file_name or key.removeprefix("a-").removeprefix("m-").removeprefix("o-")
            renders = {
                fmt: lambda render=render: render(
                    exports.captioned(figure.chart, figure.title, lines())
                )
                for fmt, _, render in CHART_FORMATS
            }
            downloads(key, name, renders)


def downloads(key: str, name: str, renders: Mapping[str, Callable[[], bytes | str]]) -> None:
    """A row of image downloads (`png`, `svg`), each drawn only when asked for; none when
    presenting. Buttons are keyed `<key>-<format>`."""
    if presenting():
        return
    mimes = {fmt: mime for fmt, mime, _ in CHART_FORMATS}
    row = st.container(horizontal=True)
    for fmt, render in renders.items():
        row.download_button(
            fmt.upper(),
            render,
            file_name=f"{name}.{fmt}",
            mime=mimes[fmt],
            key=f"{key}-{fmt}",
            icon=":material/image:",
            on_click="ignore",
        )
