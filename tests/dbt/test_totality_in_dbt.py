"""dbt's masked models and role-aware views are total over extreme values, as the core is, on dbt-duckdb and
dbt-postgres (one ``dbt build`` each).

``extremes`` holds, per column, values the masking on lead1955 failed on in dbt: a ``smallint`` at its least value and
a negative ``numeric(6,2)`` bucketed wider than the type (the typed templates kept the bucket without the core's
guard), dates past the timestamp range (hash, and ``to: year/month``), a BC date, and on PostgreSQL an integer array
masked to NULL (``CAST(NULL AS ARRAY)``) and a ``char(3)`` of blanks bucketed (its blanks reached a cast to a number).
``extremes_masked`` masks it with ``maskline.masked_columns``; ``extremes_view`` is a role-aware view
(``dynamic=true``) of its unkeyed columns (but :data:`NOT_IN_VIEW`), read after the build (a view's expressions run when it is read).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dbt.parity_harness import build, built_on

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
PROFILE = "totality"
PG_SCHEMA = "maskline_totality"
# column -> (type, DuckDB literals, PostgreSQL literals, method); rows 1..3 (a missing literal is NULL)
COLUMNS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Any]]] = {
    "low": ("smallint", ("-32768", "-32761", "5"), ("-32768", "-32761", "5"), {"method": "generalize", "bucket": 10}),
    "narrow": ("numeric(6,2)", ("-0.01", "-9999.99", "12.50"), ("-0.01", "-9999.99", "12.50"),
               {"method": "generalize", "bucket": 100000}),
    "far_year": ("date", ("'5881580-07-10'", "'2024-05-06 (BC)'", "'infinity'"),
                 ("'5874897-12-31'", "'2024-05-06 BC'", "'infinity'"), {"method": "generalize", "to": "year"}),
    "far_month": ("date", ("'5881580-07-10'", "'290309-12-22 (BC)'", "'1985-07-21'"),
                  ("'5874897-12-31'", "'4713-01-01 BC'", "'1985-07-21'"), {"method": "generalize", "to": "month"}),
    "far_hash": ("date", ("'5881580-07-10'", "'2024-05-06 (BC)'", "'1985-07-21'"),
                 ("'5874897-12-31'", "'2024-05-06 BC'", "'1985-07-21'"), {"method": "hash"}),
    "ts_year": ("timestamp", ("'294247-01-10 04:00:54'", "'290309-12-22 (BC) 00:00:00'", "'2000-01-01 00:00:00'"),
                ("'294276-12-31 23:59:59'", "'4713-01-01 00:00:00 BC'", "'2000-01-01 00:00:00'"),
                {"method": "generalize", "to": "year"}),
    "bc_text": ("varchar", ("'2024-01-01 BC'", "'2024-01-01 (BC)'", "'1985-07-21'"),
                ("'2024-01-01 BC'", "'2024-01-01 (BC)'", "'1985-07-21'"), {"method": "generalize", "to": "day"}),
}
POSTGRES_ONLY: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Any]]] = {
    "ints": ("integer[]", (), ("'{-2147483648,2147483647}'", "'{}'", "'{NULL}'"), {"method": "null"}),
    "blank": ("char(3)", (), ("''", "'   '", "'12'"), {"method": "generalize", "bucket": 10}),
}
KEYED = ("far_hash",)
# Not in the role-aware view: the keyed column. ts_year is in it: its masked DATE is widened back to a TIMESTAMP there,
# which the first day of DuckDB's least timestamp year is not (on lead1955 and before the timestamp bound, reading
# failed). So is blank, a char(3) bucketed: the bucket is written as text there (before redteam10, a double beside the
# raw text failed the view at plan time, for every value).
NOT_IN_VIEW = KEYED


def _columns(engine: str) -> dict[str, tuple[str, tuple[str, ...], dict[str, Any]]]:
    both = {**COLUMNS, **(POSTGRES_ONLY if engine == "postgres" else {})}
    return {name: (t, pg if engine == "postgres" else duck, m) for name, (t, duck, pg, m) in both.items()}


def _project(root: Path, outputs: dict[str, Any], engine: str) -> Any:
    columns = _columns(engine)
    rows = []
    for i in range(3):
        cells = [f"cast({i + 1} as integer) as id"]
        cells += [f"cast({values[i] if i < len(values) else 'null'} as {t}) as {name}"
                  for name, (t, values, _) in columns.items()]
        rows.append("select " + ", ".join(cells))
    unkeyed = [name for name in columns if name not in NOT_IN_VIEW]
    meta = [{"name": name, "meta": {"maskline": {"method": m}}} for name, (_, _, m) in columns.items()]
    schema = {"version": 2, "models": [{"name": "extremes", "columns": meta},
                                       {"name": "extremes_plain", "columns": [m for m in meta if m["name"] in unkeyed]}]}
    files = {
        "models/extremes.sql": "\nunion all\n".join(rows) + "\n",
        "models/extremes_plain.sql": "select id, " + ", ".join(unkeyed) + " from {{ ref('extremes') }}\n",
        "models/schema.yml": yaml.safe_dump(schema, sort_keys=False),
        "models/extremes_masked.sql": "select {{ maskline.masked_columns(ref('extremes')) }} from {{ ref('extremes') }}\n",
        "models/extremes_view.sql": "{{ config(materialized='view') }}\n"
                                    "select {{ maskline.masked_columns(ref('extremes_plain'), dynamic=true, "
                                    "unmask_for=['role:maskline_totality_reader']) }} from {{ ref('extremes_plain') }}\n",
    }
    return build(root, PROFILE, {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}, files,
                 outputs, engine)


def _read(cur: Any, table: str, names: list[str]) -> list[tuple[Any, ...]]:
    cur.execute("select " + ", ".join(f"cast({n} as varchar)" for n in names) + f" from {table} order by id")
    return cur.fetchall()


@pytest.fixture(scope="module", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    engine = request.param
    root = tmp_path_factory.mktemp(f"dbt_totality_{engine}") / "project"
    names = list(_columns(engine))
    plain = [n for n in names if n not in NOT_IN_VIEW]
    dsn = request.getfixturevalue("pg_module_dsn") if engine == "postgres" else None
    proc, conn, schema = built_on(engine, root, "totality", PG_SCHEMA, dsn, _project)
    prefix = schema + "." if schema else ""
    try:
        cur = conn.cursor()
        if engine == "postgres":
            cur.execute("set DateStyle = 'ISO, YMD'")  # how the checks read dates back
        out: dict[str, Any] = {"engine": engine, "proc": proc}
        for table, cols in (("extremes_masked", names), ("extremes_view", plain)):
            try:
                out[table] = _read(cur, prefix + table, cols)
            except Exception as e:  # noqa: BLE001 - the failure is the finding; its type names it
                out[table] = f"error: {type(e).__name__}"
        return out
    finally:
        conn.close()


def test_the_masked_model_and_the_role_aware_view_build(built: dict[str, Any]) -> None:
    proc = built["proc"]
    assert proc.returncode == 0, proc.stdout[-3000:]


@pytest.mark.parametrize("table", ["extremes_masked", "extremes_view"])
def test_every_masked_value_reads(built: dict[str, Any], table: str) -> None:
    rows = built[table]
    assert isinstance(rows, list) and len(rows) == 3, rows


def test_the_values_are_the_cores(built: dict[str, Any]) -> None:
    rows = built["extremes_masked"]
    names = list(_columns(built["engine"]))
    col = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    bc = " (BC)" if built["engine"] == "duckdb" else " BC"
    assert col["low"] == [None, None, "0"]
    assert col["narrow"] == [None, None, "0.00"]
    assert col["far_year"][1:] == ["2024-01-01" + bc, "infinity"]
    assert col["bc_text"] == [None, None, "1985-07-21"]
    assert None not in col["far_hash"] and len(set(col["far_hash"])) == 3
    if built["engine"] == "postgres":
        assert col["ints"] == [None, None, None] and col["blank"] == [None, None, "10"]


def test_a_role_aware_view_writes_a_text_bucket_as_text(built: dict[str, Any]) -> None:
    if built["engine"] != "postgres":
        pytest.skip("char(3) is a PostgreSQL column here")
    plain = [n for n in _columns(built["engine"]) if n not in NOT_IN_VIEW]
    assert [r[plain.index("blank")] for r in built["extremes_view"]] == [None, None, "10"]


def test_a_role_aware_view_of_a_timestamp_reads_its_least_year(built: dict[str, Any]) -> None:
    rows = built["extremes_view"]
    plain = [n for n in _columns(built["engine"]) if n not in NOT_IN_VIEW]
    years = [r[plain.index("ts_year")] for r in rows]
    # DuckDB's least TIMESTAMP year has no first day that is a TIMESTAMP: NULL; PostgreSQL's least is a year's first
    assert years[1] is None if built["engine"] == "duckdb" else years[1].startswith("4713-01-01")
    assert years[2].startswith("2000-01-01")
