"""Names a producer proved for its own run reach the scrubber behind the OpenLineage client, for that run only.

Through the real :class:`openlineage_ext.guarded_transport.GuardedTransport` (what the Airflow plugin wraps
every transport in): a refused query's event declares no dataset, so without proof its table is ``name_1``.
"""

from __future__ import annotations

from typing import Any

from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
from openlineage.client.facet_v2 import sql_job
from openlineage.client.transport import Transport
from openlineage.client.uuid import generate_new_uuid


class Keep(Transport):
    """Stands in for the user's file/http transport: keeps what it is sent."""

    kind = "keep"

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def emit(self, event: Any) -> None:
        self.sent.append(event)

    def close(self, timeout: float = -1) -> bool:
        return True


def _sent_sql(sql: str, run_id: str) -> str:
    from openlineage_ext.guarded_transport import GuardedTransport

    event = RunEvent(eventType=RunState.FAIL, eventTime="2026-01-01T00:00:00Z", producer="test",
                     run=Run(runId=run_id), job=Job("ns", "dag.task.agent_query",
                                                    {"sql": sql_job.SQLJobFacet(query=sql, dialect="duckdb")}))
    kept = Keep()
    GuardedTransport(kept).emit(event)
    return str(kept.sent[0].job.facets["sql"].query)


def test_a_proven_table_keeps_its_name_for_its_run_only() -> None:
    from openlineage_ext.run_names import run_names

    proven, other = str(generate_new_uuid()), str(generate_new_uuid())
    assert _sent_sql("DELETE FROM raw_customers", proven) == "DELETE FROM name_1"  # the control: no proof yet
    run_names().prove(proven, ["main.raw_customers"])
    assert _sent_sql("DELETE FROM raw_customers", proven) == "DELETE FROM raw_customers"
    assert _sent_sql("DELETE FROM raw_customers", other) == "DELETE FROM name_1"  # another run proves nothing


def test_proof_of_a_table_proves_no_value_typed_as_a_table_or_function() -> None:
    from openlineage_ext.run_names import run_names

    run_id = str(generate_new_uuid())
    run_names().prove(run_id, ["raw_customers"])
    sent = _sent_sql("SELECT pw_Qv7x98234571(ssn) FROM zq_Qv7x98234571 JOIN raw_customers ON 1 = 1", run_id)
    assert "98234571" not in sent.lower()
    assert sent == "SELECT name_1(name_2) FROM name_3 JOIN raw_customers ON 1 = 1"
