"""An agent's query in lineage keeps the column names the rewrite read from the catalog, and lists them.

The toolset recorded the agent's SQL scrubbed without a catalog, where a column beside another column could be a
value typed without quotes, so ``full_name || ' <' || email`` reached lineage (and Marquez) as ``name_1 ||
'[REDACTED]' || name_2``. Once the rewrite has run, the columns it read from the catalog prove those names; a
refused query, which the rewrite read nothing for, keeps only the allowed tables' catalog columns. Each table read now also carries a
typed ``schema`` of those columns, so Marquez shows its fields. Real ``dag.test()`` runs on DuckDB and
PostgreSQL (the suite's shared agent run).
"""

from __future__ import annotations

import re

import pytest

from tests.agents.conftest import DUCKDB_CONN, PG_CONN, AgentRun

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("agents")]
CONNS = [DUCKDB_CONN, pytest.param(PG_CONN, marks=pytest.mark.postgres)]
CONCAT = ("SELECT full_name || '[REDACTED]' || email || '[REDACTED]' || phone || '[REDACTED]' || ssn AS card "
          "FROM raw_customers")


def _calls(run: AgentRun, conn: str) -> list[dict]:
    if conn not in run.conns:
        pytest.skip("PostgreSQL not started (run `make test`)")
    return run.call_events(f"agent_exfiltration_{conn}", "exfiltrate")


@pytest.mark.parametrize("conn", CONNS)
def test_an_executed_query_keeps_the_catalog_columns_it_read(agent_run: AgentRun, conn: str) -> None:
    done = {e["job"]["facets"]["sql"]["query"]: e for e in _calls(agent_run, conn) if e["eventType"] == "COMPLETE"}
    assert CONCAT in done, sorted(done)
    assert not any(re.search(r"\bname_\d+\b", sql) for sql in done), sorted(done)
    assert not [v for v in agent_run.raw_values if v in agent_run.lineage_text]


@pytest.mark.parametrize("conn", CONNS)
def test_each_table_an_agent_read_carries_its_typed_columns(agent_run: AgentRun, conn: str) -> None:
    done = [e for e in _calls(agent_run, conn) if e["eventType"] == "COMPLETE"]
    star = next(e for e in done if e["job"]["facets"]["sql"]["query"] == "SELECT * FROM raw_customers")
    (table,) = star["inputs"]
    fields = {f["name"]: f["type"] for f in table["facets"]["schema"]["fields"]}
    assert {"customer_id", "full_name", "email", "ssn"} <= set(fields)
    assert set(fields) == set(table["facets"]["maskline_masking"]["fields"])  # the same columns the policy decided
    assert all(t and t != "UNKNOWN" for t in fields.values())
    if conn == PG_CONN:
        assert fields["customer_id"] == "int4"  # as the provider's SQL extractor names it: one field in Marquez


@pytest.mark.parametrize("conn", CONNS)
def test_a_refused_query_read_nothing_and_proves_nothing(agent_run: AgentRun, conn: str) -> None:
    """The control: without a rewrite the query read nothing; the refused events list no table and no schema.
    The table is the operator's ``allowed_tables``, proven structure, so it keeps its name (agentnames), and so
    do that table's columns as the catalog lists them (lineageview); a name typed as a column the catalog lacks
    would still be a placeholder (tests/agents/test_agent_lineage_view.py)."""
    refused = [e for e in _calls(agent_run, conn) if e["eventType"] == "FAIL"]
    assert refused and all(not e["inputs"] for e in refused)
    probe = next(e for e in refused if "LIKE" in e["job"]["facets"]["sql"]["query"])
    assert probe["job"]["facets"]["sql"]["query"] == \
        "SELECT customer_id FROM raw_customers WHERE email LIKE '[REDACTED]'"
