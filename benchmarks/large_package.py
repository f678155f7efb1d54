"""Speed and memory on a generated large package: 50,000 agreements, 20,000 membership spans.

Usage: python benchmarks/large_package.py [--agreements N] [--spans N]
Prints a table: step, seconds, peak memory of the step (tracemalloc, MiB).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd

from dashboard import charts
from dashboard.config import MAX_AGREEMENT_POINTS, MAX_MATRIX_CELLS, MAX_TIMELINE_LANES
from dashboard.filters import (
    AgreementFilter,
    MembershipFilter,
    filter_agreements,
    filter_memberships,
)
from dashboard.frames import agreement_table, membership_table
from dashboard.package import DEFAULT_DATA_DIR, load_package
from dashboard.summaries import (
    agreement_points,
    as_of_matrix,
    limit_matrix,
    sector_counts,
    timeline_frame,
    year_counts,
)

NO_MARKERS = pd.DataFrame()


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def generate(folder: Path, agreements: int, spans: int) -> None:
    """Copy the bundled package and add synthetic agreements and membership spans."""
    rng = random.Random(7)
    for file in DEFAULT_DATA_DIR.glob("*.csv"):
        (folder / file.name).write_bytes(file.read_bytes())
    countries = [r["iso3"] for r in csv.DictReader((folder / "countries.csv").open())]
    source = next(csv.DictReader((folder / "sources.csv").open()))["id"]
    with (DEFAULT_DATA_DIR / "agreements.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        real = list(reader)
    position = header.index("id")
    with (folder / "agreements.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(agreements):  # real rows, resampled, each under a new id
            row = list(rng.choice(real))
            row[position] = f"{row[position]}-r{i}"
            writer.writerow(row)
    # One synthetic organization per 10 spans keeps each (country, org) pair to few spans.
    pairs = [
        (f"bench-{i // len(countries)}", countries[i % len(countries)]) for i in range(spans // 2)
    ]
    with (folder / "organizations.csv").open("a", encoding="utf-8", newline="") as handle:
        for org in sorted({o for o, _ in pairs}):
            csv.writer(handle).writerow(
                [org, org, org.upper(), "1990", "", "intergovernmental_forum", "", "", source]
            )
    rows = []
    for org, country in pairs:
        rows.append(
            [
                f"{org}-{country.lower()}-a",
                country,
                org,
                "observer",
                "1995",
                "2010-05-01",
                "",
                source,
            ]
        )
        rows.append(
            [f"{org}-{country.lower()}-b", country, org, "member", "2010-05-01", "", "", source]
        )
    _write(
        folder / "memberships.csv",
        ["id", "country", "organization", "status", "start_date", "end_date", "note", "source_ids"],
        rows,
    )


def measure(label: str, func, results: list):
    """Time one call, then repeat it under tracemalloc for its peak (tracing slows it down)."""
    started = time.perf_counter()
    value = func()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    results.append((label, seconds, peak))
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=50_000)
    parser.add_argument("--spans", type=int, default=20_000)
    parser.add_argument("--write", type=Path, help="only write the package to this folder")
    args = parser.parse_args()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        generate(args.write, args.agreements, args.spans)
        print(f"wrote {args.write}")
        return
    results: list = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.agreements, args.spans)
        pkg = measure("load + validate (uncached)", lambda: load_package(folder), results)
    assert not pkg.errors, pkg.errors[:3]
    names = dict(zip(pkg["countries"]["iso3"], pkg["countries"]["name"], strict=True))
    orgs = dict(zip(pkg["organizations"]["id"], pkg["organizations"]["short_name"], strict=True))
    agreements = measure(
        "filter agreements (sector + text)",
        lambda: filter_agreements(
            pkg["agreements"], AgreementFilter(sectors=("trade",), query="agreement 1")
        ),
        results,
    )
    measure(
        "agreement charts (aggregate + spec)",
        lambda: [
            charts.agreement_timeline_chart(
                agreement_points(pkg["agreements"], MAX_AGREEMENT_POINTS), NO_MARKERS, "t"
            ).to_dict(),
            charts.count_bar_chart(sector_counts(pkg["agreements"]), "Sector", "t").to_dict(),
            charts.year_bar_chart(year_counts(pkg["agreements"]), "t").to_dict(),
        ],
        results,
    )
    measure(
        "agreement table (display frame)", lambda: agreement_table(pkg["agreements"], pkg), results
    )
    spans = measure(
        "filter memberships (status)",
        lambda: filter_memberships(pkg["memberships"], MembershipFilter(statuses=("member",))),
        results,
    )
    measure(
        "as-of matrix (capped) + chart",
        lambda: charts.status_matrix_chart(
            limit_matrix(
                as_of_matrix(pkg["memberships"], date(2026, 11, 23), names, orgs), MAX_MATRIX_CELLS
            )[0],
            "t",
        ).to_dict(),
        results,
    )
    measure(
        "timeline (lanes capped) + chart",
        lambda: charts.membership_timeline_chart(
            timeline_frame(pkg["memberships"], date(2026, 11, 23), names, orgs, MAX_TIMELINE_LANES)[
                0
            ],
            NO_MARKERS,
            "t",
        ).to_dict(),
        results,
    )
    measure(
        "membership table (display frame)",
        lambda: membership_table(pkg["memberships"], pkg),
        results,
    )
    print(
        f"agreements={len(pkg['agreements']):,} spans={len(pkg['memberships']):,} "
        f"filtered agreements={len(agreements):,} filtered spans={len(spans):,}"
    )
    print(f"{'step':40} {'seconds':>8} {'peak MiB':>9}")
    for label, seconds, peak in results:
        print(f"{label:40} {seconds:8.3f} {peak:9.1f}")


if __name__ == "__main__":
    main()
