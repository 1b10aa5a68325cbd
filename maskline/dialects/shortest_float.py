"""A float's shortest round-trip text built from an engine's own formatting and its read-back cast.

DuckDB 2.0's cast writes three powers of two as other values' texts (``2**81`` as ``2**82``'s), and Trino's cast
writes a real with at most seven digits and some doubles with 17 where fewer read back (``2e23``).

DuckDB's ``printf`` with an explicit precision is exactly rounded, so the shortest text is chosen as
:mod:`maskline.dialects.postgres_float` chooses it (:func:`shortest_e_text`): the value rounded to ``DBL_DIG`` (15;
a real's 6) digits when that reads back (every decimal of so few digits is a distinct float, so it is the shortest
with its zeros dropped), else the first of 16 and 17 (a real's 7 to 9) that does, with the decimal next to the
nearest, away from zero, tried too (:func:`_outward`: at a power of two the decimals that read back reach twice as
far up as down). Below the least normal value every count from 1 is tried. The read-back is a ``TRY_CAST``: a
rounded text past the largest finite value reads back as infinity, never as the value, and raises nothing.

Trino's ``format`` starts from Java's shortest digits, which are already the text wanted but for one case
(:func:`trino_shortest_e_text`), and the candidates above made a float's ``fake`` pass Trino's compiler limit.

>>> sql = shortest_e_text(exp.column("f"), "double", _printf, _duckdb_reads_back).sql("duckdb")
>>> import duckdb
>>> duckdb.sql(f"SELECT {sql} FROM (VALUES (2.0 ** 81), (2e23), (5e-324)) t(f)").fetchall()
[('2.4178516392292583e+24',), ('2.00000000000000e+23',), ('5e-324',)]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot import exp

from maskline.dialects.base import bound_by_lambda, fn, lit

# Per float type: digits that give the shortest text of a normal value when they read back (DBL_DIG), digits
# that always read back (DBL_DECIMAL_DIG), and the least normal value.
FLOAT_DIGITS = {"double": (15, 17, "2.2250738585072014e-308"), "real": (6, 9, "1.17549435e-38")}

# (value, digits) -> the value correctly rounded to `digits` significant digits as d.ddde±xx
Candidate = Callable[[exp.Expression, int], exp.Expression]
# (text, value, type) -> whether the text cast to the type is the value (false, not an error, past the range)
ReadsBack = Callable[[exp.Expression, exp.Expression, str], exp.Expression]


def _printf(e: exp.Expression, digits: int) -> exp.Expression:
    """DuckDB's ``printf('%.{digits-1}e', v)`` (the fmt library: exact, round half to even)."""
    return fn("PRINTF", lit(f"%.{digits - 1}e"), exp.cast(e.copy(), "double"))


def _duckdb_reads_back(text: exp.Expression, e: exp.Expression, type_name: str) -> exp.Expression:
    """Whether ``text`` cast to DuckDB's ``type_name`` is ``e`` (an overflow reads back as infinity)."""
    return exp.EQ(this=exp.TryCast(this=text.copy(), to=exp.DataType.build("float" if type_name == "real"
                                                                                 else "double")),
                  expression=e.copy())


def _outward(text: exp.Expression, digits: int) -> exp.Expression:
    """The decimal of ``digits`` significant digits next to ``text`` (``d.ddde±xx``) away from zero.

    ``2**976`` is ``6.386688990511104e+293``, 16 digits, whose nearest 16-digit decimal ``…103e+293`` is another
    double's. The mantissa is moved as a DECIMAL, exactly; ``9.99…`` becomes ``10.00…``, which reads back alike.
    """
    mantissa = exp.cast(fn("SPLIT_PART", text.copy(), lit("e"), lit(1)), f"decimal(18,{digits - 1})")
    unit = exp.Literal.number("0." + "0" * (digits - 2) + "1")  # one in the last of `digits` (more than 1)
    moved = exp.Add(this=mantissa.copy(), expression=exp.Mul(this=fn("SIGN", mantissa), expression=unit))
    return exp.DPipe(this=exp.DPipe(this=exp.cast(moved, "varchar"), expression=lit("e"), safe=False),
                     expression=fn("SPLIT_PART", text.copy(), lit("e"), lit(2)), safe=False)


