"""The SQL dialects maskline compiles to, by engine name.

Other names of an engine (``postgresql``, ``databricks``, ``presto``) are its
adapter's (:mod:`maskline.adapters`): there is one map of names, not one per face,
and it sits above the dialects (``engine("postgresql").dialect()``), so this
package never imports the adapters.

>>> sorted(DIALECTS)
['bigquery', 'duckdb', 'postgres', 'snowflake', 'spark', 'sqlite', 'trino']
>>> get_dialect("postgres").name
'postgres'
"""

from __future__ import annotations

from maskline.dialects.base import Dialect, KeyMode, KeyRefs
from maskline.dialects.bigquery import BigQuery
from maskline.dialects.duckdb import DuckDB
from maskline.dialects.postgres import Postgres
from maskline.dialects.snowflake import Snowflake
from maskline.dialects.spark import Spark
from maskline.dialects.sqlite import SQLite
from maskline.dialects.trino import Trino

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (DuckDB(), Postgres(), SQLite(), Snowflake(), BigQuery(), Spark(), Trino())}


def get_dialect(name: str) -> Dialect:
    """The dialect of the engine whose canonical name is ``name`` (any other name: ``engine(name).dialect()``).

    >>> get_dialect("trino").sqlglot_name
    'builtinstrino'
    """
    try:
        return DIALECTS[name]
    except KeyError:
        from maskline.errors import UnsupportedDialectError

        raise UnsupportedDialectError(
            f"no dialect is called {name!r}", where="maskline.dialects.get_dialect",
            fix=f"use one of {', '.join(sorted(DIALECTS))}, or maskline.adapters.engine(name).dialect() for any "
                "other name of an engine") from None


__all__ = ["DIALECTS", "Dialect", "KeyMode", "KeyRefs", "get_dialect"]
