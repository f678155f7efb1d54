"""Fill in estimated leg lengths in route_segments.csv from the drawn geometry.

Every leg whose `length_basis` is not `sourced` gets `length_km` set to the great-circle
(haversine) length of its drawn path: from the `from_place` through each point of `waypoints`
(`lat lon;lat lon`) to the `to_place`, using the places' `lat`/`lon` from places.csv, rounded to
whole kilometres, and `length_basis` set to `estimated`. A great-circle path is a lower bound of
the real track or sailing length. Rows marked `sourced` are left untouched.

A row with a length but no basis is an error, not overwritten: its length may come from a source,
so mark it `sourced` (and cite the source) or `estimated` first. A row marked `sourced` without a
length is an error too, and so is any other basis. Nothing is written when there is an error.

The file is rewritten in place: all other cells and the column order are kept, and a
`length_basis` column is added right after `length_km` if it is missing.

Usage: python scripts/estimate_lengths.py DATA_DIR
"""

from __future__ import annotations

import csv
import math
import sys
from itertools import pairwise
from pathlib import Path

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
SOURCED = "sourced"
ESTIMATED = "estimated"

Point = tuple[float, float]  # (lat, lon) in decimal degrees


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def path_length_km(points: list[Point]) -> float:
    """Sum of the great-circle distances between consecutive points."""
    return sum(haversine_km(p, q) for p, q in pairwise(points))


def parse_waypoints(text: str) -> list[Point]:
    """Parse `lat lon;lat lon` (empty items ignored) into (lat, lon) points."""
    points = []
    for pair in (p for p in text.split(";") if p.strip()):
        try:
            lat, lon = (float(x) for x in pair.split())
        except ValueError:
            raise ValueError(f"waypoint '{pair.strip()}' is not 'lat lon'") from None
        points.append((lat, lon))
    return points


def round_km(value: float) -> int:
    """Round half up to a whole kilometre."""
    return int(math.floor(value + 0.5))


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]], bool]:
    """Return the header, the rows and whether the file starts with a UTF-8 BOM."""
    raw = path.read_bytes()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader), has_bom


def load_places(path: Path) -> dict[str, Point]:
    """Map each place id to its (lat, lon)."""
    _, rows, _ = read_table(path)
    return {r["id"].strip(): (float(r["lat"]), float(r["lon"])) for r in rows}


def estimate(segment: dict[str, str], places: dict[str, Point]) -> int:
    """Estimated length in km of one leg along from_place → waypoints → to_place."""
    ends = []
    for column in ("from_place", "to_place"):
        place = segment[column].strip()
        if place not in places:
            raise ValueError(f"segment {segment['id']}: unknown {column} '{place}'")
        ends.append(places[place])
    try:
        middle = parse_waypoints(segment.get("waypoints") or "")
    except ValueError as error:
        raise ValueError(f"segment {segment['id']}: {error}") from None
    points = [ends[0], *middle, ends[1]]
    return round_km(path_length_km(points))


def fill_estimates(data_dir: Path) -> int:
    """Rewrite route_segments.csv in data_dir with estimates; return the number of rows filled."""
    places = load_places(data_dir / "places.csv")
    path = data_dir / "route_segments.csv"
    header, rows, has_bom = read_table(path)
    if "length_basis" not in header:
        position = header.index("length_km") + 1 if "length_km" in header else len(header)
        header.insert(position, "length_basis")
    filled = 0
    for row in rows:
        basis = (row.get("length_basis") or "").strip()
        length = (row.get("length_km") or "").strip()
        if basis not in ("", SOURCED, ESTIMATED):
            raise ValueError(f"segment {row['id']}: unknown length_basis '{basis}'")
        if basis == SOURCED:
            if not length:
                raise ValueError(f"segment {row['id']}: marked '{SOURCED}' but has no length_km")
            continue
        if length and not basis:
            raise ValueError(
                f"segment {row['id']}: length_km {length} has no length_basis; "
                f"mark it '{SOURCED}' or '{ESTIMATED}'"
            )
        row["length_km"] = str(estimate(row, places))
        row["length_basis"] = ESTIMATED
        filled += 1
    with path.open("w", encoding="utf-8-sig" if has_bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows({column: row.get(column) or "" for column in header} for row in rows)
    return filled


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        filled = fill_estimates(Path(argv[1]))
    except (OSError, KeyError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{filled} leg(s) given an estimated length")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
