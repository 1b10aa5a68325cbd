"""A failing masking call leaves no open DuckDB connection (or reader that keeps its database) in its traceback.

Its exception may outlive the call by far (dag.test() frees a failed task's error only in the cyclic GC; a
notebook keeps the last traceback), and whatever the frames hold is freed then, at worst in interpreter teardown
(once: DuckDB's destructor spinning for 30 minutes). See tests/held_connections.py.
"""

from __future__ import annotations

import datetime
import os
import threading
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.held_connections import open_engine_objects

FAILS_DEEP = "SELECT CASE WHEN i = 300000 THEN error('boom') ELSE i END AS i FROM range(400000) t(i)"


def test_the_probe_sees_an_open_connection_and_reader_a_traceback_holds() -> None:
    # The control: the probe the tests below rely on does see what a careless frame keeps.
    def careless() -> None:
        con = duckdb.connect()
        reader = con.sql(FAILS_DEEP).to_arrow_reader(1000)
        for _ in reader:
            pass

    with pytest.raises(Exception) as info:
        careless()
    assert sorted(open_engine_objects(info.value)) == ["careless:con", "careless:reader"]


def test_a_parquet_write_failing_mid_stream_closes_its_reader(tmp_path: Path) -> None:
    from maskline.engine.parquet_out import write_parquet_keeping_types
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    pq.write_table(pa.table({"i": list(range(400000))}), tmp_path / "in.parquet")
    plan = build_plan(load_policy({"datasets": {"t": {"columns": {"i": {"method": "redact"}}}}}), "t",
                      [("i", "bigint")])
    con = duckdb.connect()
    with pytest.raises(OSError) as info:  # how pyarrow raises DuckDB's error from inside the stream
        write_parquet_keeping_types(con, FAILS_DEEP, tmp_path / "in.parquet", tmp_path / "out.parquet", plan)
    con.close()  # what mask_file does: an open reader would keep the database alive past this
    assert open_engine_objects(info.value) == []


class Stop(Exception):
    pass


def test_progress_interrupted_on_the_callers_thread_stops_the_statement_and_its_worker() -> None:
    from maskline.engine.progress import execute_with_progress

    def stop(percent: float) -> None:
        raise Stop

    con = duckdb.connect()
    with pytest.raises(Stop):
        execute_with_progress(con, "SELECT count(*) FROM range(3000000000) t(i) WHERE i % 7 = 3", stop)
    assert not [t for t in threading.enumerate() if t.name == "maskline-duckdb"]
    con.close()  # before the fix: ResourceInUseException, the worker still ran the statement on it


def test_progress_interrupted_by_a_signal_while_waiting_stops_the_statement_before_closing() -> None:
    # Ctrl-C lands in the wait on the worker. Python 3.11 then marks the interrupted thread as finished while it
    # still runs the statement, so a join() returned at once and close() met a busy connection: a bare
    # ResourceInUseException, then a C++ abort at exit, instead of exit code 130.
    import signal

    from maskline.engine.progress import execute_with_progress

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers run on the main thread only")

    def stop(signum: int, frame: object) -> None:
        raise Stop

    previous = signal.signal(signal.SIGUSR1, stop)
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGUSR1))
    con = duckdb.connect()
    try:
        timer.start()
        with pytest.raises(Stop):
            execute_with_progress(con, "SELECT count(*) FROM range(30000000000) t(i) WHERE i % 7 = 3",
                                  lambda percent: None)
        con.close()  # before the fix: ResourceInUseException, the worker still ran the statement on it
    finally:
        timer.cancel()
        signal.signal(signal.SIGUSR1, previous)
    assert not [t for t in threading.enumerate() if t.name == "maskline-duckdb" and t.is_alive()]


def test_progress_of_a_statement_that_completes_is_unchanged() -> None:
    from maskline.engine.progress import execute_with_progress

    seen: list[float] = []
    con = duckdb.connect()
    assert execute_with_progress(con, "SELECT 42", seen.append) == [(42,)]
    assert seen[-1] == 100.0
    con.close()


def test_a_connection_whose_key_cannot_be_loaded_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    from maskline.adapters import duckdb as adapter

    def refuse(self: object, connection: object, cursor: object, key: object) -> None:
        raise RuntimeError("key refused")

    monkeypatch.setattr(adapter.DuckDBAdapter, "load_key", refuse)
    with pytest.raises(RuntimeError) as info:
        adapter.connect()
    assert open_engine_objects(info.value) == []


def test_mask_file_failing_mid_write_leaves_no_open_connection(tmp_path: Path) -> None:
    from maskline.engine import mask_file
    from maskline.errors import MasklineError

    src = tmp_path / "people.parquet"
    pq.write_table(pa.table({"id": list(range(5)), "born": [datetime.date(1981, 4, 17)] * 5}), src)
    # bucket on a DATE column: the engine has no cast from a date to a number and fails
    policy = {"datasets": {"people": {"columns": {"id": {"pass": True},
                                                  "born": {"method": {"method": "generalize", "bucket": 10}}}}}}
    with pytest.raises(MasklineError) as info:
        mask_file(src, tmp_path / "out.parquet", policy)
    assert open_engine_objects(info.value) == []


def test_the_file_reading_database_is_closed_by_its_exit_handler() -> None:
    from maskline.classify import sources

    cursor = sources._file_connection()
    cursor.close()
    parent = sources._FILE_DATABASES[os.getpid()]
    sources.close_file_database()
    with pytest.raises(duckdb.ConnectionException):
        parent.execute("SELECT 1")
    sources._file_connection().close()  # the next sample opens a new one
