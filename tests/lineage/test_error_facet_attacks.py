"""Red-team of the ``errorMessage`` facet: real engine errors that quote a value no detector recognises.

Each attack makes DuckDB fail on a made-up name, builds the facet as the Airflow provider does
(``str(error)`` and the formatted traceback) and sends it through the real ``transform`` transport
to a file. The control asserts the engine's own text holds the name, so forwarding it would show.
"""

from __future__ import annotations

import json
import traceback
from pathlib import Path
from typing import Any

import pytest
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
from openlineage.client.facet_v2 import error_message_run
from openlineage.client.transport import get_default_factory

from openlineage_ext.transformer import transport_config
from tests.engine_errors import CANARY, CANARY_WORD
from tests.engine_errors import engine_error as _engine_error
from tests.engine_errors import wrapped as _wrapped

FAILING = [  # each quotes the value a different way (double quotes, bare, after "Input:", on its own line)
    "INSERT INTO people VALUES (2, (SELECT name FROM people WHERE id = 1))",
    "SELECT name::date FROM people",
    "SELECT strptime(name, '%Y') FROM people",
    "SELECT json_extract(name, '$.a') FROM people",
    "SELECT error(name) FROM people",
]


def _emit(errors: list[BaseException], out: Path) -> str:
    facets = [error_message_run.ErrorMessageRunFacet(  # as the Airflow provider's adapter builds it
        message=str(error), programmingLanguage="python",
        stackTrace="".join(traceback.format_exception(type(error), error, error.__traceback__)))
        for error in errors]
    return _emit_facets(facets, out)


def _emit_facets(facets: list[Any], out: Path, *, guarded: bool = True,
                 job_facets: dict[str, Any] | None = None) -> str:
    """Each facet in a FAIL event, sent through the ``transform`` transport (or, ``guarded=False``, straight
    to the file, as without maskline); the file's text."""
    inner = {"type": "file", "log_file_path": str(out), "append": True}
    transport = get_default_factory().create(transport_config(inner) if guarded else inner)
    client = OpenLineageClient(transport=transport)
    for i, facet in enumerate(facets):
        client.emit(RunEvent(eventType=RunState.FAIL, eventTime="2026-12-03T09:00:00Z",
                             run=Run(runId=f"0190a4c2-1234-7000-8000-{i:012d}", facets={"errorMessage": facet}),
                             job=Job(namespace="crm", name=f"attack_{i}", facets=dict(job_facets or {})),
                             producer="https://example.com/red-team"))
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("sql", FAILING)
def test_an_engine_error_reaches_lineage_as_its_type_and_frames_only(sql: str, tmp_path: Path) -> None:
    error = _engine_error(sql)
    assert CANARY_WORD in str(error)  # control: the engine's text quotes the value
    text = _emit([error, _wrapped(sql)], tmp_path / "events.jsonl")
    assert len(text.splitlines()) == 2
    assert CANARY_WORD not in text
    assert "message withheld by maskline" in text and "raised by" in text


def test_an_error_the_task_author_wrote_keeps_its_scrubbed_message(tmp_path: Path) -> None:
    try:
        raise ValueError("could not notify zz.canary@example.org: mailbox full")
    except ValueError as e:
        text = _emit([e], tmp_path / "events.jsonl")
    assert "mailbox full" in text and "zz.canary@example.org" not in text


