"""Attacks on the safe query path that only Trino makes possible, run on the real Trino server, each with a control.

Trino's ``postgres`` catalog (scripts/trino.sh) federates the local PostgreSQL database ``maskline_trino`` with
credentials that can read every schema of it, as a deployment whose Trino and maskline share a database would.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

pytestmark = [pytest.mark.trino]
FEDERATED_DATABASE = "maskline_trino"  # the database scripts/trino.sh points its postgres catalog at
RAW_IP = "203.0.113.195"


@pytest.fixture(scope="module")
def federated_key_store(trino_url: str, pg_admin_dsn: str, pii_policy) -> Iterator[tuple[Any, str]]:
    """A table protected by ``maskline protect`` in the federated database, under a private schema of its own
    name, and a Trino connection on the table's schema through the ``postgres`` catalog."""
    import psycopg2

    from maskline.adapters.postgres import protect, unprotect
    from maskline.adapters.trino import connect

    sfx = uuid.uuid4().hex[:8]
    source, masked, private, reader = f"rt_src_{sfx}", f"rt_masked_{sfx}", f"rt_keys_{sfx}", f"rt_reader_{sfx}"
    pg = psycopg2.connect(pg_admin_dsn.rsplit("/", 1)[0] + "/" + FEDERATED_DATABASE)
    pg.autocommit = True
    with pg.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {source}")
        cur.execute(f"CREATE TABLE {source}.sessions (id integer, customer_id integer, ip text, device text)")
        cur.execute(f"INSERT INTO {source}.sessions VALUES (100, 1, '{RAW_IP}', 'laptop')")
    protect(pg, pii_policy, source, ["sessions"], key_material(), masked_schema=masked, reader=reader,
            private_schema=private)
    trino = connect(trino_url, catalog="postgres", schema=source)
    try:
        yield trino, private
    finally:
        trino.close()
        unprotect(pg, masked_schema=masked, private_schema=private)
        with pg.cursor() as cur:
            cur.execute(f"DROP SCHEMA {source} CASCADE")
            cur.execute(f"DROP ROLE IF EXISTS {reader}")
        pg.close()


@pytest.mark.parametrize("query", [
    "SELECT * FROM {private}.key",
    "SELECT to_hex(salt) FROM {private}.key",
    "SELECT length(salt) FROM postgres.{private}.key",
    "SELECT s.ip FROM sessions s JOIN {private}.key k ON k.id = 1",
])
def test_the_key_store_of_a_federated_postgresql_database_is_refused(federated_key_store, pii_policy,
                                                                     query: str) -> None:
    trino, private = federated_key_store
    key = key_material()
    # Without maskline, the catalog reads the key: the attack is real.
    cur = trino.cursor()
    cur.execute(f"SELECT salt FROM {private}.key")
    assert bytes(cur.fetchall()[0][0]) == key.secret
    with pytest.raises(RewriteRefused, match="key store"):
        rewrite(query.format(private=private), pii_policy, "trino", connection=trino)


def test_control_a_data_table_of_the_same_federated_database_reads_masked(federated_key_store, pii_policy) -> None:
    trino, _ = federated_key_store
    r = rewrite("SELECT id, ip, device FROM sessions", pii_policy, "trino", connection=trino)
    rows = run_masked(trino, r, key_material()).rows
    assert [(row[0], row[2]) for row in rows] == [(100, "laptop")]
    assert rows[0][1] and RAW_IP not in str(rows[0][1]) and r.masked_columns == ("ip",)
