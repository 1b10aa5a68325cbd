"""Terminal output: rich consoles for results (stdout) and messages (stderr)."""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import Any

# Off a terminal (a pipe, a file, CI logs) nothing is cut to fit: lines are as wide as their content.
UNLIMITED_WIDTH = 100_000


def output_width(stream: Any) -> int | None:
    """The width to render at: None (the terminal's) on a TTY or when COLUMNS is set, else unlimited.

    >>> import io
    >>> output_width(io.StringIO()) == UNLIMITED_WIDTH or "COLUMNS" in os.environ
    True
    """
    isatty = getattr(stream, "isatty", None)
    if (isatty is not None and isatty()) or os.environ.get("COLUMNS"):
        return None
    return UNLIMITED_WIDTH


@cache
def console() -> Any:
    """The stdout console (tables, trees, JSON).

    >>> console().stderr, console() is console(), console().soft_wrap
    (False, True, True)
    """
    from rich.console import Console

    return Console(soft_wrap=True, width=output_width(sys.stdout))


@cache
def err_console() -> Any:
    """The stderr console (progress, errors).

    >>> err_console().stderr, err_console() is err_console()
    (True, True)
    """
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, width=output_width(sys.stderr))


def progress(transient: bool = True) -> Any:
    """A rich progress bar on stderr, for long work.

    >>> with progress() as p:
    ...     task = p.add_task("work", total=1)
    ...     p.advance(task)
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    # Off a terminal a transient bar draws nothing, but stopping it still wrote an empty line, so an error in a
    # pipe or CI log began with a blank line: there the bar is off.
    return Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=err_console(), transient=transient, disable=not err_console().is_terminal)
