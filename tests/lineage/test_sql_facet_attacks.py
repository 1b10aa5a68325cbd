"""Red-team of the ``sql`` job facet: literals of every spelling, comments, commands and unparsable SQL.

Each attack holds a made-up name that no detector recognises, so only construction can hide it. The
control of each attack shows sqlglot itself keeps the value (parsing and printing the SQL again, as the
scrubber once did, would forward it), so the test would see a leak.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import sqlglot
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import sql_job
from openlineage.client.transport import get_default_factory

from openlineage_ext.scrubbing import WITHHELD_SQL, scrub_sql
from openlineage_ext.transformer import transport_config

CANARY = "Quillon Vexmarra"  # a made-up person: no detector can tell it is a name
CANARY_WORD = "Vexmarra"

# (dialect, SQL): spellings of a value that are not a plain '...' string literal, and comments.
ATTACKS = [
    ("postgres", f"SELECT id FROM crm.customers WHERE full_name = E'{CANARY}'"),
    ("postgres", f"SELECT id FROM crm.customers WHERE full_name = $${CANARY}$$"),
    ("postgres", f"SELECT id FROM crm.customers WHERE full_name = $q${CANARY}$q$"),
    ("postgres", f"SELECT id FROM crm.customers WHERE full_name = U&'{CANARY}'"),
    ("snowflake", f"SELECT id FROM crm.customers WHERE full_name = $${CANARY}$$"),
    ("tsql", f"SELECT id FROM crm.customers WHERE full_name = N'{CANARY}'"),
    ("bigquery", f"SELECT id FROM crm.customers WHERE full_name = r'{CANARY}'"),
    ("bigquery", f"SELECT id FROM crm.customers WHERE full_name = b'{CANARY}'"),
    (None, f"SELECT id FROM crm.customers -- asked for {CANARY}\nWHERE id = 7"),
    (None, f"SELECT /* {CANARY} */ id FROM crm.customers"),
    ("postgres", f"SELECT id FROM crm.customers WHERE full_name = :who -- {CANARY}"),
    ("postgres", f"COPY crm.customers FROM PROGRAM 'echo {CANARY}'"),
    # double quotes where single ones were meant: a quoted identifier that holds a value (red team 5)
    ("postgres", f'SELECT id FROM crm.customers WHERE full_name = "{CANARY}"'),
    ("duckdb", f'SELECT id FROM crm.customers WHERE full_name IN ("{CANARY}", "Ada Brook")'),
]
# Statements sqlglot keeps only as an opaque command, or cannot parse at all.
UNREADABLE = [
    ("postgres", f"ALTER ROLE analyst PASSWORD '{CANARY}'"),
    ("postgres", f"CALL notify_customer('{CANARY}')"),
    (None, f"SELECT id FROM crm.customers WHERE full_name = $${CANARY}$$"),
    (None, f"SELECT 'C:\\' , '{CANARY}' FROM (((("),
]


def _reprinted(sql: str, dialect: str | None) -> str:
    """What printing sqlglot's own tree gives back: the value survives there."""
    try:
        return ";".join(sqlglot.transpile(sql, read=dialect, write=dialect, comments=True))
    except sqlglot.errors.ParseError:
        return sql


@pytest.mark.parametrize(("dialect", "sql"), ATTACKS)
def test_every_spelling_of_a_literal_and_every_comment_is_rewritten(dialect: str | None, sql: str) -> None:
    assert CANARY_WORD in _reprinted(sql, dialect)  # control: a parse-and-print scrubber would forward it
    out = scrub_sql(sql, "all", dialect)
    assert CANARY_WORD not in out
    assert out != WITHHELD_SQL and "customers" in out  # the structure is still shown
    sqlglot.parse(out, read=dialect)


@pytest.mark.parametrize(("dialect", "sql"), UNREADABLE)
def test_sql_that_cannot_be_read_as_structure_is_withheld_whole(dialect: str | None, sql: str) -> None:
    assert CANARY_WORD in sql
    assert scrub_sql(sql, "all", dialect) == WITHHELD_SQL
    assert scrub_sql(sql, "detected", dialect) == WITHHELD_SQL


def test_quoted_names_shaped_like_identifiers_are_kept() -> None:
    # the control of the quoted-value attacks above: quoted names of columns and tables stay lineage
    out = scrub_sql('SELECT "Order_Status", "customerId" FROM "crm"."Customers" WHERE "tier" = 2', "all", "postgres")
    assert out == 'SELECT "Order_Status", "customerId" FROM "crm"."Customers" WHERE "tier" = 2'


def test_detected_mode_also_rewrites_dollar_quoted_values_it_recognises() -> None:
    out = scrub_sql("SELECT id FROM t WHERE email = $$zz.canary@example.org$$ AND status = 'active'",
                    "detected", "postgres")
    assert "zz.canary@example.org" not in out and "'active'" in out


