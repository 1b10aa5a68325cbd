"""The CLI: one-line errors with exit codes, no partial output, never the key or a raw value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from maskline.cli.main import main
from tests.conftest import TEST_KEY

POLICY = Path(__file__).parents[2] / "maskline" / "demo" / "customers_policy.yml"


@pytest.fixture()
def customers_csv(tmp_path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from maskline.demo.sample import sample_customers

    path = tmp_path / "customers.csv"
    pacsv.write_csv(pa.Table.from_pylist(sample_customers(50)), path)
    return path


def run_cli(*args: str, env_key: bool = True) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "MASKLINE_KEY"}
    if env_key:
        env["MASKLINE_KEY"] = TEST_KEY
    return subprocess.run([sys.executable, "-m", "maskline", *args], capture_output=True, text=True, env=env)


def test_mask_writes_masked_file_and_prints_the_plan(customers_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "masked.csv"
    r = run_cli("mask", str(customers_csv), str(out), "--policy", str(POLICY))
    assert r.returncode == 0, r.stderr
    assert "email" in r.stdout and "hmac" in r.stdout
    raw = customers_csv.read_text()
    masked = out.read_text()
    assert raw.splitlines()[1].split(",")[2] not in masked  # the first email


def test_missing_key_exits_2_with_one_line_and_writes_nothing(customers_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "masked.csv"
    r = run_cli("mask", str(customers_csv), str(out), "--policy", str(POLICY), env_key=False)
    assert r.returncode == 2
    assert "MASKLINE_KEY" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["customers.csv"]


@pytest.mark.parametrize(
    ("policy_text", "expected"),
    [
        ("version: 1\nmethods:\n  EMAIL: {method: emial}\n", "did you mean 'email'"),
        ("version: 1\ndatasets:\n  customers:\n    columns:\n      email: {info_type: EMIAL}\n", "did you mean 'EMAIL'"),
        ("version: 1\ndatasets:\n  customers:\n    columns:\n      e_mail: {info_type: EMAIL}\n", "not in table"),
    ],
)
def test_policy_mistakes_exit_2_without_traceback(customers_csv, tmp_path, policy_text, expected) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text(policy_text)
    r = run_cli("mask", str(customers_csv), str(tmp_path / "o.csv"), "--policy", str(policy))
    assert r.returncode == 2, r.stderr
    assert expected in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "o.csv").exists()


def test_unreadable_empty_and_existing_paths(tmp_path: Path, customers_csv: Path) -> None:
    r = run_cli("mask", str(tmp_path / "nope.csv"), str(tmp_path / "o.csv"), "--policy", str(POLICY))
    assert r.returncode == 2 and "not found" in r.stderr
    empty = tmp_path / "customers_empty.csv"
    empty.write_text("")
    r = run_cli("mask", str(empty), str(tmp_path / "o.csv"), "--policy", str(POLICY))
    assert r.returncode == 2 and "empty" in r.stderr
    existing = tmp_path / "exists.csv"
    existing.write_text("x")
    r = run_cli("mask", str(customers_csv), str(existing), "--policy", str(POLICY))
    assert r.returncode == 2 and "--overwrite" in r.stderr and existing.read_text() == "x"


def test_key_never_appears_in_any_output(customers_csv: Path, tmp_path: Path) -> None:
    outputs = [
        run_cli("mask", str(customers_csv), str(tmp_path / "a.csv"), "--policy", str(POLICY)),
        run_cli("sql", "--dialect", "postgres", "--policy", str(POLICY), "--table", "customers"),
        run_cli("mask", str(customers_csv), str(tmp_path / "a.csv"), "--policy", str(POLICY)),  # exists -> error
    ]
    for r in outputs:
        assert TEST_KEY not in r.stdout + r.stderr
    assert TEST_KEY not in (tmp_path / "a.csv").read_text()


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "snowflake", "bigquery", "spark", "trino"])
def test_sql_prints_a_select_for_every_dialect(dialect: str, capsys) -> None:
    import sqlglot

    from maskline.dialects import get_dialect

    assert main(["sql", "--dialect", dialect, "--policy", str(POLICY), "--table", "customers"]) == 0
    out = capsys.readouterr().out
    statement = [line for line in out.splitlines() if not line.startswith("--")]
    tree = sqlglot.parse_one("\n".join(statement), read=get_dialect(dialect).sqlglot_name)
    assert tree.find(sqlglot.exp.From) is not None


def test_sql_unknown_dialect_suggests_the_closest(capsys) -> None:
    assert main(["sql", "--dialect", "postgress", "--policy", str(POLICY), "--table", "customers"]) == 2
    assert "did you mean 'postgres'" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--rows", "0"], ["--rows", "-3"], ["--rows", "5", "--show", "-1"]])
def test_demo_refuses_a_count_it_cannot_show_before_writing_anything(tmp_path: Path, capsys, args: list[str]) -> None:
    out = tmp_path / "demo"
    assert main(["demo", *args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--rows must be at least 1 and --show at least 0" in err and "input file" not in err
    assert not out.exists()


def test_demo_masks_the_sample_and_prints_before_and_after(tmp_path: Path) -> None:
    r = run_cli("demo", "--rows", "50", "--show", "2", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "before" in r.stdout and "after" in r.stdout
    assert (tmp_path / "customers_masked.csv").is_file()
    # the policy it names is found where it says (it is the package's, not a file in --out; rich may wrap the path)
    compact = "".join(r.stdout.split())
    assert f"thedemo'sownpolicy,{POLICY}," in compact and POLICY.is_file()


@pytest.mark.parametrize(("args", "hint"), [
    (("scna", "x.csv"), "did you mean 'scan'?"),
    (("scan", "x.csv", "--polcy", "p.yml"), "did you mean '--policy'?"),
    (("dbt", "chek"), "did you mean 'check'?"),
    (("policy", "valdate", "p.yml"), "did you mean 'validate'?"),
])
def test_a_mistyped_command_or_option_gets_the_closest_valid_name(args: tuple[str, ...], hint: str) -> None:
    r = run_cli(*args)
    assert r.returncode == 2
    assert hint in r.stderr and "Traceback" not in r.stderr


def test_output_piped_to_a_reader_that_stops_early_ends_quietly() -> None:
    import os

    # The schema printed 40 times overflows the pipe buffer, so the write after the reader closes fails.
    code = "from maskline.cli.main import main; import sys; sys.exit(max(main(['policy', 'schema']) for _ in range(40)))"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={k: v for k, v in os.environ.items() if k != "COLUMNS"})
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.communicate()[1].decode()
    assert proc.returncode == 141
    assert stderr == ""


def test_tables_are_not_cut_to_80_columns_when_stdout_is_not_a_terminal(customers_csv: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    r = subprocess.run([sys.executable, "-m", "maskline", "scan", str(customers_csv)], capture_output=True,
                       text=True, env=env, check=True)
    assert max(len(line) for line in r.stdout.splitlines()) > 120
    assert "…" not in r.stdout


def test_every_subcommand_has_a_description() -> None:
    import argparse

    from maskline.cli.main import build_parser

    def walk(parser: argparse.ArgumentParser, path: str):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    yield f"{path} {name}", child
                    yield from walk(child, f"{path} {name}")

    found = dict(walk(build_parser(), "maskline"))
    assert {"maskline scan", "maskline dbt check", "maskline policy schema"} <= set(found)
    assert [name for name, p in found.items() if not p.description] == []


def test_sql_for_a_policy_table_says_that_unlisted_columns_are_dropped() -> None:
    r = run_cli("sql", "--dialect", "duckdb", "--policy", str(POLICY), "--table", "customers")
    assert r.returncode == 0, r.stderr
    assert "DROPPED" in r.stdout and "--columns" in r.stdout


def test_policy_init_quotes_column_names_yaml_would_read_as_booleans_or_null(tmp_path: Path, capsys) -> None:
    from maskline.policy import load_policy_text

    src = tmp_path / "flags.csv"
    src.write_text("id,yes,null,on,True\n" + "".join(f"{i},{i % 2},{i},{i * 3},{i + 7}\n" for i in range(40)))
    assert main(["policy", "init", str(src)]) == 0
    drafted = capsys.readouterr().out
    names = set(load_policy_text(drafted).dataset("flags").columns)
    assert names <= {"id", "yes", "null", "on", "True"} and {"yes", "null", "on", "True"} <= names
    assert "\n      id: " in drafted  # the control: a name YAML reads back as itself stays plain
    (tmp_path / "flags.yml").write_text(drafted)
    assert main(["mask", str(src), str(tmp_path / "out.csv"), "--policy", str(tmp_path / "flags.yml")]) == 0
    assert (tmp_path / "out.csv").read_text() == src.read_text()  # every column was found safe: all passed as is


def test_query_as_a_command_points_at_sql_query_and_a_typo_gets_every_close_command() -> None:
    """`maskline query` is not a command: the README's `maskline sql --query`, whose option really exists, is named;
    a typo close to two commands names both."""
    from maskline.cli.main import build_parser
    from maskline.cli.parser import _OPTION_WORDS

    r = run_cli("query", "SELECT 1")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "did you mean 'maskline sql --query \"<SQL>\"'?" in r.stderr, r.stderr
    for command, option, _ in _OPTION_WORDS.values():  # each word's suggestion is a real command and option
        sub = build_parser(command)._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
        assert option in sub._option_string_actions
    from maskline.cli.parser import MasklineArgumentParser, suggestion

    # maskline's own commands are far apart; a sub-parser's choices (or a later command) may not be
    two = suggestion("invalid choice: 'chek' (choose from 'check', 'cheek', 'sync')", MasklineArgumentParser())
    assert two == "did you mean 'cheek' or 'check'?"  # closest first


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_scan_save_prints_the_verdicts_once_then_where_it_saved_them(tmp_path: Path, fmt: str) -> None:
    """Both streams into one, as a terminal shows them: the verdicts once, then one "saved" line (it came first)."""
    source = tmp_path / "contacts.csv"
    source.write_text("id,email\n" + "".join(f"{i},user{i}@example.com\n" for i in range(30)))
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\n")
    r = subprocess.run([sys.executable, "-m", "maskline", "scan", str(source), "--policy", str(policy), "--save",
                        "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert r.returncode == 0, r.stdout
    lines = r.stdout.splitlines()
    verdicts = [i for i, line in enumerate(lines) if "EMAIL" in line]
    saved = [i for i, line in enumerate(lines) if line.startswith("saved ")]
    assert len(verdicts) == 1 and saved == [len(lines) - 1], r.stdout  # once; the saved line last
    assert lines[-1] == f"saved the verdicts on contacts in {tmp_path / 'policy.scan.json'}"
