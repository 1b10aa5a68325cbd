"""Columns that are not masked come out exactly as they went in: the same CSV text, the same Parquet types."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from maskline.engine.files import mask_file

CSV = (
    "id,when,ts,flag,price,hex,zip,note,empty,email\n"
    '007,2024-01-05,2024-01-05 10:00:00.120,TRUE,1.10,0x1F,01234,"a, b",,ann@example.com\n'
    '8,05/01/2024,2024-01-05T10:00:00Z,yes,1e3,0xff,00501,"",x,bo@example.org\n'
    '9,,2024-01-05 10:00:00+02:00,f,-0.0,0X00AB,10115,"line\nbreak",,cy@example.net\n'
)
PASS_ALL_BUT_EMAIL = {"datasets": {"people": {"columns": {
    **{c: {"pass": True} for c in ("id", "when", "ts", "flag", "price", "hex", "zip", "note", "empty")},
    "email": {"info_type": "EMAIL"}}}}}


def test_csv_cells_that_are_passed_keep_their_exact_text(tmp_path) -> None:
    src, dst = tmp_path / "people.csv", tmp_path / "out.csv"
    src.write_text(CSV)
    mask_file(src, dst, PASS_ALL_BUT_EMAIL)
    want = CSV.replace("ann@example.com", "*****@example.com").replace("bo@example.org", "*****@example.org") \
        .replace("cy@example.net", "*****@example.net")
    assert dst.read_text() == want  # dates, booleans, 1.10, 0x1F, 007, "" vs empty: all as written


def test_without_reading_csv_as_text_the_same_file_would_be_reformatted(tmp_path) -> None:
    import duckdb

    src = tmp_path / "people.csv"
    src.write_text(CSV)
    typed = duckdb.connect().execute(f"SELECT price FROM read_csv('{src}')").fetchall()
    assert typed[0] == (1.1,)  # a sniffed type: '1.10' would not survive


def test_a_semicolon_csv_keeps_its_delimiter(tmp_path) -> None:
    src, dst = tmp_path / "people.csv", tmp_path / "out.csv"
    src.write_text('id;note\n01;"a;b"\n02;1,5\n')
    mask_file(src, dst, {"datasets": {"people": {"columns": {"id": {"pass": True}, "note": {"pass": True}}}}})
    assert dst.read_text() == src.read_text()


def test_parquet_columns_that_are_passed_keep_type_nullability_and_values(tmp_path) -> None:
    src, dst = tmp_path / "people.parquet", tmp_path / "out.parquet"
    table = pa.table({
        "ts": pa.array([1_700_000_000_123, None], pa.timestamp("ms", tz="Europe/Berlin")),
        "day": pa.array([19_000, 19_001], pa.date32()),
        "amount": pa.array(["1.10", None]).cast(pa.decimal128(7, 2)),
        "f": pa.array([1.1, -0.0], pa.float32()),
        "ok": pa.array([True, None]),
        "n": pa.array([1, 2], pa.int16()),
        "email": ["ann@example.com", "bo@example.org"],
    })
    pq.write_table(table, src)
    passed = {c: {"pass": True} for c in table.column_names if c != "email"}
    mask_file(src, dst, {"datasets": {"people": {"columns": {**passed, "email": {"info_type": "EMAIL"}}}}})
    out = pq.read_table(dst)
    for name in passed:
        assert out.schema.field(name) == table.schema.field(name), name
        assert out.column(name).equals(table.column(name)), name
    assert out.column("email").to_pylist() == ["*****@example.com", "*****@example.org"]


def test_a_csv_with_free_text_is_scrubbed_and_its_other_columns_pass_unchanged(tmp_path) -> None:
    src, dst = tmp_path / "notes.csv", tmp_path / "out.csv"
    src.write_text("id,notes\n007,Call me at +1 415 555 0100 today\n008,Nothing to see here at all\n")
    mask_file(src, dst, {"datasets": {"notes": {"columns": {"id": {"pass": True},
                                                            "notes": {"info_type": "FREE_TEXT_WITH_PII"}}}}})
    rows = dst.read_text().splitlines()
    assert [r.split(",")[0] for r in rows] == ["id", "007", "008"]
    assert "555 0100" not in dst.read_text() and rows[2] == "008,Nothing to see here at all"


def _late_quoting_csv(path) -> str:
    """Quotes appear only past the sniffer's sample: 30,000 plain rows, then a quoted code and a quoted comma."""
    rows = [f"{i},u{i}@example.org,{i:05d}" for i in range(30000)]
    rows += ['30000,v@example.org,"00123"', '30001,"Smith, John",00042']
    text = "id,email,code\n" + "\n".join(rows) + "\n"
    path.write_text(text)
    return text


def test_a_field_quoted_only_past_the_sniffers_sample_passes_unchanged(tmp_path) -> None:
    import csv

    src, dst = tmp_path / "people.csv", tmp_path / "out.csv"
    _late_quoting_csv(src)
    mask_file(src, dst, {"datasets": {"people": {"columns": {"id": {"pass": True}, "code": {"pass": True},
                                                             "email": {"method": "redact"}}}}})
    with src.open(newline="") as a, dst.open(newline="") as b:
        want, got = list(csv.reader(a)), list(csv.reader(b))
    assert [(r[0], r[2]) for r in got] == [(r[0], r[2]) for r in want]  # "00123" is 00123, not "00123"
    assert len(got) == 30003


def test_duckdbs_sniffer_alone_reads_no_quote_in_such_a_file(tmp_path) -> None:
    import duckdb

    _late_quoting_csv(tmp_path / "people.csv")
    quote = duckdb.connect().execute(f"SELECT Quote FROM sniff_csv('{tmp_path / 'people.csv'}')").fetchall()[0][0]
    assert quote in ("", "(empty)")  # the control: reading with the sniffed quote splits "Smith, John"