def _first(e: exp.Expression, type_name: str, tried: range, guarded: bool, candidate: Candidate,
           reads_back: ReadsBack) -> exp.Expression:
    """The first of ``tried`` digit counts whose rounding (or, above the least normal value, its outward
    neighbour, for every count after the first but the last) reads back as ``e``; the last count always does."""
    *first, last = [candidate(e, n) for n in tried]
    texts = []
    for n, t in zip(tried, first, strict=False):
        texts.append(t)
        if guarded and n != tried[0]:
            texts.append(_outward(t, n))
    return exp.Case(ifs=[exp.If(this=reads_back(t, e, type_name), true=t) for t in texts], default=last)


def shortest_e_text(e: exp.Expression, type_name: str, candidate: Candidate, reads_back: ReadsBack) -> exp.Expression:
    """The shortest text of a finite nonzero ``e`` of ``type_name`` (``double`` or ``real``) as ``d.ddde±xx``,
    possibly with trailing mantissa zeros (the plain notation drops them).

    >>> shortest_e_text(exp.column("f"), "real", _printf, _duckdb_reads_back).sql("duckdb")[:40]
    'CASE WHEN ABS(f) < CAST(1.17549435e-38 A'
    """
    dig, most, least_normal = FLOAT_DIGITS[type_name]
    subnormal = exp.LT(this=fn("ABS", e.copy()), expression=exp.cast(exp.Literal.number(least_normal), "double"))
    return exp.Case(ifs=[exp.If(this=subnormal, true=_first(e, type_name, range(1, most + 1), False, candidate,
                                                             reads_back))],
                    default=_first(e, type_name, range(dig, most + 1), True, candidate, reads_back))


def duckdb_shortest_e_text(e: exp.Expression) -> exp.Expression:
    """:func:`shortest_e_text` on DuckDB, for a REAL (``typeof`` is ``FLOAT``, fixed when the query is bound) or a
    DOUBLE.

    >>> import duckdb
    >>> sql = duckdb_shortest_e_text(exp.column("f")).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES (CAST(9.4e9 AS REAL))) t(f)").fetchall()
    [('9.40000e+09',)]
    """
    is_real = exp.EQ(this=fn("TYPEOF", e.copy()), expression=lit("FLOAT"))
    return exp.Case(ifs=[exp.If(this=is_real, true=shortest_e_text(e, "real", _printf, _duckdb_reads_back))],
                    default=shortest_e_text(e, "double", _printf, _duckdb_reads_back))


def _format(e: exp.Expression, digits: int) -> exp.Expression:
    """Trino's ``format('%.{digits-1}e', v)``: Java's Formatter rounds the value's shortest digits (Java 19's
    ``Double.toString``/``Float.toString``, of the value's own type), which equals the correct rounding wherever a
    decimal of ``digits`` digits reads back: the shortest decimal then has at most ``digits`` digits."""
    return fn("FORMAT", lit(f"%.{digits - 1}e"), e.copy())


def _trino_reads_back(text: exp.Expression, e: exp.Expression, type_name: str) -> exp.Expression:
    """Whether ``text`` cast to Trino's ``type_name`` is ``e`` (an overflow reads back as infinity)."""
    return exp.EQ(this=exp.TryCast(this=text.copy(), to=exp.DataType.build(type_name)), expression=e.copy())


