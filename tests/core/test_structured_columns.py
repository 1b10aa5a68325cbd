"""A method that keeps part of a value's text is refused on a structured column on every path (DuckDB query path,
``maskline mask`` on Parquet, mask_frame, PostgreSQL query path and protect); a classifier-chosen one becomes
``redact``. On main, ``email`` on ``['ann@corp.com']`` gave ``*****@corp.com]`` and ``char_mask`` on JSON kept
its keys' shapes and every ``@``, ``.`` and ``+``."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from maskline.engine.files import mask_file
from maskline.engine.frames import mask_frame
from maskline.errors import PolicyError
from maskline.policy import load_policy
from maskline.rewrite.api import rewrite
from maskline.rewrite.run import run_masked

KEPT = ("partial", "email", "char_mask")
DUCK = {  # column: (DuckDB type, value)
    "lst": ("VARCHAR[]", "['ann@corp.com']"),
    "st": ("STRUCT(email VARCHAR)", "{'email': 'ann@corp.com'}"),
    "mp": ("MAP(VARCHAR, VARCHAR)", "MAP {'email': 'ann@corp.com', 'phone': '+1 415 555 0100'}"),
    "js": ("JSON", """'{"email": "ann@corp.com", "phone": "+1 415 555 0100"}'"""),
}
SHOWN = {"lst": "varchar[]", "st": "struct", "mp": "map", "js": "json"}


def _policy(table: str, column: str, method: str, unclassified: str = "pass"):
    return load_policy({"unclassified": unclassified, "datasets": {table: {"columns": {column: {"method": method}}}}})


def _duck(column: str) -> duckdb.DuckDBPyConnection:
    typ, value = DUCK[column]
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT CAST({value} AS {typ}) AS {column}, 'ann@corp.com' AS mail")
    return con


def _rows(con, query: str, policy, key, dialect: str = "duckdb") -> list[tuple]:
    result = run_masked(con, rewrite(query, policy, dialect, connection=con), key)
    return list(getattr(result, "rows", result))


def _refused(exc: pytest.ExceptionInfo, column: str, shown: str, entry: str = "t") -> None:
    text = str(exc.value)
    assert f"column {entry}.{column} has type {shown}, whose text form has structure" in text
    assert f'datasets["{entry}"].columns.{column}' in text  # where: the policy key
    # how to fix: keyed methods are refused on these types too (tests/core/test_structured_keyed_parity.py)
    assert "value (redact, null)" in text and "staging model" in text
    assert "corp.com" not in text


@pytest.mark.parametrize("method", KEPT)
@pytest.mark.parametrize("column", sorted(DUCK))
def test_duckdb_query_path_refuses_kept_text_on_structured_column(column: str, method: str, key) -> None:
    with pytest.raises(PolicyError) as exc:
        _rows(_duck(column), f"SELECT {column} FROM t", _policy("t", column, method), key)
    _refused(exc, column, SHOWN[column])


@pytest.mark.parametrize("method", KEPT)
@pytest.mark.parametrize("column", sorted(DUCK))
def test_parquet_and_frame_masking_refuse_kept_text_on_structured_column(column: str, method: str, key,
                                                                         tmp_path) -> None:
    con = _duck(column)
    con.execute(f"COPY (SELECT {column} FROM t) TO '{tmp_path / 't.parquet'}'")
    with pytest.raises(PolicyError) as exc:
        mask_file(tmp_path / "t.parquet", tmp_path / "o.parquet", _policy("t", column, method), key=key, table="t")
    _refused(exc, column, SHOWN[column])
    assert not (tmp_path / "o.parquet").exists()
    with pytest.raises(PolicyError) as exc:
        mask_frame(pq.read_table(tmp_path / "t.parquet"), _policy("t", column, method), key=key, table="t")
    _refused(exc, column, SHOWN[column])


@pytest.mark.parametrize("method", ("redact", "null"))  # keyed ones are refused: tests/core/test_structured_keyed_parity.py
@pytest.mark.parametrize("column", sorted(DUCK))
def test_opaque_methods_mask_structured_columns_whole(column: str, method: str, key) -> None:
    [(value,)] = _rows(_duck(column), f"SELECT {column} FROM t", _policy("t", column, method), key)
    assert value is None or "corp" not in str(value)


@pytest.mark.parametrize(("method", "expected"), [("email", "*****@corp.com"), ("char_mask", "***@****.***"),
                                                  ({"method": "partial", "keep_last": 4}, "********.com")])
def test_scalar_text_columns_keep_their_masks_exactly(method, expected: str, key, tmp_path) -> None:
    # The control: the same methods on a plain text column (beside a structured one) mask exactly as before.
    con = _duck("lst")
    policy = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"mail": {"method": method}}}}})
    assert _rows(con, "SELECT mail FROM t", policy, key) == [(expected,)]
    duckdb.sql(f"COPY (SELECT 'ann@corp.com' AS mail) TO '{tmp_path / 't.parquet'}'")
    mask_file(tmp_path / "t.parquet", tmp_path / "o.parquet", policy, key=key, table="t")
    assert duckdb.sql(f"SELECT mail FROM '{tmp_path / 'o.parquet'}'").fetchall() == [(expected,)]


def test_classifier_chosen_method_on_structured_column_becomes_redact(key, tmp_path) -> None:
    # Nobody chose email for this column: an EMAIL verdict brings the policy's method for EMAIL, which would keep
    # the domain and a bracket. The plan masks it whole (redact: opaque, needs no key) instead of stopping the run;
    # the text column beside it keeps its e-mail mask.
    from maskline.classify.result import Classification, ColumnClassification

    verdicts = Classification((ColumnClassification("contacts", "EMAIL", 0.99, "contact"),
                               ColumnClassification("mail", "EMAIL", 0.99, "contact")), table="t")
    policy = {"unclassified": "mask"}
    table = pa.table({"contacts": [["ann@corp.com"]], "mail": ["ann@corp.com"]})
    out = mask_frame(table, policy, key=key, table="t", classification=verdicts).to_pylist()
    assert out == [{"contacts": "[EMAIL]", "mail": "*****@corp.com"}]
    pq.write_table(table, tmp_path / "t.parquet")
    mask_file(tmp_path / "t.parquet", tmp_path / "o.parquet", policy, key=key, table="t", classification=verdicts)
    assert duckdb.sql(f"SELECT * FROM '{tmp_path / 'o.parquet'}'").fetchall() == [("[EMAIL]", "*****@corp.com")]


@pytest.mark.parametrize("method", KEPT)
@pytest.mark.parametrize(("column", "typ", "value"), [
    ("arr", "text[]", "ARRAY['ann@corp.com']"),
    ("jb", "jsonb", """'{"email": "ann@corp.com", "phone": "+1 415 555 0100"}'"""),
])
def test_postgres_query_path_and_protect_refuse_kept_text(pg_conn, key, column: str, typ: str, value: str,
                                                          method: str) -> None:
    from maskline.adapters.postgres import protect

    with pg_conn.cursor() as cur:
        cur.execute("DROP SCHEMA IF EXISTS structmask CASCADE; CREATE SCHEMA structmask")
        cur.execute(f"CREATE TABLE structmask.t AS SELECT CAST({value} AS {typ}) AS {column}, "
                    "'ann@corp.com'::text AS mail")
    with pytest.raises(PolicyError) as exc:
        _rows(pg_conn, f"SELECT {column} FROM structmask.t", _policy("structmask.t", column, method), key,
              "postgres")
    # information_schema says ARRAY for every array: the query path names the kind, protect the catalog type
    _refused(exc, column, "array" if typ == "text[]" else typ, "structmask.t")
    with pytest.raises(PolicyError) as exc:
        protect(pg_conn, _policy("t", column, method), "structmask", ["t"], key, masked_schema="structmask_masked",
                private_schema="structmask_private", reader="structmask_reader")
    _refused(exc, column, typ)
    # the control: a plain text column of the same table keeps its mask on the query path
    assert _rows(pg_conn, "SELECT mail FROM structmask.t", _policy("structmask.t", "mail", "email"), key,
                 "postgres") == [("*****@corp.com",)]


def test_the_type_name_rule_is_never_looser_than_postgresql_type_categories(pg_conn) -> None:
    # protect reads pg_type's category (maskline.adapters.pg_types); every other path reads a type name. Over all
    # of initdb's types, a name the rule calls scalar is in a scalar category, so the two never disagree in the
    # unsafe direction.
    from maskline.adapters.pg_types import SCALAR_CATEGORIES
    from maskline.methods.structure import structured_type

    with pg_conn.cursor() as cur:
        cur.execute("SELECT pg_catalog.format_type(t.oid, NULL), t.typcategory FROM pg_catalog.pg_type t "
                    "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'pg_catalog' "
                    "AND t.oid < 16384 AND t.typtype IN ('b', 'r', 'm', 'c') AND t.typcategory <> 'P'")
        types = cur.fetchall()
    assert len(types) > 100
    assert [(name, category) for name, category in types
            if category not in SCALAR_CATEGORIES and not structured_type(name)] == []
    assert not structured_type("text") and structured_type("text[]")  # the control
