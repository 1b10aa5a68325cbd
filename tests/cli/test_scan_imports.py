"""`maskline scan FILE` as a real process imports no pandas, pyarrow, spaCy or jsonschema unless it needs them.

The process is ``python -m maskline scan ...`` itself (run through ``runpy``, argument parsing and exit
included); an exit hook reports which heavy modules were loaded. pandas and pyarrow load only for a
DataFrame or Arrow input (never from the CLI), spaCy only for a free-text column, jsonschema only to
explain a policy that fails its schema. The controls show the hook does see each of them when loaded.
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
{before}
sys.argv = ["maskline", *sys.argv[1:]]
runpy.run_module("maskline", run_name="__main__", alter_sys=True)
"""


def _scan(*args: str, before: str = "") -> tuple[str, list[str]]:
    code = RUN_CLI.format(heavy=HEAVY, before=before)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code, "scan", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(x for x in proc.stderr.splitlines() if x.startswith("LOADED "))
    return proc.stdout, json.loads(line[len("LOADED "):])


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
    return {"csv": plain, "parquet": tmp / "people.parquet", "notes": notes}


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
