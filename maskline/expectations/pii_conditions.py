"""Which values contain PII, per engine: pandas (validated) and SQLAlchemy (portable patterns).

Both engines start from the same candidates, the core's
:data:`maskline.infotypes.sql_patterns.SQL_SCRUB_PATTERNS` (the patterns the
``scrub`` method and the dbt macros use). pandas then validates each candidate
span with the core's detectors (:func:`maskline.infotypes.detectors.matches`:
Luhn, mod-97, SSN area rules...), so on pandas a value flagged as PII is a
subset of what SQL flags. SQL engines cannot call those validators, so they
flag every pattern candidate: checksum-invalid look-alikes fail there too,
which errs towards failing closed. On real data (valid numbers) both agree.

Info types without a SQL pattern (JWT, API_KEY, PERSON_NAME...) can be asked
for explicitly; pandas checks them with the detectors' vectorised
``match_mask``, SQL engines refuse them with a clear error.

Both read a value as the SQL ``scrub`` does: with the digits of every script as ASCII digits (``١٢٣-٤٥-٦٧٨٩`` is an
SSN), as the text scrubber reads them, and without invisible format characters (a zero-width space inside an
e-mail): pandas through :func:`_read` (:mod:`maskline.script_digits`, :mod:`maskline.format_chars`), SQL through
:func:`maskline.sql.scrub_reading.reading_sql`. A check returns a verdict, never the text it read.

The no-PII check (``digest_tokens_pass``) reads a value whose whole form is a ``hash`` or ``hmac`` token as no PII
on every engine (:mod:`maskline.methods.digest_token`, which says why that is sound): the patterns have no token
boundaries, and read inside a hex token they find IBANs and cards in nearly every 64-character one. The form is
tested on the value as written (a token is ASCII; a value the reading changes is no token), so both engines agree.

Imports here are lazy: this module is loaded by the GX metrics, never by the core.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import cache
from typing import Any

from maskline.errors import InputError, did_you_mean


def sql_pattern_types() -> tuple[str, ...]:
    """The info types every engine can check: those with a portable SQL pattern.

    >>> "EMAIL" in sql_pattern_types()
    True
    """
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    return tuple(name for name, _ in SQL_SCRUB_PATTERNS)


def resolve_types(info_types: Sequence[str] | None, *, sql: bool) -> tuple[str, ...]:
    """The info types to look for: the given ones (validated) or, by default, every SQL-pattern type.

    >>> resolve_types(None, sql=True) == sql_pattern_types()
    True
    >>> resolve_types(["EMIAL"], sql=False)
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: unknown info type 'EMIAL' (at expectation argument info_types). Fix: did you mean 'EMAIL'?
    """
    from maskline.infotypes import INFO_TYPES

    if not info_types:
        return sql_pattern_types()
    with_sql = set(sql_pattern_types())
    for name in info_types:
        if name not in INFO_TYPES:
            raise InputError(f"unknown info type {name!r}", where="expectation argument info_types",
                             fix=did_you_mean(name, INFO_TYPES))
        if sql and name not in with_sql:
            raise InputError(
                f"info type {name!r} has no portable SQL pattern, so SQL engines cannot check it",
                where="expectation argument info_types",
                fix="validate this column through a pandas batch, or limit info_types to "
                + ", ".join(sorted(with_sql)),
            )
    return tuple(info_types)


@cache
def _pattern(name: str) -> str | None:
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    return dict(SQL_SCRUB_PATTERNS).get(name)


@cache
def _regex(name: str) -> re.Pattern[str]:
    pattern = _pattern(name)
    assert pattern is not None
    return re.compile(pattern)


def _contains(text: str, info_type: str) -> bool:
    """One value: a pattern candidate the detectors validate, or (no SQL pattern) a detector match.

    A candidate that holds its cue ("passport X1234567", "call me at 4155552671") is no whole value a detector
    takes: the text scrubber's rule for the type, which reads the cue, validates it instead.

    >>> _contains("passport X1234567 expired", "PASSPORT"), _contains("pass X1234567", "PASSPORT")
    (True, False)
    """
    from maskline.infotypes.detectors import matches

    if _pattern(info_type) is None:
        return matches(text, info_type)
    return any(matches(m.group(0), info_type) or _scrubber_finds(m.group(0), info_type)
               for m in _regex(info_type).finditer(text))


def _scrubber_finds(candidate: str, info_type: str) -> bool:
    from maskline.text import DEFAULT_TYPES, find

    return info_type in DEFAULT_TYPES and bool(find(candidate, [info_type]))


def pandas_contains_pii(series: Any, info_types: Sequence[str] | None, *, digest_tokens_pass: bool = False) -> Any:
    """A boolean Series: True where the value contains a validated span of one of ``info_types``.

    Candidates are found with one vectorised ``str.contains`` per type; only
    candidate rows reach the Python validators. With ``digest_tokens_pass`` (the no-PII check), a value that is a
    ``hash`` or ``hmac`` token as a whole (:func:`~maskline.methods.digest_token.is_digest_token`, as written) is
    no PII, as :func:`sql_contains_pii` reads it.

    >>> import pandas as pd
    >>> list(pandas_contains_pii(pd.Series(["write to ann@example.org", "n/a"]), ["EMAIL"]))  # doctest: +SKIP
    [True, False]
    """
    import numpy as np
    import pandas as pd

    types = resolve_types(info_types, sql=False)
    written = series.astype(str)
    text = written.map(_read)  # an ASCII value is returned as it is, without a search
    if digest_tokens_pass:
        from maskline.methods.digest_token import is_digest_token

        text = text[~written.map(is_digest_token).astype(bool)]
    found = pd.Series(np.zeros(len(text), dtype=bool), index=text.index)
    for name in types:
        pattern = _pattern(name)
        if pattern is None:
            from maskline.infotypes.detectors import match_mask

            found |= np.asarray(match_mask(text, name), dtype=bool)
            continue
        with warnings.catch_warnings():  # the core's patterns group alternatives; only the match matters
            warnings.simplefilter("ignore", UserWarning)
            candidates = text.str.contains(pattern, regex=True) & ~found
        if candidates.any():
            checked = text[candidates].map(lambda v, t=name: _contains(v, t))
            found.loc[checked.index] |= checked.astype(bool)
    return found.reindex(series.index, fill_value=False)


def pandas_types_found(value: str, info_types: Sequence[str] | None) -> str | None:
    """The first info type found in one value (validated), or None: the label of a pseudonym.

    >>> pandas_types_found("call +44 20 7946 0958", ["EMAIL"]) is None
    True
    >>> pandas_types_found("mail ann@example.org", None), pandas_types_found("ssn ١٢٣-٤٥-٦٧٨٩", ["US_SSN"])
    ('EMAIL', 'US_SSN')
    """
    text = _read(value)
    return next((name for name in resolve_types(info_types, sql=False) if _contains(text, name)), None)


def _read(value: str) -> str:
    """One value as the patterns read it: without format characters, its digits as ASCII digits (the Python twin of
    :func:`maskline.sql.scrub_reading.reading_sql`).

    >>> _read("ann\u200b@ex.org ١٢٣")
    'ann@ex.org 123'
    """
    from maskline.format_chars import without_format_chars
    from maskline.script_digits import ascii_digits

    return ascii_digits(without_format_chars(value))


def sql_text(column: Any) -> Any:
    """``CAST(column AS TEXT)``, the text every pattern is matched against in SQL.

    >>> import sqlalchemy as sa
    >>> str(sql_text(sa.column("c")))
    'CAST(c AS TEXT)'
    """
    import sqlalchemy as sa

    return sa.cast(column, sa.Text)


# SQLAlchemy's dialect names -> maskline's, for the engines whose SQL maskline writes. Redshift is no PostgreSQL
# here: its REGEXP_REPLACE reads a fourth argument as a position.
_MASKLINE_DIALECTS = {"postgresql": "postgres", "duckdb": "duckdb", "snowflake": "snowflake", "bigquery": "bigquery",
                      "trino": "trino", "databricks": "spark", "spark": "spark", "hive": "spark"}


def _function_element(class_name: str, sql_name: str, result_type: Any) -> type:
    """A SQLAlchemy function element class (``sql_name``, returning ``result_type``) for ``@compiles`` to write per
    dialect; cacheable, as its SQL depends on its arguments and the dialect alone.

    >>> import sqlalchemy as sa
    >>> element = _function_element("Upper", "my_upper", sa.Text())
    >>> element.__name__, element.name, type(element(sa.column("c")).type).__name__
    ('Upper', 'my_upper', 'Text')
    """
    from sqlalchemy.sql.functions import FunctionElement

    return type(class_name, (FunctionElement,), {"type": result_type, "name": sql_name, "inherit_cache": True})


@cache
def _reading_clause() -> type:
    """A SQLAlchemy function element, ``Reading(text)``, compiled for the engine at hand to
    :func:`maskline.sql.scrub_reading.reading_sql` (built as sqlglot expressions, as all maskline SQL is); on an
    engine maskline writes no SQL for, to the standard ``TRANSLATE`` of the digits (slower, as exact for digits; it
    keeps format characters, as engines disagree on what ``TRANSLATE`` does with a character it has no pair for).
    Built on first use, so that importing this module imports no SQLAlchemy."""
    import sqlalchemy as sa
    from sqlalchemy.ext.compiler import compiles

    Reading = _function_element("Reading", "maskline_reading", sa.Text())

    @compiles(Reading)
    def _compile(element: Any, compiler: Any, **kw: Any) -> str:
        from sqlglot import exp

        from maskline.dialects import get_dialect
        from maskline.script_digits import other_digits_by_value
        from maskline.sql.scrub_reading import reading_sql

        inner = "(" + compiler.process(element.clauses, **kw) + ")"
        placeholder = exp.column("__ml_in__")
        name = _MASKLINE_DIALECTS.get(compiler.dialect.name)
        if name is None:
            digits = "".join(other_digits_by_value())
            ascii_ = "".join(str(v) * len(d) for v, d in enumerate(other_digits_by_value()))
            by_value = sorted(zip(digits, ascii_, strict=True))  # TRANSLATE pairs them by position
            sql = exp.Translate(this=placeholder, from_=exp.Literal.string("".join(c for c, _ in by_value)),
                                to=exp.Literal.string("".join(a for _, a in by_value))).sql()
        else:
            d = get_dialect(name)
            sql = reading_sql(placeholder, d).sql(d.sqlglot_name)
        return sql.replace("__ml_in__", inner)

    return Reading


def sql_text_read(column: Any) -> Any:
    """:func:`sql_text` as the patterns read it, without format characters and with the decimal digits of every
    script as ASCII digits: so that ``ssn ١٢٣-٤٥-٦٧٨٩`` and ``ann\u200b@ex.org`` are found; an ASCII value is matched
    as it is.

    >>> import sqlalchemy as sa
    >>> from sqlalchemy.dialects import postgresql
    >>> sql = str(sql_text_read(sa.column("c")).compile(dialect=postgresql.dialect()))
    >>> sql.startswith("CASE WHEN ((CAST(c AS TEXT)) OPERATOR(pg_catalog.~) '[\xad"), sql.count("pg_catalog.regexp_replace(")
    (True, 11)
    """
    return _reading_clause()(sql_text(column))


def sql_contains_pii(column: Any, info_types: Sequence[str] | None, *, digest_tokens_pass: bool = False) -> Any:
    """A SQLAlchemy boolean: the value (as read, :func:`sql_text_read`) matches one of the
    types' portable patterns (a partial match), each value read once (:func:`sql_matches_any`). With
    ``digest_tokens_pass`` (the no-PII check), unless the value as written is a ``hash`` or ``hmac`` token
    (:func:`sql_is_digest_token`).

    SQLAlchemy's ``regexp_match`` compiles to ``~`` on PostgreSQL and on
    duckdb-engine (a PostgreSQL dialect); DuckDB 2.0's ``~`` is a partial match too.

    >>> import sqlalchemy as sa
    >>> from sqlalchemy.dialects import postgresql
    >>> str(sql_contains_pii(sa.column("c"), ["US_SSN"]).compile(dialect=postgresql.dialect())).endswith(
    ...     "ELSE (CAST(c AS TEXT)) END ~ ANY (ARRAY[%(param_1)s::VARCHAR])")
    True
    """
    import sqlalchemy as sa

    types = resolve_types(info_types, sql=True)
    found = sql_matches_any(sql_text_read(column), [p for name in types if (p := _pattern(name))])
    return sa.and_(sa.not_(sql_is_digest_token(column)), found) if digest_tokens_pass else found


def sql_is_digest_token(column: Any) -> Any:
    """A SQLAlchemy boolean: the value as written (:func:`sql_text`) has the whole form of a ``hash`` or ``hmac``
    token, every pattern of :func:`~maskline.methods.digest_token.digest_token_patterns` matching it: the twin of
    :func:`~maskline.methods.digest_token.is_digest_token`.

    >>> import sqlalchemy as sa
    >>> from sqlalchemy.dialects import postgresql
    >>> str(sql_is_digest_token(sa.column("c")).compile(dialect=postgresql.dialect()))
    'CAST(c AS TEXT) ~ %(param_1)s::VARCHAR AND CAST(c AS TEXT) ~ %(param_2)s::VARCHAR'
    """
    import sqlalchemy as sa

    from maskline.methods.digest_token import digest_token_patterns

    text = sql_text(column)
    return sa.and_(*[text.regexp_match(p) for p in digest_token_patterns()])


def sql_contains_pii_per_pattern(column: Any, info_types: Sequence[str] | None) -> Any:
    """The same verdict as :func:`sql_contains_pii`, written as one ``regexp_match`` per pattern joined by ``OR``: the
    form every engine reads, in which PostgreSQL folds a value's digits once per pattern. The benchmark's and the
    tests' peer.

    >>> import sqlalchemy as sa
    >>> from sqlalchemy.dialects import postgresql
    >>> str(sql_contains_pii_per_pattern(sa.column("c"), None).compile(dialect=postgresql.dialect())).count(
    ...     "pg_catalog.regexp_replace(") == 11 * len(sql_pattern_types())
    True
    """
    import sqlalchemy as sa

    types = resolve_types(info_types, sql=True)
    text = sql_text_read(column)
    return sa.or_(*[text.regexp_match(_pattern(name)) for name in types])


def sql_matches_any(text: Any, patterns: Sequence[str]) -> Any:
    """A SQLAlchemy boolean: ``text`` matches one of ``patterns`` (partial matches), ``text`` evaluated once.

    An ``OR`` of matches repeats ``text`` in each, and an engine computes each copy: the digit fold of
    :func:`sql_text_read` ran once per pattern on PostgreSQL. On PostgreSQL this is ``text ~ ANY
    (ARRAY[...])``, which evaluates ``text`` once and tries the patterns in order, stopping at the first match: the
    ``OR``'s verdict, the patterns unchanged. One alternation of all the patterns would also read ``text`` once, but
    it was five times slower than the ``OR`` on PostgreSQL (20,000 rows) and eleven on DuckDB (200,000 rows), whose
    regex engines fall off their fast paths on a pattern that large. Elsewhere (and on duckdb-engine, where ``~ ANY``
    was over a hundred times slower) it stays the ``OR``. The fold was not what the ``OR`` spent its time on: the
    patterns are (``benchmarks/gx_checks.py`` times both forms).

    >>> import sqlalchemy as sa
    >>> from sqlalchemy.dialects import postgresql, sqlite
    >>> str(sql_matches_any(sa.column("t"), ["a", "b"]).compile(dialect=postgresql.dialect()))
    't ~ ANY (ARRAY[%(param_1)s::VARCHAR, %(param_2)s::VARCHAR])'
    >>> str(sql_matches_any(sa.column("t"), ["a", "b"]).compile(dialect=sqlite.dialect()))
    't REGEXP ? OR t REGEXP ?'
    """
    import sqlalchemy as sa

    if not patterns:
        raise ValueError("sql_matches_any needs at least one pattern")
    return _matches_any_clause()(text, *[sa.literal(p, sa.Text) for p in patterns])


@cache
def _matches_any_clause() -> type:
    """``MatchesAny(text, pattern, ...)``, compiled per dialect (:func:`sql_matches_any`); built on first use, so
    that importing this module imports no SQLAlchemy."""
    import sqlalchemy as sa
    from sqlalchemy.ext.compiler import compiles

    MatchesAny = _function_element("MatchesAny", "maskline_matches_any", sa.Boolean())

    @compiles(MatchesAny)
    def _per_pattern(element: Any, compiler: Any, **kw: Any) -> str:
        text, *patterns = element.clauses.clauses
        return compiler.process(sa.or_(*[text.regexp_match(p) for p in patterns]), **kw)

    @compiles(MatchesAny, "postgresql")
    def _postgres(element: Any, compiler: Any, **kw: Any) -> str:
        if compiler.dialect.name != "postgresql":  # duckdb-engine compiles as PostgreSQL; its ~ ANY is slow
            return _per_pattern(element, compiler, **kw)
        from sqlalchemy.dialects.postgresql import array

        text, *patterns = element.clauses.clauses
        return compiler.process(text.regexp_match(sa.any_(array(patterns))), **kw)

    return MatchesAny
