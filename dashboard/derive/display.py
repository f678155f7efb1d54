"""Derived frames for display: names instead of codes, labels instead of slugs, joined sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.load import DataPackage
from dashboard.derive.coverage import record_labels
from dashboard.derive.text import without_hidden


def named(codes: pd.Series, names: dict[str, str]) -> pd.Series:
    """Display names for codes; a code with no row (left out for an error) shows as itself."""
    return per_distinct(codes, lambda code: names.get(code, code))


def country_names(pkg: DataPackage) -> dict[str, str]:
    """ISO3 code → country name."""
    return dict(zip(pkg["countries"]["iso3"], pkg["countries"]["name"], strict=True))


def organization_names(pkg: DataPackage) -> dict[str, str]:
    """Organization id → short name."""
    orgs = pkg["organizations"]
    return dict(zip(orgs["id"], orgs["short_name"], strict=True))


def party_names(pkg: DataPackage) -> dict[str, str]:
    """Country code or organization id → display name."""
    return {**country_names(pkg), **organization_names(pkg)}


def per_distinct(column: pd.Series, make: Callable[[Any], Any]) -> pd.Series:
    """`column.map(make)`, calling `make` once per distinct value (a big table repeats few)."""
    values = column.to_numpy()
    codes, distinct = pd.factorize(values)  # a missing value is -1, whichever pandas it is
    made = np.empty(len(distinct) + 1, dtype=object)  # the last slot: a missing value's, at -1
    for position, value in enumerate(distinct):  # one by one: a result may be a tuple
        made[position] = make(value)
    if (codes == -1).any():  # the missing value as the column holds it (None stays None)
        made[-1] = make(values[codes == -1][0])
    # Typed once over the distinct results, then spread by position (for text, in Arrow)
    return pd.Series(made, name=column.name).take(codes).set_axis(column.index)


def plain(column: pd.Series) -> pd.Series:
    """Titles without hidden characters that reorder or hide text (`text.without_hidden`)."""
    return per_distinct(column, lambda t: without_hidden(t) if isinstance(t, str) else t)


def joined(column: pd.Series, names: dict[str, str] | None = None) -> pd.Series:
    """A multi-valued (tuple) column as text, items joined by ', ' (named, given names)."""
    if names is None:
        return per_distinct(column, ", ".join)
    return per_distinct(column, lambda values: join_names(values, names))


def first_source_urls(source_ids: pd.Series, urls: dict[str, str]) -> pd.Series:
    """The address of each row's first cited source that has one (for a link column)."""
    return per_distinct(source_ids, lambda ids: first_source_url(ids, urls))


def join_names(values: tuple[str, ...], names: dict[str, str]) -> str:
    """Multi-valued cell as readable text: names joined by ', '."""
    return ", ".join(names.get(item, item) for item in values)


def first_source_url(ids: tuple[str, ...], urls: dict[str, str]) -> str | None:
    """Address of the first cited source that has one (for a link column)."""
    return next((urls[i] for i in ids if urls.get(i)), None)


WEB_SCHEMES = ("http://", "https://")  # the only addresses shown as links


def source_urls(pkg: DataPackage) -> dict[str, str]:
    """Source id → address (empty when the source has none, or one that is not http(s))."""
    urls = pkg["sources"]["url"].fillna("")
    web = urls.where(urls.str.lower().str.startswith(WEB_SCHEMES), "")
    return dict(zip(pkg["sources"]["id"], web, strict=True))


def source_label(title: str, publisher: str, published: str) -> str:
    """'Title — Publisher, 2024-07-04': how a source is named to a reader."""
    by = ", ".join(part for part in (publisher, published) if part)
    return f"{title} — {by}" if by else title


def source_labels(pkg: DataPackage) -> dict[str, str]:
    """Source id → its title, publisher and date (see `source_label`)."""
    src = pkg["sources"]
    columns = [src[c].fillna("").astype(str) for c in ("title", "publisher", "published")]
    labels = [source_label(*map(without_hidden, parts)) for parts in zip(*columns, strict=True)]
    return dict(zip(src["id"], labels, strict=True))


