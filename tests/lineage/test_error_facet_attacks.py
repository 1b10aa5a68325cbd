"""Red-team of the ``errorMessage`` facet: real engine errors that quote a value no detector recognises.

Each attack makes DuckDB fail on a made-up name, builds the facet as the Airflow provider does
(``str(error)`` and the formatted traceback) and sends it through the real ``transform`` transport
to a file. The control asserts the engine's own text holds the name, so forwarding it would show.
"""

from __future__ import annotations

import traceback
from pathlib import Path

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
    transport = get_default_factory().create(
        transport_config({"type": "file", "log_file_path": str(out), "append": True}))
    client = OpenLineageClient(transport=transport)
    for i, error in enumerate(errors):
        facet = error_message_run.ErrorMessageRunFacet(  # as the Airflow provider's adapter builds it
            message=str(error), programmingLanguage="python",
            stackTrace="".join(traceback.format_exception(type(error), error, error.__traceback__)))
        client.emit(RunEvent(eventType=RunState.FAIL, eventTime="2026-12-03T09:00:00Z",
                             run=Run(runId=f"0190a4c2-1234-7000-8000-{i:012d}", facets={"errorMessage": facet}),
                             job=Job(namespace="crm", name=f"attack_{i}"), producer="https://example.com/red-team"))
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
