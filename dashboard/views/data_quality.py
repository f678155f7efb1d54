"""Data quality: every problem found in the package, by file, line and column."""

import streamlit as st

from dashboard import cache, listing_views, ui
from dashboard.page_params import DATA_QUALITY, SORT_ORDERS, chips
from dashboard.problems import summary

pkg = ui.page("Data quality", "What the validator found in the data package, and what it left out.")
files = cache.problem_files(pkg)
defaults = {"dq-files": files, **listing_views.PROBLEM_DEFAULT}
allowed = {"file": files, "sort": listing_views.PROBLEM_ORDERS, "order": SORT_ORDERS}
ui.url_state("data-quality", DATA_QUALITY, allowed, defaults)
st.text(f"Package: {pkg.folder}")
st.text(summary(list(pkg.problems), pkg.skipped))

if not pkg.problems:
    st.success("Every row of every file is valid.", icon=":material/check_circle:")
else:
    chosen = st.multiselect("Files", files, key="dq-files")
    shown = cache.problem_rows(pkg, tuple(chosen))
    order, descending = ui.sort_controls("dq", listing_views.PROBLEM_ORDERS)
    ui.paged_table(
        cache.problem_page(pkg, shown, tuple(chosen), order, descending),
        "dq-table",
        "problems",
        listing_views.PROBLEM_ORDERS[order],
        descending,
        lambda: listing_views.csv(shown, listing_views.PROBLEM_KEYS, order, descending),
        "problems.csv",
    )
labels = {"sort": listing_views.PROBLEM_ORDERS}
ui.finish(
    "data-quality",
    DATA_QUALITY,
    defaults,
    chips(st.session_state, DATA_QUALITY, defaults, labels),
)
