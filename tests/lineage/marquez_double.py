"""A strict TEST DOUBLE of the Marquez endpoints maskline uses, refusing what Marquez 0.51.1 refuses.

Used where a real Marquez is not running (the OPENLINEAGE_URL-only DAG run, the tag-sync unit tests);
test_marquez_e2e.py checks the same against the real server.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StrictMarquezDouble(BaseHTTPRequestHandler):
    """A double of the Marquez endpoints involved, answering as the real server (0.51.1) does
    (test_marquez_e2e.py sends both the same requests and compares):

    - ``POST /api/v1/lineage`` and ``PUT /api/v1/tags/{tag}`` consume JSON only (415 otherwise);
    - the field-tag POST answers 415 to any content type but JSON or none (urllib's form default included),
      404 while no stored event has the dataset in that namespace, or none listed the field in its ``schema``
      facet (Marquez creates fields from that facet only). A tag never created is created without a
      description, as Marquez does (``implicit_tags``);
    - dataset versions as Marquez keeps them (``versions``): an output gets its run's version on the run's first
      event, which becomes the dataset's ``currentVersion`` only on COMPLETE; an input of a dataset without a
      current version gets a version of its own (``createdByRun: null``), made current. Each version's fields carry
      the tags a field-tag POST gave while it was current (the POST writes into the current version only), and
      the descriptions of the schema facet that made it (a new version copies no tag or description from an
      earlier one);
    - the field-tag DELETE removes the tag from the field and from every version (404 for an unknown field);
    - ``GET`` of a dataset (404 before an event named it; ``currentVersion``; its current fields with the tags the
      fields carry, whichever version they were posted on) and of one of its versions
      (``createdByRun`` and the fields with their tags and descriptions).
    """

    lineage: list[dict] = []
    tags: set[str] = set()
    implicit_tags: set[str] = set()
    tag_posts: list[tuple[str, int]] = []
    # (namespace, dataset) -> {"current": version id or None, "versions": {id: {"run": run id or None,
    # "fields": {name: [tags]}, "descriptions": {name: description or None}}}}, kept in the order Marquez would
    # create them.
    versions: dict[tuple[str, str], dict] = {}
    # (namespace, dataset) -> {field: [tags]}: the tags the dataset page shows (``GET`` of the dataset), kept per
    # field and not per version (Marquez's dataset_fields_tag_mapping): every field-tag POST adds, DELETE removes.
    field_tags: dict[tuple[str, str], dict[str, list[str]]] = {}
    # Seconds before a lineage POST is stored: a busy Marquez, so a client's next steps may overtake the event.
    store_delay: float = 0.0

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json_or_none(self) -> bool:
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return kind in ("", "application/json")

    def _answer(self, status: int, body: dict | None = None) -> None:
        data = json.dumps(body or {}).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    @classmethod
    def _store_versions(cls, event: dict) -> None:
        """Marquez's ``OpenLineageDao.upsertDataset``: a write makes (or finds) the run's version; a read reuses the
        current version, or makes and sets one of its own when there is none. COMPLETE makes the run's current."""
        run = event.get("run", {}).get("runId")
        for kind in ("outputs", "inputs"):
            for d in event.get(kind) or []:
                fields = ((d.get("facets") or {}).get("schema") or {}).get("fields") or []
                names = [f.get("name") for f in fields]
                # A new version's fields are the event's schema facet, descriptions included, and no tag: Marquez
                # copies nothing from an earlier version (DatasetVersionDao.toFields).
                described = {f.get("name"): f.get("description") for f in fields}
                ds = cls.versions.setdefault((d.get("namespace"), d.get("name")), {"current": None, "versions": {}})
                if kind == "inputs" and ds["current"] is None:
                    ds["current"] = f"v{len(ds['versions'])}"
                    ds["versions"][ds["current"]] = {"run": None, "fields": {n: [] for n in names},
                                                     "descriptions": described}
                elif kind == "outputs":
                    mine = next((v for v, row in ds["versions"].items() if row["run"] == run), None)
                    if mine is None:
                        mine = f"v{len(ds['versions'])}"
                        ds["versions"][mine] = {"run": run, "fields": {n: [] for n in names},
                                                "descriptions": described}
                    if event.get("eventType") == "COMPLETE":
                        ds["current"] = mine

    def do_GET(self) -> None:  # http.server's naming
        # /api/v1/namespaces/{ns}/datasets/{ds}[/versions[/{version}]]
        parts = [urllib.parse.unquote(p) for p in self.path.split("?")[0].split("/")]
        if len(parts) not in (7, 8, 9) or parts[1:4] != ["api", "v1", "namespaces"] or parts[5] != "datasets" \
                or parts[7:8] not in ([], ["versions"]):
            return self._answer(404)
        ds = type(self).versions.get((parts[4], parts[6]))
        if ds is None:
            return self._answer(404)

        def version(v: str) -> dict:
            row = ds["versions"][v]
            return {"version": v, "createdByRun": {"id": row["run"]} if row["run"] else None,
                    "fields": [{"name": n, "tags": t, "description": row["descriptions"].get(n)}
                               for n, t in row["fields"].items()]}

        if len(parts) == 7:
            shown = type(self).field_tags.get((parts[4], parts[6]), {})
            current = ds["versions"][ds["current"]]["fields"] if ds["current"] else {}
            return self._answer(200, {"currentVersion": ds["current"],
                                      "fields": [{"name": n, "tags": shown.get(n, [])} for n in current]})
        if len(parts) == 8:
            listed = [version(v) for v in reversed(ds["versions"])]  # newest first, as Marquez lists them
            return self._answer(200, {"versions": listed, "totalCount": len(listed)})
        return self._answer(200, version(parts[8])) if parts[8] in ds["versions"] else self._answer(404)

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
            event = json.loads(body)
            time.sleep(type(self).store_delay)
            type(self).lineage.append(event)
            type(self)._store_versions(event)
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
            ds = type(self).versions.get((namespace, dataset))
            current = ds["versions"][ds["current"]] if status == 200 and ds and ds["current"] else None
            # Marquez writes the tag into the current version's fields (DatasetFieldDao.updateTags), nowhere else,
            # and into the field's own tags, which the dataset page shows whatever the version.
            if current is not None and field in current["fields"] and tag not in current["fields"][field]:
                current["fields"][field].append(tag)
            if status == 200:
                shown = type(self).field_tags.setdefault((namespace, dataset), {}).setdefault(field, [])
                shown += [] if tag in shown else [tag]
        type(self).tag_posts.append((self.path, status))
        return self._answer(status)

    def do_DELETE(self) -> None:  # http.server's naming
        """The field-tag DELETE: 404 for a dataset or field Marquez does not have; else the tag leaves the field and
        every version's field list (``deleteDatasetFieldTag`` and ``deleteDatasetVersionFieldTag``)."""
        parts = [urllib.parse.unquote(p) for p in self.path.split("/")]
        if len(parts) != 11 or parts[1:4] != ["api", "v1", "namespaces"] or parts[7] != "fields":
            return self._answer(404)
        namespace, dataset, field, tag = parts[4], parts[6], parts[8], parts[10].upper()
        ds = type(self).versions.get((namespace, dataset))
        if ds is None or not any(field in v["fields"] for v in ds["versions"].values()):
            return self._answer(404)
        shown = type(self).field_tags.get((namespace, dataset), {})
        shown[field] = [t for t in shown.get(field, []) if t != tag]
        for version in ds["versions"].values():
            if field in version["fields"]:
                version["fields"][field] = [t for t in version["fields"][field] if t != tag]
        return self._answer(200)

    def log_message(self, *_args: object) -> None:
        pass


@contextmanager
def serve_marquez_double() -> Iterator[tuple[str, type[StrictMarquezDouble]]]:
    """Serve a fresh double on a free port; yields its URL and the class holding what it received."""
    StrictMarquezDouble.lineage, StrictMarquezDouble.tag_posts = [], []
    StrictMarquezDouble.tags, StrictMarquezDouble.implicit_tags = set(), set()
    StrictMarquezDouble.versions, StrictMarquezDouble.store_delay = {}, 0.0
    StrictMarquezDouble.field_tags = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), StrictMarquezDouble)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", StrictMarquezDouble
    finally:
        server.shutdown()
        server.server_close()
