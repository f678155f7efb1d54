"""The data package: the one schema and its vocabularies, reduced-precision dates, reading CSV
files with their line numbers, cell types, row rules, references, validation (every problem as a
record), layered folders and loading into typed frames. Pure: it imports only `dashboard.config`
and libraries, never Streamlit, and nothing else of the dashboard imports into it."""
