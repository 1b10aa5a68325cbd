"""Check digits as SQL: the checksum a passed column's kind meets, computed on every row by the engine.

A column passed for its routing numbers or its product numbers was proved so on its sample by the number's check
digit (:func:`maskline.classify.safe_kinds.routing_numbers`, ``product_numbers``). The row guard held every row to the
written form only (nine digits behind a Federal Reserve prefix; twelve or thirteen digits), and an SSN written as
nine digits, or a 13-digit card, has that form. The check digit is part of the kind: a value that fails it is no
routing or product number, whatever it is, and is masked as unclassified. A secret meets a check digit one time in
ten by chance (the documented remainder; nothing in nine digits tells an SSN that meets the ABA check from a routing
number).

Each digit is read with ``strpos`` over a string of the digits (``strpos('0123456789', d) - 1``), never a cast: a
cast of a letter fails the query on PostgreSQL, and SQL does not promise that the form's pattern is tested first.
On a value without the form the sum is meaningless, and the guard ANDs it with the form.

>>> import duckdb
>>> from sqlglot import exp
>>> sql = check_digit_holds(exp.column("v"), "aba").sql("duckdb")
>>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('011000015'), ('123456789')) t(v)").fetchall()
[(True,), (False,)]
"""

from __future__ import annotations

from sqlglot import exp

# ABA routing transit numbers: weights 3, 7, 1 over the nine digits, the sum a multiple of ten.
ABA_WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7, 1)
# GS1 (EAN-13, UPC-A read as a GTIN-13 with a leading zero): weights 1, 3 from the left over thirteen digits.
GTIN13_WEIGHTS = (1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1)
# The checks by name (maskline.sql.kind_shapes.KIND_CHECKS names them for each kind).
CHECKS = ("aba", "gtin")


def _digit(value: exp.Expression, position: int) -> exp.Expr:
    """The digit at ``position`` (1-based) of ``value`` as a number, -1 for a character that is not a digit."""
    char = exp.Substring(this=value.copy(), start=exp.Literal.number(position), length=exp.Literal.number(1))
    return exp.Paren(this=exp.Sub(this=exp.StrPosition(this=exp.Literal.string("0123456789"), substr=char),
                                  expression=exp.Literal.number(1)))


def _weighted_sum_is_tens(value: exp.Expression, weights: tuple[int, ...]) -> exp.Expr:
    """Whether the digits of ``value`` times ``weights`` sum to a multiple of ten."""
    total: exp.Expr = exp.Mul(this=_digit(value, 1), expression=exp.Literal.number(weights[0]))
    for i, w in enumerate(weights[1:], start=2):
        total = exp.Add(this=total, expression=exp.Mul(this=_digit(value, i), expression=exp.Literal.number(w)))
    return exp.EQ(this=exp.Mod(this=exp.Paren(this=total), expression=exp.Literal.number(10)),
                  expression=exp.Literal.number(0))


def check_digit_holds(value: exp.Expression, check: str) -> exp.Expr:
    """True where ``value`` meets ``check`` (one of :data:`CHECKS`): ``aba`` on nine digits, ``gtin`` on twelve or
    thirteen (a UPC-A is read with a leading zero, as GS1 does).

    >>> import duckdb
    >>> sql = check_digit_holds(exp.column("v"), "gtin").sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('4006381333931'), ('036000291452'), ('4222222222222')) t(v)").fetchall()
    [(True,), (True,), (False,)]
    """
    if check == "aba":
        return _weighted_sum_is_tens(value, ABA_WEIGHTS)
    if check == "gtin":
        # ``'0' || v`` from its (length - 11)th character: thirteen digits either way, with the functions every
        # engine has (SQLite has no ``lpad``)
        start = exp.Sub(this=exp.Length(this=value.copy()), expression=exp.Literal.number(11))
        padded = exp.Substring(this=exp.DPipe(this=exp.Literal.string("0"), expression=value.copy(), safe=False),
                               start=start, length=exp.Literal.number(13))
        return _weighted_sum_is_tens(padded, GTIN13_WEIGHTS)
    raise ValueError(f"unknown check digit {check!r}; known: {', '.join(CHECKS)}")
