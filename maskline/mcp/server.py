"""The MCP server of ``maskline mcp``: the tools of :mod:`maskline.mcp.tools` over stdio or streamable HTTP.

Identity per call:

- the agent: the ``clientInfo`` name its MCP client sent at ``initialize``
  (recorded as claimed; it never unmasks anything);
- the person: over stdio the ``--principal`` the server was started with; over
  HTTP the ``sub`` of a bearer token that verified (HS256 secret or JWKS file).
  A request without a verified token is answered 401 by the SDK's bearer
  middleware before any tool runs.

>>> from maskline.policy import load_policy
>>> from maskline.mcp.database import Database
>>> server = build_server(MaskedTools(load_policy({}), Database.from_uri("duckdb:///w.duckdb"), lineage=False))
>>> import anyio
>>> sorted(t.name for t in anyio.run(server.list_tools))
['describe_table', 'explain', 'list_tables', 'query']
"""

from __future__ import annotations

import json
from typing import Any

from mcp.server.auth.provider import AccessToken
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from maskline.errors import MasklineError, structured_message
from maskline.mcp.tokens import TokenVerifier
from maskline.mcp.tools import Caller, MaskedTools

SERVER_NAME = "maskline"
INSTRUCTIONS = (
    "Read-only SQL over a database whose sensitive columns are masked by maskline. Call list_tables, then "
    "describe_table to see which columns are masked and how; query runs one SELECT and returns masked rows; "
    "explain says what a query would mask and why. Refused queries name the construct to change."
)
CLIENT_ID = "maskline-bearer"


class CheckedServer(MCPServer):
    """``MCPServer`` whose tool calls are checked against each tool's input schema before the SDK's model reads
    them (:mod:`maskline.tool_arguments`).

    The SDK's own validation answers a wrong argument with pydantic's text, which quotes the value sent (and,
    for a missing parameter, every argument), and an unknown tool with its name; it also logs the name. Here
    both are answered first, with an error result built from the tools' declarations. It is returned, not
    raised, so the SDK has no failure to log; the refusal is recorded in lineage like any other.

    >>> from maskline.policy import load_policy
    >>> from maskline.mcp.database import Database
    >>> import anyio
    >>> server = build_server(MaskedTools(load_policy({}), Database.from_uri("duckdb:///w.duckdb"), lineage=False))
    >>> result = anyio.run(server.call_tool, "query", {"sql": {"ssn": "219-09-9999"}})
    >>> result.is_error, result.content[0].text
    (True, 'Error executing tool query: argument sql must be a string, not an object (at query(sql=...)). Fix: call query with sql (string)')
    """

    def __init__(self, *args: Any, refused: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._refused = refused  # awaited as refused(tool, reason, context): the refusal's lineage

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Context | None = None) -> Any:
        from mcp_types import CallToolResult, TextContent

        from maskline.tool_arguments import argument_problem, describe_parameters

        tool = self._tool_manager.get_tool(name) if isinstance(name, str) else None
        if tool is None:  # the name is the agent's text, not one of the tools: it is not repeated
            tools = ", ".join(sorted(t.name for t in self._tool_manager.list_tools()))
            text = f"no tool of that name (at tools/call). Fix: call one of {tools}"
            return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)
        problem = argument_problem(tool.parameters, arguments)
        if problem is None:
            return await super().call_tool(name, arguments, context)
        where = f"{name}({', '.join(f'{p}=...' for p in tool.parameters.get('properties') or ())})"
        reason = f"{problem} (at {where}). Fix: call {name} with {describe_parameters(tool.parameters)}"
        if self._refused is not None:
            await self._refused(name, reason, context)
        return CallToolResult(content=[TextContent(type="text", text=f"Error executing tool {name}: {reason}")],
                              is_error=True)


class BearerVerifier:
    """The SDK's ``TokenVerifier`` over :class:`maskline.mcp.tokens.TokenVerifier`: None for a token that fails.

    >>> import anyio, jwt
    >>> v = BearerVerifier(TokenVerifier.from_secret("k" * 32))
    >>> anyio.run(v.verify_token, jwt.encode({"sub": "alice"}, "k" * 32, algorithm="HS256")).subject
    'alice'
    >>> anyio.run(v.verify_token, "not-a-token") is None
    True
    """

    def __init__(self, verifier: TokenVerifier) -> None:
        self.verifier = verifier

    async def verify_token(self, token: str) -> AccessToken | None:
        person = self.verifier.person(token)
        if person is None:
            return None
        return AccessToken(token=token, client_id=CLIENT_ID, scopes=[], subject=person)


