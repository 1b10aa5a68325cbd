"""Who ran it: principals from Airflow, kinds, pseudonyms, and survival through Airflow's redactor."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from maskline.keys import KeyMaterial, hmac_hex
from openlineage_ext.facets import identity_facet
from openlineage_ext.identity import Principal, kind_of, resolve_identity


def _ti(trigger: str | None = "alice", owner: str = "data-eng", run_as: str | None = None, conf: dict | None = None):
    task = NS(owner=owner, run_as_user=run_as, task_id="t")
    ctx = {"dag_run": NS(triggering_user_name=trigger, conf=conf or {}), "task": task, "dag": NS(owner=owner)}
    return NS(task=task, get_template_context=lambda: ctx)


def test_redactor_of_the_openlineage_provider_keeps_identity_fields() -> None:
    from airflow.providers.openlineage.plugins.adapter import SecretsMasker
    from airflow.providers.openlineage.utils.utils import OpenLineageRedactor
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState

    masker = SecretsMasker()
    masker.add_mask("s3cr3t-value-registered")  # what Airflow registers for connection passwords
    redactor = OpenLineageRedactor.from_masker(masker)
    ident = resolve_identity([Principal("user", "alice", "airflow.triggering_user"),
                              Principal("service", "svc_loader", "db.login"),
                              Principal("agent", "sql-copilot", "agent"),
                              Principal("user", "bob", "agent.on_behalf_of")], naming="name")
    event = RunEvent(eventType=RunState.COMPLETE, eventTime="2026-11-23T12:00:00Z",
                     run=Run(runId="0190a4c2-1234-7000-8000-000000000002",
                             facets={"maskline_identity": identity_facet(ident)}),
                     job=Job(namespace="ns", name="job"), producer="https://example.com/p")
    redacted = redactor.redact(event, max_depth=20)
    facet = redacted.run.facets["maskline_identity"]
    assert facet.executedBy == {"kind": "agent", "name": "sql-copilot", "pseudonymized": False, "origin": "agent"}
    assert facet.onBehalfOf["name"] == "bob"
    # The triggering user is Airflow's own run facet's business: not repeated here.
    assert [p["name"] for p in facet.principals] == ["svc_loader", "sql-copilot", "bob"]
    assert facet._producer.startswith("https://github.com/maskline/")


def test_redactor_still_blanks_a_registered_secret_inside_our_facet() -> None:
    """The redactor's value masking still applies: we only avoid *names* it blanks wholesale."""
    from airflow.providers.openlineage.plugins.adapter import SecretsMasker
    from airflow.providers.openlineage.utils.utils import OpenLineageRedactor

    masker = SecretsMasker()
    masker.add_mask("svc-password-123")
    facet = identity_facet(resolve_identity([Principal("service", "svc-password-123", "db.login")], naming="name"))
    redacted = OpenLineageRedactor.from_masker(masker).redact(facet, max_depth=20)
    assert "svc-password-123" not in str(redacted.executedBy)


def test_task_identity_prefers_the_database_login_and_keeps_the_trigger(monkeypatch: pytest.MonkeyPatch) -> None:
    import openlineage_ext.airflow_identity as ai

    monkeypatch.setattr(ai, "_connection_logins", lambda task: [("pg", "etl_svc")])
    ident = ai.task_identity(_ti(trigger="alice"), naming="name", environ={})
    assert (ident.executed_by.kind, ident.executed_by.name, ident.executed_by.origin) == ("service", "etl_svc",
                                                                                           "db.login")
    assert ident.triggered_by.name == "alice"
    assert {p.origin for p in ident.principals} >= {"airflow.triggering_user", "airflow.task_owner",
                                                    "airflow.dag_owner", "db.login", "os.user"}


def test_scheduled_runs_have_no_trigger_and_placeholder_owners_are_ignored() -> None:
    from openlineage_ext.airflow_identity import task_principals

    origins = [p.origin for p in task_principals(_ti(trigger=None, owner="airflow"), environ={})]
    assert "airflow.triggering_user" not in origins and "airflow.task_owner" not in origins


def test_agent_named_in_run_conf_executes_on_behalf_of_the_trigger() -> None:
    from openlineage_ext.airflow_identity import task_identity

    ident = task_identity(_ti(trigger="carol", conf={"maskline": {"agent": "report-agent"}}), naming="name",
                          environ={})
    assert (ident.executed_by.kind, ident.executed_by.name) == ("agent", "report-agent")
    assert ident.on_behalf_of.name == "carol"


def test_pseudonym_mode_records_keyed_tokens_never_names() -> None:
    key = KeyMaterial(b"identity-test-key")
    ident = resolve_identity([Principal("user", "alice", "airflow.triggering_user")], naming="pseudonym", key=key)
    assert ident.executed_by.name == "psn:" + hmac_hex(key, "user:alice", 16)
    assert ident.executed_by.pseudonymized and ident.naming == "pseudonym"
    assert "alice" not in str(ident.as_dict())


