"""Send lineage events off the request path: one daemon thread per sender, a bounded queue, a flush with a timeout.

A lineage server that is down or slow held every MCP tool call and every Airflow agent query for the HTTP
transport's retries (about ten seconds) before the agent got its answer. A :class:`BackgroundSender` queues the
(already scrubbed) event and returns at once; its one thread sends the events in the order they were queued, so a
run's START still goes before its COMPLETE. An event is dropped only when the queue is full, and the operator is
told once per overflow how many were dropped and where they were going; :meth:`BackgroundSender.flush` waits, for a
bounded time, for the queue to empty at the server's shutdown or the task's end, and says how many were left.
The queue's size and the flush's wait are the user's settings (:mod:`openlineage_ext.sender_settings`:
``MASKLINE_LINEAGE_QUEUE_SIZE``, ``MASKLINE_LINEAGE_FLUSH_SECONDS``), read when a sender is built.

openlineage-python's ``async_http`` transport was not used: it blocks the caller when its queue is full (the
outage would reach the agent again), it sends only over HTTP (not the file, Kafka or console transports a user
configures), and it would need every user to change their transport's configuration.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class BackgroundSender:
    """Calls ``send(event)`` on a daemon thread, in order; ``submit`` never waits for it.

    ``where()`` names the destination for a warning (:func:`openlineage_ext.destination.destination`), ``who``
    says whose events they are. ``send`` should not raise (an exception is logged, and the next event goes on).
    ``max_queued`` and ``flush_seconds`` default to the user's settings
    (:func:`openlineage_ext.sender_settings.sender_settings`, which refuses a bad value with a
    :class:`~maskline.errors.ConfigError`).

    >>> sent = []
    >>> sender = BackgroundSender(sent.append, where=lambda: "the file transport", who="doctest")
    >>> sender.submit("START"), sender.submit("COMPLETE"), sender.flush(5)
    (True, True, True)
    >>> sent
    ['START', 'COMPLETE']
    """

    def __init__(self, send: Callable[[Any], Any], *, where: Callable[[], str], who: str,
                 max_queued: int | None = None, flush_seconds: float | None = None) -> None:
        from openlineage_ext.sender_settings import sender_settings

        if max_queued is None or flush_seconds is None:
            settings = sender_settings()
            max_queued = settings.max_queued if max_queued is None else max_queued
            flush_seconds = settings.flush_seconds if flush_seconds is None else flush_seconds
        self._send = send
        self._flush_seconds: float = flush_seconds
        self._where = where
        self._who = who
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=max_queued)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._dropped = 0
        self._gave_up = False  # a flush timed out and warned: the exit hook does not wait (and warn) again

    def submit(self, event: Any) -> bool:
        """Queue ``event`` for sending; False (and counted, for one warning) if the queue is full."""
        self._start()
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            with self._lock:
                self._dropped += 1
            return False
        self._warn_dropped()  # the queue took an event again: the overflow is over, say how many it cost
        return True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (default: the sender's ``flush_seconds``) for every queued event to be sent;
        False (and a warning) if some were not.

        >>> BackgroundSender(print, where=lambda: "nowhere", who="doctest").flush(0)  # nothing queued
        True
        """
        if timeout is None:
            timeout = self._flush_seconds
        done = self._queue.all_tasks_done
        with done:
            done.wait_for(lambda: self._queue.unfinished_tasks == 0, timeout=max(timeout, 0))
            left = self._queue.unfinished_tasks
        self._warn_dropped()
        self._gave_up = bool(left)
        if left:
            log.warning("%s: %d lineage event(s) were not sent to %s after waiting %g s; a process that ends now "
                        "loses them. Fix: check that the lineage server answers there", self._who, left,
                        self._safe_where(), timeout)
        return left == 0

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=f"lineage sender ({self._who})", daemon=True)
                self._thread.start()
                atexit.register(self._flush_at_exit)

    def _flush_at_exit(self) -> None:
        # A process that ends without its own flush still sends what it can; one that flushed and gave up does not
        # wait a second time.
        if not self._gave_up:
            self.flush()

    def _run(self) -> None:
        while True:
            event = self._queue.get()
            try:
                self._send(event)
            except Exception as e:  # noqa: BLE001 - one event's failure must not stop the ones after it
                log.warning("%s: could not send a lineage event to %s (%s)", self._who, self._safe_where(),
                            type(e).__name__)
            finally:
                self._queue.task_done()

    def _warn_dropped(self) -> None:
        with self._lock:
            dropped, self._dropped = self._dropped, 0
        if dropped:
            log.warning("%s: dropped %d lineage event(s) for %s: %d were already waiting to be sent. The calls "
                        "went on without them. Fix: check that the lineage server answers there",
                        self._who, dropped, self._safe_where(), self._queue.maxsize)

    def _safe_where(self) -> str:
        try:
            return self._where()
        except Exception:  # noqa: BLE001 - a warning's detail never raises
            return "the configured transport"
