"""Data quality: every problem found in the package, by file, line and column."""

import streamlit as st

from dashboard import ui
from dashboard.frames import problem_table
from dashboard.problems import summary

pkg = ui.page("Data quality", "What the validator found in the data package, and what it left out.")
st.text(f"Package: {pkg.folder}")
st.text(summary(list(pkg.problems), pkg.skipped))

problems = problem_table(pkg)
if problems.empty:
    st.success("Every row of every file is valid.", icon=":material/check_circle:")
else:
    files = sorted(problems["file"].unique())
    chosen = st.multiselect("Files", files, default=files, key="dq-files")
    shown = problems[problems["file"].isin(chosen)]
    ui.table(shown, key="dq-table")
    st.download_button(
        "Download the problems (CSV)",
        shown.to_csv(index=False).encode("utf-8"),
        file_name="data-problems.csv",
        mime="text/csv",
        key="dq-download",
    )
