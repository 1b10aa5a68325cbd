"""``ScriptedAgent``: the test double that stands in for the LLM behind an MCP client.

It connects with the SDK's own client (stdio or streamable HTTP), introduces
itself with a ``clientInfo`` name, and plays a fixed script of tool calls,
keeping every answer as text so tests can search it for leaks.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio

ROOT = Path(__file__).parents[2]


@dataclass
class Answer:
    """One tool call's outcome as the agent saw it."""

    tool: str
    arguments: dict[str, Any]
    text: str
    is_error: bool
    data: dict[str, Any] | None = None


@dataclass
class ScriptedAgent:
    """Plays ``script`` (``[(tool, arguments), ...]``) against a server and keeps what came back."""

    name: str = "scripted-agent"
    version: str = "1.0"
    tools: list[str] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)

    async def _play(self, session: Any, script: Sequence[tuple[str, dict[str, Any]]]) -> None:
        await session.initialize()
        await self._calls(session, script)

    async def _calls(self, session: Any, script: Sequence[tuple[str, dict[str, Any]]]) -> None:
        self.tools = sorted(t.name for t in (await session.list_tools()).tools)
        for tool, arguments in script:
            result = await session.call_tool(tool, arguments)
            text = "\n".join(getattr(c, "text", "") for c in result.content)
            data = result.structured_content if not result.is_error else None
            self.answers.append(Answer(tool, arguments, text, bool(result.is_error), data))

    def _client(self, read: Any, write: Any) -> Any:
        from mcp.client.session import ClientSession
        from mcp_types import Implementation

        return ClientSession(read, write, client_info=Implementation(name=self.name, version=self.version))

    def over_stdio(self, args: Sequence[str], env: dict[str, str],
                   script: Sequence[tuple[str, dict[str, Any]]], cwd: Path = ROOT) -> ScriptedAgent:
        """Spawn ``python -m maskline mcp ARGS`` in ``cwd`` and play ``script`` over its stdin/stdout."""
        from mcp.client.stdio import StdioServerParameters, stdio_client

        params = StdioServerParameters(command=sys.executable, args=["-m", "maskline", "mcp", *args], env=env,
                                       cwd=str(cwd))

        async def main() -> None:
            async with AsyncExitStack() as stack:
                read, write = await stack.enter_async_context(stdio_client(params))
                session = await stack.enter_async_context(self._client(read, write))
                await self._play(session, script)

        anyio.run(main)
        return self

    def in_process(self, server: Any, script: Sequence[tuple[str, dict[str, Any]]]) -> ScriptedAgent:
        """Play ``script`` against ``server`` (``maskline.mcp.server.build_server``'s) through the SDK's in-memory
        ``Client``: the server's logs and lineage stay in this process, where a test can capture them."""
        from mcp import Client
        from mcp_types import Implementation

        async def main() -> None:
            async with Client(server, client_info=Implementation(name=self.name, version=self.version)) as client:
                await self._calls(client, script)

        anyio.run(main)
        return self

    def over_http(self, url: str, token: str | None, script: Sequence[tuple[str, dict[str, Any]]]) -> ScriptedAgent:
        """Connect to ``url`` with ``token`` as bearer and play ``script``."""
        from mcp.client.streamable_http import streamable_http_client
        from mcp.shared._httpx_utils import create_mcp_http_client

        headers = {"Authorization": f"Bearer {token}"} if token else {}

        async def main() -> None:
            async with AsyncExitStack() as stack:
                http = await stack.enter_async_context(create_mcp_http_client(headers=headers))
                read, write = await stack.enter_async_context(streamable_http_client(url, http_client=http))
                session = await stack.enter_async_context(self._client(read, write))
                with anyio.fail_after(30):
                    await self._play(session, script)

        anyio.run(main)
        return self

    def transcript(self) -> str:
        """Everything the server said, as one string to search for leaks."""
        return "\n".join([json.dumps(self.tools)] + [a.text for a in self.answers])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_http_server(args: Sequence[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """``maskline mcp --http`` in a subprocess, returned once it accepts connections."""
    proc = subprocess.Popen([sys.executable, "-m", "maskline", "mcp", "--http", "--port", str(port), *args],
                            env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"maskline mcp exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("maskline mcp did not start listening")


def server_env(lineage_file: Path, **extra: str) -> dict[str, str]:
    """The environment of a spawned server: this checkout first, the test key, a file lineage transport."""
    from tests.conftest import TEST_KEY

    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENLINEAGE")}
    env.update(PYTHONPATH=str(ROOT), MASKLINE_KEY=TEST_KEY, OPENLINEAGE__TRANSPORT__TYPE="file",
               OPENLINEAGE__TRANSPORT__LOG_FILE_PATH=str(lineage_file),
               OPENLINEAGE__TRANSPORT__APPEND="true", OPENLINEAGE_NAMESPACE="maskline-mcp-test", **extra)
    return env


def lineage_events(path: Path) -> list[dict[str, Any]]:
    """The events the file transport wrote (one JSON document per line)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def lineage_events_once(path: Path, ready: Any, seconds: float = 30) -> list[dict[str, Any]]:
    """The events the file transport wrote once ``ready(events)`` holds (or ``seconds`` have passed): a server that
    keeps running (``--http``) sends them from its background thread, after the call's answer."""
    deadline = time.monotonic() + seconds
    events = lineage_events(path)
    while not ready(events) and time.monotonic() < deadline:
        time.sleep(0.05)
        events = lineage_events(path)
    return events
