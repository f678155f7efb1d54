"""Codes and ids that rows cite, kept even when the row they name was left out for an error.

The validator keeps a row that refers to a row left out for its own fault (that fault is
reported once, where it is). Such a country or organization is still offered and shown, under
its code or id in place of the missing name.
"""

from __future__ import annotations

from dashboard.datapackage.load import DataPackage


def _listed(pkg: DataPackage, table: str, column: str) -> set[str]:
    """Every item of a `;`-list column."""
    return {item for items in pkg[table][column].drop_duplicates() for item in items}


def cited_countries(pkg: DataPackage) -> set[str]:
    """ISO3 codes that memberships, places, trade, agreements or events cite.

    Parties and participants mix countries and organizations: a country is an upper-case code
    there (organization ids are lower-case slugs)."""
    codes = set(pkg["memberships"]["country"].unique()) | set(pkg["places"]["country"].unique())
    codes |= set(pkg["trade"]["reporter"].unique()) | set(pkg["trade"]["partner"].unique())
    named = _listed(pkg, "agreements", "parties") | _listed(pkg, "events", "participants")
    return codes | {code for code in named if code.isupper()}


def cited_organizations(pkg: DataPackage) -> set[str]:
    """Organization ids that memberships or agreements cite."""
    made_under = pkg["agreements"]["organization"].dropna()
    return set(pkg["memberships"]["organization"].unique()) | set(made_under[made_under != ""])


def with_cited(names: dict[str, str], cited: set[str]) -> dict[str, str]:
    """`names`, and every cited code without a row named by itself."""
    return {**names, **{code: code for code in cited - set(names)}}
