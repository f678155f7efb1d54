"""Data quality: every problem found in the package, by file, line and column."""

import streamlit as st

from dashboard import ui
from dashboard.frames import problem_table
from dashboard.page_params import DATA_QUALITY, chips
from dashboard.problems import summary

pkg = ui.page("Data quality", "What the validator found in the data package, and what it left out.")
problems = problem_table(pkg)
files = sorted(problems["file"].unique())
defaults = {"dq-files": files}
ui.url_state("data-quality", DATA_QUALITY, {"file": files}, defaults)
st.text(f"Package: {pkg.folder}")
st.text(summary(list(pkg.problems), pkg.skipped))

if problems.empty:
    st.success("Every row of every file is valid.", icon=":material/check_circle:")
else:
    chosen = st.multiselect("Files", files, key="dq-files")
    ui.table(problems[problems["file"].isin(chosen)], key="dq-table", download="problems.csv")
ui.finish(
    "data-quality", DATA_QUALITY, defaults, chips(st.session_state, DATA_QUALITY, defaults, {})
)
