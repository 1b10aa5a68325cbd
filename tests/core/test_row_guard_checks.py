"""Row guards that hold a kind's check digit, a hex id's letters, a media type's and a label's digits, and a path's
dotted parts (round ``rowguard5``).

Before, six secrets fitted the forms every row of a passed column is held to, at row 50,001 of columns whose sample of
10,000 rows held none of them: an SSN written as nine digits behind a Federal Reserve prefix among routing numbers (the
form had no ABA check), a 13-digit Visa number among product numbers (no GS1 check), a card's digits behind ``0x``
among hex ids and as a media subtype (no width), a name and a postal code among labels without digits (any six
digits), and a directory named like a person among storage paths (``x/Ann.Smith/`` ended in a prefix's ``/``). Each
test fails on main: the secret came out raw. The controls: every other row passes unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from tests.core.guarded_rows import COLUMNS, SECRETS, guarded_row, secret_row
from tests.core.secret_past_sample import SecretsPastSample, policy_init_text

TABLE = SecretsPastSample("rg5_guarded", COLUMNS, SECRETS, guarded_row, secret_row)


def test_maskline_mask_on_csv_masks_each_secret_that_fitted_mains_forms(tmp_path: Path) -> None:
    TABLE.check_mask_csv(tmp_path)


def test_maskline_mask_on_parquet_masks_each_secret_that_fitted_mains_forms(tmp_path: Path) -> None:
    TABLE.check_mask_parquet(tmp_path)


def test_the_query_path_on_duckdb_masks_each_secret_past_the_sample(tmp_path: Path) -> None:
    TABLE.check_duckdb(tmp_path, "routing_number")


def test_the_query_path_on_postgres_masks_each_secret_past_the_sample(pg_dsn: str, tmp_path: Path) -> None:
    TABLE.check_postgres(pg_dsn, tmp_path, "routing_number")


# Each form, on DuckDB and PostgreSQL: what a secret wrote that fitted main's form, and what the form's own values write.
FORMS = {
    # SSNs of nine digits behind a Federal Reserve prefix that fail the ABA check (one in ten meets it: the remainder)
    "routing_numbers": (["123456789", "219099998", "071234567"],
                        ["011000015", "021000021", "026009593", "121000358", "n/a"]),
    # 13-digit Visa numbers (Luhn-valid) and a 12-digit one failing the GS1 check; GS1's restricted prefixes
    "product_numbers": (["4222222222222", "4111111111119", "2001234567893", "0412345678905"],
                        ["4006381333931", "5901234123457", "036000291452", "9780306406157"]),
    # an ISBN-10's four groups of up to twenty digits; ISBN-10 and ISBN-13 with and without hyphens
    "book_numbers": (["4111-1111111-1111111-1", "4111-111111-111111-1"],
                     ["978-3-16-148410-0", "9783161484100", "0-306-40615-2", "3-16-148410-X"]),
    "identifier": (["0x4111111111111111", "0x078051120", "0x4155550100", "0x" + "a" * 65],
                   ["0x1F", "0x00000012", "0x0000000000000012", "0x" + "ab" * 32, "0x7f3a9c",
                    "123e4567-e89b-12d3-a456-426614174000"]),
    "vocabulary_media_types": (["application/4111111111111111", "text/078051120"],
                               ["application/json", "application/vnd.iso11783-10+zip", "video/h263-2000"]),
    "labels_0": (["Ann Smith 10115", "PIN 4821", "acct 123456", "7"], ["basic", "Gold (EU)", "n/a", "C#"]),
    "labels_4": (["Ann Smith 10115", "acct 123456"], ["Size 10", "Room 1204", "10:00"]),
    "storage_locations": (["x/Ann.Smith/", "lake/ann.smith/", "x/Ann.Smith/a.csv", "s3://b/J.Doe/"],
                          ["raw/orders.csv", "s3://my.lake/x/", "gs://b/p/part-0.snappy.parquet", "x/v1.2/a.csv",
                           "/data/oak/orders/12/export.parquet", "../x/", "file:///data/2024.01.05/x.csv"]),
}


def _kept(shape: str, values: list[str], dialect: str, run) -> list[str]:  # type: ignore[no-untyped-def]
    from maskline.sql.shape_guard import shape_held

    rows = ", ".join("('" + v + "')" for v in values)
    sql = shape_held(exp.column("v"), shape, "varchar", lambda _: exp.Literal.string("[REDACTED]")).sql(dialect)
    return [r[0] for r in run(f"SELECT {sql} FROM (VALUES {rows}) t(v)")]


@pytest.mark.parametrize("shape", sorted(FORMS))
def test_each_form_refuses_the_secret_and_keeps_its_own_values_on_duckdb(shape: str) -> None:
    refused, kept = FORMS[shape]
    got = _kept(shape, refused + kept, "duckdb", lambda sql: duckdb.connect().execute(sql).fetchall())
    assert got == ["[REDACTED]"] * len(refused) + kept


@pytest.mark.parametrize("shape", sorted(FORMS))
def test_each_form_refuses_the_secret_and_keeps_its_own_values_on_postgres(shape: str, pg_conn) -> None:  # type: ignore[no-untyped-def]
    def run(sql: str) -> list[tuple[object, ...]]:
        with pg_conn.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())

    refused, kept = FORMS[shape]
    assert _kept(shape, refused + kept, "postgres", run) == ["[REDACTED]"] * len(refused) + kept


def test_the_routing_and_product_checks_are_the_classifiers() -> None:
    """The SQL checks keep exactly the values the classifier's own checks accept (python-stdnum's GS1, the ABA)."""
    from maskline.classify.safe_kinds import product_numbers, routing_numbers

    for shape, proven in (("routing_numbers", routing_numbers), ("product_numbers", product_numbers)):
        refused, kept = FORMS[shape]
        values = [v for v in refused + kept if v != "n/a"]
        got = _kept(shape, values, "duckdb", lambda sql: duckdb.connect().execute(sql).fetchall())
        assert [g != "[REDACTED]" for g in got] == [proven([v]) for v in values], shape


def test_a_media_type_may_have_as_many_digits_as_a_registered_one() -> None:
    from maskline.infotypes.vocabularies import listed_members
    from maskline.sql.kind_shapes import VOCABULARY_DIGITS

    most = max(len(re.findall("[0-9]", m)) for m in listed_members("media types"))
    assert most == VOCABULARY_DIGITS["vocabulary_media_types"]


def test_labels_are_held_to_their_samples_digits(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = policy_init_text(tmp_path / "s.csv", COLUMNS, guarded_row, 300, capsys)
    assert re.search(r"^ +tier: \{pass: labels_0\}", text, re.M)
    assert re.search(r"^ +routing_number: \{pass: routing_numbers\}", text, re.M)
    assert re.search(r"^ +ean: \{pass: product_numbers\}", text, re.M)
    assert re.search(r"^ +trace_id: \{pass: identifier\}", text, re.M)
    assert re.search(r"^ +content_type: \{pass: vocabulary_media_types\}", text, re.M)
    assert re.search(r"^ +output_path: \{pass: storage_locations\}", text, re.M)


def test_a_column_of_card_digits_behind_0x_is_no_id_column() -> None:
    from maskline.classify.shape import shape_of
    from maskline.classify.values import as_column_values

    cards = [f"0x4{i:015d}" for i in range(100)]
    assert shape_of(as_column_values(cards)).kind != "identifier"
    assert shape_of(as_column_values([f"0x{i * 7919:08x}a" for i in range(100)])).kind == "identifier"  # control
