"""The change diff on small frames: joinings, changes of status, departures, reduced precision."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.datapackage import vocabularies as v
from dashboard.derive.changes import (
    CHANGE_KINDS,
    COLUMNS,
    MEMBERSHIP_KINDS,
    ChangeFilter,
    agreement_changes,
    all_changes,
    change_table,
    changes_by_month,
    describe,
    event_changes,
    filter_changes,
    membership_changes,
)
from dashboard.derive.paging import csv_bytes
from tests.conftest import NAMES, ORGS, make_spans


def changes_of(*rows) -> list[tuple[str, str, str, str, str]]:
    out = membership_changes(make_spans(*rows))
    return list(
        zip(out["date"], out["kind"], out["country"], out["before"], out["after"], strict=True)
    )


def test_a_first_span_is_a_joining():
    assert changes_of(("IRN", "brics", "member", "2024-01-01", "")) == [
        ("2024-01-01", "joined", "IRN", "", "member")
    ]


def test_consecutive_spans_are_changes_of_status_and_an_open_end_is_no_departure():
    assert changes_of(
        ("BLR", "sco", "observer", "2015-07-10", "2024-07-04"),
        ("BLR", "sco", "dialogue_partner", "2009-06-16", "2015-07-10"),  # any row order
        ("BLR", "sco", "member", "2024-07-04", ""),
    ) == [
        ("2009-06-16", "joined", "BLR", "", "dialogue_partner"),
        ("2015-07-10", "status_changed", "BLR", "dialogue_partner", "observer"),
        ("2024-07-04", "status_changed", "BLR", "observer", "member"),
    ]


def test_an_end_with_nothing_after_it_is_a_departure():
    assert changes_of(("IDN", "brics", "partner_country", "2025-01-01", "2025-01-06")) == [
        ("2025-01-01", "joined", "IDN", "", "partner_country"),
        ("2025-01-06", "left", "IDN", "partner_country", ""),
    ]


def test_a_gap_between_spans_is_a_departure_then_a_joining():
    assert changes_of(
        ("VEN", "opec", "member", "1960", "1990"),
        ("VEN", "opec", "member", "1995", ""),
    ) == [
        ("1960", "joined", "VEN", "", "member"),
        ("1990", "left", "VEN", "member", ""),
        ("1995", "joined", "VEN", "", "member"),
    ]


def test_suspension_and_reinstatement():
    kinds = changes_of(
        ("SYR", "oic", "member", "1972", "2012-08-15"),
        ("SYR", "oic", "suspended", "2012-08-15", "2024-05"),
        ("SYR", "oic", "member", "2024-05", ""),
    )
    assert [k[1] for k in kinds] == ["joined", "suspended", "status_changed"]
    assert kinds[1][3:] == ("member", "suspended")


def test_reduced_precision_end_meets_a_start_inside_its_period():
    # the first span ends 'in May 2023'; a span from 2023-05-15 follows it, no gap
    assert changes_of(
        ("KWT", "sco", "applicant", "2022", "2023-05"),
        ("KWT", "sco", "dialogue_partner", "2023-05-15", ""),
    ) == [
        ("2022", "joined", "KWT", "", "applicant"),
        ("2023-05-15", "status_changed", "KWT", "applicant", "dialogue_partner"),
    ]


def test_a_start_after_the_period_of_the_end_is_a_gap():
    kinds = changes_of(
        ("KWT", "sco", "applicant", "2022", "2023-05"),
        ("KWT", "sco", "dialogue_partner", "2023-06-01", ""),
    )
    assert [k[1] for k in kinds] == ["joined", "left", "joined"]


def test_same_status_twice_is_no_change_and_countries_do_not_mix():
    out = changes_of(
        ("RUS", "sco", "member", "2001", "2010"),
        ("RUS", "sco", "member", "2010", ""),
        ("CHN", "sco", "member", "2010", ""),
    )
    assert out == [("2001", "joined", "RUS", "", "member"), ("2010", "joined", "CHN", "", "member")]


def test_a_change_of_status_cites_both_spans():
    out = membership_changes(
        make_spans(
            ("IRN", "sco", "observer", "2005", "2023-07-04"),
            ("IRN", "sco", "member", "2023-07-04", ""),
        )
    )
    assert out.iloc[1]["source_ids"] == ("src-1", "src-0")
    assert out.iloc[1]["involved"] == ("IRN", "sco")


def test_no_spans_no_changes():
    assert membership_changes(make_spans()).empty


def test_agreements_signed_and_in_force_and_events(mini_pkg):
    signed = agreement_changes(mini_pkg["agreements"])
    assert set(zip(signed["ref"], signed["kind"], strict=True)) == {
        ("ab-health", "signed"),
        ("ab-tourism", "signed"),
        ("irn-eaeu-fta", "signed"),
        ("irn-eaeu-fta", "in_force"),
    }  # the undated treaty is left out
    fta = signed[signed["ref"] == "irn-eaeu-fta"].iloc[0]
    assert fta["involved"] == ("IRN", "eaeu")
    events = event_changes(mini_pkg["events"])
    assert list(events["ref"]) == ["sco-astana-2024", "visit-2025"]


@pytest.mark.parametrize(
    ("params", "refs"),
    [
        (
            ChangeFilter(date(2024, 1, 1), date(2024, 12, 31)),
            {"blr-sco-member", "sco-astana-2024", "irn-eaeu-obs"},
        ),
        # '2024-12' sorts and filters as 2024-12-01
        (ChangeFilter(date(2024, 12, 2), date(2024, 12, 31)), set()),
        (
            ChangeFilter(date(2024, 1, 1), None, countries=("IRN",)),
            {"irn-eaeu-obs", "ab-health", "visit-2025", "irn-eaeu-fta"},
        ),
        (ChangeFilter(None, date(2015, 12, 31), organizations=("eaeu",)), {"blr-eaeu-founder"}),
        (
            ChangeFilter(None, date(2010, 1, 1), kinds=("joined",)),
            {"blr-sco-dp", "rus-sco-founder"},
        ),
    ],
)
def test_filter_by_period_country_organization_and_kind(mini_pkg, params, refs):
    every = all_changes(mini_pkg["memberships"], mini_pkg["agreements"], mini_pkg["events"])
    assert set(filter_changes(every, params)["ref"]) == refs


def test_spans_meeting_on_a_day_change_status_that_day(mini_pkg):
    every = all_changes(mini_pkg["memberships"], mini_pkg["agreements"], mini_pkg["events"])
    # BLR in the SCO: dialogue partner until 2015-07-10, then observer from that day: a change
    # of status, not a departure
    blr = every[(every["country"] == "BLR") & (every["organization"] == "sco")]
    assert list(zip(blr["date"], blr["kind"], strict=True)) == [
        ("2009", "joined"),
        ("2015-07-10", "status_changed"),
        ("2024-07-04", "status_changed"),
    ]


def test_table_describes_each_change_in_words(mini_pkg):
    every = all_changes(mini_pkg["memberships"], mini_pkg["agreements"], mini_pkg["events"])
    chosen = filter_changes(every, ChangeFilter(date(2023, 1, 1), date(2024, 12, 31)))
    table = change_table(chosen, {**NAMES, **ORGS}, {"src-a": "https://example.org/a"})
    rows = dict(zip(table["What"], table["Kind"], strict=True))
    assert rows["Belarus: observer → member in SCO"] == "Status changed"
    assert rows["Iran joins SCO as member"] == "Joined"
    assert rows["Iran joins EAEU as observer"] == "Joined"
    assert rows["Free trade agreement"] == "Agreement signed"
    fta = table[table["What"] == "Free trade agreement"].iloc[0]
    assert fta["Parties"] == "Iran, EAEU"
    assert table.loc[table["Kind"] == "Joined", "ISO3"].tolist() == ["IRN", "IRN"]


def test_counts_by_month_and_kind(mini_pkg):
    every = all_changes(mini_pkg["memberships"], mini_pkg["agreements"], mini_pkg["events"])
    counts = changes_by_month(
        filter_changes(every, ChangeFilter(date(2024, 7, 1), date(2024, 7, 31)))
    )
    assert set(
        zip(counts["Month"].dt.strftime("%Y-%m"), counts["Kind"], counts["Count"], strict=True)
    ) == {
        ("2024-07", CHANGE_KINDS["status_changed"], 1),
        ("2024-07", CHANGE_KINDS["event"], 1),
    }
    assert changes_by_month(every.iloc[0:0]).empty


def change(kind, country="", organization="", before="", after="", title="", **more) -> dict:
    """One row of a change frame (as all_changes makes them)."""
    involved = more.get("involved", (country, organization) if country else ())
    return {
        "date": more.get("date", "2024-07-04"),
        "date_ts": pd.Timestamp(more.get("date", "2024-07-04")[:4]),
        "kind": kind,
        "country": country,
        "organization": organization,
        "before": before,
        "after": after,
        "title": title,
        "involved": involved,
        "source_ids": more.get("sources", ("src-a",)),
        "ref": more.get("ref", f"{kind}-{country}-{organization}"),
    }


def changes_frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


NAMED = {**NAMES, **ORGS}


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (change("joined", "IRN", "sco", after="member"), "Iran joins SCO as member"),
        (
            change("joined", "RUS", "sco", after="founding_member"),
            "Russia joins SCO as founding member",
        ),
        (
            change("status_changed", "BLR", "sco", "observer", "member"),
            "Belarus: observer → member in SCO",
        ),
        (
            change("status_changed", "BLR", "sco", "dialogue_partner", "observer"),
            "Belarus: dialogue partner → observer in SCO",
        ),
        (
            change("suspended", "IRN", "eaeu", "member", "suspended"),
            "Iran suspended in EAEU (was member)",
        ),
        (change("left", "RUS", "eaeu", before="observer"), "Russia leaves EAEU (was observer)"),
        (change("signed", title="Free trade agreement"), "Free trade agreement"),
        (change("in_force", title="Free trade agreement"), "Free trade agreement"),
        (change("event", title="SCO summit"), "SCO summit"),
        # a code with no name and a status with no label read as themselves
        (change("joined", "XKX", "nato", after="guest"), "XKX joins nato as guest"),
    ],
    ids=lambda value: value["kind"] if isinstance(value, dict) else None,
)
def test_describe_puts_each_kind_of_change_in_words(row, words):
    assert describe(changes_frame(row), NAMED).tolist() == [words]


def words_of(row: pd.Series, names: dict[str, str]) -> str:
    """A change in words, one row at a time."""
    country = names.get(row["country"], row["country"])
    org = names.get(row["organization"], row["organization"])
    before = v.MEMBERSHIP_STATUSES.get(row["before"], row["before"]).lower()
    after = v.MEMBERSHIP_STATUSES.get(row["after"], row["after"]).lower()
    return {
        "joined": f"{country} joins {org} as {after}",
        "status_changed": f"{country}: {before} → {after} in {org}",
        "suspended": f"{country} suspended in {org} (was {before})",
        "left": f"{country} leaves {org} (was {before})",
    }.get(row["kind"], row["title"])


def table_row_by_row(changes: pd.DataFrame, names: dict, urls: dict) -> pd.DataFrame:
    """The change table built the straightforward way, one row at a time."""
    rows = []
    for _, row in changes.iterrows():
        parties = ", ".join(names.get(i, i) for i in row["involved"])
        rows.append(
            {
                "Date": row["date"],
                "Kind": CHANGE_KINDS[row["kind"]],
                "What": words_of(row, names),
                "Country": names.get(row["country"], row["country"]),
                "Organization": names.get(row["organization"], row["organization"]),
                "Parties": "" if row["kind"] in MEMBERSHIP_KINDS else parties,
                "Sources": ", ".join(row["source_ids"]),
                "Link": next((urls[i] for i in row["source_ids"] if urls.get(i)), None),
                "ISO3": row["country"],
            }
        )
    columns = ["Date", "Kind", "What", "Country", "Organization", "Parties", "Sources", "Link"]
    return pd.DataFrame(rows, columns=[*columns, "ISO3"])


def cells(frame: pd.DataFrame) -> list[list]:
    """Every cell, a missing one as None."""
    return frame.astype(object).where(frame.notna(), None).to_numpy().tolist()


EVERY_KIND = [
    change("joined", "IRN", "sco", after="member", date="2023-07-04"),
    change("status_changed", "BLR", "sco", "observer", "member"),
    change("suspended", "IRN", "eaeu", "member", "suspended", sources=("src-b", "src-a")),
    change("left", "RUS", "eaeu", before="observer", sources=("src-b",)),
    change("signed", title="Free trade agreement", involved=("IRN", "eaeu"), sources=()),
    change("in_force", title="Free trade agreement", involved=("IRN", "eaeu")),
    change("event", title="SCO summit", involved=("sco",), date="2024"),
    change("event", title="Visit", involved=("IRN", "BLR", "XKX"), sources=("src-c",)),
]


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        (EVERY_KIND, NAMED),
        (EVERY_KIND * 3, NAMED),  # repeated values
        (EVERY_KIND[::-1], {}),  # no names: codes as themselves
        (EVERY_KIND, {**NAMED, "IRN": 'Iran, "Islamic Republic of"', "sco": "S,C,O"}),
        (EVERY_KIND, {**NAMED, "BLR": "Беларусь", "IRN": "ایران", "sco": "ШОС"}),
        (
            [
                *EVERY_KIND,
                change("signed", title='Treaty "A",\nsecond line', involved=("IRN", "BLR")),
                change("event", title="Сессия в Тегеране, ایران", involved=("BLR",)),
                change("joined", "BLR", "eaeu", after="guest_status"),
            ],
            {**NAMED, "eaeu": "EAEU\n(Eurasian)", "BLR": "Беларусь"},
        ),
        ([], NAMED),
    ],
    ids=["every kind", "repeated", "no names", "commas, quotes", "non-Latin", "newlines", "none"],
)
def test_change_table_is_the_row_by_row_table(rows, names):
    changes = changes_frame(*rows)
    urls = {"src-a": "https://example.org/a", "src-b": "", "src-c": "https://example.org/c"}
    table = change_table(changes, names, urls)
    expected = table_row_by_row(changes, names, urls)
    assert list(table.columns) == list(expected.columns)
    assert cells(table) == cells(expected)
    assert csv_bytes(table) == expected.to_csv(index=False).encode("utf-8")


def test_change_table_keeps_the_order_it_is_given(mini_pkg):
    every = all_changes(mini_pkg["memberships"], mini_pkg["agreements"], mini_pkg["events"])
    shuffled = every.sample(frac=1, random_state=3)
    table = change_table(shuffled, NAMED, {})
    assert cells(table) == cells(table_row_by_row(shuffled, NAMED, {}))
