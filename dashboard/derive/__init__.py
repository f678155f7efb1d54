"""Derivations from a loaded package: filters, display tables (names for codes, labels for
slugs, sources joined), summaries, rankings of what a broad chart shows, coverage labels, what
changed between two dates, country profiles, the dates a player steps through, paged listings and
route finding. Pure functions of frames: they import `dashboard.config` and
`dashboard.datapackage` only, never Streamlit and never `dashboard.draw`."""
