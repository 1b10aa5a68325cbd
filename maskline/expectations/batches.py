"""GX batches over the engines maskline checks: pandas DataFrames, DuckDB tables and SQL databases.

DuckDB goes **through pandas**: GX 1.24's SQL engine closes a DuckDB
connection before fetching results (``MetricResolutionError: list index out of
range``); only dialects in GX's private persisted-connection list keep theirs,
and patching that list would change GX for every other user in the process.
So a DuckDB table is read by DuckDB itself (an Arrow hand-off, no Python row
loop) and validated by the pandas metrics, which validate candidates with the
core's detectors. The SQL metrics are exercised on PostgreSQL through GX's SQL
datasource, and on DuckDB's own regex engine by maskline's condition tests.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import Any


def _name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def ephemeral_context() -> Any:
    """A throwaway GX Data Context with progress bars off (they would flood task logs).

    >>> ephemeral_context()  # doctest: +SKIP
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    with contextlib.suppress(Exception):  # cosmetic; older configs lack the field
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def pandas_batch(context: Any, frame: Any, asset: str = "frame") -> Any:
    """A GX batch over a pandas DataFrame.

    >>> pandas_batch(ephemeral_context(), __import__("pandas").DataFrame({"a": [1]}))  # doctest: +SKIP
    """
    source = context.data_sources.add_pandas(_name("pandas"))
    definition = source.add_dataframe_asset(asset).add_batch_definition_whole_dataframe("whole")
    return definition.get_batch(batch_parameters={"dataframe": frame})


def duckdb_frame(connection: Any, table: str) -> Any:
    """A DuckDB table as a pandas DataFrame, read by DuckDB (see the module docstring for why).

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE t AS SELECT 1 AS a")
    >>> duckdb_frame(con, "t")["a"].tolist()
    [1]
    """
    from sqlglot import exp

    relation = exp.to_table(table, dialect="duckdb")
    return connection.sql(exp.select("*").from_(relation).sql(dialect="duckdb")).df()


def duckdb_batch(context: Any, connection: Any, table: str) -> Any:
    """A GX batch over a DuckDB table, validated through pandas (see the module docstring).

    >>> duckdb_batch(ephemeral_context(), __import__("duckdb").connect(), "t")  # doctest: +SKIP
    """
    return pandas_batch(context, duckdb_frame(connection, table), asset=table.split(".")[-1])


def sql_batch(context: Any, connection_string: str, table: str) -> Any:
    """A GX batch over a table through GX's SQL datasource (``schema.table`` allowed).

    >>> sql_batch(ephemeral_context(), "postgresql://u:p@h/db", "public.t")  # doctest: +SKIP
    """
    from sqlalchemy.pool import NullPool

    from maskline.adapters import engine

    schema, _, name = table.rpartition(".")
    kind = engine(connection_string.split("://", 1)[0], where="connection string").gx_datasource
    add = getattr(context.data_sources, f"add_{kind}")  # GX's own datasource type where it has one
    # No pool: GX builds two SQLAlchemy engines per datasource (its own and its execution engine's) and disposes
    # neither, so each pool kept an idle connection for as long as the context lived (a worker's or a session's).
    # Unpooled, every connection is closed when GX returns it.
    source = add(_name(kind), connection_string=connection_string, kwargs={"poolclass": NullPool})
    extra = {"schema_name": schema} if schema else {}  # GX warns on schema_name even when it is None
    asset = source.add_table_asset(name, table_name=name, **extra)
    return asset.add_batch_definition_whole_table("whole").get_batch()
