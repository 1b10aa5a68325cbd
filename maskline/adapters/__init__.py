"""One adapter per engine, and the one map from any name of an engine to its adapter.

Each module here holds one engine's knowledge (see :class:`~maskline.adapters.base.EngineAdapter`):
its names, key loading, column reading, DB-API details, lineage names, URIs and
native masking DDL. :func:`engine` finds an adapter by any of its names (a URI
scheme, SQLAlchemy's or Airflow's ``dialect_name``, an Airflow connection type,
a dbt adapter type); :func:`engine_of` finds it for an open connection.

>>> engine("postgresql").name, engine("databricks").name, engine("sqlite").placeholder
('postgres', 'spark', '?')
>>> import sqlite3
>>> engine_of(sqlite3.connect(":memory:")).name
'sqlite'
"""

from __future__ import annotations

import functools
from typing import Any

from maskline.adapters.base import EngineAdapter

# Adapter classes by module; listed here once, imported on first use (no driver is imported by this).
_ADAPTERS = (
    ("maskline.adapters.duckdb", "DuckDBAdapter"),
    ("maskline.adapters.postgres", "PostgresAdapter"),
    ("maskline.adapters.sqlite", "SQLiteAdapter"),
    ("maskline.adapters.snowflake", "SnowflakeAdapter"),
    ("maskline.adapters.bigquery", "BigQueryAdapter"),
    ("maskline.adapters.spark", "SparkAdapter"),
    ("maskline.adapters.trino", "TrinoAdapter"),
)


@functools.cache
def adapters() -> dict[str, EngineAdapter]:
    """Every engine's adapter, by its registry name.

    >>> sorted(adapters())
    ['bigquery', 'duckdb', 'postgres', 'snowflake', 'spark', 'sqlite', 'trino']
    """
    import importlib

    out: dict[str, EngineAdapter] = {}
    for module, cls in _ADAPTERS:
        adapter = getattr(importlib.import_module(module), cls)()
        out[adapter.name] = adapter
    return out


@functools.cache
def _by_name() -> dict[str, EngineAdapter]:
    out: dict[str, EngineAdapter] = {}
    for adapter in adapters().values():
        for name in (adapter.name, *adapter.names):
            out[name.lower()] = adapter
    return out


def engine(name: str, *, where: str = "engine") -> EngineAdapter:
    """The adapter of the engine called ``name`` (any of its names, in any case).

    >>> engine("PostgreSQL").name
    'postgres'
    """
    from maskline.errors import UnsupportedDialectError, did_you_mean

    key = (name or "").lower().split("+", 1)[0]  # SQLAlchemy's "postgresql+psycopg2"
    try:
        return _by_name()[key]
    except KeyError:
        raise UnsupportedDialectError(f"unsupported engine {name!r}", where=where,
                                      fix=did_you_mean(name, sorted(_by_name()))) from None


def url_schemes() -> list[str]:
    """Every URI scheme maskline opens itself: each adapter's :attr:`~EngineAdapter.url_schemes`, what its
    ``connect`` opens (a dialect name such as ``redshift`` or ``athena`` is not one).

    >>> url_schemes()
    ['duckdb', 'postgres', 'postgresql', 'sqlite', 'sqlite3', 'trino']
    """
    return sorted({s for adapter in adapters().values() for s in adapter.url_schemes})


def readable_uris() -> str:
    """The URIs maskline reads itself, each engine with the extra that installs its driver, for the fix of a URI
    it cannot read (``athena://``, ``mysql://``): a user learns what to use and what to install in one line.

    >>> print(readable_uris())
    duckdb:// (installed with maskline), postgresql:// or postgres:// (pip install 'maskline[postgres]'), sqlite:// or sqlite3:// (installed with maskline), trino:// (pip install 'maskline[trino]')
    """
    parts = []
    for adapter in sorted(adapters().values(), key=lambda a: a.name):
        if adapter.url_schemes:
            needs = f"pip install 'maskline[{adapter.url_extra}]'" if adapter.url_extra else "installed with maskline"
            parts.append(" or ".join(f"{s}://" for s in adapter.url_schemes) + f" ({needs})")
    return ", ".join(parts)


def engine_of(connection: Any, *, where: str = "connection") -> EngineAdapter:
    """The adapter of an open DB-API connection, from its driver's module.

    >>> import duckdb
    >>> engine_of(duckdb.connect()).name
    'duckdb'
    """
    for adapter in adapters().values():
        if adapter.owns(connection):
            return adapter
    from maskline.errors import UnsupportedDialectError

    raise UnsupportedDialectError(f"connections of {type(connection).__module__} are not supported", where=where,
                                  fix="use a DuckDB, PostgreSQL, SQLite, Snowflake, BigQuery, Spark or Trino "
                                      "connection")


__all__ = ["EngineAdapter", "adapters", "engine", "engine_of", "readable_uris", "url_schemes"]
