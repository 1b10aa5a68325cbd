"""BigQuery: ``SHA256`` returns BYTES; key values are query parameters (``@maskline_ipad``)."""

from __future__ import annotations

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
