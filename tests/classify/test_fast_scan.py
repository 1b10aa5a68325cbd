"""The scan path reads files and databases without pandas or pyarrow; they load only for DataFrame/Arrow inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from maskline.cli.main import main
main(["scan", sys.argv[1], "--format", "json"])
print(json.dumps({m: m in sys.modules for m in ("pandas", "pyarrow", "numpy", "duckdb", "spacy")}))
"""


def _loaded(source: str, code: str = PROBE) -> tuple[dict, dict]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code, source], capture_output=True, text=True, env=env, check=True,
                         cwd=REPO).stdout.strip().splitlines()
    return json.loads(out[0]), json.loads(out[-1])


@pytest.fixture()
def files(tmp_path) -> dict[str, str]:
    import duckdb

    csv = tmp_path / "people.csv"
    csv.write_text("id,email,zip,born,phone\n" + "".join(
        f"{i},u{i}@mail.example,{10000 + i}.0,1980-01-{i % 28 + 1:02d},+49 30 {901820 + i}\n" for i in range(50)))
    con = duckdb.connect(str(tmp_path / "wh.db"))
    con.execute(f"CREATE TABLE people AS SELECT * FROM read_csv('{csv}')")
    con.execute(f"COPY people TO '{tmp_path / 'people.parquet'}' (FORMAT parquet)")
    con.close()
    return {"csv": str(csv), "parquet": str(tmp_path / "people.parquet"),
            "duckdb": f"duckdb:///{tmp_path / 'wh.db'}::people"}


@pytest.mark.parametrize("kind", ["csv", "parquet", "duckdb"])
def test_scanning_a_file_or_table_imports_neither_pandas_nor_pyarrow(files, kind: str) -> None:
    result, modules = _loaded(files[kind])
    assert {c["name"]: c["info_type"] for c in result["columns"]}["email"] == "EMAIL"
    assert modules["duckdb"], "the scan ran on DuckDB"
    assert not modules["pandas"] and not modules["pyarrow"], modules
    assert not modules["spacy"], "no free-text column here, so no NER model either"


def test_the_probe_would_see_pyarrow_if_the_scan_loaded_it(files) -> None:
    # Not trivially true: the same probe reports pyarrow once an Arrow input has been classified.
    code = PROBE.replace('main(["scan", sys.argv[1], "--format", "json"])',
                         'import pyarrow as pa\nfrom maskline.classify import classify\n'
                         'print(json.dumps({"columns": [c.as_dict() for c in classify(pa.table({"email": '
                         '["a@b.org"] * 5})).columns]}))')
    result, modules = _loaded(files["csv"], code)
    assert result["columns"][0]["info_type"] == "EMAIL"
    assert modules["pyarrow"]


def _notes_csv(tmp_path: Path, with_mail: int, capitals: bool = False) -> str:
    """200 notes; ``with_mail`` in every five end with an e-mail address (a validated span the rules find);
    ``capitals``: some words capitalised, where a name the model tags could open (free_text.ner_could_count)."""
    import random

    rng = random.Random(3)
    words = ["parcel", "arrived", "late", "box", "damaged", "refund", "asked", "driver", "left", "door", "today"]
    words += ["Harbour", "Depot", "North", "Gate"] if capitals else []
    rows = [" ".join(rng.choice(words) for _ in range(8)) + (f" mail u{i}@mail.example" if i % 5 < with_mail else "")
            for i in range(200)]
    path = tmp_path / f"notes_{with_mail}_{capitals}.csv"
    path.write_text("id,notes\n" + "".join(f"{i},{r}\n" for i, r in enumerate(rows)))
    return str(path)


@pytest.mark.skipif(not __import__("maskline.text.ner", fromlist=["x"]).ner_available("en"),
                    reason="the ner extra is not installed")
def test_ner_is_not_loaded_when_the_rules_alone_settle_a_free_text_column(tmp_path) -> None:
    result, modules = _loaded(_notes_csv(tmp_path, 3))
    assert {c["name"]: c["info_type"] for c in result["columns"]}["notes"] == "FREE_TEXT_WITH_PII"
    assert not modules["spacy"], "three notes in five hold an e-mail: the rules settle it, the model is not needed"
    # Not trivially true: notes the rules find nothing in, with capitals a name could open with, are read by the
    # model, so spaCy loads (all lower-case, they could gain no name from it: test_ner_only_where_it_can_count.py).
    _, modules = _loaded(_notes_csv(tmp_path, 0, capitals=True))
    assert modules["spacy"]