def test_pseudonym_mode_without_a_key_fails_closed() -> None:
    ident = resolve_identity([Principal("user", "alice", "os.user")], naming="pseudonym", environ={})
    assert ident.executed_by.name == "unavailable"


def test_run_as_user_outranks_the_worker_os_account() -> None:
    from openlineage_ext.airflow_identity import task_identity

    ident = task_identity(_ti(run_as="svc_reporting"), naming="name", environ={})
    assert ident.executed_by.origin == "airflow.run_as_user"


@pytest.mark.parametrize(("name", "kind"), [("alice", "user"), ("j.smith", "user"), ("svc_etl", "service"),
                                            ("airflow", "service"), ("loader-bot", "service"),
                                            ("sa-123@proj.iam.gserviceaccount.com", "service")])
def test_kind_of_tells_people_from_service_accounts(name: str, kind: str) -> None:
    assert kind_of(name, environ={}) == kind


def test_identity_run_facets_never_raise() -> None:
    from openlineage_ext.airflow_run_facets import identity_run_facets

    assert identity_run_facets(object(), "running") in ({}, identity_run_facets(object(), "running"))
    broken = NS(get_template_context=lambda: (_ for _ in ()).throw(RuntimeError("no context")))
    assert isinstance(identity_run_facets(broken, "failed"), dict)


def test_agent_named_in_dag_run_conf_executes_the_dag_run_on_behalf_of_the_trigger() -> None:
    from openlineage_ext.run_identity import dag_run_identity

    facet = {"dag": {"owner": "data-eng"},
             "dagRun": {"triggering_user_name": "alice", "conf": {"maskline": {"agent": "sql-copilot"}}}}
    ident = dag_run_identity(facet, naming="name")
    assert (ident.executed_by.kind, ident.executed_by.name) == ("agent", "sql-copilot")
    assert ident.on_behalf_of is not None and ident.on_behalf_of.name == "alice"


def test_query_event_of_a_seen_task_reuses_its_identity_without_asking_airflow(monkeypatch: pytest.MonkeyPatch) -> None:
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import parent_run

    from openlineage_ext import run_identity
    from openlineage_ext.facets import identity_facet

    asked: list[object] = []  # a spy in place of the live-task lookup, which costs connection lookups
    monkeypatch.setattr(run_identity, "_current_task_identity", lambda parent, naming: asked.append(parent))
    task_run = "0190a4c2-0000-7000-8000-00000000a5c1"
    seen = identity_facet(resolve_identity([Principal("service", "etl_svc", "db.login")], naming="name"))
    run_identity.remember(task_run, seen)
    parent = parent_run.ParentRunFacet(run=parent_run.Run(runId=task_run),
                                       job=parent_run.Job(namespace="ns", name="dag.task"))
    ev = RunEvent(eventType=RunState.START, eventTime="2026-01-01T00:00:00Z",
                  run=Run(runId="0190a4c2-0000-7000-8000-00000000a5c2", facets={"parent": parent}),
                  job=Job(namespace="ns", name="dag.task.query.1"), producer="https://example.com/p")
    run_identity.complete_identity(ev, "name")
    assert ev.run.facets["maskline_identity"] is seen
    assert asked == []


def test_pseudonyms_use_the_airflow_face_key_source(monkeypatch) -> None:
    # The lineage face never imports the Airflow face; the Airflow plugin registers its key resolver
    # (Airflow connection first). Not trivially true: without the registration the environment's key is used,
    # and the pseudonym differs.
    import json

    from airflow_plugin.key_source import resolve_operator_key
    from airflow_plugin.lineage_protection import install
    from maskline.keys import KeyRef, resolve_key
    from maskline.policy import load_policy
    from openlineage_ext.airflow_identity import task_identity, use_key_source

    monkeypatch.setenv("MASKLINE_KEY", "e" * 32)
    monkeypatch.setenv("AIRFLOW_CONN_MASKLINE_DEFAULT", json.dumps({"conn_type": "maskline", "password": "c" * 32}))
    task = NS(owner="airflow", run_as_user="etl_svc")
    ctx = {"dag_run": NS(triggering_user_name="alice", conf={}), "task": task, "dag": None}
    principal = [Principal("service", "etl_svc", "airflow.run_as_user")]

    def expected(key: KeyMaterial) -> str:
        return resolve_identity(principal, naming="pseudonym", key=key).executed_by.name

    from_connection = expected(resolve_operator_key(load_policy({})))
    from_environment = expected(resolve_key(KeyRef(env="MASKLINE_KEY")))
    assert from_connection != from_environment
    try:
        use_key_source(None)
        assert task_identity(NS(task=task), ctx, naming="pseudonym", environ={}).executed_by.name == from_environment
        assert install(), "the OpenLineage provider is part of the airflow extra"
        assert task_identity(NS(task=task), ctx, naming="pseudonym", environ={}).executed_by.name == from_connection
    finally:
        use_key_source(None)
