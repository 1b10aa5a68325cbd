"""What an exception keeps alive: the open DuckDB connections and Arrow readers its tracebacks' frames hold.

A failed call's exception can live far longer than the call (Airflow's dag.test() keeps a failed task's error in
a reference cycle with its frames; a notebook keeps the last traceback). Whatever its frames hold is freed only
then, possibly in interpreter teardown, where freeing a DuckDB database once hung a process for 30 minutes. A
connection closed on every path, and a reader closed with it, cannot be freed late.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any


def _exceptions(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        # The chain as CPython keeps it: maskline's errors read theirs as empty (maskline.errors.Unchained), but
        # the objects, and their frames, stay alive behind those properties.
        todo += [BaseException.__cause__.__get__(e), BaseException.__context__.__get__(e)]  # type: ignore[attr-defined]


def _frames(exc: BaseException) -> Iterator[types.FrameType]:
    for e in _exceptions(exc):
        tb = e.__traceback__
        while tb is not None:
            yield tb.tb_frame
            tb = tb.tb_next


def _is_open(value: Any) -> bool:
    import duckdb
    import pyarrow as pa

    if isinstance(value, duckdb.DuckDBPyConnection):
        try:
            value.execute("SELECT 1")
        except duckdb.ConnectionException:  # closed
            return False
        except duckdb.Error:  # busy with another thread's statement: open
            return True
        return True
    if isinstance(value, pa.RecordBatchReader):
        try:
            value.read_next_batch()
        except pa.ArrowInvalid as e:
            return "closed" not in str(e)
        except Exception:  # noqa: BLE001 - a reader left failed (or exhausted) but open still holds its query
            return True
        return True
    return False


def open_engine_objects(exc: BaseException) -> list[str]:
    """``function:local`` of every open DuckDB connection or Arrow reader a frame of ``exc`` (or of the
    exceptions it chains) holds. Probing a reader consumes it: call this once, after the failure."""
    found = []
    for frame in _frames(exc):
        for name, value in frame.f_locals.items():
            if _is_open(value):
                found.append(f"{frame.f_code.co_name}:{name}")
    return found
