"""The GX expectations classify a column as ``maskline scan`` classifies it in the same table.

A verdict reads the column's table: its name (``storms.name`` names storms, not people) and its other columns
(four-digit codes beside people's names and addresses are their postal codes). The tables are real DuckDB tables;
``maskline scan --format json`` (the real CLI, in process) gives the reference, and the expectations run through
real GX batches: maskline's DuckDB batch, a pandas DataFrame asset, and PostgreSQL through GX's SQL datasource.
Every column's info type and confidence must be the scan's. Controls show the readings depend on the table, so
agreement is not trivially true: the same column alone, or under no name, is read otherwise.

Values are made here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from maskline.classify import classify
from tests.context_tables import residents, storms

TABLES = {"storms": storms, "residents": residents}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    path = tmp_path_factory.mktemp("facectx") / "warehouse.db"
    with duckdb.connect(str(path)) as con:
        for name, make in TABLES.items():
            con.register("frame", make())
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
            con.unregister("frame")
    return path


def scan(warehouse: Path, table: str, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[Any, float]]:
    """``maskline scan duckdb:///...::main.<table> --format json``: each column's info type and confidence."""
    from maskline.cli.main import main

    capsys.readouterr()
    assert main(["scan", f"duckdb:///{warehouse}::main.{table}", "--format", "json"]) == 0
    columns = json.loads(capsys.readouterr().out)["columns"]
    return {c["name"]: (c["info_type"], round(float(c["confidence"]), 2)) for c in columns}


def batch_of(face: str, table: str, warehouse: Path, gx_context: Any, request: pytest.FixtureRequest) -> Any:
    import duckdb

    from maskline.expectations.batches import duckdb_batch, pandas_batch, sql_batch

    if face == "duckdb":
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return duckdb_batch(gx_context, con, f"main.{table}")
    if face == "pandas":
        return pandas_batch(gx_context, TABLES[table](), asset=table)
    import psycopg2

    dsn = request.getfixturevalue("pg_dsn")
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    frame = TABLES[table]()
    types = {"int64": "integer"}
    with conn.cursor() as cur:
        cur.execute(f'DROP TABLE IF EXISTS "{table}"')
        cur.execute(f'CREATE TABLE "{table}" (' + ", ".join(
            f'"{c}" {types.get(str(frame[c].dtype), "text")}' for c in frame.columns) + ")")
        cur.executemany(f'INSERT INTO "{table}" VALUES (' + ", ".join(["%s"] * len(frame.columns)) + ")",
                        [tuple(v.item() if hasattr(v, "item") else v for v in row)
                         for row in frame.itertuples(index=False)])
    conn.close()
    return sql_batch(gx_context, dsn, f"public.{table}")


def gx_verdicts(batch: Any, columns: list[str]) -> dict[str, tuple[Any, float]]:
    """Each column's verdict as ``expect_column_to_be_classified_as`` reports it (one suite, one validation)."""
    import great_expectations as gx

    from maskline.expectations import ExpectColumnToBeClassifiedAs

    suite = gx.ExpectationSuite(name="facectx", expectations=[
        ExpectColumnToBeClassifiedAs(column=c, info_type=None) for c in columns])
    results = batch.validate(suite).results
    out = {}
    for r in results:
        assert r.exception_info.get("raised_exception") is not True, r.exception_info
        details = r.result["details"]
        out[r.expectation_config.kwargs["column"]] = (details["info_type"], round(details["confidence"], 2))
    return out


FACES = ["duckdb", "pandas", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("table", list(TABLES))
def test_expect_column_to_be_classified_as_reads_the_column_as_scan_does(
        face: str, table: str, warehouse: Path, gx_context: Any, request: pytest.FixtureRequest,
        capsys: pytest.CaptureFixture[str]) -> None:
    expected = scan(warehouse, table, capsys)
    batch = batch_of(face, table, warehouse, gx_context, request)
    assert gx_verdicts(batch, list(expected)) == expected


def test_the_scan_reads_both_tables_through_their_context(warehouse: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # Controls: the readings compared above are the ones that need the table. storms.name is a storm's name only
    # under the table's name, and the four-digit codes are postal codes only beside the people's data.
    assert scan(warehouse, "storms", capsys)["name"][0] is None
    assert classify(storms()).by_name()["name"].info_type == "PERSON_NAME"
    assert scan(warehouse, "residents", capsys)["extra12"][0] == "POSTAL_CODE"
    assert classify(residents()[["extra12"]]).by_name()["extra12"].info_type is None


def test_a_pandas_asset_named_for_nothing_keeps_storm_names_a_persons(gx_context: Any) -> None:
    # Control: the name read is the batch's own; a frame under a name that says nothing is read as unnamed.
    from maskline.expectations.batches import pandas_batch

    batch = pandas_batch(gx_context, storms(), asset="frame")
    assert gx_verdicts(batch, ["name"])["name"][0] == "PERSON_NAME"


def test_the_masking_audit_classifies_the_batch_in_its_table(gx_context: Any) -> None:
    # The policy names no column; the plan masks what the classifier types. In `residents`, the codes are typed
    # only beside the names and addresses; `storms.name` is typed a person's name only without the table's name.
    from maskline.expectations import ExpectTableToMatchMaskingPolicy
    from maskline.expectations.batches import pandas_batch

    def audited(table: str) -> dict[str, Any]:
        batch = pandas_batch(gx_context, TABLES[table](), asset=table)
        policy = {"unclassified": "pass", "datasets": {table: {}}}
        result = batch.validate(ExpectTableToMatchMaskingPolicy(policy=policy, dataset=table))
        return {c["column"]: c["info_type"] for c in result.result["details"]["columns"]}

    assert audited("residents").get("extra12") == "POSTAL_CODE"
    assert "name" not in audited("storms")


def test_a_suite_of_column_expectations_classifies_the_batch_once(gx_context: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The cost stays one bounded sample of the batch per validation, however many columns are checked.
    import maskline.classify
    from maskline.expectations.batches import pandas_batch

    calls: list[int] = []
    real = maskline.classify.classify

    def counted(data: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(maskline.classify, "classify", counted)
    big = pd.concat([residents()] * 40, ignore_index=True)  # 12,000 rows: more than the sample
    gx_verdicts(pandas_batch(gx_context, big, asset="residents"), list(big.columns))
    assert calls == [10_000]


@pytest.mark.postgres
def test_a_sql_table_batch_is_named_by_its_table_not_by_gx_s_anonymous_subquery(
        gx_context: Any, warehouse: Path, request: pytest.FixtureRequest) -> None:
    # GX hands SQL table metrics an anonymous subquery; the audit's default dataset is the table's own name.
    from maskline.expectations import ExpectTableToMatchMaskingPolicy

    batch = batch_of("postgres", "storms", warehouse, gx_context, request)
    policy = {"unclassified": "pass", "datasets": {"storms": {}}}
    result = batch.validate(ExpectTableToMatchMaskingPolicy(policy=policy))
    assert result.result["details"]["table"] == "public.storms"
    assert result.result["details"]["problems"] == []
