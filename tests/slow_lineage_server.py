"""``SlowLineageServer``: a real local HTTP server that takes lineage events and holds each answer until released.

It stands for a lineage server (Marquez) that is slow or hung: it accepts the connection, reads the whole event,
then answers only when the test sets ``release`` (or after ``hold`` seconds). ``received`` is set when an event
arrives, ``answered`` when the server answered one: a test asserts what happened before what, never how long.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class SlowLineageServer:
    """``with SlowLineageServer() as server:`` serves ``server.url`` until the block ends."""

    def __init__(self, hold: float = 20.0) -> None:
        self.hold = hold
        self.release = threading.Event()
        self.received = threading.Event()
        self.answered = threading.Event()
        self.events: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # http.server calls it by this name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with owner._lock:
                    owner.events.append(json.loads(body))
                owner.received.set()
                owner.release.wait(owner.hold)  # the hung server: holds the request until the test lets it go
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                owner.answered.set()

            def log_message(self, *args: Any) -> None:  # quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SlowLineageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def received_types(self) -> list[tuple[str, str]]:
        """(runId, eventType) of each event, in the order they arrived."""
        with self._lock:
            return [(e["run"]["runId"], e["eventType"]) for e in self.events]
