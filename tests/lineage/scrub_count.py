"""Counting the real event scrubber's runs, per run id and event type: how a test shows an event crossed exactly one
scrub boundary (the scrubber itself is called as it is, not replaced)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest


def count_scrubs(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """A counter of ``"<runId>:<eventType>"`` that every :meth:`openlineage_ext.scrubbing.EventScrubber.event` call
    adds one to, for as long as ``monkeypatch`` holds."""
    from openlineage_ext.scrubbing import EventScrubber

    scrubbed: Counter[str] = Counter()
    original = EventScrubber.event

    def counted(self: EventScrubber, event: Any) -> Any:
        run = event.get("run", {}) if isinstance(event, dict) else event.run
        state = event.get("eventType") if isinstance(event, dict) else event.eventType
        scrubbed[f"{getattr(run, 'runId', None) or run.get('runId')}:{getattr(state, 'value', state)}"] += 1
        return original(self, event)

    monkeypatch.setattr(EventScrubber, "event", counted)
    return scrubbed
