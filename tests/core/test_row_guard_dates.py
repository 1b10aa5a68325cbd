"""Nothing passes on a sample's judgement alone: dates, times, storage paths and a NONE confidence, on every row.

Before round ``rowguard3`` a text column the classifier passed for its calendar dates (``31.01.2024``) had no written
form: an e-mail or an SSN at row 50,001 came out raw from ``maskline mask`` and the query path. So did a column of
free text a stored scan judged NONE with 0.97 or more, and the fraction of an ISO timestamp had no bound, so a
card's sixteen digits passed as ``2024-01-31 09:00:05.4111111111111111``. Now dates are held to the written forms
the classifier reads (:data:`maskline.sql.kind_shapes.LABEL_FORMS`, ``calendar_dates``), a second's fraction to
nine digits, and text is never passed on a NONE confidence alone. Storage paths whose parts hold a street word and
a number (``/data/mill/orders/12/export.parquet``) were read as STREET_ADDRESS and masked whole; a column of them is
now refuted as addresses by its statistics (every distinct value a storage location) and passed, held to the
paths' form.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlglot import exp

from maskline.cli.main import main
from tests.core.dated_rows import COLUMNS, STREETS, dated_row
from tests.core.secret_past_sample import (
    assert_mask_redacts_only_the_secret_row,
    masked_runner,
    policy_file,
    policy_init_text,
    write_with_secret_last,
)

ROWS = 50_000
EMAIL = "quillon.vexmarra@example.com"
SSN = "078-05-1120"
CARD_IN_A_TIME = "2024-01-31 09:00:05.4111111111111111"  # a card's digits as a second's fraction
_row = dated_row


def _csv(path: Path, secret: str = EMAIL) -> Path:
    return write_with_secret_last(path, COLUMNS, _row, ROWS, secret)


@pytest.mark.parametrize("secret", [EMAIL, CARD_IN_A_TIME])
def test_maskline_mask_masks_a_secret_past_the_sample_of_dates_times_and_paths(tmp_path: Path, secret: str) -> None:
    assert_mask_redacts_only_the_secret_row(_csv(tmp_path / "orders.csv", secret), tmp_path / "out.csv", COLUMNS, _row,
                                            ROWS, secret)


def test_maskline_mask_on_parquet_masks_an_ssn_past_the_sample(tmp_path: Path) -> None:
    rows = [_row(i) for i in range(1, ROWS + 1)] + [[str(ROWS + 1), SSN, SSN, SSN]]
    source = tmp_path / "orders.parquet"
    pq.write_table(pa.table({name: [r[k] for r in rows] for k, name in enumerate(["id", *COLUMNS])}), source)
    out = tmp_path / "out.parquet"
    assert main(["mask", str(source), str(out)]) == 0
    got = pq.read_table(out).to_pylist()
    assert got[-1] == {"id": str(ROWS + 1), **dict.fromkeys(COLUMNS, "[REDACTED]")}
    # Control: every other row passes unchanged (the dates, the times and the paths were passed).
    assert [list(r.values()) for r in got[:-1]] == rows[:-1]




def _query_path(policy: Path, connection, dialect: str) -> None:  # type: ignore[no-untyped-def]
    run = masked_runner(policy, connection, dialect)
    cols = ", ".join(COLUMNS)
    found = run(f"SELECT {cols} FROM rg3_orders WHERE id = {ROWS + 1}")
    assert EMAIL not in str(found)
    assert found == [["[REDACTED]"] * len(COLUMNS)]
    # Control: the dates, times and paths pass unchanged.
    assert run(f"SELECT {cols} FROM rg3_orders WHERE id <= 2 ORDER BY id") == [_row(1)[1:], _row(2)[1:]]


def _none_alone(policy: Path, connection, dialect: str) -> None:  # type: ignore[no-untyped-def]
    """The stored scan says ``output_path`` is text without a fact, NONE 0.98 (another tool's, or edited): it was
    passed raw on that alone, every row; now it is masked by default, every row."""
    scan = policy.with_name("policy.scan.json")
    stored = json.loads(scan.read_text())
    columns = next(iter(stored["tables"].values()))["columns"]
    path = next(c for c in columns if c["name"] == "output_path")
    path["confidence"] = 0.98
    path["shape"]["facts"] = []
    scan.write_text(json.dumps(stored))
    run = masked_runner(policy, connection, dialect)
    assert run(f"SELECT output_path FROM rg3_orders WHERE id IN (1, {ROWS + 1}) ORDER BY id") == [["[REDACTED]"]] * 2


def _duckdb_table(tmp_path: Path) -> Path:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE rg3_orders AS SELECT * FROM read_csv('{_csv(tmp_path / 'orders.csv')}', "
                "all_varchar=true)")
    con.execute("ALTER TABLE rg3_orders ALTER id TYPE BIGINT")
    con.close()
    return db


def test_the_query_path_on_duckdb_masks_a_secret_past_the_sample_and_text_on_none_alone(tmp_path: Path) -> None:
    db = _duckdb_table(tmp_path)
    policy = policy_file(tmp_path)
    assert main(["scan", f"duckdb:///{db}::main.rg3_orders", "--policy", str(policy), "--save"]) == 0
    _query_path(policy, duckdb.connect(str(db)), "duckdb")
    _none_alone(policy, duckdb.connect(str(db)), "duckdb")


def _postgres_table(pg_dsn: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    import psycopg2

    con = psycopg2.connect(pg_dsn)
    con.autocommit = True
    source = _csv(tmp_path / "orders.csv")
    with con.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS rg3_orders")
        cur.execute("CREATE TABLE rg3_orders (id bigint, " + ", ".join(f"{c} text" for c in COLUMNS) + ")")
        with source.open() as f:
            cur.copy_expert("COPY rg3_orders FROM STDIN WITH (FORMAT csv, HEADER true)", f)
        cur.execute("ANALYZE rg3_orders")
    return con


def test_the_query_path_on_postgres_masks_a_secret_past_the_sample_and_text_on_none_alone(
        pg_dsn: str, tmp_path: Path) -> None:
    con = _postgres_table(pg_dsn, tmp_path)
    policy = policy_file(tmp_path)
    assert main(["scan", f"{pg_dsn}::public.rg3_orders", "--policy", str(policy), "--save"]) == 0
    _query_path(policy, con, "postgres")
    _none_alone(policy, con, "postgres")
    con.close()


def test_policy_init_writes_the_dates_and_paths_held(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import re

    from maskline.policy import load_policy

    text = policy_init_text(tmp_path / "orders.csv", COLUMNS, _row, 300, capsys)
    assert re.search(r"^ +order_date: \{pass: calendar_dates\}", text, re.M)
    assert re.search(r"^ +output_path: \{pass: storage_locations\}", text, re.M)  # on main: STREET_ADDRESS
    assert not re.search(r": \{pass: true\}", text)
    (tmp_path / "policy.yml").write_text(text)
    held = {c.name: c.held for c in next(iter(load_policy(tmp_path / "policy.yml").datasets.values())).columns.values()}
    assert held["order_date"] == "calendar_dates" and held["output_path"] == "storage_locations"


def test_text_is_not_passed_on_a_none_confidence_alone() -> None:
    from maskline.classify.decision import decide_unnamed
    from maskline.classify.result import ColumnClassification
    from maskline.classify.shape import ValueShape
    from maskline.policy import load_policy

    for confidence in (0.97, 0.99, 1.0):
        verdict = ColumnClassification("remark", None, confidence, None, shape=ValueShape("text"))
        decision = decide_unnamed(load_policy({}), "remark", verdict)
        assert decision.method is not None and decision.method.name == "redact", decision.rule
    # Control: text a fact vouches for passes, held to the fact's form.
    dates = ColumnClassification("due", None, 0.95, None, shape=ValueShape("text", facts=("dates",)))
    assert decide_unnamed(load_policy({}), "due", dates).shape == "calendar_dates"


def test_every_pass_the_decision_makes_is_held_to_a_listed_shape() -> None:
    # The backstop: a pass whose shape no written form holds is masked, whatever the sample showed.
    from maskline.classify import decision
    from maskline.classify.result import ColumnClassification
    from maskline.classify.shape import ValueShape
    from maskline.policy import load_policy

    verdict = ColumnClassification("n", None, 0.95, None, shape=ValueShape("numeric"))
    assert decision.decide_unnamed(load_policy({}), "n", verdict).shape == "numeric_6"  # no width kept: the narrowest
    original = decision.held_shapes
    try:
        decision.held_shapes = lambda: ()  # type: ignore[assignment]
        masked = decision.decide_unnamed(load_policy({}), "n", verdict)
    finally:
        decision.held_shapes = original  # type: ignore[assignment]
    assert masked.method is not None and "no written form" in masked.rule


# Values the classifier's date and time readings accept (each must pass) and values personal data is written in.
FORMS = {
    "calendar_dates": (["2024-01-31", "2024/1/5 10:00", "2024-01-31T09:00:05.123Z", "2024-01-31 09:00 UTC",
                        "31.01.2024", "07/21/1984", "20240131", "21 Jul 1984", "3 March 1990", "March 3, 1990",
                        "21-Okt-2011", "1984年7月21日", "1984년 7월 21일", " 31.01.2024 "],
                       [EMAIL, SSN, "4111111111111111", CARD_IN_A_TIME, "Ann Smith", "+1 415 555 0100",
                        "31.01.2024 Ann", "2024-01-31 ann@x.io"]),
    "temporal": (["2024-01-31", "2024-01-31T09:00", "2024-01-31 09:00:05.123456789Z"],
                 [EMAIL, SSN, CARD_IN_A_TIME, "2024-01-31 Ann"]),
    "storage_locations": (["s3://lake/raw/part-0001.parquet", "/data/mill/orders/12/export.parquet", "gs://b/exp/"],
                          [EMAIL, SSN, "4111.1111.1111.1111", "4111-1111-1111-1111", "ann smith.pdf"]),
}


@pytest.mark.parametrize("shape", sorted(FORMS))
def test_duckdb_and_postgres_keep_exactly_a_forms_values(shape: str, pg_conn) -> None:
    from maskline.sql.shape_guard import shape_held

    passing, other = FORMS[shape]
    placeholders = ["N/A", "-"] if shape != "temporal" else []
    values = [[v] for v in passing + placeholders + other]
    sql = exp.select(exp.alias_(shape_held(exp.column("v"), shape, "text", lambda c: exp.null()), "v")).from_("vals")
    con = duckdb.connect()
    con.execute("CREATE TABLE vals (v VARCHAR)")
    con.executemany("INSERT INTO vals VALUES (?)", values)
    assert sorted(v for (v,) in con.execute(sql.sql("duckdb")).fetchall() if v) == sorted(passing + placeholders)
    with pg_conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS vals")
        cur.execute("CREATE TEMP TABLE vals (v TEXT)")
        cur.executemany("INSERT INTO vals VALUES (%s)", values)
        cur.execute(sql.sql("postgres"))
        assert sorted(v for (v,) in cur.fetchall() if v) == sorted(passing + placeholders)


def test_the_dates_form_accepts_what_the_classifiers_dates_fact_accepts() -> None:
    # A form may accept what the fact refuses, never the reverse: a value the scan took for a date must pass.
    from maskline.infotypes.validators import parse_date

    assert all(parse_date(v) for v in FORMS["calendar_dates"][0])
    assert not any(parse_date(v) for v in FORMS["calendar_dates"][1] if v != CARD_IN_A_TIME)


def test_storage_paths_with_street_words_are_not_read_as_addresses() -> None:
    from maskline.classify.column import classify_column

    paths = [_row(i)[3] for i in range(1, 400)]
    verdict = classify_column("output_path", paths)
    assert verdict.info_type is None and "STREET_ADDRESS" in verdict.signals.refuted
    # Control: addresses with the same street words and numbers are still addresses.
    streets = [f"{i % 300 + 1} {STREETS[i % 6].title()} Road" for i in range(1, 400)]
    assert classify_column("address_line", streets).info_type == "STREET_ADDRESS"
