"""The one schema of the data package: tables, columns, cell types, vocabularies, references.

Each column names its cell type (`dashboard.datapackage.cells`); the validator turns the schema into
vectorised checks over whole columns, and the loader into typed frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.datapackage import vocabularies as v

# How a column may be absent from a file's header.
REQUIRED = "required"  # the file cannot be used without it
OPTIONAL = "optional"  # treated as empty, with a warning
QUIET = "quiet"  # a later addition to the contract: treated as empty, silently

INF = float("inf")


@dataclass(frozen=True)
class Column:
    """One column: its cell type and the type's settings.

    Cell types: `text` (non-empty text), `free` (any text), `slug`, `iso3`, `date`,
    `optional_date`, `url`, `number`, `optional_number`, `year`, `vocabulary`, `ref` (an id or
    empty), and the `;`-separated lists `slugs`, `names`, `vocabularies`.
    """

    name: str
    cell: str
    presence: str = REQUIRED
    vocabulary: str | None = None  # key in vocabularies.ALL
    bounds: tuple[float, float] | None = None
    at_least_one: bool = False  # lists: the cell must name one value or more
    empty_allowed: bool = False  # vocabulary: an empty cell is fine

    @property
    def allowed(self) -> dict[str, str]:
        return v.ALL[self.vocabulary] if self.vocabulary else {}


@dataclass(frozen=True)
class ForeignKey:
    """Values of `column` must be keys of one of the `targets` tables."""

    column: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A file of the package, its columns, key, references and row rules."""

    name: str
    schema: tuple[Column, ...]
    key: str | None = "id"
    foreign_keys: tuple[ForeignKey, ...] = ()
    date_columns: tuple[str, ...] = ()
    row_rules: tuple[str, ...] = field(default=())  # names of checks in dashboard.datapackage.rules

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.schema)

    def column(self, name: str) -> Column:
        return next(c for c in self.schema if c.name == name)


def _id() -> Column:
    return Column("id", "slug")


def _sources() -> Column:
    return Column("source_ids", "slugs", at_least_one=True)


def _free(name: str) -> Column:
    return Column(name, "free", OPTIONAL)


def _vocabulary(name: str, vocabulary: str) -> Column:
    return Column(name, "vocabulary", vocabulary=vocabulary)


LATITUDE = (-90.0, 90.0)
LONGITUDE = (-180.0, 180.0)
NON_NEGATIVE = (0.0, INF)
SOURCES_FK = ForeignKey("source_ids", ("sources",))

# Order matters: a table is validated after the tables it refers to.
TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        (
            _id(),
            Column("title", "text"),
            Column("publisher", "text"),
            Column("url", "url", OPTIONAL),
            Column("published", "optional_date", OPTIONAL),
            Column("accessed", "optional_date", OPTIONAL),
        ),
        date_columns=("published", "accessed"),
    ),
    Table(
        "countries",
        (
            Column("iso3", "iso3"),
            Column("name", "text"),
            _free("capital"),
            # optional: a former state with no capital in the reference is listed, not drawn
            Column("lat", "optional_number", bounds=LATITUDE),
            Column("lon", "optional_number", bounds=LONGITUDE),
        ),
        key="iso3",
        row_rules=("known_country_code",),
    ),
    Table(
        "organizations",
        (
            _id(),
            Column("name", "text"),
            Column("short_name", "text"),
            Column("founded", "date"),
            _free("headquarters"),
            _vocabulary("kind", "organization kind"),
            Column("website", "url", OPTIONAL),
            _free("description"),
            _sources(),
            Column("dissolved", "optional_date", QUIET),
            Column("coverage", "vocabulary", QUIET, "coverage", empty_allowed=True),
            Column("checked", "optional_date", QUIET),
        ),
        foreign_keys=(SOURCES_FK,),
        date_columns=("founded", "dissolved", "checked"),
        row_rules=("dissolved_not_before_founded",),
    ),
    Table(
        "memberships",
        (
            _id(),
            Column("country", "iso3"),
            Column("organization", "slug"),
            _vocabulary("status", "membership status"),
            Column("start_date", "date"),
            Column("end_date", "optional_date", OPTIONAL),
            _free("note"),
            _sources(),
        ),
        foreign_keys=(
            ForeignKey("country", ("countries",)),
            ForeignKey("organization", ("organizations",)),
            SOURCES_FK,
        ),
        date_columns=("start_date", "end_date"),
        row_rules=("end_not_before_start",),
    ),
    Table(
        "agreements",
        (
            _id(),
            Column("title", "text"),
            _vocabulary("kind", "agreement kind"),
            Column("parties", "names", at_least_one=True),
            Column("organization", "ref", OPTIONAL),
            Column("sectors", "vocabularies", vocabulary="sector", at_least_one=True),
            Column("signed_date", "optional_date", OPTIONAL),
            Column("in_force_date", "optional_date", OPTIONAL),
            _vocabulary("status", "agreement status"),
            _free("summary"),
            _free("note"),
            _sources(),
        ),
        foreign_keys=(
            ForeignKey("parties", ("countries", "organizations")),
            ForeignKey("organization", ("organizations",)),
            SOURCES_FK,
        ),
        date_columns=("signed_date", "in_force_date"),
    ),
    Table(
        "events",
        (
            _id(),
            Column("date", "date"),
            Column("end_date", "optional_date", OPTIONAL),
            _vocabulary("kind", "event kind"),
            Column("title", "text"),
            _free("location"),
            Column("participants", "names", OPTIONAL),
            _free("note"),
            _sources(),
        ),
        foreign_keys=(ForeignKey("participants", ("countries", "organizations")), SOURCES_FK),
        date_columns=("date", "end_date"),
        row_rules=("end_not_before_start",),
    ),
    Table(
        "places",
        (
            _id(),
            Column("name", "text"),
            Column("country", "iso3"),
            _vocabulary("kind", "place kind"),
            Column("lat", "number", bounds=LATITUDE),
            Column("lon", "number", bounds=LONGITUDE),
            _free("note"),
            _sources(),
        ),
        foreign_keys=(ForeignKey("country", ("countries",)), SOURCES_FK),
    ),
    Table(
        "route_segments",
        (
            _id(),
            _vocabulary("corridor", "corridor"),
            Column("from_place", "slug"),
            Column("to_place", "slug"),
            _vocabulary("mode", "mode"),
            _vocabulary("status", "segment status"),
            Column("length_km", "optional_number", OPTIONAL, bounds=NON_NEGATIVE),
            Column("length_basis", "vocabulary", QUIET, "length basis", empty_allowed=True),
            _free("waypoints"),
            _free("note"),
            _sources(),
        ),
        foreign_keys=(
            ForeignKey("from_place", ("places",)),
            ForeignKey("to_place", ("places",)),
            SOURCES_FK,
        ),
        row_rules=("distinct_ends", "waypoints_parse"),
    ),
    Table(
        "trade",
        (
            Column("year", "year", bounds=(1900.0, 2100.0)),
            Column("reporter", "iso3"),
            Column("partner", "iso3"),
            _vocabulary("flow", "trade flow"),
            Column("value_usd", "number", bounds=NON_NEGATIVE),
            _free("period_note"),
            _sources(),
        ),
        key=None,
        foreign_keys=(
            ForeignKey("reporter", ("countries",)),
            ForeignKey("partner", ("countries",)),
            SOURCES_FK,
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
