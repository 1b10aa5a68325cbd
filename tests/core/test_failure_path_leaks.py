"""Failure paths with canary values: every error, output and console line is grepped for them.

Each canary is made up for these tests, so finding one anywhere but the input is a leak. Every test has a
control showing that the canary really reaches the failing component (and would show if its text were forwarded).
"""

from __future__ import annotations

import traceback

import pandas as pd
import pyarrow as pa
import pytest

from maskline.engine.frames import mask_frame
from maskline.errors import InputError

CANARY_EMAIL = "zq.canary7731@leakcheck.example"
CANARIES = (CANARY_EMAIL, "canary7731")


def everything_about(err: BaseException) -> str:
    """The error's text, its full printed traceback (causes and contexts included) and the reprs of both links."""
    return "".join(traceback.format_exception(err)) + repr(err.__cause__) + repr(err.__context__)


def assert_no_canary(text: str) -> None:
    leaked = [c for c in CANARIES if c in text]
    assert not leaked, "a canary leaked"


# --- a DataFrame column Arrow cannot convert ------------------------------------------------------------------

def _mixed_frame() -> pd.DataFrame:
    return pd.DataFrame({"id": [1, 2], "contact": pd.array([1, CANARY_EMAIL], dtype=object)})


def test_arrows_own_message_quotes_the_value_it_could_not_convert() -> None:
    with pytest.raises(pa.ArrowException) as e:  # the control: forwarding this text would leak
        pa.Table.from_pandas(_mixed_frame(), preserve_index=False)
    assert CANARY_EMAIL in str(e.value)


@pytest.mark.parametrize("policy", [
    {"datasets": {"t": {"columns": {"id": {"pass": True}, "contact": {"info_type": "EMAIL"}}}}},
    {"datasets": {"t": {"columns": {"id": {"pass": True}, "contact": {"pass": True}}}}},
    {"version": 1},  # classified first
])
def test_a_column_arrow_cannot_convert_is_named_without_its_value_or_a_chained_cause(policy) -> None:
    with pytest.raises(InputError) as e:
        mask_frame(_mixed_frame(), policy, table="t")
    assert "column 'contact'" in e.value.what and "column 2" in (e.value.where or "")
    assert "astype" in (e.value.fix or "")
    assert e.value.__cause__ is None and e.value.__context__ is None  # nothing holding the value rides along
    assert_no_canary(everything_about(e.value))


# --- a CSV without a header row: its first record would become column names -------------------------------------

HEADERLESS_TYPED = f"1,{CANARY_EMAIL},1985-07-21\n2,ann@example.com,1990-03-04\n"
HEADERLESS_TEXT = f"Ann Lee,{CANARY_EMAIL}\nBo Li,bo@example.org\n"


def _cli(*argv: str, cwd) -> tuple[int, str]:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])  # this checkout's maskline, whatever the venv installed
    env = {**os.environ, "MASKLINE_KEY": "0123456789abcdef0123",
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "maskline", *argv], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)
    return done.returncode, done.stdout + done.stderr


def test_what_duckdb_reads_as_the_header_of_a_headerless_csv_is_its_first_record(tmp_path) -> None:
    import duckdb

    from maskline.engine.csv_read import CSV_TEXT

    for text in (HEADERLESS_TYPED, HEADERLESS_TEXT):  # the control: these names would be printed and written
        src = tmp_path / "people.csv"
        src.write_text(text)
        con = duckdb.connect()
        names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_csv('{src}', {CSV_TEXT})").fetchall()]
        assert CANARY_EMAIL in names
    # The all-text file fools the sniffer: only the cell's own detection tells it apart from a header.
    assert con.execute(f"SELECT HasHeader FROM sniff_csv('{src}')").fetchall() == [(True,)]


