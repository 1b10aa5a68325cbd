"""The optional Marquez field-tag sync, and the HTTP path, against a recording HTTP server.

The server is a strict TEST DOUBLE of the Marquez endpoints involved (``POST /api/v1/lineage``,
``PUT /api/v1/tags/{tag}`` and the field-tag POST), refusing what the real server refuses, so the
tests run where Marquez does not; test_marquez_e2e.py checks the same against the real one.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
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


class StrictMarquezDouble(BaseHTTPRequestHandler):
    """A double of Marquez's three endpoints involved, as strict as the real server (0.51.1):

    - ``POST /api/v1/lineage`` and ``PUT /api/v1/tags/{tag}`` consume JSON only (415 otherwise);
    - the field-tag POST answers 415 to any content type but JSON (urllib's form default included),
      404 while the tag was never created or the dataset's event has not arrived.
    """

    lineage: list[dict] = []
    tags: set[str] = set()
    tag_posts: list[tuple[str, int]] = []

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json_or_none(self) -> bool:
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return kind in ("", "application/json")

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        body = self._body()
        if not self.path.startswith("/api/v1/tags/"):
            return self._answer(404)
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            return self._answer(415)
        json.loads(body)
        type(self).tags.add(urllib.parse.unquote(self.path.rsplit("/", 1)[1]))
        return self._answer(200)

    def do_POST(self) -> None:  # noqa: N802
        body = self._body()
        if self.path == "/api/v1/lineage":
            if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
                return self._answer(415)
            type(self).lineage.append(json.loads(body))
            return self._answer(201)
        if not self._json_or_none():
            status = 415
        else:
            dataset = urllib.parse.unquote(self.path.split("/datasets/")[1].split("/")[0])
            tag = urllib.parse.unquote(self.path.rsplit("/", 1)[1])
            seen = any(dataset == d["name"] for e in type(self).lineage
                       for d in e.get("inputs", []) + e.get("outputs", []))
            status = 200 if seen and tag in type(self).tags else 404
        type(self).tag_posts.append((self.path, status))
        return self._answer(status)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture()
def marquez_double() -> Iterator[str]:
    StrictMarquezDouble.lineage, StrictMarquezDouble.tag_posts, StrictMarquezDouble.tags = [], [], set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), StrictMarquezDouble)
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

    assert len(StrictMarquezDouble.lineage) == 1
    applied = sorted(p for p, status in StrictMarquezDouble.tag_posts if status == 200)
    ns = "postgres%3A%2F%2Fdb%3A5432"
    expected = [(ds, field, tag) for ds in ("crm.public.customers", "crm.public.customers_masked")
                for field, tags in (("email", ("EMAIL", "PII")), ("password_hash", ("PASSWORD", "SENSITIVE")))
                for tag in tags]
    expected += [("crm.public.customers_masked", field, "MASKED") for field in ("email", "password_hash")]
    assert applied == sorted(f"/api/v1/namespaces/{ns}/datasets/{ds}/fields/{field}/tags/{tag}"
                             for ds, field, tag in expected)
    assert StrictMarquezDouble.tags == {"EMAIL", "PII", "PASSWORD", "SENSITIVE", "MASKED"}
    assert TagSync.for_url(marquez_double).failed == []


def test_the_double_refuses_a_form_content_type_like_marquez(marquez_double: str) -> None:
    url = marquez_double + "/api/v1/namespaces/ns/datasets/t/fields/f/tags/PII"
    request = urllib.request.Request(url, data=b"", method="POST")  # urllib adds a form content type
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 415


def test_without_the_flag_no_tag_is_posted(marquez_double: str) -> None:
    event = RunEvent(eventType=RunState.START, eventTime="2026-11-23T12:00:00Z",
                     run=Run(runId="0190a4c2-1234-7000-8000-000000000004"), job=Job(namespace="crm", name="j"),
                     producer="https://example.com/p")
    OpenLineageClient(transport=get_default_factory().create(
        transport_config({"type": "http", "url": marquez_double}))).emit(event)
    assert len(StrictMarquezDouble.lineage) == 1 and StrictMarquezDouble.tag_posts == []
