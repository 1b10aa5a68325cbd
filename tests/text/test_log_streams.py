"""The log filter's pieces that need no Airflow: print() output and exception tracebacks are scrubbed."""

from __future__ import annotations

import collections
import datetime
import enum
import io
import sys
from typing import Any

import pytest

from airflow_plugin.log_filter import (
    AIRFLOW_FIELDS,
    ScrubbingStream,
    restore_standard_streams,
    scrub_event,
    scrub_standard_streams,
)
from benchmarks.log_lines import lines
from maskline.text import prefilter, scrub_value


def test_a_value_printed_in_pieces_is_scrubbed_whole() -> None:
    out = io.StringIO()
    stream = ScrubbingStream(out)
    print("call", "(415)555-2671", "x123", "or", "ana@", file=stream, end="")
    assert out.getvalue() == ""  # held until the line ends
    print("correo.es", file=stream)
    assert out.getvalue() == "call [PHONE] or [EMAIL]\n"
    stream.write("left without newline ana@correo.es")
    stream.flush()
    assert out.getvalue().endswith("left without newline [EMAIL]")


def test_standard_streams_are_wrapped_once_and_restored() -> None:
    original = sys.stdout
    try:
        assert scrub_standard_streams() is True
        assert scrub_standard_streams() is False
        assert isinstance(sys.stdout, ScrubbingStream) and sys.stdout.wrapped is original
    finally:
        restore_standard_streams()
    assert sys.stdout is original


def test_an_exception_is_rendered_then_scrubbed_with_its_causes() -> None:
    try:
        try:
            raise KeyError("ssn 536-90-4399")
        except KeyError as cause:
            raise ValueError("cannot bill ana@correo.es") from cause
    except ValueError:
        event = scrub_event({"event": "Task failed", "exc_info": True, "timestamp": "2026-01-01"})
    assert "exc_info" not in event
    text = event["exception"]
    assert "ValueError: cannot bill [EMAIL]" in text and "ssn [US_SSN]" in text
    assert "ana@correo.es" not in text and "536-90-4399" not in text


def test_without_the_scrubber_the_traceback_holds_the_raw_values() -> None:
    import structlog

    try:
        raise ValueError("cannot bill ana@correo.es")
    except ValueError:
        raw = structlog.processors.format_exc_info(None, "", {"exc_info": True})
    assert "ana@correo.es" in raw["exception"]


class _Level(enum.IntEnum):
    INFO = 20


class _Text(str):
    pass


def _walked_before(event: dict[str, Any]) -> dict[str, Any]:
    """Every field, Airflow's too, through scrub_value, into a new dict: the log filter passes a field over
    only where that changes nothing but the time it takes."""
    return {k: scrub_value(v) for k, v in event.items()}


def _events() -> list[dict[str, Any]]:
    """Event dicts as Airflow and operators log them: a message, Airflow's fields (one holding what a caller
    passed under Airflow's name), and extra fields of every kind."""
    texts = [*lines(3000, seed=8), "", "mail ana@correo.es", "call +49 30 901820 now"]
    events: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        event: dict[str, Any] = {"event": text, "timestamp": "2026-03-01T09:00:00Z", "level": "info",
                                 "logger": "airflow.task", "dag_id": "ana@correo.es"}
        extra = i % 8
        if extra == 1:
            event["rows"], event["ratio"], event["ok"], event["none"] = i, 0.5, True, None
        elif extra == 2:
            event["to"] = ["ana@correo.es", i, text]
        elif extra == 3:
            event["conn"] = {"password": "hunter22", "host": text, "port": 5432}
        elif extra == 4:
            event["note"] = _Text(text)
        elif extra == 5:
            event["when"], event["level_no"] = datetime.date(1984, 7, 21), _Level.INFO
        elif extra == 6:
            event["args"] = (text, "536-90-4399")
        elif extra == 7:
            event["password"] = 123456  # a number under a top-level secret key name: unchanged before too
        events.append(event)
    return events


