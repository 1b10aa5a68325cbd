"""A strict TEST DOUBLE of the Marquez endpoints maskline uses, refusing what Marquez 0.51.1 refuses.

Used where a real Marquez is not running (the OPENLINEAGE_URL-only DAG run, the tag-sync unit tests);
test_marquez_e2e.py checks the same against the real server.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StrictMarquezDouble(BaseHTTPRequestHandler):
    """A double of Marquez's three endpoints involved, answering as the real server (0.51.1) does
    (test_marquez_e2e.py sends both the same requests and compares):

    - ``POST /api/v1/lineage`` and ``PUT /api/v1/tags/{tag}`` consume JSON only (415 otherwise);
    - the field-tag POST answers 415 to any content type but JSON or none (urllib's form default included),
      404 while no stored event has the dataset in that namespace, or none listed the field in its ``schema``
      facet (Marquez creates fields from that facet only). A tag never created is created without a
      description, as Marquez does (``implicit_tags``).
    """

    lineage: list[dict] = []
    tags: set[str] = set()
    implicit_tags: set[str] = set()
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

    def do_PUT(self) -> None:  # http.server's naming
        body = self._body()
        if not self.path.startswith("/api/v1/tags/"):
            return self._answer(404)
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            return self._answer(415)
        json.loads(body)
        type(self).tags.add(urllib.parse.unquote(self.path.rsplit("/", 1)[1]))
        return self._answer(200)

    def do_POST(self) -> None:
        body = self._body()
        if self.path == "/api/v1/lineage":
            if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
                return self._answer(415)
            type(self).lineage.append(json.loads(body))
            return self._answer(201)
        if not self._json_or_none():
            status = 415
        else:
            # /api/v1/namespaces/{ns}/datasets/{ds}/fields/{field}/tags/{tag}
            parts = [urllib.parse.unquote(p) for p in self.path.split("/")]
            namespace, dataset, field, tag = parts[4], parts[6], parts[8], parts[10]
            stored = [d for e in type(self).lineage for d in e.get("inputs", []) + e.get("outputs", [])
                      if d.get("namespace") == namespace and d.get("name") == dataset]
            fields = {f.get("name") for d in stored
                      for f in ((d.get("facets") or {}).get("schema") or {}).get("fields") or []}
            status = 200 if field in fields else 404
            if status == 200 and tag not in type(self).tags:
                type(self).implicit_tags.add(tag)
        type(self).tag_posts.append((self.path, status))
        return self._answer(status)

    def log_message(self, *_args: object) -> None:
        pass


@contextmanager
def serve_marquez_double() -> Iterator[tuple[str, type[StrictMarquezDouble]]]:
    """Serve a fresh double on a free port; yields its URL and the class holding what it received."""
    StrictMarquezDouble.lineage, StrictMarquezDouble.tag_posts = [], []
    StrictMarquezDouble.tags, StrictMarquezDouble.implicit_tags = set(), set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), StrictMarquezDouble)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", StrictMarquezDouble
    finally:
        server.shutdown()
        server.server_close()
