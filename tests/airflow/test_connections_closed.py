"""The operators close the connections they open on every path, failures included (tests/held_connections.py says
why: dag.test() keeps a failed task's error, with its frames, until the cyclic GC or interpreter teardown)."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from maskline.errors import InputError
from tests.held_connections import open_engine_objects


class DuckDBHook:
    """A common-sql hook's surface, handing out real DuckDB connections and remembering them."""

    dialect_name = "duckdb"

    def __init__(self) -> None:
        self.opened: list[Any] = []

    def get_conn(self) -> Any:
        self.opened.append(duckdb.connect())
        return self.opened[-1]


def _closed(con: Any) -> bool:
    try:
        con.execute("SELECT 1")
    except duckdb.ConnectionException:
        return True
    return False


def test_the_check_operator_closes_its_connection_when_the_table_cannot_be_read() -> None:
    from airflow_plugin.operators.check import CheckMaskingOperator

    op = CheckMaskingOperator(task_id="check", conn_id="warehouse", table="no_such_table",
                              expectations=[{"type": "expect_column_values_to_not_contain_pii",
                                             "kwargs": {"column": "a"}}])
    hook = DuckDBHook()
    with pytest.raises(duckdb.Error) as info:
        op._batch(None, hook, "duckdb")
    assert [_closed(c) for c in hook.opened] == [True]
    assert open_engine_objects(info.value) == []


def test_the_check_operator_closes_its_connection_after_reading_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from airflow_plugin.operators import check
    from maskline.expectations import batches

    # The control: the table is read (the GX batch itself is not this test's subject).
    monkeypatch.setattr(batches, "pandas_batch", lambda context, frame, asset: frame)
    op = check.CheckMaskingOperator(task_id="check", conn_id="warehouse", table="t",
                                    expectations=[{"type": "expect_column_values_to_not_contain_pii",
                                                   "kwargs": {"column": "a"}}])

    class Seeded(DuckDBHook):
        def get_conn(self) -> Any:
            con = super().get_conn()
            con.execute("CREATE TABLE t AS SELECT 1 AS a")
            return con

    hook = Seeded()
    assert op._batch(None, hook, "duckdb")["a"].tolist() == [1]
    assert [_closed(c) for c in hook.opened] == [True]


def test_open_warehouse_closes_the_connection_when_the_warehouse_cannot_be_set_up(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from airflow_plugin.db_task import open_warehouse
    from maskline.adapters import duckdb as adapter

    def refuse(self: object, connection: object) -> None:
        raise InputError("cannot prepare", where="test", fix="none")

    monkeypatch.setattr(adapter.DuckDBAdapter, "prepare", refuse)
    hook = DuckDBHook()
    with pytest.raises(InputError) as info:
        open_warehouse(hook, "warehouse")
    assert [_closed(c) for c in hook.opened] == [True]
    assert open_engine_objects(info.value) == []
