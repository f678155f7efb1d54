"""Build static/basemap/countries.geojson from Natural Earth 1:110m (public domain).

Reproducible and offline-friendly: the shapefile comes from the `geopandas==0.14.4` wheel on PyPI
(`geopandas/datasets/naturalearth_lowres`, Natural Earth 1:110m Admin 0 countries), read with the
pure-Python `pyshp`. Usage:

    pip download --no-deps -d /tmp/wheels geopandas==0.14.4
    pip install pyshp
    python scripts/build_basemap.py /tmp/wheels/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp

PREFIX = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parent.parent / "static" / "basemap" / "countries.geojson"
# Natural Earth leaves some ISO codes as -99; these are the sovereign states it means.
ISO_FIXES = {
    "France": "FRA",
    "Norway": "NOR",
    "Kosovo": "XKX",
    "N. Cyprus": "CYN",
    "Somaliland": "SOL",
}
DECIMALS = 2  # ~1 km, finer than 1:110m's own precision


def _round(coords):
    if isinstance(coords[0], int | float):
        return [round(c, DECIMALS) for c in coords]
    return [_round(c) for c in coords]


def build(wheel: Path) -> dict:
    """Return the GeoJSON FeatureCollection of country polygons with `iso3` and `name`."""
    with zipfile.ZipFile(wheel) as archive:
        parts = {ext: io.BytesIO(archive.read(f"{PREFIX}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(
        shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="latin-1"
    )
    features = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        name, iso3 = record["name"], record["iso_a3"]
        geometry = shape.__geo_interface__
        geometry = {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])}
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": ISO_FIXES.get(name, iso3), "name": name},
                "geometry": geometry,
            }
        )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(Path(sys.argv[1])), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT}")
