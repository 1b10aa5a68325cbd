"""A role-aware view (``maskline.masked_columns(..., dynamic=true)``) that buckets a text column reads, on dbt-duckdb
and dbt-postgres (one ``dbt build`` each).

The view is ``CASE WHEN <reader holds a role> THEN <raw> ELSE <masked> END``. ``generalize: {bucket: N}`` of a text
column (a ``varchar`` of amounts, a ``char(3)`` code) is a double, and its raw branch was the column as is, text:
both engines refuse a CASE of text and a double (DuckDB when the view is read, PostgreSQL when it is created), so the
view failed for every reader and every value (known open on main since round ``totality``).

Now the view keeps the column's type: a holder of the role reads the raw text, everyone else the bucket written as
text, in its canonical spelling (``maskline.dialects.canonical``: ``30``, ``-10``, the same on both engines), and a
value that is no number is NULL, as in the core's masked double.

The text bucket is the core method's own (:func:`maskline.methods.generalize.build` on a text column), so
``maskline.dynamic_mask(..., data_type='varchar')`` called directly gets it too: on main it took no type (the
``data_type`` argument was an unknown method parameter) and could only give a double, which no view can mix with the
raw text.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dbt.parity_harness import build, built_on

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
PROFILE = "textbucket"
PG_SCHEMA = "maskline_textbucket"
# column -> (type, literals of rows 1..3, method); every engine
COLUMNS: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {
    "amount": ("varchar", ("'37'", "'x'", "'-5'"), {"method": "generalize", "bucket": 10}),
    "wide": ("varchar", ("' 1234.5 '", "''", "null"), {"method": "generalize", "bucket": 1000}),
}
POSTGRES_ONLY: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {
    "code": ("char(3)", ("'12'", "'   '", "'9'"), {"method": "generalize", "bucket": 10}),
    "note": ("text", ("'42'", "'n/a'", "'-0'"), {"method": "generalize", "bucket": 100}),
    # a Unicode space beside the number: PostgreSQL's cast refuses it (round redteam10, maskline.dialects.postgres)
    "spaced": ("text", ("E'\\u200337'", "E'\\t37'", "E'37\\u3000'"), {"method": "generalize", "bucket": 10}),
}
MASKED = {"amount": ["30", None, "-10"], "wide": ["1000", None, None], "code": ["10", None, "0"],
          "note": ["0", None, "0"], "spaced": [None, "30", None]}
# PostgreSQL reads a char(n) as text without its padding, in every role-aware view's raw branch (the CASE is text).
RAW = {"amount": ["37", "x", "-5"], "wide": [" 1234.5 ", "", None], "code": ["12", "", "9"],
       "note": ["42", "n/a", "-0"], "spaced": ["\u200337", "\t37", "37\u3000"]}


def _columns(engine: str) -> dict[str, tuple[str, tuple[str, ...], dict[str, Any]]]:
    return {**COLUMNS, **(POSTGRES_ONLY if engine == "postgres" else {})}


def _project(role: str, engine: str) -> Any:
    def build_with(root: Path, outputs: dict[str, Any], target: str) -> Any:
        columns = _columns(engine)
        rows = []
        for i in range(3):
            rows.append("select " + ", ".join([f"cast({i + 1} as integer) as id"] + [
                f"cast({values[i]} as {t}) as {name}" for name, (t, values, _) in columns.items()]))
        meta = [{"name": name, "meta": {"maskline": {"method": m}}} for name, (_, _, m) in columns.items()]
        files = {
            "models/amounts.sql": "\nunion all\n".join(rows) + "\n",
            "models/schema.yml": yaml.safe_dump({"version": 2, "models": [{"name": "amounts", "columns": meta}]},
                                                sort_keys=False),
            "models/amounts_view.sql": "{{ config(materialized='view') }}\n"
                                       "select {{ maskline.masked_columns(ref('amounts'), dynamic=true, "
                                       f"unmask_for=['role:{role}']) }}}} from {{{{ ref('amounts') }}}}\n",
            # dynamic_mask called directly, told the column's type
            "models/amounts_direct.sql": "{{ config(materialized='view') }}\n"
                                         "select id, {{ maskline.dynamic_mask('amount', 'generalize', "
                                         f"unmask_for=['role:{role}'], data_type='varchar', bucket=10) }}}} "
                                         "as amount from {{ ref('amounts') }}\n",
        }
        return build(root, PROFILE, {"+materialized": "table"}, files, outputs, target)

    return build_with


def _read(cur: Any, table: str, names: list[str]) -> list[list[Any]] | str:
    try:
        cur.execute(f"select {', '.join(names)} from {table} order by id")
        rows = cur.fetchall()
    except Exception as e:  # noqa: BLE001 - the failure is the finding; its type names it
        return f"error: {type(e).__name__}"
    return [[r[i] for r in rows] for i in range(len(names))]


@pytest.fixture(scope="module", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def views(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a reader without the role and one holding it read from the view, and dbt's run."""
    engine = request.param
    role = f"ml_textbucket_{uuid.uuid4().hex[:8]}"
    outsider = role + "_out"
    root = tmp_path_factory.mktemp(f"dbt_textbucket_{engine}") / "project"
    dsn = request.getfixturevalue("pg_module_dsn") if engine == "postgres" else None
    proc, conn, schema = built_on(engine, root, "textbucket", PG_SCHEMA, dsn, _project(role, engine))
    view = f"{schema}.amounts_view" if schema else "amounts_view"
    direct = f"{schema}.amounts_direct" if schema else "amounts_direct"
    names = list(_columns(engine))
    out: dict[str, Any] = {"engine": engine, "proc": proc, "names": names}
    cur = conn.cursor()
    try:
        if engine == "duckdb":
            out["masked"] = _read(cur, view, names)  # nobody set maskline_role: no role held
            out["direct masked"] = _read(cur, direct, ["amount"])
            cur.execute(f"set variable maskline_role = '{role}'")
            out["raw"] = _read(cur, view, names)
            out["direct raw"] = _read(cur, direct, ["amount"])
            return out
        for r in (role, outsider):
            cur.execute(f"create role {r} nologin")
            cur.execute(f"grant usage on schema {schema} to {r}")
            cur.execute(f"grant select on all tables in schema {schema} to {r}")
        try:
            for r, seen in ((outsider, "masked"), (role, "raw")):
                cur.execute(f"set role {r}")
                out[seen] = _read(cur, view, names)
                out["direct " + seen] = _read(cur, direct, ["amount"])
                cur.execute("reset role")
        finally:
            cur.execute("reset role")
            for r in (role, outsider):
                cur.execute(f"drop owned by {r}")
                cur.execute(f"drop role {r}")
        return out
    finally:
        conn.close()


def test_the_role_aware_view_of_text_buckets_builds(views: dict[str, Any]) -> None:
    assert views["proc"].returncode == 0, views["proc"].stdout[-3000:]


def test_a_reader_without_the_role_reads_each_bucket_as_text(views: dict[str, Any]) -> None:
    assert views["masked"] == [MASKED[n] for n in views["names"]]


def test_a_holder_of_the_role_reads_the_raw_text(views: dict[str, Any]) -> None:
    assert views["raw"] == [RAW[n] for n in views["names"]]


def test_dynamic_mask_told_a_text_type_buckets_as_text_for_every_reader(views: dict[str, Any]) -> None:
    assert views["direct masked"] == [MASKED["amount"]]
    assert views["direct raw"] == [RAW["amount"]]
