"""A short MCP session against ``maskline mcp``, printed as a transcript (README: "AI agents over MCP").

It seeds a small DuckDB file, starts ``maskline mcp`` over stdio with the SDK's own client (as a desktop
client would), and plays the calls an agent typically makes. Run: ``MASKLINE_KEY=... python examples/mcp/session.py``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import anyio
import duckdb
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp_types import Implementation

HERE = Path(__file__).parent
CALLS = [
    ("list_tables", {}),
    ("describe_table", {"table": "customers"}),
    ("query", {"sql": "SELECT full_name, email, ssn FROM customers ORDER BY id"}),
    ("query", {"sql": "SELECT count(*) AS n FROM customers WHERE ssn = '219-09-9999'"}),
    ("explain", {"sql": "SELECT upper(email) AS contact FROM customers"}),
    ("query", {"sql": "SELECT * FROM read_csv('/etc/passwd')"}),
]


def seed(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, full_name VARCHAR, email VARCHAR, ssn VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.com', '219-09-9999'), "
                "(2, 'Grace Hopper', 'grace@example.org', '078-05-1120')")
    con.close()


def shown(result: dict) -> str:
    """The answer, shortened the way a transcript shows it."""
    if "columns" in result and isinstance(result["columns"], list) and result["columns"] and isinstance(
            result["columns"][0], dict):
        return "; ".join(f"{c['name']}: {c['info_type'] or '-'} -> {c['method'] or 'raw'}" for c in result["columns"])
    if "explain" in result:
        return result["explain"]
    return json.dumps(result)


async def session(database: Path) -> None:
    server = StdioServerParameters(
        command=sys.executable,
        args=["-m", "maskline", "mcp", "--policy", str(HERE / "policy.yml"), "--database",
              f"duckdb:///{database}", "--principal", "alice"],
        env={k: v for k, v in os.environ.items() if k in ("MASKLINE_KEY", "PYTHONPATH", "PATH", "HOME")})
    with open(os.devnull, "w") as quiet, anyio.fail_after(60):
        await play(server, quiet)


async def play(server: StdioServerParameters, errlog: object) -> None:
    async with stdio_client(server, errlog=errlog) as (read, write), ClientSession(
            read, write, client_info=Implementation(name="desktop-agent", version="1.0")) as client:
        await client.initialize()
        for tool, arguments in CALLS:
            result = await client.call_tool(tool, arguments)
            print(f"> {tool} {json.dumps(arguments)}" if arguments else f"> {tool}")
            text = result.content[0].text if result.is_error else shown(result.structured_content or {})
            print(("error: " if result.is_error else "") + text)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "warehouse.duckdb"
        seed(db)
        anyio.run(session, db)
