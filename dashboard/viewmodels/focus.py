"""The organizations the pages lead with, the large ones they leave one click away, and what
pickers offer and search."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.config import LARGE_ORGANIZATION, LEAD_ORGANIZATIONS
from dashboard.datapackage.load import DataPackage
from dashboard.derive.cited import cited_organizations, with_cited
from dashboard.derive.coverage import organization_records
from dashboard.derive.display import country_names, organization_names
from dashboard.derive.ranking import focus_organizations
from dashboard.derive.search import country_codes


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


NAMED = 3  # large organizations named in a label; the others counted


def some_names(names: tuple[str, ...] | list[str]) -> str:
    """'NAM', or 'UN, WHO, UPU and 97 more' for a long list."""
    shown = ", ".join(names[:NAMED])
    more = len(names) - NAMED
    if more <= 0:
        return shown
    return f"{shown} and {more:,} more"


def organization_choices(pkg: DataPackage) -> dict[str, str]:
    """Organization id → 'SCO — Shanghai Cooperation Organisation', by that label."""
    orgs = with_cited(organization_names(pkg), cited_organizations(pkg))
    names = dict(zip(pkg["organizations"]["id"], pkg["organizations"]["name"], strict=True))
    names = with_cited(names, set(orgs))  # an organization without its row: by its id
    labels = {
        o: f"{short} — {names[o]}" if names[o] != short else short for o, short in orgs.items()
    }
    return dict(sorted(labels.items(), key=lambda item: item[1].lower()))


def search_codes(pkg: DataPackage) -> dict[str, tuple[str, ...]]:
    """What a picker's search may type whole besides names: organizations' short names,
    countries' ISO 3166-1 alpha-2 codes (their ids, ISO3, always count)."""
    orgs = organization_names(pkg)
    return {**{o: (short,) for o, short in orgs.items()}, **country_codes(country_names(pkg))}
