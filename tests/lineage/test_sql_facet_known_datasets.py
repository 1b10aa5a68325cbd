"""A per-query event lists no fields, yet its SQL facet keeps the catalog's column names.

The OpenLineage provider emits one event pair per statement a SQL hook ran (``<task>.query.<n>``), parsed with
``use_connection=False``: its datasets carry no ``schema``. The SQL facet keeps an unquoted name only when it is
proven structure, so every column of such an event was renamed (``WHERE name_1 = '[REDACTED]'``), which made
the lineage unreadable in Marquez. The proof now also comes from an earlier event of the same process that
described the same dataset (namespace and name) from the catalog: the task's START event, whose ``schema`` the
provider read from ``information_schema``. The query text proves nothing: a value typed without quotes
(``WHERE ssn = X98234571``) and a column the catalog does not have are still renamed, and a dataset nobody
described (another database) keeps the fail-closed renaming.

Real parts: a ``dag.test()`` run on PostgreSQL (the suite's shared run), and the provider's own SQL parser
reading a real PostgreSQL catalog, sent through the real OpenLineage client to a file transport guarded by
the plugin.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.lineage.conftest import LineageRun

pytestmark = [pytest.mark.airflow, pytest.mark.postgres]
PLACEHOLDER = re.compile(r"\bname_\d+\b")
TYPED_VALUES = ("X98234571", "zquartermaine77")


def _query_events(run: LineageRun) -> list[dict[str, Any]]:
    """The provider's per-query events that read raw_customers."""
    return [e for e in run.events if re.search(r"\.query\.\d+$", e["job"]["name"])
            and "raw_customers" in ((e["job"].get("facets") or {}).get("sql") or {}).get("query", "")]


@pytest.mark.xdist_group("lineage")
def test_per_query_events_of_the_dag_keep_the_catalog_columns(airflow_lineage: LineageRun) -> None:
    events = _query_events(airflow_lineage)
    assert events, "the provider emitted no per-query event for the SQL task"
    for event in events:
        # The control: the event itself lists no field, so the names are proven by the START event.
        assert all(not (d.get("facets") or {}).get("schema") for d in event["inputs"])
        query = event["job"]["facets"]["sql"]["query"]
        assert "WHERE email = '[REDACTED]' AND ssn = '[REDACTED]'" in query, query
        assert not PLACEHOLDER.search(query), query
    leaked = sorted(v for v in airflow_lineage.raw_values if v in airflow_lineage.text)
    assert leaked == []


