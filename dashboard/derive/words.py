"""Words that depend on a number: one helper with both forms, as gettext's `ngettext` takes
them, so a catalog can later give each language its own forms."""

from __future__ import annotations


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` (English: the singular for exactly one), as `gettext.ngettext`."""
    return singular if n == 1 else plural


def counted(n: int, singular: str, plural: str) -> str:
    """The form for `n` with `{n}` filled in: counted(1, '{n:,} agreement', '{n:,} agreements')
    is '1 agreement'."""
    return ngettext(singular, plural, n).format(n=n)
