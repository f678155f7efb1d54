"""Entry point: page config and routes, nothing else."""

from pathlib import Path

import streamlit as st

st.set_page_config(
    page_title="Eurasian memberships and corridor",
    page_icon=str(Path(__file__).parent / "static" / "icon.png"),  # local: nothing is fetched
    layout="wide",
)

PAGES = [
    st.Page(
        "dashboard/views/overview.py", title="Overview", icon=":material/dashboard:", default=True
    ),
    st.Page(
        "dashboard/views/memberships.py",
        title="Memberships",
        icon=":material/groups:",
        url_path="memberships",
    ),
    st.Page(
        "dashboard/views/agreements.py",
        title="Agreements",
        icon=":material/handshake:",
        url_path="agreements",
    ),
    st.Page(
        "dashboard/views/corridor.py",
        title="Corridor",
        icon=":material/route:",
        url_path="corridor",
    ),
    st.Page(
        "dashboard/views/sources.py",
        title="Sources",
        icon=":material/menu_book:",
        url_path="sources",
    ),
    st.Page(
        "dashboard/views/data_quality.py",
        title="Data quality",
        icon=":material/rule:",
        url_path="data-quality",
    ),
]

st.navigation(PAGES).run()