@pytest.mark.parametrize("text", [HEADERLESS_TYPED, HEADERLESS_TEXT], ids=["typed", "text"])
@pytest.mark.parametrize("with_policy", [False, True])
def test_a_csv_whose_first_row_is_data_is_refused_before_any_name_is_shown_or_written(tmp_path, text,
                                                                                      with_policy) -> None:
    (tmp_path / "people.csv").write_text(text)
    argv = ["mask", "people.csv", "out.csv"]
    if with_policy:  # a policy naming a column the file lacks would list the file's "columns" in its error
        (tmp_path / "p.yml").write_text("datasets: {people: {columns: {email: {info_type: EMAIL}}}}\n")
        argv += ["--policy", "p.yml"]
    code, output = _cli(*argv, cwd=tmp_path)
    assert code == 2 and "the first row looks like data" in output and "line 1" in output
    assert "Traceback" not in output
    assert_no_canary(output)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["people.csv"] + (["p.yml"] if with_policy else []))


def test_a_scan_of_a_headerless_csv_is_refused_without_its_first_record(tmp_path) -> None:
    (tmp_path / "people.csv").write_text(HEADERLESS_TEXT)
    code, output = _cli("scan", "people.csv", "--format", "json", cwd=tmp_path)
    assert code == 2 and "the first row looks like data" in output
    assert_no_canary(output)


def test_headers_of_dictionary_words_and_usual_names_are_still_headers(tmp_path) -> None:
    from maskline.engine.files import mask_file

    src = tmp_path / "people.csv"
    names = ["IBAN", "Mark", "Chase", "email address", "date of birth", "nickname", "E11", "url"]
    from maskline.infotypes.detectors import detect_value

    assert {detect_value(n) for n in names} > {None}  # the control: some header words pass a weak detector
    src.write_text(",".join(names) + "\n"
                   "GB82WEST12345698765432,x,y,ann@example.com,1985-07-21,ann_b,n,https://example.com\n")
    report = mask_file(src, tmp_path / "out.csv", {"version": 1})
    assert [c.name for c in report.plan.columns] == names


# --- a key pasted where the policy names its source --------------------------------------------------------------

PASTED_KEY = "Qv7Canary3xKEYz9Lm2Pw8Rt4Yb6Nc1Hd"  # made up: the secret a user put in key.env by mistake


def _no_piece_of(secret: str, text: str, width: int = 6) -> None:
    pieces = [secret[i:i + width] for i in range(len(secret) - width + 1)]
    assert not [p for p in pieces if p in text], "part of the key was printed"


@pytest.mark.parametrize("source", ["env", "airflow_conn"])
def test_a_key_pasted_as_the_name_of_its_source_is_never_printed(source) -> None:
    from maskline.errors import KeyMissingError
    from maskline.keys import KeyRef, resolve_key
    from maskline.policy import load_policy

    policy = load_policy({"key": {source: PASTED_KEY}})  # the control: the schema accepts it as a name
    assert PASTED_KEY in (policy.key.env, policy.key.airflow_conn)
    with pytest.raises(KeyMissingError) as e:
        resolve_key(policy.key, {})
    assert f"key.{source}" in str(e.value)
    _no_piece_of(PASTED_KEY, everything_about(e.value) + policy.key.describe())
    # maskline's own default names are still shown: they are the fix.
    with pytest.raises(KeyMissingError, match="export MASKLINE_KEY="):
        resolve_key(KeyRef(env="MASKLINE_KEY"), {})


def test_the_cli_does_not_print_a_key_pasted_into_the_policy(tmp_path) -> None:
    (tmp_path / "people.csv").write_text("id,email\n1,ann@example.com\n")
    (tmp_path / "p.yml").write_text(f"key: {{env: {PASTED_KEY}}}\n"
                                    "datasets: {people: {columns: {id: {pass: true}, email: {method: hmac}}}}\n")
    assert _cli("policy", "validate", "p.yml", cwd=tmp_path)[0] == 0  # nothing refuses it before the key is read
    code, output = _cli("mask", "people.csv", "out.csv", "--policy", "p.yml", cwd=tmp_path)
    assert code == 2 and "no masking key" in output and "key.env" in output
    _no_piece_of(PASTED_KEY, output)
    assert not (tmp_path / "out.csv").exists()


# --- YAML and text files whose errors would quote their lines --------------------------------------------------

