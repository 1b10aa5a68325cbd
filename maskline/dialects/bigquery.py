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

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("FORMAT_TIMESTAMP", lit("%Y-%m-%dT%H:%M:%E6S"), e, lit("UTC"))

    def key_session_ref(self, name: str) -> exp.Expression:
        return self.from_hex(exp.Parameter(this=exp.var(f"maskline_{name}")))
