"""Overview: the picture at a glance, and ways into every page."""

from datetime import date

import streamlit as st

from dashboard import charts, ui
from dashboard.config import DEFAULT_COMPARE
from dashboard.frames import country_names, organization_names, party_names
from dashboard.page_params import NONE
from dashboard.summaries import (
    as_of_matrix,
    bilateral,
    compare_countries,
    latest_trade,
    recent_changes,
    status_totals,
)

pkg = ui.page(
    "Who belongs where, what they signed, how goods move",
    "Memberships of the SCO, BRICS, the EAEU and related bodies; the Iran–Belarus relationship; "
    "the Minsk–Caspian–Persian Gulf corridor. Every row is sourced.",
)
ui.url_state("", NONE, {}, {})
today = date.today()
countries, orgs, names = country_names(pkg), organization_names(pkg), party_names(pkg)
matrix = as_of_matrix(pkg["memberships"], today, countries, orgs)

cols = st.columns(5)
cols[0].metric("Organizations", len(pkg["organizations"]))
cols[1].metric("Countries in them today", matrix["country"].nunique())
cols[2].metric("Agreements", len(pkg["agreements"]))
cols[3].metric("Corridor legs", len(pkg["route_segments"]))
cols[4].metric("Sources", len(pkg["sources"]))

left, right = st.columns([3, 2])
with left:
    if not matrix.empty:
        title = f"Countries by status, {today.isoformat()}"
        ui.chart(charts.status_bar_chart(status_totals(matrix), title), "o-status")
    st.subheader("Most recent changes")
    recent = recent_changes(pkg["memberships"], pkg["agreements"], names, today, 12)
    ui.table(recent, key="o-recent")
with right:
    pair = tuple(c for c in DEFAULT_COMPARE if c in countries)
    if len(pair) == 2:
        st.subheader("The pair in figures")
        st.text(" and ".join(countries[c] for c in pair))
        shared = compare_countries(matrix, pair, countries)
        together = (
            [] if shared.empty else list(shared[shared["All in it"] == "yes"]["Organization"])
        )
        docs = bilateral(pkg["agreements"], pair)
        signed = docs.dropna(subset=["signed_date_ts"])
        st.metric("Organizations where both have a status today", len(together))
        st.text(", ".join(together) or "none")
        st.metric("Bilateral documents in the data", len(docs))
        if not signed.empty:
            latest = signed.sort_values("signed_date_ts").iloc[-1]
            st.text(f"Latest signed: {latest['signed_date']} — {latest['title']}")
        trade = latest_trade(pkg["trade"], pair)
        if trade is not None:
            st.text(
                f"Latest trade figure ({trade['year']}, {trade['flow']}): "
                f"${trade['value_usd'] / 1e6:,.1f} million. {trade['period_note']}"
            )
        if not shared.empty:
            ui.table(shared, key="o-pair")

st.subheader("Explore")
links = st.columns(5)
links[0].page_link("dashboard/views/memberships.py", label="Memberships", icon=":material/groups:")
links[1].page_link("dashboard/views/agreements.py", label="Agreements", icon=":material/handshake:")
links[2].page_link("dashboard/views/corridor.py", label="Corridor map", icon=":material/route:")
links[3].page_link("dashboard/views/sources.py", label="Sources", icon=":material/menu_book:")
links[4].page_link("dashboard/views/data_quality.py", label="Data quality", icon=":material/rule:")
ui.finish("", NONE, {}, [])
