"""Sources: every document the data relies on, and the rows that cite it."""

import streamlit as st

from dashboard import cache, listing_views, ui
from dashboard.page_params import SORT_ORDERS, SOURCES, chips
from dashboard.urlstate import escape_markdown

pkg = ui.page("Sources", "Every document the data relies on, with the rows that cite it.")
defaults = listing_views.SOURCE_DEFAULT
allowed = {"sort": listing_views.SOURCE_ORDERS, "order": SORT_ORDERS}
ui.url_state("sources", SOURCES, allowed, defaults)
checked, accessed, summary, organizations = cache.source_checks(pkg)
with st.container(key="sources-checked"):
    st.subheader("Checked up to")
    cols = st.columns(2)
    cols[0].metric("Package checked up to", checked or "not given")
    cols[1].metric("Latest source read", accessed or "not given")
    if summary:
        st.caption(escape_markdown(summary))  # names come from the data
    ui.table(organizations, key="sources-organizations", hidden=("id",), height=320)
    st.caption(
        "Each organization's history was checked against its sources up to the date shown; a "
        "status change after it is not in the data. Partial: some members are known to be missing."
    )

st.subheader("Sources")
query = st.text_input("Search title, publisher, id or citing row", key="sources-q")
shown = cache.source_rows(pkg, query)
st.metric("Sources", f"{len(shown):,} of {len(pkg['sources']):,}")
if shown.empty:
    ui.nothing_matches("sources")
else:
    order, descending = ui.sort_controls("sources", listing_views.SOURCE_ORDERS)
    ui.paged_table(
        cache.source_page(pkg, shown, query, order, descending),
        "sources-table",
        "sources",
        listing_views.SOURCE_ORDERS[order],
        descending,
        lambda: listing_views.csv(shown, listing_views.SOURCE_KEYS, order, descending),
        "sources.csv",
        height=640,
    )
labels = {"sort": listing_views.SOURCE_ORDERS}
ui.finish("sources", SOURCES, defaults, chips(st.session_state, SOURCES, defaults, labels))
