"""What the corridor map derives for one organization and day: who is shaded, who cannot be.

The basemap (Natural Earth 1:110m) has a shape for today's larger states only: a former state
(the USSR, the GDR…) or a small one (Malta, Singapore…) with a status is listed, not drawn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dashboard.config import BASEMAP_FILE
from dashboard.coverage import organization_records
from dashboard.frames import country_names
from dashboard.package import DataPackage
from dashboard.summaries import member_statuses


@lru_cache(maxsize=4)
def basemap_codes(path: Path = BASEMAP_FILE) -> frozenset[str]:
    """ISO3 codes the basemap has a shape for (empty when the file cannot be read)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    except (OSError, ValueError, AttributeError):
        return frozenset()
    return frozenset(str((f.get("properties") or {}).get("iso3", "")) for f in features)


@dataclass(frozen=True)
class Shading:
    """Countries holding a status in one organization on one day, as the map can show them."""

    statuses: dict[str, str]  # the countries the map shades: ISO3 → status
    held: int  # countries with a status that day
    not_drawn: tuple[str, ...]  # names of those the map has no shape for
    text: str  # 'NAM (partial) on 2026-11-23: …', with the check date
    missing: str  # the list of countries not drawn, or ''


def shading(
    pkg: DataPackage, organization: str, day: date, codes: frozenset[str] | None = None
) -> Shading:
    """Who the map shades for `organization` on `day`, and who it lists instead.

    `codes` are those the basemap can draw (default: the shipped basemap's).
    """
    statuses = member_statuses(pkg["memberships"], organization, day)
    codes = basemap_codes() if codes is None else codes
    codes = codes or frozenset(statuses)  # no basemap to ask: never claim a country is missing
    drawn = {c: s for c, s in statuses.items() if c in codes}
    names = country_names(pkg)
    missing = tuple(sorted((names.get(c, c) for c in statuses if c not in codes), key=str.lower))
    records = organization_records(pkg)
    label = records.labels().get(organization, organization)
    checked = records.table["checked"].get(organization, "not given")
    held = len(statuses)
    text = (
        f"{label} on {day.isoformat()}: {held:,} {'country' if held == 1 else 'countries'} with "
        f"a status, {len(drawn):,} shaded (within today's borders). Checked up to {checked}."
    )
    listed = ""
    if missing:
        listed = (
            f"Not drawn, no shape on this map ({len(missing)}): {', '.join(missing)}. "
            "Former states and small states have no outline at this scale."
        )
    return Shading(drawn, held, missing, text, listed)
