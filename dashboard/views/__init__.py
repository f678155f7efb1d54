"""One thin Streamlit script per page, routed by `app.py` from `dashboard.site`: read the widgets,
build the parameters, ask the page's view model (cached by `dashboard.ui.cache`) and draw. Views
are scripts, never imported by other modules; they may import anything below them."""
