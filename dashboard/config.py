"""Constants: colours (colour-blind-safe, the same on every page), defaults and the map view."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the project: app.py, data/, static/
DATA_DIR_VARIABLE = "DASHBOARD_DATA"  # names the package's folders (`a:b` layers b over a)
MAX_REPLICAS = 32  # app processes `serve` starts at most

# A data file larger than this is not read (the benchmarks' 250,000 agreements make ~100 MB).
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_FILE_LABEL = "512 MiB"  # the same limit, as the problem message names it
# A row with a cell longer than this is left out (the longest bundled cell holds ~2,000).
MAX_CELL_CHARS = 100_000

# One colour per membership status, drawn opaque on the map and in charts. Chosen so that no status
# can pass for water, bare land or another status, in either theme and for deuteranopes and
# protanopes too: CIEDE2000 ≥ 23 between statuses and ≥ 22 from sea and land in both themes (≥ 17
# in simulated deuteranopia and protanopia; tests/test_config.py measures it). None is blue: blue
# is water.
STATUS_COLORS: dict[str, str] = {
    "founding_member": "#8F2699",
    "member": "#D876DE",
    "associate_member": "#8E5755",
    "observer": "#A77118",
    "dialogue_partner": "#F6E94C",
    "partner_country": "#0A4602",
    "applicant": "#80848C",
    "suspended": "#E59884",
}

# Paul Tol's colour-blind-safe "muted" and "light" schemes, then his "bright" scheme's extras.
SECTOR_COLORS: dict[str, str] = {
    "political": "#332288",
    "legal": "#88CCEE",
    "trade": "#44AA99",
    "customs": "#117733",
    "industry": "#999933",
    "agriculture": "#DDCC77",
    "pharmaceuticals": "#CC6677",
    "health": "#882255",
    "tourism": "#AA4499",
    "culture": "#77AADD",
    "media": "#99DDFF",
    "education": "#44BB99",
    "science_technology": "#BBCC33",
    "environment": "#AAAA00",
    "investment": "#EEDD88",
    "free_zones": "#EE8866",
    "finance": "#FFAABB",
    "energy": "#4477AA",
    "transport": "#EE6677",
    "defence": "#228833",
    "security": "#CCBB44",
    "standards": "#BBBBBB",
}

MODE_COLORS: dict[str, str] = {
    "rail": "#0072B2",
    "road": "#E69F00",
    "sea": "#009E73",
    "inland_waterway": "#56B4E9",
}

# The source every row imported from the Correlates of War IGO data cites (dashboard/cow/).
COW_SOURCE_ID = "cow-igo-v3"
COW_LABEL = "year precision, COW IGO v3"  # the mark a COW row carries wherever it is shown

# The organizations pages lead with, in this order, then the other curated ones (those Iran and
# Belarus belong to); organizations that ever had more countries than LARGE_ORGANIZATION (the
# NAM's 120) are left out of the default views, one click away.
LEAD_ORGANIZATIONS = ("sco", "brics", "eaeu")
LARGE_ORGANIZATION = 60

# Countries compared by default when the package has them.
DEFAULT_COMPARE = ("IRN", "BLR")

# Past these sizes charts switch from one mark per row to aggregated marks.
MAX_TIMELINE_LANES = 60
MAX_AGREEMENT_POINTS = 1500
MAX_MATRIX_CELLS = 1500
MAX_MATRIX_ROWS = 120  # rows of the status grid (the longer of countries and organizations)
MAX_MATRIX_COLUMNS = 30  # its columns
OVERVIEW_BARS = 20  # organizations in the overview's "countries by status" chart

# The corridor map. The first view frames Minsk to Mumbai in a ~700 × 620 px map (deck.gl zoom),
# the corridor left of centre: the legend lies over the map's upper right corner (Central Asia).
MAP_VIEW: dict[str, float] = {"latitude": 41.5, "longitude": 52.0, "zoom": 2.9}
MAP_HEIGHT = 620  # pixels
BASEMAP_URL = "/app/static/basemap/countries.geojson"  # static/basemap/, served by Streamlit
BASEMAP_FILE = ROOT / "static" / "basemap" / "countries.geojson"
BASEMAP_ATTRIBUTION = "Basemap: Natural Earth (public domain), 1:110m countries."


@dataclass(frozen=True)
class MapColors:
    """The basemap and the text on the map in one theme: a country with no status is `land`."""

    sea: str
    land: str
    border: str
    text: str  # labels and the legend
    panel: str  # behind labels and the legend (drawn at PANEL_ALPHA)


MAP_THEMES: dict[str, MapColors] = {
    "light": MapColors("#C9DDEB", "#EFEBE3", "#9A9A9A", "#1B2631", "#FFFFFF"),
    "dark": MapColors("#0A1B30", "#343E49", "#5F6B78", "#F2F5F8", "#0F1923"),
}
LIGHT, DARK = "light", "dark"  # Streamlit's theme types; the map is light when it cannot tell
PANEL_ALPHA = 235  # opacity (0–255) of the panel behind labels and the legend
SEA_COLOR = MAP_THEMES[LIGHT].sea
LAND_COLOR = MAP_THEMES[LIGHT].land
BORDER_COLOR = MAP_THEMES[LIGHT].border
# Line width in pixels and opacity (0–255) per segment status: the less real, the fainter.
SEGMENT_STATUS_WIDTHS: dict[str, int] = {
    "operational": 5,
    "under_construction": 4,
    "planned": 3,
    "gap": 4,
}
SEGMENT_STATUS_ALPHAS: dict[str, int] = {
    "operational": 255,
    "under_construction": 200,
    "planned": 150,
    "gap": 150,
}
FADED_ALPHA = 70  # opacity (0–255) of the legs off the chosen route
ROUTE_EXTRA_WIDTH = 3  # pixels the chosen route's legs are wider than they would be
# Statuses drawn with a dotted white overlay, so they read as "not there yet" in any colour.
DOTTED_STATUSES = ("under_construction", "planned", "gap")
PLACE_KIND_COLORS: dict[str, str] = {
    "city": "#1B2631",
    "port": "#0072B2",
    "border_crossing": "#D55E00",
    "free_zone": "#CC79A7",
    "junction": "#6C7A89",
}
MEMBERSHIP_SHADE_ALPHA = 255  # opaque: a status colour drawn as it is, never blended with land
HIGHLIGHT_COLOR = "#E69F00"  # the country of a profile, on its small map
# The route the corridor page's summary opens on (place ids), when the package has them.
DEFAULT_ROUTE = ("minsk", "bandar-abbas")

# One colour per kind of change on the "What changed" page (Okabe & Ito, as the statuses).
CHANGE_KIND_COLORS: dict[str, str] = {
    "joined": "#009E73",
    "status_changed": "#56B4E9",
    "left": "#D55E00",
    "suspended": "#CC79A7",
    "signed": "#0072B2",
    "in_force": "#E69F00",
    "event": "#999999",
}
TRADE_FLOW_COLORS: dict[str, str] = {
    "export": "#0072B2",
    "import": "#E69F00",
    "turnover": "#009E73",
}
