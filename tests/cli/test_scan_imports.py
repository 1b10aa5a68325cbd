"""`maskline scan FILE` as a real process imports no pandas, pyarrow, spaCy or jsonschema unless it needs them.

The process is ``python -m maskline scan ...`` itself (run through ``runpy``, argument parsing and exit
included); an exit hook reports which heavy modules were loaded. pandas and pyarrow load only for a
DataFrame or Arrow input (never from the CLI), spaCy only for a free-text column, jsonschema only to
explain a policy that fails its schema. The controls show the hook does see each of them when loaded.

Issue 15's speed goal (a small file scanned in a new process in under half a second) rests on what a scan does
not load either: the other commands' modules (their parsers are built only for ``maskline --help`` or a typo), the
masking methods (a scan prints verdicts), and the scrubber's span rules, which compile on their first search and
which a scan of the speed bench's files never searches (the Hyperscan prefilter names no rule for their cells).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "pyarrow", "spacy", "jsonschema")
RUN_CLI = """
import atexit, json, runpy, sys
atexit.register(lambda: sys.stderr.write("LOADED " + json.dumps([m for m in {heavy!r} if m in sys.modules]) + "\\n"))
atexit.register(lambda: sys.stderr.write("COMPILED " + json.dumps(sorted({{
    r.info_type for r in getattr(sys.modules.get("maskline.text.spans"), "SPAN_RULES", ())
    if getattr(r.regex, "is_compiled", True)}})) + "\\n"))
{before}
sys.argv = ["maskline", *sys.argv[1:]]
runpy.run_module("maskline", run_name="__main__", alter_sys=True)
"""


# What a scan of a file never needs, beyond HEAVY: every other command's module, the masking methods, and the SQL
# parser (about a second of imports on a loaded machine: it came back once through the engine adapters' package,
# which the scan's private DuckDB spill setting lives in).
NOT_FOR_A_SCAN = ("maskline.cli.mask", "maskline.cli.sql", "maskline.cli.sql_query", "maskline.cli.protect",
                  "maskline.cli.policy_cmd", "maskline.cli.dbt", "maskline.cli.lineage", "maskline.cli.demo",
                  "maskline.cli.mcp", "maskline.methods", "sqlglot")


def _scan(*args: str, before: str = "", watch: tuple[str, ...] = HEAVY) -> tuple[str, list[str]]:
    return _run(*args, before=before, watch=watch)[:2]


def _run(*args: str, before: str = "", watch: tuple[str, ...] = HEAVY) -> tuple[str, list[str], list[str]]:
    """stdout, the modules of ``watch`` loaded, and the info types of the span rules compiled."""
    code = RUN_CLI.format(heavy=watch, before=before)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code, "scan", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(x for x in proc.stderr.splitlines() if x.startswith("LOADED "))
    compiled = next(x for x in proc.stderr.splitlines() if x.startswith("COMPILED "))
    return proc.stdout, json.loads(line[len("LOADED "):]), json.loads(compiled[len("COMPILED "):])


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    import duckdb

    tmp = tmp_path_factory.mktemp("scan_imports")
    plain = tmp / "people.csv"
    plain.write_text("id,email,zip,born,phone\n" + "".join(
        f"{i},u{i}@mail.example,{10115 + i},1980-01-{i % 28 + 1:02d},+49 30 {901820 + i}\n" for i in range(30)))
    con = duckdb.connect()
    con.read_csv(str(plain)).write_parquet(str(tmp / "people.parquet"))
    con.close()
    notes = tmp / "tickets.csv"
    names = ("Ana Lopez", "Peter Schmidt", "Li Wei", "Maria Rossi", "John Carter")
    notes.write_text("id,note\n" + "".join(
        f'{i},"Customer {names[i % 5]} called on Monday about the late delivery of order {1000 + i}."\n'
        for i in range(40)))
    from benchmarks.classification.speed import small_csv, small_parquet, small_sales_csv

    bench = small_csv(tmp / "small.csv")
    mailed = tmp / "orders.csv"
    mailed.write_text("id,note\n" + "".join(f'{i},"gift wrap, mail ana{i}@correo.es when shipped"\n' for i in range(30)))
    return {"csv": plain, "parquet": tmp / "people.parquet", "notes": notes, "bench_csv": bench,
            "bench_parquet": small_parquet(bench), "bench_notes": small_sales_csv(tmp / "small_sales_notes.csv"),
            "mailed_notes": mailed}


@pytest.mark.parametrize("kind", ["csv", "parquet"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_cli_scan_of_a_file_imports_no_heavy_module(files, kind: str, fmt: str) -> None:
    out, loaded = _scan(str(files[kind]), "--format", fmt)
    assert "EMAIL" in out, "the scan ran and classified"
    assert loaded == [], loaded


def test_cli_scan_with_a_valid_policy_imports_no_heavy_module(files) -> None:
    out, loaded = _scan(str(files["csv"]), "--policy", str(REPO / "examples" / "policy.yml"), "--format", "json")
    assert {c["name"]: c["info_type"] for c in json.loads(out)["columns"]}["email"] == "EMAIL"
    assert loaded == [], loaded


def test_the_exit_hook_sees_a_module_the_process_loaded(files) -> None:
    # Not trivially true: the same hook, in the same kind of process, reports pandas and pyarrow once loaded.
    _, loaded = _scan(str(files["csv"]), before="import pandas, pyarrow")
    assert {"pandas", "pyarrow"} <= set(loaded)


def test_a_free_text_column_is_what_loads_the_ner_model(files) -> None:
    from maskline.text.ner import ner_available

    if not ner_available("en"):
        pytest.skip("no spaCy English model installed: the prose pass runs without NER")
    # The control for spaCy: a column of notes naming people needs the NER model, and the hook sees it.
    _, loaded = _scan(str(files["notes"]), "--format", "json")
    assert "spacy" in loaded and "pandas" not in loaded and "pyarrow" not in loaded, loaded


@pytest.mark.parametrize("kind", ["bench_csv", "bench_parquet", "bench_notes"])
def test_a_scan_of_the_speed_bench_files_loads_no_other_command_no_masking_and_no_model(files, kind: str) -> None:
    out, loaded, _ = _run(str(files[kind]), watch=HEAVY + NOT_FOR_A_SCAN)
    assert "maskline scan" in out, "the scan ran and printed its table"
    assert loaded == [], loaded  # the notes file's short phrases need no NER model either


@pytest.mark.parametrize("kind", ["bench_csv", "bench_parquet", "bench_notes"])
def test_a_scan_of_the_speed_bench_files_compiles_no_span_rule(files, kind: str) -> None:
    out, _, compiled = _run(str(files[kind]), "--format", "json")
    assert json.loads(out)["columns"], "the scan ran"
    assert compiled == [], f"span rules compiled though the scan searched none: {compiled}"


def test_the_hooks_see_a_command_module_and_a_span_rule_once_used(files) -> None:
    # Not trivially true: another command's module loaded before the scan is reported, and a notes column holding
    # e-mail addresses makes the scrubber search (and so compile) the EMAIL rule.
    _, loaded, compiled = _run(str(files["mailed_notes"]), "--format", "json", before="import maskline.cli.lineage",
                               watch=NOT_FOR_A_SCAN)
    assert "maskline.cli.lineage" in loaded, loaded
    assert "EMAIL" in compiled, compiled
