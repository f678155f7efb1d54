"""Entry point: page config and routes, nothing else."""

from pathlib import Path

import streamlit as st

from dashboard.site import PAGES

st.set_page_config(
    page_title="Eurasian memberships and corridor",
    page_icon=str(Path(__file__).parent / "static" / "icon.png"),  # local: nothing is fetched
    layout="wide",
)

st.navigation(
    [
        st.Page(
            p.script,
            title=p.title,
            icon=p.icon,
            url_path=p.url_path or None,
            default=not p.url_path,
        )
        for p in PAGES
    ]
).run()
