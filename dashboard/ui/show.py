"""What the views show with: tables (paged, with CSV downloads), charts with PNG and SVG exports,
and the message shown when nothing matches."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard.config import DARK, LIGHT
from dashboard.datapackage.load import DataPackage
from dashboard.derive.paging import Listing, TablePage, csv_bytes
from dashboard.derive.search import matching
from dashboard.draw import export
from dashboard.draw.charts import Figure
from dashboard.site import Page
from dashboard.ui import cache, room
from dashboard.ui.page import presenting
from dashboard.ui.query import profile_links

PROFILE_TEXT = r"#(.+)$"  # a profile link shows the country name it carries after '#'
SITE_TEXT = r"https?://(?:www\.)?([^/?#]+)"  # a source's link shows its site: 'tass.com'
WRAP_ROW_PX = 78  # rows this tall wrap long text over three lines (Streamlit wraps past 64 px)
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


def picker(
    label: str,
    names: Mapping[str, str],
    key: str,
    codes: Mapping[str, tuple[str, ...]] | None = None,
    **kwargs,
) -> list[str]:
    """A search box and a multiselect of what it finds (`names`: key → shown name).

    The box matches names by the start of their words, codes and initials ("warsaw", "IRN",
    "BY", "cmea"), never letters scattered through a name; the list offers what matches (what
    is chosen stays). Enter never selects anything, and there is no "Select all": a filter is
    only what the reader picked one by one. The search box is keyed `<key>-find`.
    """
    found = st.text_input(
        label,
        key=f"{key}-find",
        placeholder="Name or code, e.g. IRN",
        icon=":material/search:",
    )
    chosen = list(st.session_state.get(key) or [])
    offered = matching(found, names, codes)
    searching = bool(found.strip())
    if searching and not offered:
        st.caption(f"Nothing matches “{found}”.")
    options = [*chosen, *(k for k in offered if k not in chosen)]
    if searching:
        placeholder = f"Pick from {len(offered):,} found"
    else:
        placeholder = kwargs.pop("placeholder", f"All {len(names):,}")
    kwargs.pop("placeholder", None)
    return st.multiselect(
        label,
        options,
        format_func=lambda k: names.get(k, k),
        key=key,
        filter_mode=None,
        select_all=False,
        placeholder=placeholder,
        label_visibility="collapsed",
        **kwargs,
    )


def table(
    frame: pd.DataFrame,
    key: str,
    link_columns: tuple[str, ...] = ("Link",),
    download: str | None = None,
    csv: Callable[[], bytes] | None = None,
    hidden: tuple[str, ...] = (),
    profiles: Mapping[str, str] | None = None,
    wrap: tuple[str, ...] = (),
    **kwargs,
):
    """A dataframe with clickable links, text shown as text, and an optional CSV download.

    `wrap` names columns of long text: they are drawn wide, in rows tall enough to wrap it.
    Where a `Cited` column names the sources, their ids (`Sources`) go to the download only.

    The download holds `csv()` when given (every row of a paged table), else the frame given.
    `profiles` maps a column of country names to the column of their ISO3 codes: each name
    then links to the country's profile, and the code column is not shown.
    """
    config = {
        c: st.column_config.LinkColumn(c, display_text=SITE_TEXT)
        for c in link_columns
        if c in frame.columns
    }
    wrapped = [c for c in wrap if c in frame.columns]
    config |= {c: st.column_config.TextColumn(c, width="large") for c in wrapped}
    if wrapped:
        kwargs.setdefault("row_height", WRAP_ROW_PX)
    if "Cited" in frame.columns:
        hidden = (*hidden, "Sources")
        config["Cited"] = st.column_config.TextColumn("Sources", width="large")
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
                csv or (lambda: csv_bytes(given)),
                file_name=download,
                mime="text/csv",
                key=f"{key}-csv",
                icon=":material/download:",
                on_click="ignore",
            )
    return shown


def fields(frame: pd.DataFrame, key: str) -> None:
    """One record's fields (`Field`, `Value`) whole, each value as plain text under its name;
    empty ones left out."""
    with st.container(key=key, border=True):
        for field, value in zip(frame["Field"], frame["Value"], strict=True):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            st.caption(field)  # field names are the code's own words
            st.text(str(value))  # values come from the data: text, never markdown


def sort_controls(page: Page, labels: Mapping[str, str]) -> tuple[str, bool]:
    """'Sort by' and 'Order' above a listing (the widgets of the page's `sort` and `order`)."""
    keys = page.keys
    with st.container(horizontal=True, vertical_alignment="bottom"):
        order = st.selectbox(
            "Sort by", list(labels), format_func=labels.get, key=keys["sort"], width=220
        )
        way = st.radio(
            "Order",
            list(SORT_WAYS),
            format_func=SORT_WAYS.get,
            horizontal=True,
            key=keys["order"],
            label_visibility="collapsed",
            width="content",
        )
    return order or next(iter(labels)), way == "desc"


def sort_defaults(page: Page, listing: Listing) -> dict[str, str]:
    """The page's `sort` and `order` widgets at the order the listing opens on."""
    keys = page.keys
    return {keys["sort"]: listing.default[0], keys["order"]: listing.default[1]}


def listing(
    pkg: DataPackage,
    page: Page,
    table_of: Listing,
    rows: pd.DataFrame,
    chosen_by: Hashable,
    key: str,
    download: str,
    **kwargs,
) -> tuple[TablePage, Any]:
    """Sort controls, then the first page of `rows` (cached for every session) with its count,
    and a CSV download of every row, built when it is clicked.

    `chosen_by` (hashable) is what chose `rows`; the table's widget is keyed `key`, its
    download `<key>-csv`. Returns the page shown and the table's selection state.
    """
    order, descending = sort_controls(page, table_of.labels)
    first = cache.first_page(pkg, table_of, rows, chosen_by, order, descending)
    st.caption(table_of.caption(first, order, descending))
    shown = table(
        first.frame,
        key=key,
        csv=lambda: table_of.csv(rows, order, descending),
        download=download,
        **kwargs,
    )
    return first, shown


def chart(figure: Figure, key: str, lines: Callable[[], list[str]] | None = None) -> None:
    """A chart at full width in a container keyed `key`, with PNG and SVG export.

    The specification was built once (and cached); exports add the title and `lines()`
    (filters, as-of date, sources) when a download is asked for.
    """
    spec = figure.shown or figure.spec
    with st.container(key=key):
        st.vega_lite_chart(
            room.chart_spec(spec, figure.spec) if presenting() else spec,
            width="stretch",
            key=f"{key}-vega",
        )
        if lines is not None:
            name = figure.file_name or key.removeprefix("a-").removeprefix("m-").removeprefix("o-")
            renders = {
                fmt: lambda render=render: render(
                    export.captioned(figure.chart, figure.title, lines())
                )
                for fmt, _, render in CHART_FORMATS
            }
            downloads(key, name, renders)


def deck(shown: pdk.Deck, height: int, key: str) -> None:
    """A map; presenting, its labels and tooltips at room size."""
    st.pydeck_chart(room.deck(shown) if presenting() else shown, height=height, key=key)


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


MAP_CSS = """
<style>
.st-key-MAPKEY-box { position: relative; }
.st-key-MAPKEY-box .st-key-MAPKEY-legend {
  position: absolute; right: 10px; top: 36px; z-index: 5; width: auto; height: auto;
  max-width: calc(100% - 20px); max-height: MAXHEIGHTpx; overflow: auto; }
.st-key-MAPKEY-box .st-key-MAPKEY-legend summary { cursor: pointer; font-weight: 600; }
.st-key-MAPKEY-box .st-key-MAPKEY-legend [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
</style>
"""


def map_theme() -> str:
    """The active theme's type ('light' or 'dark'); light when the browser has not said."""
    kind = st.context.theme.type
    return kind if kind in (DARK, LIGHT) else LIGHT


def map_with_legend(deck: Any, legend: str, key: str, height: int) -> None:
    """The map with its legend laid over its upper right corner (away from the corridor), in
    view wherever the map is; a reader can fold it.

    `legend` is HTML built only from the fixed vocabularies and colours, never data text.
    """
    with st.container(key=f"{key}-box"):
        st.html(MAP_CSS.replace("MAPKEY", key).replace("MAXHEIGHT", str(height - 46)))
        st.pydeck_chart(room.deck(deck) if presenting() else deck, height=height, key=key)
        with st.container(key=f"{key}-legend"):
            st.markdown(legend, unsafe_allow_html=True)
