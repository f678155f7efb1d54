"""The content checks fail on copies of the bundled package damaged on purpose, each on its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.datapackage.load import DataPackage, load_package
from tests.damage import Edit, copy_row, drop_rows, edit_readme, rewrite, set_cell
from tests.data.checks import CHECKS


@dataclass(frozen=True)
class Damage:
    """What is done to the package, the edit that does it, and words the failure must say."""

    what: str
    says: str
    edit: Edit


# check → a damage that this very check must notice
DAMAGES: dict[str, Damage] = {
    "no_problems": Damage(
        "a trade figure written in words",
        "value_usd",
        set_cell("trade", {"value_usd": "140000000"}, "value_usd", "about 140 million"),
    ),
    "validate_command": Damage(
        "an event of a kind outside the vocabulary",
        "events.csv",
        set_cell("events", "sco-summit-2001-shanghai", "kind", "founding"),
    ),
    "required_cells_are_filled": Damage(
        "an agreement's title emptied",
        "title empty",
        set_cell("agreements", "irn-blr-roadmap-2023-2026", "title", ""),
    ),
    "fact_rows_cite_known_sources": Damage(
        "a place citing a misspelt source",
        "wikipedia-tehrann",
        set_cell("places", "tehran", "source_ids", "wikipedia-tehrann"),
    ),
    "every_source_is_cited": Damage(
        "a source that no row cites",
        "wikipedia-sco-copy",
        copy_row("sources", "wikipedia-sco", id="wikipedia-sco-copy"),
    ),
    "only_seed_articles_lack_an_address": Damage(
        "a source's address emptied",
        "wikipedia-sco",
        set_cell("sources", "wikipedia-sco", "url", ""),
    ),
    "no_fact_is_dated_after_the_check_date": Damage(
        "a summit moved past the check date",
        "2027-07-04",
        set_cell("events", "sco-summit-2023-new-delhi", "date", "2027-07-04"),
    ),
    "organizations_say_coverage_and_checked": Damage(
        "an organization's coverage emptied",
        "cis",
        set_cell("organizations", "cis", "coverage", ""),
    ),
    "complete_organizations_have_founders_and_members": Damage(
        "the Union State's spans left out",
        "union-state",
        drop_rows("memberships", {"organization": "union-state"}),
    ),
    "partial_organizations_explain_their_gap": Damage(
        "the SCO marked partial without a word why",
        "sco",
        set_cell("organizations", "sco", "coverage", "partial"),
    ),
    "founding_members_are_those_known": Damage(
        "Kyrgyzstan recorded as an ordinary SCO member",
        "sco: founders",
        set_cell("memberships", "kgz-sco-founding-member", "status", "member"),
    ),
    "founding_members_start_when_founded": Damage(
        "a NAM founder's start moved a day",
        "mmr-nam-founding-member",
        set_cell("memberships", "mmr-nam-founding-member", "start_date", "1961-09-02"),
    ),
    "no_span_starts_before_its_organization": Damage(
        "Egypt's BRICS membership moved before BRICS existed",
        "egy-brics-member",
        set_cell("memberships", "egy-brics-member", "start_date", "2008-01-01"),
    ),
    "iran_and_belarus_have_their_status": Damage(
        "Iran recorded as a BRICS observer",
        "IRN in brics",
        set_cell("memberships", "irn-brics-member", "status", "observer"),
    ),
    "no_two_spans_of_one_pair_overlap": Damage(
        "Belarus's SCO observer span running past its membership's start",
        "blr-sco-observer",
        set_cell("memberships", "blr-sco-observer", "end_date", "2024-07-10"),
    ),
    "each_status_change_ends_the_previous_span": Damage(
        "Belarus's SCO observer span ending a month early",
        "blr-sco-observer ends 2024-06-01",
        set_cell("memberships", "blr-sco-observer", "end_date", "2024-06-01"),
    ),
    "each_allowed_gap_is_a_departure_and_a_return": Damage(
        "Gabon's return to OPEC moved to the month it left",
        "('GAB', 'opec')",
        set_cell("memberships", "gab-opec-member-2", "start_date", "1995-01"),
    ),
    "sco_dialogue_partners_start_when_the_status_took_effect": Damage(
        "Belarus a dialogue partner from the summit's decision",
        "blr-sco-dialogue-partner",
        set_cell("memberships", "blr-sco-dialogue-partner", "start_date", "2009-06-16"),
    ),
    "sco_observers_and_dialogue_partners_end_at_tianjin": Damage(
        "Türkiye still a dialogue partner after Tianjin",
        "tur-sco-dialogue-partner",
        set_cell("memberships", "tur-sco-dialogue-partner", "end_date", ""),
    ),
    "every_agreement_has_a_known_sector": Damage(
        "an agreement's sector outside the vocabulary",
        "healthcare",
        set_cell("agreements", "irn-blr-health-memorandum-2025", "sectors", "healthcare"),
    ),
    "minsk_joint_statement_of_2025_08_20": Damage(
        "the joint statement moved a day",
        "joint statements",
        set_cell("agreements", "irn-blr-joint-statement-2025", "signed_date", "2025-08-21"),
    ),
    "planned_strategic_treaty": Damage(
        "the planned treaty given a signature date",
        "signed_date",
        set_cell("agreements", "irn-blr-strategic-cooperation-treaty", "signed_date", "2025-12"),
    ),
    "documents_signed_in_minsk_on_2025_08_20": Damage(
        "one of the Minsk documents moved to September",
        "7 documents",
        set_cell("agreements", "irn-blr-free-zones-memorandum-2025", "signed_date", "2025-09"),
    ),
    "every_agreement_with_the_eaeu_names_its_counterpart": Damage(
        "Vietnam left out of its agreement with the EAEU",
        "eaeu-vnm-fta-2015",
        set_cell("agreements", "eaeu-vnm-fta-2015", "parties", "eaeu;ARM;BLR;KAZ;KGZ;RUS"),
    ),
    "no_agreement_enters_into_force_before_signature": Damage(
        "an agreement in force before it was signed",
        "eaeu-irn-fta-2023",
        set_cell("agreements", "eaeu-irn-fta-2023", "in_force_date", "2023-12-01"),
    ),
    "no_event_is_recorded_twice": Damage(
        "a summit recorded a second time under another id",
        "sco-summit-2023-delhi",
        copy_row("events", "sco-summit-2023-new-delhi", id="sco-summit-2023-delhi"),
    ),
    "every_segment_joins_two_known_places": Damage(
        "a leg ending at a misspelt place",
        "'bandar_abbas'",
        set_cell("route_segments", "tehran-bandar-abbas-rail", "to_place", "bandar_abbas"),
    ),
    "every_sea_leg_has_waypoints": Damage(
        "a sea leg's waypoints emptied",
        "aktau-astara-sea",
        set_cell("route_segments", "aktau-astara-sea", "waypoints", ""),
    ),
    "every_corridor_has_a_segment": Damage(
        "the INSTC eastern branch left out",
        "instc_eastern",
        drop_rows("route_segments", {"corridor": "instc_eastern"}),
    ),
    "every_leg_has_a_length_and_a_basis": Damage(
        "a leg's length emptied",
        "baku-astara-rail",
        set_cell("route_segments", "baku-astara-rail", "length_km", ""),
    ),
    "estimated_lengths_are_those_of_the_drawn_route": Damage(
        "Olya moved 0.2° north, its legs' lengths kept",
        "olya",
        set_cell("places", "olya", "lat", "45.985"),
    ),
    "every_trade_figure_says_which_period": Damage(
        "Iranian year 1396 filed under the year it ends in",
        "filed under 2018",
        set_cell("trade", {"year": "2017"}, "year", "2018"),
    ),
    "single_source_140_million_is_kept_with_its_caveat": Damage(
        "the 140 million given a second source",
        "140 million cites",
        set_cell(
            "trade",
            {"value_usd": "140000000"},
            "source_ids",
            "seed-pezeshkian-visit-12-documents;newsby-trade-2020-2024",
        ),
    ),
    "readme_lists_each_vocabulary_exactly": Damage(
        "a status left out of the README's vocabulary",
        "observer",
        edit_readme("| `observer` | Observer |\n", ""),
    ),
    "readme_says_up_to_when_each_organization_and_table_was_checked": Damage(
        "the CIS checked up to another date than the README says",
        "CIS",
        set_cell("organizations", "cis", "checked", "2026-10-01"),
    ),
}

# The kinds of damage a content test must not pass on, each with the checks that must notice it.
KINDS: dict[str, tuple[Edit, set[str]]] = {
    "a cited source removed": (
        drop_rows("sources", "newsby-trade-2020-2024"),
        {"no_problems", "validate_command", "fact_rows_cite_known_sources"},
    ),
    "a date moved": (
        set_cell("memberships", "irn-sco-observer", "end_date", "2023-06"),
        {"each_status_change_ends_the_previous_span"},
    ),
    "a foreign key broken": (
        set_cell("route_segments", "astara-rasht-rail", "from_place", "astara"),
        {"no_problems", "validate_command", "every_segment_joins_two_known_places"},
    ),
    "a required field emptied": (
        set_cell("memberships", "irn-sco-member", "start_date", ""),
        {
            "no_problems",
            "validate_command",
            "required_cells_are_filled",
            "iran_and_belarus_have_their_status",
        },
    ),
}


def damaged(folder: Path, edit: Edit) -> DataPackage:
    """The package in `folder` (a copy of the bundled one), loaded after the edit."""
    edit(folder)
    return load_package(folder)


def test_a_table_rewritten_unchanged_keeps_every_byte(bundled_copy: Path):
    """Damages change only what they say: the rest of the file is written back as it was."""
    for path in sorted(bundled_copy.glob("*.csv")):
        before = path.read_bytes()
        rewrite(bundled_copy, path.stem, lambda rows: rows)
        assert path.read_bytes() == before, path.name


def test_every_check_has_a_damage():
    assert list(DAMAGES) == list(CHECKS)


@pytest.mark.parametrize("name", DAMAGES)
def test_each_check_fails_on_its_damage(bundled_copy: Path, name: str):
    damage = DAMAGES[name]
    failures = CHECKS[name](damaged(bundled_copy, damage.edit))
    assert failures, f"{name} passes on the package with {damage.what}"
    assert damage.says in "\n".join(failures), failures


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_damage_fails_the_checks(bundled_copy: Path, kind: str):
    edit, noticed_by = KINDS[kind]
    pkg = damaged(bundled_copy, edit)
    failing = {name for name, check in CHECKS.items() if check(pkg)}
    assert noticed_by <= failing, f"{kind}: {sorted(noticed_by - failing)} pass"
