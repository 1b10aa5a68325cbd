"""The optional Marquez field-tag sync, and the HTTP path, against a recording HTTP server.

The server is a TEST DOUBLE of Marquez's two endpoints involved (``POST /api/v1/lineage``
and the field-tag POST), used because the real Marquez cannot be fetched on this machine;
the Marquez end-to-end test (test_marquez_e2e.py) checks the same against the real one.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.transport import get_default_factory

from maskline.plan import build_plan
from maskline.policy import load_policy
from openlineage_ext.facets import input_dataset_facets, output_dataset_facets
from openlineage_ext.marquez_tags import TagSync
from openlineage_ext.transformer import transport_config


class RecordingMarquezDouble(BaseHTTPRequestHandler):
    """Stores lineage bodies; answers a field-tag POST with 404 until the dataset's event has arrived."""

    lineage: list[dict] = []
    tag_posts: list[tuple[str, int]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path == "/api/v1/lineage":
            type(self).lineage.append(json.loads(body))
            status = 201
        else:
            seen = any(self.path.split("/datasets/")[1].split("/")[0] in json.dumps(e) for e in type(self).lineage)
            status = 200 if seen else 404
            type(self).tag_posts.append((self.path, status))
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture()
def marquez_double() -> Iterator[str]:
    RecordingMarquezDouble.lineage, RecordingMarquezDouble.tag_posts = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingMarquezDouble)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_tags_are_set_on_marquez_fields_after_the_event_lands(marquez_double: str) -> None:
    policy = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"},
                                                                 "password_hash": {"info_type": "PASSWORD"}}}}})
    plan = build_plan(policy, "customers", [("id", "int"), ("email", "text"), ("password_hash", "text")])
    event = RunEvent(
        eventType=RunState.COMPLETE, eventTime="2026-11-23T12:00:00Z",
        run=Run(runId="0190a4c2-1234-7000-8000-000000000003"), job=Job(namespace="crm", name="mask"),
        inputs=[InputDataset("postgres://db:5432", "crm.public.customers", facets=input_dataset_facets(plan))],
        outputs=[OutputDataset("postgres://db:5432", "crm.public.customers_masked",
                               facets=output_dataset_facets(plan, "postgres://db:5432", "crm.public.customers"))],
        producer="https://example.com/p",
    )
    config = transport_config({"type": "http", "url": marquez_double}, marquez_tag_sync=True,
                              marquez_url=marquez_double)
    OpenLineageClient(transport=get_default_factory().create(config)).emit(event)
    TagSync.for_url(marquez_double).flush()

    assert len(RecordingMarquezDouble.lineage) == 1
    applied = sorted(p for p, status in RecordingMarquezDouble.tag_posts if status == 200)
    ns = "postgres%3A%2F%2Fdb%3A5432"
    assert applied == sorted(
        f"/api/v1/namespaces/{ns}/datasets/{ds}/fields/{field}/tags/{tag}"
        for ds in ("crm.public.customers", "crm.public.customers_masked")
        for field, tag in (("email", "PII"), ("password_hash", "SENSITIVE")))
    assert TagSync.for_url(marquez_double).failed == []


def test_without_the_flag_no_tag_is_posted(marquez_double: str) -> None:
    event = RunEvent(eventType=RunState.START, eventTime="2026-11-23T12:00:00Z",
                     run=Run(runId="0190a4c2-1234-7000-8000-000000000004"), job=Job(namespace="crm", name="j"),
                     producer="https://example.com/p")
    OpenLineageClient(transport=get_default_factory().create(
        transport_config({"type": "http", "url": marquez_double}))).emit(event)
    assert len(RecordingMarquezDouble.lineage) == 1 and RecordingMarquezDouble.tag_posts == []
