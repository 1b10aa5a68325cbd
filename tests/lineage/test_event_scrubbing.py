"""Events carrying real PII go through the real ``transform`` transport and none of it survives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlglot
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import (
    RunFacet,
    environment_variables_run,
    error_message_run,
    sql_job,
)
from openlineage.client.transport import get_default_factory

from openlineage_ext.transformer import MasklineTransformer, transport_config

# Real-looking values the scrubber's validators accept (Luhn card, valid SSN area, E.164 phone, IBAN).
EMAIL = "jane.roe@example.org"
SSN = "536-90-4399"
CARD = "4111 1111 1111 1111"
PHONE = "+34 612 345 678"
IBAN = "DE89370400440532013000"
NAME = "Jane Roe"  # no detector can tell a name in free text: the literal and quote rules must catch it
PASSWORD = "hunter2-correct-horse"
RAW_VALUES = (EMAIL, SSN, CARD, PHONE, IBAN, NAME, PASSWORD, "4111111111111111", "536904399")


def _leaky_event() -> RunEvent:
    sql = (f"/* requested by {EMAIL} */ SELECT id, email FROM crm.customers "
           f"WHERE email = '{EMAIL}' OR ssn = '{SSN}' OR card = 4111111111111111 OR full_name = '{NAME}' "
           f"OR iban = '{IBAN}' LIMIT 10")
    airflow_like = RunFacet().with_additional_properties(
        dagRun={"conf": {"customer": {"email": EMAIL, "phone": PHONE, "name": NAME}, "api_password": PASSWORD}},
        task={"params": {"ssn": SSN, "card": CARD}, "sql": sql, "owner": "data-eng"},
    )
    return RunEvent(
        eventType=RunState.FAIL,
        eventTime="2026-11-23T12:00:00Z",
        run=Run(runId="0190a4c2-1234-7000-8000-000000000001", facets={
            "errorMessage": error_message_run.ErrorMessageRunFacet(
                message=f"duplicate key: Key (email)=({EMAIL}) already exists; row '{NAME}' {SSN}",
                programmingLanguage="python",
                stackTrace=(f'Traceback (most recent call last):\n  File "/opt/dags/load.py", line 9, in load\n'
                            f"    insert(row={{'email': '{EMAIL}', 'card': '{CARD}'}})\nValueError: bad {IBAN}"),
            ),
            "environmentVariables": environment_variables_run.EnvironmentVariablesRunFacet(environmentVariables=[
                environment_variables_run.EnvironmentVariable(name="DB_PASSWORD", value=PASSWORD),
                environment_variables_run.EnvironmentVariable(name="SUPPORT_CONTACT", value=EMAIL),
                environment_variables_run.EnvironmentVariable(name="REGION", value="eu-west-1"),
            ]),
            "airflow": airflow_like,
        }),
        job=Job(namespace="crm", name="load_customers", facets={"sql": sql_job.SQLJobFacet(query=sql)}),
        inputs=[InputDataset(namespace="postgres://db:5432", name="crm.public.customers")],
        outputs=[OutputDataset(namespace="postgres://db:5432", name="crm.public.customers_masked")],
        producer="https://example.com/test-producer",
    )


@pytest.fixture()
def emitted(tmp_path: Path) -> tuple[str, dict]:
    out = tmp_path / "events.jsonl"
    transport = get_default_factory().create(
        transport_config({"type": "file", "log_file_path": str(out), "append": True}))
    OpenLineageClient(transport=transport).emit(_leaky_event())
    text = out.read_text(encoding="utf-8")
    return text, json.loads(text.splitlines()[0])


def test_no_raw_value_survives_the_transform_transport(emitted: tuple[str, dict]) -> None:
    text, _ = emitted
    leaked = [v for v in RAW_VALUES if v in text]
    assert leaked == [], f"raw values reached the transport: {len(leaked)}"


def test_scrubbed_sql_still_parses_and_keeps_its_structure(emitted: tuple[str, dict]) -> None:
    _, event = emitted
    query = event["job"]["facets"]["sql"]["query"]
    tree = sqlglot.parse_one(query)
    assert [t.name for t in tree.find_all(sqlglot.exp.Table)] == ["customers"]
    assert tree.args["limit"] is not None
    assert "[REDACTED]" in query


def test_lineage_identifiers_are_kept(emitted: tuple[str, dict]) -> None:
    _, event = emitted
    assert event["outputs"][0]["name"] == "crm.public.customers_masked"
    assert event["inputs"][0]["namespace"] == "postgres://db:5432"
    assert event["run"]["runId"] == "0190a4c2-1234-7000-8000-000000000001"
    env = {e["name"]: e["value"] for e in event["run"]["facets"]["environmentVariables"]["environmentVariables"]}
    assert env["REGION"] == "eu-west-1"  # harmless values pass
    assert env["DB_PASSWORD"] != PASSWORD


def test_error_message_keeps_its_shape(emitted: tuple[str, dict]) -> None:
    _, event = emitted
    message = event["run"]["facets"]["errorMessage"]["message"]
    assert message.startswith("duplicate key: Key (email)=([REDACTED]) already exists")
    assert "/opt/dags/load.py" in event["run"]["facets"]["errorMessage"]["stackTrace"]


def test_detected_mode_rewrites_only_sensitive_literals() -> None:
    from openlineage_ext.scrubbing import scrub_sql

    out = scrub_sql(f"SELECT * FROM t WHERE status = 'active' AND email = '{EMAIL}'", mode="detected")
    assert "'active'" in out and EMAIL not in out
    sqlglot.parse_one(out)


def test_unparseable_sql_loses_every_quoted_string() -> None:
    from openlineage_ext.scrubbing import scrub_sql

    out = scrub_sql(f"SELEKT FROM WHERE x = '{NAME}' {{{{ jinja }}}}")
    assert NAME not in out


def test_a_transformer_that_cannot_scrub_drops_the_event(monkeypatch: pytest.MonkeyPatch) -> None:
    import openlineage_ext.transformer as transformer_module

    def broken(*_a, **_k):
        raise RuntimeError("scrubber unavailable")

    monkeypatch.setattr(transformer_module, "scrub_event", broken)
    assert MasklineTransformer({}).transform(_leaky_event()) is None


def test_dag_run_identity_is_read_before_the_scrubber_hides_user_names() -> None:
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState

    from openlineage_ext.transformer import MasklineTransformer

    user = "ann.lee@example.com"
    ev = RunEvent(eventType=RunState.START, eventTime="2026-01-01T00:00:00Z",
                  run=Run(runId="0190a4c2-0000-7000-8000-00000000d0a1",
                          facets={"airflowDagRun": {"dag": {"owner": "data-eng"},
                                                    "dagRun": {"triggering_user_name": user,
                                                               "conf": {"maskline": {"agent": "copilot"}}}}}),
                  job=Job(namespace="ns", name="nightly"), producer="https://example.com/p")
    out = MasklineTransformer({"identity_names": "name"}).transform(ev)
    ident = out.run.facets["maskline_identity"]
    assert ident.executedBy["name"] == "copilot"
    assert ident.onBehalfOf["name"] == user  # the person the agent served, read before scrubbing
    assert user not in str(out.run.facets["airflowDagRun"])  # Airflow's own copy is still scrubbed
