"""``maskline protect``'s masked views keep each masked column's declared type where the method keeps the type
(real PostgreSQL): a ``null``-masked ``numeric(12,2)``, ``varchar(20)`` or ``char(3)`` is a NULL of that type, and a
bucketed ``numeric(12,2)`` stays ``numeric(12,2)``, not a bare ``numeric`` or ``varchar``. A user's ``CREATE TABLE
AS`` from the view, or a BI tool reading its columns, sees the table's types, as dbt's ``masked_columns`` and the
query path give them (:func:`maskline.adapters.pg_types.declared_type_sql`, the one home of those modifiers).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from tests.protect_database import Database, scratch_database

pytestmark = pytest.mark.postgres

TYPED = {"amount": "numeric(12,2)", "code": "varchar(20)", "country": "char(3)", "n": "integer", "note": "text",
         "rounded": "numeric(12,2)"}
SHAPE = ("data_type", "numeric_precision", "numeric_scale", "character_maximum_length")


@pytest.fixture(scope="module")
def db(pg_dsn: str) -> Iterator[Database]:
    with scratch_database(pg_dsn) as d:
        d.sql(f"CREATE TABLE {d.raw}.t ({', '.join(f'{c} {t}' for c, t in TYPED.items())})")
        d.sql(f"INSERT INTO {d.raw}.t VALUES (1234.56, 'AB-1', 'FRA', 7, 'x', 1234.56)")
        d.protect({**{c: {"method": "null"} for c in TYPED if c != "rounded"},
                   "rounded": {"method": {"method": "generalize", "bucket": 100}}})
        yield d


def _shape(db: Database, schema: str) -> dict[str, tuple[object, ...]]:
    rows = db.sql(f"SELECT column_name, {', '.join(SHAPE)} FROM information_schema.columns "
                  "WHERE table_schema = %s AND table_name = 't' ORDER BY ordinal_position", (schema,))
    return {r[0]: tuple(r[1:]) for r in rows}


def test_a_masked_view_keeps_the_declared_numeric_and_character_types_of_its_table(db: Database) -> None:
    table, view = _shape(db, db.raw), _shape(db, db.masked)
    assert view == table  # e.g. ('numeric', 12, 2, None), not ('numeric', None, None, None)
    assert table["amount"] == ("numeric", 12, 2, None) and table["code"][3] == 20  # not trivially equal


def test_a_table_created_from_the_view_has_the_tables_types(db: Database) -> None:
    db.sql(f"CREATE TABLE {db.raw}.copy AS SELECT * FROM {db.masked}.t")
    copied = db.sql("SELECT a.attname::text, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                    "WHERE a.attrelid = %s::regclass AND a.attnum > 0 ORDER BY a.attnum", (f"{db.raw}.copy",))
    assert dict(copied) == {"amount": "numeric(12,2)", "code": "character varying(20)", "country": "character(3)",
                            "n": "integer", "note": "text", "rounded": "numeric(12,2)"}
    assert db.sql(f"SELECT amount, code, country, rounded FROM {db.raw}.copy") == [(None, None, None, Decimal("1200.00"))]