def test_scrub_event_gives_what_its_walk_over_every_field_gave() -> None:
    events = _events()
    expected = [_walked_before(e) for e in events]
    assert sum(e != x for e, x in zip(events, expected, strict=True)) > 300  # control: values are scrubbed
    assert [scrub_event(e) for e in events] == expected
    with prefilter.disabled():
        assert [scrub_event(e) for e in events] == expected


def test_scrub_event_copies_an_event_it_changes_and_returns_a_clean_one_as_it_is() -> None:
    clean = {"event": "Task exited with return code 0", "timestamp": "2026-01-01", "rows": 3, "to": None}
    assert scrub_event(clean) is clean
    event = {"event": "mail ana@correo.es", "timestamp": "2026-01-01"}
    scrubbed = scrub_event(event)
    assert scrubbed == {"event": "mail [EMAIL]", "timestamp": "2026-01-01"}
    assert event == {"event": "mail ana@correo.es", "timestamp": "2026-01-01"}  # the given dict is not changed
    nested = {"event": "ok", "extra": {"to": "ana@correo.es"}}
    assert scrub_event(nested) == {"event": "ok", "extra": {"to": "[EMAIL]"}}
    assert nested["extra"] == {"to": "ana@correo.es"}


_BOOKKEEPING = {"timestamp": "2026-03-01T09:00:00Z", "level": "info", "logger": "airflow.task", "loc": "t.py:4"}


class _Rows(list):  # type: ignore[type-arg]
    pass


class _Count(int):
    pass


def _failing() -> dict[str, Any]:
    try:
        raise ValueError("cannot bill ana@correo.es")
    except ValueError as error:  # the exception itself, as structlog takes it: rendered wherever the event is
        return {**_BOOKKEEPING, "event": "Task failed", "exc_info": error}


# One secret in each place an event can carry one. Each key outside Airflow's own fields and the message
# (structlog's positional_args, exception, stack; any keyword a caller passes) must take the whole walk.
_SECRET_PLACES: list[tuple[str, Any]] = [
    ("message", {**_BOOKKEEPING, "event": "mail ana@correo.es"}),
    ("message, str subclass", {**_BOOKKEEPING, "event": _Text("mail ana@correo.es")}),
    ("message, not a str", {**_BOOKKEEPING, "event": ["mail ana@correo.es"]}),
    ("keyword", {**_BOOKKEEPING, "event": "sent", "to": "ana@correo.es"}),
    ("keyword, list subclass", {**_BOOKKEEPING, "event": "sent", "to": _Rows(["ana@correo.es"])}),
    ("nested dict", {**_BOOKKEEPING, "event": "sent", "extra": {"who": {"mail": "ana@correo.es"}}}),
    ("secret key, nested", {**_BOOKKEEPING, "event": "connect", "conn": {"password": "hunter22"}}),
    ("positional args", {**_BOOKKEEPING, "event": "mail %s", "positional_args": ("ana@correo.es",)}),
    ("rendered exception", {**_BOOKKEEPING, "event": "Task failed", "exception": "ValueError: ana@correo.es"}),
    ("stack", {**_BOOKKEEPING, "event": "here", "stack": 'File "t.py", line 4: ana@correo.es'}),
    ("exception to render", _failing()),
    ("dict subclass", collections.OrderedDict({**_BOOKKEEPING, "event": "mail ana@correo.es"})),
    ("not a dict", ["mail ana@correo.es", {"to": "ana@correo.es"}]),
]


@pytest.mark.parametrize(("place", "event"), _SECRET_PLACES, ids=[p for p, _ in _SECRET_PLACES])
def test_a_secret_in_each_place_of_an_event_is_redacted(place: str, event: Any) -> None:
    out = repr(scrub_event(event))
    assert "ana@correo.es" not in out and "hunter22" not in out, place
    assert "[EMAIL]" in out or "[PASSWORD]" in out, place


