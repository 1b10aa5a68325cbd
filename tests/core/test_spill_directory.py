"""Embedded DuckDB spills the rows it masks to a private directory of the process, never into the working directory.

A DuckDB in memory spills to ``./.tmp`` by default: wherever the job runs (a DAGs folder, a dbt project, a
checkout). The control shows a plain connection does exactly that with the same data, so the test is not
trivially true.
"""

from __future__ import annotations

import os
import stat

import duckdb

from maskline.adapters.duckdb import connect
from maskline.adapters.duckdb_spill import spill_directory

# About 200 MB of text in a temporary table under a 64 MB limit: DuckDB must evict blocks to disk, and the
# files stay while the table does, so where they went can be read back (duckdb_temporary_files()).
_FILL = ("CREATE TEMP TABLE big AS SELECT range AS i, md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS s "
         "FROM range(3000000)")


def _spill(con: duckdb.DuckDBPyConnection) -> list[str]:
    con.execute("SET memory_limit = '64MB'")
    con.execute("SET threads = 1")
    con.execute(_FILL)
    return [row[0] for row in con.execute("SELECT path FROM duckdb_temporary_files()").fetchall()]


def test_masking_connection_spills_into_the_private_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    con = connect()
    try:
        spilled = _spill(con)
    finally:
        con.close()
    assert spilled, "the fill did not spill: the test would prove nothing"
    private = spill_directory()
    assert all(os.path.dirname(p) == private for p in spilled)
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o700 and os.stat(private).st_uid == os.getuid()
    assert list(tmp_path.iterdir()) == []  # nothing written where the job runs


def test_control_a_plain_connection_spills_into_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect()
    try:
        spilled = _spill(con)
    finally:
        con.close()
    assert spilled and all(os.path.realpath(p).startswith(str(tmp_path.resolve()) + os.sep) for p in spilled)


def test_classification_samples_spill_privately():
    from maskline.classify.sources import _file_connection

    cursor = _file_connection()
    assert cursor.execute("SELECT current_setting('temp_directory')").fetchone()[0] == spill_directory()

