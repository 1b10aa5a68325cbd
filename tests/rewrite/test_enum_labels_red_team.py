"""Red team (round redteam8): a masked column's type never spells the values its column holds.

DuckDB's ``ENUM('Ann Smith', 'Bob Jones')`` lists every value its column may hold, in the type itself. The ``null``
method used to cast its NULL to the column's own type, so the masked relation's column kept the enum: one
``typeof(who)`` (an allow-listed, pure function) handed every label (here: every person's name) to the caller,
through the Python API and the MCP server alike, and the printed SQL (the engine's query log and history) spelled
them too. Now a typed NULL keeps only a type whose parts are all structure (names, struct fields, numeric sizes:
:func:`maskline.methods.null.value_free_type`); any other is a NULL of the engine's text type.

Each attack's control runs the same SQL directly on the same engine and gets the labels back, so no test passes
because nothing was planted; another control shows a value-free type (a date, a decimal) is still kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.rewrite.api_answer import api_answer

NAMES = ["Ann Smith", "Bob Jones"]  # the column's values, and its enum's labels
POLICY = {"unclassified": "pass", "key": {"env": "MASKLINE_KEY"}, "datasets": {"people": {"columns": {
    "who": {"info_type": "PERSON_NAME", "method": "null"},
    "again": {"info_type": "PERSON_NAME", "method": "null"},
    "born": {"info_type": "DATE_OF_BIRTH", "method": "null"},
    "pay": {"info_type": "BANK_ACCOUNT", "method": "null"}}}}}
CREATE = ["CREATE TYPE person AS ENUM ('Ann Smith', 'Bob Jones')",
          "CREATE TABLE people (id INTEGER, who ENUM('Ann Smith', 'Bob Jones'), again person, born DATE, "
          "pay DECIMAL(18, 3))",
          "INSERT INTO people VALUES (1, 'Ann Smith', 'Ann Smith', DATE '1981-04-17', 1.5), "
          "(2, 'Bob Jones', 'Bob Jones', DATE '1990-01-01', 2.5)"]
ATTACKS = [
    "SELECT typeof(who) FROM people",
    "SELECT typeof(again) FROM people",
    "SELECT typeof(p) FROM people AS p",  # the whole row's struct type holds each column's
    "SELECT typeof(who), typeof(again) FROM people GROUP BY 1, 2",
]


def _leaks(text: str) -> list[str]:
    return [n for n in NAMES if n.lower() in text.lower()]  # DuckDB prints labels as given; a rewrite may fold case


@pytest.fixture(scope="module")
def duck_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    path = tmp_path_factory.mktemp("enum") / "people.duckdb"
    con = duckdb.connect(str(path))
    for statement in CREATE:
        con.execute(statement)
    con.close()
    return path


@pytest.fixture()
def duck(duck_file: Path) -> Iterator[Any]:
    import duckdb

    con = duckdb.connect(str(duck_file), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("sql", ATTACKS)
def test_typeof_a_null_masked_enum_column_spells_no_label(duck: Any, sql: str) -> None:
    answer = api_answer(duck, "duckdb", sql, POLICY, lambda e: f"error: {e!r} {getattr(e, 'fields', '')}")
    assert not _leaks(answer), answer


def test_control_the_engine_alone_spells_every_label_in_the_type(duck: Any) -> None:
    for sql in ATTACKS[:3]:
        assert _leaks(str(duck.execute(sql).fetchall())) == NAMES
    assert sorted(r[0] for r in duck.execute("SELECT who FROM people").fetchall()) == NAMES


def test_the_rewritten_sql_spells_no_label(duck: Any) -> None:
    """The printed SQL reaches the engine's query log and history (and ``maskline sql --query``'s output)."""
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite

    for sql in ("SELECT * FROM people", *ATTACKS):
        printed = rewrite(sql, load_policy(POLICY), "duckdb", connection=duck).sql
        assert not _leaks(printed), printed


def test_a_null_masked_column_of_a_value_free_type_keeps_its_type(duck: Any) -> None:
    """The control of the fix: a date and a decimal are no values, and their NULLs keep their types."""
    answer = api_answer(duck, "duckdb", "SELECT typeof(born), typeof(pay), typeof(who), born, who FROM people "
                                        "ORDER BY id LIMIT 1", POLICY)
    assert answer == "('_col_0', '_col_1', '_col_2', 'born', 'who') [('DATE', 'DECIMAL(18,3)', 'VARCHAR', None, None)]"


def test_typeof_through_the_mcp_client_spells_no_label(duck_file: Path) -> None:
    import anyio
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    server = build_server(MaskedTools(load_policy(POLICY), Database.from_uri(f"duckdb:///{duck_file}"),
                                      lineage=False))
    texts: list[str] = []

    async def main() -> None:
        async with Client(server) as client:
            for sql in ATTACKS:
                result = await client.call_tool("query", {"sql": sql})
                texts.extend(getattr(c, "text", "") for c in result.content)
                texts.append(str(result.structured_content))
            result = await client.call_tool("describe_table", {"table": "people"})
            texts.append(str(result.structured_content))

    anyio.run(main)
    seen = "\n".join(texts)
    assert "VARCHAR" in seen  # the attacks ran: each typeof answered
    assert not _leaks(seen), seen


# ----------------------------------------------------------------------------------------------------------------
# A column the scan passed for its values' shape, stored as an enum
# ----------------------------------------------------------------------------------------------------------------
# ``maskline scan --save`` samples ``orders``: ``qty`` holds numbers (as enum labels), so it passes for its shape.
# A value past the sample need not have that shape: the same data stored as VARCHAR was redacted, as an enum it
# passed raw, "not text" being taken for "keeps its shape in storage" (maskline.sql.shape_guard).
LABELS = [str(i) for i in range(1, 50)] + ["Ann Smith"]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    from maskline.cli.main import main

    directory = tmp_path_factory.mktemp("scanned")
    con = duckdb.connect(str(directory / "w.duckdb"))
    con.execute("CREATE TYPE code AS ENUM (" + ", ".join(f"'{label}'" for label in LABELS) + ")")
    con.execute("CREATE TABLE orders (id INTEGER, qty code, qty_text VARCHAR)")
    con.execute("INSERT INTO orders SELECT i, CAST(1 + i % 49 AS VARCHAR), CAST(1 + i % 49 AS VARCHAR) "
                "FROM range(200) t(i)")
    con.execute("INSERT INTO orders VALUES (1000, 'Ann Smith', 'Ann Smith')")  # past the sample of 100 rows
    con.close()
    (directory / "policy.yml").write_text("version: 1\n")  # fail closed: only what the scan vouches for passes
    assert main(["scan", f"duckdb:///{directory / 'w.duckdb'}::main.orders", "--sample", "100",
                 "--policy", str(directory / "policy.yml"), "--save", "--format", "json"]) == 0
    return directory


def _ask_scanned(directory: Path, sql: str) -> str:
    import duckdb

    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.rewrite.run import run_masked

    con = duckdb.connect(str(directory / "w.duckdb"), read_only=True)
    try:
        return str(run_masked(con, rewrite(sql, load_policy(directory / "policy.yml"), "duckdb", connection=con)).rows)
    finally:
        con.close()


def test_an_enum_label_past_the_scans_sample_is_masked(scanned: Path) -> None:
    answer = _ask_scanned(scanned, "SELECT qty, qty_text, typeof(qty) FROM orders WHERE id = 1000")
    assert "ann smith" not in answer.lower(), answer
    assert answer == "[('[REDACTED]', '[REDACTED]', 'VARCHAR')]"  # as the same data stored as text


def test_control_the_scan_passed_the_enum_column_and_its_numbers_pass(scanned: Path) -> None:
    import duckdb

    assert _ask_scanned(scanned, "SELECT qty, qty_text FROM orders WHERE id = 5") == "[('6', '6')]"
    con = duckdb.connect(str(scanned / "w.duckdb"), read_only=True)
    assert con.execute("SELECT qty FROM orders WHERE id = 1000").fetchall() == [("Ann Smith",)]
    con.close()


def test_the_scans_printed_evidence_spells_no_label(scanned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``maskline scan`` prints each column's evidence, its type among it: an enum's type is every label."""
    from maskline.cli.main import main

    capsys.readouterr()
    assert main(["scan", f"duckdb:///{scanned / 'w.duckdb'}::main.orders", "--sample", "100", "--format", "json"]) == 0
    printed = capsys.readouterr().out
    assert "type:ENUM(...)" in printed  # the control: the evidence names the type, and the type was read
    assert "ann smith" not in printed.lower(), printed


def test_the_stored_scan_spells_no_label(scanned: Path) -> None:
    """``policy.scan.json`` sits beside the policy (often in git): its evidence and types name no label."""
    stored = (scanned / "policy.scan.json").read_text(encoding="utf-8")
    assert '"ENUM(...)"' in stored  # the control: the enum column's type was stored
    assert "ann smith" not in stored.lower()
