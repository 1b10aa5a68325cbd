"""A task log line carrying an engine's exception shows its type and frames, never the engine's text.

No Airflow run: the log filter's ``scrub_event`` is given the event structlog would get. The control
renders the same event with structlog's own ``format_exc_info``, which forwards the engine's text.
"""

from __future__ import annotations

import duckdb
import pytest
import structlog

from airflow_plugin.log_filter import scrub_event
from tests.engine_errors import CANARY_WORD, wrapped
from tests.engine_errors import engine_error as _engine_error


@pytest.mark.parametrize("sql", [
    "SELECT error(name) FROM people",
    "INSERT INTO people VALUES (2, (SELECT name FROM people WHERE id = 1))",
    "SELECT strptime(name, '%Y') FROM people",
])
def test_an_engine_exception_in_a_log_event_loses_its_text(sql: str) -> None:
    event = {"event": "Task failed with exception", "exc_info": wrapped(sql)}
    control = structlog.processors.format_exc_info(None, "", dict(event))["exception"]
    assert CANARY_WORD in control  # control: the usual rendering forwards the engine's text
    rendered = scrub_event(dict(event))["exception"]
    assert CANARY_WORD not in rendered
    assert "message withheld by maskline" in rendered and "RuntimeError: loading people failed" in rendered
    assert "The above exception was the direct cause" in rendered and 'File "' in rendered


def test_a_sys_exc_info_tuple_is_rendered_from_structure_too() -> None:
    try:
        raise _engine_error("SELECT error(name) FROM people")
    except duckdb.Error:
        import sys

        rendered = scrub_event({"event": "failed", "exc_info": sys.exc_info()})["exception"]
    assert CANARY_WORD not in rendered and "raised by" in rendered
