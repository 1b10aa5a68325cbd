"""Every file maskline writes is written whole or not at all: the one place outputs are made.

A file is first written under a hidden temporary name beside its destination and renamed over it only when its
writer finished; on any other end (an error, Ctrl-C, the SIGTERM a scheduler's timeout or ``kill`` sends, which the
``maskline`` command raises as Ctrl-C) the temporary file is removed and the destination is as it was. A reader
never sees half a file: not a torn ``policy.scan.json`` beside a policy, not a dbt macro file cut short, not a
masked copy missing its last rows. ``tests/test_atomic_output.py`` holds the package to it: no module of
``maskline`` opens a file for writing but this one.

>>> import tempfile; d = Path(tempfile.mkdtemp())
>>> write_text_atomic(d / "out.txt", "whole\\n").read_text()
'whole\\n'
>>> sorted(p.name for p in d.iterdir())
['out.txt']
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

TEMPORARY_INFIX = ".maskline-"


def temporary_beside(dst: Path) -> Path:
    """The hidden temporary name ``dst`` is written under: its directory, so the rename is atomic, and a new name.

    >>> temporary_beside(Path("/data/out.csv")).name.startswith(".out.csv.maskline-")
    True
    """
    return dst.with_name(f".{dst.name}{TEMPORARY_INFIX}{uuid.uuid4().hex[:8]}.tmp")


@contextlib.contextmanager
def atomic_output(dst: str | Path, *, on_unwritable: Callable[[OSError, Path], BaseException] | None = None,
                  ) -> Iterator[Path]:
    """Yield a new, empty temporary path beside ``dst`` to write; it becomes ``dst`` when the block ends normally.

    The temporary file is created before the block runs, so a directory that cannot be written in fails here,
    before any work (``on_unwritable(error, directory)`` builds the exception raised then; by default the
    ``OSError`` itself). Ended any other way, the block leaves nothing: the temporary file is removed and ``dst``
    is untouched.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> with atomic_output(d / "t.csv") as tmp:
    ...     _ = tmp.write_text("a\\n1\\n")
    >>> (d / "t.csv").read_text()
    'a\\n1\\n'
    >>> try:
    ...     with atomic_output(d / "t.csv") as tmp:
    ...         _ = tmp.write_text("half")
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     pass
    >>> (d / "t.csv").read_text(), sorted(p.name for p in d.iterdir())
    ('a\\n1\\n', ['t.csv'])
    """
    dst = Path(dst)
    tmp = temporary_beside(dst)
    failure: BaseException | None
    try:  # from the claim on: a SIGTERM raised the moment the file exists still removes it
        try:
            with tmp.open("xb"):
                pass
        except OSError as e:
            if on_unwritable is None:
                raise
            failure = on_unwritable(e, dst.parent)
        else:
            failure = None
        if failure is not None:  # raised outside the handler: the caller's error does not chain the OSError's text
            raise failure
        yield tmp
        os.replace(tmp, dst)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()  # ended early (after the rename, or a claim that failed, there is nothing to remove)


def write_text_atomic(dst: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``dst`` whole or not at all; returns ``dst`` as a path.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "x.sql"
    >>> write_text_atomic(p, "select 1").read_text()
    'select 1'
    """
    dst = Path(dst)
    with atomic_output(dst) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return dst
