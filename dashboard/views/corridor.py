"""Corridor: the Minsk–Caspian–Persian Gulf route and the INSTC branches."""

import streamlit as st

from dashboard import ui

pkg = ui.page("Corridor", "How goods can move from Minsk to the Persian Gulf.")
cols = st.columns(3)
cols[0].metric("Places", len(pkg["places"]))
cols[1].metric("Legs", len(pkg["route_segments"]))
cols[2].metric("Known length (km)", f"{pkg['route_segments']['length_km'].sum():,.0f}")
ui.table(pkg["route_segments"].drop(columns=["_line"]), key="c-table")
