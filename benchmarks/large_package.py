"""The dashboard on a large package: 250,000 agreements and 20,000 membership spans.

Usage: python benchmarks/large_package.py [--agreements N] [--spans N] [--cow ../shared/cow]
       python benchmarks/large_package.py --write DIR   (only write the package)

Agreements are real rows of data/agreements.csv resampled under new ids; spans are generated
(one synthetic organization per few countries). `--cow` imports the Correlates of War IGO data
and layers the generated package over it (`DASHBOARD_DATA=cow:generated`). It reports:
- load + validate: seconds and peak memory (its own process), against a bare `pandas.read_csv`
  of the same files in the same run;
- the all-rows CSV of /changes (every change), /agreements and /memberships (every row), each
  as "Download as CSV" builds it in its default order: rows, size, seconds (and CPU seconds,
  steadier on a shared machine), and how far the build raises the process's peak memory (each
  in a process of its own);
- the server (`streamlit run app.py` on a loopback port, driven over its websocket protocol):
  cold start (process start to the first page rendered), then for /agreements and
  /memberships a warm first render and a filter rerun, with the bytes each sends, and the
  server's resident memory.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from streamlit_client import Session, resident_mib, server, stream_url

from dashboard.datapackage.folders import DEFAULT_DATA_DIR

# page, multiselect changed by the filter rerun, option picked (by position, or the first
# whose label starts with the text: the generated spans belong to generated organizations)
PAGES = (("agreements", "a-sector", 0), ("memberships", "m-org", "BENCH-"))
# Each measured in a process of its own, so that one's memory does not count for the other.
BARE_SCRIPT = """
import resource, sys, time
import pandas as pd
from dashboard.datapackage.layers import layers_of
from dashboard.datapackage.schema import TABLES
started = time.perf_counter()
for folder in layers_of(sys.argv[1]):
    for table in TABLES:
        if (folder / table.file).exists():
            pd.read_csv(folder / table.file, dtype=str, keep_default_na=False)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
LOAD_SCRIPT = """
import resource, sys, time
from dashboard.datapackage.load import load_package
started = time.perf_counter()
pkg = load_package(sys.argv[1])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(seconds, peak, len(pkg["agreements"]), len(pkg["memberships"]), len(pkg.errors))
"""

