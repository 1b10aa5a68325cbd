"""Native masking DDL holds a text column the classifier passed for its values' shape to that shape on every row.

The classifier judges a sample; an ``amount`` text column it passed as numbers can hold a name further down. The
masked SELECTs keep only values of the shape (:mod:`maskline.sql.shape_guard`); the masking policies, routines
and column masks of Snowflake, BigQuery and Databricks must too, or the name reaches every reader of the table.
These engines are not reachable here: the DDL is parsed back by sqlglot in its dialect, and each masking body is
run in DuckDB (the body built for DuckDB, and Snowflake's transpiled by sqlglot) on the values it must pass and
the one it must redact. Control: a column typed as a number in storage keeps its shape itself and gets no object.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd
import pytest
import sqlglot

from maskline.classify import classify
from maskline.policy import load_policy

POLICY = load_policy({"datasets": {"payments": {"columns": {"email": {"info_type": "EMAIL"}}}}})
SAMPLE = pd.DataFrame({"amount": [f"{i}.25" for i in range(1, 41)], "count": [str(i) for i in range(1, 41)],
                       "email": [f"user{i}@example.com" for i in range(1, 41)]})
BEYOND = "Margaret Thornton"  # a value past the sample: not a number, judged by nobody


def _columns(amount_type: str = "varchar") -> list[tuple[str, str | None]]:
    return [("amount", amount_type), ("count", "bigint"), ("email", "varchar")]


def _scan() -> Any:
    scan = classify(SAMPLE, policy=POLICY)
    assert next(c for c in scan.columns if c.name == "amount").info_type is None  # passed for its shape
    return scan


def _run(body_sql: str, values: list[str | None]) -> list[str | None]:
    con = duckdb.connect()
    rows = con.execute(f"SELECT {body_sql} FROM (SELECT unnest(?::VARCHAR[]) AS val)", [values]).fetchall()
    return [r[0] for r in rows]


def test_masking_objects_hold_a_shape_passed_text_column_to_its_shape() -> None:
    from maskline.adapters.bigquery import masking_routine_ddl
    from maskline.adapters.snowflake import masking_policy_ddl
    from maskline.adapters.spark import column_mask_ddl

    scan = _scan()
    ddl = {"snowflake": masking_policy_ddl(POLICY, "db.raw.payments", _columns(), scan),
           "databricks": column_mask_ddl(POLICY, "main.raw.payments", _columns("string"), scan),
           "bigquery": masking_routine_ddl(POLICY, "ds.payments", _columns("string"), scan)}
    for dialect, statements in ddl.items():
        for statement in statements:
            sqlglot.parse(statement, read=dialect)  # raises on what the engine could not read either
        amount = [s for s in statements if "maskline_payments_amount" in s]
        assert amount and "[REDACTED]" in " ".join(amount), dialect  # an object guards amount
        assert not [s for s in statements if "maskline_payments_count" in s], dialect  # a number in storage: none


@pytest.mark.parametrize("via", ["duckdb", "snowflake"])
def test_the_masking_body_redacts_a_value_without_the_shape_and_passes_the_others(via: str) -> None:
    from maskline.adapters.native import body, masked_columns
    from maskline.dialects import KeyMode

    [amount] = [c for c in masked_columns(POLICY, "payments", _columns(), _scan()) if c.name == "amount"]
    sql = body(amount, via, KeyMode.SESSION).sql(via)
    if via != "duckdb":
        sql = sqlglot.transpile(sql, read=via, write="duckdb")[0]
    values = ["12.25", "7", "-3.5e2", None, BEYOND]
    assert _run(sql, values) == ["12.25", "7", "-3.5e2", None, "[REDACTED]"]  # the control: in-shape unchanged


def test_a_column_typed_as_a_number_in_storage_gets_no_masking_object() -> None:
    from maskline.adapters.native import masked_columns

    names = [c.name for c in masked_columns(POLICY, "payments", _columns("decimal(10,2)"), _scan())]
    assert names == ["email"]
