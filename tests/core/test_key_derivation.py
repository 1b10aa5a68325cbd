"""The policy's key derivation: 1 keeps the tokens maskline always wrote, 2 keeps each keyed method in its own
domain, on every engine, and a derivation maskline does not know fails closed."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import duckdb
import pytest
import sqlglot
from sqlglot import exp
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import build_scope

from maskline.errors import PolicyError
from maskline.keys import KeyMaterial, domain_label, hmac_hex, method_digest_hex, salted_sha256_hex
from maskline.methods.fake import fake_of
from maskline.methods.registry import METHODS
from maskline.policy import load_policy
from maskline.sql.compile import mask_expression
from maskline.sql.session import apply_key_setup
from tests.conftest import scratch_schema

VALUES = ["alice@example.com", "123-45-6789", "Zoë Ångström", "a", "x@y"]
PINNED_KEY = KeyMaterial(b"pinned-key-0123456789")


def _policy(derivation: int | None, methods: dict | None = None):
    key = {"env": "MASKLINE_KEY"} if derivation is None else {"env": "MASKLINE_KEY", "derivation": derivation}
    return load_policy({"key": key, "methods": methods or {}})


def _spec(method: str, derivation: int | None, **params):
    return _policy(derivation, {"PERSON_NAME": {"method": method, **params}}).method_for("PERSON_NAME")


# --- (1) derivation 1 is today's tokens, byte for byte ---------------------------------------------------------

def test_derivation_1_tokens_are_pinned() -> None:
    """Tokens maskline wrote before derivation 2 existed (computed with that release): a policy without
    key.derivation, or with derivation 1, keeps giving them, through the method's own token function."""
    pinned = {"hash": "a568c8e2d3c176280d497d3732610df5aaaba14ddabc64448caee3b805f9f2bf",
              "hmac16": "3fa45a2b54e571c0", "fake_name": "Ines Jurado", "fake_email": "pia.jessup@example.com"}
    for d in (None, 1):
        hash_spec, hmac_spec = _spec("hash", d), _spec("hmac", d, length=16)
        assert METHODS["hash"].literal_token(PINNED_KEY, "alice@example.com", hash_spec.params,
                                             hash_spec.derivation) == pinned["hash"]
        assert METHODS["hmac"].literal_token(PINNED_KEY, "alice@example.com", hmac_spec.params,
                                             hmac_spec.derivation) == pinned["hmac16"]
        derivation = _spec("fake", d).derivation
        assert fake_of(PINNED_KEY, "Ada Lovelace", "name", derivation) == pinned["fake_name"]
        assert fake_of(PINNED_KEY, "alice@example.com", "email", derivation) == pinned["fake_email"]
    # Control: derivation 2 moves hash and fake, and only them.
    assert method_digest_hex(PINNED_KEY, "hash", "alice@example.com", 2) != pinned["hash"]
    assert fake_of(PINNED_KEY, "Ada Lovelace", "name", 2) != pinned["fake_name"]
    assert method_digest_hex(PINNED_KEY, "hmac", "alice@example.com", 2, 16) == pinned["hmac16"]


def test_a_policy_without_derivation_compiles_the_sql_it_always_did(key) -> None:
    """Control: the SQL of every keyed method under no derivation is derivation 1's, on DuckDB."""
    con = duckdb.connect()
    apply_key_setup(con, "duckdb", key)
    for method, python in (("hash", lambda v: salted_sha256_hex(key, v)), ("hmac", lambda v: hmac_hex(key, v)),
                           ("fake", lambda v: fake_of(key, v))):
        e = mask_expression(exp.column("v"), _spec(method, None), "duckdb", source_type="text",
                            info_type="PERSON_NAME").sql("duckdb")
        got = [r[0] for r in con.execute(f"SELECT {e} FROM (SELECT unnest(?) AS v, generate_subscripts(?, 1) i) "
                                         "ORDER BY i", [VALUES, VALUES]).fetchall()]
        assert got == [python(v) for v in VALUES], method


# --- (2) derivation 2: domains apart, and one token on every engine -----------------------------------------------

def test_derivation_2_hash_is_neither_the_salted_sha256_nor_the_hmac(key) -> None:
    for v in VALUES:
        v2 = method_digest_hex(key, "hash", v, 2)
        assert v2 != salted_sha256_hex(key, v)
        assert v2 != hmac_hex(key, v)
        assert v2 == hmac.new(key.secret, domain_label("hash") + v.encode(), hashlib.sha256).hexdigest()


