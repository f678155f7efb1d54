"""Overview: the picture at a glance, and ways into every page."""

from datetime import date

import streamlit as st

from dashboard import cache, ui
from dashboard.page_params import NONE
from dashboard.urlstate import escape_markdown

pkg = ui.page(
    "Who belongs where, what they signed, how goods move",
    "Memberships of the SCO, BRICS, the EAEU and related bodies; the Iran–Belarus relationship; "
    "the Minsk–Caspian–Persian Gulf corridor. Every row is sourced.",
)
ui.url_state("", NONE, {}, {})
view = cache.overview(pkg, date.today())

cols = st.columns(5)
cols[0].metric("Organizations", f"{view.organizations:,}")
cols[1].metric("Countries in them today", f"{view.countries_today:,}")
cols[2].metric("Agreements", f"{view.agreements:,}")
cols[3].metric("Corridor legs", f"{view.legs:,}")
cols[4].metric("Sources", f"{view.sources:,}")
with st.container(key="o-coverage"):
    for note in (view.organizations_note, view.countries_note):
        if note:
            st.caption(escape_markdown(note))  # names come from the data

left, right = st.columns([3, 2])
with left:
    if view.status is not None:
        if view.status_note:
            st.caption(view.status_note)
        ui.chart(view.status, "o-status")
        with st.container(key="o-status-checked"):
            st.text(view.status_checked)
    st.subheader("Most recent changes")
    ui.table(view.recent, key="o-recent")
with right:
    pair = view.pair
    if pair is not None:
        st.subheader("The pair in figures")
        st.text(" and ".join(pair.names))
        st.metric("Organizations where both have a status today", len(pair.together))
        st.text(", ".join(pair.together) or "none")
        if pair.together_note:
            st.caption(pair.together_note)
        st.metric("Bilateral documents in the data", pair.documents)
        if pair.latest_signed:
            st.text(pair.latest_signed)
        if pair.trade:
            st.text(pair.trade)
        if not pair.shared.empty:
            ui.table(pair.shared, key="o-pair")

st.subheader("Explore")
links = st.columns(5)
links[0].page_link("dashboard/views/memberships.py", label="Memberships", icon=":material/groups:")
links[1].page_link("dashboard/views/agreements.py", label="Agreements", icon=":material/handshake:")
links[2].page_link("dashboard/views/corridor.py", label="Corridor map", icon=":material/route:")
links[3].page_link("dashboard/views/sources.py", label="Sources", icon=":material/menu_book:")
links[4].page_link("dashboard/views/data_quality.py", label="Data quality", icon=":material/rule:")
ui.finish("", NONE, {}, [])
