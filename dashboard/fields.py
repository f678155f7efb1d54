"""Cell types of the data package: each parses one CSV cell or says in plain words what is wrong."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlparse

from pydantic import AfterValidator, BeforeValidator

from dashboard.dates import parse_partial_date

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
SEPARATOR = ";"


def _required(value: str) -> str:
    if not value:
        raise ValueError("is empty; a value is required")
    return value


def _slug(value: str) -> str:
    if not SLUG_RE.match(_required(value)):
        raise ValueError(f"'{value}' is not an id: use lowercase letters, digits, '-' or '_'")
    return value


def _iso3(value: str) -> str:
    if not ISO3_RE.match(_required(value)):
        raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-3 country code such as IRN")
    return value


def _partial_date(value: str) -> str:
    parse_partial_date(_required(value))
    return value


def _optional_partial_date(value: str) -> str:
    return _partial_date(value) if value else value


def _url(value: str) -> str:
    if not value:
        return value
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"'{value}' is not an http or https address")
    return value


def _number(value: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{value}' is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"'{value}' is not a finite number")
    return number


def _optional_number(value: str) -> float | None:
    return None if value == "" else _number(value)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(SEPARATOR) if part.strip())


def _non_empty(values: tuple[str, ...]) -> tuple[str, ...]:
    if not values:
        raise ValueError("is empty; at least one value is required")
    return values


def in_range(low: float, high: float) -> AfterValidator:
    """A check that a number lies in [low, high]."""

    def check(number: float | None) -> float | None:
        if number is not None and not low <= number <= high:
            raise ValueError(f"{number:g} is outside [{low:g}, {high:g}]")
        return number

    return AfterValidator(check)


def vocabulary(name: str, allowed: dict[str, str]) -> AfterValidator:
    """A check that a value belongs to a closed vocabulary."""

    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(
                f"'{value}' is not a known {name}; expected one of: {', '.join(allowed)}"
            )
        return value

    return AfterValidator(check)


Text = Annotated[str, AfterValidator(_required)]
Slug = Annotated[str, AfterValidator(_slug)]
Iso3 = Annotated[str, AfterValidator(_iso3)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
OptionalPartialDate = Annotated[str, AfterValidator(_optional_partial_date)]
Url = Annotated[str, AfterValidator(_url)]
Number = Annotated[float, BeforeValidator(_number)]
OptionalNumber = Annotated[float | None, BeforeValidator(_optional_number)]
Many = BeforeValidator(_split)
AtLeastOne = AfterValidator(_non_empty)