def test_derivation_2_fake_is_not_computable_from_the_hash_token(key) -> None:
    """Under 1 the fake is picked from the hash token's own digits; under 2 that guess fails."""
    def fake_from_digest(digest: str) -> str:
        from maskline.methods.wordlists import FIRST_NAMES, LAST_NAMES

        return (f"{FIRST_NAMES[int(digest[0:4], 16) % len(FIRST_NAMES)]} "
                f"{LAST_NAMES[int(digest[4:8], 16) % len(LAST_NAMES)]}")

    names = ["Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov", "Ken Thompson", "Frances Allen"]
    # Control: under derivation 1, the hash token gives the fake away.
    assert all(fake_of(key, n, derivation=1) == fake_from_digest(method_digest_hex(key, "hash", n, 1)) for n in names)
    # Under derivation 2 it does not (a match by chance is 1 in 4096 per name).
    assert not any(fake_of(key, n, derivation=2) == fake_from_digest(method_digest_hex(key, "hash", n, 2))
                   for n in names)
    assert fake_of(key, "Grace Hopper", derivation=2) == fake_from_digest(method_digest_hex(key, "fake", "Grace Hopper", 2))


def test_derivation_2_keeps_hmac_tokens_and_text_never_reaches_another_domain(key) -> None:
    """hmac is unchanged (joins on it survive the switch); its messages are UTF-8 text, which never holds the
    0xFF every other domain's label starts with, so no hmac token is another method's token."""
    assert method_digest_hex(key, "hmac", "ada", 2) == hmac_hex(key, "ada")
    for method in ("hash", "fake"):
        label = domain_label(method)
        assert label.startswith(b"\xff")
        with pytest.raises(UnicodeDecodeError):
            label.decode("utf-8")
    assert not domain_label("hash").startswith(domain_label("fake")) and not domain_label("fake").startswith(
        domain_label("hash"))


def _duckdb_tokens(key: KeyMaterial, method: str, derivation: int, **params) -> list[str]:
    con = duckdb.connect()
    apply_key_setup(con, "duckdb", key)
    e = mask_expression(exp.column("v"), _spec(method, derivation, **params), "duckdb", source_type="text",
                        info_type="PERSON_NAME").sql("duckdb")
    return [con.execute(f"SELECT {e} FROM (SELECT ?::VARCHAR AS v)", [v]).fetchone()[0] for v in VALUES]


def _python_tokens(key: KeyMaterial, method: str, derivation: int, length: int | None = None) -> list[str]:
    if method == "fake":
        return [fake_of(key, v, "name", derivation) for v in VALUES]
    return [method_digest_hex(key, method, v, derivation, length) for v in VALUES]


@pytest.mark.parametrize("method", ["hash", "hmac", "fake"])
def test_derivation_2_tokens_on_duckdb_equal_python(key, method: str) -> None:
    assert _duckdb_tokens(key, method, 2) == _python_tokens(key, method, 2)


def test_derivation_2_truncated_hash_on_duckdb_equals_python(key) -> None:
    assert _duckdb_tokens(key, "hash", 2, length=16) == _python_tokens(key, "hash", 2, 16)


@pytest.mark.parametrize("method", ["hash", "hmac", "fake"])
def test_derivation_2_tokens_on_sqlite_equal_python(key, method: str) -> None:
    import sqlite3

    from maskline.adapters.sqlite import register_functions

    con = sqlite3.connect(":memory:")
    register_functions(con, key)
    e = mask_expression(exp.column("v"), _spec(method, 2), "sqlite", source_type="text",
                        info_type="PERSON_NAME").sql("sqlite")
    assert [con.execute(f"SELECT {e} FROM (SELECT ? AS v)", (v,)).fetchone()[0] for v in VALUES] == _python_tokens(
        key, method, 2)


