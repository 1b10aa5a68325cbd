"""One value class masked on DuckDB, PostgreSQL and Trino through the core, for the engine parity tests.

Each engine gets a one-column table ``v`` (beside an ordering ``i``) of the same logical values, written in its own
SQL; the core plans the table from the engine's own reading of its types (``adapter.columns``) and masks it with a
literal key (:func:`tests.core.totality_cases.masked_select`). The outputs, row by row, are what every engine must
agree on.
"""

from __future__ import annotations

from typing import Any

from tests.core.totality_cases import KEY, masked_select

# An engine's connection and the schema its tables go in (None: the default).
Engines = dict[str, tuple[Any, str | None]]


def _run(cur: Any, engine: str, sql: str) -> list[Any]:
    cur.execute(sql)
    return cur.fetchall() if engine == "trino" or cur.description else []


def load(engine: str, con: Any, schema: str | None, table: str, sql_type: str, literals: list[str]) -> Any:
    """Create ``table (i, v sql_type)`` holding ``literals`` in order; the adapter's relation of it."""
    from maskline.adapters import engine as adapter_of

    cur = con.cursor()
    full = f"{schema}.{table}" if schema else table
    _run(cur, engine, f"DROP TABLE IF EXISTS {full}")
    _run(cur, engine, f"CREATE TABLE {full} (i integer, v {sql_type})")
    rows = ", ".join(f"({i}, CAST({v} AS {sql_type}))" for i, v in enumerate(literals))
    _run(cur, engine, f"INSERT INTO {full} VALUES {rows}")
    return adapter_of(engine).table(full)


def masked(engine: str, con: Any, schema: str | None, table: str, sql_type: str, literals: list[str],
           method: dict[str, Any]) -> list[Any] | None:
    """The masked ``v`` of each row, in order; None when the core refuses the method for the column's type."""
    from maskline.adapters import engine as adapter_of

    source = load(engine, con, schema, table, sql_type, literals)
    cur = con.cursor()
    sql = masked_select(adapter_of(engine), cur, engine, table, source, method)
    if sql is None:
        return None
    return [r[0] for r in _run(cur, engine, f"SELECT q.v FROM ({sql}) AS q ORDER BY q.i")]


def column_type(engine: str, con: Any, schema: str | None, table: str, sql_type: str) -> str:
    """The type the engine reports for a column declared ``sql_type`` (what the core plans from)."""
    from maskline.adapters import engine as adapter_of

    source = load(engine, con, schema, table, sql_type, [])
    return dict(adapter_of(engine).columns(con.cursor(), source))["v"]


__all__ = ["KEY", "Engines", "column_type", "load", "masked"]
