"""`python -m dashboard serve`: several app processes (replicas) on loopback behind nginx with
cookie-keyed session affinity, health-checked, restarted, warmed before viewers arrive, and
stopped with nothing left behind. It imports only `dashboard.config` and libraries (the warm-up
speaks Streamlit's protocol through `streamlit.proto`); no page code."""