@pytest.mark.postgres
@pytest.mark.parametrize("method", ["hash", "hmac", "fake"])
def test_derivation_2_tokens_on_postgres_equal_python(key, method: str, pg_conn) -> None:
    e = mask_expression(exp.column("v"), _spec(method, 2), "postgres", source_type="text",
                        info_type="PERSON_NAME").sql("postgres")
    out = []
    with pg_conn.cursor() as cur:
        apply_key_setup(cur, "postgres", key)
        for v in VALUES:
            value = exp.Literal.string(v).sql("postgres")  # no bound parameter: fake's SQL holds '%' (modulo)
            cur.execute(f"SELECT {e} FROM (SELECT {value}::text AS v) s")
            out.append(cur.fetchone()[0])
    assert out == _python_tokens(key, method, 2)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_derivation_2_tokens_on_spark_equal_python(key, spark) -> None:
    from maskline.sql.session import key_setup

    for statement, params in key_setup("spark", key):
        spark.sql(statement, args=list(params))
    for method in ("hash", "hmac", "fake"):
        e = mask_expression(exp.column("v"), _spec(method, 2), "spark", source_type="string",
                            info_type="PERSON_NAME").sql("spark")
        got = [spark.sql(f"SELECT {e} FROM (SELECT CAST(? AS STRING) AS v) s", args=[v]).collect()[0][0]
               for v in VALUES]
        assert got == _python_tokens(key, method, 2), method


@pytest.mark.trino
def test_derivation_2_tokens_on_trino_equal_python(key, trino_conn) -> None:
    """Trino's native HMAC_SHA256 over the label and the value: the same token."""
    from maskline.adapters.trino import bind_key

    cur = trino_conn.cursor()
    for method in ("hash", "hmac", "fake"):
        for v, want in zip(VALUES, _python_tokens(key, method, 2), strict=True):
            select = sqlglot.parse_one(
                "SELECT " + mask_expression(exp.column("v"), _spec(method, 2), "trino", source_type="varchar",
                                            info_type="PERSON_NAME").sql("trino")
                + f" FROM (SELECT CAST({exp.Literal.string(v).sql('trino')} AS VARCHAR) AS v) AS t", read="trino")
            sql, params = bind_key(select, key)
            cur.execute(sql, params) if params else cur.execute(sql)
            assert cur.fetchall()[0][0] == want, (method, v)


@pytest.mark.parametrize("dialect", ["postgres", "snowflake", "bigquery", "spark", "trino"])
def test_derivation_2_sql_differs_from_derivation_1_only_for_hash_and_fake(dialect: str) -> None:
    """Every engine compiles the domains (a face missing them would silently write derivation 1 tokens)."""
    for method in ("hash", "hmac", "fake"):
        one, two = (mask_expression(exp.column("v"), _spec(method, d), dialect, info_type="PERSON_NAME").sql(dialect)
                    for d in (1, 2))
        assert (one != two) == (method != "hmac"), (dialect, method)
        assert (domain_label(method).hex() in two.lower()) == (method != "hmac"), (dialect, method)


def test_rewrite_tokenizes_a_literal_with_the_policys_derivation(key) -> None:
    """A filter literal compared with a hash column becomes the token the masked column holds."""
    from maskline.rewrite.filters import LiteralFilter
    from maskline.rewrite.sensitivity import Sensitivity
    from maskline.rewrite.trace import Tracer

    for derivation in (1, 2):
        pol = load_policy({"key": {"env": "MASKLINE_KEY", "derivation": derivation}, "unclassified": "pass",
                           "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL", "method": "hash"}}}}})
        schema = {"t": {"id": "int", "email": "text"}}
        q = qualify(sqlglot.parse_one("SELECT id FROM t WHERE email = 'ada@example.com'"), schema=schema)
        root, sensitivity = build_scope(q), Sensitivity.for_query(q, schema, pol)
        LiteralFilter(Tracer(root, sensitivity.is_sensitive), "tokenize", sensitivity, lambda: key).apply(root)
        assert q.find(exp.EQ).expression.name == method_digest_hex(key, "hash", "ada@example.com", derivation)


# --- (3) an unknown derivation fails closed ------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [3, 0, "2", True, "s3cret-pasted-here"])
def test_an_unknown_derivation_fails_naming_the_file_the_key_path_and_the_fix(tmp_path: Path, bad) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(f"key: {{env: MASKLINE_KEY, derivation: {bad!r}}}\n".replace("'", '"'))
    with pytest.raises(PolicyError) as err:
        load_policy(path)
    text = str(err.value)
    assert str(path) in text and "key.derivation" in text and "derivation: 2" in text
    assert "s3cret" not in text  # text written there is never echoed (it could be a key)


