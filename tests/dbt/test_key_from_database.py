"""dbt-postgres with ``vars: {maskline_key_source: database}``: the key `maskline protect` installed reaches the model's
session from its owner-only table, server-side, and never any statement's text (real dbt, real PostgreSQL, its log).

Today's path (``MASKLINE_KEY`` and ``maskline.set_key()``) sends the pads as psycopg2 bindings, which psycopg2 writes
into the statement: the control shows them in the server log, so the checks here are not trivially true.
The database gets ``log_statement = all`` (every session of it logs every statement); the log's entries are read by
the database's name in their prefix (Debian's ``%m [%p] %q%u@%d``), since other tests write to the same file.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import TEST_KEY, fresh_database
from tests.dbt.dbt_harness import DbtProject, copy_project, key_exposures
from tests.pg_server_log import entries_marked, server_log
from tests.pg_sessions import execute as _execute

pytestmark = [pytest.mark.dbt, pytest.mark.postgres, pytest.mark.xdist_group("dbt")]

PROFILE = "maskline_key_table"
SCHEMA = "key_table_it"
DATABASE_SOURCE = "{maskline_key_source: database}"
ROWS = "id,email\n1,ann@example.com\n2,bob@example.org\n"
POLICY = {"unclassified": "pass",
          "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL", "method": "hash"}}}}}
# hmac reads both pads, hash and fake the salt: every value the key table holds is used.
MODEL = ("select id, {{ maskline.mask('email', 'hmac') }} as h, {{ maskline.mask('email', 'hash') }} as s, "
         "{{ maskline.mask('email', 'fake') }} as f from {{ ref('people') }}")


def _key_hexes(key: str = TEST_KEY) -> list[str]:
    """The key's values as the env path sends them: its pads and itself (the salt), in hex."""
    from maskline.adapters.base import key_values
    from maskline.keys import KeyMaterial

    return [v.hex() for v in key_values(KeyMaterial(key.encode())).values()]


def _project(base: Path, dsn: str, schema: str = SCHEMA) -> DbtProject:
    from urllib.parse import urlparse

    src = base / "src"
    (src / "models").mkdir(parents=True)
    (src / "seeds").mkdir()
    (src / "seeds" / "people.csv").write_text(ROWS)
    (src / "models" / "keyed.sql").write_text(MODEL + "\n")
    (src / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": PROFILE, "version": "0.1.0", "config-version": 2, "profile": PROFILE,
        "models": {PROFILE: {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}}}))
    u = urlparse(dsn)
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": schema,
                            "threads": 1}}
    project = copy_project(src, base / "project", PROFILE, outputs, "postgres")
    project.run("deps")
    project.run("seed")
    return project


def _protect(dsn: str) -> None:
    """What `maskline protect` does: the owner-only key table (and a masked view of a raw table) for TEST_KEY."""
    import psycopg2

    from maskline.adapters.postgres import protect
    from maskline.keys import KeyMaterial
    from maskline.policy import load_policy

    _execute(dsn, "CREATE TABLE public.customers (id integer, email text)",
             "INSERT INTO public.customers VALUES (1, 'ann@example.com')")
    conn = psycopg2.connect(dsn)
    try:
        protect(conn, load_policy(POLICY), "public", ["customers"], KeyMaterial(TEST_KEY.encode()))
    finally:
        conn.close()


def _logged_while(dsn: str, run: Any) -> tuple[str, Any]:
    """What the server logged for sessions on ``dsn``'s database while ``run()`` ran, and what ``run()`` returned."""
    log = server_log(dsn)
    start = log.stat().st_size
    result = run()
    with log.open("rb") as f:
        f.seek(start)
        return entries_marked(f.read().decode("utf-8", "replace"), f"@{dsn.rsplit('/', 1)[1]} "), result


def _rows(dsn: str) -> list[tuple[Any, ...]]:
    return _execute(dsn, f"SELECT id, h, s, f FROM {SCHEMA}.keyed ORDER BY id")


def _without_env_key(project: DbtProject) -> dict[str, str]:
    env = dict(project.env)
    env.pop("MASKLINE_KEY", None)
    return env


PROTECT_LOG: dict[str, str] = {}  # what the server logged while the fixture's protect ran, by DSN


@pytest.fixture(scope="module")
def protected(pg_admin_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, DbtProject]]:
    """A database of its own, protected with TEST_KEY, every statement of its sessions logged; the project seeded."""
    with fresh_database(pg_admin_dsn) as dsn:
        _execute(dsn, f"ALTER DATABASE \"{dsn.rsplit('/', 1)[1]}\" SET log_statement = 'all'")
        logged, _ = _logged_while(dsn, lambda: _protect(dsn))
        PROTECT_LOG[dsn] = logged
        yield dsn, _project(tmp_path_factory.mktemp("dbt_key_table"), dsn)


