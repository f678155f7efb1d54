"""Display tables: names for codes, with the codes kept for links."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.config import COW_LABEL, COW_SOURCE_ID
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.load import DataPackage
from dashboard.derive.display import (
    agreement_table,
    membership_table,
    party_countries,
    per_distinct,
    segment_table,
    source_urls,
    sources_line,
)
from dashboard.derive.paging import csv_bytes


def test_membership_table_keeps_the_code_for_links(mini_pkg):
    table = membership_table(mini_pkg["memberships"], mini_pkg)
    assert set(zip(table["Country"], table["ISO3"], strict=True)) == {
        ("Iran", "IRN"),
        ("Belarus", "BLR"),
        ("Russia", "RUS"),
    }


def test_party_countries_leaves_organizations_out(mini_pkg):
    parties = party_countries(("IRN", "eaeu", "BLR"), mini_pkg)
    assert list(parties["Country"]) == ["Iran", "Belarus"]
    assert list(parties["ISO3"]) == ["IRN", "BLR"]


def package(countries: dict[str, str], orgs: dict[str, str], places: dict[str, str]):
    """A package of the lookup tables the display frames read, built in the test."""
    sources = {"src-a": "https://example.org/a", "src-b": "", COW_SOURCE_ID: ""}
    return DataPackage(
        folder="test",
        tables={
            "countries": pd.DataFrame({"iso3": list(countries), "name": list(countries.values())}),
            "organizations": pd.DataFrame({"id": list(orgs), "short_name": list(orgs.values())}),
            "sources": pd.DataFrame(
                {
                    "id": list(sources),
                    "url": list(sources.values()),
                    "title": [f"Title of {i}" for i in sources],
                    "publisher": ["Publisher A", "", "Correlates of War Project"],
                    "published": ["2024-07-04", "2020", ""],
                }
            ),
            "places": pd.DataFrame({"id": list(places), "name": list(places.values())}),
        },
        problems=(),
        skipped=0,
    )


LABELS = {  # how each source of `package` is named to a reader
    "src-a": "Title of src-a — Publisher A, 2024-07-04",
    "src-b": "Title of src-b — 2020",
    COW_SOURCE_ID: f"Title of {COW_SOURCE_ID} — Correlates of War Project",
}
PLAIN = ({"IRN": "Iran", "BLR": "Belarus"}, {"sco": "SCO", "eaeu": "EAEU"}, {"minsk": "Minsk"})
TRICKY = (
    {"IRN": 'Iran, "Islamic Republic of"', "BLR": "Беларусь"},
    {"sco": "ШОС,\nSCO", "eaeu": "ایران و اوراسیا"},
    {"minsk": 'Minsk, "hero city"'},
)
LOOKUPS = pytest.mark.parametrize("lookups", [PLAIN, TRICKY], ids=["plain", "tricky"])
COPIES = pytest.mark.parametrize("copies", [1, 3], ids=["once", "repeated"])


def cells(frame: pd.DataFrame) -> list[list]:
    """Every cell, a missing one as None."""
    return frame.astype(object).where(frame.notna(), None).to_numpy().tolist()


def same_table(table: pd.DataFrame, rows: list[dict]) -> None:
    """`table` has the given rows, cell for cell, and writes the same CSV."""
    expected = pd.DataFrame(rows, columns=table.columns)
    assert cells(table) == cells(expected)
    assert csv_bytes(table) == expected.to_csv(index=False).encode("utf-8")


def first_url(ids: tuple[str, ...]) -> str | None:
    urls = {"src-a": "https://example.org/a"}
    return next((urls[i] for i in ids if urls.get(i)), None)


AGREEMENTS = pd.DataFrame(
    {
        "id": ["a-1", "a-2", "a-3"],
        "title": ['Memorandum "on health", 2025', "Договор\nо сотрудничестве", "موافقت‌نامه"],
        "parties": [("IRN", "BLR"), ("IRN", "eaeu", "XKX"), ("IRN", "BLR")],
        "sectors": [("health", "pharmaceuticals"), ("trade",), ()],
        "kind": ["memorandum", "agreement", "unknown_kind"],
        "signed_date": ["2025-08-20", "2023", ""],
        "in_force_date": ["", "2025-05-15", ""],
        "status": ["signed", "in_force", "planned"],
        "source_ids": [("src-b", "src-a"), ("src-b",), ()],
    }
)


@LOOKUPS
@COPIES
def test_agreement_table_is_the_row_by_row_table(lookups, copies):
    pkg = package(*lookups)
    names = {**lookups[0], **lookups[1]}
    rows = pd.concat([AGREEMENTS] * copies, ignore_index=True)
    same_table(
        agreement_table(rows, pkg, keep_order=True),
        [
            {
                "id": row["id"],
                "Title": row["title"],
                "Parties": ", ".join(names.get(p, p) for p in row["parties"]),
                "Sectors": ", ".join(v.SECTORS.get(s, s) for s in row["sectors"]),
                "Kind": v.AGREEMENT_KINDS.get(row["kind"]),
                "Signed": row["signed_date"],
                "In force": row["in_force_date"],
                "Status": v.AGREEMENT_STATUSES.get(row["status"]),
                "Sources": ", ".join(row["source_ids"]),
                "Cited": "; ".join(LABELS[i] for i in row["source_ids"]),
                "Link": first_url(row["source_ids"]),
            }
            for _, row in rows.iterrows()
        ],
    )


SPANS = pd.DataFrame(
    {
        "organization": ["sco", "eaeu", "sco", "nato"],
        "country": ["IRN", "BLR", "XKX", "BLR"],
        "status": ["member", "founding_member", "observer", "partner_country"],
        "start_date": ["2023-07-04", "2015", "2001", "1994"],
        "end_date": ["", "", "2010", ""],
        "note": ["", 'a "note", with\na line break', "", "ملاحظة"],
        "source_ids": [("src-a",), ("src-b", "src-a"), (COW_SOURCE_ID,), ()],
    }
)


@LOOKUPS
@COPIES
def test_membership_table_is_the_row_by_row_table(lookups, copies):
    pkg = package(*lookups)
    countries, orgs = lookups[0], lookups[1]
    spans = pd.concat([SPANS] * copies, ignore_index=True)
    same_table(
        membership_table(spans, pkg, keep_order=True),
        [
            {
                "Organization": orgs.get(row["organization"], row["organization"]),
                "Country": countries.get(row["country"], row["country"]),
                "Status": v.MEMBERSHIP_STATUSES.get(row["status"]),
                "From": row["start_date"],
                "Until": row["end_date"],
                "Note": row["note"],
                "Record": COW_LABEL if COW_SOURCE_ID in row["source_ids"] else "",
                "Sources": ", ".join(row["source_ids"]),
                "Cited": "; ".join(LABELS[i] for i in row["source_ids"]),
                "Link": first_url(row["source_ids"]),
                "ISO3": row["country"],
            }
            for _, row in spans.iterrows()
        ],
    )


SEGMENTS = pd.DataFrame(
    {
        "from_place": ["minsk", "moscow"],
        "to_place": ["moscow", "minsk"],
        "corridor": ["belarus_russia", "belarus_russia"],
        "mode": ["rail", "road"],
        "status": ["operational", "planned"],
        "length_km": [700.0, None],
        "length_basis": ["sourced", ""],
        "note": ["", 'Дорога, "М1"'],
        "source_ids": [("src-a",), ("src-b",)],
    }
)


@LOOKUPS
def test_segment_table_is_the_row_by_row_table(lookups):
    pkg = package(*lookups)
    places = lookups[2]
    same_table(
        segment_table(SEGMENTS, pkg),
        [
            {
                "From": places.get(row["from_place"], row["from_place"]),
                "To": places.get(row["to_place"], row["to_place"]),
                "Branch": v.CORRIDORS.get(row["corridor"]),
                "Mode": v.MODES.get(row["mode"]),
                "Status": v.SEGMENT_STATUSES.get(row["status"]),
                "Length (km)": row["length_km"],
                "Length basis": v.LENGTH_BASIS.get(row["length_basis"], ""),
                "Note": row["note"],
                "Sources": ", ".join(row["source_ids"]),
                "Link": first_url(row["source_ids"]),
            }
            for _, row in SEGMENTS.iterrows()
        ],
    )


@pytest.mark.parametrize(
    "column",
    [
        pd.Series([("a", "b"), ("c",), ("a", "b"), ()], index=[7, 3, 5, 1]),
        pd.Series(["IRN", "BLR", None, "IRN", "Беларусь"]),
        pd.Series([], dtype=object),
    ],
    ids=["tuples", "text with a missing value", "empty"],
)
def test_per_distinct_is_map_calling_once_per_distinct_value(column):
    calls = []

    def make(value):
        calls.append(value)
        return f"<{value}>"

    result = per_distinct(column, make)
    assert result.index.equals(column.index)
    assert result.tolist() == column.map(lambda value: f"<{value}>").tolist()
    assert len(calls) == column.nunique(dropna=False)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://example.org/b", "HTTP://example.org/b"),
        ("javascript:alert(1)", ""),
        ("file:///etc/passwd", ""),
        ("ftp://example.org/c", ""),
        ("", ""),
    ],
)
def test_only_web_addresses_become_links(url, shown):
    pkg = package(*PLAIN)
    pkg.tables["sources"].loc[0, "url"] = url
    assert source_urls(pkg)["src-a"] == shown


def test_sources_line_names_sources_by_title_publisher_and_date():
    line = sources_line(["src-a", "src-b", "src-a"], labels=LABELS)
    assert line == "Sources: Title of src-a — Publisher A, 2024-07-04; Title of src-b — 2020"
    assert sources_line(["a", "b", "c"], limit=2) == (
        "Sources: a, b and 1 more (see the Sources page)"
    )
