"""The Streamlit side of the pages: the only caches (the package, derived results), the page's
frame (start, URL state, finish), tables and charts with their downloads, the year player,
presenter mode and the story of this session. `query` and `story_codec` are pure codecs (URL
parameters; stories as links and files) and never import Streamlit; the others do.
It imports `dashboard.viewmodels` and everything below it, never `dashboard.views`."""
