"""Waiting on a condition with a deadline, and failing with what was awaited when it passes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")
POLL_SECONDS = 0.2  # between two looks at the condition; short beside any deadline here


def wait_for(condition: Callable[[], T], what: str | Callable[[], str], seconds: float = 30.0) -> T:
    """The first true value `condition()` returns, looked at until `seconds` have passed; then
    the test fails saying it waited for `what` (a callable describes the state it was left in)."""
    deadline = time.monotonic() + seconds
    while not (value := condition()):
        if time.monotonic() > deadline:
            said = what() if callable(what) else what
            pytest.fail(f"waited {seconds:g} s for {said}", pytrace=False)
        time.sleep(POLL_SECONDS)
    return value
