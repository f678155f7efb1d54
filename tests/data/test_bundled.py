"""Content checks on the bundled data package (data/): beyond the schema, what the data must say."""

from __future__ import annotations

import importlib.util
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.dates import parse_partial_date
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import DataPackage, load_package
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


@pytest.fixture(scope="module")
def pkg() -> DataPackage:
    return load_package(DEFAULT_DATA_DIR)


def _ids(cell: object) -> tuple[str, ...]:
    return tuple(cell) if isinstance(cell, tuple | list) else tuple(str(cell).split(";"))


# --- the package as a whole -----------------------------------------------------------------------


def test_bundled_package_has_no_problems(pkg: DataPackage):
    lines = [p.as_line() for p in pkg.problems]
    assert lines == [], "\n".join(lines)
    assert pkg.skipped == 0


def test_validate_command_finds_no_problem(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", str(DEFAULT_DATA_DIR)]) == 0
    assert capsys.readouterr().out.strip() == "No problems found."


@pytest.mark.parametrize("table", FACT_TABLES)
def test_every_fact_row_cites_a_source(pkg: DataPackage, table: str):
    frame = pkg[table]
    assert len(frame) > 0
    known = set(pkg["sources"]["id"])
    for line, cell in zip(frame["_line"], frame["source_ids"], strict=True):
        ids = [i for i in _ids(cell) if i]
        assert ids, f"{table}.csv:{line} cites no source"
        assert set(ids) <= known, f"{table}.csv:{line} cites unknown {set(ids) - known}"


def test_every_source_is_cited(pkg: DataPackage):
    cited = {i for t in FACT_TABLES for cell in pkg[t]["source_ids"] for i in _ids(cell)}
    uncited = set(pkg["sources"]["id"]) - cited - set(UNCITED_ON_PURPOSE)
    assert not uncited, f"sources cited by no row: {sorted(uncited)}"


def test_only_seed_articles_lack_an_address(pkg: DataPackage):
    sources = pkg["sources"]
    without = sources.loc[sources["url"] == "", "id"]
    assert all(i.startswith("seed-") for i in without), list(without)


def test_no_fact_is_dated_after_the_check_date(pkg: DataPackage):
    limit = parse_partial_date(CHECKED_UP_TO)[0]
    columns = {
        "memberships": ("start_date", "end_date"),
        "agreements": ("signed_date", "in_force_date"),
        "events": ("date", "end_date"),
    }
    late = [
        f"{table}.csv:{line} {column}={value}"
        for table, cols in columns.items()
        for column in cols
        for line, value in zip(pkg[table]["_line"], pkg[table][column], strict=True)
        if value and parse_partial_date(value)[0] > limit
    ]
    assert not late, late


# --- organizations and memberships ----------------------------------------------------------------


def test_every_organization_says_its_coverage_and_when_it_was_checked(pkg: DataPackage):
    o = pkg["organizations"]
    assert set(o["coverage"]) <= set(v.COVERAGE), "coverage is 'complete' or 'partial', never empty"
    assert (o["checked"] != "").all(), list(o.loc[o["checked"] == "", "id"])
    limit = parse_partial_date(CHECKED_UP_TO)[0]
    assert (o["checked"].map(lambda d: parse_partial_date(d)[0] <= limit)).all()


def test_every_complete_organization_has_members_with_start_dates(pkg: DataPackage):
    m = pkg["memberships"]
    for organization in pkg["organizations"].query("coverage == 'complete'")["id"]:
        spans = m[m["organization"] == organization]
        members = spans[spans["status"].isin(["founding_member", "member"])]
        assert not members.empty, f"{organization} is complete but has no member"
        assert (spans["start_date"] != "").all(), f"{organization}: a span has no start date"
        assert "founding_member" in set(spans["status"]), f"{organization}: no founding member"


def test_every_partial_organization_explains_its_gap(pkg: DataPackage):
    """In its description or in data/README.md (a bullet under 'Partial coverage')."""
    readme = README.read_text(encoding="utf-8")
    partial = pkg["organizations"].query("coverage == 'partial'")
    for row in partial.itertuples():
        described = "partial" in row.description.lower()
        documented = f"- **`{row.id}`**" in readme.split("### Partial coverage", 1)[-1]
        assert described or documented, f"{row.id}: partial coverage is not explained"


@pytest.mark.parametrize(("organization", "founders"), FOUNDING_MEMBERS.items())
def test_founding_members_present_with_start_dates(
    pkg: DataPackage, organization: str, founders: set[str]
):
    m = pkg["memberships"]
    rows = m[(m["organization"] == organization) & (m["status"] == "founding_member")]
    assert set(rows["country"]) == founders
    founded = pkg["organizations"].set_index("id").loc[organization, "founded"]
    assert (rows["start_date"] == founded).all(), "founding members start on the founding date"
    members = m[(m["organization"] == organization) & m["status"].str.endswith("member")]
    assert members["start_date"].ne("").all()


def test_founding_members_start_when_their_organization_was_founded(pkg: DataPackage):
    founded = pkg["organizations"].set_index("id")["founded"]
    m = pkg["memberships"]
    rows = m[m["status"] == "founding_member"]
    wrong = rows[rows["start_date"] != rows["organization"].map(founded)]
    assert wrong.empty, wrong[["id", "start_date", "organization"]].to_string()


def test_no_span_starts_before_its_organization_was_founded(pkg: DataPackage):
    founded = pkg["organizations"].set_index("id")["founded_ts"]
    m = pkg["memberships"]
    early = m[m["start_date_ts"] < m["organization"].map(founded)]
    assert early.empty, early[["id", "start_date"]].to_string()


@pytest.mark.parametrize(("country", "organization"), CURRENT_STATUS)
def test_iran_and_belarus_have_their_status(pkg: DataPackage, country: str, organization: str):
    m = pkg["memberships"]
    spans = m[(m["country"] == country) & (m["organization"] == organization)]
    assert not spans.empty, f"no span of {country} in {organization}"
    current = spans[spans["end_date"] == ""]
    assert list(current["status"]) == [CURRENT_STATUS[(country, organization)]]


def _histories(pkg: DataPackage):
    """Each (country, organization) pair with its spans as records, in order of start."""
    m = pkg["memberships"].sort_values(["country", "organization", "start_date_ts"])
    for pair, spans in m.groupby(["country", "organization"]):
        yield pair, spans.to_dict("records")


def test_no_two_spans_of_one_pair_overlap(pkg: DataPackage):
    """A span starts on or after the end of the one before it (the end of the end's period)."""
    overlapping = [
        f"{before['id']} ({before['start_date']}..{before['end_date'] or 'open'}) and "
        f"{after['id']} ({after['start_date']}..)"
        for _, rows in _histories(pkg)
        for before, after in pairwise(rows)
        if before["end_date"] == ""
        or parse_partial_date(after["start_date"])[0] < parse_partial_date(before["end_date"])[0]
    ]
    assert not overlapping, overlapping


def test_each_status_change_ends_the_previous_span_on_the_new_start(pkg: DataPackage):
    broken = []
    for pair, rows in _histories(pkg):
        for before, after in pairwise(rows):
            if before["end_date"] != after["start_date"] and pair not in ALLOWED_GAPS:
                broken.append(
                    f"{before['id']} ends {before['end_date'] or 'never'}, "
                    f"{after['id']} starts {after['start_date']}"
                )
    assert not broken, broken


@pytest.mark.parametrize("pair", ALLOWED_GAPS)
def test_each_allowed_gap_is_a_departure_and_a_return(pkg: DataPackage, pair: tuple[str, str]):
    histories = dict(_histories(pkg))
    assert pair in histories, f"no spans of {pair}"
    gaps = [
        (before, after)
        for before, after in pairwise(histories[pair])
        if before["end_date"] != after["start_date"]
    ]
    assert len(gaps) == 1, f"{pair}: expected one interruption, found {len(gaps)}"
    before, after = gaps[0]
    left = parse_partial_date(before["end_date"])[1]
    assert left < parse_partial_date(after["start_date"])[0], f"{pair}: not a real gap"


def test_sco_dialogue_partners_start_when_the_status_took_effect(pkg: DataPackage):
    """The summit only decided; the status took effect with the memorandum (one rule, README)."""
    m = pkg["memberships"]
    spans = m[(m["organization"] == "sco") & (m["status"] == "dialogue_partner")]
    assert not spans.empty
    on_decision = spans[spans["start_date"].isin(SCO_DIALOGUE_PARTNER_DECISIONS)]
    assert on_decision.empty, on_decision[["id", "start_date"]].to_string()


def test_sco_observer_and_dialogue_partner_spans_end_at_tianjin(pkg: DataPackage):
    """Tianjin (2025-09-01) merged both tiers into 'SCO partner', recorded as partner_country."""
    m = pkg["memberships"]
    sco = m[m["organization"] == "sco"]
    old_tiers = sco[sco["status"].isin(["observer", "dialogue_partner"])]
    assert (old_tiers["end_date"] != "").all()
    open_old = old_tiers[old_tiers["end_date"] > "2025-09-01"]
    assert open_old.empty
    partners = sco[sco["status"] == "partner_country"]
    assert (partners["start_date"] >= "2025-09-01").all()


# --- agreements and events ------------------------------------------------------------------------


def test_every_agreement_has_a_known_sector(pkg: DataPackage):
    for line, sectors in zip(pkg["agreements"]["_line"], pkg["agreements"]["sectors"], strict=True):
        assert sectors, f"agreements.csv:{line} has no sector"
        assert set(sectors) <= set(v.SECTORS), f"agreements.csv:{line}: {sectors}"


def _bilateral(frame: pd.DataFrame) -> pd.Series:
    return frame["parties"].map(lambda parties: {"IRN", "BLR"} <= set(parties))


def test_minsk_joint_statement_of_2025_08_20_is_present(pkg: DataPackage):
    a = pkg["agreements"]
    found = a[(a["kind"] == "joint_statement") & (a["signed_date"] == "2025-08-20") & _bilateral(a)]
    assert len(found) == 1
    assert found.iloc[0]["status"] == "signed"


def test_planned_strategic_treaty_is_present(pkg: DataPackage):
    a = pkg["agreements"]
    found = a[
        (a["kind"] == "treaty")
        & (a["status"] == "planned")
        & a["title"].str.contains("strategic", case=False)
        & _bilateral(a)
    ]
    assert len(found) == 1
    treaty = found.iloc[0]
    assert treaty["signed_date"] == "", "a planned treaty has no signature date"
    assert treaty["in_force_date"] == ""


def test_documents_signed_in_minsk_on_2025_08_20(pkg: DataPackage):
    """8 of the 12 documents are identified (data/README.md, known gaps); never more than 12."""
    a = pkg["agreements"]
    docs = a[(a["kind"] != "joint_statement") & a["signed_date"].str.startswith("2025-08")]
    assert 8 <= len(docs[_bilateral(docs)]) <= 13  # 12 documents, + the BelTA-IRNA memorandum


def test_every_agreement_with_the_eaeu_names_its_counterpart(pkg: DataPackage):
    """Besides the Union and its member states, a party that is a country outside the Union."""
    m = pkg["memberships"]
    eaeu = m[m["organization"] == "eaeu"]
    insiders = set(
        eaeu.loc[eaeu["status"].isin(["founding_member", "member", "applicant"]), "country"]
    )
    countries = set(pkg["countries"]["iso3"])
    a = pkg["agreements"]
    with_eaeu = a[a["parties"].map(lambda parties: "eaeu" in parties)]
    assert len(with_eaeu) >= 10
    for row in with_eaeu.itertuples():
        counterparts = (set(row.parties) & countries) - insiders
        assert counterparts, f"{row.id}: no counterpart country among {row.parties}"
        assert row.organization == "eaeu", f"{row.id}: made with the EAEU, organization empty"


def test_no_agreement_enters_into_force_before_signature(pkg: DataPackage):
    a = pkg["agreements"]
    both = a[(a["signed_date"] != "") & (a["in_force_date"] != "")]
    early = both[both["in_force_date_ts"] < both["signed_date_ts"]]
    assert early.empty, early[["id", "signed_date", "in_force_date"]].to_string()


def test_no_event_is_recorded_twice(pkg: DataPackage):
    """Two rows of the same kind on the same first day at the same place are one event."""
    e = pkg["events"]
    dup = e[e.duplicated(["kind", "date", "location"], keep=False)]
    assert dup.empty, dup[["id", "date", "location"]].to_string()


# --- corridor -------------------------------------------------------------------------------------


def test_every_segment_joins_two_known_places(pkg: DataPackage):
    places = set(pkg["places"]["id"])
    for row in pkg["route_segments"].itertuples():
        assert row.from_place in places, f"{row.id}: unknown {row.from_place}"
        assert row.to_place in places, f"{row.id}: unknown {row.to_place}"
        assert row.from_place != row.to_place, row.id


def test_every_sea_leg_has_waypoints(pkg: DataPackage):
    segments = pkg["route_segments"]
    sea = segments[segments["mode"] == "sea"]
    assert not sea.empty
    missing = sea.loc[sea["waypoints"].str.strip() == "", "id"]
    assert missing.empty, f"sea legs without waypoints: {list(missing)}"


def test_every_corridor_has_a_segment(pkg: DataPackage):
    assert set(pkg["route_segments"]["corridor"]) == set(v.CORRIDORS)


def test_every_leg_has_a_length_and_a_basis(pkg: DataPackage):
    segments = pkg["route_segments"]
    missing = segments[segments["length_km"].isna() | (segments["length_basis"] == "")]
    assert missing.empty, f"legs without a length or basis: {list(missing['id'])}"
    assert set(segments["length_basis"]) <= set(v.LENGTH_BASIS)


def test_estimated_lengths_are_those_of_the_drawn_route(pkg: DataPackage):
    """scripts/estimate_lengths.py recomputes every estimated leg to the same whole km."""
    spec = importlib.util.spec_from_file_location(
        "estimate_lengths", ROOT / "scripts" / "estimate_lengths.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    places = script.load_places(Path(DEFAULT_DATA_DIR) / "places.csv")
    segments = pkg["route_segments"]
    estimated = segments[segments["length_basis"] == "estimated"]
    assert not estimated.empty
    wrong = {
        row["id"]: (row["length_km"], script.estimate(row, places))
        for row in estimated.to_dict("records")
        if row["length_km"] != script.estimate(row, places)
    }
    assert not wrong, f"stored vs recomputed length: {wrong}"


# --- trade ----------------------------------------------------------------------------------------


def test_every_trade_figure_says_which_period(pkg: DataPackage):
    t = pkg["trade"]
    assert (t["period_note"].str.strip() != "").all()
    iranian = t[t["period_note"].str.startswith("Iranian year")]  # filed under its first year
    spans = iranian["period_note"].str.extract(r"\((\d{4})-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}\)")[0]
    assert spans.notna().all(), "an Iranian year gives its Gregorian span"
    assert (spans.astype(int) == iranian["year"]).all(), "filed under the year it starts in"


def test_single_source_140_million_is_kept_with_its_source_and_caveat(pkg: DataPackage):
    t = pkg["trade"]
    row = t[t["value_usd"] == 140_000_000]
    assert len(row) == 1
    assert row.iloc[0]["source_ids"] == ("seed-pezeshkian-visit-12-documents",)
    assert "single" in row.iloc[0]["period_note"].lower()


# --- documentation --------------------------------------------------------------------------------


README = Path(DEFAULT_DATA_DIR) / "README.md"


@pytest.mark.parametrize("vocabulary", v.ALL)
def test_readme_lists_each_vocabulary_exactly(vocabulary: str):
    text = README.read_text(encoding="utf-8")
    for value, label in v.ALL[vocabulary].items():
        assert f"| `{value}` | {label} |" in text, f"{vocabulary}: {value} missing in README"


def test_readme_says_up_to_when_each_organization_and_table_was_checked(pkg: DataPackage):
    text = README.read_text(encoding="utf-8").split("## Checked up to", 1)[1]
    for row in pkg["organizations"].itertuples():
        line = f"| {row.short_name} | {row.checked} | {row.coverage} |"
        assert line in text, f"no '{line}' row in README's Checked up to"
    for table in ("agreements", "events", "trade", "places, route_segments"):
        assert f"| {table} | {CHECKED_UP_TO} |" in text, table
