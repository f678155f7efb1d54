"""Dashboard of memberships, agreements and the Minsk–Caspian–Persian Gulf corridor.

Data flows down through the sub-packages, and imports point the same way: `views` (one thin
Streamlit script per page) → `ui` (Streamlit helpers and the caches) → `viewmodels` (what each
page shows) → `derive` and `draw` (siblings that never import each other) → `datapackage` →
`config`. `cow` and `serve` stand apart; the CLI (`__main__`) uses them.
"""
