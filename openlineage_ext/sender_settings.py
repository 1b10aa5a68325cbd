"""How many lineage events the background sender holds, and how long a flush waits: two settings a user can set.

:class:`openlineage_ext.background_emit.BackgroundSender` (the MCP server's and the Airflow agent toolset's tool-call
events) holds at most ``MASKLINE_LINEAGE_QUEUE_SIZE`` events (default 1000) while the lineage server is slow or
down, and the server's shutdown or the task's end waits up to ``MASKLINE_LINEAGE_FLUSH_SECONDS`` seconds (default
10) for them. They are environment variables, read when the sender is built (never at import), like the
transformer's ``MASKLINE_LINEAGE_SQL_LITERALS``: the sender serves every transport a user configures, so it has no
one transport's properties to read them from. A value that is not a positive number in range is refused with what,
where and how to fix (:class:`maskline.errors.ConfigError`); the value itself is not repeated.

>>> sender_settings({})
SenderSettings(max_queued=1000, flush_seconds=10.0)
>>> sender_settings({"MASKLINE_LINEAGE_QUEUE_SIZE": "50", "MASKLINE_LINEAGE_FLUSH_SECONDS": "2.5"})
SenderSettings(max_queued=50, flush_seconds=2.5)
>>> sender_settings({"MASKLINE_LINEAGE_QUEUE_SIZE": "0"})
Traceback (most recent call last):
...
maskline.errors.ConfigError: MASKLINE_LINEAGE_QUEUE_SIZE must be a whole number from 1 to 1000000 (at environment variable MASKLINE_LINEAGE_QUEUE_SIZE). Fix: set it to the number of lineage events to hold while the lineage server is slow, e.g. 1000, or unset it for the default (1000)
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

QUEUE_SIZE_ENV = "MASKLINE_LINEAGE_QUEUE_SIZE"
FLUSH_SECONDS_ENV = "MASKLINE_LINEAGE_FLUSH_SECONDS"
MAX_QUEUED = 1000
FLUSH_SECONDS = 10.0
# Bounds: a queue past a million events holds that many events' memory; a flush past an hour holds a task's end
# or a server's shutdown longer than any lineage server takes to come back.
QUEUE_LIMIT = 1_000_000
FLUSH_LIMIT = 3600.0


@dataclass(frozen=True)
class SenderSettings:
    """The background sender's queue size (events) and flush timeout (seconds)."""

    max_queued: int = MAX_QUEUED
    flush_seconds: float = FLUSH_SECONDS


def sender_settings(environ: Mapping[str, str] | None = None) -> SenderSettings:
    """The settings from ``environ`` (default: the process environment), checked; unset or empty means default.

    >>> sender_settings({"MASKLINE_LINEAGE_FLUSH_SECONDS": "30"}).flush_seconds
    30.0
    """
    env = os.environ if environ is None else environ
    return SenderSettings(_queue_size(env.get(QUEUE_SIZE_ENV, "").strip()),
                          _flush_seconds(env.get(FLUSH_SECONDS_ENV, "").strip()))


def _queue_size(text: str) -> int:
    if not text:
        return MAX_QUEUED
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 7 else 0
    if not 1 <= value <= QUEUE_LIMIT:
        raise _refused(QUEUE_SIZE_ENV, f"a whole number from 1 to {QUEUE_LIMIT}",
                       f"the number of lineage events to hold while the lineage server is slow, e.g. {MAX_QUEUED}",
                       str(MAX_QUEUED))
    return value


def _flush_seconds(text: str) -> float:
    if not text:
        return FLUSH_SECONDS
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (0 < value <= FLUSH_LIMIT):  # NaN and infinities fail too
        raise _refused(FLUSH_SECONDS_ENV, f"a number of seconds above 0 and at most {FLUSH_LIMIT:g}",
                       "how long a task's end or the MCP server's shutdown waits for queued lineage events, e.g. 10",
                       f"{FLUSH_SECONDS:g}")
    return value


def _refused(name: str, rule: str, meaning: str, default: str) -> Exception:
    from maskline.errors import ConfigError

    return ConfigError(f"{name} must be {rule}", where=f"environment variable {name}",
                       fix=f"set it to {meaning}, or unset it for the default ({default})")
