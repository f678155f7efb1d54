"""Drawing: Altair charts, the pydeck map (offline basemap, shaded countries, legs, places,
labels), its legend, the map as a still image, the Web Mercator maths they share, and PNG/SVG
export without a browser. Builders take small prepared frames and return specifications; they
import `dashboard.config` and `dashboard.datapackage` only, never Streamlit and never
`dashboard.derive`."""
