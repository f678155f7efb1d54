"""Small Streamlit helpers shared by the views: the data notice, empty states, tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.cache import load
from dashboard.package import DataPackage

DATA_QUALITY_PAGE = "dashboard/views/data_quality.py"


def page(title: str, intro: str) -> DataPackage:
    """Start a page: title, one-line intro, the data notice; return the loaded package."""
    st.title(title)
    st.caption(intro)
    pkg = load()
    data_notice(pkg)
    return pkg


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
        st.page_link(DATA_QUALITY_PAGE, label="See every problem", icon=":material/rule:")


def nothing_matches(what: str) -> None:
    """The message shown instead of an empty chart or table."""
    st.info(
        f"No {what} match these filters. Widen the filters to see more.",
        icon=":material/search_off:",
    )


def table(frame: pd.DataFrame, key: str, link_columns: tuple[str, ...] = ("Link",), **kwargs):
    """A dataframe whose link columns are clickable and whose text is shown as text."""
    config = {
        c: st.column_config.LinkColumn(c, display_text="open")
        for c in link_columns
        if c in frame.columns
    }
    with st.container(key=key):  # the container carries `.st-key-<key>` for browser tests
        return st.dataframe(
            frame,
            key=f"{key}-df",
            hide_index=True,
            column_config=config,
            width="stretch",
            **kwargs,
        )


def chart(figure, key: str) -> None:
    """An Altair chart at full width, inside a container keyed `key` (found as `.st-key-<key>`)."""
    with st.container(key=key):
        st.altair_chart(figure, width="stretch", key=f"{key}-vega")
