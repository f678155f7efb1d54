"""Filters: each dimension alone, composed, and never mutating the input."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.derive.filters import (
    AgreementFilter,
    MembershipFilter,
    active_on,
    filter_agreements,
    filter_by_text,
    filter_memberships,
)
from tests.conftest import NAMES


@pytest.fixture
def pkg(mini_pkg):
    return mini_pkg


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            MembershipFilter(),
            {
                "blr-sco-dp",
                "blr-sco-obs",
                "blr-sco-member",
                "irn-sco-member",
                "rus-sco-founder",
                "blr-eaeu-founder",
                "irn-eaeu-obs",
            },
        ),
        (MembershipFilter(organizations=("eaeu",)), {"blr-eaeu-founder", "irn-eaeu-obs"}),
        (MembershipFilter(countries=("IRN",)), {"irn-sco-member", "irn-eaeu-obs"}),
        (MembershipFilter(statuses=("observer",)), {"blr-sco-obs", "irn-eaeu-obs"}),
        (
            MembershipFilter(start=date(2010, 1, 1), end=date(2012, 1, 1)),
            {"blr-sco-dp", "rus-sco-founder"},
        ),
        (
            MembershipFilter(query="bela"),
            {"blr-sco-dp", "blr-sco-obs", "blr-sco-member", "blr-eaeu-founder"},
        ),
        (
            MembershipFilter(organizations=("sco",), countries=("BLR",), statuses=("member",)),
            {"blr-sco-member"},
        ),
        (MembershipFilter(countries=("ZZZ",)), set()),
    ],
)
def test_filter_memberships(pkg, params, expected):
    spans = pkg["memberships"]
    before = spans.copy()
    assert set(filter_memberships(spans, params, NAMES)["id"]) == expected
    assert spans.equals(before)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2015, 7, 9), {"blr-sco-dp"}),
        (date(2015, 7, 10), {"blr-sco-obs"}),  # the day a status changes belongs to the new one
        (date(2024, 7, 4), {"blr-sco-member"}),
        (date(2008, 1, 1), set()),
    ],
)
def test_active_on(pkg, day, expected):
    spans = pkg["memberships"]
    belarus_sco = spans[(spans["country"] == "BLR") & (spans["organization"] == "sco")]
    assert set(active_on(belarus_sco, day)["id"]) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (AgreementFilter(), {"ab-health", "ab-tourism", "irn-eaeu-fta", "ab-treaty"}),
        (AgreementFilter(sectors=("health",)), {"ab-health"}),
        (AgreementFilter(sectors=("health", "tourism")), {"ab-health", "ab-tourism"}),
        (AgreementFilter(parties=("eaeu",)), {"irn-eaeu-fta"}),
        (AgreementFilter(kinds=("treaty",)), {"ab-treaty"}),
        (AgreementFilter(statuses=("in_force",)), {"irn-eaeu-fta"}),
        (AgreementFilter(start=date(2024, 1, 1)), {"ab-health"}),
        (AgreementFilter(end=date(2023, 12, 31)), {"ab-tourism", "irn-eaeu-fta"}),
        (AgreementFilter(query="MEDICINES"), {"ab-health"}),
        (AgreementFilter(query="(["), set()),  # plain text, never a pattern
    ],
)
def test_filter_agreements(pkg, params, expected):
    assert set(filter_agreements(pkg["agreements"], params)["id"]) == expected


def test_text_filter_ignores_blank_query(pkg):
    assert len(filter_by_text(pkg["agreements"], ("title",), "   ")) == 4