BROKEN_POLICIES = {
    "unclosed flow list on the value's line": f"version: 1\nallow_list: [{CANARY_EMAIL}\n",
    "a tab on the value's line": f"version: 1\nallow_list:\n\t- {CANARY_EMAIL}\n",
    "a value taken for an alias": "version: 1\nallow_list: [*canary7731]\n",
    "a value taken for a tag": f"version: 1\nallow_list: [!canary7731 {CANARY_EMAIL}]\n",
}


@pytest.mark.parametrize("text", list(BROKEN_POLICIES.values()), ids=list(BROKEN_POLICIES))
def test_a_broken_policy_is_described_by_position_and_kind_never_by_its_lines(text) -> None:
    import yaml

    from maskline.errors import PolicyError
    from maskline.policy import load_policy_text

    with pytest.raises(yaml.YAMLError) as raw:  # the control: PyYAML's own message quotes the value
        yaml.safe_load(text)
    assert "canary7731" in str(raw.value)
    with pytest.raises(PolicyError) as e:
        load_policy_text(text)
    assert e.value.what.startswith("policy is not valid YAML: ") and (e.value.where or "").startswith("<string>:")
    assert_no_canary(everything_about(e.value))


def test_a_tab_is_still_named_as_the_mistake() -> None:
    from maskline.errors import PolicyError
    from maskline.policy import load_policy_text

    with pytest.raises(PolicyError, match="a tab: YAML indents with spaces") as e:
        load_policy_text(BROKEN_POLICIES["a tab on the value's line"])
    assert e.value.where == "<string>:3:1"


def test_a_policy_file_that_is_not_utf8_is_an_error_by_line_not_a_traceback(tmp_path) -> None:
    path = tmp_path / "p.yml"
    path.write_bytes(f"version: 1\nallow_list: [{CANARY_EMAIL}]  # caf".encode() + b"\xe9\n")
    with pytest.raises(UnicodeDecodeError):  # the control: what reading it as text raised before
        path.read_text(encoding="utf-8")
    (tmp_path / "people.csv").write_text("id,email\n1,ann@example.com\n")
    for argv in (["mask", "people.csv", "out.csv", "--policy", "p.yml"], ["policy", "validate", "p.yml"]):
        code, output = _cli(*argv, cwd=tmp_path)
        assert code == 2 and "not UTF-8 text" in output and "p.yml:2" in output and "Traceback" not in output
        assert_no_canary(output)


@pytest.mark.parametrize(("name", "text"), [
    ("schema.yml", f"t: {{id: integer, email: varchar\n  x: [{CANARY_EMAIL}\n"),
    ("schema.json", f'{{"t": {{"email": "{CANARY_EMAIL}"'),
])
def test_a_broken_schema_file_for_sql_is_an_error_without_its_lines(tmp_path, name, text) -> None:
    (tmp_path / "p.yml").write_text("datasets: {t: {columns: {email: {info_type: EMAIL}}}}\n")
    (tmp_path / name).write_text(text)
    code, output = _cli("sql", "--dialect", "duckdb", "--policy", "p.yml", "--query", "SELECT * FROM t",
                        "--schema-from", name, cwd=tmp_path)
    assert code == 2 and "not valid" in output and f"{name}:" in output and "Traceback" not in output
    assert_no_canary(output)


def test_a_lineage_file_that_is_not_utf8_is_an_error_by_line(tmp_path) -> None:
    (tmp_path / "events.jsonl").write_bytes(b'{"eventType": "START"}\n' + CANARY_EMAIL.encode() + b"\xff\n")
    code, output = _cli("lineage", "audit", "events.jsonl", cwd=tmp_path)
    assert code == 2 and "events.jsonl:2" in output and "Traceback" not in output
    assert_no_canary(output)


# --- a malformed row deep in a CSV, past the rows the sniffer reads ----------------------------------------------

DEEP_ROWS = 30_000  # DuckDB's sniffer reads about 20,000 rows; the bad one comes after them


def _csv_with_a_bad_row_deep_in(path, bad: str) -> None:
    rows = [f"{i},u{i}@example.org,ok" for i in range(DEEP_ROWS)]
    rows[DEEP_ROWS - 5] = {"too many fields": f"{DEEP_ROWS - 5},{CANARY_EMAIL},x,{CANARY_EMAIL}",
                           "too few fields": f"{DEEP_ROWS - 5},{CANARY_EMAIL}"}[bad]
    path.write_text("id,email,note\n" + "\n".join(rows) + "\n")


