"""A refused agent query keeps the names of the tables the operator allowed; a value typed as a table does not.

Round ``lineprune`` kept a name in a lineage SQL facet only when the catalog proves it, and a refused query
reads no table, so ``DELETE FROM raw_customers`` reached lineage as ``DELETE FROM name_1``. The toolset's
``allowed_tables`` are the operator's configuration, proven structure (as the MCP server's ``--allow``): the
toolset proves them for its event's run (:mod:`openlineage_ext.run_names`) and the scrubber behind the
OpenLineage client keeps them. A name the agent typed as a table nobody allowed, or as a function, is still
a placeholder. Real ``dag.test()`` runs on DuckDB and PostgreSQL (the suite's shared agent run).
"""

from __future__ import annotations

import re

import pytest

from tests.agents.conftest import DUCKDB_CONN, PG_CONN, AgentRun

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("agents")]
CONNS = [DUCKDB_CONN, pytest.param(PG_CONN, marks=pytest.mark.postgres)]
TYPED_TABLE = "zq_Qv7x98234571"  # what agent_dags.STEPS types where a table goes


def _refused_sql(run: AgentRun, conn: str) -> list[str]:
    if conn not in run.conns:
        pytest.skip("PostgreSQL not started (run `make test`)")
    events = run.call_events(f"agent_exfiltration_{conn}", "exfiltrate")
    return [e["job"]["facets"]["sql"]["query"] for e in events if e["eventType"] == "FAIL"]


@pytest.mark.parametrize("conn", CONNS)
def test_a_refused_query_on_an_allowed_table_names_the_table(agent_run: AgentRun, conn: str) -> None:
    refused = _refused_sql(agent_run, conn)
    assert "DELETE FROM raw_customers" in refused, refused
    # its columns too: the catalog lists them for the allowed table (lineageview)
    assert "SELECT customer_id FROM raw_customers WHERE email LIKE '[REDACTED]'" in refused, refused


@pytest.mark.parametrize("conn", CONNS)
def test_a_value_typed_as_a_table_or_function_is_still_a_placeholder(agent_run: AgentRun, conn: str) -> None:
    """The control: the allowed names prove nothing else the agent typed."""
    refused = _refused_sql(agent_run, conn)
    # SELECT email FROM zq_Qv7x98234571: refused, and its table a placeholder (before this round too)
    assert any(re.fullmatch(r"SELECT \w+ FROM name_\d+", sql) for sql in refused), refused
    assert "SELECT name_1('[REDACTED]')" in refused, refused  # pg_read_file: neither sqlglot nor maskline lists it
    for text in (agent_run.lineage_text, agent_run.logs):
        assert TYPED_TABLE.lower() not in text.lower()
    # pg_read_file is PostgreSQL's built-in (maskline/rewrite/data/builtin_functions_postgres.txt): the refusal's
    # reason names it as written since redteam19; the SQL facet, which proves names by the allow-list, still does not.
    assert "pg_read_file" not in "\n".join(refused).lower()
