"""A task log line carrying an engine's exception shows its type and frames, never the engine's text.

No Airflow run: the log filter's ``scrub_event`` is given the event structlog would get. The control
renders the same event with structlog's own ``format_exc_info``, which forwards the engine's text.
"""

from __future__ import annotations

import duckdb
import pytest
import structlog

from airflow_plugin.log_filter import scrub_event

CANARY = "Quillon Vexmarra"  # a made-up person: no detector can tell it is a name
CANARY_WORD = "Vexmarra"


def _engine_error(sql: str) -> BaseException:
    con = duckdb.connect()
    con.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR UNIQUE)")
    con.execute("INSERT INTO people VALUES (1, ?)", [CANARY])
    try:
        con.execute(sql).fetchall()
    except duckdb.Error as e:
        return e
    raise AssertionError("the statement did not fail")


@pytest.mark.parametrize("sql", [
    "SELECT error(name) FROM people",
    "INSERT INTO people VALUES (2, (SELECT name FROM people WHERE id = 1))",
    "SELECT strptime(name, '%Y') FROM people",
])
def test_an_engine_exception_in_a_log_event_loses_its_text(sql: str) -> None:
    try:
        try:
            raise _engine_error(sql)
        except duckdb.Error as e:
            raise RuntimeError("loading people failed") from e
    except RuntimeError as e:
        event = {"event": "Task failed with exception", "exc_info": e}
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
