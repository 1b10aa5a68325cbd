"""What a user meets on first use of the CLI: the scan tells the truth about what masking will do, errors say
what, where and how to fix on one line, and nothing is written or printed that should not be."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY


def run_cli(*args: str, cwd: Path | None = None, env_key: bool = True) -> subprocess.CompletedProcess[str]:
    """The real ``maskline`` command in a new process, stdout and stderr captured (so neither is a terminal)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MASKLINE_KEY", "COLUMNS")}
    if env_key:
        env["MASKLINE_KEY"] = TEST_KEY
    return subprocess.run([sys.executable, "-m", "maskline", *args], capture_output=True, text=True, env=env,
                          cwd=cwd)


@pytest.fixture()
def nested_parquet(tmp_path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "contacts.parquet"
    pq.write_table(pa.table({
        "id": list(range(40)),
        "contact": [{"email": f"user{i}@example.com", "phone": f"+1 415 555 {2600 + i}"} for i in range(40)],
    }), path)
    return path


def test_scan_does_not_call_a_struct_of_emails_safe_when_masking_redacts_it(nested_parquet: Path) -> None:
    r = run_cli("scan", str(nested_parquet), "--format", "json")
    assert r.returncode == 0, r.stderr
    shown = {c["name"]: c for c in json.loads(r.stdout)["columns"]}
    assert shown["contact"]["verdict"] == "uncertain"
    assert any("nested values are not inspected" in e for e in shown["contact"]["evidence"])
    assert shown["id"]["verdict"] == "safe"  # the control: a plain numeric column is still safe
    table = run_cli("scan", str(nested_parquet))
    row = next(line for line in table.stdout.splitlines() if "│ contact " in line)
    assert "uncertain" in row and " safe " not in row
    # What the scan says is what masking does: the struct is redacted, the id passes.
    masked = run_cli("mask", str(nested_parquet), str(nested_parquet.with_name("out.parquet")))
    assert masked.returncode == 0, masked.stderr
    rules = {line.split("│")[1].strip(): line for line in masked.stdout.splitlines() if line.count("│") > 3}
    assert set(rules) == {"id", "contact"}
    assert "redact" in rules["contact"] and "pass" in rules["id"]


@pytest.fixture()
def no_datasets_policy(tmp_path: Path) -> Path:
    path = tmp_path / "policy.yml"
    path.write_text("version: 1\nkey: {env: MASKLINE_KEY, derivation: 2}\nmethods:\n  EMAIL: {method: email}\n")
    return path


def test_sql_for_a_table_the_policy_does_not_name_says_how_to_fix(no_datasets_policy: Path) -> None:
    for extra in ((), ("--columns", "customer_id,email")):
        r = run_cli("sql", "--dialect", "duckdb", "--policy", str(no_datasets_policy), "--table", "customers", *extra)
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
        # main ended the fix with "valid values: " and nothing after it
        assert "'customers'" in r.stderr and "maskline policy init" in r.stderr, r.stderr


def test_an_error_in_a_pipe_is_one_line_with_no_blank_line_before_it(tmp_path: Path) -> None:
    # `mask` (and a database `scan`) run under a progress bar; off a terminal it used to leave an empty line.
    good = tmp_path / "people.csv"
    good.write_text("id,email\n1,ann@example.org\n")
    for args in (("mask", str(tmp_path / "missing.csv"), str(tmp_path / "o.csv")),
                 ("scan", f"duckdb:///{tmp_path / 'missing.duckdb'}::main.t"),
                 ("mask", str(good), str(tmp_path / "o.csv"), "--policy", str(tmp_path / "missing.yml"))):
        r = run_cli(*args)
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr
    assert not (tmp_path / "o.csv").exists()
    ok = run_cli("mask", str(good), str(tmp_path / "o.csv"))  # the control: a success says nothing on stderr
    assert ok.returncode == 0 and ok.stderr == "", ok.stderr


def test_protect_with_another_engines_uri_says_it_needs_postgresql(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\n")
    r = run_cli("protect", "--dsn", f"duckdb:///{tmp_path / 'w.duckdb'}", "--policy", str(policy))
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "duckdb://" in r.stderr and "PostgreSQL only" in r.stderr and "postgresql://" in r.stderr
    assert "ProgrammingError" not in r.stderr and "check host, port" not in r.stderr
    # The control: a PostgreSQL URI with no server behind it is still a connection failure, password unprinted.
    r = run_cli("protect", "--dsn", "postgresql://nobody:s3cr3t-pw@127.0.0.1:9/x", "--policy", str(policy))
    assert r.returncode == 2 and "cannot connect to PostgreSQL" in r.stderr and "s3cr3t-pw" not in r.stderr


@pytest.mark.parametrize(("column", "fix"), [
    # written as in `methods:`, where parameters do sit beside the method
    ("{info_type: US_SSN, method: partial, keep_last: 4}", "parameters go inside method: {method: partial, keep_last"),
    # the control: a key that is no parameter of the method still gets the closest valid key
    ("{info_type: US_SSN, methd: hmac}", "did you mean 'method'?"),
])
def test_a_column_parameter_beside_method_says_where_it_goes(tmp_path: Path, column: str, fix: str) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text(f"version: 1\ndatasets:\n  customers:\n    columns:\n      ssn: {column}\n")
    r = run_cli("policy", "validate", str(policy))
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert fix in r.stderr and 'datasets["customers"].columns.ssn.' in r.stderr


def test_dbt_suggest_that_read_nothing_says_so(tmp_path: Path) -> None:
    import yaml

    (tmp_path / "dbt_project.yml").write_text("name: shop\nprofile: shop\n")
    (tmp_path / "data").mkdir()  # raw data loaded as sources, not seeds: no seed-paths lists it
    (tmp_path / "data" / "people.csv").write_text("id,email\n" + "".join(f"{i},u{i}@example.com\n" for i in range(20)))
    r = run_cli("dbt", "suggest", "--project-dir", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert yaml.safe_load(r.stdout) == {"version": 2}  # stdout stays a schema.yml
    assert "no seed files" in r.stderr and "--connect" in r.stderr
    # The control: a seed with e-mails gets its meta and no note.
    (tmp_path / "data").rename(tmp_path / "seeds")
    r = run_cli("dbt", "suggest", "--project-dir", str(tmp_path))
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert "info_type: EMAIL" in r.stdout


def test_a_policy_naming_one_column_twice_in_different_case_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,Email\n" + "".join(f"{i},person{i}@example.com\n" for i in range(20)))
    policy = tmp_path / "policy.yml"
    # On main the entry read last won: `email: {pass: true}` passed the `Email` column's e-mails raw.
    policy.write_text("version: 1\ndatasets:\n  people:\n    columns:\n      id: {pass: true}\n"
                      "      Email: {info_type: EMAIL}\n      email: {pass: true}\n")
    out = tmp_path / "out.csv"
    r = run_cli("mask", str(src), str(out), "--policy", str(policy))
    assert r.returncode == 2 and not out.exists(), r.stdout
    assert "'Email' and 'email' name one column" in r.stderr and 'datasets["people"].columns.email' in r.stderr
    assert run_cli("policy", "validate", str(policy)).returncode == 2
    # The control: one entry, in any case, still matches the column and masks it.
    policy.write_text("version: 1\ndatasets:\n  people:\n    columns:\n      id: {pass: true}\n"
                      "      email: {info_type: EMAIL}\n")
    r = run_cli("mask", str(src), str(out), "--policy", str(policy))
    assert r.returncode == 0, r.stderr
    assert "person" not in out.read_text() and "*****@example.com" in out.read_text()


def test_a_mistyped_table_does_not_drop_the_datasets_rules(tmp_path: Path) -> None:
    src = tmp_path / "export.csv"
    src.write_text("id,code\n" + "".join(f"{i},K{i:06d}\n" for i in range(20)))
    policy = tmp_path / "policy.yml"
    # `code` is secret by the policy's word alone; `unclassified: pass` lets everything else through.
    policy.write_text("version: 1\nunclassified: pass\ndatasets:\n  customers:\n    columns:\n"
                      "      code: {info_type: PASSWORD}\n")
    out = tmp_path / "out.csv"
    r = run_cli("mask", str(src), str(out), "--policy", str(policy), "--table", "customrs")
    assert r.returncode == 2 and not out.exists(), r.stdout  # main wrote the codes raw
    assert "'customrs'" in r.stderr and "did you mean 'customers'?" in r.stderr and "--table export" in r.stderr
    # The controls: the dataset's own name applies its rules; the file's own name masks by a scan alone.
    r = run_cli("mask", str(src), str(out), "--policy", str(policy), "--table", "customers")
    assert r.returncode == 0 and "K000001" not in out.read_text(), r.stderr
    r = run_cli("mask", str(src), str(tmp_path / "scanned.csv"), "--policy", str(policy), "--table", "export")
    assert r.returncode == 0, r.stderr


def test_sql_with_columns_for_a_mistyped_table_is_refused(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nunclassified: pass\ndatasets:\n  customers:\n    columns:\n"
                      "      code: {info_type: PASSWORD}\n")
    r = run_cli("sql", "--dialect", "duckdb", "--policy", str(policy), "--table", "customrs", "--columns", "id,code")
    assert r.returncode == 2 and r.stdout == "", r.stdout  # taken, `code` would pass raw under unclassified: pass
    assert "did you mean 'customers'?" in r.stderr
    r = run_cli("sql", "--dialect", "duckdb", "--policy", str(policy), "--table", "customers", "--columns", "id,code")
    assert r.returncode == 0 and "'[PASSWORD]'" in r.stdout, r.stderr  # the control: the dataset's own name


def test_sql_for_a_table_under_unclassified_pass_masks_what_the_stored_scan_found(tmp_path: Path) -> None:
    src = tmp_path / "customers.csv"
    src.write_text("customer_id,plan,email\n" + "".join(
        f"{i},{('basic', 'pro')[i % 2]},person{i}@example.com\n" for i in range(40)))
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nunclassified: pass\ndatasets:\n  customers:\n    columns:\n"
                      "      plan: {pass: true}\n")
    assert run_cli("scan", str(src), "--policy", str(policy), "--save").returncode == 0
    r = run_cli("sql", "--dialect", "duckdb", "--policy", str(policy), "--table", "customers",
                "--columns", "customer_id,plan,email,added_later")
    assert r.returncode == 0, r.stderr
    select = r.stdout.strip().splitlines()[-1]
    assert select.startswith("SELECT customer_id, plan, ")  # the controls: judged safe, or passed by the policy
    assert ", email," not in select and 'AS "email"' in select  # main: "SELECT customer_id, plan, email, ..."
    assert "'[REDACTED]' END AS \"added_later\"" in select  # a column the scan never saw was judged by nobody
    masked = run_cli("mask", str(src), str(tmp_path / "out.csv"), "--policy", str(policy))
    assert masked.returncode == 0 and "person1@" not in (tmp_path / "out.csv").read_text()  # as mask does


def test_table_beside_a_file_is_refused_not_silently_dropped(tmp_path: Path) -> None:
    src = tmp_path / "export.csv"
    src.write_text("id,email\n" + "".join(f"{i},person{i}@example.com\n" for i in range(20)))
    for args in (("scan", str(src), "--table", "customers"), ("policy", "init", str(src), "--table", "customers")):
        r = run_cli(*args)
        assert r.returncode == 2 and r.stdout == "", r.stdout  # main drafted a policy for a dataset named export
        assert "--table" in r.stderr and "--name" in r.stderr and r.stderr.count("\n") == 1
    r = run_cli("policy", "init", str(src), "--name", "customers")  # the control: the flag that names the dataset
    assert r.returncode == 0 and "\n  customers:\n" in r.stdout, r.stderr


@pytest.mark.postgres
def test_protect_refusal_points_at_the_tables_option(tmp_path: Path, pg_dsn: str) -> None:
    """A table protect refuses is named at ``--tables``, the option the user typed, not at the Python call."""
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\ndatasets:\n  first_use_missing:\n    columns:\n      id: {pass: true}\n")
    r = run_cli("protect", "--dsn", pg_dsn, "--policy", str(policy), "--tables", "first_use_missing")
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "does not exist" in r.stderr and "(at --tables)" in r.stderr and "protect(tables=" not in r.stderr
    # Without --tables the tables come from the policy's datasets, and the refusal says so.
    r = run_cli("protect", "--dsn", pg_dsn, "--policy", str(policy))
    assert r.returncode == 2 and "(at the policy's datasets)" in r.stderr, r.stderr


@pytest.mark.parametrize("name", ["day.csv", "day.parquet"])
def test_a_zero_byte_file_is_refused_alike_by_scan_and_mask_with_a_fix_for_its_format(tmp_path: Path,
                                                                                       name: str) -> None:
    """Before, scan said ``input is empty: day.csv`` and mask ``input file is empty``, both with the fix "give a
    file with a header and rows": a header alone is accepted, and a Parquet file has no header."""
    (tmp_path / name).write_bytes(b"")
    scanned = run_cli("scan", str(tmp_path / name))
    masked = run_cli("mask", str(tmp_path / name), str(tmp_path / f"out_{name}"))
    assert scanned.returncode == masked.returncode == 2
    assert scanned.stderr == masked.stderr and scanned.stderr.count("\n") == 1
    assert scanned.stderr.startswith(f"error: input file is empty: 0 bytes (at {tmp_path / name}). Fix: ")
    assert ("header" in scanned.stderr) == name.endswith(".csv")
    assert not (tmp_path / f"out_{name}").exists()
