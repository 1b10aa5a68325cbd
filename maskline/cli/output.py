"""Terminal output: rich consoles for results (stdout) and messages (stderr)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def console() -> Any:
    """The stdout console (tables, trees, JSON)."""
    from rich.console import Console

    return Console(soft_wrap=True)


@cache
def err_console() -> Any:
    """The stderr console (progress, errors)."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def progress(transient: bool = True) -> Any:
    """A rich progress bar on stderr, for long work.

    >>> with progress() as p:
    ...     task = p.add_task("work", total=1)
    ...     p.advance(task)
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=err_console(), transient=transient)
