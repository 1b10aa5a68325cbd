"""What an agent did through maskline, tallied per task instance: one :class:`ToolCall` per call.

The toolset records each call here as it happens; the task's lineage
(:func:`airflow_plugin.agents.lineage.agent_run_facets`) reads the totals when
the task finishes. A call holds names, counts and scrubbed reasons, never a
data value. The tally lives in the worker process, where the task and its
OpenLineage listener both run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Literal

Outcome = Literal["executed", "refused", "failed"]
TaskKey = tuple[str, str, str, int]  # dag_id, run_id, task_id, map_index


@dataclass(frozen=True)
class MaskedColumn:
    """An output column the rewrite masked, and the source columns it derives from.

    >>> MaskedColumn("contact", ("raw_customers.email",), "email").as_dict()["sources"]
    ['raw_customers.email']
    """

    name: str
    sources: tuple[str, ...]
    method: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sources": list(self.sources), "method": self.method}


@dataclass(frozen=True)
class ToolCall:
    """One tool call of an agent: what it ran (scrubbed), on which tables, what was masked, and how it ended.

    >>> ToolCall("query", "refused", "SELECT 1", reason="only SELECT").refused
    True
    """

    tool: str
    outcome: Outcome
    sql: str | None = None  # scrubbed: literals replaced
    tables: tuple[str, ...] = ()
    masked_columns: tuple[MaskedColumn, ...] = ()
    rows: int = 0
    cells_masked: int = 0
    reason: str | None = None  # scrubbed

    @property
    def refused(self) -> bool:
        return self.outcome == "refused"


@dataclass
class AgentTally:
    """Totals of one agent task: queries executed, refusals, cells masked, rows handed to the model.

    >>> t = AgentTally(); t.add(ToolCall("query", "executed", rows=3, cells_masked=6)); t.add(ToolCall("query", "refused"))
    >>> (t.queries, t.refusals, t.cells_masked, t.rows)
    (1, 1, 6, 3)
    """

    model: str | None = None
    calls: list[ToolCall] = field(default_factory=list)

    def add(self, call: ToolCall) -> None:
        self.calls.append(call)

    @property
    def queries(self) -> int:
        return sum(1 for c in self.calls if c.tool == "query" and c.outcome == "executed")

    @property
    def refusals(self) -> int:
        return sum(1 for c in self.calls if c.refused)

    @property
    def cells_masked(self) -> int:
        return sum(c.cells_masked for c in self.calls)

    @property
    def rows(self) -> int:
        return sum(c.rows for c in self.calls)


_lock = threading.Lock()
_tallies: dict[TaskKey, AgentTally] = {}


def task_key(ti: Any) -> TaskKey:
    """The tally key of a task instance.

    >>> from types import SimpleNamespace as NS
    >>> task_key(NS(dag_id="d", run_id="r", task_id="t", map_index=-1))
    ('d', 'r', 't', -1)
    """
    map_index = getattr(ti, "map_index", -1)
    return (str(ti.dag_id), str(ti.run_id), str(ti.task_id), -1 if map_index is None else int(map_index))


def record(key: TaskKey, call: ToolCall, *, model: str | None = None) -> AgentTally:
    """Add ``call`` to the task's tally and return the tally.

    >>> record(("d", "r", "doc", -1), ToolCall("query", "executed"), model="test").queries
    1
    """
    with _lock:
        tally = _tallies.setdefault(key, AgentTally())
        if model:
            tally.model = model
        tally.add(call)
        return tally


def tally_for(key: TaskKey) -> AgentTally | None:
    """The task's tally, or None when no agent ran a maskline tool in it.

    >>> tally_for(("no", "such", "task", -1)) is None
    True
    """
    with _lock:
        return _tallies.get(key)