def _run(project: DbtProject, env: dict[str, str] | None = None, *, database: bool = True) -> Any:
    args = ["run", "--select", "keyed", *(["--vars", DATABASE_SOURCE] if database else [])]
    if env is None:
        return project.run(*args, check=False)
    runner = DbtProject(project.root, project.profiles_dir, project.target, env)
    return runner.run(*args, check=False)


def test_the_key_from_the_database_is_in_no_statement_and_masks_as_the_env_key_does(protected) -> None:
    dsn, project = protected
    env_proc = _run(project, database=False)  # today's path: MASKLINE_KEY, the same key protect installed
    assert env_proc.returncode == 0, env_proc.stdout[-3000:]
    by_env = _rows(dsn)

    _execute(dsn, f"DROP TABLE {SCHEMA}.keyed")
    logged, proc = _logged_while(dsn, lambda: _run(project, _without_env_key(project)))
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "pg_catalog.set_config('maskline.ipad', pg_catalog.encode(k.ipad, 'hex'), true)" in logged  # was logged
    assert f'"{SCHEMA}"."keyed' in logged  # the model ran in those sessions
    assert [h for h in _key_hexes() if h in logged] == []
    assert _rows(dsn) == by_env  # the same tokens, keyed by the same key
    assert all(len(h) == 64 and "@" not in h for _, h, _, _ in by_env)
    # dbt's process never had the key: nothing it wrote holds it (target/, logs/).
    assert key_exposures(project.root) == []


def test_protect_installs_the_key_in_no_statement(protected) -> None:
    dsn, _ = protected
    logged = PROTECT_LOG[dsn]
    assert "maskline_private" in logged and "INSERT INTO" in logged  # protect's statements were logged
    assert [h for h in _key_hexes() if h in logged] == []


def test_control_the_env_key_path_puts_the_pads_in_the_server_log(protected) -> None:
    dsn, project = protected
    logged, proc = _logged_while(dsn, lambda: _run(project, database=False))
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert [h for h in _key_hexes() if h in logged] != []  # so the test above is not trivially true


def test_with_maskline_key_also_set_the_database_key_wins_and_the_env_key_is_not_sent(protected) -> None:
    dsn, project = protected
    other = "another-key-that-must-not-be-used-0123"
    _run(project, database=False)
    by_protect_key = _rows(dsn)
    logged, proc = _logged_while(dsn, lambda: _run(project, {**project.env, "MASKLINE_KEY": other}))
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert _rows(dsn) == by_protect_key
    assert [h for h in _key_hexes(other) + _key_hexes() if h in logged] == []


def test_no_key_table_fails_the_model_naming_protect_and_writes_nothing(pg_admin_dsn: str, tmp_path_factory) -> None:
    with fresh_database(pg_admin_dsn) as dsn:  # never protected
        project = _project(tmp_path_factory.mktemp("dbt_no_key_table"), dsn)
        proc = _run(project)  # MASKLINE_KEY is set too: the run must not fall back to it
        assert proc.returncode != 0
        out = proc.stdout
        assert "maskline: no masking key table maskline_private.key" in out, out[-3000:]
        assert "maskline protect --dsn" in out and "--policy" in out
        assert _execute(dsn, "SELECT count(*) FROM pg_catalog.pg_class WHERE relname LIKE 'keyed%%'") == [(0,)]


def test_a_role_that_may_not_read_the_key_table_fails_naming_the_grant(protected, tmp_path_factory) -> None:
    from urllib.parse import urlparse

    dsn, _ = protected
    role = f"ml_dbt_{uuid.uuid4().hex[:8]}"
    database = dsn.rsplit("/", 1)[1]
    _execute(dsn, f"CREATE ROLE {role} LOGIN PASSWORD 'pw'", f'GRANT CREATE, CONNECT ON DATABASE "{database}" TO {role}',
             f"GRANT CREATE ON SCHEMA public TO {role}")
    try:
        u = urlparse(dsn)
        as_role = f"postgresql://{role}:pw@{u.hostname}:{u.port or 5432}/{database}"
        project = _project(tmp_path_factory.mktemp("dbt_key_table_role"), as_role, schema=role)
        proc = _run(project)
        assert proc.returncode != 0
        assert f"maskline: role {role} may not read the masking key table maskline_private.key" in proc.stdout, \
            proc.stdout[-3000:]
        assert f"GRANT SELECT ON maskline_private.key TO {role}" in proc.stdout
    finally:
        _execute(dsn, f"DROP OWNED BY {role} CASCADE", f"DROP ROLE {role}")


