"""Red-team of the MCP tools: an agent's queries that make the engine quote a value, and literals in odd spellings.

The tool result, the server's log and every lineage event (sent to a file by the real OpenLineage
client) are searched for made-up values. The control shows DuckDB's own message for the same failure
holds the value, so a forwarded engine text would be seen.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest

from maskline.errors import MasklineError

CANARY = "Quillon Vexmarra"  # a made-up person the agent types: no detector can tell it is a name
CANARY_WORD = "Vexmarra"
ATTACKS = [
    f"SELECT id FROM customers WHERE id = '{CANARY}'",  # the engine cannot cast it, and says so with the value
    f"SELECT id FROM orders WHERE amount > CAST('{CANARY}' AS DOUBLE)",
    f"SELECT id FROM customers WHERE full_name = $${CANARY}$$",  # dollar-quoted
    f"SELECT id /* for {CANARY} */ FROM customers",  # a comment
    f'SELECT id FROM customers WHERE full_name = "{CANARY}"',  # double quotes where single ones were meant
]


@pytest.fixture()
def tools_with_lineage(duckdb_file: Path, policy_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from maskline.mcp import lineage
    from maskline.mcp.database import Database
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    events = tmp_path / "events.jsonl"
    monkeypatch.setattr(lineage, "_client", lambda: OpenLineageClient(
        transport=FileTransport(FileConfig(log_file_path=str(events), append=True))))
    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=True)
    return tools, events


def test_the_engine_would_quote_the_value() -> None:
    with pytest.raises(duckdb.Error) as engine:
        duckdb.connect().execute(f"SELECT CAST('{CANARY}' AS INTEGER)")
    assert CANARY_WORD in str(engine.value)  # control


@pytest.mark.parametrize("sql", ATTACKS)
def test_no_tool_result_log_or_lineage_event_holds_the_agents_value(tools_with_lineage, sql: str,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    from maskline.mcp.tools import Caller

    tools, events = tools_with_lineage
    with caplog.at_level(logging.DEBUG):
        try:
            result = str(tools.query(sql, Caller("agent")))
        except MasklineError as e:
            result = str(e)
        from maskline.mcp.lineage import flush

        assert flush(30)  # the events are sent by a background thread: its logs are checked too
    assert CANARY_WORD not in result
    assert CANARY_WORD not in caplog.text
    sent = events.read_text(encoding="utf-8")
    assert sent.count("\n") >= 2  # START and COMPLETE or FAIL were sent
    assert CANARY_WORD not in sent


@pytest.mark.parametrize("sql", [f"CALL notify_customer('{CANARY}')", f"ALTER ROLE analyst PASSWORD '{CANARY}'"])
def test_a_statement_sqlglot_falls_back_on_leaves_no_sql_in_the_server_log(tools_with_lineage, sql: str,
                                                                           caplog: pytest.LogCaptureFixture) -> None:
    import sqlglot

    from maskline.mcp.tools import Caller

    logger = logging.getLogger("sqlglot")
    installed, logger.filters = logger.filters, []  # control: without maskline, sqlglot's record quotes the SQL
    try:
        with caplog.at_level(logging.DEBUG):
            sqlglot.parse(sql, read="duckdb")
    finally:
        logger.filters = installed
    assert CANARY_WORD in caplog.text
    caplog.clear()
    tools, _ = tools_with_lineage
    with caplog.at_level(logging.DEBUG), pytest.raises(MasklineError) as refused:
        tools.query(sql, Caller("agent"))
    assert CANARY_WORD not in str(refused.value)
    assert CANARY_WORD not in caplog.text


IDENTIFIER_ATTACKS = [
    f'SELECT * FROM "{CANARY}"',  # a table the connection does not have
    f'SELECT * FROM main."{CANARY}"',
    f'SELECT "{CANARY}"(id) FROM customers',  # a function not on the allow-list
    f'SELECT * FROM "{CANARY}"(1)',  # a table function in FROM
]


@pytest.mark.parametrize("allow", [None, ["customers"]], ids=["all-tables", "allow"])
@pytest.mark.parametrize("sql", IDENTIFIER_ATTACKS)
def test_a_refusal_does_not_echo_a_quoted_name_the_agent_typed(duckdb_file: Path, policy_file: Path, sql: str,
                                                               allow: list[str] | None,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    """A quoted identifier can hold what the agent typed rather than a name: refusals (tool results, logs) place
    it by line and column instead (maskline.rewrite.mentions), and the lineage event's SQL facet says
    ``<quoted name>`` (openlineage_ext.scrubbing)."""
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
    from maskline.policy import load_policy

    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), allow=allow,
                        lineage=False)
    with caplog.at_level(logging.DEBUG), pytest.raises(ToolRefused) as refused:
        tools.query(sql, Caller("agent"))
    assert CANARY_WORD not in str(refused.value) and "at line 1, column" in str(refused.value)
    assert CANARY_WORD not in caplog.text


def test_a_refusal_places_an_unknown_table_and_names_the_closest_known_one(duckdb_file: Path, policy_file: Path) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
    from maskline.policy import load_policy

    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), allow=["customers"],
                        lineage=False)
    with pytest.raises(ToolRefused, match="the table at line 1, column 15 is not one of .*did you mean 'customers'"):
        tools.query("SELECT * FROM custmers", Caller("agent"))
    with pytest.raises(ToolRefused, match="the function at line 1, column 8 is not on"):
        tools.query("SELECT query_to_xml('x', true, true, '')", Caller("agent"))


ROUTED_GUESSES = [
    # mixed with a count (every column of these tables is masked; a count exposes none): no origin was a pure
    # literal, so the guess reached the comparison
    f"WITH g AS (SELECT '{CANARY}' || CAST(count(id) AS VARCHAR) AS v FROM orders) "
    "SELECT count(*) AS n FROM customers, g WHERE full_name = g.v",
    f'WITH "{CANARY}" AS (SELECT concat(\'x\', CAST(count(id) AS VARCHAR)) AS "{CANARY}" FROM orders) '
    f'SELECT count(*) AS n FROM customers c, "{CANARY}" g WHERE coalesce(c.ssn, g."{CANARY}") = c.ssn',
]


@pytest.mark.parametrize("sql", ROUTED_GUESSES)
def test_a_guess_routed_through_a_cte_is_refused_without_echoing_it(duckdb_file: Path, policy_file: Path, sql: str,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    """The agent's literal, mixed with another column in a CTE and compared with a sensitive one, is refused like
    the literal itself; the refusal names the rule, the column and the fix, never the literal or a quoted name."""
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
    from maskline.policy import load_policy

    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=False)
    with caplog.at_level(logging.DEBUG), pytest.raises(ToolRefused) as refused:
        tools.query(sql, Caller("agent"))
    assert "literal" in str(refused.value) and "customers." in str(refused.value)
    assert CANARY_WORD not in str(refused.value) and CANARY_WORD not in caplog.text
    # the control: the same CTE's column compared with a column of its own kind runs
    control = sql.replace("full_name = g.v", "g.v = g.v").replace(f'coalesce(c.ssn, g."{CANARY}") = c.ssn',
                                                                      f'g."{CANARY}" IS NOT NULL')
    assert "n" in str(tools.query(control, Caller("agent")))
