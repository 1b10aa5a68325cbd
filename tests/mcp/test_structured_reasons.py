"""A tool call's refusal or failure is told from the error's fields, never its text (review, round structerr).

``MaskedTools`` recorded ``reason=str(e)`` for maskline's own errors, and the server answered ``str(e)``: a trust
that every maskline error's text is as value-free as its fields, today and after any change. An error class that
kept the literal it refused (or the key it could not use) and showed it in its ``str()`` would have carried it
into the agent's answer, the call's lineage and the logs. The reason is now rendered from the fields maskline's
code sets (what, where, fix: :func:`maskline.errors.structured_message`).

Real parts: the MCP SDK's client in-process against ``build_server``, real DuckDB, the real OpenLineage client
writing to a file, maskline's and the SDK's loggers at DEBUG. The doubles are the two error classes (a refusal
and a key error whose ``str()`` quotes what they hold) and the tools subclass that raises them where the real
ones are raised, from the real ones' fields.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from maskline.errors import KeyMissingError, RewriteRefused
from maskline.mcp.tools import MaskedTools

LITERAL = "Quillon Vexmarra"  # a name no detector scrubs: only its absence from the text keeps it out
QUERY = f"SELECT id FROM customers WHERE full_name = '{LITERAL}'"
POLICY = {"key": {"env": "MASKLINE_KEY"}, "rewrite": {"filter_literals": "refuse"},
          "datasets": {"customers": {"columns": {"full_name": {"info_type": "PERSON_NAME"},
                                                 "email": {"info_type": "EMAIL"},
                                                 "ssn": {"info_type": "US_SSN",
                                                         "method": {"method": "hmac", "length": 16}}}}}}


class QuotingRefusal(RewriteRefused):
    """Double: a refusal that keeps the literal it refused and shows it in its ``str()``; its fields are the
    real refusal's."""

    def __init__(self, refused: RewriteRefused, literal: str) -> None:
        super().__init__(refused.what, where=refused.where, fix=refused.fix)
        self.literal = literal
        self.args = (f"{self.render()} (the literal: {literal!r})",)

    def __str__(self) -> str:
        return str(self.args[0])


class QuotingKeyError(KeyMissingError):
    """Double: a key error whose ``str()`` holds the key it was given, beside the real key error's fields."""

    def __init__(self, key: str) -> None:
        super().__init__("the key is too short", where="policy key: {env: MASKLINE_KEY}",
                         fix="export MASKLINE_KEY=<a long random secret>")
        self.args = (f"{self.render()}: {key!r}",)

    def __str__(self) -> str:
        return str(self.args[0])


class QuotingTools(MaskedTools):
    """The real tools, whose refusals and key errors are re-raised as the doubles above."""

    def _rewrite(self, sql: str, con: Any, caller: Any) -> Any:
        try:
            return super()._rewrite(sql, con, caller)
        except RewriteRefused as e:
            raise QuotingRefusal(e, LITERAL) from None

    def _key(self) -> Any:
        import os

        raise QuotingKeyError(os.environ["MASKLINE_KEY"])


def _session(duckdb_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tools_class: type[MaskedTools],
             calls: list[tuple[str, dict[str, Any]]]) -> tuple[list[str], str]:
    """Each call's answer text, and the lineage events written, through the SDK's client."""
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from maskline.mcp import lineage
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.policy import load_policy
    from tests.conftest import TEST_KEY
    from tests.mcp.agent import ScriptedAgent

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    events = tmp_path / "events.jsonl"
    monkeypatch.setattr(lineage, "_client", lambda: OpenLineageClient(
        transport=FileTransport(FileConfig(log_file_path=str(events), append=True))))
    server = build_server(tools_class(load_policy(POLICY), Database.from_uri(f"duckdb:///{duckdb_file}")))
    answers = ScriptedAgent(name="structured-reasons").in_process(server, calls).answers
    assert all(a.is_error for a in answers)
    assert lineage.flush(30)  # the events are sent by a background thread
    return [a.text for a in answers], events.read_text() if events.exists() else ""


def _error_messages(lineage_text: str) -> list[str]:
    return [e["run"]["facets"]["errorMessage"]["message"] for e in map(json.loads, lineage_text.splitlines())
            if "errorMessage" in e["run"].get("facets", {})]


def test_a_refusal_whose_text_quotes_the_literal_is_told_without_it(duckdb_file: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        answers, lineage_text = _session(duckdb_file, tmp_path, monkeypatch, QuotingTools,
                                         [("query", {"sql": QUERY}), ("explain", {"sql": QUERY})])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for text in [*answers, *_error_messages(lineage_text)]:
        # still what, where and how to fix, from the real refusal's fields
        assert "a literal is compared with sensitive column customers.full_name" in text, text
        assert "(at policy rewrite.filter_literals: refuse). Fix: " in text, text
    assert len(_error_messages(lineage_text)) == 2
    for text in (*answers, lineage_text, logged):
        assert LITERAL.lower() not in text.lower()


def test_a_key_error_whose_text_holds_the_key_is_told_without_it(duckdb_file: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    from tests.conftest import TEST_KEY

    with caplog.at_level(logging.DEBUG):
        answers, lineage_text = _session(duckdb_file, tmp_path, monkeypatch, QuotingTools,
                                         [("query", {"sql": "SELECT ssn FROM customers"})])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    [answer] = answers
    [message] = _error_messages(lineage_text)
    for text in (answer, message):
        assert "the key is too short (at policy key: {env: MASKLINE_KEY}). Fix: export MASKLINE_KEY=" in text, text
    for text in (answer, lineage_text, logged):
        assert TEST_KEY not in text


def test_a_real_refusal_is_told_as_before(duckdb_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: maskline's own refusal, whose text is its fields, reads exactly as its ``str()`` did."""
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, ToolRefused
    from maskline.policy import load_policy

    monkeypatch.setenv("MASKLINE_KEY", "k" * 32)
    direct = MaskedTools(load_policy(POLICY), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=False)
    with pytest.raises(ToolRefused) as refused:
        direct.query(QUERY, Caller("agent"))
    answers, lineage_text = _session(duckdb_file, tmp_path, monkeypatch, MaskedTools, [("query", {"sql": QUERY})])
    assert str(refused.value).startswith("maskline refused this query: a literal is compared with sensitive column")
    assert answers == [f"Error executing tool query: {refused.value}"]  # the SDK's prefix, then maskline's text
    [message] = _error_messages(lineage_text)
    assert message == f"maskline refused the agent's query: {str(refused.value).split(': ', 1)[1]}"
