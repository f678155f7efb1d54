"""Sources: every document the data relies on, and the rows that cite it."""

import streamlit as st

from dashboard.ui import cache, page, show
from dashboard.ui.params import SORT_ORDERS, SOURCES, chips
from dashboard.ui.query import escape_markdown
from dashboard.viewmodels import listings

pkg = page.start("Sources", "Every document the data relies on, with the rows that cite it.")
defaults = listings.SOURCE_DEFAULT
allowed = {"sort": listings.SOURCE_ORDERS, "order": SORT_ORDERS}
page.url_state("sources", SOURCES, allowed, defaults)
checked, accessed, summary, organizations = cache.source_checks(pkg)
with st.container(key="sources-checked"):
    st.subheader("Checked up to")
    cols = st.columns(2)
    cols[0].metric("Package checked up to", checked or "not given")
    cols[1].metric("Latest source read", accessed or "not given")
    if summary:
        st.caption(escape_markdown(summary))  # names come from the data
    show.table(organizations, key="sources-organizations", hidden=("id",), height=320)
    st.caption(
        "Each organization's history was checked against its sources up to the date shown; a "
        "status change after it is not in the data. Partial: some members are known to be missing."
    )

st.subheader("Sources")
query = st.text_input("Search title, publisher, id or citing row", key="sources-q")
shown = cache.source_rows(pkg, query)
st.metric("Sources", f"{len(shown):,} of {len(pkg['sources']):,}")
if shown.empty:
    show.nothing_matches("sources")
else:
    order, descending = show.sort_controls("sources", listings.SOURCE_ORDERS)
    show.paged_table(
        cache.source_page(pkg, shown, query, order, descending),
        "sources-table",
        "sources",
        listings.SOURCE_ORDERS[order],
        descending,
        lambda: listings.csv(shown, listings.SOURCE_KEYS, order, descending),
        "sources.csv",
        height=640,
    )
labels = {"sort": listings.SOURCE_ORDERS}
page.finish("sources", SOURCES, defaults, chips(st.session_state, SOURCES, defaults, labels))
