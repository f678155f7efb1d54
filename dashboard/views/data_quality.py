"""Data quality: every problem found in the package, by file, line and column."""

import streamlit as st

from dashboard.datapackage.problems import summary
from dashboard.ui import cache, page, show
from dashboard.ui.params import DATA_QUALITY, SORT_ORDERS, chips
from dashboard.viewmodels import listings

pkg = page.start(
    "Data quality", "What the validator found in the data package, and what it left out."
)
files = cache.problem_files(pkg)
defaults = {"dq-files": files, **listings.PROBLEM_DEFAULT}
allowed = {"file": files, "sort": listings.PROBLEM_ORDERS, "order": SORT_ORDERS}
page.url_state("data-quality", DATA_QUALITY, allowed, defaults)
st.text(f"Package: {pkg.folder}")
st.text(summary(list(pkg.problems), pkg.skipped))

if not pkg.problems:
    st.success("Every row of every file is valid.", icon=":material/check_circle:")
else:
    chosen = st.multiselect("Files", files, key="dq-files")
    shown = cache.problem_rows(pkg, tuple(chosen))
    order, descending = show.sort_controls("dq", listings.PROBLEM_ORDERS)
    show.paged_table(
        cache.problem_page(pkg, shown, tuple(chosen), order, descending),
        "dq-table",
        "problems",
        listings.PROBLEM_ORDERS[order],
        descending,
        lambda: listings.csv(shown, listings.PROBLEM_KEYS, order, descending),
        "problems.csv",
    )
labels = {"sort": listings.PROBLEM_ORDERS}
page.finish(
    "data-quality",
    DATA_QUALITY,
    defaults,
    chips(st.session_state, DATA_QUALITY, defaults, labels),
)
