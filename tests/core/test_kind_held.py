"""A text column passed for a proven safe kind passes only values of that kind, on every row.

The classifier proves a safe kind (money amounts, counts, workflow states, measurements, ...) on a sample of rows.
Before :mod:`maskline.sql.kind_shapes`, the pass rested on the sample alone: an e-mail address past it in an
``order_status`` or ``weight`` text column came out raw from ``maskline mask`` and from the query path. Now every
value must have the kind's written form (or be one of a few placeholders), or it is masked as unclassified.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from maskline.cli.main import main
from tests.core.secret_past_sample import assert_mask_redacts_only_the_secret_row, write_with_secret_last

ROWS = 200_000
SECRET = "quillon.vexmarra@example.com"
# Text columns, each proving its kind on any sample (N/A among them keeps the counts text), its name agreeing.
STATES = ["shipped", "pending", "cancelled", "delivered", "N/A"]
WEIGHTS = ["12.5 kg", "3 kg", "0,75 kg", "140 kg", "27.25 kg"]
QUANTITIES = ["3", "12", "N/A", "7", "140", "1"]
PRICES = ["1739,28 €", "12.34 €", "2 057.02 €", "144.50 €", "7.99 €", "88.10 €", "310.45 €", "19.95 €",
          "1.01 €", "46.62 €", "999.99 €", "5.03 €"]
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"]  # a closed vocabulary
COLUMNS = {"order_status": STATES, "weight": WEIGHTS, "order_qty": QUANTITIES, "price": PRICES, "tz": ZONES}


def _row(i: int) -> list[str]:
    return [str(i), *(values[i % len(values)] for values in COLUMNS.values())]


def _csv(path: Path) -> Path:
    return write_with_secret_last(path, list(COLUMNS), _row, ROWS, SECRET)


def test_maskline_mask_masks_a_value_past_the_sample_of_a_column_passed_for_its_kind(tmp_path: Path) -> None:
    assert_mask_redacts_only_the_secret_row(_csv(tmp_path / "orders.csv"), tmp_path / "out.csv", list(COLUMNS), _row,
                                            ROWS, SECRET)


def _query_path(uri: str, policy: Path, connection, dialect: str) -> None:  # type: ignore[no-untyped-def]
    from maskline.keys import resolve_key
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.rewrite.run import run_masked

    pol = load_policy(policy)
    cols = ", ".join(COLUMNS)

    def run(sql: str) -> list[list[object]]:
        return [list(r) for r in run_masked(connection, rewrite(sql, pol, dialect, connection=connection),
                                            resolve_key(pol.key)).rows]

    found = run(f"SELECT {cols}, units FROM orders WHERE id = {ROWS + 1}")
    assert SECRET not in str(found)
    assert found == [["[REDACTED]"] * len(COLUMNS) + [ROWS + 1]]
    # Control: kind values pass unchanged; the count stored as an integer is passed as it is.
    assert run(f"SELECT {cols}, units FROM orders WHERE id <= 2 ORDER BY id") == [_row(1)[1:] + [1], _row(2)[1:] + [2]]


def _policy(tmp_path: Path) -> Path:
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nkey: {env: MASKLINE_KEY}\n")
    return policy


def test_the_query_path_on_duckdb_masks_a_value_past_the_sample(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv('{_csv(tmp_path / 'orders.csv')}', all_varchar=true)")
    con.execute("ALTER TABLE orders ALTER id TYPE BIGINT")
    con.execute("ALTER TABLE orders ADD COLUMN units BIGINT")
    con.execute("UPDATE orders SET units = id")
    con.close()
    policy = _policy(tmp_path)
    uri = f"duckdb:///{db}"
    assert main(["scan", f"{uri}::main.orders", "--policy", str(policy), "--save"]) == 0
    con = duckdb.connect(str(db))
    _query_path(uri, policy, con, "duckdb")


def test_the_query_path_on_postgres_masks_a_value_past_the_sample(pg_dsn: str, tmp_path: Path) -> None:
    import psycopg2

    con = psycopg2.connect(pg_dsn)
    con.autocommit = True
    source = _csv(tmp_path / "orders.csv")
    with con.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS orders")
        cur.execute("CREATE TABLE orders (id bigint, order_status text, weight text, order_qty text, price text, "
                    "tz text)")
        with source.open() as f:
            cur.copy_expert("COPY orders FROM STDIN WITH (FORMAT csv, HEADER true)", f)
        cur.execute("ALTER TABLE orders ADD COLUMN units bigint")
        cur.execute("UPDATE orders SET units = id")
        cur.execute("ANALYZE orders")
    policy = _policy(tmp_path)
    assert main(["scan", f"{pg_dsn}::public.orders", "--policy", str(policy), "--save"]) == 0
    _query_path(pg_dsn, policy, con, "postgres")
    con.close()


# Per kind: values its test accepts (each must pass the guard) and values that are not the kind (each masked).
KINDS = {
    "money_amounts": (PRICES + ["-12.50", "USD 1,234.56", "1.234,56 kr", "R$ 10,50"], [SECRET, "12.3456", "Ann Lee"]),
    "event_epochs": (["1700000000123", "1700000000123456", "1500000000"], ["555123456", "0612345678", SECRET]),
    "book_numbers": (["978-3-16-148410-0", "0-306-40615-2", "9780306406157"], ["9434765919", SECRET]),
    "versions": (["1.4.2", "v2.0.11.3", "3.1.0-rc.2", "2.0.0RC1"], ["1.4.2+ann", "Ann 1.2", SECRET]),
    "routing_numbers": (["011000015", "021000021"], ["123-45-6789", "991234567", SECRET]),
    "product_numbers": (["4006381333931", "036000291452"], ["40063813339", "+4930123456", SECRET]),
    "counts": (["0", "7", "140", "999999"], ["-3", "1.5", "0042", "1234567", SECRET]),
    "flags": (["Y", "no", "TRUE", "ja", "0"], ["maybe", "Ann", SECRET]),
    "status_words": (["Shipped", "in_transit", "OUT-FOR-DELIVERY", "storniert", "pending"],
                     ["Catholic", "married", "Ann Lee", SECRET]),
    "http_statuses": (["200", "404", "503"], ["600", "2000", "20", SECRET]),
    "measurements": (WEIGHTS + ["256 MB", "15%", "30 min"], ["12 Main St", "4 kgs", SECRET]),
    "years": (["1999", "2024", "1950"], ["1949", "2100", "19999", SECRET]),
}
PLACEHOLDERS = ["", "N/A", "-", "unknown"]


def _kept(kind: str, run) -> list[str]:  # type: ignore[no-untyped-def]
    from maskline.sql.shape_guard import shape_held

    sql = exp.select(exp.alias_(shape_held(exp.column("v"), kind, "text", lambda c: exp.null()), "v")).from_("vals")
    return sorted(v for (v,) in run(sql) if v is not None)


def _values(kind: str) -> list[str]:
    passing, other = KINDS[kind]
    return passing + PLACEHOLDERS + other


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_duckdb_keeps_exactly_the_kinds_values_and_placeholders(kind: str) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE vals (v VARCHAR)")
    con.executemany("INSERT INTO vals VALUES (?)", [[v] for v in _values(kind)])
    kept = _kept(kind, lambda q: con.execute(q.sql("duckdb")).fetchall())
    assert kept == sorted(KINDS[kind][0] + PLACEHOLDERS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_sqlite_keeps_exactly_the_kinds_values_and_placeholders(kind: str) -> None:
    import sqlite3

    from maskline.adapters.sqlite import register_functions

    con = sqlite3.connect(":memory:")
    register_functions(con, None)
    con.execute("CREATE TABLE vals (v TEXT)")
    con.executemany("INSERT INTO vals VALUES (?)", [[v] for v in _values(kind)])
    kept = _kept(kind, lambda q: con.execute(q.sql("sqlite")).fetchall())
    assert kept == sorted(KINDS[kind][0] + PLACEHOLDERS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_postgres_keeps_exactly_the_kinds_values_and_placeholders(kind: str, pg_conn) -> None:
    with pg_conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS vals")
        cur.execute("CREATE TEMP TABLE vals (v TEXT)")
        cur.executemany("INSERT INTO vals VALUES (%s)", [[v] for v in _values(kind)])

        def run(q):  # type: ignore[no-untyped-def]
            cur.execute(q.sql("postgres"))
            return cur.fetchall()

        assert _kept(kind, run) == sorted(KINDS[kind][0] + PLACEHOLDERS)


# Closed public vocabularies listed in the query: members pass in any case, anything else is masked.
VOCABULARIES = {
    "vocabulary_time_zones": (ZONES + ["europe/paris", "Etc/GMT+5"], ["Europe/Ann", "Berlin", SECRET]),
    "vocabulary_currencies": (["USD", "eur", "CHF"], ["ANN", "US Dollar", SECRET]),
    "vocabulary_http": (["GET", "Not Found", "post"], ["Ann Lee", SECRET]),
    "vocabulary_colours": (["navy", "#ff8800", "#ABC", "RebeccaPurple"], ["#ggg", "Ann", "#ff8800 " + SECRET]),
}


@pytest.mark.parametrize("shape", sorted(VOCABULARIES))
def test_duckdb_and_postgres_keep_exactly_a_vocabularys_members(shape: str, pg_conn) -> None:
    passing, other = VOCABULARIES[shape]
    con = duckdb.connect()
    con.execute("CREATE TABLE vals (v VARCHAR)")
    con.executemany("INSERT INTO vals VALUES (?)", [[v] for v in passing + PLACEHOLDERS + other])
    assert _kept(shape, lambda q: con.execute(q.sql("duckdb")).fetchall()) == sorted(passing + PLACEHOLDERS)
    with pg_conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS vals")
        cur.execute("CREATE TEMP TABLE vals (v TEXT)")
        cur.executemany("INSERT INTO vals VALUES (%s)", [[v] for v in passing + PLACEHOLDERS + other])

        def run(q):  # type: ignore[no-untyped-def]
            cur.execute(q.sql("postgres"))
            return cur.fetchall()

        assert _kept(shape, run) == sorted(passing + PLACEHOLDERS)


def test_every_safe_kind_has_a_guard_and_its_values_are_the_kinds() -> None:
    from maskline.classify.named_kinds import named_kind
    from maskline.classify.safe_kinds import SafeKind
    from maskline.sql.kind_shapes import KIND_PATTERNS, KIND_WORDS

    assert {k.value for k in SafeKind} == set(KIND_PATTERNS) | set(KIND_WORDS) == set(KINDS)
    assert named_kind(STATES * 8) is SafeKind.STATUS_WORDS and named_kind(WEIGHTS * 8) is SafeKind.MEASUREMENTS
    for pattern in KIND_PATTERNS.values():
        assert pattern.startswith("^") and pattern.endswith("$") and not re.search(r"\\d|\(\?|\[\[:", pattern)


def test_a_kind_stored_as_integers_is_not_wrapped() -> None:
    from maskline.sql.shape_guard import shape_held

    col = exp.column("n")
    assert shape_held(col, "counts", "BIGINT", lambda c: exp.null()) is col
    assert shape_held(col, "counts", "varchar", lambda c: exp.null()) is not col


def test_the_classifier_and_the_guard_read_one_list_of_units_written_as_plain_text() -> None:
    # The guard's POSIX pattern joins the units unescaped: a unit holding a metacharacter would widen it.
    import re

    from maskline.classify.named_kinds import MEASURE_UNITS
    from maskline.sql.kind_shapes import KIND_PATTERNS

    assert all(re.escape(u) == u for u in MEASURE_UNITS)
    assert all(u in KIND_PATTERNS["measurements"] for u in MEASURE_UNITS)