def test_the_usual_line_takes_the_message_only_path_and_any_other_key_the_whole_walk(monkeypatch: Any) -> None:
    from airflow_plugin import log_filter

    walked: list[Any] = []

    def walk(event: Any) -> Any:
        walked.append(event)
        return fields(event)

    fields = log_filter._scrub_fields
    monkeypatch.setattr(log_filter, "_scrub_fields", walk)
    clean = {**_BOOKKEEPING, "event": "Task exited with return code 0", "dag_id": "d"}
    assert scrub_event(clean) is clean  # the first line proves Airflow's fields (one walk) ...
    walked.clear()
    assert scrub_event(clean) is clean  # ... and the lines after take the message-only path
    assert scrub_event({**_BOOKKEEPING, "event": "mail ana@correo.es"})["event"] == "mail [EMAIL]"
    assert walked == []  # control: the message-only path really is taken on the usual line
    for _, event in _SECRET_PLACES[2:]:
        scrub_event(event)
    # Every other place is walked, but %-arguments: formatted into their message first, that is the usual line.
    formatted = sum("positional_args" in event for _, event in _SECRET_PLACES[2:])
    assert formatted == 1
    assert len(walked) == len(_SECRET_PLACES) - 2 - formatted


def test_every_value_the_walk_does_not_know_goes_to_scrub_value(monkeypatch: Any) -> None:
    # Fail closed: only exact str, int, float, bool and None are handled without scrub_value(); a new type
    # (an int subclass, an enum, bytes, an object) is handed to it, never passed over.
    from airflow_plugin import log_filter

    scrubbed, scrub_value_ = log_filter._scrubbers()
    seen: list[Any] = []

    def spy(value: Any) -> Any:
        seen.append(value)
        return scrub_value_(value)

    monkeypatch.setattr(log_filter, "_SCRUBBERS", (scrubbed, spy))
    unknown = [_Level.INFO, _Count(7), b"ana@correo.es", object(), datetime.date(1984, 7, 21), _Rows(), _Text("x"),
               frozenset({"ana@correo.es"})]
    event = {**_BOOKKEEPING, "event": "ok", **{f"k{i}": v for i, v in enumerate(unknown)},
             "n": 3, "r": 0.5, "ok": True, "none": None}
    scrub_event(event)
    assert seen == unknown


class _Customer:
    """A user's object whose repr holds a value, as a row or a model instance's does."""

    def __repr__(self) -> str:
        return "Customer(email='ana@correo.es')"


_RENDERED_RAW = {
    "exception": ValueError("no row for ana@correo.es"),
    "bytes": b"ana@correo.es",
    "object": _Customer(),
    "in a list": [ValueError("ana@correo.es")],
    "a dict's key": {"ana@correo.es": 3},
    "in a tuple in a dict": {"rows": (_Customer(),)},
}


@pytest.mark.parametrize("place", sorted(_RENDERED_RAW))
def test_a_value_scrub_value_passes_is_scrubbed_as_the_renderer_shows_it(place: str) -> None:
    """structlog's renderers print what is not a string by its repr, so that text is what must hold no value."""
    import structlog

    value = _RENDERED_RAW[place]
    event = {**_BOOKKEEPING, "event": "lookup failed", "detail": value}
    raw = structlog.processors.JSONRenderer()(None, "", dict(event))
    assert "ana@correo.es" in raw  # the control: rendered as it is, the value shows
    if place != "a dict's key":  # keys are strings inside the value: scrub_value scrubs them itself now
        assert scrub_value(value) == value  # ... and the core's value scrubber alone leaves it there
    shown = structlog.processors.JSONRenderer()(None, "", scrub_event(event))
    assert "ana@correo.es" not in shown and "[EMAIL]" in shown


def test_a_clean_object_is_kept_as_itself() -> None:
    when, path = datetime.datetime(2026, 3, 1, 9, 0), __import__("pathlib").PurePosixPath("/data/orders.csv")
    event = {**_BOOKKEEPING, "event": "loaded", "at": when, "path": path, "rows": [_Level.INFO]}
    out = scrub_event(event)  # nothing found: the renderer shows the same objects as before
    assert out == event and out["at"] is when and out["path"] is path and out["rows"][0] is _Level.INFO


