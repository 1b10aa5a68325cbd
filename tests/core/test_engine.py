"""The local engine masks pandas, Arrow, CSV and Parquet on DuckDB, atomically, leaving no raw value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from maskline.demo.sample import sample_customers
from maskline.engine import mask_file, mask_frame
from maskline.errors import InputError, KeyMissingError, MaskingError, PolicyError
from maskline.keys import hmac_hex

POLICY = Path(__file__).parents[2] / "maskline" / "demo" / "customers_policy.yml"
SENSITIVE = ("full_name", "email", "phone", "ssn", "credit_card", "ip_address")


@pytest.fixture()
def customers() -> pd.DataFrame:
    return pd.DataFrame(sample_customers(300, seed=3))


def _assert_no_raw(raw: pd.DataFrame, masked: pd.DataFrame) -> None:
    text = masked.astype(str).to_csv()
    for col in SENSITIVE:
        for value in raw[col].astype(str):
            assert value not in text, f"raw {col} survived masking"


def test_mask_frame_keeps_columns_order_and_leaves_no_raw_value(customers, key) -> None:
    out = mask_frame(customers, POLICY, table="customers", key=key)
    assert list(out.columns) == list(customers.columns)
    assert len(out) == len(customers)
    _assert_no_raw(customers, out)
    assert out["plan"].tolist() == customers["plan"].tolist(), "unlisted columns pass through"
    assert out["ssn"].tolist() == [hmac_hex(key, v, 16) for v in customers["ssn"]]


def test_mask_frame_returns_arrow_for_arrow(customers, key) -> None:
    out = mask_frame(pa.Table.from_pandas(customers), POLICY, table="customers", key=key)
    assert isinstance(out, pa.Table)
    assert out.column_names == list(customers.columns)


def test_mask_file_csv_to_parquet_and_back(tmp_path, customers, key) -> None:
    src = tmp_path / "customers.csv"
    customers.to_csv(src, index=False)
    report = mask_file(src, tmp_path / "out.parquet", POLICY, key=key)
    assert report.rows == len(customers)
    assert len(report.plan.masked) == 9
    _assert_no_raw(customers, pq.read_table(tmp_path / "out.parquet").to_pandas())
    mask_file(tmp_path / "out.parquet", tmp_path / "again.csv", POLICY, table="customers", key=key)
    assert pacsv.read_csv(tmp_path / "again.csv").num_rows == len(customers)


def test_missing_key_writes_nothing(tmp_path, customers, monkeypatch) -> None:
    monkeypatch.delenv("MASKLINE_KEY")
    src = tmp_path / "customers.csv"
    customers.to_csv(src, index=False)
    with pytest.raises(KeyMissingError, match="MASKLINE_KEY"):
        mask_file(src, tmp_path / "out.csv", POLICY)
    assert list(tmp_path.iterdir()) == [src]


def test_generalize_to_a_year_is_total_an_unparseable_date_becomes_null(tmp_path, key) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,born\n1,alice@example.com\n2,1981-04-17\n")
    policy = {"datasets": {"people": {"columns": {"born": {"info_type": "DATE_OF_BIRTH"}}}}}
    mask_file(src, tmp_path / "out.csv", policy, key=key)
    out = (tmp_path / "out.csv").read_text()
    assert "alice" not in out and out.endswith(",1981\n") and "1981-04-17" not in out  # text keeps text: the year


def test_engine_failure_names_the_column_leaves_no_file_and_quotes_no_value(tmp_path, key) -> None:
    import duckdb

    # bucket on a DATE column: the engine has no cast from a date to a number and fails. A typed file: a CSV's
    # columns are read as text, where bucket gives NULL for what is no number, as on every engine.
    src = tmp_path / "people.parquet"
    duckdb.sql(f"COPY (SELECT 1 AS id, DATE '1981-04-17' AS born, 'alice@example.com' AS email) TO '{src}'")
    policy = {"datasets": {"people": {"columns": {"born": {"method": {"method": "generalize", "bucket": 10}},
                                                  "email": {"info_type": "EMAIL"}}}}}
    with pytest.raises(MaskingError) as info:
        mask_file(src, tmp_path / "out.parquet", policy, key=key)
    assert "'born'" in str(info.value) and "generalize" in str(info.value)
    assert "alice" not in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.parquet"]


def test_policy_column_missing_from_data_is_an_error_naming_the_closest(tmp_path, key) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,e_mail\n1,a@b.co\n")
    with pytest.raises(PolicyError, match="did you mean 'e_mail'"):
        mask_file(src, tmp_path / "out.csv", {"datasets": {"people": {"columns": {"email": {"info_type": "EMAIL"}}}}})


def test_an_empty_file_is_refused(tmp_path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("")
    with pytest.raises(InputError):
        mask_file(src, tmp_path / "out.csv", {"unclassified": "mask", "datasets": {"people": {"columns": {}}}})
    assert not (tmp_path / "out.csv").exists()


def test_a_header_without_rows_gives_an_empty_output_with_its_columns(tmp_path) -> None:
    # a pipeline's empty day: no row, nothing to leak (tests/cli/test_empty_input.py)
    src = tmp_path / "people.csv"
    src.write_text("id\n")
    report = mask_file(src, tmp_path / "out.csv", {"unclassified": "mask", "datasets": {"people": {"columns": {}}}})
    assert report.rows == 0 and (tmp_path / "out.csv").read_text() == "id\n"


def test_existing_output_is_kept_without_overwrite(tmp_path) -> None:
    src, dst = tmp_path / "people.csv", tmp_path / "out.csv"
    src.write_text("id,email\n1,a@b.co\n")
    dst.write_text("keep me")
    policy = {"datasets": {"people": {"columns": {"email": {"info_type": "EMAIL"}}}}}
    with pytest.raises(InputError, match="--overwrite"):
        mask_file(src, dst, policy)
    assert dst.read_text() == "keep me"
    mask_file(src, dst, policy, overwrite=True)
    assert "*****@b.co" in dst.read_text()


def test_unmask_for_identities_get_raw_values(customers, key) -> None:
    out = mask_frame(customers, POLICY, table="customers", key=key, identities=["role:pii_reader"])
    assert out["email"].tolist() == customers["email"].tolist()


def test_unclassified_mask_fails_closed_on_unlisted_columns(key) -> None:
    df = pd.DataFrame({"mystery": ["alice@example.com"]})
    out = mask_frame(df, {"unclassified": "mask", "datasets": {"t": {"columns": {}}}}, table="t", key=key)
    assert out["mystery"].tolist() == ["[REDACTED]"]


def test_mask_file_reports_progress_up_to_completion(tmp_path, customers, key) -> None:
    src = tmp_path / "customers.csv"
    customers.to_csv(src, index=False)
    seen: list[float] = []
    mask_file(src, tmp_path / "out.parquet", POLICY, key=key, progress=seen.append)
    assert seen and seen[-1] == 100.0
    assert all(0.0 <= p <= 100.0 for p in seen)


@pytest.mark.parametrize("fails", [False, True])
def test_embedded_connections_are_closed_after_masking_a_frame_or_a_file(tmp_path, monkeypatch, fails):
    import duckdb
    import pyarrow as pa

    import maskline.adapters.duckdb as adapter
    from maskline.engine import mask_file, mask_frame
    from maskline.errors import MasklineError

    opened = []
    real_connect = adapter.connect

    def spy(*args, **kwargs):
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(adapter, "connect", spy)
    policy = {"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"method": "redact"}}}}}
    src = tmp_path / "t.csv"
    src.write_text("e\nx\n" if not fails else "")
    try:
        mask_frame(pa.table({"e": ["x"]}), policy, table="t")
        mask_file(src, tmp_path / "out.csv", policy)
    except MasklineError:
        assert fails
    assert len(opened) >= 1
    for con in opened:  # not trivially true: an open connection answers
        with pytest.raises(duckdb.ConnectionException):
            con.execute("SELECT 1")
