"""Words that depend on a number."""

from __future__ import annotations

import pytest

from dashboard.derive.words import counted, ngettext


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 agreements"), (1, "1 agreement"), (2, "2 agreements"), (1500, "1,500 agreements")],
)
def test_counted(n, expected):
    assert counted(n, "{n:,} agreement", "{n:,} agreements") == expected


def test_ngettext_takes_the_arguments_gettext_takes():
    assert ngettext("country", "countries", 1) == "country"
    assert ngettext("country", "countries", 3) == "countries"