# The download of each page's table, built as a click on "Download as CSV" builds it.
CSV_SCRIPT = """
import resource, sys, time
from dashboard.datapackage.load import load_package
from dashboard.derive.changes import ChangeFilter
from dashboard.derive.filters import AgreementFilter, MembershipFilter
from dashboard.viewmodels import agreements, changes, memberships
pkg = load_package(sys.argv[1])
page = sys.argv[2]
if page == "changes":
    shown = changes.rows(pkg, changes.everything(pkg), ChangeFilter())
    build = lambda: changes.listing(pkg).csv(shown, "date", False)
elif page == "agreements":
    shown = agreements.rows(pkg, AgreementFilter())
    build = lambda: agreements.listing(pkg).csv(shown, "signed_date", True)
else:
    shown = memberships.rows(pkg, MembershipFilter())
    build = lambda: memberships.listing(pkg).csv(shown, "organization", False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started, cpu = time.perf_counter(), time.process_time()
csv = build()
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(seconds, cpu, len(shown), len(csv), peak - before)
"""
CSV_PAGES = ("changes", "agreements", "memberships")


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
    with (folder / "organizations.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with (folder / "organizations.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="")
        for org in sorted({o for o, _ in pairs}):
            writer.writerow(
                {
                    "id": org,
                    "name": org,
                    "short_name": org.upper(),
                    "founded": "1990",
                    "kind": "intergovernmental_forum",
                    "source_ids": source,
                }
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


def _run(script: str, spec: str, *more: str) -> list[str]:
    command = [sys.executable, "-c", script, spec, *more]
    return subprocess.run(
        command, capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()


def load_figures(spec: str) -> tuple[float, float, float, float, int, int, int]:
    """Bare read_csv (s, peak MiB), then load + validate (s, peak MiB), rows and errors."""
    bare = _run(BARE_SCRIPT, spec)
    out = _run(LOAD_SCRIPT, spec)
    return (
        float(bare[0]),
        float(bare[1]),
        float(out[0]),
        float(out[1]),
        int(out[2]),
        int(out[3]),
        int(out[4]),
    )


def print_csv_figures(spec: str) -> None:
    """Build each page's all-rows CSV in a process of its own and print what it took."""
    header = f"{'rows':>9} {'MB':>6} {'seconds':>8} {'CPU s':>6} {'peak +MiB':>10}"
    print(f"{'all-rows CSV':14} {header}")
    for page in CSV_PAGES:
        seconds, cpu, rows, size, grown = (float(x) for x in _run(CSV_SCRIPT, spec, page))
        print(f"/{page:13} {rows:9,.0f} {size / 1e6:6.1f} {seconds:8.2f} {cpu:6.2f} {grown:10.0f}")


async def open_page(port: int, page: str):
    async with Session(stream_url(port), page) as session:
        return await session.open()


async def page_figures(port: int, page: str, key: str, option: int | str) -> tuple:
    async with Session(stream_url(port), page) as session:
        first = await session.open()
        options = session.multiselects[next(w for w in session.multiselects if w.endswith(key))]
        if isinstance(option, str):
            option = next(i for i, label in enumerate(options) if label.startswith(option))
        change = await session.choose(key, option % len(options))
    return first, change


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=250_000)
    parser.add_argument("--spans", type=int, default=20_000)
    parser.add_argument("--cow", type=Path, help="folder with COW's IGO_csv.zip, states2016.csv")
    parser.add_argument("--write", type=Path, help="only write the package to this folder")
    args = parser.parse_args()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        generate(args.write, args.agreements, args.spans)
        print(f"wrote {args.write}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        generated.mkdir()
        generate(generated, args.agreements, args.spans)
        spec = str(generated)
        if args.cow:
            cow = Path(tmp) / "cow"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "dashboard",
                    "import-cow",
                    str(args.cow / "IGO_csv.zip"),
                    str(args.cow / "states2016.csv"),
                    str(cow),
                ],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            spec = f"{cow}:{generated}"
        bare, bare_peak, seconds, peak, agreements, spans, errors = load_figures(spec)
        print(f"package: {agreements:,} agreements, {spans:,} spans, {errors} errors ({spec})")
        print(
            f"load + validate: {seconds:.2f} s, peak {peak:.0f} MiB; bare pandas.read_csv of "
            f"the same files: {bare:.2f} s, peak {bare_peak:.0f} MiB (ratio {seconds / bare:.1f})"
        )
        print_csv_figures(spec)
        started = time.perf_counter()
        with server(ROOT / "app.py", {"DASHBOARD_DATA": spec}, ROOT) as (port, process):
            first = asyncio.run(open_page(port, "agreements"))
            cold = time.perf_counter() - started
            print(
                f"cold start (process start to first /agreements): {cold:.2f} s "
                f"(that first render {first.seconds:.2f} s)"
            )
            print(
                f"{'page':14} {'first render s':>14} {'sent MB':>8} {'filter rerun s':>15} "
                f"{'sent MB':>8}"
            )
            for page, key, option in PAGES:
                opened, changed = asyncio.run(page_figures(port, page, key, option))
                print(
                    f"/{page:13} {opened.seconds:14.2f} {opened.bytes / 1e6:8.2f} "
                    f"{changed.seconds:15.2f} {changed.bytes / 1e6:8.2f}"
                    + ("  EXCEPTION" if opened.exception or changed.exception else "")
                )
            print(f"server resident memory: {resident_mib(process.pid):.0f} MiB")


if __name__ == "__main__":
    main()
