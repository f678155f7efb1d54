"""What the views show with: tables (paged, with CSV downloads), charts with PNG and SVG exports,
and the message shown when nothing matches."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from dashboard.derive.paging import TablePage, page_caption
from dashboard.draw import export
from dashboard.draw.charts import Figure
from dashboard.ui.page import presenting
from dashboard.ui.query import profile_links

PROFILE_TEXT = r"#(.+)$"  # a profile link shows the country name it carries after '#'
SORT_WAYS = {"asc": "Ascending ↑", "desc": "Descending ↓"}
CHART_FORMATS = (
    ("png", "image/png", export.chart_png),
    ("svg", "image/svg+xml", export.chart_svg),
)


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
    """A chart at full width in a container keyed `key`, with PNG and SVG export.

    The specification was built once (and cached); exports add the title and `lines()`
    (filters, as-of date, sources) when a download is asked for.
    """
    with st.container(key=key):
        st.vega_lite_chart(figure.shown or figure.spec, width="stretch", key=f"{key}-vega")
        if lines is not None:
            name = figure.file_name or key.removeprefix("a-").removeprefix("m-").removeprefix("o-")
            renders = {
                fmt: lambda render=render: render(
                    export.captioned(figure.chart, figure.title, lines())
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
