"""An ``errorMessage`` facet rebuilt from the structure of its stack trace, so engine text is never forwarded.

The Airflow provider fills the standard ``errorMessage`` facet with ``str(error)``
and the formatted traceback. When a database driver raised, that text is the
engine's, and engines quote row values in every spelling (``Duplicate key
"name: ..."``, ``Failing row contains (...)``, ``Input: "..."``, or the bare
value of ``error(col)``), which no quote rule catches. So:

- the stack trace keeps only its structure: the header, the chain separators,
  the ``File "...", line N, in f`` frames and each exception's type. Source
  lines, messages, their continuation lines and notes are dropped;
- the message is kept (and then scrubbed as before) only when every exception
  in the chain is one whose text Python, Airflow or maskline wrote
  (:func:`maskline.text.tracebacks.is_own_text`). Any other, a driver's above
  all, gives a message built from the type alone.

A message without a stack trace cannot be placed: nothing says whose text it is (dbt-ol copies dbt's
run result, which quotes the database's error; the Airflow provider copies ``str(error)`` of an error
without a traceback). So it is withheld (:data:`NO_TRACE_WITHHELD`), unless the caller proves it is
own text: maskline's code builds its messages as an
:class:`~openlineage_ext.own_error.OwnErrorMessageRunFacet` (``own_text=True``), and a DAG run's failure
reason is kept when it is exactly one of the fixed texts Airflow writes (:data:`AIRFLOW_RUN_REASONS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from maskline.text.tracebacks import CAUSE_SEPARATOR, CONTEXT_SEPARATOR, is_own_text, withheld_message

TRACEBACK_HEADER = "Traceback (most recent call last):"
CHAIN_SEPARATORS = (CONTEXT_SEPARATOR, CAUSE_SEPARATOR)
_FRAME = re.compile(r'  File "[^"\n]*", line \d+, in [\w<>.]+')
_EXCEPTION_LINE = re.compile(r"(?P<type>[A-Za-z_][\w.]*)(?::(?: .*)?)?")
NO_TRACE_WITHHELD = "message withheld by maskline: no stack trace to tell whose text it is"
# The reasons Airflow gives a failed DAG run (its listener's ``msg``; the provider sends it with no stack
# trace): fixed texts written by airflow/models/dagrun.py, the scheduler and the REST API, matched whole.
AIRFLOW_RUN_REASONS = frozenset({
    "task_failure", "timed_out", "all_tasks_deadlocked", "Dag Run's state was manually set to `failed`.",
})


@dataclass(frozen=True)
class TraceStructure:
    """A stack trace's structure: its frames and separators as text, and its exception types in order."""

    text: str
    exception_types: tuple[str, ...]


def trace_structure(stack_trace: str) -> TraceStructure:
    """Only the structural lines of a formatted Python traceback; exception lines lose their message.

    >>> t = trace_structure('Traceback (most recent call last):\\n  File "/d/load.py", line 9, in load\\n'
    ...                     '    run(q)\\nduckdb.ConstraintException: Duplicate key "name: Jo Bloggs"\\nJo Bloggs\\n')
    >>> print(t.text)
    Traceback (most recent call last):
      File "/d/load.py", line 9, in load
    duckdb.ConstraintException
    >>> t.exception_types
    ('duckdb.ConstraintException',)
    """
    out: list[str] = []
    types: list[str] = []
    expecting_exception = True  # at the start, after the frames, and after a chain separator
    for line in stack_trace.splitlines():
        if line == TRACEBACK_HEADER or line in CHAIN_SEPARATORS or _FRAME.fullmatch(line):
            out.append(line)
            expecting_exception = True
        elif expecting_exception and not line[:1].isspace() and (m := _EXCEPTION_LINE.fullmatch(line)):
            out.append(m["type"])
            types.append(m["type"])
            expecting_exception = False
        # Anything else (source lines, carets, a message's further lines, notes) is not structure: dropped.
    return TraceStructure("\n".join(out), tuple(types))


def rebuild_error_facet(message: str | None, stack_trace: str | None, *,
                        own_text: bool = False) -> tuple[str | None, str | None]:
    """The ``(message, stackTrace)`` a facet may carry: the trace's structure, and the message when it is own text.

    Without a stack trace the message is kept only when ``own_text`` (the caller knows maskline wrote it) or
    when it is one of :data:`AIRFLOW_RUN_REASONS`; any other is withheld.

    >>> rebuild_error_facet('Duplicate key "name: Jo Bloggs"',
    ...                     "Traceback (most recent call last):\\nduckdb.ConstraintException: Jo Bloggs")[0]
    'ConstraintException raised by duckdb (message withheld by maskline: its text may quote values)'
    >>> rebuild_error_facet("mailbox full", "ValueError: mailbox full")
    ('mailbox full', 'ValueError')
    >>> rebuild_error_facet('Database Error in model people: Duplicate key "name: Jo Bloggs"', None)
    ('message withheld by maskline: no stack trace to tell whose text it is', None)
    >>> rebuild_error_facet("maskline refused the agent's query: only SELECT", None, own_text=True)[0]
    "maskline refused the agent's query: only SELECT"
    """
    if not stack_trace:
        if not message or own_text or message in AIRFLOW_RUN_REASONS:
            return message, stack_trace
        return NO_TRACE_WITHHELD, stack_trace
    structure = trace_structure(stack_trace)
    outside = [t for t in structure.exception_types if not is_own_text(t)]
    if outside or not structure.exception_types:
        message = withheld_message(outside[-1]) if outside else "message withheld by maskline: unreadable trace"
    return message, structure.text