# What a caller may pass under one of Airflow's field names (log.info("x", run_id=...)). The second half has
# the shape Airflow gives the field (Airflow's KEY_REGEX takes an SSN, a logger's name an API key): the shape
# alone never passes a value over, the scrubber has the last word.
_UNDER_AIRFLOW_NAMES = [(key, "ana@correo.es", "[EMAIL]") for key in sorted(AIRFLOW_FIELDS)] + [
    ("dag_id", "536-90-4399", "[US_SSN]"), ("task_id", "536-90-4399", "[US_SSN]"),
    ("run_id", "536-90-4399", "[US_SSN]"), ("logger", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "[API_KEY]"),
    ("func_name", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "[API_KEY]"),
    ("filename", "536-90-4399.py", "[US_SSN].py"), ("loc", "536-90-4399.py:4", "[US_SSN].py:4"),
]


@pytest.mark.parametrize(("key", "value", "shown"), _UNDER_AIRFLOW_NAMES,
                         ids=[f"{k}={v[:11]}" for k, v, _ in _UNDER_AIRFLOW_NAMES])
def test_a_callers_value_under_one_of_airflows_field_names_is_scrubbed(key: str, value: str, shown: str) -> None:
    for _ in range(2):  # and never remembered as Airflow's: the second line is scrubbed too
        event = {**_BOOKKEEPING, "event": "sent", key: value}
        out = scrub_event(event)
        assert out[key] == shown and value not in repr(out)
        assert event[key] == value  # the given dict is not changed


def test_airflows_own_values_pass_as_they_are() -> None:
    event = {"timestamp": "2026-03-01T09:00:00.123456Z", "level": "info", "logger": "airflow.task.hooks.x",
             "loc": "task_runner.py:1190", "filename": "task_runner.py", "lineno": 1190, "func_name": "<module>",
             "chan": "stdout", "ti_id": "0190a4c2-1234-7000-8000-000000000001", "dag_id": "load.customers-v2",
             "task_id": "group.notify", "run_id": "manual__2026-03-01T09:00:00+00:00", "map_index": -1,
             "try_number": 1, "event": "Task exited with return code 0"}
    assert set(event) - {"event"} == set(AIRFLOW_FIELDS) - {"log_level", "logger_name"}
    for _ in range(2):  # the first line proves them, the second takes the message-only path
        assert scrub_event(event) is event
    when = {**event, "timestamp": datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)}  # as the supervisor has it
    assert scrub_event(when) is when


def _airflow_pipeline(with_filter: bool) -> tuple[Any, io.StringIO]:
    """A structlog logger with the processors Airflow configures (JSON, file name and line added), the
    filter inserted before the renderer as install() does it."""
    import structlog
    from airflow.sdk._shared.logging.structlog import structlog_processors
    from structlog.processors import CallsiteParameter

    from airflow_plugin.log_filter import scrub_processor

    shared, render = structlog_processors(
        json_output=True, callsite_parameters=(CallsiteParameter.FILENAME, CallsiteParameter.LINENO))[:2]
    out = io.StringIO()
    processors = [*shared, *([scrub_processor] if with_filter else []), render]
    return structlog.wrap_logger(structlog.PrintLogger(out), processors=processors, logger_name="airflow.task"), out


def test_airflows_pipeline_shows_a_callers_value_under_its_field_names_and_the_filter_scrubs_it() -> None:
    shown_raw = []
    for key in sorted(AIRFLOW_FIELDS):
        log, out = _airflow_pipeline(with_filter=False)
        log.info("sent", **{key: "ana@correo.es"})
        if "ana@correo.es" in out.getvalue():
            shown_raw.append(key)
        log, out = _airflow_pipeline(with_filter=True)
        log.info("sent", **{key: "ana@correo.es"})
        assert "ana@correo.es" not in out.getvalue(), key
    # The control: Airflow's processors keep what the caller passed (only level, filename and lineno are
    # written over here), so without the filter it reaches the task log.
    assert {"timestamp", "logger", "dag_id", "task_id", "run_id", "ti_id", "func_name", "try_number"} <= set(shown_raw)


def test_the_message_itself_under_one_of_airflows_names_is_scrubbed_there_too() -> None:
    message = "mail ana@correo.es"
    for key in ("run_id", "logger", "timestamp"):
        out = scrub_event({**_BOOKKEEPING, "event": message, key: message})
        assert out["event"] == out[key] == "mail [EMAIL]", key


