"""What a masked value looks like, per masking method: the output shape of each method, as data.

One definition serves every engine. A shape is a full-match regular expression
written in the portable subset (no ``\\d``, no look-arounds; punctuation escaped
with a backslash), so Python's ``re``, DuckDB's RE2 and PostgreSQL's ARE read it
the same way; or one of three shapes a regex cannot say: "every value is NULL"
(``null``), "a multiple of N" (``generalize: bucket``) and "no PII span left"
(``scrub``).

This module imports no Great Expectations, so the dbt face and tests may use it.

>>> masked_shape("hmac").pattern
'^[0-9a-f]{64}$'
>>> masked_shape({"method": "email"}).describe()
'email: *****@domain'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from maskline.methods.base import MethodSpec
from maskline.methods.registry import method_spec

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

        >>> masked_shape("null").describe()
        'null: every value NULL'
        """
        return f"{self.method}: {self.summary}"

    def fullmatch(self, value: Any) -> bool:
        """Python reference check of one value (the engines' metrics must agree with it).

        >>> masked_shape({"method": "partial", "keep_last": 4}).fullmatch("*******6789")
        True
        >>> masked_shape({"method": "partial", "keep_last": 4}).fullmatch("123-45-6789")
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


def _alternation(words: tuple[str, ...], lower: bool = False) -> str:
    return "(" + "|".join(literal(w.lower() if lower else w) for w in sorted(set(words))) + ")"


def _fake_patterns(kind: str | None) -> tuple[str, ...]:
    from maskline.methods.wordlists import FIRST_NAMES, LAST_NAMES, WORDS

    first, last, words = _alternation(FIRST_NAMES), _alternation(LAST_NAMES), _alternation(WORDS)
    lfirst, llast = _alternation(FIRST_NAMES, lower=True), _alternation(LAST_NAMES, lower=True)
    by_kind = {
        "name": f"{first} {last}",
        "first_name": first,
        "last_name": last,
        "email": f"{lfirst}\\.{llast}@example\\.com",
        "username": f"{lfirst}_{_alternation(WORDS, lower=True)}",
        "word": f"{words}-{words}",
    }
    return (by_kind[kind],) if kind else tuple(by_kind.values())


_DATE_TAIL = "([ T]00:00:00(\\.0+)?([+-][0-9]{2}(:?[0-9]{2})?)?)?"


def _spec(method: str | Mapping[str, Any] | MethodSpec) -> MethodSpec:
    if isinstance(method, MethodSpec):
        return method
    if isinstance(method, str):
        return method_spec(method, {}, where="expectation method")
    params = dict(method)
    name = params.pop("method", None)
    if not isinstance(name, str):
        from maskline.errors import PolicyError

        raise PolicyError("a method needs a 'method' name", where="expectation method",
                          fix="e.g. {'method': 'hmac', 'length': 16}")
    return method_spec(name, params, where="expectation method")


def masked_shape(method: str | Mapping[str, Any] | MethodSpec, info_type: str | None = None) -> MaskedShape:
    """The output shape of a masking method with its parameters (as in a policy).

    ``info_type`` refines shapes that depend on it (``redact``'s default label,
    ``fake``'s default kind). Unknown methods and bad parameters raise the
    policy's :class:`~maskline.errors.PolicyError` with the closest name.

    >>> masked_shape({"method": "hmac", "length": 16}).pattern
    '^[0-9a-f]{16}$'
    >>> masked_shape("redact", "EMAIL").fullmatch("[EMAIL]")
    True
    >>> masked_shape({"method": "generalize", "bucket": 10}).fullmatch(30)
    True
    """
    spec = _spec(method)
    p = spec.params
    name = spec.name
    if name in ("hmac", "hash"):
        n = p.length or 64
        return MaskedShape(name, f"lower hex of {n} characters", pattern=f"^[0-9a-f]{{{n}}}$")
    if name == "redact":
        if p.label:
            return MaskedShape(name, f"the label {p.label}", pattern=f"^{literal(p.label)}$")
        if info_type:
            return MaskedShape(name, f"the label [{info_type}]", pattern=f"^{literal(f'[{info_type}]')}$")
        return MaskedShape(name, "a [TYPE] label", pattern="^\\[[A-Z][A-Z0-9_]*\\]$")
    if name == "null":
        return MaskedShape(name, "every value NULL", all_null=True)
    if name == "partial":
        c = literal(p.mask_char)
        head = f".{{{p.keep_first}}}" if p.keep_first else ""
        tail = f".{{{p.keep_last}}}" if p.keep_last else ""
        kept = [f"first {p.keep_first}"] * bool(p.keep_first) + [f"last {p.keep_last}"] * bool(p.keep_last)
        summary = f"a {p.mask_char} run" + (" keeping the " + " and ".join(kept) + " characters" if kept else "")
        return MaskedShape(name, summary, pattern=f"^({head}{c}+{tail}|{c}+)$")
    if name == "char_mask":
        c = literal(p.mask_char)
        if p.keep_separators:
            return MaskedShape(name, f"{p.mask_char} and separators only",
                               pattern=f"^[- .,@_+:/()#{c}]*{c}[- .,@_+:/()#{c}]*$|^[- .,@_+:/()#]*$")
        return MaskedShape(name, f"{p.mask_char} only", pattern=f"^{c}*$")
    if name == "email":
        from maskline.methods.email import RUN

        c = literal(p.mask_char)
        head = f".{{{p.keep_first}}}" if p.keep_first else ""
        return MaskedShape(name, f"{p.mask_char * RUN}@domain",
                           pattern=f"^({head}{c}{{{RUN}}}@[^@]*|{c}*)$")
    if name == "fake":
        from maskline.methods.fake import DEFAULT_KIND

        kind = p.kind or (DEFAULT_KIND.get(info_type, "word") if info_type else None)
        alternatives = _fake_patterns(kind)
        return MaskedShape(name, f"a built-in fake {kind or 'value'}",
                           pattern="^(" + "|".join(alternatives) + ")$")
    if name == "generalize":
        if p.to:
            month = "01" if p.to == "year" else "[0-9]{2}"
            day = "[0-9]{2}" if p.to == "day" else "01"
            return MaskedShape(name, f"a date truncated to the {p.to}",
                               pattern=f"^[0-9]{{4}}-{month}-{day}{_DATE_TAIL}$")
        if p.bucket:
            return MaskedShape(name, f"a multiple of {p.bucket}", multiple_of=p.bucket)
        return MaskedShape(name, f"{p.prefix} kept characters then *", pattern=f"^.{{0,{p.prefix}}}\\**$")
    if name == "scrub":
        types = tuple(p.info_types) if p.info_types else None
        return MaskedShape(name, "free text with no PII span left", no_pii_types=types, is_scrub=True)
    raise AssertionError(f"masking method {name!r} has no declared output shape")  # registry and shapes drifted
