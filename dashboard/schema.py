"""The one schema of the data package: tables, columns, cell types, vocabularies, references."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

import pycountry
from pydantic import BaseModel, ConfigDict, model_validator

from dashboard import vocabularies as v
from dashboard.dates import parse_partial_date
from dashboard.fields import (
    AtLeastOne,
    Iso3,
    Many,
    Number,
    OptionalNumber,
    OptionalPartialDate,
    PartialDate,
    Slug,
    Text,
    Url,
    in_range,
    vocabulary,
)

Latitude = Annotated[Number, in_range(-90, 90)]
Longitude = Annotated[Number, in_range(-180, 180)]
SourceIds = Annotated[tuple[Slug, ...], Many, AtLeastOne]
Parties = Annotated[tuple[Text, ...], Many, AtLeastOne]
NonNegative = Annotated[OptionalNumber, in_range(0, float("inf"))]


class Row(BaseModel):
    """Base of every row: cells are text, trimmed; unknown columns are ignored."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)


def _end_not_before_start(start: str, end: str) -> None:
    if start and end and parse_partial_date(end)[1] < parse_partial_date(start)[0]:
        raise ValueError(f"end date {end} is before start date {start}")


class Source(Row):
    id: Slug
    title: Text
    publisher: Text
    url: Url = ""
    published: OptionalPartialDate = ""
    accessed: OptionalPartialDate = ""


class Organization(Row):
    id: Slug
    name: Text
    short_name: Text
    founded: PartialDate
    headquarters: str = ""
    kind: Annotated[str, vocabulary("organization kind", v.ORGANIZATION_KINDS)]
    website: Url = ""
    description: str = ""
    source_ids: SourceIds


class Country(Row):
    iso3: Iso3
    name: Text
    capital: str = ""
    lat: Latitude
    lon: Longitude

    @model_validator(mode="after")
    def _known_code(self) -> Country:
        if pycountry.countries.get(alpha_3=self.iso3) is None:
            raise ValueError(f"'{self.iso3}' is not an ISO 3166-1 alpha-3 code")
        return self


class Membership(Row):
    id: Slug
    country: Iso3
    organization: Slug
    status: Annotated[str, vocabulary("membership status", v.MEMBERSHIP_STATUSES)]
    start_date: PartialDate
    end_date: OptionalPartialDate = ""
    note: str = ""
    source_ids: SourceIds

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        _end_not_before_start(self.start_date, self.end_date)
        return self


class Agreement(Row):
    id: Slug
    title: Text
    kind: Annotated[str, vocabulary("agreement kind", v.AGREEMENT_KINDS)]
    parties: Parties
    organization: Annotated[str, Slug] | None = None
    sectors: Annotated[
        tuple[Annotated[str, vocabulary("sector", v.SECTORS)], ...], Many, AtLeastOne
    ]
    signed_date: OptionalPartialDate = ""
    in_force_date: OptionalPartialDate = ""
    status: Annotated[str, vocabulary("agreement status", v.AGREEMENT_STATUSES)]
    summary: str = ""
    note: str = ""
    source_ids: SourceIds

    @model_validator(mode="before")
    @classmethod
    def _empty_organization_is_none(cls, data: dict) -> dict:
        if isinstance(data, dict) and not str(data.get("organization") or "").strip():
            data = {**data, "organization": None}
        return data


class Event(Row):
    id: Slug
    date: PartialDate
    end_date: OptionalPartialDate = ""
    kind: Annotated[str, vocabulary("event kind", v.EVENT_KINDS)]
    title: Text
    location: str = ""
    participants: Annotated[tuple[Text, ...], Many] = ()
    note: str = ""
    source_ids: SourceIds

    @model_validator(mode="after")
    def _dates_in_order(self) -> Event:
        _end_not_before_start(self.date, self.end_date)
        return self


