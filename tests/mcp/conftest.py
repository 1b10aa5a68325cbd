"""Fixtures of the MCP tests: a seeded DuckDB file, the policy, the raw values that must never come back, and a
PostgreSQL reader role over ``maskline protect``'s masked views."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
    from maskline.policy import load_policy
    from tests.protect_database import scratch_database

    with scratch_database(pg_dsn) as db:
        with db.admin.cursor() as cur:
            cur.execute(f"CREATE TABLE {db.raw}.customers (id integer, full_name text, email text, ssn text, "
                        "phone text)")
            cur.executemany(f"INSERT INTO {db.raw}.customers VALUES (%s, %s, %s, %s, %s)", CUSTOMERS)
        db.protect_with(load_policy(policy_file), ("customers",))
        yield db.login_dsn(), db.masked
