"""Optional sync of maskline's field tags into Marquez's own field tags.

Marquez does not turn the standard ``tags`` facet into field tags, so its UI
and search would not show them. Each sensitive field gets its info type
(``EMAIL``), its category's tag (``PII`` or ``SENSITIVE``) and, when it was
masked on its way into the dataset, ``MASKED``. Requests go as the real
server accepts them:

1. ``PUT /api/v1/tags/{tag}`` with a JSON body creates the tag with its
   description (a field tag naming an unknown tag would create it without one);
2. ``POST /api/v1/namespaces/{ns}/datasets/{ds}/fields/{field}/tags/{tag}``
   with ``Content-Type: application/json`` and no body. A form content type
   (urllib's default when ``data`` is given) gets HTTP 415.

A dataset exists in Marquez only once the event that names it has been
stored, and the transformer runs *before* the event is sent, so the sync runs
on one background worker that retries briefly until the dataset appears.

Marquez writes a field tag into the dataset's *current version* only (and its
field list), and a write's version becomes current only when the writing run's
COMPLETE is stored; until then the current version is an older one, or one an
early reader made (dbt-ol sends every model's START before any COMPLETE). So a
tag for an output dataset waits until the current version is the one its run
wrote (:func:`current_version_run`), else the version the run wrote would show
no tag in Marquez's version history. It waits a bounded time, then posts anyway.
An output's tags go only for a COMPLETE (a START's would land on an earlier
run's version, a FAIL's version never becomes current). Marquez's dataset
page shows a field's tags from the field, whatever version they were posted
on, so a COMPLETE also deletes ``MASKED`` from every field it wrote and does
not say it masked (:func:`untag_requests`): a column a rebuild passes raw, and
every field another writer (one that is not maskline's) wrote.
Plain ``urllib``: no client library, nothing at import time.
"""

from __future__ import annotations

import atexit
import json
import logging
import queue
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from typing import Any

from openlineage_ext.facets import MARQUEZ_TAG_BY_CATEGORY, MASKED_TAG, MASKING, PII_TAG_KEY

log = logging.getLogger(__name__)
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
TAG_DESCRIPTIONS = {
    "PII": "Personally identifiable information",
    "SENSITIVE": "Contains sensitive information",
    MASKED_TAG: "Masked by maskline: no raw value of the source field",
}


def tag_path(namespace: str, dataset: str, field: str, tag: str) -> str:
    """The Marquez API path that sets one field tag (every part URL-encoded).

    >>> tag_path("postgres://h:5432", "db.public.t", "email", "PII")
    '/api/v1/namespaces/postgres%3A%2F%2Fh%3A5432/datasets/db.public.t/fields/email/tags/PII'
    """
    q = lambda s: urllib.parse.quote(s, safe="")  # noqa: E731
    return f"/api/v1/namespaces/{q(namespace)}/datasets/{q(dataset)}/fields/{q(field)}/tags/{q(tag)}"


def marquez_tag_for(info_type: str) -> str:
    """PII for identifiers and quasi-identifiers, SENSITIVE for sensitive data and secrets.

    >>> marquez_tag_for("EMAIL"), marquez_tag_for("PASSWORD"), marquez_tag_for("MY_CUSTOM")
    ('PII', 'SENSITIVE', 'PII')
    """
    from maskline.infotypes import INFO_TYPES

    info = INFO_TYPES.get(info_type)
    return MARQUEZ_TAG_BY_CATEGORY.get(info.category, "PII") if info else "PII"


def _masked_fields(dataset: Any) -> set[str]:
    """Fields of an output dataset that were masked: from ``maskline_masking``, else ``columnLineage``."""
    facets = getattr(dataset, "facets", None) or {}
    masking = facets.get(MASKING)
    if masking is not None:
        return {name for name, f in (getattr(masking, "fields", None) or {}).items() if f.get("masked")}
    lineage = facets.get("columnLineage")
    return {name for name, f in (getattr(lineage, "fields", None) or {}).items()
            if getattr(f, "transformationType", None) == "MASKED"}


