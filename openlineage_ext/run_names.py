"""Names a producer in this process proved for one run of its own, recalled by the scrubber for that run's event.

The event scrubber keeps a name in a SQL facet only when something proves it structure
(:mod:`openlineage_ext.catalog_names`): the datasets the event declares, or what an earlier event read
from the catalog. A refused agent query read no table, so its event declares none, and the tables it named
became placeholders (``DELETE FROM name_1``) even when the operator had allowed them. The toolset that
built the event knows better: its ``allowed_tables`` are the operator's configuration, proven structure
like the MCP server's ``--allow``. It cannot hand them to the scrubber, which runs behind the OpenLineage
client (:class:`openlineage_ext.guarded_transport.GuardedTransport`), so it records them here under the
event's run id, which it generated for that one event; the scrubber adds them to the event's names.

Only code in this process can record names (nothing in an event can), and only for a run id it holds,
so a name typed into a query is never proven by this: a value typed as a table the operator did not
allow, or as a function, is still a placeholder.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import cache
from typing import Any

# Runs remembered per process: one entry per agent tool call until its event is scrubbed, most long gone.
RUNS_REMEMBERED = 1024


class RunNames:
    """Lower-case names proven for a run id, bounded (the oldest are forgotten first).

    >>> names = RunNames()
    >>> names.prove("0190a4c2-0000-7000-8000-000000000000", ["Raw_Customers", "main.raw_tickets"])
    >>> sorted(names.recall({"run": {"runId": "0190a4c2-0000-7000-8000-000000000000"}}))
    ['main', 'main.raw_tickets', 'raw_customers', 'raw_tickets']
    >>> names.recall({"run": {"runId": "another-run"}})  # another run proves nothing
    frozenset()
    """

    def __init__(self, limit: int = RUNS_REMEMBERED) -> None:
        self._limit = limit
        self._names: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._lock = threading.Lock()  # events are emitted from the provider's threads

    def prove(self, run_id: str, relations: Iterable[str]) -> None:
        """Record ``relations`` (each name and its dot-separated parts) as proven for ``run_id``."""
        from openlineage_ext.catalog_names import relation_names

        names = frozenset(n for r in relations for n in relation_names(str(r)) if n)
        if not run_id or not names:
            return
        with self._lock:
            self._names[run_id] = self._names.get(run_id, frozenset()) | names
            self._names.move_to_end(run_id)
            while len(self._names) > self._limit:
                self._names.popitem(last=False)

    def recall(self, event: Any) -> frozenset[str]:
        """The names proven for the run of ``event`` (a dict or an attrs event); none when nothing was."""
        from openlineage_ext.catalog_names import member

        run_id = member(member(event, "run"), "runId")
        with self._lock:
            return self._names.get(str(run_id), frozenset()) if run_id else frozenset()


@cache
def run_names() -> RunNames:
    """The process's proven run names, created on first use (nothing at import time).

    >>> run_names() is run_names()
    True
    """
    return RunNames()
