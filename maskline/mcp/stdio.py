"""Serving MCP over stdio so that SIGTERM or Ctrl-C ends the server while it waits for the client's next line.

The SDK reads stdin on a worker thread that a cancelled task waits for: a ``maskline mcp`` told to stop (SIGTERM
from a supervisor, ``docker stop``, a client's shutdown before it closed the pipe) went on running until the
client wrote another line or closed stdin, and was then killed, its queued lineage unsent. Here the lines are read
by a daemon thread nothing waits for, so the stop unwinds at once: lineage is flushed and the command exits 143 as
every ``maskline`` command does.

>>> import anyio, os
>>> r, w = os.pipe(); _ = os.write(w, b'{"jsonrpc": "2.0"}\\n')
>>> anyio.run(StdinLines(os.fdopen(r, "rb")).__anext__)
'{"jsonrpc": "2.0"}\\n'
>>> os.close(w)
"""

from __future__ import annotations

import asyncio
import os
import threading
from typing import IO, Any


class StdinLines:
    """The lines of a binary stream, read as UTF-8 by a daemon thread, for ``async for`` on an asyncio loop.

    A daemon thread: neither a cancelled reader nor the interpreter's exit waits for it (anyio's worker threads,
    which the SDK reads on, are joined at exit, so a stopped server waited for the client's next line there).

    >>> import anyio, os
    >>> r, w = os.pipe(); _ = os.write(w, b"a\\n\\xffb\\nlast"); os.close(w)
    >>> async def read_all(stream):
    ...     return [line async for line in StdinLines(stream)]
    >>> anyio.run(read_all, os.fdopen(r, "rb"))
    ['a\\n', '\\ufffdb\\n', 'last']
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._lines: asyncio.Queue[bytes] | None = None

    def __aiter__(self) -> StdinLines:
        return self

    async def __anext__(self) -> str:
        if self._lines is None:
            self._lines = self._start(asyncio.get_running_loop())
        line = await self._lines.get()
        if not line:
            raise StopAsyncIteration
        return line.decode("utf-8", errors="replace")  # as the SDK's own reader decodes

    def _start(self, loop: asyncio.AbstractEventLoop) -> asyncio.Queue[bytes]:
        lines: asyncio.Queue[bytes] = asyncio.Queue()

        def pump() -> None:
            # os.read on the descriptor, not the stream's readline: a daemon thread still blocked in a buffered
            # stream's read at exit holds its lock, and the interpreter's shutdown then aborts on it.
            fd, pending = self._stream.fileno(), b""
            while True:
                chunk = os.read(fd, 65536)
                if chunk:
                    *done, pending = (pending + chunk).split(b"\n")
                    out = [line + b"\n" for line in done]
                else:  # end of input: a last line without its newline, then the end
                    out = [pending, b""] if pending else [b""]
                try:
                    for line in out:
                        loop.call_soon_threadsafe(lines.put_nowait, line)
                except RuntimeError:  # the loop has closed: the server is gone
                    return
                if not chunk:
                    return

        threading.Thread(target=pump, name="maskline-mcp-stdin", daemon=True).start()
        return lines


def serve_stdio(server: Any) -> None:
    """Serve ``server`` (an SDK ``MCPServer``) over this process's stdin and stdout until the client leaves.

    Falls back to the SDK's own ``run("stdio")`` when its low-level server is not where this SDK keeps it.

    >>> class Fake:
    ...     def run(self, transport): print("ran", transport)
    >>> serve_stdio(Fake())
    ran stdio
    """
    lowlevel = getattr(server, "_lowlevel_server", None)
    if lowlevel is None:
        server.run("stdio")
        return
    import sys

    import anyio
    from mcp.server.stdio import stdio_server

    async def run() -> None:
        # stdin given: the SDK then reads only what it is given; stdout is still moved off fd 1 by the SDK.
        async with stdio_server(stdin=StdinLines(sys.stdin.buffer)) as (read, write):  # type: ignore[arg-type]
            await lowlevel.run(read, write, lowlevel.create_initialization_options())

    anyio.run(run)
