"""Red-team of the agent toolset: a statement sqlglot cannot parse, holding a value the agent typed.

The toolset's safety check (Airflow common-ai) wraps sqlglot's parse error, whose text quotes the SQL
around the failure. What maskline records of the call (its reason goes to the task log, the run's
activity and the lineage facet) and what the model is told must say where parsing failed, not quote it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.agents.test_masked_sql_toolset import duckdb_conn, masked_toolset, run_agent  # noqa: F401

CANARY = "Quillon Vexmarra"  # a made-up person: no detector can tell it is a name
CANARY_WORD = "Quillon"  # the tokenizer's message cuts the end of the SQL it quotes
UNPARSABLE = [
    f"SELECT id FROM customers WHERE full_name = '{CANARY}' ??? AND",
    f"SELECT id FROM customers WHERE full_name = '{CANARY}",  # an unterminated string: a tokenizer error
]


@pytest.mark.parametrize("sql", UNPARSABLE)
def test_a_parse_failure_is_recorded_by_its_position_not_its_text(duckdb_conn: str, sql: str) -> None:  # noqa: F811
    from airflow.providers.common.ai.utils.sql_validation import validate_sql

    with pytest.raises(Exception) as control:
        validate_sql(sql)
    assert CANARY_WORD in str(control.value)  # control: the safety check's own message quotes the value
    toolset = masked_toolset(duckdb_conn, acting_for="bob")
    recorded: list[Any] = []
    toolset._record = lambda call, *_a: recorded.append(call)
    output, seen = run_agent(toolset, ("query", {"sql": sql}), ("query", {"sql": "SELECT count(*) AS n FROM customers"}))
    assert [c.outcome for c in recorded] == ["refused", "executed"]
    assert "cannot parse the query as duckdb" in recorded[0].reason  # what and where, from the structure
    assert CANARY_WORD not in recorded[0].reason and CANARY_WORD not in recorded[0].sql
    assert "maskline refused this query" in output and CANARY_WORD not in output