def test_a_key_table_another_role_may_write_stops_the_model(protected, tmp_path_factory) -> None:
    """Red team (round redteam13): a role granted UPDATE on the key table could put its own key there, and every
    model then masked with a key it knows. The run refuses the store, naming the role and the REVOKE."""
    dsn, _ = protected
    writer = f"ml_w_{uuid.uuid4().hex[:8]}"
    _execute(dsn, f"CREATE ROLE {writer} NOLOGIN", f"GRANT UPDATE ON maskline_private.key TO {writer}")
    try:
        project = _project(tmp_path_factory.mktemp("dbt_key_table_writer"), dsn)
        proc = _run(project)
        assert proc.returncode != 0
        assert f"may change the masking key table maskline_private.key: {writer}" in proc.stdout, proc.stdout[-3000:]
        assert "REVOKE INSERT, UPDATE" in proc.stdout
    finally:
        _execute(dsn, f"DROP OWNED BY {writer} CASCADE", f"DROP ROLE {writer}")


def test_on_another_adapter_the_database_key_source_stops_the_model(tmp_path_factory) -> None:
    """The var is read by dbt-postgres only: DuckDB neither falls back to MASKLINE_KEY (set here) nor runs unkeyed."""
    from tests.dbt.fresh_project import fresh_project

    files = {"models/plain.sql": "select 1 as n\n",
             "models/keyed.sql": "select {{ maskline.mask('email', 'hmac') }} as h "
                                 "from (select 'ann@example.com' as email) as t\n"}
    project = fresh_project(tmp_path_factory.mktemp("dbt_key_table_duckdb") / "project", files,
                            {"maskline_key_source": "database"}, plugin=False)
    proc = project.run("run", check=False)
    assert proc.returncode != 0
    assert "maskline: vars.maskline_key_source is database" in proc.stdout and "dbt-postgres" in proc.stdout, \
        proc.stdout[-3000:]
    results = {uid.rsplit(".", 1)[1]: r["status"] for uid, r in project.run_results().items()}
    assert results == {"plain": "error", "keyed": "error"}  # the pre-hook stops models without a keyed method too
    unknown = project.run("run", "--vars", "{maskline_key_source: vault}", check=False)
    assert unknown.returncode != 0 and "maskline: unknown key source vault" in unknown.stdout
    assert "did you mean" not in unknown.stdout  # close to neither source: the fix names both
    misspelt = project.run("run", "--vars", "{maskline_key_source: databse}", check=False)
    assert misspelt.returncode != 0 and "maskline: unknown key source databse" in misspelt.stdout
    assert "Fix: did you mean 'database'? set it to env" in misspelt.stdout, misspelt.stdout[-3000:]


def _squat(dsn: str, squatter: str, reader: str, key: str) -> None:
    """What a role that creates the key store before protect runs can do: the schema and a marked key table of its
    own, holding a key it chose, readable by dbt's role (all by hand, as that role)."""
    from maskline.adapters.postgres import KEY_STORE_MARK

    pads = dict(zip(("ipad", "opad", "salt"), _key_hexes(key), strict=True))
    _execute(dsn, f"CREATE ROLE {squatter} NOLOGIN", f"CREATE SCHEMA maskline_private AUTHORIZATION {squatter}",
             f"SET ROLE {squatter}",
             "CREATE TABLE maskline_private.key (id integer PRIMARY KEY, salt bytea, ipad bytea, opad bytea)",
             f"COMMENT ON TABLE maskline_private.key IS '{KEY_STORE_MARK}'",
             f"INSERT INTO maskline_private.key VALUES (1, decode('{pads['salt']}', 'hex'), "
             f"decode('{pads['ipad']}', 'hex'), decode('{pads['opad']}', 'hex'))",
             f"GRANT USAGE ON SCHEMA maskline_private TO {reader}",
             f"GRANT SELECT ON maskline_private.key TO {reader}")


def _run_vars(project: DbtProject, vars_: str) -> Any:
    runner = DbtProject(project.root, project.profiles_dir, project.target, _without_env_key(project))
    return runner.run("run", "--select", "keyed", "--vars", vars_, check=False)


