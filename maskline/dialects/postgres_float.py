"""A PostgreSQL float's shortest text, built so that no session setting and no value can change or break it.

``CAST(double AS TEXT)`` follows the session's ``extra_float_digits`` (under ``0`` the double
``0.30000000000000004`` is written ``0.3``), and a ``maskline protect`` view or a dbt model's view is evaluated in
its reader's session, which nothing can pin. So the text is built from parts that read no setting:

* ``TO_CHAR(v, '9.99…EEEE')`` writes the value correctly rounded to the pattern's significant digits (C's
  ``%e``; a ``.`` in the pattern is always a point, ``D`` would be the locale's);
* the cast of text to a float, to ``numeric``, and of ``numeric`` to text read no setting either.

Which digits: every decimal of at most ``DBL_DIG`` (15; a real's ``FLT_DIG``, 6) significant digits reads back as
a distinct normal double, so when the value rounded to 15 digits reads back as itself, that text with its trailing
zeros dropped is the shortest; otherwise the first of 16 and 17 digits that does (17, a real's 9, always does).
At a power of two the decimal next to the nearest one, away from zero, is tried too (:func:`_outward`). Below the
smallest normal value (a subnormal) the doubles lie further apart than 15 digits tell, and fewer digits can be the
shortest (``5e-324``), so every count from 1 is tried there.

Totality: a rounded text can lie past the largest finite value (the largest double rounded to 15 digits is
``1.79769313486232e+308``), and its cast back to a float raises *out of range*. A candidate is therefore read back
only when its ``numeric`` value is at most the largest decimal of its digits that reads back finite
(:data:`FLOAT_TYPES`; exact: every decimal of the tried digits above it is past the rounding midpoint to infinity), so a candidate past it is simply not the value's text. A rounded text never
falls to zero (it is at least half the value), the text of the most digits is never read back, and zero, NaN and
the infinities take their own branch. The chosen text reaches plain notation through ``numeric`` (``1.5e-07`` ->
``0.00000015``), which spells every finite float (exponents to 308).

>>> sql = canonical_float_text(exp.column("f")).sql("postgres")
>>> sql.startswith("CASE WHEN f = CAST('NaN' AS DOUBLE PRECISION) THEN 'NaN'"), "extra_float_digits" in sql
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from maskline.dialects.base import fn, lit

# Per float type: the digits that always give the shortest text of a normal value when it reads back (DBL_DIG), the
# digits that always read back (DBL_DECIMAL_DIG), the least normal value, and the largest decimal of at most those
# digits that reads back finite (the largest double is 1.7976931348623157e308; the midpoint to infinity,
# 2**1024 - 2**970, is 1.7976931348623158079e308; a real's 3.4028234664e38 and 3.4028235678e38).
FLOAT_TYPES = {"double precision": (15, 17, "2.2250738585072014e-308", "1.7976931348623158e308"),
               "real": (6, 9, "1.17549435e-38", "3.40282356e38")}


def _candidate(e: exp.Expression, digits: int) -> exp.Expression:
    """``e`` correctly rounded to ``digits`` significant digits, as ``d.ddde±xx`` (``TO_CHAR`` pads a sign's place)."""
    pattern = "9" + ("." + "9" * (digits - 1) if digits > 1 else "") + "EEEE"
    return fn("BTRIM", fn("TO_CHAR", e.copy(), lit(pattern)))


def _reads_back(text: exp.Expression, e: exp.Expression, type_name: str, guarded: bool) -> exp.Expression:
    """Whether ``text`` cast to ``type_name`` is ``e``; NULL (not chosen) for a text past the largest finite value,
    whose cast would raise. A CASE, because PostgreSQL does not promise to evaluate ``AND``'s operands in order."""
    same = exp.EQ(this=exp.cast(text.copy(), type_name), expression=e.copy())
    if not guarded:
        return same
    finite = exp.LTE(this=fn("ABS", exp.cast(text.copy(), "numeric")), expression=exp.cast(lit(FLOAT_TYPES[type_name][3]), "numeric"))
    return exp.Case(ifs=[exp.If(this=finite, true=same)])


def _outward(text: exp.Expression, digits: int) -> exp.Expression:
    """The decimal of ``digits`` significant digits next to ``text`` (a ``TO_CHAR`` candidate) away from zero.

    A power of two's neighbour below is half as far as its neighbour above, so the decimals that read back as it
    reach twice as far up as down: where the nearest decimal of some digits lies below and out of reach, the next
    one up can be in reach, and is then the shortest text (``2**976`` is ``6.386688990511104e+293``, 16 digits,
    whose nearest 16-digit decimal ``…103e+293`` is another double's).
    """
    mantissa = exp.cast(fn("SPLIT_PART", text.copy(), lit("e"), lit(1)), "numeric")
    unit = exp.Literal.number("0." + "0" * (digits - 2) + "1")  # one in the last of `digits` (more than 1)
    moved = exp.Add(this=mantissa.copy(), expression=exp.Mul(this=fn("SIGN", mantissa), expression=unit))
    return exp.DPipe(this=exp.DPipe(this=exp.cast(moved, "text"), expression=lit("e"), safe=False),
                     expression=fn("SPLIT_PART", text.copy(), lit("e"), lit(2)), safe=False)


def _shortest(e: exp.Expression, type_name: str, tried: range, guarded: bool) -> exp.Expression:
    """The first of ``tried`` digit counts whose rounding reads back as ``e`` (the last always does).

    Above the least normal value (``guarded``) the first count's rounding is the only decimal of so few digits that can
    read back as the value (DBL_DIG's promise), and each count after it but the last also tries :func:`_outward`.
    Below it the decimals that read back lie evenly around the value, so the nearest is the one to try.
    """
    *first, last = [_candidate(e, n) for n in tried]
    texts = []
    for n, t in zip(tried, first, strict=False):
        texts.append(t)
        if guarded and n != tried[0]:
            texts.append(_outward(t, n))
    return exp.Case(ifs=[exp.If(this=_reads_back(t, e, type_name, guarded), true=t) for t in texts], default=last)


def _e_notation(e: exp.Expression, type_name: str) -> exp.Expression:
    """The shortest text of a finite nonzero ``e`` of ``type_name``, as ``1.5e+300``: no trailing mantissa zeros."""
    dig, most, least_normal, _ = FLOAT_TYPES[type_name]
    subnormal = exp.LT(this=fn("ABS", e.copy()), expression=exp.cast(lit(least_normal), type_name))
    chosen = exp.Case(ifs=[exp.If(this=subnormal, true=_shortest(e, type_name, range(1, most + 1), guarded=False))],
                      default=_shortest(e, type_name, range(dig, most + 1), guarded=True))
    # 1.50000000000000e+300 -> 1.5e+300, 1.00000000000000e+300 -> 1e+300: the default session's cast's spelling
    return fn("REGEXP_REPLACE", chosen, lit("\\.?0+e"), lit("e"), lit("g"))


def _by_type(e: exp.Expression, build: Callable[[exp.Expression, str], exp.Expression]) -> exp.Expression:
    """``build(e, type)`` for a real and for a double, picked by ``e``'s type (an expression's type is not known
    here; the view fixes it when it is made)."""
    is_real = exp.EQ(this=exp.cast(fn("PG_TYPEOF", e.copy()), "text"), expression=lit("real"))
    return exp.Case(ifs=[exp.If(this=is_real, true=build(e, "real"))], default=build(e, "double precision"))


def _special(e: exp.Expression) -> list[tuple[str, exp.Expression]]:
    """Zero and the three values a float has besides numbers, each with the condition that picks it."""
    return [(v, exp.EQ(this=e.copy(), expression=exp.cast(lit(v), "double precision")))
            for v in ("NaN", "Infinity", "-Infinity", "0")]


def float_text(e: exp.Expression) -> exp.Expression:
    """A float's shortest text in the cast's own spelling (``1e+300``, ``-0``, ``NaN``), in every session.

    >>> float_text(exp.column("f")).sql("postgres")[:64]
    "CASE WHEN f IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity'"
    """
    special = exp.In(this=e.copy(), expressions=[c.expression.copy() for _, c in _special(e)])
    return exp.Case(ifs=[exp.If(this=special, true=exp.cast(e.copy(), "text"))],  # spelt alike in every session
                    default=_by_type(e, _e_notation))


def canonical_float_text(e: exp.Expression) -> exp.Expression:
    """A float's canonical text (:mod:`maskline.dialects.canonical`): plain notation, ``0`` for either zero, ``NaN``,
    ``Infinity``, ``-Infinity``; NULL stays NULL.

    >>> canonical_float_text(exp.column("f")).sql("postgres")[-32:]
    "g') AS DECIMAL) AS TEXT) END END"
    """
    finite = _by_type(e, lambda v, t: exp.cast(exp.cast(_e_notation(v, t), "numeric"), "text"))
    return exp.Case(ifs=[exp.If(this=c, true=lit(v)) for v, c in _special(e)], default=finite)


__all__ = ["FLOAT_TYPES", "canonical_float_text", "float_text"]
