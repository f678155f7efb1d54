"""The import of the Correlates of War IGO data (`python -m dashboard import-cow`): reading COW's
files, its state columns as ISO 3166 codes, year-precise spans, and a package written in this
project's format. Pure: it imports `dashboard.config` and `dashboard.datapackage` only; the CLI
is its only caller."""