def trino_shortest_e_text(e: exp.Expression) -> exp.Expression:
    """A real's or a double's shortest text on Trino (``typeof``, fixed when the query is analysed), from Java's
    shortest digits (Java 19's ``Float.toString``/``Double.toString``: the nearest of the shortest decimals that read
    back, an exact tie to the even digit, as Python and numpy pick).

    A double's is ``format('%.16e', v)``: Java's Formatter rounds those digits (since Java 21; Trino runs on 24 and
    later), so they come padded with zeros (``2**976``'s nearest 16 digits are another double's; Formatter gives the
    shortest, ``6.386688990511104``). A real's is ``format('%s', v)``: Formatter's ``%e`` formats a real as a double,
    whose digits, rounded half up, took the odd side of a real's exact tie (``2**-12``, ``0.000244140625``). Both
    but where a single digit reads back: Java gives at least two digits, and then the nearer of two that read back
    (``4.9E-324`` for ``5e-324``, ``1.4E-45`` for ``1e-45``), which only a subnormal can have. The read-back
    candidates of :func:`shortest_e_text` would add some 5,000 characters, and a ``fake``, which copied the text
    about ten times (it now binds it once), then passed Trino's compiler limit (QUERY_EXCEEDED_COMPILER_LIMIT).

    >>> trino_shortest_e_text(exp.column("f")).sql("trino")[:62]
    "CASE WHEN TYPEOF(f) = 'real' THEN CASE WHEN TRY_CAST(FORMAT('%"
    """
    is_real = exp.EQ(this=fn("TYPEOF", e.copy()), expression=lit("real"))
    return exp.Case(ifs=[exp.If(this=is_real, true=_one_digit_or(e, "real", fn("FORMAT", lit("%s"), e.copy())))],
                    default=_one_digit_or(e, "double", _format(e, 17)))


def _one_digit_or(e: exp.Expression, type_name: str, shortest: exp.Expression) -> exp.Expression:
    """``e`` rounded to one digit where that reads back as ``e``, else ``shortest``."""
    one = _format(e, 1)
    return exp.Case(ifs=[exp.If(this=_trino_reads_back(one, e, type_name), true=one)], default=shortest)


@dataclass(frozen=True)
class FloatCalls:
    """An engine's names for the calls :func:`canonical_float_text` makes: its NaN and infinity tests, and the list
    transform and element access through which a text is written once.

    >>> DUCKDB_CALLS.is_nan, TRINO_CALLS.is_nan
    ('ISNAN', 'IS_NAN')
    """

    is_nan: str
    is_infinite: str
    transform: str
    element_at: str


DUCKDB_CALLS = FloatCalls("ISNAN", "ISINF", "LIST_TRANSFORM", "LIST_EXTRACT")
TRINO_CALLS = FloatCalls("IS_NAN", "IS_INFINITE", "TRANSFORM", "ELEMENT_AT")


def canonical_float_text(e: exp.Expression, shortest: exp.Expression,
                         plain: Callable[[exp.Expression], exp.Expression], calls: FloatCalls) -> exp.Expression:
    """A float's canonical text (:mod:`maskline.dialects.canonical`): NULL stays NULL, either zero is ``0``, then
    ``NaN``, ``Infinity`` and ``-Infinity``, and a number is ``plain`` of its ``shortest`` text (``d.ddde±xx``).

    ``shortest`` is written once, through a lambda over a one-element list: ``plain`` (the dialect's
    ``canonical_number_text``) refers to its text about ten times, and a float's shortest text is some 2,500
    characters on DuckDB.

    >>> import duckdb
    >>> from maskline.dialects.duckdb import DuckDB
    >>> f = exp.column("f")
    >>> sql = canonical_float_text(f, exp.cast(f, "varchar"), DuckDB().canonical_number_text, DUCKDB_CALLS)
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (VALUES (1.5e2), (-0.0), ('-inf'::DOUBLE)) t(f)").fetchall()
    [('150',), ('0',), ('-Infinity',)]
    """
    once = bound_by_lambda(shortest, plain, calls.transform, calls.element_at)
    return exp.Case(ifs=[
        exp.If(this=exp.Is(this=e.copy(), expression=exp.Null()), true=exp.Null()),
        exp.If(this=exp.EQ(this=e.copy(), expression=lit(0)), true=lit("0")),
        exp.If(this=fn(calls.is_nan, e.copy()), true=lit("NaN")),
        exp.If(this=fn(calls.is_infinite, e.copy()),
               true=exp.Case(ifs=[exp.If(this=exp.GT(this=e.copy(), expression=lit(0)), true=lit("Infinity"))],
                             default=lit("-Infinity"))),
    ], default=once)


__all__ = ["DUCKDB_CALLS", "FLOAT_DIGITS", "TRINO_CALLS", "FloatCalls", "canonical_float_text",
           "duckdb_shortest_e_text", "shortest_e_text", "trino_shortest_e_text"]