class Place(Row):
    id: Slug
    name: Text
    country: Iso3
    kind: Annotated[str, vocabulary("place kind", v.PLACE_KINDS)]
    lat: Latitude
    lon: Longitude
    note: str = ""
    source_ids: SourceIds


def parse_waypoints(text: str) -> tuple[tuple[float, float], ...]:
    points = []
    for pair in (p for p in text.split(";") if p.strip()):
        parts = pair.split()
        try:
            lat, lon = (float(x) for x in parts)
        except ValueError:
            raise ValueError(f"waypoint '{pair.strip()}' is not 'lat lon'") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"waypoint '{pair.strip()}' is outside the globe")
        points.append((lat, lon))
    return tuple(points)


class RouteSegment(Row):
    id: Slug
    corridor: Annotated[str, vocabulary("corridor", v.CORRIDORS)]
    from_place: Slug
    to_place: Slug
    mode: Annotated[str, vocabulary("mode", v.MODES)]
    status: Annotated[str, vocabulary("segment status", v.SEGMENT_STATUSES)]
    length_km: NonNegative = None
    waypoints: str = ""
    note: str = ""
    source_ids: SourceIds

    @model_validator(mode="after")
    def _waypoints_parse(self) -> RouteSegment:
        if self.from_place == self.to_place:
            raise ValueError(f"segment starts and ends at the same place '{self.from_place}'")
        parse_waypoints(self.waypoints)
        return self


class Trade(Row):
    year: Annotated[int, in_range(1900, 2100)]
    reporter: Iso3
    partner: Iso3
    flow: Annotated[str, vocabulary("trade flow", v.TRADE_FLOWS)]
    value_usd: Annotated[Number, in_range(0, float("inf"))]
    period_note: str = ""
    source_ids: SourceIds


@dataclass(frozen=True)
class ForeignKey:
    """Values of `column` must be keys of one of the `targets` tables."""

    column: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A file of the package, its row model, key and references."""

    name: str
    model: type[Row]
    key: str | None = "id"
    foreign_keys: tuple[ForeignKey, ...] = ()
    date_columns: tuple[str, ...] = ()
    required: bool = True
    unique_together: tuple[str, ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.model.model_fields)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(n for n, f in self.model.model_fields.items() if f.is_required())


SOURCES_FK = ForeignKey("source_ids", ("sources",))

# Order matters: a table is validated after the tables it refers to.
TABLES: tuple[Table, ...] = (
    Table("sources", Source, date_columns=("published", "accessed")),
    Table("countries", Country, key="iso3"),
    Table("organizations", Organization, foreign_keys=(SOURCES_FK,), date_columns=("founded",)),
    Table(
        "memberships",
        Membership,
        foreign_keys=(
            ForeignKey("country", ("countries",)),
            ForeignKey("organization", ("organizations",)),
            SOURCES_FK,
        ),
        date_columns=("start_date", "end_date"),
    ),
    Table(
        "agreements",
        Agreement,
        foreign_keys=(
            ForeignKey("parties", ("countries", "organizations")),
            ForeignKey("organization", ("organizations",)),
            SOURCES_FK,
        ),
        date_columns=("signed_date", "in_force_date"),
    ),
    Table(
        "events",
        Event,
        foreign_keys=(ForeignKey("participants", ("countries", "organizations")), SOURCES_FK),
        date_columns=("date", "end_date"),
    ),
    Table(
        "places",
        Place,
        foreign_keys=(ForeignKey("country", ("countries",)), SOURCES_FK),
    ),
    Table(
        "route_segments",
        RouteSegment,
        foreign_keys=(
            ForeignKey("from_place", ("places",)),
            ForeignKey("to_place", ("places",)),
            SOURCES_FK,
        ),
    ),
    Table(
        "trade",
        Trade,
        key=None,
        foreign_keys=(
            ForeignKey("reporter", ("countries",)),
            ForeignKey("partner", ("countries",)),
            SOURCES_FK,
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
