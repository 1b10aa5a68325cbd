"""Fixtures of the MCP tests: a seeded DuckDB file, the policy, the raw values that must never come back, and a
PostgreSQL reader role over ``maskline protect``'s masked views."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CUSTOMERS = [
    (1, "Ada Lovelace", "ada.lovelace@example.com", "219-09-9999", "+1 415 555 0101"),
    (2, "Grace Hopper", "grace.hopper@example.org", "078-05-1120", "+1 212 555 0199"),
    (3, "Alan Turing", "alan.turing@example.net", "457-55-5462", "+44 20 7946 0958"),
]
ORDERS = [(10, 1, 25.5), (11, 1, 10.0), (12, 3, 99.9)]
# No `unclassified`: columns nobody listed (here `phone`) are masked, as the query path does.
POLICY = """\
version: 1
key: {env: MASKLINE_KEY}
datasets:
  customers:
    columns:
      full_name: {info_type: PERSON_NAME}
      email: {info_type: EMAIL}
      ssn: {info_type: US_SSN, method: {method: hmac, length: 16}}
unmask_for: [user:auditor]
"""


def raw_values() -> list[str]:
    """Every raw PII value of the seed, and parts an attack would try to extract."""
    out: list[str] = []
    for _id, name, email, ssn, phone in CUSTOMERS:
        out += [name, email, email.split("@")[0], ssn, ssn.replace("-", ""), phone, name.split()[1]]
    return out


@pytest.fixture(scope="session")
def policy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mcp") / "policy.yml"
    path.write_text(POLICY)
    return path


@pytest.fixture(scope="session")
def duckdb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    path = tmp_path_factory.mktemp("mcp") / "warehouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, full_name VARCHAR, email VARCHAR, ssn VARCHAR, phone VARCHAR)")
    con.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?)", CUSTOMERS)
    con.execute("CREATE TABLE orders (id INTEGER, customer_id INTEGER, amount DOUBLE)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    con.execute("CREATE TABLE secrets_table (token VARCHAR)")
    con.execute("INSERT INTO secrets_table VALUES ('tok-should-never-be-read')")
    con.close()
    return path


@pytest.fixture(scope="module")
def reader_dsn(pg_dsn: str, policy_file: Path) -> Iterator[tuple[str, str]]:
    """A login role of maskline protect's reader role (its DSN) and the masked views' schema, over raw customers."""
    import psycopg2

    from maskline.adapters.postgres import protect, unprotect
    from maskline.keys import KeyMaterial
    from maskline.policy import load_policy
    from tests.conftest import TEST_KEY

    suffix = uuid.uuid4().hex[:8]
    raw, masked, private, reader, login = (f"raw_{suffix}", f"masked_{suffix}", f"private_{suffix}",
                                           f"reader_{suffix}", f"agent_{suffix}")
    admin = psycopg2.connect(pg_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {raw}")
        cur.execute(f"CREATE TABLE {raw}.customers (id integer, full_name text, email text, ssn text, phone text)")
        cur.executemany(f"INSERT INTO {raw}.customers VALUES (%s, %s, %s, %s, %s)", CUSTOMERS)
    protect(admin, load_policy(policy_file), raw, ("customers",), KeyMaterial(TEST_KEY.encode(), source="test"),
            masked_schema=masked, reader=reader, private_schema=private)
    with admin.cursor() as cur:
        cur.execute(f"CREATE ROLE {login} LOGIN PASSWORD 'agent-pw' IN ROLE {reader}")
    host = urlsplit(pg_dsn)
    yield host._replace(netloc=f"{login}:agent-pw@{host.hostname}:{host.port or 5432}").geturl(), masked
    unprotect(admin, masked_schema=masked, private_schema=private)
    with admin.cursor() as cur:
        cur.execute(f"DROP SCHEMA {raw} CASCADE")
        cur.execute(f"DROP ROLE {login}")
        cur.execute(f"DROP OWNED BY {reader}")
        cur.execute(f"DROP ROLE {reader}")
    admin.close()
