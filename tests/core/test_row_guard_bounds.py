"""Row guards as tight as the forms the classifier reads: widths, months' names, a path's separator and end.

Before round ``rowguard4`` three secrets fitted the forms every row of a passed column is held to, at row 50,001 of
columns whose sample of 10,000 rows held none of them: a card's sixteen digits in a text column of scores or amounts
(the ``numeric`` and ``money_amounts`` forms took digits of any width), ``21 Janet 1990`` in a column of dates
(a month was read by its first three letters, then any letters), and ``Ann.Smith`` in a column of storage paths (any
dotted end was a file's extension). Now a column of numbers or money amounts stored as text is held to the most
digits its sample showed and one more (:func:`maskline.sql.kind_shapes.bounded_shape`), months are named whole or by
their standard abbreviations, and a path needs a ``/`` before a part and a listed extension or a prefix's ``/``.
Each test fails on main: the secret came out raw. The controls: every other row passes unchanged.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from tests.core.bounded_rows import COLUMNS, SECRETS, bounded_row, secret_row
from tests.core.secret_past_sample import SecretsPastSample, policy_init_text

TABLE = SecretsPastSample("rg4_scores", COLUMNS, SECRETS, bounded_row, secret_row)


def test_maskline_mask_on_csv_masks_each_secret_that_fitted_mains_forms(tmp_path: Path) -> None:
    TABLE.check_mask_csv(tmp_path)


def test_maskline_mask_on_parquet_masks_each_secret_that_fitted_mains_forms(tmp_path: Path) -> None:
    TABLE.check_mask_parquet(tmp_path)


def test_the_query_path_on_duckdb_masks_each_secret_past_the_sample(tmp_path: Path) -> None:
    TABLE.check_duckdb(tmp_path, "score")


def test_the_query_path_on_postgres_masks_each_secret_past_the_sample(pg_dsn: str, tmp_path: Path) -> None:
    TABLE.check_postgres(pg_dsn, tmp_path, "score")


# Each form, on DuckDB: what a secret wrote that fitted main's form, and what the form's own values write.
FORMS = {
    "numeric_6": (["4111111111111111", "078051120", "4155550100", "1234567"], ["0", "-12.5", "123456", "1e5", ".5"]),
    "money_amounts_8": (["4111111111111111", "$4111111111111111", "DE89370400440532013000"],
                        ["12.50", "€1.234,50", "-12,345.67", "USD 99", "n/a"]),
    "calendar_dates": (["21 Janet 1990", "3 Augustine 2001", "Mayra 5, 1990", "12 Junior 2020", "Octavia 1, 2020"],
                       ["21 Jan 1990", "21 January 1990", "3 Sept. 2021", "1 Juli 2020", "5 fevrier 2019",
                        "May 5, 1990", "21.01.1990", "2024-01-31", "12 Mar 2020"]),
    "versions_6": (["4111.1111.1111.1111", "192.168.10.20", "415.555.0100"], ["1.2.3", "v2.10.0-rc.1", "10.4"]),
    "template_ids_8": (["T4155550100", "SSN078051120"], ["INV-000123", "PO#2024001", "ab_1234567"]),
    "storage_locations": (["Ann.Smith", "ann.smith", "x/Ann.Smith", "jsmith/", "a.csv"],
                          ["raw/orders.csv", "s3://lake/x/", "gs://b/p/part-0.snappy.parquet", "lake/RAW/A.CSV",
                           "/data/oak/orders/12/export.parquet"]),
}


@pytest.mark.parametrize("shape", sorted(FORMS))
def test_each_form_refuses_the_secret_and_keeps_its_own_values(shape: str) -> None:
    from maskline.sql.shape_guard import shape_held

    refused, kept = FORMS[shape]
    values = ", ".join(f"('{v}')" for v in refused + kept)
    sql = shape_held(exp.column("v"), shape, "varchar", lambda _: exp.Literal.string("[REDACTED]")).sql("duckdb")
    got = [r[0] for r in duckdb.sql(f"SELECT {sql} FROM (VALUES {values}) t(v)").fetchall()]
    assert got == ["[REDACTED]"] * len(refused) + kept


def test_the_width_is_the_samples_and_one_more(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import re

    text = policy_init_text(tmp_path / "s.csv", COLUMNS, bounded_row, 300, capsys)
    # 300 rows: ids of three digits and scores of at most five are held to six digits (4 + 1, 5 + 1)
    assert re.search(r"^ +id: \{pass: numeric_6\}", text, re.M)
    assert re.search(r"^ +score: \{pass: money_amounts_6\}", text, re.M)