def test_a_key_store_another_role_created_first_stops_the_model(pg_admin_dsn: str, tmp_path_factory) -> None:
    """Red team (round redteam14): a role that creates maskline_private.key before protect runs chooses the key (or
    can read it); protect refuses such a store, but dbt trusted any marked table it could read, and masked with a key
    the squatter knows. The run now refuses a store dbt's role does not own, naming both roles and the fix."""
    with fresh_database(pg_admin_dsn) as dsn:
        squatter = f"ml_sq_{uuid.uuid4().hex[:8]}"
        admin = _execute(dsn, "SELECT current_user::text")[0][0]
        _squat(dsn, squatter, admin, "a-key-the-squatter-chose-0123456789")
        try:
            project = _project(tmp_path_factory.mktemp("dbt_key_table_squat"), dsn)
            proc = _run_vars(project, DATABASE_SOURCE)
            assert proc.returncode != 0
            out = proc.stdout
            assert (f"maskline: the private schema maskline_private is owned by role {squatter}, not by dbt's role "
                    f"{admin}, and vars.maskline_key_owner does not name the role that ran `maskline protect`") in out, \
                out[-3000:]
            assert f"set vars: {{maskline_key_owner: {squatter}}}" in out and "DROP SCHEMA maskline_private CASCADE" in out
            assert _execute(dsn, "SELECT count(*) FROM pg_catalog.pg_class WHERE relname LIKE 'keyed%%'") == [(0,)]
            # Naming another role as the owner does not help: only the owner found, named, is trusted.
            named = _run_vars(project, "{maskline_key_source: database, maskline_key_owner: " + admin + "}")
            assert named.returncode != 0
            assert (f"is owned by role {squatter}, not by role {admin}, which vars.maskline_key_owner expects"
                    in named.stdout), named.stdout[-3000:]
            # the protect to run is the named owner's, as the owner dbt will trust (was: --dsn <admin>, no --key-owner)
            database = dsn.rsplit("/", 1)[1]
            assert (f"as {admin}, run `maskline protect --dsn postgresql://{admin}@<host>/{database} --key-owner "
                    f"{admin} --policy <policy.yml>`" in " ".join(named.stdout.split())), named.stdout[-3000:]
        finally:
            _execute(dsn, "DROP SCHEMA IF EXISTS maskline_private CASCADE", f"DROP ROLE {squatter}")


def test_dbt_as_another_role_reads_protects_store_once_the_owner_is_named(protected, tmp_path_factory) -> None:
    """Without vars.maskline_key_owner the store must be dbt's own role's; a dbt role granted SELECT on protect's store
    names protect's role, and then runs."""
    from urllib.parse import urlparse

    dsn, _ = protected
    role = f"ml_dbt_{uuid.uuid4().hex[:8]}"
    database = dsn.rsplit("/", 1)[1]
    admin = _execute(dsn, "SELECT current_user::text")[0][0]
    _execute(dsn, f"CREATE ROLE {role} LOGIN PASSWORD 'pw'", f'GRANT CREATE, CONNECT ON DATABASE "{database}" TO {role}',
             f"GRANT CREATE ON SCHEMA public TO {role}", f"GRANT USAGE ON SCHEMA maskline_private TO {role}",
             f"GRANT SELECT ON maskline_private.key TO {role}")
    try:
        u = urlparse(dsn)
        as_role = f"postgresql://{role}:pw@{u.hostname}:{u.port or 5432}/{database}"
        project = _project(tmp_path_factory.mktemp("dbt_key_table_owner"), as_role, schema=role)
        unnamed = _run_vars(project, DATABASE_SOURCE)
        assert unnamed.returncode != 0
        assert f"is owned by role {admin}, not by dbt's role {role}" in unnamed.stdout, unnamed.stdout[-3000:]
        named = _run_vars(project, "{maskline_key_source: database, maskline_key_owner: " + admin + "}")
        assert named.returncode == 0, named.stdout[-3000:]
        assert _execute(dsn, f"SELECT count(*) FROM {role}.keyed") == [(2,)]
    finally:
        _execute(dsn, f"REVOKE ALL ON maskline_private.key FROM {role}",
                 f"REVOKE ALL ON SCHEMA maskline_private FROM {role}", f"DROP OWNED BY {role} CASCADE",
                 f"DROP ROLE {role}")


def test_a_private_schema_another_role_may_create_in_stops_the_model(protected, tmp_path_factory) -> None:
    """CREATE on the private schema is refused by protect; dbt refuses it too, whatever was granted since."""
    dsn, _ = protected
    creator = f"ml_c_{uuid.uuid4().hex[:8]}"
    _execute(dsn, f"CREATE ROLE {creator} NOLOGIN", f"GRANT CREATE ON SCHEMA maskline_private TO {creator}")
    try:
        project = _project(tmp_path_factory.mktemp("dbt_key_table_creator"), dsn)
        proc = _run_vars(project, DATABASE_SOURCE)
        assert proc.returncode != 0
        assert f"may create in the private schema maskline_private: {creator}" in proc.stdout, proc.stdout[-3000:]
        assert f"REVOKE CREATE ON SCHEMA maskline_private FROM {creator}" in proc.stdout
    finally:
        _execute(dsn, f"DROP OWNED BY {creator} CASCADE", f"DROP ROLE {creator}")