def tag_requests(event: Any) -> list[tuple[str, str, str, str]]:
    """``(namespace, dataset, field, tag)`` for each sensitive field of the event's datasets: its info
    type, its category's tag (PII or SENSITIVE) and, for masked output fields, MASKED.

    Outputs only of a COMPLETE: Marquez writes a field tag into the dataset's current version, and a run's own
    version of its output is current only once its COMPLETE is stored. Before (START, RUNNING) and without it
    (FAIL, ABORT) the current version is an earlier run's, so a rebuild's tags (a column newly masked) would
    rewrite what that earlier version says. Inputs go with any event: the current version is the one read.

    >>> from openlineage.client.event_v2 import OutputDataset, RunState
    >>> from openlineage_ext.facets import tags_facet
    >>> class E: eventType = RunState.COMPLETE; inputs = []; outputs = [OutputDataset("ns", "t", facets={"tags": tags_facet([("ssn", "US_SSN")])})]
    >>> tag_requests(E())
    [('ns', 't', 'ssn', 'US_SSN'), ('ns', 't', 'ssn', 'PII')]
    >>> E.eventType = RunState.START
    >>> tag_requests(E())
    []
    """
    out: list[tuple[str, str, str, str]] = []

    def add(item: tuple[str, str, str, str]) -> None:
        if item not in out:
            out.append(item)

    kind = getattr(event, "eventType", None)
    # An allow-list of one: the only event after which the run's version of its output is the current one.
    outputs = list(getattr(event, "outputs", None) or []) if getattr(kind, "value", kind) == "COMPLETE" else []
    for ds in list(getattr(event, "inputs", None) or []) + outputs:
        masked = _masked_fields(ds) if any(ds is o for o in outputs) else set()
        tags = (ds.facets or {}).get("tags")
        for t in getattr(tags, "tags", None) or []:
            if t.key == PII_TAG_KEY and t.field and t.value:
                add((ds.namespace, ds.name, t.field, str(t.value)))
                add((ds.namespace, ds.name, t.field, marquez_tag_for(t.value)))
        for name in sorted(masked):
            add((ds.namespace, ds.name, name, MASKED_TAG))
    return out


def written_by(event: Any) -> dict[tuple[str, str], str]:
    """``(namespace, dataset) -> run id`` for each output dataset of a COMPLETE event: the run whose version of it
    must be current before its field tags are posted.

    Only a COMPLETE waits: it is the event that makes the run's version current, so the wait is as long as Marquez
    takes to store it. Other events tag no output (:func:`tag_requests`): a START's wait would last the whole run,
    and a tag posted at once would land on an earlier run's version.

    >>> from openlineage.client.event_v2 import InputDataset, OutputDataset, RunState
    >>> class E: eventType = RunState.COMPLETE; run = type("R", (), {"runId": "r1"})(); inputs = [InputDataset("ns", "a")]; outputs = [OutputDataset("ns", "b")]
    >>> written_by(E())
    {('ns', 'b'): 'r1'}
    >>> E.eventType = RunState.START
    >>> written_by(E())
    {}
    """
    run = getattr(getattr(event, "run", None), "runId", None)
    kind = getattr(event, "eventType", None)
    if not run or getattr(kind, "value", kind) != "COMPLETE":
        return {}
    return {(o.namespace, o.name): str(run) for o in getattr(event, "outputs", None) or []}


def _written_fields(dataset: Any) -> list[str]:
    """The fields an output dataset's facets say the run wrote (``schema``, ``columnLineage``, ``maskline_masking``),
    in order: the field list Marquez makes the run's version of (and the dataset page) from."""
    facets = getattr(dataset, "facets", None) or {}
    names = [str(getattr(f, "name", "")) for f in getattr(facets.get("schema"), "fields", None) or []]
    names += [str(n) for n in getattr(facets.get("columnLineage"), "fields", None) or {}]
    names += [str(n) for n in getattr(facets.get(MASKING), "fields", None) or {}]
    return [n for i, n in enumerate(names) if n and n not in names[:i]]


