"""Sources: every document the data relies on, and the rows that cite it."""

import streamlit as st

from dashboard import ui
from dashboard.filters import filter_by_text
from dashboard.frames import source_table
from dashboard.page_params import SOURCES, chips

pkg = ui.page("Sources", "Every document the data relies on, with the rows that cite it.")
ui.url_state("sources", SOURCES, {}, {})
sources = source_table(pkg)
query = st.text_input("Search title, publisher or id", key="sources-q")
shown = filter_by_text(sources, ("id", "Title", "Publisher", "Rows"), query)
st.metric("Sources", f"{len(shown):,} of {len(sources):,}")
if shown.empty:
    ui.nothing_matches("sources")
else:
    ui.table(shown, key="sources-table", download="sources.csv", height=640)
ui.finish("sources", SOURCES, {}, chips(st.session_state, SOURCES, {}, {}))
