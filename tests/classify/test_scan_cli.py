"""`maskline scan` and `maskline policy init|validate|schema`, in process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from maskline.cli.main import main
from maskline.policy import load_policy_text
from tests.classify.people import EXPECTED

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def csv_file(frame, tmp_path) -> Path:
    path = tmp_path / "customers.csv"
    frame.to_csv(path, index=False)
    return path


def test_scan_json_has_exactly_the_documented_shape(csv_file, capsys) -> None:
    assert main(["scan", str(csv_file), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["columns"]
    for col in doc["columns"]:
        assert list(col) == ["name", "info_type", "confidence", "category", "verdict", "evidence"]
        assert col["verdict"] in ("sensitive", "safe", "uncertain")
        assert 0 <= col["confidence"] <= 1 and isinstance(col["evidence"], list)
    assert {c["name"]: c["info_type"] for c in doc["columns"]} == EXPECTED


def test_scan_table_view_lists_every_column(csv_file, capsys) -> None:
    assert main(["scan", str(csv_file), "--sample", "100"]) == 0
    out = capsys.readouterr().out
    for name, info_type in EXPECTED.items():
        assert name in out
        if info_type:
            assert info_type in out
    assert "100 rows sampled of 400" in out


def test_scan_duckdb_uri(frame, tmp_path, capsys) -> None:
    import duckdb

    db = tmp_path / "wh.db"
    with duckdb.connect(str(db)) as con:
        con.register("src", frame)
        con.execute("CREATE TABLE customers AS SELECT * FROM src")
    assert main(["scan", f"duckdb:///{db}::main.customers", "--format", "json", "--no-progress"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {c["name"]: c["info_type"] for c in doc["columns"]} == EXPECTED


@pytest.mark.postgres
def test_scan_and_policy_init_on_postgres(frame, pg_conn, pg_dsn, capsys) -> None:
    with pg_conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS public.cli_customers (customer_email text, telefono text, ssn text)")
        cur.executemany("INSERT INTO public.cli_customers VALUES (%s, %s, %s)",
                        list(zip(frame.customer_email, frame.telefono, frame.ssn, strict=True)))
    uri = f"{pg_dsn}::public.cli_customers"
    assert main(["scan", uri, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [c["info_type"] for c in doc["columns"]] == ["EMAIL", "PHONE", "US_SSN"]
    assert main(["policy", "init", uri]) == 0
    policy = load_policy_text(capsys.readouterr().out)
    assert policy.dataset("public.cli_customers").columns["ssn"].info_type == "US_SSN"


def test_policy_init_prints_a_policy_that_loads(csv_file, capsys, tmp_path) -> None:
    assert main(["policy", "init", str(csv_file)]) == 0
    text = capsys.readouterr().out
    policy = load_policy_text(text)
    columns = policy.dataset("customers").columns
    assert {n: c.info_type for n, c in columns.items() if c.info_type} == {k: v for k, v in EXPECTED.items() if v}
    # The columns it found safe are written out as {pass: true}; nothing sensitive is among them.
    passed = {n for n, c in columns.items() if c.info_type is None and c.method is None}
    assert passed and not passed & {k for k, v in EXPECTED.items() if v}
    assert policy.unclassified == "mask" and "\nunclassified: mask" in text
    assert policy.method_for("US_SSN").name == "partial"
    path = tmp_path / "policy.yml"
    path.write_text(text)
    assert main(["policy", "validate", str(path)]) == 0
    assert "ok" in capsys.readouterr().out


def test_policy_init_with_a_custom_info_type_carries_its_definition(tmp_path, capsys) -> None:
    policy = tmp_path / "custom.yml"
    policy.write_text("version: 1\ninfo_types:\n  EMPLOYEE_ID:\n    category: identifier\n"
                      "    pattern: 'EMP-[0-9]{6}'\n")
    data = tmp_path / "staff.csv"
    data.write_text("employee_id,qty\n" + "".join(f"EMP-{100000 + i},{i}\n" for i in range(40)))
    assert main(["policy", "init", str(data), "--policy", str(policy)]) == 0
    drafted = load_policy_text(capsys.readouterr().out)
    assert drafted.info_types["EMPLOYEE_ID"].pattern == "EMP-[0-9]{6}"
    assert drafted.dataset("staff").columns["employee_id"].info_type == "EMPLOYEE_ID"


def test_policy_validate_reports_the_key_path(tmp_path, capsys) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("version: 1\nmethods:\n  EMAIL: {method: emial}\n")
    assert main(["policy", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "methods.EMAIL.method" in err and "did you mean 'email'" in err


def test_policy_validate_names_the_file_and_line_whatever_its_suffix(tmp_path, capsys) -> None:
    path = tmp_path / "masking.policy"
    path.write_text("version: 1\nmethods: [\n")
    assert main(["policy", "validate", str(path)]) == 2
    assert f"{path}:3:1" in capsys.readouterr().err


def test_policy_schema_is_json(capsys) -> None:
    assert main(["policy", "schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "maskline policy"


def test_scan_of_a_missing_file_is_one_line_and_exit_2(tmp_path, capsys) -> None:
    assert main(["scan", str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert "input not found" in err and "Traceback" not in err


def test_real_subprocess_scan(csv_file) -> None:
    exe = REPO / ".venv" / "bin" / "maskline"
    proc = subprocess.run([str(exe), "scan", str(csv_file), "--format", "json"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert {c["name"]: c["info_type"] for c in doc["columns"]} == EXPECTED
