"""A header-only CSV or a Parquet file of no rows (a pipeline's empty day) is masked into an empty output with the
same columns: no row, nothing to leak. A scan of no rows vouches for nothing, so every column the policy does not
name is masked, and the output's columns have the types masked columns have on a day with rows."""

from __future__ import annotations

from pathlib import Path

import duckdb

from maskline.engine.files import mask_file
from tests.cli.test_first_use import run_cli

COLUMNS = "SELECT 1::INTEGER AS id, 'ann@example.org' AS email, 12.5::DECIMAL(10, 2) AS amount, DATE '2020-01-01' AS d"


def test_a_header_only_csv_is_masked_into_a_header_only_csv(tmp_path: Path) -> None:
    source, out = tmp_path / "people.csv", tmp_path / "people_masked.csv"
    source.write_text("email;full_name;note\n")
    r = run_cli("mask", str(source), str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text() == "email;full_name;note\n"  # the columns and the delimiter, no row
    assert r.stdout.startswith("0 rows masked into"), r.stdout
    assert r.stdout.count("unclassified: mask (no values sampled)") == 3, r.stdout


def test_an_empty_parquet_keeps_its_columns_typed_as_masked_columns_are(tmp_path: Path) -> None:
    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    duckdb.sql(f"COPY ({COLUMNS}) TO '{full}'")
    duckdb.sql(f"COPY ({COLUMNS} WHERE false) TO '{empty}'")
    names = ("id", "email", "amount", "d")
    every_column_redacted = {"datasets": {"full": {"columns": {n: {"method": "redact"} for n in names}}}}
    mask_file(full, tmp_path / "full_masked.parquet", every_column_redacted)
    report = mask_file(empty, tmp_path / "empty_masked.parquet", {})
    assert report.rows == 0
    assert [c.name for c in report.plan.masked] == list(names)  # even the numbers and the date: no evidence

    def schema(path: Path) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]

    assert schema(tmp_path / "empty_masked.parquet") == schema(tmp_path / "full_masked.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'empty_masked.parquet'}'").fetchall() == [(0,)]


def test_an_empty_parquet_masks_to_csv_from_the_command_line(tmp_path: Path) -> None:
    empty, out = tmp_path / "orders.parquet", tmp_path / "orders.csv"
    duckdb.sql(f"COPY ({COLUMNS} WHERE false) TO '{empty}'")
    r = run_cli("mask", str(empty), str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text() == "id,email,amount,d\n"


def _schema(path: Path) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]


def test_a_stored_scan_keeps_the_output_types_of_a_day_with_rows_on_an_empty_day(tmp_path: Path) -> None:
    from maskline.classify.stored import save_scan, scan_path_for
    from maskline.engine.frames import classify_for
    from maskline.policy import load_policy

    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir(), day2.mkdir()
    rows = " UNION ALL ".join(f"SELECT {i}::INTEGER AS id, 'p{i}@example.org' AS email, {i}.5::DECIMAL(10, 2) "
                              "AS amount" for i in range(1, 40))
    duckdb.sql(f"COPY ({rows}) TO '{day1 / 'orders.parquet'}'")
    duckdb.sql(f"COPY ({rows} LIMIT 0) TO '{day2 / 'orders.parquet'}'")
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\n")  # names no column: the stored scan decides them
    scan = classify_for(day1 / "orders.parquet", load_policy(policy), "orders")
    save_scan(scan_path_for(policy), "orders", scan, load_policy(policy))
    for day in (day1, day2):
        mask_file(day / "orders.parquet", day / "masked.parquet", policy)
    assert _schema(day2 / "masked.parquet") == _schema(day1 / "masked.parquet") == [
        ("id", "INTEGER"), ("email", "VARCHAR"), ("amount", "DECIMAL(10,2)")]  # the numbers pass, as scanned


def test_a_header_only_csv_keeps_the_output_types_its_policy_gives(tmp_path: Path) -> None:
    # A CSV is read as text, so only the policy's methods give other types (a text amount's bucket stays text); they
    # give them on an empty day too.
    (tmp_path / "full.csv").write_text("id,email,amount\n1,ann@example.org,12.50\n")
    (tmp_path / "empty.csv").write_text("id,email,amount\n")
    columns = {"id": {"pass": True}, "email": {"method": "email"},
               "amount": {"method": {"method": "generalize", "bucket": 10}}}
    for name in ("full", "empty"):
        mask_file(tmp_path / f"{name}.csv", tmp_path / f"{name}.parquet", {"datasets": {name: {"columns": columns}}})
    assert _schema(tmp_path / "empty.parquet") == _schema(tmp_path / "full.parquet") == [
        ("id", "VARCHAR"), ("email", "VARCHAR"), ("amount", "VARCHAR")]


# Columns whose type the classifier once read as proof enough: a BOOLEAN passed as "not sensitive" with no value
# seen, so an empty day's scan drafted `{pass: true}` for `hiv_positive`, kept for every later day.
TYPED = ("SELECT 1::INTEGER AS id, true AS hiv_positive, 'x'::BLOB AS photo, [1, 2] AS tags, "
         "TIMESTAMP '2020-01-01 10:00' AS created_at")


def test_an_empty_parquet_with_a_boolean_column_vouches_for_none_of_its_columns(tmp_path: Path) -> None:
    empty = tmp_path / "patients.parquet"
    duckdb.sql(f"COPY ({TYPED} WHERE false) TO '{empty}'")
    import json

    scan = run_cli("scan", str(empty), "--format", "json")
    assert scan.returncode == 0, scan.stderr
    verdicts = {c["name"]: (c["verdict"], "values:none sampled" in c["evidence"]) for c in
                json.loads(scan.stdout)["columns"]}
    assert verdicts == dict.fromkeys(("id", "hiv_positive", "photo", "tags", "created_at"), ("uncertain", True))
    draft = run_cli("policy", "init", str(empty))
    assert draft.returncode == 0, draft.stderr
    assert "pass: true" not in draft.stdout
    assert "review hiv_positive: masked by 'unclassified: mask': no values sampled" in draft.stdout
    report = mask_file(empty, tmp_path / "patients_masked.parquet", {})
    assert {c.name: c.rule for c in report.plan.columns} == dict.fromkeys(
        ("id", "hiv_positive", "photo", "tags", "created_at"), "unclassified: mask (no values sampled)")


def test_a_boolean_column_with_values_still_passes_as_not_sensitive(tmp_path: Path) -> None:
    full = tmp_path / "patients.parquet"
    duckdb.sql(f"COPY ({TYPED}) TO '{full}'")
    report = mask_file(full, tmp_path / "patients_masked.parquet", {})
    rules = {c.name: c.rule for c in report.plan.columns}
    assert rules["hiv_positive"] == "classifier: not sensitive (boolean, 0.95)"  # as before: a day with values