def cited(source_ids: pd.Series, labels: dict[str, str]) -> pd.Series:
    """Each row's cited sources by title, publisher and date, joined by '; '."""
    return per_distinct(source_ids, lambda ids: "; ".join(labels.get(i, i) for i in ids))


def membership_table(
    spans: pd.DataFrame, pkg: DataPackage, keep_order: bool = False
) -> pd.DataFrame:
    """Spans for display, dates as written: by organization, country and start (or as given)."""
    countries, orgs, urls = country_names(pkg), organization_names(pkg), source_urls(pkg)
    out = spans if keep_order else spans.sort_values(["organization", "country", "start_date_ts"])
    return pd.DataFrame(
        {
            "Organization": named(out["organization"], orgs),
            "Country": named(out["country"], countries),
            "Status": out["status"].map(v.MEMBERSHIP_STATUSES),
            "From": out["start_date"],
            "Until": out["end_date"],
            "Note": out["note"],
            "Record": record_labels(out["source_ids"]),
            "Sources": joined(out["source_ids"]),
            "Cited": cited(out["source_ids"], source_labels(pkg)),
            "Link": first_source_urls(out["source_ids"], urls),
            "ISO3": out["country"],
        }
    ).reset_index(drop=True)


def agreement_table(
    agreements: pd.DataFrame, pkg: DataPackage, keep_order: bool = False
) -> pd.DataFrame:
    """Agreements for display: newest first, undated last (or in the given order)."""
    names, urls = party_names(pkg), source_urls(pkg)
    out = agreements
    if not keep_order:
        out = out.sort_values("signed_date_ts", ascending=False, na_position="last")
    return pd.DataFrame(
        {
            "id": out["id"],
            "Title": plain(out["title"]),
            "Parties": joined(out["parties"], names),
            "Sectors": joined(out["sectors"], v.SECTORS),
            "Kind": out["kind"].map(v.AGREEMENT_KINDS),
            "Signed": out["signed_date"],
            "In force": out["in_force_date"],
            "Status": out["status"].map(v.AGREEMENT_STATUSES),
            "Sources": joined(out["source_ids"]),
            "Cited": cited(out["source_ids"], source_labels(pkg)),
            "Link": first_source_urls(out["source_ids"], urls),
        }
    ).reset_index(drop=True)


def citing_rows(pkg: DataPackage) -> pd.DataFrame:
    """One row per (source id, table, row id) citation across the package."""
    parts = []
    for name, frame in pkg.tables.items():
        if "source_ids" not in frame.columns or frame.empty:
            continue
        key = frame["id"] if "id" in frame.columns else frame["year"].astype(str)
        cited = pd.DataFrame({"source": frame["source_ids"], "row": key}).explode("source")
        parts.append(cited.assign(table=name))
    if not parts:
        return pd.DataFrame(columns=["source", "row", "table"])
    return pd.concat(parts, ignore_index=True)


CITING_ROWS_SHOWN = 20  # a source cited by thousands of rows lists the first ones


def _first_rows(rows: pd.Series) -> str:
    more = len(rows) - CITING_ROWS_SHOWN
    shown = ", ".join(rows.iloc[:CITING_ROWS_SHOWN])
    return shown + (f" and {more:,} more" if more > 0 else "")


def source_table(pkg: DataPackage) -> pd.DataFrame:
    """Every source with the rows that cite it."""
    cites = citing_rows(pkg)
    cited_by = (cites["table"] + ":" + cites["row"]).groupby(cites["source"]).agg(_first_rows)
    counts = cites.groupby("source").size()
    src = pkg["sources"]
    return pd.DataFrame(
        {
            "Title": plain(src["title"]),
            "Publisher": src["publisher"],
            "Published": src["published"],
            "Link": src["url"].where(src["url"] != "", None),
            "Cited by": src["id"].map(counts).fillna(0).astype(int),
            "id": src["id"],
            "Accessed": src["accessed"],
            "Rows": src["id"].map(cited_by).fillna(""),
        }
    )


