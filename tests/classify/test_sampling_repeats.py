"""Sampling repeats: the same table gives the same sample on every run, drawn from the whole table.

A scan decides what is masked; a verdict that changed from run to run on unchanged data would make the
masking depend on chance. Each case samples 100 of 5,000 rows twice and compares the values drawn.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb
import pytest

from maskline.classify.sources import _random_rows, _row_blocks, grouped_sample, sample_source

ROWS, SAMPLE = 5000, 100


def _ids(sample) -> list[int]:
    col = sample.columns["id"]
    return [int(v) for v, c in zip(col.values, col.counts, strict=True) for _ in range(c)]


@pytest.fixture()
def sqlite_db(tmp_path: Path) -> Path:
    db = tmp_path / "app.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE people (id INTEGER, email TEXT)")
        con.executemany("INSERT INTO people VALUES (?, ?)", [(i, f"u{i}@mail.example") for i in range(ROWS)])
        con.execute("CREATE VIEW people_view AS SELECT * FROM people")
    return db


def test_sqlite_sample_repeats_and_spans_the_table(sqlite_db: Path) -> None:
    first = sample_source(f"sqlite:///{sqlite_db}::people", sample=SAMPLE)
    again = sample_source(f"sqlite:///{sqlite_db}::people", sample=SAMPLE)
    assert _ids(first) == _ids(again)
    ids = sorted(_ids(first))
    assert len(ids) == SAMPLE and ids[0] < ROWS // 10 and ids[-1] > ROWS * 9 // 10, "spread, not the first rows"


def test_random_order_would_not_repeat(sqlite_db: Path) -> None:
    # Not trivially true: ORDER BY random(), for engines with no sample clause, draws another sample each time.
    import sqlglot

    with sqlite3.connect(sqlite_db) as con:
        cur = con.cursor()
        query = _random_rows(sqlglot.select("id").from_("people").limit(SAMPLE))
        draws = {tuple(r[0] for r in cur.execute(query.sql("sqlite")).fetchall()) for _ in range(3)}
    assert len(draws) > 1


def test_sqlite_view_without_rowid_reads_its_first_rows(sqlite_db: Path) -> None:
    first = sample_source(f"sqlite:///{sqlite_db}::people_view", sample=SAMPLE)
    assert _ids(first) == list(range(SAMPLE)) == _ids(sample_source(f"sqlite:///{sqlite_db}::people_view",
                                                                     sample=SAMPLE))


@pytest.mark.parametrize("suffix", ["parquet", "csv"])
def test_file_sample_repeats(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"people.{suffix}"
    con = duckdb.connect()
    # Small row groups: a multi-threaded scan would hand them to threads in varying order.
    options = "FORMAT parquet, ROW_GROUP_SIZE 500" if suffix == "parquet" else "FORMAT csv, HEADER"
    con.execute(f"COPY (SELECT range AS id, 'u' || range || '@mail.example' AS email FROM range({ROWS})) "
                f"TO '{path}' ({options})")
    con.close()
    draws = [sample_source(str(path), sample=SAMPLE) for _ in range(3)]
    assert all(_ids(d) == _ids(draws[0]) for d in draws)
    assert draws[0].rows == SAMPLE and draws[0].total_rows == ROWS
    assert max(_ids(draws[0])) > ROWS // 2, "drawn from the whole file"


@pytest.mark.postgres
def test_postgres_sample_repeats(pg_conn, pg_dsn) -> None:
    with pg_conn.cursor() as cur:
        cur.execute("CREATE TABLE sampling_people AS SELECT g AS id, 'u' || g || '@mail.example' AS email "
                    f"FROM generate_series(0, {ROWS - 1}) g")
        cur.execute("ANALYZE sampling_people")
    first = sample_source(pg_conn, table="sampling_people", sample=SAMPLE)
    again = sample_source(f"{pg_dsn}::sampling_people", sample=SAMPLE)
    assert _ids(first) == _ids(again) and SAMPLE * 9 // 10 <= first.rows <= SAMPLE
    ids = sorted(_ids(first))
    # Not the first rows of an oversampled sample (a LIMIT on it kept the table's first third).
    assert ids[0] < ROWS // 10 and ids[-1] > ROWS * 9 // 10, "drawn from the whole table"


def test_duckdb_table_sample_repeats(tmp_path: Path) -> None:
    db = tmp_path / "wh.db"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE people AS SELECT range AS id, 'u' || range || '@mail.example' AS email "
                f"FROM range({ROWS * 20})")
    con.close()
    draws = [sample_source(f"duckdb:///{db}::people", sample=SAMPLE) for _ in range(3)]
    assert all(_ids(d) == _ids(draws[0]) for d in draws) and draws[0].rows == SAMPLE


def _parquet(path: Path, extra: str = "") -> Path:
    con = duckdb.connect()
    # Small row groups: a multi-threaded scan hands them to threads in varying order.
    con.execute(f"COPY (SELECT range AS id, 'u' || range || '@mail.example' AS email{extra} FROM range({ROWS})) "
                f"TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 500)")
    con.close()
    return path


def test_parquet_sample_is_the_same_on_any_thread_count(tmp_path: Path) -> None:
    path = _parquet(tmp_path / "people.parquet")
    draws = []
    for threads in (1, 4, 4):
        con = duckdb.connect(config={"threads": threads})
        cols, rows, total = grouped_sample(con.read_parquet(str(path)), SAMPLE, row_number="file_row_number")
        con.close()
        draws.append([int(v) for v, c in zip(cols["id"].values, cols["id"].counts, strict=True) for _ in range(c)])
    assert draws[0] == draws[1] == draws[2] and len(draws[0]) == SAMPLE
    assert draws[0] == sorted(draws[0]), "in row order"
    assert _ids(sample_source(str(path), sample=SAMPLE)) == draws[0], "the file path samples by row number"


@pytest.mark.parametrize(("total", "n"), [(5000, 100), (10_001, 10_000), (20_000, 10_000), (1_000_000, 10_000),
                                          (10**9, 2500), (3, 2)])
def test_row_blocks_span_the_table_in_disjoint_runs_of_n_rows(total: int, n: int) -> None:
    blocks = _row_blocks(total, n)
    assert sum(last - first + 1 for first, last in blocks) == n
    assert all(0 <= first <= last < total for first, last in blocks)
    assert all(a[1] < b[0] for a, b in zip(blocks, blocks[1:], strict=False)), "sorted and disjoint"
    k = len(blocks)
    assert all(i * total // k <= first and last < (i + 1) * total // k for i, (first, last) in enumerate(blocks)), \
        "one run in each stratum"
    assert blocks == _row_blocks(total, n), "the same runs every time"


def test_parquet_with_a_file_row_number_column_is_still_sampled(tmp_path: Path) -> None:
    # A real column of that name hides DuckDB's row number: the sample falls back to the seeded Bernoulli one.
    path = _parquet(tmp_path / "people.parquet", extra=", range * 2 AS file_row_number")
    draws = [sample_source(str(path), sample=SAMPLE) for _ in range(2)]
    assert _ids(draws[0]) == _ids(draws[1]) and draws[0].rows == SAMPLE
    assert list(draws[0].columns) == ["id", "email", "file_row_number"]
    assert sorted(int(v) for v in draws[0].columns["file_row_number"].values) == sorted(2 * i for i in
                                                                                        _ids(draws[0]))


def test_files_sampled_from_several_threads_at_once_give_the_serial_samples(tmp_path: Path) -> None:
    # Files are read through one DuckDB database per process, each sample on a connection of its own.
    from concurrent.futures import ThreadPoolExecutor

    paths = [_parquet(tmp_path / f"people{i}.parquet", extra=f", range + {i} AS k") for i in range(4)]
    serial = [_ids(sample_source(str(p), sample=SAMPLE)) for p in paths]
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lambda p: _ids(sample_source(str(p), sample=SAMPLE)), paths * 3))
    assert parallel == serial * 3


@pytest.mark.parametrize("dialect", ["trino", "snowflake", "bigquery", "spark", "databricks"])
def test_engines_sample_in_one_pass_with_their_own_clause(dialect: str) -> None:
    # ORDER BY random() sorts the whole table to keep 100 rows; the engine's TABLESAMPLE reads it once.
    import sqlglot

    from maskline.classify.sources import _engine_rows

    sql = _engine_rows(None, "sales.people", SAMPLE, 10**8, dialect).sql(dialect)
    assert "TABLESAMPLE" in sql and "ORDER BY" not in sql and sql.endswith(f"LIMIT {2 * SAMPLE}")
    assert sqlglot.parse_one(sql, read=dialect).sql(dialect) == sql, "the engine's own syntax, unchanged by a round trip"
    assert "RAND" in _engine_rows(sqlglot.select("*").from_("t").limit(5), "t", 5, 100, "mysql").sql("mysql").upper()


@pytest.mark.trino
def test_trino_sample_spans_the_table(trino_conn) -> None:
    cur = trino_conn.cursor()
    cur.execute(f"CREATE TABLE sampled_people AS SELECT id, 'u' || CAST(id AS varchar) || '@mail.example' AS email "
                f"FROM UNNEST(sequence(0, {ROWS - 1})) AS t(id)")
    cur.fetchall()
    sample = sample_source(trino_conn, table="sampled_people", sample=SAMPLE)
    ids = sorted(_ids(sample))
    assert SAMPLE * 9 // 10 <= sample.rows <= SAMPLE and len(set(ids)) == sample.rows and sample.total_rows == ROWS
    assert ids[0] < ROWS // 10 and ids[-1] > ROWS * 9 // 10, "drawn from the whole table, not its first rows"


def test_callers_duckdb_connection_samples_on_one_thread_and_keeps_its_setting() -> None:
    # DuckDB promises a REPEATABLE sample only on one thread; the connection is the caller's, so the pin is undone.
    con = duckdb.connect(config={"threads": 4})
    con.execute(f"CREATE TABLE people AS SELECT range AS id FROM range({ROWS * 100})")
    draws = [sample_source(con, table="people", sample=SAMPLE) for _ in range(3)]
    assert all(_ids(d) == _ids(draws[0]) for d in draws) and draws[0].rows == SAMPLE
    assert con.sql("SELECT current_setting('threads')").fetchall()[0][0] == 4, "the caller's setting is back"


def test_duckdb_table_sample_spans_the_table_to_its_last_rows() -> None:
    # The Bernoulli sample comes back in scan order: a LIMIT on it kept the first rows met, so the table's last
    # tenth was never sampled. The sample is thinned evenly now, so its last rows are as likely as any.
    con = duckdb.connect()
    con.execute(f"CREATE TABLE people AS SELECT range AS id FROM range({ROWS * 100})")
    sample = sample_source(con, table="people", sample=SAMPLE * 10)
    ids = sorted(_ids(sample))
    last_twentieth = sum(1 for i in ids if i >= ROWS * 95)
    assert sample.rows == SAMPLE * 10 and len(set(ids)) == sample.rows
    assert last_twentieth >= SAMPLE * 10 // 40, "the table's last twentieth is sampled (about 50 of 1000 rows)"
    assert ids[0] < ROWS * 5, "and its first rows too"
