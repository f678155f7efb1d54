"""What each page shows, one module per page: pure functions of (package, parameters) that return
the frames, figures and decks a view draws. Each result is computed once per parameter set and
shared by every session (`dashboard.ui.cache`). They import `dashboard.derive`,
`dashboard.draw`, `dashboard.datapackage` and `dashboard.config`, never Streamlit."""
