"""The SQL dialects maskline compiles to, as a registry.

>>> sorted(DIALECTS)
['bigquery', 'duckdb', 'postgres', 'snowflake', 'spark', 'trino']
>>> get_dialect("postgresql").name
'postgres'
"""

from __future__ import annotations

from maskline.dialects.base import Dialect, KeyMode, KeyRefs
from maskline.dialects.bigquery import BigQuery
from maskline.dialects.duckdb import DuckDB
from maskline.dialects.postgres import Postgres
from maskline.dialects.snowflake import Snowflake
from maskline.dialects.spark import Spark
from maskline.dialects.trino import Trino
from maskline.errors import UnsupportedDialectError, did_you_mean

DIALECTS: dict[str, Dialect] = {d.name: d for d in (DuckDB(), Postgres(), Snowflake(), BigQuery(), Spark(), Trino())}
ALIASES = {"postgresql": "postgres", "databricks": "spark", "presto": "trino", "pg": "postgres"}


def get_dialect(name: str) -> Dialect:
    """The dialect called ``name`` (or an alias such as ``postgresql``, ``databricks``)."""
    key = ALIASES.get(name.lower(), name.lower())
    try:
        return DIALECTS[key]
    except KeyError:
        raise UnsupportedDialectError(
            f"unsupported SQL dialect {name!r}", where="--dialect", fix=did_you_mean(name, DIALECTS)
        ) from None


__all__ = ["DIALECTS", "Dialect", "KeyMode", "KeyRefs", "get_dialect"]
