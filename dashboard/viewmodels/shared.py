"""Marks what a page model computes once for every session; `dashboard.ui.cache` caches it.

A page model stays a plain, pure function of (package, parameters): `@shared()` only records how
its result is to be kept, and a view asks for the model through `cache.model(module)`, whose
marked functions are cached by their arguments (and unmarked names are the module's own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

F = TypeVar("F", bound=Callable)
MARK = "_shared"


@dataclass(frozen=True)
class Sharing:
    """How a result is kept: `large` results (row subsets of a big table) in a smaller cache;
    with `rows`, the function is `func(pkg, rows, *args)` and `rows` (a frame the same `args`
    chose, itself cached) is passed along but not hashed."""

    large: bool = False
    rows: bool = False


def shared(large: bool = False, rows: bool = False) -> Callable[[F], F]:
    """Mark `func(pkg, *args)` as computed once per package version and arguments."""

    def mark(func: F) -> F:
        setattr(func, MARK, Sharing(large, rows))
        return func

    return mark


def sharing(func: object) -> Sharing | None:
    """How `func` is shared, or None when it is not marked."""
    return getattr(func, MARK, None)