def untag_requests(event: Any) -> list[tuple[str, str, str, str]]:
    """``(namespace, dataset, field, "MASKED")`` for each field a COMPLETE wrote and does not say it masked: a
    ``MASKED`` tag an earlier run gave it must go, since the data now there is this run's.

    Marquez's dataset page reads a field's tags from the field, not from a version (``DatasetFieldDao``
    ``findByDatasetVersion`` joins ``dataset_fields_tag_mapping``), so a tag posted for one run shows for every
    later one: after a rebuild that passes a column raw (its masking facet says ``masked: false``), and after any
    other writer (a dbt model without maskline, another job's plain OpenLineage event) that says nothing of
    masking. An allow-list: ``MASKED`` stays only on the fields this write says it masked (:func:`_masked_fields`).
    Only ``MASKED`` (an info type or PII tag on a raw column stays true), only for a COMPLETE (a FAIL's version never
    becomes current). A writer whose events never pass maskline's transformer cannot be seen here: see
    openlineage_ext/README.md.

    >>> from openlineage.client.event_v2 import OutputDataset, RunState
    >>> from openlineage.client.facet_v2 import schema_dataset
    >>> from openlineage_ext.facets import MASKING
    >>> facet = type("F", (), {"fields": {"phone": {"masked": False}, "email": {"masked": True}}})()
    >>> class E: eventType = RunState.COMPLETE; outputs = [OutputDataset("ns", "t", facets={MASKING: facet})]
    >>> untag_requests(E())
    [('ns', 't', 'phone', 'MASKED')]
    >>> plain = schema_dataset.SchemaDatasetFacet(fields=[schema_dataset.SchemaDatasetFacetFields(name="email")])
    >>> E.outputs = [OutputDataset("ns", "t", facets={"schema": plain})]  # another writer: says nothing of masking
    >>> untag_requests(E())
    [('ns', 't', 'email', 'MASKED')]
    >>> E.eventType = RunState.START
    >>> untag_requests(E())
    []
    """
    kind = getattr(event, "eventType", None)
    if getattr(kind, "value", kind) != "COMPLETE":
        return []
    out = []
    for ds in getattr(event, "outputs", None) or []:
        masked = _masked_fields(ds)
        out += [(ds.namespace, ds.name, name, MASKED_TAG) for name in _written_fields(ds) if name not in masked]
    return out


def field_tags(base_url: str, namespace: str, dataset: str, timeout: float = 5.0) -> dict[str, list[str]] | None:
    """``field -> tags`` as Marquez's dataset page shows them (the dataset's fields), or None when unreadable.

    >>> import http.server, json, threading
    >>> class MarquezDouble(http.server.BaseHTTPRequestHandler):  # test double; the real server: tests/lineage
    ...     def do_GET(self):
    ...         body = {"fields": [{"name": "phone", "tags": ["PHONE", "MASKED"]}]}
    ...         self.send_response(200); self.end_headers(); self.wfile.write(json.dumps(body).encode())
    ...     def log_message(self, *args): pass
    >>> srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MarquezDouble)
    >>> threading.Thread(target=srv.serve_forever, daemon=True).start()
    >>> field_tags(f"http://127.0.0.1:{srv.server_port}", "ns", "t")
    {'phone': ['PHONE', 'MASKED']}
    >>> srv.shutdown(); srv.server_close()
    """
    q = lambda s: urllib.parse.quote(s, safe="")  # noqa: E731
    try:
        fields = (_get_json(f"{base_url.rstrip('/')}/api/v1/namespaces/{q(namespace)}/datasets/{q(dataset)}",
                            timeout) or {}).get("fields") or []
        return {str(f["name"]): [str(t) for t in f.get("tags") or []] for f in fields}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return None


def _get_json(url: str, timeout: float) -> Any:
    req = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8") or "null")


def current_version_run(base_url: str, namespace: str, dataset: str, timeout: float = 5.0) -> str | None:
    """The id of the run that made the dataset's current version in Marquez; None when it has no current version,
    a reader made it, or Marquez does not have the dataset.

    Two reads: the dataset's ``currentVersion``, then that version's ``createdByRun`` (a run's
    ``outputDatasetVersions`` names the version by another id, so the run cannot be compared directly).

    >>> import http.server, json, threading
    >>> class MarquezDouble(http.server.BaseHTTPRequestHandler):  # test double; the real server: tests/lineage
    ...     def do_GET(self):
    ...         body = {"currentVersion": "v1"} if self.path.endswith("/t") else {"createdByRun": {"id": "r1"}}
    ...         self.send_response(200); self.end_headers(); self.wfile.write(json.dumps(body).encode())
    ...     def log_message(self, *args): pass
    >>> srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MarquezDouble)
    >>> threading.Thread(target=srv.serve_forever, daemon=True).start()
    >>> current_version_run(f"http://127.0.0.1:{srv.server_port}", "ns", "t")
    'r1'
    >>> srv.shutdown(); srv.server_close()
    """
    q = lambda s: urllib.parse.quote(s, safe="")  # noqa: E731
    path = f"{base_url.rstrip('/')}/api/v1/namespaces/{q(namespace)}/datasets/{q(dataset)}"
    try:
        current = (_get_json(path, timeout) or {}).get("currentVersion")
        if not current:
            return None
        made = (_get_json(f"{path}/versions/{q(str(current))}", timeout) or {}).get("createdByRun") or {}
    except (OSError, ValueError, AttributeError):
        return None
    run = made.get("id") if isinstance(made, dict) else None
    return str(run) if run else None


