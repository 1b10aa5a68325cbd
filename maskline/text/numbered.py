"""Masked labels numbered apart: the one rule for every label that masking makes repeat another.

Masking makes different labels alike: two customers' e-mails as a dict's keys both scrub to ``[EMAIL]``, two
customers' names as a table's row labels both become ``[MASKED]``. A dict keyed by them, a frame's columns or
Airflow's XComs (stored under their keys) would keep only one entry, so the second is numbered ``[EMAIL] (2)``.

Every face numbers with this one function (the text scrubber's dict keys, the Airflow plugin's column and row labels
and XCom keys), so one label reads the same wherever it is shown. The number is in parentheses, never after ``#``:
an XCom's key travels in the path of Airflow's Execution API URL, where ``#`` starts the fragment (Airflow stored
``[MASKED] #2`` and ``[MASKED] #3`` both as ``[MASKED] ``).

>>> numbered("[EMAIL]", {"[EMAIL]", "[EMAIL] (2)"})
'[EMAIL] (3)'
"""

from __future__ import annotations

from collections.abc import Container, Hashable
from typing import Any


def numbered(label: Hashable, taken: Container[Any]) -> Hashable:
    """``label`` when it is not in ``taken``, else the first of ``label (2)``, ``label (3)``... that is not.

    A tuple (a pandas MultiIndex label) gets its number as one more element.

    >>> numbered("n", set()), numbered("[MASKED]", {"[MASKED]"})
    ('n', '[MASKED] (2)')
    >>> numbered(("sales", "[EMAIL]"), {("sales", "[EMAIL]")})
    ('sales', '[EMAIL]', '(2)')
    """
    new, n = label, 1
    while new in taken:
        n += 1
        new = (*label, f"({n})") if isinstance(label, tuple) else f"{label} ({n})"
    return new
