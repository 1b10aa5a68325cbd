"""Where classification reads from: a sample of rows as an Arrow table, drawn where the data lives.

Accepted inputs:

- a pandas DataFrame or a pyarrow Table (sampled in memory, without copying the rest);
- a path (or ``file://`` URI) to a CSV or TSV file (gzip too), read by
  :func:`maskline.engine.csv_read.open_csv` as the masking reads it, or a Parquet file (sampled by embedded DuckDB);
- a :class:`maskline.engine.csv_read.CsvInput` the masking has already opened, so a file masked without a policy
  is opened, sniffed and checked once;
- a DuckDB connection, a DB-API connection (psycopg2/psycopg, sqlite3) or a SQLAlchemy
  engine/connection, with ``table=``;
- a URI naming a database table after ``::``: ``duckdb:///path/to.db::main.customers``,
  ``postgresql://user@host:5432/db::public.customers``, ``sqlite:///path.db::customers``.

Sampling happens in the database and repeats from run to run (Parquet: runs of
rows at seeded places spread over the file, chosen by row number, so DuckDB
decodes only the pages that hold them; CSV and DuckDB tables: a seeded DuckDB
Bernoulli sample on one thread; PostgreSQL ``TABLESAMPLE BERNOULLI ... REPEATABLE``;
SQLite rows ordered by a fixed scramble of their rowid; Trino, Snowflake, BigQuery and Spark their own
``TABLESAMPLE`` in one pass, without a seed where the engine has none); whole tables are never pulled or sorted. Files are sampled
and grouped by embedded DuckDB, and neither pandas nor pyarrow is imported
unless the input already is a DataFrame or an Arrow table. SQL is built with sqlglot. Messages never show a password from a URI.

>>> redact_uri("postgresql://app:hunter2@db:5432/sales::public.t")
'postgresql://app:***@db:5432/sales::public.t'
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maskline.classify.values import ColumnValues, from_arrow, from_counts, from_python, with_head
from maskline.errors import ClassificationError, InputError

if TYPE_CHECKING:
    from maskline.engine.csv_read import CsvInput

SEED = 42
# A Parquet sample is read as runs of consecutive rows (see _row_blocks): at least MIN_RUNS of them, and no run
# longer than RUN_ROWS, so the default 10,000 rows are 10 runs of 1,000 spread over the file.
MIN_RUNS = 10
RUN_ROWS = 1000
FILE_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz", ".parquet", ".pq")
DB_SCHEMES = ("duckdb", "postgresql", "postgres", "sqlite")


@dataclass
class Sample:
    """Sampled rows of one table: each column's values (distinct, with counts), the source's types and size."""

    columns: dict[str, ColumnValues]  # in the table's column order
    name: str | None
    sql_types: dict[str, str] = field(default_factory=dict)
    total_rows: int | None = None
    rows: int = 0  # rows sampled


def is_database_location(location: str) -> bool:
    """Whether a location names a database maskline reads (a ``duckdb://``, ``postgresql://``, ``postgres://`` or
    ``sqlite://`` URI, or ``file.db::schema.table``), not a file: the one test of the two, for every reader of a
    location. Anything else is a path (a ``file://`` URL, a Windows path, a glob, a file not written yet), and an
    ``s3://`` or ``https://`` URL is not a database either: it is read as a path, and is not found.

    >>> [is_database_location(x) for x in ("duckdb:///w.db", "w.duckdb::main.t", "postgresql://u@h/db")]
    [True, True, True]
    >>> [is_database_location(x) for x in ("people.csv", "file:///d/p.csv", "s3://b/p.csv", "duckdb:w.db")]
    [False, False, False, False]
    """
    return "::" in location or ("://" in location and location.split(":", 1)[0].lower() in DB_SCHEMES)


def redact_uri(uri: str) -> str:
    """Hide the password of a ``scheme://user:password@host`` URI.

    >>> redact_uri("duckdb:///tmp/x.db::t")
    'duckdb:///tmp/x.db::t'
    """
    return re.sub(r"(://[^/:@\s]+:)[^@\s]*@", r"\1***@", uri)


def sample_source(data: Any, *, table: str | None = None, sample: int = 10_000) -> Sample:
    """Draw up to ``sample`` rows from any supported input (see the module doc).

    >>> import pandas as pd
    >>> s = sample_source(pd.DataFrame({"a": range(50)}), sample=10)
    >>> s.rows, s.total_rows, s.columns["a"].kind
    (10, 50, 'integer')
    """
    if sample <= 0:
        raise InputError(f"sample must be positive, got {sample}", fix="pass --sample 10000 or more")
    if isinstance(data, (str, Path)):
        return _from_location(str(data), table, sample)
    module = type(data).__module__
    if module == "maskline.engine.csv_read":  # a CsvInput: a CSV file already opened (and checked)
        return _from_csv(data, sample)
    if module.startswith("pandas"):
        return _from_pandas(data, table, sample)
    if module.startswith("pyarrow"):
        return _from_arrow(data, table, sample)
    if module.lstrip("_").startswith("duckdb"):
        with _one_thread(data):
            return _from_duckdb(data, _need_table(table, data), sample)
    if module.startswith("sqlalchemy"):
        return _from_sqlalchemy(data, _need_table(table, data), sample)
    if hasattr(data, "cursor"):
        return _from_dbapi(data, _need_table(table, data), sample)
    raise InputError(f"cannot classify a {type(data).__name__}",
                     fix="pass a DataFrame, an Arrow table, a CSV/Parquet path, a URI, or a connection with table=")


def _need_table(table: str | None, data: Any) -> str:
    if not table:
        raise InputError(f"a {type(data).__name__} needs the table to classify", fix="pass table='schema.table'")
    return table


def _from_pandas(df: Any, name: str | None, n: int) -> Sample:
    import numpy as np
    import pyarrow as pa

    total = len(df)
    if total > n:
        # Sorted positions: taking rows in storage order is several times faster than in random order.
        df = df.take(np.sort(np.random.default_rng(SEED).choice(total, size=n, replace=False)))
    df = df.rename(columns=str)
    columns: dict[str, ColumnValues] = {}
    types: dict[str, str] = {}
    for c in df.columns:
        try:
            arr = pa.Array.from_pandas(df[c])
            columns[c], types[c] = from_arrow(arr), str(arr.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # object columns mixing types: classify their text form
            columns[c], types[c] = from_python(df[c].tolist(), "string"), "string"
    return Sample(columns, name, types, total, len(df))


def _from_arrow(tbl: Any, name: str | None, n: int) -> Sample:
    import numpy as np
    import pyarrow as pa

    if isinstance(tbl, pa.RecordBatch):
        tbl = pa.Table.from_batches([tbl])
    total = tbl.num_rows
    if total > n:
        idx = np.sort(np.random.default_rng(SEED).choice(total, size=n, replace=False))
        tbl = tbl.take(pa.array(idx))
    columns = {f.name: from_arrow(tbl.column(f.name)) for f in tbl.schema}
    return Sample(columns, name, {f.name: str(f.type) for f in tbl.schema}, total, tbl.num_rows)


def _from_location(loc: str, table: str | None, n: int) -> Sample:
    if is_database_location(loc):
        return _from_uri(loc, table, n)
    path = Path(loc[len("file://"):] if loc.startswith("file://") else loc)
    if not path.exists():
        raise InputError(f"input not found: {path}", where=str(path), fix="check the path")
    if not path.is_file() or not str(path).lower().endswith(FILE_SUFFIXES):
        raise InputError(f"cannot read {path.name}: not a CSV, TSV or Parquet file", where=str(path),
                         fix="give a .csv, .tsv or .parquet file, or a URI such as duckdb:///x.db::schema.table")
    if path.stat().st_size == 0:
        from maskline.engine.csv_read import empty_file

        raise empty_file(path)  # as maskline mask says it
    if str(path).lower().endswith((".parquet", ".pq")):
        from maskline.engine.parquet_faults import parquet_fault

        fault = parquet_fault(path)  # the masking's check: the same fault, named
        if fault is not None:
            raise fault
    import duckdb

    con = _file_connection()
    try:
        if str(path).lower().endswith((".parquet", ".pq")):
            rel = con.read_parquet(str(path))
            types = dict(zip(rel.columns, (str(t) for t in rel.types), strict=True))
            # Parquet numbers its rows: a sample chosen by row number reads only the pages that hold it. A file
            # with a column of that name hides the row number; it is sampled like a CSV.
            columns, rows, total = grouped_sample(rel, n, row_number=None if ROW_NUMBER in rel.columns
                                                  else ROW_NUMBER)
        else:
            from maskline.engine.csv_read import open_csv

            csv = open_csv(con, path)  # the masking's reader: the same columns, or the same fault
            return _from_csv(csv, n)
    except duckdb.Error as e:
        failed: str | None = type(e).__name__  # only its class: its text quotes the row
    else:
        failed = None
    finally:
        con.close()
    if failed is not None:  # raised outside the handler, which holds the engine's error
        raise InputError(f"cannot read {path.name}: {failed}", where=str(path),
                         fix="check that the file is a valid, non-empty CSV or Parquet file")
    return Sample(columns, _file_table_name(path), types, total, rows)


def _from_csv(csv: CsvInput, n: int) -> Sample:
    """Sample a CSV file :func:`maskline.engine.csv_read.open_csv` has opened (by the scan, or by the masking,
    which then classifies the file it opened rather than opening it again), on one thread so that the seeded
    sample is the same whichever connection it was opened on."""
    import duckdb

    try:
        with _one_thread(csv.connection):
            types = csv.sniffed_types()  # evidence; the values are sampled as text, so "01234" stays a postcode
            columns, rows, total = grouped_sample(csv.relation, n)
    except duckdb.Error as e:
        failed: str | None = type(e).__name__  # only its class: its text quotes the row
    else:
        failed = None
    if failed is not None:  # raised outside the handler, which holds the engine's error
        raise csv.fault() or InputError(f"cannot read {csv.path.name}: {failed}", where=str(csv.path),
                                        fix="check that the file is a valid, non-empty CSV file")
    return Sample(columns, _file_table_name(csv.path), types, total, rows)


ROW_NUMBER = "file_row_number"  # DuckDB's virtual column of a Parquet row's position in its file
_FILE_DATABASES: dict[int, Any] = {}  # by process id: a forked child never uses (or closes) its parent's
_FILE_DATABASES_LOCK = threading.Lock()


def _file_connection() -> Any:
    """A new connection to the in-memory DuckDB database files are read through, made on first use in each
    process.

    Opening a DuckDB database costs about 20 ms of CPU, a tenth of sampling a large file; each sample reads
    through a connection of its own (``cursor()``), so threads may sample at once. One thread: DuckDB repeats a
    seeded CSV sample only when one thread draws it, and counting 10,000 rows gains little from a second.
    """
    pid = os.getpid()
    with _FILE_DATABASES_LOCK:
        if pid not in _FILE_DATABASES:
            import atexit

            import duckdb

            from maskline.adapters.duckdb_spill import spill_privately

            _FILE_DATABASES[pid] = duckdb.connect(config={"threads": 1})
            spill_privately(_FILE_DATABASES[pid])  # samples are raw rows: not spilled into the working directory
            atexit.register(close_file_database)
        return _FILE_DATABASES[pid].cursor()


def close_file_database() -> None:
    """Close this process's file-reading database (registered to run at exit; a later sample opens a new one).

    Closed at exit, before the interpreter's teardown: left to it, the database would be freed while modules
    are cleared, the moment a DuckDB destructor must not run into (one hung a test run for 30 minutes).

    >>> _ = _file_connection().close(); close_file_database(); os.getpid() in _FILE_DATABASES
    False
    """
    with _FILE_DATABASES_LOCK:
        con = _FILE_DATABASES.pop(os.getpid(), None)  # never a forked parent's: its threads are not ours
    if con is not None:
        con.close()


def _row_blocks(total: int, n: int) -> list[tuple[int, int]]:
    """Where a sample of ``n`` of ``total`` rows is read: the first and last row number of each run.

    The table is cut into ``max(MIN_RUNS, ceil(n / RUN_ROWS))`` equal strata (fewer when ``n`` is smaller) and
    one run of consecutive rows is read at a seeded place in each, so the sample spans the whole table and is
    the same on every run. Runs, not single rows: DuckDB skips the rows between them without decoding them,
    and a Parquet sample of 10,000 rows from a million then costs about a third of a row-by-row (Bernoulli)
    sample, which decodes every row.

    >>> _row_blocks(1_000_000, 30)[:3]
    [(83810, 83812), (114592, 114594), (203278, 203280)]
    >>> _row_blocks(5, 3)
    [(0, 0), (1, 1), (4, 4)]
    """
    import random

    k = min(n, max(MIN_RUNS, -(-n // RUN_ROWS)))
    rng = random.Random(SEED)
    blocks = []
    for i in range(k):
        lo, hi = i * total // k, (i + 1) * total // k  # this stratum's rows: lo .. hi - 1
        size = min(n // k + (i < n % k), hi - lo)
        start = lo + rng.randrange(hi - lo - size + 1)
        blocks.append((start, start + size - 1))
    return blocks


def duckdb_kind(type_name: str) -> str:
    """The classifier's kind of a DuckDB type.

    >>> duckdb_kind("DECIMAL(10,2)"), duckdb_kind("TIMESTAMP WITH TIME ZONE"), duckdb_kind("STRUCT(a INTEGER)")
    ('float', 'date', 'nested')
    """
    t = type_name.upper()
    if t == "BOOLEAN":
        return "bool"
    if t in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
             "UBIGINT", "UHUGEINT"):
        return "integer"
    if t in ("FLOAT", "DOUBLE", "REAL") or t.startswith("DECIMAL"):
        return "float"
    if t == "DATE" or t.startswith("TIMESTAMP"):
        return "date"
    if t == "BLOB" or t.startswith("BIT"):
        return "binary"
    if t.startswith(("STRUCT", "MAP", "UNION")) or t.endswith("]"):
        return "nested"
    return "string"


def grouped_sample(rel: Any, n: int, row_number: str | None = None) -> tuple[dict[str, ColumnValues], int, int]:
    """Sample ``n`` rows of a DuckDB relation and count each column's distinct text forms.

    Built with DuckDB's expression API (no SQL text, no sqlglot, no Arrow). With
    ``row_number`` (a column numbering the rows, such as Parquet's virtual
    ``file_row_number``), the sample is the runs of rows :func:`_row_blocks`
    chooses, in row-number order, whatever the thread count; without it, a
    seeded Bernoulli sample, then LIMIT (repeatable on one thread). It is read
    back in one query, every column already in the form the classifier reads
    (trimmed text, a date's year); Python only counts. Values come in order of
    first appearance in the sample, so the same sample always gives the same
    columns. Returns the columns, the sampled rows and the relation's total rows.

    >>> import duckdb
    >>> cols, rows, total = grouped_sample(duckdb.sql("SELECT range % 3 AS k FROM range(100)"), 10)
    >>> rows, total, cols["k"].kind
    (10, 100, 'integer')
    >>> cols, rows, total = grouped_sample(duckdb.sql("SELECT range AS i, range % 3 AS k FROM range(100)"), 10,
    ...                                    row_number="i")
    >>> rows, cols["i"].values
    (10, ('1', '10', '24', '33', '43', '52', '61', '78', '81', '99'))
    """
    from duckdb import ColumnExpression, ConstantExpression, FunctionExpression

    total = int(rel.aggregate([FunctionExpression("count_star")]).fetchall()[0][0])  # Parquet: from its metadata
    readers = [_ColumnReader(name, str(dtype)) for name, dtype in zip(rel.columns, rel.types, strict=True)]
    exprs = [e.alias(f"c{i}") for i, e in enumerate(e for r in readers for e in r.expressions())]
    if total > n and row_number is not None:
        at = ColumnExpression(row_number)
        runs = [at.between(ConstantExpression(first), ConstantExpression(last)) for first, last in
                _row_blocks(total, n)]
        chosen = runs[0]
        for run in runs[1:]:
            chosen = chosen | run
        # Ordered by row number, so neither DuckDB's threads nor its scan order change the sample's order; the
        # row number is fetched last and not read.
        order = ColumnExpression(row_number).alias(f"c{len(exprs)}")
        fetched = rel.filter(chosen).project(*exprs, order).order(f"c{len(exprs)}").fetchall() if exprs else []
    else:
        # Row-level Bernoulli with 10% oversampling, then LIMIT: one pass, faster than a reservoir over Parquet.
        drawn = rel if total <= n else rel.sample(percent=min(100.0, 110.0 * n / total), method="bernoulli",
                                                  seed=SEED).limit(n)
        fetched = drawn.project(*exprs).fetchall() if exprs else []
    rows = len(fetched)
    # Each column's values, in sample order.
    data = iter(list(zip(*fetched, strict=True)) if fetched else [()] * len(exprs))
    columns = {r.name: r.read([next(data) for _ in range(r.width)], rows) for r in readers}
    return columns, rows, total


# The types DuckDB's date functions do not take, and the one they are read as (a name in duckdb.sqltypes).
_MICROSECOND_TWIN = {"TIMESTAMPTZ_NS": "TIMESTAMP_TZ"}


class _ColumnReader:
    """How one DuckDB column is read for the classifier: the expressions fetched, then how they are counted."""

    def __init__(self, name: str, type_name: str) -> None:
        self.name = name
        self.kind = duckdb_kind(type_name)
        self.timestamp = type_name.upper().startswith("TIMESTAMP")
        self.width = 2 if self.kind == "date" and self.timestamp else 1
        # DuckDB's year() and date_trunc() take no nanosecond timestamp with a time zone (a Parquet
        # timestamp[ns, tz]): it is read at microseconds, with its zone, which changes neither its year nor its day.
        self.microseconds = _MICROSECOND_TWIN.get(type_name.upper())

    def expressions(self) -> list[Any]:
        from duckdb import ColumnExpression, ConstantExpression, FunctionExpression, sqltypes

        col = ColumnExpression(self.name)  # one identifier, dots and quotes included
        if self.kind in ("bool", "binary"):
            return [col.isnull()]
        if self.kind == "date":
            if self.microseconds is not None:
                col = col.cast(getattr(sqltypes, self.microseconds))
            year = [FunctionExpression("year", col)]
            if self.timestamp:  # whether this timestamp has no time of day
                return [*year, col == FunctionExpression("date_trunc", ConstantExpression("day"), col)]
            return year
        if self.kind == "float":  # whole floats ("10115.0") are rewritten in Python, as typed
            return [col.cast(sqltypes.VARCHAR)]
        return [FunctionExpression("trim", col.cast(sqltypes.VARCHAR))]

    def read(self, fetched: list[tuple[Any, ...]], rows: int) -> ColumnValues:
        from collections import Counter

        values = fetched[0]
        if self.kind in ("bool", "binary"):
            return ColumnValues(self.kind, (), (), rows, sum(1 for is_null in values if is_null))
        if self.kind == "date":
            years = Counter(values)  # counted in C, then the NULLs dropped: the same counts, in the same order
            years.pop(None, None)
            midnight = all(m for m in fetched[1] if m is not None) if self.timestamp else True
            return ColumnValues("date", (), (), rows, rows - sum(years.values()), tuple(years.items()), midnight)
        if self.kind == "float":
            return with_head(from_counts(self.kind, Counter(values).items(), rows, 0), values)
        counts = Counter(values)  # NULLs and empty strings are counted as missing
        counts.pop(None, None)
        counts.pop("", None)
        return with_head(ColumnValues(self.kind, tuple(counts), tuple(counts.values()), rows,
                                      rows - sum(counts.values())), values)


def _file_table_name(path: Path) -> str:
    name = path.name
    for suffix in FILE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _duckdb_sample_sql(table: str, n: int, total: int | None = None) -> str:
    """DuckDB sampling SQL: row-level Bernoulli when the size is known (a single cheap pass, about 3x
    faster than a reservoir over Parquet), a reservoir otherwise, everything for small tables.

    The Bernoulli sample is oversampled (:func:`_percent`) and bounded (:func:`_cap`), and the caller thins it
    evenly (:func:`_thin`): a ``LIMIT n`` on it would keep the rows the scan met first and leave out the table's end.

    >>> _duckdb_sample_sql("main.t", 100, 1_000_000)
    'SELECT * FROM main.t TABLESAMPLE BERNOULLI (0.015000 PERCENT) REPEATABLE (42) LIMIT 200'
    """
    import sqlglot

    if total is not None and total <= n:
        template = "SELECT * FROM t"
    elif total:
        template = (f"SELECT * FROM t TABLESAMPLE BERNOULLI ({_percent(n, total)} PERCENT) REPEATABLE ({SEED}) "
                    f"LIMIT {_cap(n)}")
    else:
        template = f"SELECT * FROM t USING SAMPLE reservoir({int(n)} ROWS) REPEATABLE ({SEED})"
    query = sqlglot.parse_one(template, read="duckdb")
    _swap_table(query, table, "duckdb")
    return query.sql("duckdb")


def _swap_table(query: Any, table: str, dialect: str) -> None:
    from sqlglot import exp

    target = exp.to_table(table, dialect=dialect)
    node = query.find(exp.Table)
    for arg in ("this", "db", "catalog"):
        node.set(arg, target.args.get(arg))


def _from_uri(uri: str, table: str | None, n: int) -> Sample:
    from maskline.adapters.url import parse_url

    url = parse_url(uri, where=redact_uri(uri))
    table = table or url.table
    if not table:
        raise InputError(f"the URI names no table: {url.shown}", where=url.shown,
                         fix="append ::schema.table, e.g. duckdb:///warehouse.db::main.customers")
    con = url.connect(read_only=True)
    try:
        if url.engine.name == "duckdb":
            con.execute("SET threads = 1")  # our own connection: a seeded sample repeats only on one thread
            return _from_duckdb(con, table, n)
        return _from_dbapi(con, table, n, dialect=url.engine.name)
    finally:
        con.close()


@contextmanager
def _one_thread(con: Any) -> Iterator[None]:
    """The caller's DuckDB connection on one thread while it is sampled, then its own setting back: a seeded
    Bernoulli sample repeats only on one thread, and the connection is the caller's to keep as it was.

    >>> import duckdb
    >>> con = duckdb.connect(config={"threads": 3})
    >>> with _one_thread(con):
    ...     con.sql("SELECT current_setting('threads')").fetchall()[0][0]
    1
    >>> con.sql("SELECT current_setting('threads')").fetchall()[0][0]
    3
    """
    threads = con.sql("SELECT current_setting('threads')").fetchall()[0][0]
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        con.execute(f"SET threads = {int(threads)}")


def _from_duckdb(con: Any, table: str, n: int) -> Sample:
    import duckdb
    import sqlglot
    from sqlglot import exp

    try:
        rel = con.sql(sqlglot.select("*").from_(exp.to_table(table, dialect="duckdb")).sql("duckdb"))
        types = dict(zip(rel.columns, (str(t) for t in rel.types), strict=True))
        count_sql = sqlglot.select("count(*)").from_(exp.to_table(table, dialect="duckdb")).sql("duckdb")
        total = con.sql(count_sql).fetchall()[0][0]
        # The caller's connection (perhaps read-only) gets no temporary table: rows come back as Python values.
        result = con.sql(_duckdb_sample_sql(table, n, total))
        names = list(result.columns)
        rows = _thin(result.fetchall(), n)
    except duckdb.CatalogException:
        missing = True  # said below, outside the handler: DuckDB's message (it quotes names) is not kept
    except duckdb.Error as e:
        raise ClassificationError(f"sampling {table} failed: {type(e).__name__}", where="DuckDB",
                                  fix="check that the table is readable") from None
    else:
        missing = False
    if missing:
        raise InputError(f"table not found: {table}", where="DuckDB", fix=_closest_table(con, table, "?"))
    return Sample(_python_columns(names, rows), table, types, total, len(rows))


def _closest_table(con: Any, table: str, marker: str) -> str:
    """The fix for a table that is not there: the closest ``schema.table`` of the connection's database (names are
    the catalog's structure, never values), or where to look when the catalog cannot be listed.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE customers (id INTEGER)")
    >>> _closest_table(con, "main.custmers", "?"), _closest_table(con, "custmers", "?")
    ("did you mean 'main.customers'?", "did you mean 'customers'?")
    """
    from maskline.errors import did_you_mean

    sql = ("SELECT table_schema || '.' || table_name FROM information_schema.tables "
           f"WHERE table_schema NOT IN ({marker}, {marker}) ORDER BY 1")
    hidden = ("information_schema", "pg_catalog")
    try:
        if hasattr(con, "sql"):  # DuckDB
            names = [r[0] for r in con.execute(sql, hidden).fetchall()]
        else:
            cur = con.cursor()
            try:
                cur.execute(sql, hidden)
                names = [r[0] for r in cur.fetchall()]
            finally:
                cur.close()
            _rollback(con)
    except Exception:  # noqa: BLE001 - a catalog this connection cannot list (SQLite): the plain fix
        _rollback(con)
        return "check the schema and table name"
    if not names:
        return "check the schema and table name: the database has no table"
    if "." not in table:  # written unqualified: compared with the tables' own names
        names = sorted({n.rsplit(".", 1)[-1] for n in names})
    fix = did_you_mean(table, names)
    return fix if fix.startswith("did you mean") else "check the schema and table name"


def _python_columns(names: list[str], rows: list[Any]) -> dict[str, ColumnValues]:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    return {name: from_python(list(col)) for name, col in zip(names, columns, strict=True)}


def _dbapi_dialect(con: Any) -> str:
    from maskline.adapters import engine_of

    return engine_of(con).name


def _from_dbapi(con: Any, table: str, n: int, dialect: str | None = None) -> Sample:
    dialect = dialect or _dbapi_dialect(con)
    import sqlglot
    from sqlglot import exp

    target = exp.to_table(table, dialect=dialect)
    cur = con.cursor()
    try:
        total = _estimated_rows(cur, target, dialect)
        # Bounded even when the size is known to be small: PostgreSQL's size is an estimate.
        query = sqlglot.select("*").from_(target).limit(n)
        sampled = query
        if total is None or total > n:
            sampler = _DBAPI_SAMPLES.get(dialect)
            sampled = sampler(cur, query, table, n, total) if sampler else _engine_rows(query, table, n, total,
                                                                                       dialect)
        names, rows = _fetch(cur, sampled, dialect)
        if sampled is not query and len(rows) < min(n, total or n) // 2:
            # A block sample of a small table can come back (nearly) empty: the first rows instead.
            names, rows = _fetch(cur, query, dialect)
        rows = _thin(rows, n)
        types = _column_types(cur, target, dialect, names)
    except Exception as e:  # noqa: BLE001 - any driver error; reported by class only
        _rollback(con)
        if type(e).__name__ in ("UndefinedTable", "OperationalError", "ProgrammingError") and \
                ("exist" in str(e) or "no such table" in str(e)):
            raise InputError(f"table not found: {table}", where=dialect, fix=_closest_table(con, table, "%s")) \
                from None
        raise ClassificationError(f"sampling {table} failed: {type(e).__name__}", where=dialect,
                                  fix="check that the table exists and the connection can read it") from None
    finally:
        cur.close()
    return Sample(_python_columns(names, rows), table, types, total, len(rows))


def _fetch(cur: Any, query: Any, dialect: str) -> tuple[list[str], list[Any]]:
    cur.execute(query.sql(dialect))
    return [d[0] for d in cur.description], cur.fetchall()


def _sqlite_rows(cur: Any, query: Any, table: str, n: int, total: int | None) -> Any:
    """Rows ordered by a fixed scramble of their rowid (Knuth's multiplicative hash): SQLite's ``random()``
    takes no seed, and this picks the same rows, spread over the whole table, on every run. A view or a
    ``WITHOUT ROWID`` table has no rowid: its first ``n`` rows are read, which also repeat.

    >>> import sqlite3, sqlglot
    >>> cur = sqlite3.connect(":memory:").execute("CREATE TABLE t (a)")
    >>> _sqlite_rows(cur, sqlglot.select("*").from_("t").limit(5), "t", 5, 100).sql("sqlite")
    'SELECT * FROM t ORDER BY ((rowid + 42) * 2654435761) % 4294967296 LIMIT 5'
    """
    import sqlglot
    from sqlglot import exp

    try:
        cur.execute(sqlglot.select("rowid").from_(exp.to_table(table, dialect="sqlite")).limit(0).sql("sqlite"))
    except Exception:  # noqa: BLE001 - no rowid to order by (a view, WITHOUT ROWID): the first rows instead
        return query
    scramble = exp.Mod(this=exp.paren(exp.Mul(this=exp.paren(exp.Add(this=exp.column("rowid"),
                                                                        expression=exp.Literal.number(SEED))),
                                             expression=exp.Literal.number(2654435761))),
                       expression=exp.Literal.number(4294967296))
    return query.order_by(scramble)


# Each engine's own sample clause, read in one pass: ``ORDER BY random()`` would sort the whole table to keep n
# rows. PostgreSQL and Databricks repeat with REPEATABLE; Trino, Snowflake's row sampling, BigQuery and open-source
# Spark take no seed, so their samples differ from run to run (ORDER BY random()'s do too).
_TABLESAMPLE = {
    "postgres": "TABLESAMPLE BERNOULLI ({percent}) REPEATABLE ({seed})",
    "trino": "TABLESAMPLE BERNOULLI ({percent})",
    "snowflake": "TABLESAMPLE BERNOULLI ({percent})",
    "bigquery": "TABLESAMPLE SYSTEM ({percent} PERCENT)",
    "spark": "TABLESAMPLE ({percent} PERCENT)",
    "databricks": "TABLESAMPLE ({percent} PERCENT) REPEATABLE ({seed})",
}


def _percent(n: int, total: int | None) -> str:
    """The share of rows a Bernoulli sample takes to yield about 1.5 n rows (so rarely fewer than n).

    >>> _percent(100, 1_000_000)
    '0.015000'
    """
    return f"{100.0 if not total else min(100.0, 100.0 * 1.5 * n / total):.6f}"


def _cap(n: int) -> int:
    # A bound on what the engine sends back: twice the rows wanted. It is reached only when the size was
    # underestimated, and then LIMIT keeps the rows the scan met first.
    return 2 * int(n)


def _thin(rows: list[Any], n: int) -> list[Any]:
    """At most ``n`` rows, picked evenly over the sample. The sample is drawn over the whole table but comes back
    in scan order: keeping its first ``n`` rows (a ``LIMIT`` on the oversampled query) would favour the table's
    start.

    >>> _thin(list(range(12)), 4)
    [0, 3, 6, 9]
    """
    if len(rows) <= n:
        return rows
    return [rows[i * len(rows) // n] for i in range(n)]


def _engine_rows(query: Any, table: str, n: int, total: int | None, dialect: str) -> Any:
    """The engine's own ``TABLESAMPLE`` (oversampled, then thinned by :func:`_thin`); an engine without one gets
    ``ORDER BY random()``.

    >>> _engine_rows(None, "sales.t", 100, 1_000_000, "trino").sql("trino")
    'SELECT * FROM sales.t TABLESAMPLE BERNOULLI (0.015000) LIMIT 200'
    >>> _engine_rows(None, "public.t", 100, 1_000_000, "postgres").sql("postgres")
    'SELECT * FROM public.t TABLESAMPLE BERNOULLI (0.015000) REPEATABLE (42) LIMIT 200'
    >>> _engine_rows(None, "t", 100, 1_000_000, "bigquery").sql("bigquery")
    'SELECT * FROM t TABLESAMPLE SYSTEM (0.015000 PERCENT) LIMIT 200'
    """
    import sqlglot

    clause = _TABLESAMPLE.get(dialect)
    if clause is None:
        return _random_rows(query)
    sampled = sqlglot.parse_one(f"SELECT * FROM t {clause.format(percent=_percent(n, total), seed=SEED)} "
                                f"LIMIT {_cap(n)}", read=dialect)
    _swap_table(sampled, table, dialect)
    return sampled


def _random_rows(query: Any) -> Any:
    """``ORDER BY random()``: for an engine with no sample clause of its own; another sample each time."""
    from sqlglot import exp

    return query.order_by(exp.Rand())


# How each DB-API engine samples a table larger than the sample; the rest take _engine_rows.
_DBAPI_SAMPLES = {"sqlite": _sqlite_rows}


def _rollback(con: Any) -> None:
    import contextlib

    with contextlib.suppress(Exception):  # autocommit connections have nothing to roll back
        con.rollback()


def _estimated_rows(cur: Any, target: Any, dialect: str) -> int | None:
    import sqlglot

    if dialect == "postgres":
        cur.execute("SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = to_regclass(%s)",
                    (target.sql("postgres"),))
        row = cur.fetchone()
        if row is None:
            cur.execute(sqlglot.select("*").from_(target).limit(0).sql("postgres"))  # raises UndefinedTable
            return None
        if row[0] is not None and row[0] >= 0:
            return int(row[0])
    cur.execute(sqlglot.select("count(*)").from_(target).sql(dialect))
    return int(cur.fetchone()[0])


def _column_types(cur: Any, target: Any, dialect: str, names: list[str]) -> dict[str, str]:
    from maskline.adapters import engine

    return dict(engine(dialect).columns(cur, target))  # the engine's adapter knows its catalog


def _from_sqlalchemy(engine: Any, table: str, n: int) -> Sample:
    conn_or_engine = engine
    from maskline.adapters import engine

    name = engine(conn_or_engine.dialect.name).name
    if hasattr(conn_or_engine, "raw_connection"):
        raw = conn_or_engine.raw_connection()
        try:
            return _from_dbapi(raw.driver_connection, table, n, dialect=name)
        finally:
            raw.close()
    raw = conn_or_engine.connection.driver_connection
    return _from_dbapi(raw, table, n, dialect=name)
