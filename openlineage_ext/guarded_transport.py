"""A transport wrapper that scrubs every event with maskline before the user's own transport sends it.

The Airflow plugin wraps whatever transport the provider built (``OPENLINEAGE_URL``,
``openlineage.yml`` with http/file/kafka..., ``[openlineage] transport``), so
protection does not depend on the user choosing the ``transform`` transport.
Unlike openlineage-python's ``transform`` transport it never logs the raw event,
and an event that cannot be scrubbed is dropped with a warning: it never reaches
the inner transport, and nothing here raises into the task.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Any

from openlineage.client.transport.transport import Transport

log = logging.getLogger(__name__)
# openlineage-python loggers whose DEBUG records print a whole event before maskline has scrubbed it,
# and how those records begin (their format strings).
RAW_EVENT_LOGS: dict[str, tuple[str, ...]] = {
    "openlineage.client.transport.transform.transform": ("Event before copy", "Event after copy"),
    "openlineage.client.client": ("OpenLineageClient will *try* to emit event",),
}
TRANSFORM_LOGGER = "openlineage.client.transport.transform.transform"


class _NoRawEvents(logging.Filter):
    """Drops DEBUG records that print an event before it is scrubbed."""

    def __init__(self, prefixes: tuple[str, ...]) -> None:
        super().__init__()
        self.prefixes = prefixes

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno <= logging.DEBUG and str(record.msg).startswith(self.prefixes))


def silence_raw_event_logs() -> None:
    """Install the filter on each logger of :data:`RAW_EVENT_LOGS` (idempotent).

    >>> silence_raw_event_logs(); silence_raw_event_logs()
    >>> sum(isinstance(f, _NoRawEvents) for f in logging.getLogger(TRANSFORM_LOGGER).filters)
    1
    """
    for name, prefixes in RAW_EVENT_LOGS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoRawEvents) for f in logger.filters):
            logger.addFilter(_NoRawEvents(prefixes))


def is_guarded(transport: Any) -> bool:
    """Whether maskline already scrubs what ``transport`` sends (this wrapper, or the ``transform``
    transport with :class:`~openlineage_ext.transformer.MasklineTransformer`).

    >>> from openlineage.client.transport.console import ConsoleTransport, ConsoleConfig
    >>> is_guarded(ConsoleTransport(ConsoleConfig())), is_guarded(GuardedTransport(ConsoleTransport(ConsoleConfig())))
    (False, True)
    """
    from openlineage_ext.transformer import MasklineTransformer

    if isinstance(transport, GuardedTransport):
        return True
    return isinstance(getattr(transport, "transformer", None), MasklineTransformer)


class GuardedTransport(Transport):
    """Scrub (and enrich) each event with :class:`~openlineage_ext.transformer.MasklineTransformer`,
    then hand a copy to ``inner``; drop it, with a warning, when scrubbing fails.

    >>> from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    >>> from openlineage.client.facet_v2 import sql_job
    >>> def event():  # a query job whose SQL holds a customer's address
    ...     sql = sql_job.SQLJobFacet(query="SELECT id FROM t WHERE email = 'ann@example.com'")
    ...     return RunEvent(eventType=RunState.COMPLETE, eventTime="2026-01-01T00:00:00Z", producer="doctest",
    ...                     run=Run(runId="01890000-0000-7000-8000-000000000000"), job=Job("ns", "q", {"sql": sql}))
    >>> class Keep(Transport):  # stands in for the user's http/file/kafka transport
    ...     kind = "keep"
    ...     def __init__(self): self.sent = []
    ...     def emit(self, event): self.sent.append(event)
    ...     def close(self, timeout=-1): return True
    >>> guarded = GuardedTransport(Keep()); original = event()
    >>> guarded.emit(original); guarded.inner.sent[0].job.facets["sql"].query  # the caller's event is untouched
    "SELECT id FROM name_1 WHERE email = '[REDACTED]'"
    >>> guarded.transformer.transform = lambda e: None  # a transformer that cannot scrub: the event is dropped
    >>> guarded.emit(event()), guarded.dropped, len(guarded.inner.sent)
    (None, 1, 1)
    >>> guarded.wait_for_completion(), guarded.close()  # Keep has no wait_for_completion: nothing is pending
    (True, True)
    """

    def __init__(self, inner: Transport, properties: dict[str, Any] | None = None,
                 hide: Callable[[Any], Any] | None = None) -> None:
        from openlineage_ext.transformer import MasklineTransformer

        self.inner = inner
        self.kind = getattr(inner, "kind", None)
        self.name = getattr(inner, "name", None)
        self.priority = getattr(inner, "priority", 0)
        self.transformer = MasklineTransformer(dict(properties or {}))
        self.dropped = 0
        # The face's own secrets, hidden after scrubbing (Airflow: those registered with its secrets masker, which
        # no detector finds: maskline's key in an exception's message).
        self.hide = hide

    def emit(self, event: Any) -> Any:
        try:
            scrubbed = self.transformer.transform(copy.deepcopy(event))
            if scrubbed is not None and self.hide is not None:
                scrubbed = self.hide(scrubbed)
        except Exception as e:  # noqa: BLE001 - lineage never fails a task; an unscrubbed event never leaves
            scrubbed = None
            log.warning("maskline: dropped an OpenLineage event that could not be scrubbed (%s)", type(e).__name__)
        if scrubbed is None:
            self.dropped += 1
            log.warning("maskline: an OpenLineage event was dropped, not sent, because it could not be scrubbed")
            return None
        return self.inner.emit(scrubbed)

    def close(self, timeout: float = -1) -> bool:
        return self.inner.close(timeout)

    def wait_for_completion(self, timeout: float = -1) -> bool:
        wait = getattr(self.inner, "wait_for_completion", None)
        return bool(wait(timeout)) if wait is not None else True


def guard_client(client: Any, hide: Callable[[Any], Any] | None = None) -> Any:
    """Wrap an ``OpenLineageClient``'s transport in :class:`GuardedTransport` unless maskline already guards it;
    ``hide``: the face's own secrets, hidden in each scrubbed event (given to a guard already there that has none).

    >>> from openlineage.client import OpenLineageClient
    >>> from openlineage.client.transport.console import ConsoleTransport, ConsoleConfig
    >>> c = guard_client(OpenLineageClient(transport=ConsoleTransport(ConsoleConfig())))
    >>> type(c.transport).__name__, type(guard_client(c).transport.inner).__name__
    ('GuardedTransport', 'ConsoleTransport')
    """
    silence_raw_event_logs()
    transport = getattr(client, "transport", None)
    if transport is not None and not is_guarded(transport):
        client.transport = GuardedTransport(transport, hide=hide)
    elif isinstance(transport, GuardedTransport) and transport.hide is None:
        transport.hide = hide
    return client