def _request(url: str, method: str, body: bytes | None, timeout: float) -> int:
    # Always a JSON content type: urllib would send a form type with any body, which Marquez answers with 415.
    req = urllib.request.Request(url, data=body, method=method, headers=JSON_HEADERS)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


def create_tag(base_url: str, tag: str, timeout: float = 5.0) -> int:
    """``PUT /api/v1/tags/{tag}`` (idempotent in Marquez); returns the HTTP status.

    >>> import http.server, threading
    >>> class MarquezDouble(http.server.BaseHTTPRequestHandler):  # test double: one 200 (real Marquez: tests/lineage)
    ...     def do_PUT(self):
    ...         self.rfile.read(int(self.headers["Content-Length"]))
    ...         self.send_response(200); self.end_headers()
    >>> srv = http.server.HTTPServer(("127.0.0.1", 0), MarquezDouble)
    >>> threading.Thread(target=srv.handle_request).start()
    >>> create_tag(f"http://127.0.0.1:{srv.server_port}", "EMAIL")
    200
    >>> srv.server_close()
    """
    url = base_url.rstrip("/") + "/api/v1/tags/" + urllib.parse.quote(tag, safe="")
    description = TAG_DESCRIPTIONS.get(tag, f"maskline info type {tag}")
    return _request(url, "PUT", json.dumps({"description": description}).encode("utf-8"), timeout)


def post_tag(base_url: str, request: tuple[str, str, str, str], timeout: float = 5.0) -> int:
    """POST one field tag; returns the HTTP status (404 while Marquez has not stored the dataset yet).

    >>> import http.server, threading
    >>> class MarquezDouble(http.server.BaseHTTPRequestHandler):  # test double: a dataset not stored yet
    ...     def do_POST(self):
    ...         self.send_response(404); self.end_headers()
    >>> srv = http.server.HTTPServer(("127.0.0.1", 0), MarquezDouble)
    >>> threading.Thread(target=srv.handle_request).start()
    >>> post_tag(f"http://127.0.0.1:{srv.server_port}", ("ns", "db.t", "email", "PII_EMAIL"))
    404
    >>> srv.server_close()
    """
    return _request(base_url.rstrip("/") + tag_path(*request), "POST", None, timeout)


