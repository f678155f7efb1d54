"""Sources: every document the data relies on, and the rows that cite it."""

import streamlit as st

from dashboard.site import BY_PATH, SORT_ORDERS
from dashboard.ui import cache, page, show
from dashboard.ui.query import escape_markdown
from dashboard.viewmodels import sources

SOURCES = BY_PATH["sources"]
KEY = SOURCES.keys
model = cache.model(sources)
table = sources.LISTING

pkg = page.start("Sources", "Every document the data relies on, with the rows that cite it.")
defaults = show.sort_defaults(SOURCES, table)
allowed = {"sort": table.labels, "order": SORT_ORDERS}
page.url_state(SOURCES, allowed, defaults)
checked, accessed, summary, organizations = model.checks(pkg)
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
query = st.text_input("Search title, publisher, id or citing row", key=KEY["q"])
shown = model.rows(pkg, query)
st.metric("Sources", f"{len(shown):,} of {len(pkg['sources']):,}")
if shown.empty:
    show.nothing_matches("sources")
else:
    show.listing(pkg, SOURCES, table, shown, query, "sources-table", "sources.csv", height=640)
page.finish(SOURCES, defaults, page.chips(SOURCES, defaults, {"sort": table.labels}))
