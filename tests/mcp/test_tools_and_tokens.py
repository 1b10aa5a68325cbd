"""The MCP face without a transport: identities, lineage that never fails a call, token checks, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from maskline.errors import InputError


@pytest.fixture()
def tools(duckdb_file: Path, policy_file: Path):
    from maskline.mcp.database import Database
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    return MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=False)


SQL = "SELECT email FROM customers WHERE ssn = '219-09-9999'"


def test_a_verified_person_in_unmask_for_reads_raw_values(tools) -> None:
    from maskline.mcp.tools import Caller

    assert tools.query(SQL, Caller("agent", "auditor"))["rows"] == [["ada.lovelace@example.com"]]


def test_the_agents_claimed_name_never_unmasks(tools) -> None:
    from maskline.mcp.tools import Caller

    assert tools.query(SQL, Caller("user:auditor"))["rows"] == [["*****@example.com"]]
    assert tools.query(SQL, Caller("auditor", "bob"))["rows"] == [["*****@example.com"]]


def test_a_lineage_transport_that_fails_does_not_fail_the_tool_call(tools, monkeypatch, tmp_path) -> None:
    from maskline.mcp import lineage
    from maskline.mcp.tools import Caller

    monkeypatch.setattr(lineage, "_client", lambda: (_ for _ in ()).throw(RuntimeError("transport down")))
    tools.lineage = True
    assert tools.list_tables(Caller("agent"))["tables"] == ["customers", "orders", "secrets_table"]


def test_hs256_tokens_verify_only_with_the_secret_and_never_with_alg_none() -> None:
    import jwt

    from maskline.mcp.tokens import TokenVerifier

    secret = "s" * 32
    v = TokenVerifier.from_secret(secret, audience="maskline")
    assert v.person(jwt.encode({"sub": "alice", "aud": "maskline"}, secret, algorithm="HS256")) == "alice"
    assert v.person(jwt.encode({"sub": "alice", "aud": "other"}, secret, algorithm="HS256")) is None
    assert v.person(jwt.encode({"sub": "alice", "aud": "maskline"}, None, algorithm="none")) is None
    assert v.person(jwt.encode({"sub": "a", "aud": "maskline", "exp": int(time.time()) - 5}, secret)) is None
    with pytest.raises(InputError, match="shorter than 32 bytes"):
        TokenVerifier.from_secret("short")


def test_jwks_tokens_verify_with_the_files_public_key_and_not_as_hmac(tmp_path: Path) -> None:
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt.algorithms import RSAAlgorithm

    from maskline.mcp.tokens import TokenVerifier

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_jwk = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [{**public_jwk, "kid": "k1", "use": "sig"}]}))
    v = TokenVerifier.from_jwks_file(tmp_path / "jwks.json")
    assert v.person(jwt.encode({"sub": "carol"}, private, algorithm="RS256", headers={"kid": "k1"})) == "carol"
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert v.person(jwt.encode({"sub": "carol"}, other, algorithm="RS256", headers={"kid": "k1"})) is None


@pytest.mark.parametrize(("args", "message"), [
    (["--http"], "--http needs a way to verify"),
    (["--http", "--jwt-secret-env", "X", "--principal", "bob"], "--principal is for stdio only"),
    (["--jwks", "keys.json"], "bearer tokens are checked over HTTP only"),
    (["--audience", "warehouse"], "bearer tokens are checked over HTTP only"),  # stdio read no token: ignored
])
def test_the_cli_refuses_identity_options_that_would_not_be_verified(args: list[str], message: str) -> None:
    from maskline.cli.main import build_parser

    ns = build_parser().parse_args(["mcp", "--policy", "p.yml", "--database", "duckdb:///w.duckdb", *args])
    with pytest.raises(InputError, match=message):
        ns.run(ns)


@pytest.mark.parametrize(("args", "where"), [
    (["--timeout", "-1"], "maskline mcp --timeout"),
    (["--timeout", "0"], "maskline mcp --timeout"),
    (["--max-rows", "0"], "maskline mcp --max-rows"),
])
def test_a_bad_limit_is_refused_naming_the_flag_to_change(args: list[str], where: str) -> None:
    """Before, ``--timeout -1`` was told ``--max-rows and --timeout must be positive`` with ``e.g. --max-rows 200``."""
    from maskline.cli.main import build_parser

    ns = build_parser().parse_args(["mcp", "--policy", "p.yml", "--database", "duckdb:///w.duckdb", *args])
    with pytest.raises(InputError) as refused:
        ns.run(ns)
    assert refused.value.where == where
    flag = where.rsplit(" ", 1)[1]
    assert str(refused.value).startswith(f"{flag} must be") and f"e.g. {flag} " in str(refused.value)
    assert ("--max-rows" in str(refused.value)) == (flag == "--max-rows")


def test_the_cli_loads_the_mcp_sdk_only_when_the_command_runs() -> None:
    code = ("import sys; from maskline.cli.main import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m == 'mcp' or m.startswith(('mcp.', 'openlineage'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_query_past_the_timeout_is_cancelled_and_reported_without_values(duckdb_file: Path, policy_file: Path,
                                                                        ) -> None:
    from maskline.errors import QueryFailed
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools
    from maskline.policy import load_policy

    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), timeout=0.2,
                        lineage=False)
    with pytest.raises(QueryFailed, match="InterruptException") as caught:
        tools.query("SELECT count(*) AS n FROM " + ", ".join(f"customers c{i}" for i in range(24)), Caller("agent"))
    assert "timed out" in str(caught.value)
