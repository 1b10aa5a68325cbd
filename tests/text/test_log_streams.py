"""The log filter's pieces that need no Airflow: print() output and exception tracebacks are scrubbed."""

from __future__ import annotations

import io
import sys

from airflow_plugin.log_filter import (
    ScrubbingStream,
    restore_standard_streams,
    scrub_event,
    scrub_standard_streams,
)


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