class TagSync:
    """One worker thread per process applying tag requests, retrying each briefly on 404.

    >>> import http.server
    >>> class MarquezDouble(http.server.BaseHTTPRequestHandler):  # test double accepting every tag; real: tests/lineage
    ...     def do_PUT(self):
    ...         self.rfile.read(int(self.headers.get("Content-Length") or 0))
    ...         self.send_response(200); self.end_headers()
    ...     do_POST = do_PUT
    ...     def log_message(self, *args): pass
    >>> srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MarquezDouble)
    >>> threading.Thread(target=srv.serve_forever, daemon=True).start()
    >>> sync = TagSync.for_url(f"http://127.0.0.1:{srv.server_port}")
    >>> sync is TagSync.for_url(f"http://127.0.0.1:{srv.server_port}")  # one per URL and process
    True
    >>> sync.submit([("ns", "db.t", "email", "EMAIL")]); sync.flush(); sync.applied, sync.failed
    ([('ns', 'db.t', 'email', 'EMAIL')], [])
    >>> sync.close(); srv.shutdown(); srv.server_close(); sync.thread.is_alive()
    False
    >>> del TagSync._instances[sync.base_url]  # that server is gone: no later caller may get this closed sync
    """

    _lock = threading.Lock()
    _instances: dict[str, TagSync] = {}

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        # Each tag request with the run whose version of the dataset must be current first (None: post at once),
        # and whether it removes the tag (:func:`untag_requests`) rather than sets it.
        self.queue: queue.Queue[tuple[tuple[str, str, str, str], str | None, bool] | None] = queue.Queue()
        self.settled: set[tuple[str, str, str]] = set()  # (namespace, dataset, run) waited for: current, or gave up
        self.current: set[tuple[str, str, str]] = set()  # of those, the ones whose run's version became current
        self.removed: list[tuple[str, str, str, str]] = []
        self.applied: list[tuple[str, str, str, str]] = []
        self.failed: list[tuple[str, str, str, str]] = []
        self.created: set[str] = set()  # tags known to exist in this Marquez
        self.thread = threading.Thread(target=self._run, name="maskline-marquez-tags", daemon=True)
        self.thread.start()
        atexit.register(self.close)

    @classmethod
    def for_url(cls, base_url: str) -> TagSync:
        """The process-wide sync for a Marquez URL (the OpenLineage client may build a transformer per event)."""
        with cls._lock:
            if base_url not in cls._instances:
                cls._instances[base_url] = cls(base_url)
            return cls._instances[base_url]

    def submit(self, requests: Iterable[tuple[str, str, str, str]],
               writers: Mapping[tuple[str, str], str] | None = None,
               removals: Iterable[tuple[str, str, str, str]] = ()) -> None:
        """Queue tag requests; a request for a dataset in ``writers`` (:func:`written_by`) waits until the current
        version in Marquez is that run's. ``removals`` (:func:`untag_requests`) go only for a dataset in
        ``writers``, and only once that run's version is current."""
        for r in requests:
            self.queue.put((r, (writers or {}).get((r[0], r[1])), False))
        for r in removals:
            run = (writers or {}).get((r[0], r[1]))
            if run is not None:
                self.queue.put((r, run, True))

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            try:
                if item is None:
                    return
                if item[1] is not None:
                    self._await_version(item[0][0], item[0][1], item[1])
                if not item[2]:
                    self._apply(item[0])
                elif item[1] is not None and (item[0][0], item[0][1], item[1]) in self.current:
                    self._remove(item[0])
            finally:
                self.queue.task_done()

    def _ensure_tag(self, tag: str) -> None:
        if tag in self.created:
            return
        try:
            status = create_tag(self.base_url, tag)
        except OSError:
            return
        if 200 <= status < 300:
            self.created.add(tag)
        else:
            log.warning("maskline: Marquez refused to create tag %s (HTTP %s)", tag, status)

    def _await_version(self, namespace: str, dataset: str, run: str) -> None:
        """Wait (bounded) until Marquez's current version of the dataset is the one ``run`` wrote: a tag posted
        earlier lands on another version. Once per dataset and run; on timeout the tags go anyway."""
        key = (namespace, dataset, run)
        if key in self.settled:
            return
        for delay in (0.0, *RETRY_SECONDS):
            time.sleep(delay)
            if current_version_run(self.base_url, namespace, dataset) == run:
                self.current.add(key)
                break
        else:
            log.warning("maskline: Marquez did not make run %s's version of %s current; tagging the current one",
                        run, dataset)
        self.settled.add(key)

    def _apply(self, item: tuple[str, str, str, str]) -> None:
        self._ensure_tag(item[3])
        for delay in (0.0, *RETRY_SECONDS):
            time.sleep(delay)
            try:
                status = post_tag(self.base_url, item)
            except OSError:
                status = 0
            if 200 <= status < 300:
                self.applied.append(item)
                return
            if status not in (0, 404):
                break
        self.failed.append(item)
        log.warning("maskline: could not set Marquez tag %s on field %s of %s", item[3], item[2], item[1])

    def _remove(self, item: tuple[str, str, str, str]) -> None:
        """DELETE a tag the dataset page shows on the field. Marquez removes it from every version's field list
        too: an older version stops saying MASKED (its description still says how it was masked), which is the
        safe side; the page no longer says a raw column is masked."""
        shown = field_tags(self.base_url, item[0], item[1])
        if shown is None or item[3] not in shown.get(item[2], []):
            return
        url = self.base_url.rstrip("/") + tag_path(*item)
        try:
            status = _request(url, "DELETE", None, 5.0)
        except OSError:
            status = 0
        if 200 <= status < 300:
            self.removed.append(item)
        else:
            log.warning("maskline: could not remove Marquez tag %s from field %s of %s (HTTP %s)", item[3], item[2],
                        item[1], status)

    def flush(self) -> None:
        """Wait until every submitted tag was applied or gave up."""
        self.queue.join()

    def close(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join(timeout=sum(RETRY_SECONDS) + 5)
