"""What the dbt-versus-core parity modules share: a dbt project of typed columns built once on DuckDB or
PostgreSQL, the core's masking of the same table beside it, and both tables read back exactly.

A parity module (``typed_parity``, ``keyed_parity``) declares its columns as ``name -> (SQL type, three SQL
literals, method)``; :func:`rows_sql` makes the source model of them, :func:`build` writes and builds the project,
:func:`core_masked` masks the model's table with the core, and :func:`described` reads a table's column types and
values for the tests to compare.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from tests.dbt.dbt_harness import copy_project, install_packages


def rows_sql(columns: Mapping[str, tuple[str, tuple[str, ...], Any]]) -> str:
    """A model's SQL: three rows (ids 1..3) of each column's literals cast to its type."""
    rows = []
    for i in range(3):
        cells = [f"cast({i + 1} as integer) as id"]
        cells += [f"cast({values[i]} as {sql_type}) as {name}" for name, (sql_type, values, _) in columns.items()]
        rows.append("select " + ", ".join(cells))
    return "\nunion all\n".join(rows) + "\n"


def build(root: Path, profile: str, models_config: dict[str, Any], files: dict[str, str],
          outputs: dict[str, dict[str, Any]], target: str) -> subprocess.CompletedProcess[str]:
    """Write the project ``profile`` (its ``dbt_project.yml`` from ``models_config``, then ``files``) beside
    ``root``, copy it to ``root`` and build it once; dbt's run (a model that fails leaves the others built)."""
    src = root.parent / "src"
    config = {"name": profile, "version": "1.0", "config-version": 2, "profile": profile,
              "models": {profile: models_config}, "vars": {"maskline_unclassified": "pass"}}
    for path, text in {"dbt_project.yml": yaml.safe_dump(config, sort_keys=False), **files}.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text)
    project = copy_project(src, root, profile, outputs, target)
    install_packages(project)
    return project.run("build", check=False)


def built_on(engine: str, root: Path, name: str, schema: str, dsn: str | None,
             build_with: Any, duckdb_plugins: bool = False) -> tuple[Any, Any, str | None]:
    """Build with ``build_with(root, outputs, target)`` on ``engine``; (what it returned, an open connection, the
    schema the tables are in: None on DuckDB)."""
    if engine == "duckdb":
        import duckdb

        path = root.parent / f"{name}.duckdb"
        output: dict[str, Any] = {"type": "duckdb", "path": str(path), "threads": 1}
        if duckdb_plugins:
            output["plugins"] = [{"module": "maskline.dbt.duckdb_plugin"}]
        return build_with(root, {"duckdb": output}, "duckdb"), duckdb.connect(str(path)), None
    from urllib.parse import urlparse

    import psycopg2

    assert dsn is not None
    u = urlparse(dsn)
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": schema,
                            "threads": 1}}
    built = build_with(root, outputs, "postgres")
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    return built, conn, schema


def core_masked(cur: Any, dialect: str, schema: str | None, table: str, policy: dict[str, Any],
                key: str | None = None) -> None:
    """``core_masked``: ``table`` masked by the core under ``policy`` from its own reading of the table's types
    (:meth:`maskline.adapters.base.EngineAdapter.columns`), with ``key`` written into the SQL when given."""
    from maskline.adapters import engine
    from maskline.dialects import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.sql.compile import compile_select

    adapter = engine(dialect)
    source = adapter.table(f"{schema}.{table}" if schema else table)
    plan = build_plan(load_policy(policy), table, adapter.columns(cur, source))
    keyed = {"key_mode": KeyMode.LITERAL, "key": KeyMaterial(key.encode())} if key else {}
    select = compile_select(plan, source, dialect, **keyed)  # type: ignore[arg-type]
    prefix = schema + "." if schema else ""
    cur.execute(f"drop table if exists {prefix}core_masked")
    cur.execute(f"create table {prefix}core_masked as {select.sql(dialect=adapter.dialect().sqlglot_name)}")


def described(cur: Any, table: str, schema: str | None) -> dict[str, Any] | None:
    """Each column's type (information_schema: name, length, precision, scale) and its values by id, exactly as
    read; None when dbt did not build the table."""
    where = f"table_schema = '{schema}' and " if schema else ""
    cur.execute("select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale "
                f"from information_schema.columns where {where}table_name = '{table}' order by ordinal_position")
    types = {r[0]: tuple(r[1:]) for r in cur.fetchall()}
    if not types:
        return None
    cur.execute(f"select * from {schema + '.' if schema else ''}{table} order by id")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    out = {f"{name}_type": types[name] for name in names}
    out.update({f"{name}_values": [r[name] for r in rows] for name in names})
    return out
