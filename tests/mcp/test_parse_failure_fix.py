"""A query the agent wrote that does not parse gets a fix it can follow: an agent over MCP cannot pass a dialect
(its queries are read as the database's SQL), and the refusal asked it to ("or pass the dialect the query is
written in"). It now says which SQL the query is read as. The rewrite API, called without a dialect, still asks
for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.errors import RewriteRefused
from maskline.rewrite.refusals import parse_select

BROKEN = "SELECT email FROM customers WHERE"


def test_an_unparsable_query_over_mcp_is_told_which_sql_it_is_read_as(duckdb_file: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
    from maskline.policy import load_policy

    monkeypatch.setenv("MASKLINE_KEY", "k" * 32)
    tools = MaskedTools(load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}}),
                        Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=False)
    with pytest.raises(ToolRefused) as refused:
        tools.query(BROKEN, Caller("agent"))
    assert str(refused.value).endswith("Fix: check the syntax: the query is read as duckdb SQL"), refused.value
    assert "dialect" not in str(refused.value)


def test_a_caller_that_named_no_dialect_is_asked_for_one() -> None:
    with pytest.raises(RewriteRefused) as refused:
        parse_select(BROKEN, None)
    assert refused.value.fix == "check the syntax, or name the dialect the query is written in"