DEEP_POLICY = {"datasets": {"people": {"columns": {
    "id": {"pass": True}, "email": {"info_type": "EMAIL"}, "note": {"method": "redact"}}}}}


@pytest.mark.parametrize("bad", ["too many fields", "too few fields"])
def test_duckdbs_message_for_a_malformed_row_quotes_the_row(tmp_path, bad) -> None:
    import duckdb

    from maskline.engine.csv_read import CSV_TEXT

    _csv_with_a_bad_row_deep_in(tmp_path / "people.csv", bad)
    with pytest.raises(duckdb.Error) as e:  # the control: forwarding it, or chaining it, would carry the value
        duckdb.connect().execute(f"SELECT count(*) FROM read_csv('{tmp_path / 'people.csv'}', {CSV_TEXT})").fetchall()
    assert CANARY_EMAIL in str(e.value)


@pytest.mark.parametrize("bad", ["too many fields", "too few fields"])
@pytest.mark.parametrize("output", ["out.csv", "out.parquet"])
def test_a_malformed_row_deep_in_a_csv_writes_nothing_and_says_so_without_the_row(tmp_path, bad, output) -> None:
    from maskline.engine.files import mask_file

    _csv_with_a_bad_row_deep_in(tmp_path / "people.csv", bad)
    with pytest.raises(InputError) as e:
        mask_file(tmp_path / "people.csv", tmp_path / output, DEEP_POLICY)
    assert "cannot be read to its end" in e.value.what and "malformed row" in (e.value.fix or "")
    assert e.value.__cause__ is None and e.value.__context__ is None
    assert_no_canary(everything_about(e.value))
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]  # no output, no temporary file


def test_a_method_failing_on_a_frame_holds_no_engine_error(tmp_path) -> None:
    import datetime

    from maskline.errors import MaskingError

    # bucket on a DATE column fails in the engine (no cast from a date to a number), beside a canary's column
    frame = pd.DataFrame({"amount": [datetime.date(1981, 4, 17), datetime.date(1990, 1, 2)],
                          "contact": [CANARY_EMAIL, "x"]})
    with pytest.raises(MaskingError) as e:
        mask_frame(frame, {"datasets": {"t": {"columns": {"amount": {"method": {"method": "generalize",
                                                                                  "bucket": 10}},
                                                          "contact": {"info_type": "EMAIL"}}}}}, table="t")
    assert "'amount'" in str(e.value) and e.value.__context__ is None
    assert_no_canary(everything_about(e.value))


# --- a lineage file whose events have the wrong shape -------------------------------------------------------------

def test_an_event_of_the_wrong_shape_is_an_error_by_position_not_a_traceback(tmp_path) -> None:
    import json

    from maskline.cli.lineage import summarize

    good = {"eventType": "COMPLETE", "run": {"runId": "r1"}, "job": {"namespace": "n", "name": "j"}}
    bad = {"eventType": "COMPLETE", "run": {"runId": "r2", "facets": {"maskline_identity": {}}},
           "job": {"namespace": "n", "name": "k"},
           "outputs": [{"name": "o", "facets": {"maskline_masking": {"fields": {"email": CANARY_EMAIL}}}}]}
    with pytest.raises(AttributeError):  # the control: what the audit raised before, as a bare traceback
        summarize([bad])
    (tmp_path / "events.jsonl").write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n")
    code, output = _cli("lineage", "audit", "events.jsonl", cwd=tmp_path)
    assert code == 2 and "event 2 does not have the shape" in output and "Traceback" not in output
    assert_no_canary(output)


