"""What a masked value looks like: the output shape a method declares, checked by GX and the dbt tests.

A shape is a full-match regular expression written in the portable subset (no
``\\d``, no look-arounds; punctuation escaped with a backslash), so Python's
``re``, DuckDB's RE2 and PostgreSQL's ARE read it the same way; or one of three
shapes a regex cannot say: "every value is NULL", "a multiple of N" and "no PII
span left". Each method declares its own in its module (``METHOD.shape``).

>>> MaskedShape("hmac", "lower hex", pattern="^[0-9a-f]{64}$").fullmatch("ab")
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_META = set(".^$*+?()[]{}|\\-/")


def literal(text: str) -> str:
    """Escape ``text`` for every target regex flavour: a backslash before punctuation only.

    ``re.escape`` also escapes spaces and letters' neighbours, which RE2 rejects.

    >>> literal("[EMAIL]")
    '\\\\[EMAIL\\\\]'
    >>> literal("example.com")
    'example\\\\.com'
    """
    return "".join("\\" + ch if ch in _META else ch for ch in text)


def alternation(words: tuple[str, ...], lower: bool = False) -> str:
    """A regex group matching any of ``words`` exactly.

    >>> alternation(("b.", "a"))
    '(a|b\\\\.)'
    """
    return "(" + "|".join(literal(w.lower() if lower else w) for w in sorted(set(words))) + ")"


def value_text(value: Any) -> str:
    """A value as the text SQL engines produce from ``CAST(x AS TEXT)``, for dates and numbers alike.

    >>> import datetime
    >>> value_text(datetime.date(2020, 1, 1))
    '2020-01-01'
    >>> value_text(datetime.datetime(2020, 1, 1))
    '2020-01-01 00:00:00'
    """
    import datetime

    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return str(value)


@dataclass(frozen=True)
class MaskedShape:
    """The shape every non-null value of a correctly masked column has."""

    method: str
    summary: str
    pattern: str | None = None  # full-match regex (anchored)
    all_null: bool = False
    multiple_of: int | None = None
    no_pii_types: tuple[str, ...] | None = None  # scrub: these types must not appear (None: all SQL types)
    is_scrub: bool = False

    def describe(self) -> str:
        """A one-line, value-free description for messages and Data Docs.

        >>> MaskedShape("null", "every value NULL", all_null=True).describe()
        'null: every value NULL'
        """
        return f"{self.method}: {self.summary}"

    def fullmatch(self, value: Any) -> bool:
        """Python reference check of one value (the engines' metrics must agree with it).

        >>> MaskedShape("partial", "stars", pattern="^(\\\\*+.{4}|\\\\*+)$").fullmatch("*******6789")
        True
        >>> MaskedShape("partial", "stars", pattern="^(\\\\*+.{4}|\\\\*+)$").fullmatch("123-45-6789")
        False
        """
        if value is None:
            return True
        if self.all_null:
            return False
        if self.multiple_of is not None:
            try:
                return float(value) % self.multiple_of == 0
            except (TypeError, ValueError):
                return False
        if self.pattern is not None:
            return re.fullmatch(self.pattern, value_text(value)) is not None
        return True  # scrub shapes are checked by the PII detectors, not here