def test_sqlglot_log_records_quoting_the_sql_are_not_emitted(caplog: pytest.LogCaptureFixture) -> None:
    sql = f"CALL notify_customer('{CANARY}')"
    logger = logging.getLogger("sqlglot")
    installed, logger.filters = logger.filters, []  # control: without maskline, sqlglot logs the statement
    try:
        with caplog.at_level(logging.DEBUG):
            sqlglot.parse(sql, read="postgres")
        assert CANARY_WORD in caplog.text
    finally:
        logger.filters = installed
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        scrub_sql(sql, "all", "postgres")
    assert CANARY_WORD not in caplog.text and "withheld by maskline" in caplog.text


def test_no_canary_reaches_a_file_transport_through_the_sql_facet(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    transport = get_default_factory().create(
        transport_config({"type": "file", "log_file_path": str(out), "append": True}))
    client = OpenLineageClient(transport=transport)
    for i, (dialect, sql) in enumerate(ATTACKS + UNREADABLE):
        client.emit(RunEvent(
            eventType=RunState.COMPLETE, eventTime="2026-12-03T09:00:00Z",
            run=Run(runId=f"0190a4c2-1234-7000-8000-{i:012d}"),
            job=Job(namespace="crm", name=f"attack_{i}",
                    facets={"sql": sql_job.SQLJobFacet(query=sql, dialect=dialect)}),
            outputs=[OutputDataset(namespace="postgres://db:5432", name="crm.public.customers")],
            producer="https://example.com/red-team"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ATTACKS) + len(UNREADABLE)
    assert all("sql" in json.loads(line)["job"]["facets"] for line in lines)
    assert CANARY_WORD not in "\n".join(lines)


def _emitted(tmp_path: Path, sql: str, fields: tuple[str, ...], dataset: str = "crm.public.customers") -> str:
    """The sql facet's query as a file transport wrote it, for an event reading ``dataset`` with ``fields``."""
    from openlineage.client.event_v2 import InputDataset
    from openlineage.client.facet_v2 import schema_dataset

    out = tmp_path / "events.jsonl"
    transport = get_default_factory().create(transport_config({"type": "file", "log_file_path": str(out), "append": True}))
    schema = schema_dataset.SchemaDatasetFacet(fields=[schema_dataset.SchemaDatasetFacetFields(name=f, type="text")
                                                       for f in fields])
    OpenLineageClient(transport=transport).emit(RunEvent(
        eventType=RunState.COMPLETE, eventTime="2026-12-03T09:00:00Z",
        run=Run(runId="0190a4c2-1234-7000-8000-000000000099"),
        job=Job(namespace="crm", name="aliases", facets={"sql": sql_job.SQLJobFacet(query=sql, dialect="postgres")}),
        inputs=[InputDataset(namespace="postgres://db:5432", name=dataset, facets={"schema": schema})],
        producer="https://example.com/red-team"))
    return str(json.loads(out.read_text(encoding="utf-8").splitlines()[-1])["job"]["facets"]["sql"]["query"])


def test_a_quoted_alias_the_catalog_does_not_name_reaches_the_sql_facet_as_a_placeholder(tmp_path: Path) -> None:
    # A quoted identifier was copied as a name: an alias can carry a value the user typed.
    sql = f'SELECT ssn AS "123-45-6789", full_name AS "{CANARY}" FROM crm.customers AS "{CANARY}"'
    query = _emitted(tmp_path, sql, ("ssn", "full_name"))
    assert CANARY_WORD not in query and "123-45-6789" not in query
    assert query == 'SELECT ssn AS "name_1", full_name AS "name_2" FROM crm.customers AS "name_2"'
    assert sqlglot.parse_one(query, read="postgres") is not None  # still SQL


def test_quoted_names_of_the_catalogs_relations_and_columns_stay_readable(tmp_path: Path) -> None:
    # The control: the names the event's datasets declare (quoted as the user wrote them) are kept verbatim.
    sql = 'SELECT "Email", id FROM crm."Customers" WHERE id > 5'
    assert _emitted(tmp_path, sql, ("Email", "id"), dataset="crm.public.Customers") == sql


def test_the_query_path_keeps_the_names_it_read_and_replaces_a_quoted_alias() -> None:
    # maskline's own query lineage (the MCP server) scrubs its SQL facet with the tables it read and their columns.
    from maskline.mcp.lineage import CallRecord, call_events
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    plan = build_plan(load_policy({"version": 1}), "customers", [("ssn", "text"), ("Email", "text")])
    call = CallRecord("query", "executed", sql='SELECT ssn AS "123-45-6789", "Email" FROM "customers"',
                      tables=("customers",), plans={"customers": plan})
    event = call_events(call, job_namespace="ns", db_namespace="duckdb:///w.duckdb", dialect="duckdb")[1]
    # As the client's transport scrubs it (maskline.mcp.lineage.emit proves the call's names for its run).
    from maskline.mcp.lineage import proven_names
    from openlineage_ext.run_names import run_names
    from openlineage_ext.scrubbing import scrub_event

    run_names().prove(event.run.runId, proven_names(call))
    assert scrub_event(event).job.facets["sql"].query == 'SELECT ssn AS "name_1", "Email" FROM "customers"'
