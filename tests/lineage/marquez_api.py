"""Reading a real Marquez's REST API as its pages do, for the end-to-end tests (test_marquez_*.py): one copy of
the few calls each of them made its own."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def q(part: str) -> str:
    """One path segment, quoted whole (a namespace's ``/`` and ``:`` included).

    >>> q("postgres://db:5432")
    'postgres%3A%2F%2Fdb%3A5432'
    """
    return urllib.parse.quote(part, safe="")


def get(base: str, path: str) -> Any:
    """The JSON Marquez answers at ``base + path``.

    >>> # get(marquez_url, "/api/v1/namespaces")["namespaces"]
    """
    with urllib.request.urlopen(base + path, timeout=15) as resp:
        return json.loads(resp.read().decode("utf-8"))


def dataset(base: str, out: dict, path: str = "") -> Any:
    """A dataset's page (or, with ``path``, one of its tabs: ``/versions``) for an event's input or output.

    >>> # dataset(marquez_url, {"namespace": "duckdb://db", "name": "main.customers"})["fields"]
    """
    return get(base, f"/api/v1/namespaces/{q(out['namespace'])}/datasets/{q(out['name'])}{path}")


def versions(base: str, out: dict) -> list[dict]:
    """The dataset's versions, newest first (its Versions tab), up to 100.

    >>> # versions(marquez_url, out)[0]["fields"]
    """
    return dataset(base, out, "/versions?limit=100")["versions"]


def eventually(fn: Callable[[], T], attempts: int = 60) -> T:
    """What ``fn`` returns once it stops failing: the tag sync and the versions are stored after the events, so a
    page is read again, a bounded number of times, half a second apart; the last attempt's failure is raised.

    >>> eventually(lambda: 1)
    1
    """
    for _ in range(attempts - 1):
        try:
            return fn()
        except (AssertionError, KeyError, ValueError):
            time.sleep(0.5)
    return fn()
