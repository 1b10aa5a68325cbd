"""BigQuery: ``SHA256`` returns BYTES; key values are query parameters (``@maskline_ipad``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from maskline.dialects.base import Dialect, fn, lit


class BigQuery(Dialect):
    name = sqlglot_name = "bigquery"
    array_base = 0

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return exp.cast(e, exp.DataType.build("bytes", dialect="bigquery"))

    def hex(self, b: exp.Expression) -> exp.Expression:
        return fn("TO_HEX", b)  # already lower case

    def utc_date(self, e: exp.Expression) -> exp.Expression:
        """``DATE(t, 'UTC')``: a TIMESTAMP's day in UTC, whatever the query's default time zone.

        >>> BigQuery().utc_date(exp.column("t")).sql("bigquery")
        "DATE(t, 'UTC')"
        """
        return fn("DATE", e, lit("UTC"))

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("FORMAT_TIMESTAMP", lit("%Y-%m-%dT%H:%M:%E6S"), e, lit("UTC"))

    def session_key(self, name: str) -> exp.Expression:
        return exp.Parameter(this=exp.var(f"maskline_{name}"))  # a missing query parameter fails the query

    def raise_error(self, message: str, depends_on: exp.Expression) -> exp.Expression | None:
        return exp.cast(fn("ERROR", lit(message)), "string")  # a parameter bound to NULL

    once_binds = True

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)`` with ``e`` written once: GoogleSQL has no lambdas, so a correlated scalar subquery over
        ``UNNEST`` of a one-element array names it (the documented way to read an array's elements as rows; no
        table is read).

        >>> BigQuery().once(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy())).sql("bigquery")
        '(SELECT maskline_x || maskline_x FROM UNNEST([s]) AS maskline_x)'
        """
        x = exp.column("maskline_x")
        listed = exp.Unnest(expressions=[exp.Array(expressions=[e])],
                            alias=exp.TableAlias(columns=[x.this.copy()]))
        return exp.Subquery(this=exp.select(build(x)).from_(listed, copy=False))
