"""Data quality: every problem found in the package, by file, line and column."""

import streamlit as st

from dashboard.datapackage.problems import summary
from dashboard.site import BY_PATH, SORT_ORDERS
from dashboard.ui import cache, page, show
from dashboard.viewmodels import data_quality

DATA_QUALITY = BY_PATH["data-quality"]
KEY = DATA_QUALITY.keys
model = cache.model(data_quality)
table = data_quality.LISTING

pkg = page.start(
    "Data quality", "What the validator found in the data package, and what it left out."
)
files = model.files(pkg)
defaults = {KEY["file"]: files, **show.sort_defaults(DATA_QUALITY, table)}
allowed = {"file": files, "sort": table.labels, "order": SORT_ORDERS}
page.url_state(DATA_QUALITY, allowed, defaults)
st.text(f"Package: {pkg.name}")
st.text(summary(list(pkg.problems), pkg.skipped))

if not pkg.problems:
    st.success("Every row of every file is valid.", icon=":material/check_circle:")
else:
    chosen = tuple(st.multiselect("Files", files, key=KEY["file"]))
    shown = model.rows(pkg, chosen)
    show.listing(pkg, DATA_QUALITY, table, shown, chosen, "dq-table", "problems.csv")
labels = {"sort": table.labels}
page.finish(DATA_QUALITY, defaults, page.chips(DATA_QUALITY, defaults, labels))
