"""How complete and how current each organization's record is, and which rows come from COW.

A curated organization carries `coverage` (complete or partial) and `checked` (the date its
history was checked up to). An organization imported from the Correlates of War IGO data cites
COW's source and is known year by year up to COW's last year. Every count of members shows the
first as a label ('NAM (partial)') and the second beside the count.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.config import COW_LABEL, COW_SOURCE_ID
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.load import DataPackage

PARTIAL = "partial"
NOT_GIVEN = "not given"


def cites_cow(source_ids: pd.Series) -> pd.Series:
    """True for each row whose sources include the COW IGO v3 citation."""
    return source_ids.map(lambda ids: COW_SOURCE_ID in ids).astype(bool)


def record_labels(source_ids: pd.Series) -> pd.Series:
    """The visible mark of each row: 'year precision, COW IGO v3' for COW rows, else ''."""
    return cites_cow(source_ids).map({True: COW_LABEL, False: ""}).astype(object)


def partial_label(short_name: str, coverage: str) -> str:
    """'NAM (partial)' for an organization whose coverage is partial, else its short name."""
    return f"{short_name} (partial)" if coverage == PARTIAL else short_name


def cow_last_year(spans: pd.DataFrame) -> int | None:
    """The last year the COW rows record: their latest start, or the year before the latest end."""
    cow = spans[cites_cow(spans["source_ids"])]
    years = [cow["start_date_ts"].dt.year.max(), cow["end_date_ts"].dt.year.max() - 1]
    years = [int(y) for y in years if pd.notna(y)]
    return max(years) if years else None


def cow_text(last: int | None) -> str:
    """'2014 (COW IGO v3, year precision)': how current a COW record is."""
    return f"{last} (COW IGO v3, year precision)" if last else "COW IGO v3, year precision"


def checked_text(checked: str, from_cow: bool, cow_spans: int, last: int | None) -> str:
    """What 'Checked up to' says of one organization."""
    if from_cow:
        return cow_text(last)
    text = checked or NOT_GIVEN
    if cow_spans:
        to = f", to {last}" if last else ""
        spans = f"{cow_spans:,} span{'s' if cow_spans > 1 else ''}"
        text += f"; {spans} from COW IGO v3 (year precision{to})"
    return text


@dataclass(frozen=True)
class Records:
    """Per organization id: its label, coverage and how current it is; the package's date."""

    table: pd.DataFrame  # index: organization id
    checked: str  # the earliest `checked` of the curated organizations ('' if none has one)
    latest: str  # the latest one
    cow_last: int | None  # the last year of the COW rows, if the package has any

    def labels(self) -> dict[str, str]:
        """Organization id → short name, marked '(partial)' where coverage is partial."""
        return self.table["label"].to_dict()

    def curated(self) -> list[str]:
        """Ids of the organizations that do not come from COW."""
        return list(self.table.index[~self.table["from_cow"]])

    def partial(self) -> list[str]:
        """Labels of the partial organizations."""
        return list(self.table.loc[self.table["coverage"] == PARTIAL, "short_name"])


def organization_records(pkg: DataPackage) -> Records:
    """Label, coverage, check date and COW share of every organization of the package."""
    orgs, spans = pkg["organizations"], pkg["memberships"]
    cow_span = cites_cow(spans["source_ids"])
    cow_spans = spans.loc[cow_span, "organization"].value_counts()
    from_cow = cites_cow(orgs["source_ids"]).to_numpy()
    last = cow_last_year(spans)
    coverage = orgs["coverage"].fillna("").astype(str)
    checked = orgs["checked"].fillna("").astype(str)
    n_cow = orgs["id"].map(cow_spans).fillna(0).astype(int)
    table = pd.DataFrame(
        {
            "short_name": orgs["short_name"].to_numpy(),
            "name": orgs["name"].to_numpy(),
            "label": [
                partial_label(s, c) for s, c in zip(orgs["short_name"], coverage, strict=True)
            ],
            "coverage": coverage.to_numpy(),
            "from_cow": from_cow,
            "cow_spans": n_cow.to_numpy(),
            "checked": [
                checked_text(c, f, n, last)
                for c, f, n in zip(checked, from_cow, n_cow, strict=True)
            ],
        },
        index=pd.Index(orgs["id"].to_numpy(), name="id"),
    )
    dated = orgs.loc[~from_cow & (checked != ""), ["checked", "checked_ts"]]
    dated = dated.sort_values("checked_ts")
    first = dated["checked"].iat[0] if not dated.empty else ""
    latest = dated["checked"].iat[-1] if not dated.empty else ""
    return Records(table, first, latest, last)


def coverage_labels(records: Records, ids: pd.Series) -> tuple[pd.Series, pd.Series]:
    """For organization ids: their coverage label ('Partial', 'Complete', '—') and check date."""
    table = records.table.reindex(ids)
    coverage = table["coverage"].map(v.COVERAGE).fillna("—")
    return coverage.to_numpy(), table["checked"].fillna(NOT_GIVEN).to_numpy()


def checked_table(records: Records) -> pd.DataFrame:
    """Each organization's coverage and check date: the curated ones first, then by name."""
    table = records.table.assign(_cow=records.table["from_cow"]).sort_values(["_cow", "label"])
    coverage, checked = coverage_labels(records, table.index.to_series())
    return pd.DataFrame(
        {
            "Organization": table["label"].to_numpy(),
            "Name": table["name"].to_numpy(),
            "Coverage": coverage,
            "Checked up to": checked,
            "id": table.index.to_numpy(),
        }
    )


def summary_line(records: Records) -> str:
    """'9 curated organizations (2 partial: EAEU, NAM), checked up to 2026-11-23; 528 …'."""
    table = records.table
    curated = int((~table["from_cow"]).sum())
    partial = records.partial()
    parts = []
    if curated:
        text = f"{curated:,} curated organization{'s' if curated != 1 else ''}"
        if partial:
            text += f" ({len(partial)} partial: {', '.join(partial)})"
        if records.checked:
            text += f", checked up to {records.checked}"
            if records.latest != records.checked:
                text += f" (the latest to {records.latest})"
        parts.append(text)
    if curated < len(table):
        parts.append(
            f"{len(table) - curated:,} from COW IGO v3, year precision, to {records.cow_last}"
        )
    return "; ".join(parts) + "." if parts else ""


def counts_caption(records: Records, shown: list[str] | None = None) -> str:
    """The line under a table of counts: what '(partial)' means when one of `shown` (ids; all
    when None) is partial, and how current the data is."""
    text = summary_line(records)
    table = records.table if shown is None else records.table.reindex(shown)
    if (table["coverage"] == PARTIAL).any():
        text = (
            "(partial): some members are known to be missing, so the counts are a slice, not the "
            "whole. " + text
        )
    return text
