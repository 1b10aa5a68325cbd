"""What the agent toolset says of a refusal is built from structure: maskline's errors, or a foreign error's class.

common-ai's SQL safety check quotes the query in some of its refusals (a table function with its arguments,
sqlglot's parse errors with the SQL around the failure). The query below passes maskline's own checks and is
refused by that safety check only, with a message quoting a literal no text scrubber can recognise.
"""

from __future__ import annotations

import json
from typing import Any

from tests.agents.test_masked_sql_toolset import duckdb_conn, masked_toolset, run_agent  # noqa: F401
from tests.engine_errors import CANARY

# range(...) is on maskline's allow-list; the toolset's check refuses a table function and quotes it.
TABLE_FUNCTION = f"SELECT r.x FROM customers JOIN range(length('{CANARY}')) AS r(x) ON r.x = customers.id"


def test_the_toolsets_own_refusal_quotes_the_literal(duckdb_conn: str) -> None:  # noqa: F811
    """The control: the upstream refusal this file is about, and maskline's checks passing the query."""
    from airflow.providers.common.ai.utils.sql_validation import SQLSafetyError

    from maskline.rewrite.allowlist import check_allowed
    from maskline.rewrite.refusals import parse_select

    check_allowed(parse_select(TABLE_FUNCTION, "duckdb"), "duckdb")
    toolset = masked_toolset(duckdb_conn)
    try:
        toolset._validate_for_execution(TABLE_FUNCTION, dialect="duckdb", require_parse=True)
    except SQLSafetyError as e:
        assert CANARY in str(e)
    else:
        raise AssertionError("the toolset's safety check passed the table function")


def test_a_foreign_refusal_reaches_the_model_log_and_lineage_by_its_class_only(duckdb_conn: str) -> None:  # noqa: F811
    toolset = masked_toolset(duckdb_conn, acting_for="bob")
    recorded: list[Any] = []
    toolset._record = lambda call, *_a: recorded.append(call)
    # The output is every tool answer the model got (the model's own calls hold the literal it wrote).
    output, _ = run_agent(toolset, ("query", {"sql": TABLE_FUNCTION}), ("check_query", {"sql": TABLE_FUNCTION}))
    assert [c.outcome for c in recorded] == ["refused"]
    assert recorded[0].reason.startswith("SQLSafetyError: the toolset's SQL safety check refused it")
    # Not "maskline refused ...": once a connection whose password is "maskline" (the test server's) has been
    # read in this worker, Airflow's secrets masker rightly redacts that word in tool answers too.
    assert "refused this query: SQLSafetyError" in output
    verdict = json.loads(output.splitlines()[-1])
    assert verdict["valid"] is False and verdict["error"].startswith("SQLSafetyError")
    for text in (recorded[0].reason, recorded[0].sql, output):
        assert "Vexmarra" not in text


def test_maskline_refusals_are_forwarded_as_built(duckdb_conn: str) -> None:  # noqa: F811
    """maskline's own refusals keep what and where: the function, the statement, the parse position."""
    output, _ = run_agent(masked_toolset(duckdb_conn, acting_for="bob"),
                          ("query", {"sql": f"SELECT id FROM customers WHERE full_name = my_udf('{CANARY}')"}),
                          ("check_query", {"sql": f"SELECT id FROM customers WHERE full_name = '{CANARY}' ??? AND"}))
    refused, verdict = output.splitlines()[0], json.loads(output.splitlines()[-1])
    assert "the function at line 1, column 44 is not on the duckdb allow-list" in refused
    assert "my_udf" not in output.lower()  # a name no catalog or allow-list proves is placed, not echoed
    assert verdict["error"].startswith("cannot parse the query as duckdb: ParseError (at line 1, column")
    assert "Vexmarra" not in output