@pytest.fixture()
def warehouse(pg_dsn: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    """A PostgresHook and a new table ``(id, username, ssn)`` of its own name: the process remembers datasets,
    so no test sees another's.

    The hook logs in as a role of its own with a random password: Airflow hands a connection's password to its
    process-wide secrets masker, and the suite's admin password is the word ``maskline``, which would then be
    masked in every later message of this test worker ("*** would refuse it").
    """
    import secrets
    from urllib.parse import urlsplit, urlunsplit

    import psycopg2
    from airflow.providers.postgres.hooks.postgres import PostgresHook

    table = f"users_{uuid.uuid4().hex[:8]}"
    role, password = f"reader_{uuid.uuid4().hex[:8]}", secrets.token_hex(16)
    with psycopg2.connect(pg_dsn) as conn, conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {table} (id integer, username text, ssn text)")
        cur.execute(f"CREATE TABLE other_{table} (id integer, username text, ssn text)")
        # A superuser, as the suite's own role is: a loaded server keeps its last connection slots for
        # superusers, and the busy suite reaches them.
        cur.execute(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD %s", (password,))
    parts = urlsplit(pg_dsn)
    dsn = urlunsplit(("postgres", f"{role}:{password}@{parts.hostname}:{parts.port}", parts.path, "", ""))
    monkeypatch.setenv("AIRFLOW_CONN_KNOWN_DATASETS", dsn)
    try:
        yield PostgresHook(postgres_conn_id="known_datasets"), table
    finally:
        with psycopg2.connect(pg_dsn) as conn, conn.cursor() as cur:
            cur.execute(f"DROP OWNED BY {role}")
            cur.execute(f"DROP ROLE {role}")


def _event(hook: Any, sql: str, *, use_connection: bool) -> Any:
    """The event the provider builds for ``sql``: with ``use_connection`` its datasets carry the catalog's
    ``schema`` (the task's own event), without it none (a per-query event)."""
    from airflow.providers.openlineage.sqlparser import get_openlineage_facets_with_sql
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState

    lineage = get_openlineage_facets_with_sql(hook=hook, sql=sql, conn_id="known_datasets", database=None,
                                              use_connection=use_connection)
    assert lineage is not None and lineage.inputs
    has_schema = all("schema" in (d.facets or {}) for d in lineage.inputs)
    assert has_schema == use_connection
    return RunEvent(eventType=RunState.START if use_connection else RunState.COMPLETE,
                    eventTime="2026-01-01T00:00:00Z", producer="https://example.com/test",
                    run=Run(runId=str(uuid.uuid4())), job=Job("ns", f"task.{uuid.uuid4().hex[:8]}",
                                                              lineage.job_facets),
                    inputs=lineage.inputs, outputs=lineage.outputs)


def _sent_queries(tmp_path: Path, *events: Any) -> list[str]:
    """Each event sent through the real client, guarded as the plugin guards it, to a file; the SQL read back."""
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from openlineage_ext.guarded_transport import guard_client

    out = tmp_path / "events.jsonl"
    client = guard_client(OpenLineageClient(transport=FileTransport(FileConfig(log_file_path=str(out), append=True))))
    for event in events:
        client.emit(event)
    return [json.loads(line)["job"]["facets"]["sql"]["query"] for line in out.read_text().splitlines()]


QUERY = "SELECT id, username FROM {t} WHERE username = zquartermaine77 AND ssn = X98234571 AND no_such_col > 2"


def test_a_per_query_event_keeps_the_columns_its_task_event_read_from_the_catalog(warehouse: tuple[Any, str],
                                                                                  tmp_path: Path) -> None:
    hook, table = warehouse
    task_event = _event(hook, f"SELECT id FROM {table}", use_connection=True)
    per_query = _event(hook, QUERY.format(t=table), use_connection=False)
    _, query = _sent_queries(tmp_path, task_event, per_query)
    # Catalog columns keep their names; a value typed as a name and a column the catalog lacks do not.
    assert query == f"SELECT id, username FROM {table} WHERE username = name_1 AND ssn = name_2 AND name_3 > 2"
    assert not any(v.lower() in query.lower() for v in TYPED_VALUES)


def test_without_a_catalog_description_every_unproven_column_stays_renamed(warehouse: tuple[Any, str],
                                                                           tmp_path: Path) -> None:
    """The control: the same per-query event alone (nothing described the dataset) fails closed as before."""
    hook, table = warehouse
    (query,) = _sent_queries(tmp_path, _event(hook, QUERY.format(t=table), use_connection=False))
    assert query == f"SELECT name_1, name_2 FROM {table} WHERE name_2 = name_3 AND name_4 = name_5 AND name_6 > 2"


def test_a_description_of_another_dataset_proves_nothing(warehouse: tuple[Any, str], tmp_path: Path) -> None:
    """Names are remembered per dataset (namespace and name): another table with the same columns proves none."""
    hook, table = warehouse
    other = _event(hook, f"SELECT id FROM other_{table}", use_connection=True)
    _, query = _sent_queries(tmp_path, other, _event(hook, QUERY.format(t=table), use_connection=False))
    assert query == f"SELECT name_1, name_2 FROM {table} WHERE name_2 = name_3 AND name_4 = name_5 AND name_6 > 2"


def _sent_events(tmp_path: Path, *events: Any) -> list[dict[str, Any]]:
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from openlineage_ext.guarded_transport import guard_client

    out = tmp_path / "events.jsonl"
    client = guard_client(OpenLineageClient(transport=FileTransport(FileConfig(log_file_path=str(out), append=True))))
    for event in events:
        client.emit(event)
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_column_lineage_parsed_from_the_query_keeps_only_catalog_fields(warehouse: tuple[Any, str],
                                                                        tmp_path: Path) -> None:
    """The provider's column lineage comes from the query text: a value typed unquoted in a projection was an
    input field (``"field": "X98234571"``), and it proved that name to the SQL facet. Now neither holds it; the
    real column's lineage (``ssn``) stays."""
    hook, table = warehouse
    hook.run(f"CREATE TABLE out_{table} (a text, ssn text)", autocommit=True)
    event = _event(hook, f"INSERT INTO out_{table} SELECT X98234571 AS a, ssn FROM {table}", use_connection=True)
    raw_lineage = event.outputs[0].facets["columnLineage"].fields
    assert raw_lineage["a"].inputFields[0].field == "X98234571"  # the control: the parser took the value for a column
    (sent,) = _sent_events(tmp_path, event)
    text = json.dumps(sent)
    assert "x98234571" not in text.lower()
    fields = sent["outputs"][0]["facets"]["columnLineage"]["fields"]
    assert fields["a"]["inputFields"] == []
    assert [f["field"] for f in fields["ssn"]["inputFields"]] == ["ssn"]
    assert sent["job"]["facets"]["sql"]["query"] == f"INSERT INTO out_{table} SELECT name_1 AS a, ssn FROM {table}"


def test_a_typed_function_name_is_not_copied_but_known_functions_are(warehouse: tuple[Any, str],
                                                                     tmp_path: Path) -> None:
    """A value typed where a function goes was copied as structure into the SQL facet (lineprune). Now a function
    stays only when sqlglot knows it or maskline's rewrite allow-list lists it."""
    hook, table = warehouse
    task_event = _event(hook, f"SELECT id FROM {table}", use_connection=True)
    typed = _event(hook, f"SELECT pw_Qv7x98234571(ssn), upper(username), split_part(ssn, '-', 1) FROM {table}",
                   use_connection=False)
    _, query = _sent_queries(tmp_path, task_event, typed)
    assert "qv7x98234571" not in query.lower()
    # The controls: the event's table, its catalog columns and the functions sqlglot or the allow-list knows stay.
    assert query == f"SELECT name_1(ssn), upper(username), split_part(ssn, '[REDACTED]', 1) FROM {table}"