@pytest.fixture
def walked(monkeypatch: Any) -> list[Any]:
    """The events that took the full walk (``_scrub_fields``) rather than the message-only path."""
    from airflow_plugin import log_filter

    seen: list[Any] = []
    fields = log_filter._scrub_fields

    def walk(event: Any) -> Any:
        seen.append(event)
        return fields(event)

    monkeypatch.setattr(log_filter, "_scrub_fields", walk)
    return seen


def test_a_value_proven_under_one_of_airflows_names_passes_under_no_other_key(walked: list[Any]) -> None:
    # The message-only path passes a field over by its value, proven on an earlier line, and by its name. The
    # canary: the usual line, every field proven, plus exc_info holding True or 1, which equal (and hash as) the
    # try_number 1 proven on the line before: a check of values alone would pass it over, and the exception,
    # with its secret, would reach the renderer as Python wrote it.
    import structlog

    usual = {**_BOOKKEEPING, "event": "Task started", "try_number": 1, "map_index": 1}
    scrub_event(usual)
    walked.clear()
    assert scrub_event(usual) is usual and walked == []  # control: this line takes the message-only path
    try:
        raise ValueError("cannot bill ana@correo.es")
    except ValueError:
        for flag in (True, 1):
            event = {**_BOOKKEEPING, "event": "Task failed", "exc_info": flag}
            raw = structlog.processors.format_exc_info(None, "", dict(event))
            assert "ana@correo.es" in raw["exception"]  # control: rendered as it is, the secret shows
            out = scrub_event(event)
            assert "ana@correo.es" not in repr(out) and "ValueError: cannot bill [EMAIL]" in out["exception"]
    assert len(walked) == 2  # the canaries took the walk


def test_a_timestamp_with_more_fraction_than_a_stamper_writes_takes_the_walk(walked: list[Any]) -> None:
    usual = {**_BOOKKEEPING, "event": "Task started"}
    scrub_event(usual)
    walked.clear()
    for stamp in ("2026-03-01T09:00:00.123456Z", "2026-03-01T09:00:00.123456+00:00", "2026-03-01T09:00:00"):
        assert scrub_event({**usual, "timestamp": stamp})["timestamp"] == stamp
    assert walked == []  # control: stamps as structlog writes them take the message-only path
    for stamp in ("2026-03-01T09:00:00.1234567Z", "2026-03-01T09:00:00.12345678901", "2026-03-01"):
        scrub_event({**usual, "timestamp": stamp})
    assert len(walked) == 3  # a seventh digit of fraction (index 26), or a date alone, is not proof of a time


@pytest.mark.parametrize(("message", "args", "expected"), [
    ("login password=%s", ("Vq8-tundra-Plinth",), "login password=[PASSWORD]"),
    ("send: Authorization: Basic %s", ("Ym9iOnNlY3JldDI=",), "send: Authorization: Basic [PASSWORD]"),
    ("%(who)s set password=%(pw)s", ({"who": "ann", "pw": "Vq8-tundra-Plinth"},), "ann set password=[PASSWORD]"),
    ("password=", ("Vq8-tundra-Plinth",), "password= [PASSWORD]"),  # arguments the message has no slot for
])
def test_a_percent_argument_is_read_with_the_cue_in_its_format_string(message: str, args: tuple, expected: str) -> None:
    """An event whose ``%``-arguments are not formatted yet (structlog keeps them in ``positional_args`` until
    its formatter runs) is scrubbed as the line it will print: the cue in the message, the value in an argument."""
    from airflow_plugin.log_filter import scrub_event

    out = scrub_event({"event": message, "positional_args": args, "logger": "airflow.task"})
    assert out == {"event": expected, "logger": "airflow.task"}
    assert "Vq8-tundra-Plinth" not in repr(out) and "Ym9iOnNlY3JldDI=" not in repr(out)


def test_an_argument_read_alone_holds_no_cue() -> None:
    """Control: each argument alone is no finding, so only reading it with its message can mask it."""
    from airflow_plugin.log_filter import scrub_text

    assert scrub_text("Vq8-tundra-Plinth") == "Vq8-tundra-Plinth"
