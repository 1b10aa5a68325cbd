"""Run a long DuckDB statement while reporting its progress (for the CLI's progress bar)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

POLL_SECONDS = 0.2


def execute_with_progress(con: Any, sql: str, on_progress: Callable[[float], None] | None) -> list[tuple[Any, ...]]:
    """Execute ``sql`` and fetch all rows, calling ``on_progress(percent)`` while it runs.

    DuckDB reports progress through ``query_progress()``, read from this thread
    while the statement runs on a worker thread.

    >>> import duckdb
    >>> seen = []
    >>> execute_with_progress(duckdb.connect(), "SELECT 42", seen.append)
    [(42,)]
    """
    if on_progress is None:
        return con.execute(sql).fetchall()
    for setting in ("SET enable_progress_bar = true", "SET enable_progress_bar_print = false",
                    "SET progress_bar_time = 0"):
        con.execute(setting).fetchall()
    outcome: dict[str, Any] = {}
    # The worker says it is done through an event, not through join(): a signal (Ctrl-C) that interrupts join()
    # leaves the thread marked finished while it still runs the statement (CPython 3.11), so a later join()
    # returned at once and close() met a busy connection.
    done = threading.Event()

    def work() -> None:
        try:
            outcome["rows"] = con.execute(sql).fetchall()
        except BaseException as e:  # noqa: BLE001 - re-raised on the caller's thread
            outcome["error"] = e
        finally:
            done.set()

    worker = threading.Thread(target=work, name="maskline-duckdb", daemon=True)
    try:
        _start_unsignalled(worker)
        while not done.wait(POLL_SECONDS):
            percent = con.query_progress()
            if percent >= 0:
                on_progress(percent)
    except BaseException:
        if worker.ident is None:  # it never started (no thread to be had): nothing runs on the connection
            raise
        # Interrupted on this thread (Ctrl-C, a task timeout, a failing callback): stop the statement and wait for
        # the worker. Left running, it keeps the connection busy (DuckDB then refuses the caller's close()) and
        # is still inside DuckDB when the interpreter exits, which aborts the process.
        # Interrupted again until the worker is done: an interrupt that lands before the worker's statement began
        # is lost (DuckDB clears it when a statement starts), and the whole statement then ran before the command
        # could exit (a SIGTERM sent the moment the output was created waited minutes).
        con.interrupt()
        while not done.wait(POLL_SECONDS):
            con.interrupt()
        worker.join()
        raise
    if "error" in outcome:
        raise outcome["error"]
    on_progress(100.0)
    return outcome["rows"]


def _start_unsignalled(worker: threading.Thread) -> None:
    """Start ``worker`` with SIGINT and SIGTERM held back until it runs (on the main thread, where Python runs their
    handlers): a signal handled inside ``Thread.start()`` left a thread about to run the statement that no
    interrupt would reach, and the command's ``close()`` then met a busy connection (a bare traceback, an abort).

    >>> t = threading.Thread(target=lambda: None); _start_unsignalled(t); t.join(); t.ident is not None
    True
    """
    import signal

    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        worker.start()
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        worker.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a signal sent meanwhile is handled now


class LoggedProgress:
    """A progress callback that logs value-free lines (``masking people.csv: 40% of the rows done, 12 s``) to
    ``logger`` at most every ``every`` seconds, the first once ``every`` seconds have passed, and the last when one
    came before it: where no terminal shows a bar (a pipe, CI, a scheduler's log), a long mask still says it is
    working, and a quick one says nothing (a script reads an empty stderr as success).

    >>> import logging
    >>> lines = []
    >>> log = logging.getLogger("maskline.progress.doctest"); log.propagate = False
    >>> log.addHandler(type("H", (logging.Handler,), {"emit": lambda self, r: lines.append(r.getMessage())})())
    >>> log.setLevel(logging.INFO)
    >>> clock = iter([0.0, 0.0, 1.0, 5.0, 6.0]).__next__
    >>> report = LoggedProgress("masking t.csv", every=5.0, logger=log, clock=clock)
    >>> for pct in (10.0, 20.0, 60.0, 100.0):
    ...     report(pct)
    >>> lines
    ['masking t.csv: 60% of the rows done, 5 s', 'masking t.csv: 100% of the rows done, 6 s']
    """

    def __init__(self, label: str, *, every: float, logger: Any = None,
                 clock: Callable[[], float] | None = None) -> None:
        import logging
        import time

        self.label = label
        self.every = every
        self.logger = logger if logger is not None else logging.getLogger("maskline.progress")
        self.clock = clock or time.monotonic
        self.started = self.clock()
        self.last: float | None = None
        self.done = False

    def __call__(self, percent: float) -> None:
        now = self.clock()
        final = percent >= 100.0
        since = now - (self.started if self.last is None else self.last)
        if self.done or not (since >= self.every or (final and self.last is not None)):
            return
        self.last, self.done = now, final
        self.logger.info("%s: %d%% of the rows done, %d s", self.label, int(percent), int(now - self.started))
