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

    Markup is off: every string it prints (a column name, a file name, an error's fix such as
    ``pip install 'maskline[ner]'``) is shown as it is, never read as a style tag. Styles come from
    :func:`labelled` or rich ``Text`` objects.

    >>> console().stderr, console() is console(), console().soft_wrap
    (False, True, True)
    >>> with console().capture() as shown:
    ...     console().print("[/x] pip install 'maskline[ner]'")
    >>> print(shown.get(), end="")
    [/x] pip install 'maskline[ner]'
    """
    from rich.console import Console

    return Console(soft_wrap=True, width=output_width(sys.stdout), markup=False)


@cache
def err_console() -> Any:
    """The stderr console (progress, errors).

    Markup is off, as on :func:`console`.

    >>> err_console().stderr, err_console() is err_console()
    (True, True)
    """
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, width=output_width(sys.stderr), markup=False)


def labelled(label: str, style: str, message: str) -> Any:
    """``label`` in ``style``, then ``message`` exactly as written (brackets and all): a rich Text.

    >>> labelled("error:", "bold red", "Fix: pip install 'maskline[ner]'").plain
    "error: Fix: pip install 'maskline[ner]'"
    """
    from rich.text import Text

    return Text.assemble((label, style), " ", message)


def progress(transient: bool = True) -> Any:
    """A rich progress bar on stderr, for long work.

    >>> with progress() as p:
    ...     task = p.add_task("work", total=1)
    ...     p.advance(task)
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    # Off a terminal a transient bar draws nothing, but stopping it still wrote an empty line, so an error in a
    # pipe or CI log began with a blank line: there the bar is off.
    return Progress(TextColumn("{task.description}", markup=False), BarColumn(), TimeElapsedColumn(),
                    console=err_console(), transient=transient, disable=not err_console().is_terminal)