@pytest.mark.parametrize("as_type", [str, bytes])
def test_a_key_passed_as_plain_text_or_bytes_is_refused_by_its_type(tmp_path, as_type) -> None:
    from maskline.engine.files import mask_file

    key = PASTED_KEY if as_type is str else PASTED_KEY.encode()
    policy = {"datasets": {"people": {"columns": {"id": {"pass": True}, "email": {"method": "hmac"}}}}}
    (tmp_path / "people.csv").write_text("id,email\n1,ann@example.com\n")
    for call in (lambda: mask_frame(pd.DataFrame({"id": [1], "email": ["ann@example.com"]}), policy, table="people",
                                    key=key),
                 lambda: mask_file(tmp_path / "people.csv", tmp_path / "out.csv", policy, key=key)):
        with pytest.raises(InputError, match=f"key must be a KeyMaterial, not {as_type.__name__}") as e:
            call()
        _no_piece_of(PASTED_KEY, everything_about(e.value))
    assert not (tmp_path / "out.csv").exists()


# --- attacks that found nothing, kept as regressions --------------------------------------------------------------

def _unusual_parquet_columns(n: int = 30) -> dict[str, pa.Array]:
    return {
        "dictionary": pa.array([CANARY_EMAIL] * n).dictionary_encode(),
        "large_string": pa.array([CANARY_EMAIL] * n, pa.large_string()),
        "binary": pa.array([CANARY_EMAIL.encode()] * n, pa.binary()),
        "fixed_size_binary": pa.array([CANARY_EMAIL.encode()[:16]] * n, pa.binary(16)),
        "large_list": pa.array([[CANARY_EMAIL]] * n, pa.large_list(pa.string())),
        "fixed_size_list": pa.array([[CANARY_EMAIL, CANARY_EMAIL]] * n, pa.list_(pa.string(), 2)),
        "map_keys": pa.array([[(CANARY_EMAIL, "x")]] * n, pa.map_(pa.string(), pa.string())),
        "nested": pa.array([[{"e": CANARY_EMAIL, "n": [CANARY_EMAIL]}]] * n),
    }


@pytest.mark.parametrize("column", sorted(_unusual_parquet_columns()))
@pytest.mark.parametrize("output", ["out.parquet", "out.csv"])
def test_a_canary_in_an_unusual_parquet_type_is_masked_by_the_scan(tmp_path, column, output) -> None:
    import pyarrow.parquet as pq

    from maskline.engine.files import mask_file

    pq.write_table(pa.table({"id": list(range(30)), column: _unusual_parquet_columns()[column]}),
                   tmp_path / "events.parquet")
    report = mask_file(tmp_path / "events.parquet", tmp_path / output, {"version": 1})
    assert {c.name: c.masked for c in report.plan.columns}[column]
    if output.endswith(".parquet"):  # read back: compressed pages would hide the bytes from a plain search
        table = pq.read_table(tmp_path / output)
        written = repr(table.to_pylist()) + str(table.schema)
    else:
        written = (tmp_path / output).read_text()
    assert CANARY_EMAIL[:16] not in written and "canary7731" not in written


def test_an_error_the_classifier_built_reaches_the_caller_as_it_is(monkeypatch) -> None:
    import maskline.classify as classify_module

    def refuses(*args, **kwargs):
        raise InputError("cannot read the table: BinderException", where="t", fix="check the column types")

    monkeypatch.setattr(classify_module, "classify", refuses)
    with pytest.raises(InputError, match="cannot read the table") as e:
        mask_frame(pd.DataFrame({"a": ["x"]}), {"version": 1}, table="t")
    assert e.value.fix == "check the column types"  # not re-wrapped as "classification failed: InputError"


# --- a key whose bytes are not UTF-8 -------------------------------------------------------------------------------

def test_a_key_whose_bytes_are_not_utf8_is_refused_by_kind_not_a_traceback() -> None:
    import os

    from maskline.errors import KeyMissingError
    from maskline.keys import KeyRef, resolve_key

    raw = os.fsdecode(b"\xff\xfe" + b"k" * 30)  # what os.environ holds for a variable set to those bytes
    with pytest.raises(KeyMissingError) as e:
        resolve_key(KeyRef(env="MASKLINE_KEY"), {"MASKLINE_KEY": raw})
    assert "not UTF-8" in e.value.what and "secrets.token_hex" in (e.value.fix or "")
    assert e.value.__context__ is None and "kkkkkk" not in everything_about(e.value)
    # the control: the same length of UTF-8 text is a key
    assert len(resolve_key(KeyRef(env="MASKLINE_KEY"), {"MASKLINE_KEY": "k" * 32}).secret) == 32