def agent_name(ctx: Context | None) -> str:
    """The agent's name as its MCP client claims it (``clientInfo.name``, with the version when sent).

    >>> agent_name(None)
    'unknown-agent'
    """
    try:
        info = ctx.session.client_params.client_info  # type: ignore[union-attr]
        name = str(info.name).strip()[:100]
        version = str(getattr(info, "version", "") or "").strip()[:40]
        return f"{name}/{version}" if name and version else name or "unknown-agent"
    except Exception:  # noqa: BLE001 - a client that sent no info is recorded as unknown, not refused
        return "unknown-agent"


def _caller(ctx: Context | None, principal: str | None, http: bool) -> Caller:
    if not http:
        return Caller(agent_name(ctx), principal)
    from mcp.server.auth.middleware.auth_context import get_access_token

    token = get_access_token()
    person = token.subject if token is not None and token.client_id == CLIENT_ID else None
    return Caller(agent_name(ctx), person)


def _json_safe(value: dict[str, Any]) -> dict[str, Any]:
    """Dates, decimals and UUIDs as strings, so every result is plain JSON."""
    return json.loads(json.dumps(value, default=str))


def build_server(tools: MaskedTools, *, principal: str | None = None, verifier: TokenVerifier | None = None,
                 http: bool = False, host: str = "127.0.0.1", port: int = 8000) -> MCPServer:
    """An ``MCPServer`` serving ``tools``; ``verifier`` turns on bearer-token auth (HTTP only)."""
    import anyio

    kwargs: dict[str, Any] = {}
    if verifier is not None:
        from mcp.server.auth.settings import AuthSettings
        from pydantic import AnyHttpUrl

        # This server is only a resource server: tokens are checked here, issued elsewhere; the audience (if any)
        # is checked by TokenVerifier itself, hence validate_token_resource=False.
        url = f"http://{host}:{port}"
        kwargs = {"token_verifier": BearerVerifier(verifier),
                  "auth": AuthSettings(issuer_url=AnyHttpUrl(url), resource_server_url=AnyHttpUrl(f"{url}/mcp"),
                                       validate_token_resource=False)}
    async def refused(tool: str, reason: str, ctx: Context | None) -> None:
        caller = _caller(ctx, principal, http)
        await anyio.to_thread.run_sync(tools.refuse_arguments, tool, reason, caller)

    server = CheckedServer(SERVER_NAME, instructions=INSTRUCTIONS, log_level="WARNING", refused=refused, **kwargs)

    async def run(fn: Any, *args: Any) -> dict[str, Any]:
        try:
            return _json_safe(await anyio.to_thread.run_sync(fn, *args))
        except MasklineError as e:  # told from its fields (what, where, fix), never its text: the agent may rephrase
            raise ToolError(structured_message(e)) from None

    @server.tool(description="The tables this server may read.")
    async def list_tables(ctx: Context) -> dict[str, Any]:
        return await run(tools.list_tables, _caller(ctx, principal, http))

    @server.tool(description="A table's columns: type, info type, and the masking method applied. Never values.")
    async def describe_table(table: str, ctx: Context) -> dict[str, Any]:
        return await run(tools.describe_table, table, _caller(ctx, principal, http))

    @server.tool(description="Run one read-only SELECT; sensitive outputs come back masked. "
                             f"At most {tools.max_rows} rows.")
    async def query(sql: str, ctx: Context) -> dict[str, Any]:
        return await run(tools.query, sql, _caller(ctx, principal, http))

    @server.tool(description="What a SELECT would mask, and why: each output column's sources and treatment.")
    async def explain(sql: str, ctx: Context) -> dict[str, Any]:
        return await run(tools.explain, sql, _caller(ctx, principal, http))

    return server


def serve(server: MCPServer, *, http: bool = False, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until stopped: stdio by default, streamable HTTP at ``http://host:port/mcp`` with ``http``.

    At shutdown it waits (a bounded time) for the tool calls' lineage still queued to be sent.
    """
    try:
        if http:
            server.run("streamable-http", host=host, port=port)
        else:
            from maskline.mcp.stdio import serve_stdio

            serve_stdio(server)  # a SIGTERM ends it while it waits for the client's next line
    finally:
        from maskline.mcp.lineage import flush

        flush()