@pytest.mark.parametrize("good", [1, 2])
def test_a_known_derivation_loads(tmp_path: Path, good: int) -> None:
    """Control: the values maskline knows load, from a file and on either key source."""
    path = tmp_path / "policy.yml"
    path.write_text(f"key: {{airflow_conn: maskline_default, derivation: {good}}}\n")
    assert load_policy(path).key.derivation == good
    assert load_policy(path).method_for("PERSON_NAME").derivation == good


@pytest.mark.parametrize("key_line", ["key: {env: MASKLINE_KEY}", "key: {env: MASKLINE_KEY, derivation: 1}"])
def test_policy_validate_says_derivation_1_links_hash_and_fake(tmp_path: Path, capsys, key_line: str) -> None:
    """A policy on derivation 1 (written or by default) validates, with a note saying what it links and the fix."""
    from maskline.cli.main import main

    path = tmp_path / "policy.yml"
    path.write_text(key_line + "\n")
    assert main(["policy", "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "key.derivation is 1" in out and "write key.derivation: 2" in out


def test_policy_validate_has_no_derivation_note_on_derivation_2(tmp_path: Path, capsys) -> None:
    """Control: the same policy on derivation 2 validates without the note."""
    from maskline.cli.main import main

    path = tmp_path / "policy.yml"
    path.write_text("key: {env: MASKLINE_KEY, derivation: 2}\n")
    assert main(["policy", "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ok:" in out and "derivation" not in out


def test_every_keyed_method_entry_carries_the_policys_derivation() -> None:
    """methods:, datasets:, custom info types and catalogue defaults: no path compiles with another derivation."""
    pol = load_policy({"key": {"env": "MASKLINE_KEY", "derivation": 2}, "methods": {"EMAIL": "hash"},
                       "info_types": {"EMP": {"pattern": "^E[0-9]+$", "method": {"method": "hash"}}},
                       "datasets": {"t": {"columns": {"n": {"method": "fake"}, "r": {"method": "redact"}}}}})
    assert {pol.method_for(t).derivation for t in ("EMAIL", "EMP", "PERSON_NAME", "NATIONAL_ID")} == {2}
    assert pol.datasets["t"].columns["n"].method.derivation == 2
    assert pol.datasets["t"].columns["r"].method.derivation == 1  # a method without a key has none


@pytest.mark.postgres
def test_derivation_2_tokens_from_the_postgres_key_store_equal_python(pg_dsn: str, key) -> None:
    """``maskline protect``'s views compute tokens in owner-rights functions over the stored key: the same ones."""
    import uuid

    from maskline.adapters.postgres import protect, unprotect

    suffix = uuid.uuid4().hex[:8]
    masked, private, reader = f"masked_{suffix}", f"private_{suffix}", f"reader_{suffix}"
    pol = load_policy({"key": {"env": "MASKLINE_KEY", "derivation": 2}, "unclassified": "pass", "datasets": {
        "people": {"columns": {"email": {"method": "hash"}, "name": {"info_type": "PERSON_NAME"},
                               "ssn": {"method": {"method": "hmac", "length": 16}}}}}})
    with scratch_schema(pg_dsn, "raw") as (admin, raw):
        try:
            with admin.cursor() as cur:
                cur.execute(f"CREATE TABLE {raw}.people (id int, email text, name text, ssn text)")
                cur.execute(f"INSERT INTO {raw}.people VALUES (1, 'ada@example.com', 'Ada Lovelace', '123-45-6789')")
            protect(admin, pol, raw, ["people"], key, masked_schema=masked, reader=reader, private_schema=private)
            with admin.cursor() as cur:
                cur.execute(f"SELECT email, name, ssn FROM {masked}.people")
                row = cur.fetchone()
            assert row == (method_digest_hex(key, "hash", "ada@example.com", 2),
                           fake_of(key, "Ada Lovelace", "name", 2), hmac_hex(key, "123-45-6789", 16))
        finally:
            unprotect(admin, masked_schema=masked, private_schema=private)
            with admin.cursor() as cur:
                cur.execute(f"DROP OWNED BY {reader}")
                cur.execute(f"DROP ROLE IF EXISTS {reader}")
