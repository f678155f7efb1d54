"""The polling helper: it returns the awaited value, or fails saying what it waited for."""

from __future__ import annotations

import itertools

import pytest

from tests.waiting import wait_for


def test_returns_the_first_true_value():
    values = iter([None, 0, "", "ready", "later"])
    assert wait_for(lambda: next(values), "a value", seconds=5) == "ready"


@pytest.mark.parametrize(
    ("what", "said"), [("the flag", "the flag"), (lambda: "the flag, still down", "still down")]
)
def test_fails_after_the_deadline_saying_what_it_waited_for(what, said):
    looks = itertools.count()
    with pytest.raises(pytest.fail.Exception, match=f"waited 0.3 s for .*{said}"):
        wait_for(lambda: next(looks) < 0, what, seconds=0.3)
    assert next(looks) > 1  # it looked more than once before giving up
