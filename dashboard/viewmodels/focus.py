"""The organizations the pages lead with, and the large ones they leave one click away."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.config import LARGE_ORGANIZATION, LEAD_ORGANIZATIONS
from dashboard.datapackage.load import DataPackage
from dashboard.derive.coverage import organization_records
from dashboard.derive.ranking import focus_organizations


@dataclass(frozen=True)
class Focus:
    """Organization ids: those shown first, in order, and the large ones (biggest first)."""

    first: tuple[str, ...]
    large: tuple[str, ...]
    names: tuple[str, ...]  # the large ones' short names, in the same order


def focus(pkg: DataPackage) -> Focus:
    """SCO, BRICS and the EAEU first, then the other curated organizations; the large ones
    (such as the NAM) apart."""
    records = organization_records(pkg)
    sizes = pkg["memberships"].groupby("organization")["country"].nunique()
    first, large = focus_organizations(
        records.curated(), sizes, LEAD_ORGANIZATIONS, LARGE_ORGANIZATION
    )
    labels = records.table["short_name"].to_dict()
    return Focus(tuple(first), tuple(large), tuple(labels.get(o, o) for o in large))
