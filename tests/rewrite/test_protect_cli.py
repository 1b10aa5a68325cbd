"""``maskline protect`` creates and drops PostgreSQL's masked views, key and reader role."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import TEST_KEY
from tests.rewrite.pii_data import create_postgres
from tests.rewrite.test_postgres_reader_role import _fetch

pytestmark = pytest.mark.postgres


def test_the_cli_protects_and_drops(pg_dsn: str, tmp_path, monkeypatch, capsys) -> None:
    import psycopg2
    import yaml

    from maskline.cli.main import main
    from tests.rewrite.pii_data import POLICY

    suffix = uuid.uuid4().hex[:8]
    admin = psycopg2.connect(pg_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        create_postgres(cur, f"cli_{suffix}")
    policy = tmp_path / "policy.yml"
    policy.write_text(yaml.safe_dump(POLICY))
    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    args = ["protect", "--dsn", pg_dsn, "--policy", str(policy), "--schema", f"cli_{suffix}",
            "--masked-schema", f"clim_{suffix}", "--reader", f"clir_{suffix}", "--private-schema", f"clip_{suffix}"]
    assert main(args) == 0
    assert "protected customers, orders, sessions" in capsys.readouterr().out
    assert len(_fetch(admin, f"SELECT * FROM clim_{suffix}.orders")) == 6
    assert main([*args, "--drop"]) == 0
    with admin.cursor() as cur:
        cur.execute("SELECT count(*) FROM information_schema.schemata WHERE schema_name = %s", (f"clim_{suffix}",))
        assert cur.fetchone() == (0,)
        cur.execute(f"DROP SCHEMA cli_{suffix} CASCADE")
        cur.execute(f"DROP OWNED BY clir_{suffix}")
        cur.execute(f"DROP ROLE clir_{suffix}")
    admin.close()


def test_a_dsn_that_cannot_connect_is_a_connection_error_without_the_dsn(tmp_path, capsys) -> None:
    """No server is needed: the port is closed. The error names --dsn and the fix, never the DSN's password."""
    from maskline.cli.main import main

    policy = tmp_path / "p.yml"
    policy.write_text("version: 1\n")
    code = main(["protect", "--dsn", "postgresql://admin:S3cretCanary@127.0.0.1:9/x", "--policy", str(policy)])
    err = capsys.readouterr().err
    assert code != 0
    assert "cannot connect to PostgreSQL" in err and "--dsn" in err and "credentials" in err
    assert "S3cretCanary" not in err and "the query failed" not in err


def test_key_owner_refuses_to_write_the_key_as_another_role(pg_dsn: str, tmp_path, monkeypatch, capsys) -> None:
    """``--key-owner`` pins the role that writes the key store, as dbt's ``vars.maskline_key_owner`` trusts it: run
    as another role, protect creates nothing (round redteam14)."""
    import psycopg2
    import yaml

    from maskline.cli.main import main
    from tests.rewrite.pii_data import POLICY

    suffix = uuid.uuid4().hex[:8]
    admin = psycopg2.connect(pg_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        create_postgres(cur, f"cko_{suffix}")
        cur.execute("SELECT current_user::text")
        me = cur.fetchone()[0]
    policy = tmp_path / "policy.yml"
    policy.write_text(yaml.safe_dump(POLICY))
    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    args = ["protect", "--dsn", pg_dsn, "--policy", str(policy), "--schema", f"cko_{suffix}",
            "--masked-schema", f"ckom_{suffix}", "--reader", f"ckor_{suffix}", "--private-schema", f"ckop_{suffix}"]
    try:
        assert main([*args, "--key-owner", f"other_{suffix}"]) != 0
        err = capsys.readouterr().err
        assert f"protect runs as role {me}, not as other_{suffix}, the key store's expected owner" in err, err
        with admin.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = ANY(%s)",
                        ([f"ckom_{suffix}", f"ckop_{suffix}"],))
            assert cur.fetchone() == (0,)
        assert main([*args, "--key-owner", me]) == 0  # control: the role named runs it
    finally:
        main([*args, "--drop"])
        with admin.cursor() as cur:
            cur.execute(f"DROP SCHEMA cko_{suffix} CASCADE")
            cur.execute(f"DROP OWNED BY ckor_{suffix}")
            cur.execute(f"DROP ROLE IF EXISTS ckor_{suffix}")
        admin.close()
