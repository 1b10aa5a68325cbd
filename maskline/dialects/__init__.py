"""The SQL dialects maskline compiles to, by engine name.

Other names of an engine (``postgresql``, ``databricks``, ``presto``) are its
adapter's (:mod:`maskline.adapters`): there is one map of names, not one per face.

>>> sorted(DIALECTS)
['bigquery', 'duckdb', 'postgres', 'snowflake', 'spark', 'sqlite', 'trino']
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
from maskline.dialects.sqlite import SQLite
from maskline.dialects.trino import Trino

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (DuckDB(), Postgres(), SQLite(), Snowflake(), BigQuery(), Spark(), Trino())}


def get_dialect(name: str) -> Dialect:
    """The dialect of the engine called ``name`` (or any other name of it, such as ``postgresql``)."""
    from maskline.adapters import engine

    return DIALECTS[engine(name, where="--dialect").name]


__all__ = ["DIALECTS", "Dialect", "KeyMode", "KeyRefs", "get_dialect"]
