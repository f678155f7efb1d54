"""Content checks on a data package: each `check_<what>(pkg)` lists what is wrong in it."""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import re
from collections.abc import Callable, Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pandas as pd

from dashboard.__main__ import main
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.dates import parse_partial_date
from dashboard.datapackage.load import DataPackage
from tests.conftest import ROOT

CHECKED_UP_TO = "2026-11-23"  # the date up to which every history was checked (data/README.md)

# Tables whose rows state facts and so must cite sources (countries.csv is generated from GeoNames).
FACT_TABLES = (
    "organizations",
    "memberships",
    "agreements",
    "events",
    "places",
    "route_segments",
    "trade",
)

FOUNDING_MEMBERS = {
    "sco": {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"},
    "brics": {"BRA", "RUS", "IND", "CHN"},
    "eaeu": {"BLR", "KAZ", "RUS"},
    # only the signatories of 1991-12-08; the Alma-Ata Protocol states are members (data/README.md)
    "cis": {"BLR", "RUS", "UKR"},
    "csto": {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"},
    "union-state": {"BLR", "RUS"},
    "eco": {"IRN", "PAK", "TUR"},
    "opec": {"IRN", "IRQ", "KWT", "SAU", "VEN"},
}

# SCO summits that decided to grant dialogue-partner status. The status took effect later, with
# the memorandum (data/README.md, decisions), so no dialogue-partner span starts on these days.
SCO_DIALOGUE_PARTNER_DECISIONS = (
    "2009-06-16",
    "2012-06-07",
    "2015-07-10",
    "2021-09-17",
    "2022-09-16",
)

# Status in effect on the check date (the open span) of Iran and Belarus in the three main bodies.
CURRENT_STATUS = {
    ("IRN", "sco"): "member",
    ("IRN", "brics"): "member",
    ("IRN", "eaeu"): "observer",
    ("BLR", "sco"): "member",
    ("BLR", "brics"): "partner_country",
    ("BLR", "eaeu"): "founding_member",
}

# Sources that no row cites, each with the reason it is kept. Empty: every source is cited.
UNCITED_ON_PURPOSE: dict[str, str] = {}

# Histories with a real interruption: the country left (the span ends, nothing follows) and later
# came back (a new span starts). (country, organization) -> what happened. Every other history is
# continuous: each span ends on the day the next one starts.
ALLOWED_GAPS: dict[tuple[str, str], str] = {
    ("GAB", "opec"): "left in January 1995, rejoined on 2016-07-01",
    ("MMR", "nam"): "left in 1979, rejoined at the Jakarta summit in September 1992",
}

# Cells of these columns are `;`-lists: filled when they name one value or more.
LIST_COLUMNS = {"source_ids", "parties", "sectors", "participants", "waypoints"}

# The Tianjin summit merged observers and dialogue partners into 'SCO partner' (partner_country).
TIANJIN = "2025-09-01"


# --- reading the package --------------------------------------------------------------------------


def readme(pkg: DataPackage) -> str:
    """The package's README.md (data/README.md for the bundled package)."""
    return (Path(pkg.folder) / "README.md").read_text(encoding="utf-8")


# The loader leaves invalid rows out, so a check that looked only at the loaded tables would pass
# on a package whose bad rows were dropped. check_no_problems fails on any row left out; the checks
# that restate a rule of the contract (sources cited, places known, required cells filled, spans
# apart) read the rows as written, so that they fail on such a row too.
def written(pkg: DataPackage, table: str) -> list[dict[str, str]]:
    """Every row of the table's file as written (cells trimmed, first line in `_line`)."""
    path = Path(pkg.folder) / f"{table}.csv"
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        line = 2
        for row in reader:
            cells = {name: (cell or "").strip() for name, cell in row.items() if name is not None}
            rows.append({**cells, "_line": str(line)})
            line = reader.line_num + 1
    return rows


def items(cell: str) -> list[str]:
    """The values of a `;`-list cell, trimmed, empty items dropped (data/README.md)."""
    return [item.strip() for item in cell.split(";") if item.strip()]


def where(table: str, row: dict[str, str]) -> str:
    """`table.csv:LINE` of a written row."""
    return f"{table}.csv:{row['_line']}"


def first_day(text: str) -> date | None:
    """The first day of a partial date, None when the cell is not one (reported elsewhere)."""
    try:
        return parse_partial_date(text)[0]
    except ValueError:
        return None


def _bilateral(frame: pd.DataFrame) -> pd.Series:
    return frame["parties"].map(lambda parties: {"IRN", "BLR"} <= set(parties))


def _histories(pkg: DataPackage) -> Iterator[tuple[tuple[str, str], list[dict]]]:
    """Each (country, organization) pair with its spans as records, in order of start."""
    m = pkg["memberships"].sort_values(["country", "organization", "start_date_ts"])
    for pair, spans in m.groupby(["country", "organization"]):
        yield pair, spans.to_dict("records")


# --- the package as a whole -----------------------------------------------------------------------


def check_no_problems(pkg: DataPackage) -> list[str]:
    """No problem found, no row left out: every row written in a file is loaded."""
    failures = [p.as_line() for p in pkg.problems]
    if pkg.skipped:
        failures.append(f"{pkg.skipped} rows left out")
    for table, frame in pkg.tables.items():
        count = len(written(pkg, table))
        if len(frame) != count:
            failures.append(f"{table}.csv: {len(frame)} of its {count} rows loaded")
    return failures


def check_validate_command(pkg: DataPackage) -> list[str]:
    """`python -m dashboard validate` exits 0 and says it found no problem."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["validate", pkg.folder])
    said = out.getvalue().strip()
    if code == 0 and said == "No problems found.":
        return []
    return [f"validate exited {code} and said:", *said.splitlines()]


def check_required_cells_are_filled(pkg: DataPackage) -> list[str]:
    """Every cell data/README.md marks required ('yes') is filled in every written row."""
    failures = []
    sections = re.split(r"^### `(\w+)\.csv`", readme(pkg), flags=re.MULTILINE)[1:]
    # a table's section runs from its heading to the next heading
    documented = {
        table: text.split("\n#", 1)[0]
        for table, text in zip(sections[::2], sections[1::2], strict=True)
    }
    for table in pkg.tables:
        rows = re.findall(r"^\| (`[^|]+) \| yes\b", documented.get(table, ""), flags=re.MULTILINE)
        required = [name for row in rows for name in re.findall(r"`(\w+)`", row)]
        if not required:
            failures.append(f"README.md names no required column of {table}.csv")
        for row in written(pkg, table):
            empty = [
                column
                for column in required
                if not (items if column in LIST_COLUMNS else str.strip)(row.get(column, ""))
            ]
            if empty:
                failures.append(f"{where(table, row)}: {', '.join(empty)} empty")
    return failures


def check_fact_rows_cite_known_sources(pkg: DataPackage) -> list[str]:
    """Every written row of a fact table cites one source or more, each one in sources.csv."""
    known = {row["id"] for row in written(pkg, "sources")}
    failures = []
    for table in FACT_TABLES:
        rows = written(pkg, table)
        if not rows:
            failures.append(f"{table}.csv has no row")
        for row in rows:
            ids = items(row["source_ids"])
            if not ids:
                failures.append(f"{where(table, row)} cites no source")
            unknown = sorted(set(ids) - known)
            if unknown:
                failures.append(f"{where(table, row)} cites unknown {unknown}")
    return failures


def check_every_source_is_cited(pkg: DataPackage) -> list[str]:
    """Every source is cited by some row, but those kept on purpose."""
    cited = {i for t in FACT_TABLES for row in written(pkg, t) for i in items(row["source_ids"])}
    sources = {row["id"] for row in written(pkg, "sources")}
    uncited = sources - cited - set(UNCITED_ON_PURPOSE)
    return [f"sources cited by no row: {sorted(uncited)}"] if uncited else []


def check_only_seed_articles_lack_an_address(pkg: DataPackage) -> list[str]:
    """A source without a url is one of the seed articles."""
    sources = pkg["sources"]
    without = sources.loc[sources["url"] == "", "id"]
    return [
        f"{i} has no url and is not a seed article" for i in without if not i.startswith("seed-")
    ]


def check_no_fact_is_dated_after_the_check_date(pkg: DataPackage) -> list[str]:
    """No span, agreement or event date falls after the check date."""
    limit = parse_partial_date(CHECKED_UP_TO)[0]
    columns = {
        "memberships": ("start_date", "end_date"),
        "agreements": ("signed_date", "in_force_date"),
        "events": ("date", "end_date"),
    }
    return [
        f"{table}.csv:{line} {column}={value} is after {CHECKED_UP_TO}"
        for table, cols in columns.items()
        for column in cols
        for line, value in zip(pkg[table]["_line"], pkg[table][column], strict=True)
        if value and parse_partial_date(value)[0] > limit
    ]


# --- organizations and memberships ----------------------------------------------------------------


def check_organizations_say_coverage_and_checked(pkg: DataPackage) -> list[str]:
    """Coverage is 'complete' or 'partial', never empty; checked is a date up to the check date."""
    limit = parse_partial_date(CHECKED_UP_TO)[0]
    failures = []
    for row in pkg["organizations"].itertuples():
        if row.coverage not in v.COVERAGE:
            failures.append(f"{row.id}: coverage '{row.coverage}'")
        if row.checked == "":
            failures.append(f"{row.id}: no checked date")
        elif parse_partial_date(row.checked)[0] > limit:
            failures.append(f"{row.id}: checked {row.checked}, after {CHECKED_UP_TO}")
    return failures


def check_complete_organizations_have_founders_and_members(pkg: DataPackage) -> list[str]:
    """A complete organization has members, founding members among them."""
    m = pkg["memberships"]
    failures = []
    for organization in pkg["organizations"].query("coverage == 'complete'")["id"]:
        spans = m[m["organization"] == organization]
        if not spans["status"].isin(["founding_member", "member"]).any():
            failures.append(f"{organization} is complete but has no member")
        if "founding_member" not in set(spans["status"]):
            failures.append(f"{organization}: no founding member")
    return failures


def check_partial_organizations_explain_their_gap(pkg: DataPackage) -> list[str]:
    """In its description or in data/README.md (a bullet under 'Partial coverage')."""
    partial_section = readme(pkg).split("### Partial coverage", 1)[-1]
    return [
        f"{row.id}: partial coverage is not explained"
        for row in pkg["organizations"].query("coverage == 'partial'").itertuples()
        if "partial" not in row.description.lower() and f"- **`{row.id}`**" not in partial_section
    ]


def check_founding_members_are_those_known(pkg: DataPackage) -> list[str]:
    """The founders of each organization in FOUNDING_MEMBERS, all from the founding date."""
    m = pkg["memberships"]
    founded = pkg["organizations"].set_index("id")["founded"]
    failures = []
    for organization, founders in FOUNDING_MEMBERS.items():
        rows = m[(m["organization"] == organization) & (m["status"] == "founding_member")]
        if set(rows["country"]) != founders:
            failures.append(
                f"{organization}: founders {sorted(rows['country'])}, expected {sorted(founders)}"
            )
        late = rows[rows["start_date"] != founded.get(organization)]
        failures += [f"{r.id} starts {r.start_date}, not when founded" for r in late.itertuples()]
    return failures


def check_founding_members_start_when_founded(pkg: DataPackage) -> list[str]:
    """Every founding member's span starts on its organization's founding date."""
    founded = pkg["organizations"].set_index("id")["founded"]
    m = pkg["memberships"]
    rows = m[m["status"] == "founding_member"]
    wrong = rows[rows["start_date"] != rows["organization"].map(founded)]
    return [
        f"{r.id} starts {r.start_date}, {r.organization} was founded {founded.get(r.organization)}"
        for r in wrong.itertuples()
    ]


def check_no_span_starts_before_its_organization(pkg: DataPackage) -> list[str]:
    """No span starts before its organization was founded."""
    founded = pkg["organizations"].set_index("id")["founded_ts"]
    m = pkg["memberships"]
    early = m[m["start_date_ts"] < m["organization"].map(founded)]
    return [f"{r.id} starts {r.start_date}, before its organization" for r in early.itertuples()]


def check_iran_and_belarus_have_their_status(pkg: DataPackage) -> list[str]:
    """Iran and Belarus hold their CURRENT_STATUS in the three main bodies."""
    m = pkg["memberships"]
    failures = []
    for (country, organization), status in CURRENT_STATUS.items():
        spans = m[(m["country"] == country) & (m["organization"] == organization)]
        current = list(spans.loc[spans["end_date"] == "", "status"])
        if spans.empty:
            failures.append(f"no span of {country} in {organization}")
        elif current != [status]:
            failures.append(f"{country} in {organization}: {current or 'none'}, not [{status}]")
    return failures


def check_no_two_spans_of_one_pair_overlap(pkg: DataPackage) -> list[str]:
    """Among the written spans of a pair, each starts on or after the end of the one before."""
    # the start of the end's period counts; the loader leaves an overlapping span out
    pairs: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in written(pkg, "memberships"):
        if first_day(row["start_date"]) is not None:
            pairs.setdefault((row["country"], row["organization"]), []).append(row)
    failures = []
    for rows in pairs.values():
        ordered = sorted(rows, key=lambda row: first_day(row["start_date"]))
        for before, after in pairwise(ordered):
            end = first_day(
                before["end_date"]
            )  # None when open (or not a date: reported elsewhere)
            if before["end_date"] == "" or (end and first_day(after["start_date"]) < end):
                failures.append(
                    f"{before['id']} ({before['start_date']}..{before['end_date'] or 'open'}) "
                    f"and {after['id']} ({after['start_date']}..)"
                )
    return failures


def check_each_status_change_ends_the_previous_span(pkg: DataPackage) -> list[str]:
    """Each span ends on the day the next one starts, but for the gaps in ALLOWED_GAPS."""
    return [
        f"{before['id']} ends {before['end_date'] or 'never'}, "
        f"{after['id']} starts {after['start_date']}"
        for pair, rows in _histories(pkg)
        for before, after in pairwise(rows)
        if before["end_date"] != after["start_date"] and pair not in ALLOWED_GAPS
    ]


def check_each_allowed_gap_is_a_departure_and_a_return(pkg: DataPackage) -> list[str]:
    """Each history in ALLOWED_GAPS has one real interruption."""
    histories = dict(_histories(pkg))
    failures = []
    for pair in ALLOWED_GAPS:
        if pair not in histories:
            failures.append(f"no spans of {pair}")
            continue
        gaps = [
            (before, after)
            for before, after in pairwise(histories[pair])
            if before["end_date"] != after["start_date"]
        ]
        if len(gaps) != 1:
            failures.append(f"{pair}: expected one interruption, found {len(gaps)}")
            continue
        before, after = gaps[0]
        if (
            not parse_partial_date(before["end_date"])[1]
            < parse_partial_date(after["start_date"])[0]
        ):
            failures.append(f"{pair}: {before['end_date']} to {after['start_date']} is not a gap")
    return failures


def check_sco_dialogue_partners_start_when_the_status_took_effect(pkg: DataPackage) -> list[str]:
    """The summit only decided; the status took effect with the memorandum (one rule, README)."""
    m = pkg["memberships"]
    spans = m[(m["organization"] == "sco") & (m["status"] == "dialogue_partner")]
    if spans.empty:
        return ["no SCO dialogue partner"]
    on_decision = spans[spans["start_date"].isin(SCO_DIALOGUE_PARTNER_DECISIONS)]
    return [f"{r.id} starts on the decision {r.start_date}" for r in on_decision.itertuples()]


def check_sco_observers_and_dialogue_partners_end_at_tianjin(pkg: DataPackage) -> list[str]:
    """Tianjin merged both tiers into 'SCO partner', recorded as partner_country."""
    sco = pkg["memberships"][pkg["memberships"]["organization"] == "sco"]
    old_tiers = sco[sco["status"].isin(["observer", "dialogue_partner"])]
    partners = sco[sco["status"] == "partner_country"]
    return [
        *(f"{r.id} is still open" for r in old_tiers[old_tiers["end_date"] == ""].itertuples()),
        *(
            f"{r.id} ends {r.end_date}"
            for r in old_tiers[old_tiers["end_date"] > TIANJIN].itertuples()
        ),
        *(
            f"{r.id} starts {r.start_date}"
            for r in partners[partners["start_date"] < TIANJIN].itertuples()
        ),
    ]


# --- agreements and events ------------------------------------------------------------------------


def check_every_agreement_has_a_known_sector(pkg: DataPackage) -> list[str]:
    """Every written agreement names sectors, all of the vocabulary."""
    failures = []
    for row in written(pkg, "agreements"):
        sectors = items(row["sectors"])
        if not sectors:
            failures.append(f"{where('agreements', row)} has no sector")
        unknown = sorted(set(sectors) - set(v.SECTORS))
        if unknown:
            failures.append(f"{where('agreements', row)}: unknown sectors {unknown}")
    return failures


def check_minsk_joint_statement_of_2025_08_20(pkg: DataPackage) -> list[str]:
    """The Iran–Belarus joint statement of 2025-08-20 is there, signed."""
    a = pkg["agreements"]
    found = a[(a["kind"] == "joint_statement") & (a["signed_date"] == "2025-08-20") & _bilateral(a)]
    if len(found) != 1:
        return [f"{len(found)} Iran–Belarus joint statements signed on 2025-08-20, expected 1"]
    status = found.iloc[0]["status"]
    return [] if status == "signed" else [f"the joint statement is {status}, not signed"]


def check_planned_strategic_treaty(pkg: DataPackage) -> list[str]:
    """The planned Iran–Belarus strategic treaty is there, without dates."""
    a = pkg["agreements"]
    found = a[
        (a["kind"] == "treaty")
        & (a["status"] == "planned")
        & a["title"].str.contains("strategic", case=False)
        & _bilateral(a)
    ]
    if len(found) != 1:
        return [f"{len(found)} planned strategic treaties of Iran and Belarus, expected 1"]
    treaty = found.iloc[0]
    return [
        f"the planned treaty has a {column} ({treaty[column]})"
        for column in ("signed_date", "in_force_date")
        if treaty[column] != ""
    ]


def check_documents_signed_in_minsk_on_2025_08_20(pkg: DataPackage) -> list[str]:
    """8 of the 12 documents are identified (data/README.md, known gaps); never more than 12."""
    a = pkg["agreements"]
    docs = a[(a["kind"] != "joint_statement") & a["signed_date"].str.startswith("2025-08")]
    count = int(_bilateral(docs).sum())
    # 12 documents, + the BelTA-IRNA memorandum
    return [] if 8 <= count <= 13 else [f"{count} documents signed in August 2025, not 8 to 13"]


def check_every_agreement_with_the_eaeu_names_its_counterpart(pkg: DataPackage) -> list[str]:
    """Besides the Union and its member states, a party that is a country outside the Union."""
    m = pkg["memberships"]
    eaeu = m[m["organization"] == "eaeu"]
    insiders = set(
        eaeu.loc[eaeu["status"].isin(["founding_member", "member", "applicant"]), "country"]
    )
    countries = set(pkg["countries"]["iso3"])
    a = pkg["agreements"]
    with_eaeu = a[a["parties"].map(lambda parties: "eaeu" in parties)]
    failures = [] if len(with_eaeu) >= 10 else [f"{len(with_eaeu)} agreements with the EAEU"]
    for row in with_eaeu.itertuples():
        if not (set(row.parties) & countries) - insiders:
            failures.append(f"{row.id}: no counterpart country among {row.parties}")
        if row.organization != "eaeu":
            failures.append(f"{row.id}: made with the EAEU, organization '{row.organization}'")
    return failures


def check_no_agreement_enters_into_force_before_signature(pkg: DataPackage) -> list[str]:
    """No agreement is in force before it was signed."""
    a = pkg["agreements"]
    both = a[(a["signed_date"] != "") & (a["in_force_date"] != "")]
    early = both[both["in_force_date_ts"] < both["signed_date_ts"]]
    return [
        f"{r.id}: in force {r.in_force_date}, signed {r.signed_date}" for r in early.itertuples()
    ]


def check_no_event_is_recorded_twice(pkg: DataPackage) -> list[str]:
    """Two rows of the same kind on the same first day at the same place are one event."""
    e = pkg["events"]
    dup = e[e.duplicated(["kind", "date", "location"], keep=False)]
    return [f"{r.id}: {r.kind} on {r.date} in {r.location}" for r in dup.itertuples()]


# --- corridor -------------------------------------------------------------------------------------


def check_every_segment_joins_two_known_places(pkg: DataPackage) -> list[str]:
    """Every written leg joins two different places of places.csv."""
    places = {row["id"] for row in written(pkg, "places")}
    failures = []
    for row in written(pkg, "route_segments"):
        for end in ("from_place", "to_place"):
            if row[end] not in places:
                failures.append(f"{row['id']}: unknown {end} '{row[end]}'")
        if row["from_place"] == row["to_place"]:
            failures.append(f"{row['id']} starts and ends at {row['from_place']}")
    return failures


def check_every_sea_leg_has_waypoints(pkg: DataPackage) -> list[str]:
    """Every sea leg has waypoints, so it is drawn over water."""
    segments = pkg["route_segments"]
    sea = segments[segments["mode"] == "sea"]
    if sea.empty:
        return ["no sea leg"]
    missing = sea.loc[sea["waypoints"].str.strip() == "", "id"]
    return [f"sea leg {i} has no waypoints" for i in missing]


def check_every_corridor_has_a_segment(pkg: DataPackage) -> list[str]:
    """Every corridor of the vocabulary has a leg."""
    drawn = set(pkg["route_segments"]["corridor"])
    return [f"corridor {c} has no segment" for c in v.CORRIDORS if c not in drawn]


def check_every_leg_has_a_length_and_a_basis(pkg: DataPackage) -> list[str]:
    """Every leg has a length and says whether it is sourced or estimated."""
    segments = pkg["route_segments"]
    missing = segments[segments["length_km"].isna() | (segments["length_basis"] == "")]
    failures = [f"{i} has no length or no basis" for i in missing["id"]]
    unknown = set(segments["length_basis"]) - set(v.LENGTH_BASIS)
    return failures + ([f"unknown length bases {sorted(unknown)}"] if unknown else [])


def check_estimated_lengths_are_those_of_the_drawn_route(pkg: DataPackage) -> list[str]:
    """scripts/estimate_lengths.py recomputes every estimated leg to the same whole km."""
    spec = importlib.util.spec_from_file_location(
        "estimate_lengths", ROOT / "scripts" / "estimate_lengths.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    places = script.load_places(Path(pkg.folder) / "places.csv")
    segments = pkg["route_segments"]
    estimated = segments[segments["length_basis"] == "estimated"]
    if estimated.empty:
        return ["no estimated leg"]
    return [
        f"{row['id']}: stored {row['length_km']} km, recomputed {script.estimate(row, places)}"
        for row in estimated.to_dict("records")
        if row["length_km"] != script.estimate(row, places)
    ]


# --- trade ----------------------------------------------------------------------------------------


def check_every_trade_figure_says_which_period(pkg: DataPackage) -> list[str]:
    """Every trade figure notes its period; an Iranian year its Gregorian span."""
    t = pkg["trade"]
    failures = [
        f"trade.csv:{line} has no period note"
        for line in t.loc[t["period_note"].str.strip() == "", "_line"]
    ]
    iranian = t[t["period_note"].str.startswith("Iranian year")]  # filed under its first year
    spans = iranian["period_note"].str.extract(r"\((\d{4})-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}\)")[0]
    for line, year, first in zip(iranian["_line"], iranian["year"], spans, strict=True):
        if pd.isna(first):
            failures.append(f"trade.csv:{line}: an Iranian year gives its Gregorian span")
        elif int(first) != year:
            failures.append(f"trade.csv:{line}: filed under {year}, the year starts in {first}")
    return failures


def check_single_source_140_million_is_kept_with_its_caveat(pkg: DataPackage) -> list[str]:
    """The 140 million figure keeps its one source and says so."""
    t = pkg["trade"]
    row = t[t["value_usd"] == 140_000_000]
    if len(row) != 1:
        return [f"{len(row)} rows of 140 million, expected 1"]
    failures = []
    if row.iloc[0]["source_ids"] != ("seed-pezeshkian-visit-12-documents",):
        failures.append(f"140 million cites {row.iloc[0]['source_ids']}")
    if "single" not in row.iloc[0]["period_note"].lower():
        failures.append("140 million does not say it rests on a single source")
    return failures


# --- documentation --------------------------------------------------------------------------------


def check_readme_lists_each_vocabulary_exactly(pkg: DataPackage) -> list[str]:
    """README.md lists every value of every vocabulary with its label."""
    text = readme(pkg)
    return [
        f"{vocabulary}: '| `{value}` | {label} |' missing in README"
        for vocabulary, values in v.ALL.items()
        for value, label in values.items()
        if f"| `{value}` | {label} |" not in text
    ]


def check_readme_says_up_to_when_each_organization_and_table_was_checked(
    pkg: DataPackage,
) -> list[str]:
    """README.md's Checked up to has a row for each organization and table."""
    text = readme(pkg).split("## Checked up to", 1)[-1]
    lines = [
        f"| {row.short_name} | {row.checked} | {row.coverage} |"
        for row in pkg["organizations"].itertuples()
    ]
    lines += [
        f"| {table} | {CHECKED_UP_TO} |"
        for table in ("agreements", "events", "trade", "places, route_segments")
    ]
    return [f"no '{line}' row in README's Checked up to" for line in lines if line not in text]


# Every check of this module, by name (without `check_`), in the order they are written.
CHECKS: dict[str, Callable[[DataPackage], list[str]]] = {
    name.removeprefix("check_"): function
    for name, function in list(globals().items())
    if name.startswith("check_") and callable(function)
}
