"""One OpenLineage run per MCP tool call: who asked, which tables were read, how many cells were masked.

Each call is a run of the job ``maskline_mcp.<tool>``, or ``maskline_mcp.<tool>.<tables>`` for a call that read
tables (one job per set of tables read, :func:`openlineage_ext.agent_call_jobs.call_job_name`: Marquez draws a
job's edges from its latest version only, so one job for every call would leave only the last call's tables
showing the agent's read on their pages), with a START event (at the time the call began) and
a COMPLETE (or FAIL, for a refusal or an engine error) event. The final event carries:

- ``maskline_identity``: executed by the agent (kind ``agent``, its name as the
  MCP client claimed it), on behalf of the verified person, if any;
- the tables read as input datasets, named as maskline's operators and the Airflow provider name them
  (:mod:`maskline.lineage_names`: ``postgres://host:port`` and ``database.schema.table``, a DuckDB file's
  path and ``main.table``), so they land on the table's own Marquez node, each with a typed ``schema`` (the
  columns the rewrite read from the catalog, :mod:`openlineage_ext.lineage_types`) and ``maskline_masking``
  (the policy's decision per column, and ``cellsMasked`` for the cells from it);
- ``maskline_mcp``: the tool, its outcome, rows returned and masked cells per
  info type (counts only);
- the ``sql`` job facet with the query's literals redacted, and a value-free
  ``errorMessage`` on FAIL.

Events go through the OpenLineage client configured the usual way
(``OPENLINEAGE_URL``, ``openlineage.yml``, ``OPENLINEAGE__TRANSPORT__*``), from a background thread
(:mod:`openlineage_ext.background_emit`), so a lineage server that is down or slow never delays a tool call.
Each event crosses one scrub boundary, the client's transport: maskline's guard
(:func:`openlineage_ext.guarded_transport.guard_client`), or the user's ``transform`` transport when it already
runs maskline's transformer, as the Airflow agent toolset's events do. The names the call proved are handed to
that scrubber under the run's id (:mod:`openlineage_ext.run_names`).
Lineage is best effort: nothing here raises into a tool call.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

JOB_PREFIX = "maskline_mcp"
DEFAULT_NAMESPACE = "maskline"
MCP_FACET = "maskline_mcp"
INTEGRATION = "MASKLINE"


@dataclass(frozen=True)
class CallRecord:
    """What one tool call did, without any value: the facts its lineage event is built from.

    >>> CallRecord("query", "refused", reason="only SELECT").failed
    True
    """

    tool: str
    outcome: str  # executed, refused or failed
    agent: str = "unknown-agent"
    person: str | None = None
    sql: str | None = None
    tables: tuple[str, ...] = ()
    plans: Mapping[str, Any] = field(default_factory=dict, repr=False)
    cells_by_table: Mapping[str, int] = field(default_factory=dict)
    cells_by_info_type: Mapping[str, int] = field(default_factory=dict)
    rows: int = 0
    # Per table, the returned rows holding at least one masked cell of it (rowsMasked): none for unmask_for's reads.
    rows_by_table: Mapping[str, int] = field(default_factory=dict)
    reason: str | None = None
    # The tables the operator let the tools read (--allow): names the configuration gives, never the agent, so they
    # prove a table of the call's SQL even when the call was refused before any table was read.
    allowed: tuple[str, ...] = ()
    # Each table as the call named it -> its dataset name (maskline.lineage_names); a table it lacks keeps its name.
    dataset_names: Mapping[str, str] = field(default_factory=dict)
    started: str | None = None  # ISO time the call began: the START event's, so Marquez shows the run's start
    # Which key the keyed methods of the call's plans use (maskline.keys.key_check): a check value, never the key.
    key_check: Mapping[str, Any] | None = None

    @property
    def failed(self) -> bool:
        return self.outcome != "executed"


def identity(agent: str, person: str | None) -> Any:
    """``maskline_identity``'s content: executed by the agent, on behalf of the verified person.

    >>> i = identity("claude-desktop", "alice")
    >>> i.executed_by.kind, i.executed_by.name, i.on_behalf_of.name
    ('agent', 'claude-desktop', 'alice')
    """
    from openlineage_ext.identity import Principal, kind_of, resolve_identity

    principals = [Principal("agent", agent or "unknown-agent", "agent")]
    if person:
        principals.append(Principal(kind_of(person), person, "agent.on_behalf_of"))
    return resolve_identity(principals)


def call_events(call: CallRecord, *, job_namespace: str, db_namespace: str, dialect: str) -> list[Any]:
    """The START and final ``RunEvent`` of one call.

    >>> start, end = call_events(CallRecord("list_tables", "executed", agent="a"), job_namespace="ns",
    ...                          db_namespace="duckdb:///w.duckdb", dialect="duckdb")
    >>> start.eventType.value, end.eventType.value, end.job.name
    ('START', 'COMPLETE', 'maskline_mcp.list_tables')
    >>> call = CallRecord("describe_table", "executed", tables=("t",), dataset_names={"t": "main.t"},
    ...                   started="2026-12-05T21:00:00+00:00")
    >>> start, end = call_events(call, job_namespace="ns", db_namespace="duckdb://w.duckdb", dialect="duckdb")
    >>> start.eventTime, [d.name for d in end.inputs], end.job.name
    ('2026-12-05T21:00:00+00:00', ['main.t'], 'maskline_mcp.describe_table.main.t')
    """
    from openlineage.client.event_v2 import InputDataset, Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import job_type_job, sql_job
    from openlineage.client.uuid import generate_new_uuid

    from maskline.mcp.facet import MasklineMcpRunFacet
    from openlineage_ext.agent_call_jobs import call_job_name
    from openlineage_ext.facets import IDENTITY, identity_facet, input_schema_facet, masking_facet, producer
    from openlineage_ext.lineage_types import renamed_types
    from openlineage_ext.own_error import own_error_message
    run_id = str(generate_new_uuid())
    job_facets: dict[str, Any] = {"jobType": job_type_job.JobTypeJobFacet(
        processingType="BATCH", integration=INTEGRATION, jobType="AGENT_QUERY", producer=producer())}
    if call.sql:
        # As the agent typed it: the client's transport scrubs the event (literals redacted, names kept only when
        # proven: the call's tables, their columns and the allowed tables, :func:`emit`), once.
        job_facets["sql"] = sql_job.SQLJobFacet(query=call.sql, dialect=dialect, producer=producer())
    inputs = []
    for table in call.tables:
        facets: dict[str, Any] = {}
        plan = call.plans.get(table)
        if plan is not None:
            # The plan's columns are the catalog's (the rewrite read them), typed as the SQL extractor names them.
            facets["schema"] = input_schema_facet(renamed_types(plan, dialect))
            # Rows masked, not rows returned: a read of unmask_for, or one selecting no masked column, masked none.
            # Unknown (None) where nothing was read (describe_table, explain, a refused call).
            masked_rows = call.rows_by_table.get(table, 0) if call.tool == "query" and not call.failed else None
            facets["maskline_masking"] = masking_facet(plan, rows=masked_rows,
                                                       cells=call.cells_by_table.get(table, 0), engine=dialect,
                                                       key_check=call.key_check)
        name = call.dataset_names.get(table, table)
        inputs.append(InputDataset(namespace=db_namespace, name=name, facets=facets))
    job = Job(namespace=job_namespace, name=call_job_name(f"{JOB_PREFIX}.{call.tool}", [d.name for d in inputs]),
              facets=job_facets)
    run_facets: dict[str, Any] = {
        IDENTITY: identity_facet(identity(call.agent, call.person)),
        MCP_FACET: MasklineMcpRunFacet(tool=call.tool, outcome=call.outcome, rowsReturned=call.rows,
                                       cellsMasked=sum(call.cells_by_info_type.values()),
                                       cellsMaskedByInfoType=dict(call.cells_by_info_type), producer=producer()),
    }
    if call.failed:
        # maskline's own text, said by the facet's type: lineage withholds a message without a stack trace
        run_facets["errorMessage"] = own_error_message(
            f"maskline {call.outcome} the agent's {call.tool}: {call.reason or 'no reason given'}")
    now = datetime.now(UTC).isoformat()
    start = RunEvent(eventType=RunState.START, eventTime=call.started or now, run=Run(runId=run_id), job=job, inputs=inputs,
                     producer=producer())
    end = RunEvent(eventType=RunState.FAIL if call.failed else RunState.COMPLETE, eventTime=now,
                   run=Run(runId=run_id, facets=run_facets), job=job, inputs=inputs, outputs=[], producer=producer())
    return [start, end]


@cache
def _client() -> Any:
    from openlineage.client import OpenLineageClient

    return OpenLineageClient()


def _guarded() -> Any:
    """The configured client with its transport guarded by maskline
    (:func:`openlineage_ext.guarded_transport.guard_client`: once per client, and a no-op when the user's
    ``transform`` transport already runs maskline's transformer): the one place an event is scrubbed."""
    from openlineage_ext.guarded_transport import guard_client

    return guard_client(_client())


def proven_names(call: CallRecord) -> set[str]:
    """The names a call's SQL may keep: the tables it read and their plans' columns
    (:func:`openlineage_ext.catalog_names.call_names`), and the tables the operator allowed, lower case.

    >>> sorted(proven_names(CallRecord("query", "refused", allowed=("main.customers",))))
    ['customers', 'main', 'main.customers']
    """
    from openlineage_ext.catalog_names import call_names, relation_names

    return call_names(call.tables, call.plans) | {n for t in call.allowed for n in relation_names(t)}


def emit(events: Sequence[Any], names: Collection[str] = ()) -> bool:
    """Queue ``events`` for the configured OpenLineage client, whose transport scrubs them; False if that failed.

    ``names`` are more catalog names the SQL facets may keep (:func:`proven_names`), proven for the events' runs
    (:mod:`openlineage_ext.run_names`) for the scrubber behind the client. The events are sent by a background
    thread (:mod:`openlineage_ext.background_emit`): a lineage server that is down or slow never holds the tool
    call's answer. :func:`flush` waits for them at shutdown.

    >>> emit([])  # nothing to queue: done at once
    True
    """
    try:
        from openlineage_ext.run_names import run_names

        _guarded()  # built (and guarded) now: a configuration that cannot be read queues nothing
        sender = _sender()
        for event in events:
            run_names().prove(str(event.run.runId), names)
    except Exception as e:  # noqa: BLE001 - lineage must never fail a tool call
        from maskline.errors import structured_message  # a maskline error's what/where/fix, else its class

        log.warning("maskline mcp: could not queue the tool call's lineage (%s); it was not sent",
                    structured_message(e))
        return False
    return all([sender.submit(event) for event in events])


def check_settings() -> None:
    """Build the lineage sender now, so that a bad ``MASKLINE_LINEAGE_QUEUE_SIZE`` or
    ``MASKLINE_LINEAGE_FLUSH_SECONDS`` (:mod:`openlineage_ext.sender_settings`) stops the server at start-up
    with what, where and how to fix, not every tool call's lineage later.

    >>> check_settings()
    """
    _sender()



def flush(timeout: float | None = None) -> bool:
    """Wait up to ``timeout`` seconds (default ``MASKLINE_LINEAGE_FLUSH_SECONDS``, 10) for the queued events to be
    sent (the server's shutdown); False if some were not (and a warning says how many, and where they were going).

    >>> flush(1)
    True
    """
    return _sender().flush(timeout)


@cache
def _sender() -> Any:
    from openlineage_ext.background_emit import BackgroundSender

    return BackgroundSender(_send, where=destination, who="maskline mcp")


def _send(event: Any) -> None:
    """Send one event now (on the sender's thread) through the guarded client, which scrubs it; a failure is a
    warning naming where it was going."""
    try:
        _guarded().emit(event)
    except Exception as e:  # noqa: BLE001 - lineage must never fail a tool call
        log.warning("maskline mcp: could not send the tool call's lineage to %s (%s); the call went on without it. "
                    "Fix: check that the lineage server answers there, or the transport in OPENLINEAGE_URL, "
                    "openlineage.yml or OPENLINEAGE__TRANSPORT__*", destination(), type(e).__name__)


def destination() -> str:
    """Where the configured client sends events, for a warning
    (:func:`openlineage_ext.destination.destination`: no user, password, path or query of a URL).

    >>> import os; os.environ.get("OPENLINEAGE_URL") is None or destination().startswith("http")
    True
    """
    from openlineage_ext.destination import destination as of_client

    try:
        return of_client(_guarded())
    except Exception:  # noqa: BLE001 - a warning's detail never raises
        return "the configured transport"


def record(call: CallRecord, *, job_namespace: str, db_namespace: str, dialect: str) -> bool:
    """Build and emit the events of ``call``; False (and a warning) instead of any exception.

    >>> record(None, job_namespace="agents", db_namespace="duckdb://w", dialect="duckdb")  # a broken call record
    False
    """
    try:
        events = call_events(call, job_namespace=job_namespace, db_namespace=db_namespace, dialect=dialect)
    except Exception as e:  # noqa: BLE001 - lineage must never fail a tool call
        log.warning("maskline mcp: could not build the tool call's lineage (%s)", type(e).__name__)
        return False
    return emit(events, proven_names(call))
