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


def fields(base: str, out: dict) -> dict[str, dict]:
    """The dataset page's fields (the latest version's, with every tag posted on any version), by name.

    >>> # fields(marquez_url, out)["email"]["tags"]
    """
    return {f["name"]: f for f in dataset(base, out)["fields"]}


def fields_by_run(base: str, out: dict) -> dict[str | None, dict[str, dict]]:
    """Each version's fields by name, by the id of the run that made it (``None``: a version a read made).

    >>> # fields_by_run(marquez_url, out)[run_id]["email"]["tags"]
    """
    return {(v.get("createdByRun") or {}).get("id"): {f["name"]: f for f in v["fields"]} for v in versions(base, out)}


def masked_fields(base: str, out: dict, columns: tuple[str, ...] | list[str]) -> dict[str, dict]:
    """:func:`fields` once each of ``columns`` is tagged MASKED there (the tag sync posts after the events; the
    last read's failure is raised).

    >>> # masked_fields(marquez_url, out, ("email",))["email"]["description"]
    """
    return eventually(lambda: tagged(fields(base, out), columns))


def tagged(found: dict[str, dict], columns: tuple[str, ...] | list[str]) -> dict[str, dict]:
    """``found`` (a page's or a version's fields by name), once each of ``columns`` is seen tagged MASKED there.

    >>> tagged({"email": {"tags": ["MASKED"]}}, ("email",))["email"]["tags"]
    ['MASKED']
    """
    for column in columns:
        assert "MASKED" in found[column]["tags"], (column, found[column])
    return found


def column_inputs(base: str, out: dict, field: str) -> list[dict]:
    """The input fields Marquez's column lineage gives one output field (each with the field-level transformation).

    >>> # {i["transformationType"] for i in column_inputs(marquez_url, out, "email")}
    """
    node = f"datasetField:{out['namespace']}:{out['name']}:{field}"
    graph = get(base, "/api/v1/column-lineage?nodeId=" + q(node))["graph"]
    return next(n for n in graph if n["id"] == node)["data"]["inputFields"]


def lineage_nodes(base: str, node: str, depth: int = 1) -> dict[str, dict]:
    """The nodes of Marquez's lineage graph around ``node`` (``dataset:<namespace>:<name>``, ``job:...``), by id.

    >>> # "job:ns:j" in lineage_nodes(marquez_url, "dataset:ns:t")
    """
    return {n["id"]: n for n in get(base, f"/api/v1/lineage?nodeId={q(node)}&depth={depth}")["graph"]}


def run_in_state(base: str, run_id: str, state: str) -> dict:
    """The run's page once it is in ``state`` (``COMPLETED``, ``FAILED``), read again until then.

    >>> # run_in_state(marquez_url, run_id, "COMPLETED")["inputDatasetVersions"]
    """
    def shown() -> dict:
        run = get(base, f"/api/v1/jobs/runs/{run_id}")
        assert run["state"] == state, (run_id, run["state"])
        return run

    return eventually(shown)
