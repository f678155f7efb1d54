"""Coverage and currency: '(partial)' labels, check dates, and the mark of rows from COW."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.config import COW_LABEL, COW_SOURCE_ID
from dashboard.derive import coverage
from tests.conftest import MINI
from tests.layered import layered_package


@pytest.fixture
def layered(tmp_path: Path):
    return layered_package(tmp_path)


@pytest.mark.parametrize(
    ("short", "value", "expected"),
    [("NAM", "partial", "NAM (partial)"), ("SCO", "complete", "SCO"), ("WPact", "", "WPact")],
)
def test_partial_label(short, value, expected):
    assert coverage.partial_label(short, value) == expected


def test_record_labels_mark_rows_citing_cow():
    ids = pd.Series([(COW_SOURCE_ID,), ("src-a",), ("src-a", COW_SOURCE_ID), ()])
    assert list(coverage.record_labels(ids)) == [COW_LABEL, "", COW_LABEL, ""]
    assert COW_LABEL == "year precision, COW IGO v3"


@pytest.mark.parametrize(
    ("checked", "from_cow", "cow_spans", "last", "expected"),
    [
        ("2026-11-23", False, 0, 2014, "2026-11-23"),
        ("", False, 0, None, "not given"),
        ("", True, 10, 2014, "2014 (COW IGO v3, year precision)"),
        (
            "2026-11-23",
            False,
            49,
            2014,
            "2026-11-23; 49 spans from COW IGO v3 (year precision, to 2014)",
        ),
        ("2026-11-23", False, 1, None, "2026-11-23; 1 span from COW IGO v3 (year precision)"),
    ],
)
def test_checked_text(checked, from_cow, cow_spans, last, expected):
    assert coverage.checked_text(checked, from_cow, cow_spans, last) == expected


def test_records_of_a_layered_package(layered):
    records = coverage.organization_records(layered)
    table = records.table
    assert records.labels()["eaeu"] == "EAEU (partial)"  # the curated row replaced COW's
    assert records.labels()["wpact"] == "WPact"
    assert records.curated() == ["sco", "eaeu"]
    assert records.partial() == ["EAEU"]
    assert records.cow_last == 2014  # an open span started in 2014
    assert (records.checked, records.latest) == ("2026-10", "2026-11-23")
    assert table.loc["wpact", "checked"] == "2014 (COW IGO v3, year precision)"
    # a country only COW has keeps its COW span inside a curated organization: it says so
    assert table.loc["eaeu", "checked"] == (
        "2026-10; 1 span from COW IGO v3 (year precision, to 2014)"
    )
    assert table.loc["sco", "checked"] == "2026-11-23"


def test_summary_and_caption_say_what_is_partial_and_how_current(layered):
    records = coverage.organization_records(layered)
    assert coverage.summary_line(records) == (
        "2 curated organizations (1 partial: EAEU), checked up to 2026-10 (the latest to "
        "2026-11-23); 1 from COW IGO v3, year precision, to 2014."
    )
    assert coverage.counts_caption(records).startswith("(partial): some members are known")


def test_checked_table_lists_curated_first(layered):
    table = coverage.checked_table(coverage.organization_records(layered))
    assert list(table["Organization"]) == ["EAEU (partial)", "SCO", "WPact"]
    assert list(table["Coverage"]) == ["Partial", "Complete", "—"]
    assert table["Checked up to"].iloc[-1] == "2014 (COW IGO v3, year precision)"


def test_a_package_without_coverage_columns_has_plain_labels(mini_pkg):
    records = coverage.organization_records(mini_pkg)
    assert records.labels() == {"sco": "SCO", "eaeu": "EAEU"}
    assert records.checked == ""
    assert records.cow_last is None
    assert coverage.summary_line(records) == "2 curated organizations."
    assert set(records.table["checked"]) == {"not given"}
    assert MINI["organizations"][0].count("coverage") == 0


def test_counts_caption_explains_partial_only_when_one_is_shown(layered):
    records = coverage.organization_records(layered)
    assert coverage.counts_caption(records, ["eaeu", "sco"]).startswith("(partial)")
    assert coverage.counts_caption(records, ["wpact"]) == coverage.summary_line(records)
