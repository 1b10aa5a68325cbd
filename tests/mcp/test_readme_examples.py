"""The README's MCP section: the desktop client configuration parses as a real command line, and the session
transcript is what ``examples/mcp/session.py`` prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_KEY

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples" / "mcp"


def test_the_desktop_client_configuration_starts_maskline_mcp_with_a_valid_command_line() -> None:
    from maskline.cli.main import build_parser

    config = json.loads((EXAMPLES / "claude_desktop_config.json").read_text())
    server = config["mcpServers"]["warehouse-masked"]
    assert server["command"] == "maskline"
    args = build_parser().parse_args(server["args"])
    assert (args.command, args.http, args.principal, args.allow) == ("mcp", False, "alice", ["customers", "orders"])


def test_the_session_example_prints_the_readme_transcript_and_no_raw_value() -> None:
    env = dict(os.environ, MASKLINE_KEY=TEST_KEY, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, str(EXAMPLES / "session.py")], capture_output=True, text=True, env=env,
                       check=False, cwd=str(ROOT))
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout == (EXAMPLES / "session.txt").read_text()
    for raw in ("Ada Lovelace", "ada@example.com", "219-09-9999", "Grace Hopper", TEST_KEY):
        assert raw not in r.stdout.replace("WHERE ssn = '219-09-9999'", "")