def test_a_failed_dbt_enrichment_logs_the_exceptions_type_not_its_text(monkeypatch: pytest.MonkeyPatch,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from openlineage.client.facet_v2 import job_type_job

    import openlineage_ext.dbt_events as dbt_events
    from openlineage_ext.transformer import MasklineTransformer

    def failing(*_a, **_k):  # e.g. a parser quoting the model's SQL, literals included
        raise ValueError(f"Invalid expression near WHERE full_name = '{CANARY}'")

    monkeypatch.setattr(dbt_events, "enrich_dbt_event", failing)
    event = RunEvent(eventType=RunState.COMPLETE, eventTime="2026-12-03T09:00:00Z",
                     run=Run(runId="0190a4c2-1234-7000-8000-0000000000d1"),
                     job=Job(namespace="dbt", name="shop.customers", facets={
                         "jobType": job_type_job.JobTypeJobFacet("BATCH", "DBT", "MODEL")}),
                     producer="https://example.com/red-team")
    with pytest.raises(ValueError) as control:
        failing()
    assert CANARY_WORD in str(control.value)  # control: the exception's text holds the value
    with caplog.at_level(logging.DEBUG):
        assert MasklineTransformer({}).transform(event) is not None  # the scrubbed event still goes
    assert "ValueError" in caplog.text and CANARY_WORD not in caplog.text


def _dbt_job_facets() -> dict[str, Any]:
    from openlineage.client.facet_v2 import job_type_job

    return {"jobType": job_type_job.JobTypeJobFacet("BATCH", "DBT", "MODEL")}


@pytest.mark.parametrize("sql", FAILING)
@pytest.mark.parametrize(("producer", "language", "job_facets"), [
    ("dbt-ol run result", "sql", _dbt_job_facets), ("airflow error without traceback", "python", dict)])
def test_an_error_message_without_a_stack_trace_is_withheld(sql: str, producer: str, language: str,
                                                            job_facets: Any, tmp_path: Path) -> None:
    # dbt-ol copies dbt's run result message, the Airflow provider str(error) of an error with no traceback
    # (and its SQL API the caller's error_message): a message alone, which nothing says is not the engine's.
    facet = error_message_run.ErrorMessageRunFacet(message=f"Database Error in model people: {_engine_error(sql)}",
                                                   programmingLanguage=language)
    forwarded = _emit_facets([facet], tmp_path / "plain.jsonl", guarded=False, job_facets=job_facets())
    assert CANARY_WORD in forwarded  # control: sent as it is, the facet carries the canary to the file
    facet = error_message_run.ErrorMessageRunFacet(message=f"Database Error in model people: {_engine_error(sql)}",
                                                   programmingLanguage=language)
    text = _emit_facets([facet], tmp_path / "events.jsonl", job_facets=job_facets())
    assert len(text.splitlines()) == 1
    assert CANARY_WORD not in text
    assert "message withheld by maskline: no stack trace to tell whose text it is" in text


def _refused_call_event() -> Any:
    from maskline.mcp.lineage import CallRecord, call_events

    _, fail = call_events(CallRecord("query", "refused", sql="DELETE FROM people", reason="only SELECT is allowed"),
                          job_namespace="crm", db_namespace="duckdb:///w.duckdb", dialect="duckdb")
    return fail


def test_a_message_maskline_wrote_keeps_it_without_a_stack_trace(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    transport = get_default_factory().create(
        transport_config({"type": "file", "log_file_path": str(out), "append": True}))
    OpenLineageClient(transport=transport).emit(_refused_call_event())
    [facet] = [json.loads(line)["run"]["facets"]["errorMessage"] for line in out.read_text().splitlines()]
    assert facet["message"] == "maskline refused the agent's query: only SELECT is allowed"
    assert facet["_schemaURL"].endswith("ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet")  # the standard facet


def test_own_text_is_said_by_the_facets_type_not_by_its_text(tmp_path: Path) -> None:
    own = _refused_call_event().run.facets["errorMessage"]
    mimic = error_message_run.ErrorMessageRunFacet(  # the same words, in a facet anyone could have built
        message=f"{own.message}: {CANARY}", programmingLanguage="python")
    text = _emit_facets([mimic], tmp_path / "events.jsonl")
    assert CANARY_WORD not in text and "no stack trace to tell whose text it is" in text


def test_maskline_own_error_facet_is_still_scrubbed() -> None:
    from openlineage_ext.own_error import own_error_message
    from openlineage_ext.scrubbing import scrub_event

    event = _refused_call_event()
    event.run.facets["errorMessage"] = own_error_message("maskline failed the agent's query: zz.canary@example.org")
    assert scrub_event(event).run.facets["errorMessage"].message == "maskline failed the agent's query: [EMAIL]"


@pytest.mark.parametrize(("reason", "kept"), [
    ("task_failure", True), ("all_tasks_deadlocked", True), (f"task_failure: {CANARY}", False)])
def test_a_dag_runs_failure_reason_is_kept_only_when_it_is_one_airflow_writes(reason: str, kept: bool,
                                                                              tmp_path: Path) -> None:
    facet = error_message_run.ErrorMessageRunFacet(message=reason, programmingLanguage="python")
    text = _emit_facets([facet], tmp_path / "events.jsonl")
    assert (json.loads(text)["run"]["facets"]["errorMessage"]["message"] == reason) is kept
    assert CANARY_WORD not in text
