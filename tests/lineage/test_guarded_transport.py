"""Protection by default: any transport wrapped so that events are scrubbed first, unscrubbable ones dropped,
and no raw event logged at DEBUG by the ``transform`` transport."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from openlineage.client import OpenLineageClient
from openlineage.client.serde import Serde
from openlineage.client.transport import get_default_factory
from openlineage.client.transport.transport import Config, Transport

from openlineage_ext.guarded_transport import GuardedTransport, guard_client
from openlineage_ext.transformer import transport_config
from tests.lineage.test_event_scrubbing import EMAIL, SSN, _leaky_event


class RecordingTransport(Transport):
    """A TEST DOUBLE of a user's transport (http, kafka...): keeps what it is asked to send."""

    kind = "recording"
    config_class = Config

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def emit(self, event: Any) -> None:
        self.sent.append(event)


def test_any_transport_gets_scrubbed_events() -> None:
    inner = RecordingTransport()
    client = guard_client(OpenLineageClient(transport=inner))
    client.emit(_leaky_event())
    (sent,) = inner.sent
    text = Serde.to_json(sent)
    assert EMAIL not in text and SSN not in text
    assert "[REDACTED]" in sent.job.facets["sql"].query


def test_a_guarded_client_is_not_wrapped_twice() -> None:
    client = guard_client(guard_client(OpenLineageClient(transport=RecordingTransport())))
    assert isinstance(client.transport, GuardedTransport)
    assert isinstance(client.transport.inner, RecordingTransport)
    transform = get_default_factory().create(transport_config({"type": "console"}))
    assert guard_client(OpenLineageClient(transport=transform)).transport is transform  # already maskline's


def test_an_event_that_cannot_be_scrubbed_is_dropped_with_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    import openlineage_ext.transformer as transformer_module

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("scrubber unavailable")

    monkeypatch.setattr(transformer_module, "scrub_event", broken)
    inner = RecordingTransport()
    guarded = GuardedTransport(inner)
    with caplog.at_level(logging.WARNING):
        assert guarded.emit(_leaky_event()) is None  # never raises into the task
    assert inner.sent == [] and guarded.dropped == 1
    assert "dropped" in caplog.text and EMAIL not in caplog.text


def test_transform_transport_logs_no_raw_event_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    transport = get_default_factory().create(transport_config({"type": "console"}))
    with caplog.at_level(logging.DEBUG):
        OpenLineageClient(transport=transport).emit(_leaky_event())
    assert "Transforming OpenLineage event" in caplog.text  # the transport did log at DEBUG
    assert EMAIL not in caplog.text and SSN not in caplog.text