def problem_table(pkg: DataPackage) -> pd.DataFrame:
    """Problems as a frame: file, line, column, value, message, severity."""
    columns = ["file", "line", "column", "value", "message", "severity"]
    rows = [p.as_dict() for p in pkg.problems]
    out = pd.DataFrame(rows, columns=columns)
    out["line"] = out["line"].astype("Int64")
    return out


def sources_of(ids: tuple[str, ...], pkg: DataPackage) -> pd.DataFrame:
    """The cited sources, in citation order, with title, publisher, date and link."""
    src = pkg["sources"].set_index("id").reindex(list(ids))
    return pd.DataFrame(
        {
            "Source": list(ids),
            "Title": src["title"].to_numpy(),
            "Publisher": src["publisher"].to_numpy(),
            "Published": src["published"].to_numpy(),
            "Link": src["url"].replace("", None).to_numpy(),
        }
    )


def agreement_detail(row: pd.Series, pkg: DataPackage) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every field of one agreement as (field, value) rows, and its sources."""
    names = party_names(pkg)
    fields = {
        "Title": without_hidden(row["title"]),
        "Kind": v.AGREEMENT_KINDS.get(row["kind"], row["kind"]),
        "Parties": join_names(row["parties"], names),
        "Organization": names.get(row["organization"], "") if row["organization"] else "",
        "Sectors": join_names(row["sectors"], v.SECTORS),
        "Signed": row["signed_date"],
        "In force": row["in_force_date"],
        "Status": v.AGREEMENT_STATUSES.get(row["status"], row["status"]),
        "Summary": row["summary"],
        "Note": row["note"],
        "Id": row["id"],
    }
    detail = pd.DataFrame({"Field": list(fields), "Value": list(fields.values())})
    return detail, sources_of(row["source_ids"], pkg)


def party_countries(parties: tuple[str, ...], pkg: DataPackage) -> pd.DataFrame:
    """The countries among an agreement's or event's parties, by name, with their codes."""
    countries = country_names(pkg)
    codes = [p for p in parties if p in countries]
    return pd.DataFrame({"Country": [countries[c] for c in codes], "ISO3": codes})


def place_names(pkg: DataPackage) -> dict[str, str]:
    """Place id → name."""
    return dict(zip(pkg["places"]["id"], pkg["places"]["name"], strict=True))


def segment_table(segments: pd.DataFrame, pkg: DataPackage) -> pd.DataFrame:
    """Route legs for display: place names, labels, length, note and sources."""
    names, urls = place_names(pkg), source_urls(pkg)
    return pd.DataFrame(
        {
            "From": named(segments["from_place"], names),
            "To": named(segments["to_place"], names),
            "Branch": segments["corridor"].map(v.CORRIDORS),
            "Mode": segments["mode"].map(v.MODES),
            "Status": segments["status"].map(v.SEGMENT_STATUSES),
            "Length (km)": segments["length_km"],
            "Length basis": segments["length_basis"].map(v.LENGTH_BASIS).fillna(""),
            "Note": segments["note"],
            "Sources": joined(segments["source_ids"]),
            "Link": first_source_urls(segments["source_ids"], urls),
        }
    ).reset_index(drop=True)


def sources_line(ids: list[str], limit: int = 8, labels: dict[str, str] | None = None) -> str:
    """'Sources: a; b; c and 4 more' — the sources behind what a chart shows, by title,
    publisher and date when `labels` (`source_labels`) are given, else by id."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        return ""
    named = [labels.get(i, i) for i in unique[:limit]] if labels else unique[:limit]
    shown = "; ".join(named) if labels else ", ".join(named)
    more = len(unique) - limit
    if more <= 0:
        return f"Sources: {shown}"
    return f"Sources: {shown} and {more} more (see the Sources page)"
