"""A value typed without quotes is no name a refusal may echo (red team, round 2).

An agent that forgets the quotes (``WHERE ssn = X98234571``, ``WHERE full_name = Lovelace``) writes a value where
a column name goes. The rewrite refused it with "no table has x98234571": the tool result, the server's log and
the lineage event's ``errorMessage`` carried the value. Quoted names were already hidden (``<quoted name>``); a
plain identifier was echoed because it has a name's shape, which an identifier-shaped value (a username, a
passport or account number, an API key) has too. The refusal now says how many names do not resolve and where
the first is, and suggests only the schema's own column names.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

VALUES = ["X98234571", "Lovelace", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"]


@pytest.mark.parametrize("value", VALUES)
def test_an_unquoted_value_compared_with_a_column_is_not_echoed(duckdb_file: Path, policy_file: Path, value: str,
                                                               caplog: pytest.LogCaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.lineage import CallRecord, call_events
    from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
    from maskline.policy import load_policy

    monkeypatch.setenv("MASKLINE_KEY", "k" * 32)
    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=False)
    with caplog.at_level(logging.DEBUG), pytest.raises(ToolRefused) as refused:
        tools.query(f"SELECT id FROM customers WHERE full_name = {value}", Caller("agent"))
    text = str(refused.value)
    assert "no column of the tables read (the first at line 1, column 44)" in text  # still says what and where
    assert value.lower() not in text.lower() and value.lower() not in caplog.text.lower()
    # the FAIL event's errorMessage is built from the same refusal
    _, fail = call_events(CallRecord("query", "refused", reason=text), job_namespace="ns",
                          db_namespace="duckdb:///w", dialect="duckdb")
    assert value.lower() not in str(fail.run.facets["errorMessage"]).lower()


def test_a_misspelt_column_is_answered_with_the_schemas_own_name(duckdb_file: Path, policy_file: Path) -> None:
    """The control: a typo still gets a useful fix, naming a column of the schema (never what was typed)."""
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
    from maskline.policy import load_policy

    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=False)
    with pytest.raises(ToolRefused, match=r"1 name is no column .* did you mean 'email'\?") as refused:
        tools.query("SELECT emial FROM customers", Caller("agent"))
    assert "emial" not in str(refused.value)
