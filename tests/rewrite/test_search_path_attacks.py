"""Objects on the session's search path never run inside a masked query on PostgreSQL (red team, search path).

PostgreSQL resolves every unqualified function, operator and type name through the session's ``search_path``. An
object someone created in a schema on that path wins over the built-in one when it matches its arguments better
(a domain's own ``=``), when the path lists ``pg_catalog`` after its schema (``public.lower``), or, for types,
when it sits in ``pg_temp``, which is searched first unless the path names it. It then runs inside maskline's
masking expressions, on raw values, in a session that holds the key. A cast is found by its two types, whatever
the path, so a type its owner gave a cast of its own carries that function into the masking expressions too.

Each attack below records every call of its function (with the key setting the session holds, as the red team's
operator did) in a table. Through the safe path it is called 0 times; since round pgcatalog the rewritten SQL names
``pg_catalog`` for every function and operator, so run directly on the same session it is not called either (the
control is an unqualified call on that session, which is). Before that round, the rewritten SQL run directly,
as maskline did before the search path was pinned, called the function,
on raw values or with the key. The last tests show the pinned path changes no answer and leaves the session's
own path as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from maskline.rewrite import rewrite
from tests.rewrite.engines import run_masked
from tests.rewrite.pii_data import CUSTOMERS

pytestmark = pytest.mark.postgres

@dataclass
class Attacker:
    """Objects an attacker created in ``public`` (or ``pg_temp``) of the test database, and their call log."""

    pg: Any
    schema: str  # the data schema (the session's current schema)
    tag: str
    drops: list[str] = field(default_factory=list)

    @property
    def log(self) -> str:
        return f"public.calls_{self.tag}"

    def record(self, value: str = "v::text") -> str:
        """The statement each attacker function runs: the value it was handed, and the key it can read."""
        return (f"INSERT INTO {self.log} VALUES (coalesce(pg_catalog.current_setting('maskline.salt', true), ''), "
                f"{value})")

    def key_seen(self, calls: list[tuple[str, str | None]]) -> bool:
        """Whether a call read the key's salt the session holds."""
        salt = self.direct("SELECT pg_catalog.current_setting('maskline.salt')")[0][0]
        return bool(salt) and any(seen_salt == salt for seen_salt, _ in calls)

    def run(self, *statements: str) -> None:
        with self.pg.cursor() as cur:
            for statement in statements:
                cur.execute(statement)

    def calls(self) -> list[tuple[str, str | None]]:
        with self.pg.cursor() as cur:
            cur.execute(f"SELECT salt, seen FROM {self.log}")
            rows = [(str(r[0]), r[1]) for r in cur.fetchall()]
            cur.execute(f"TRUNCATE {self.log}")
        return rows

    def path(self, path: str) -> None:
        self.run(f"SET search_path = {path.format(data=self.schema)}")

    def direct(self, sql: str) -> list[tuple[Any, ...]]:
        """The control: ``sql`` run on the session as it is (no pinned path)."""
        with self.pg.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())


@pytest.fixture()
def attacker(pg: Any) -> Iterator[Attacker]:
    with pg.cursor() as cur:
        cur.execute("SELECT pg_catalog.current_schema()")
        schema = str(cur.fetchone()[0])
    a = Attacker(pg, schema, uuid.uuid4().hex[:8])
    a.run(f"CREATE TABLE {a.log} (salt text, seen text)")
    a.drops.append(f"DROP TABLE IF EXISTS {a.log}")
    yield a
    a.run(f"SET search_path = {schema}")
    for statement in reversed(a.drops):
        a.run(statement)


def _raw_names() -> set[str]:
    return {str(c[1]).lower() for c in CUSTOMERS}


def test_an_operator_in_public_earlier_on_the_path_is_never_called(attacker: Attacker, pii_policy: Any) -> None:
    a = attacker
    a.run(f"CREATE FUNCTION public.eq_{a.tag}(v text, w text) RETURNS boolean LANGUAGE plpgsql AS $$ "
          f"BEGIN {a.record()}; RETURN v OPERATOR(pg_catalog.=) w; END $$",
          f"CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.eq_{a.tag})")
    a.drops.append(f"DROP FUNCTION public.eq_{a.tag}(text, text) CASCADE")
    a.path("{data}, public, pg_catalog")
    sql = "SELECT id, email FROM customers WHERE city = 'Springfield'"
    out = run_masked(sql, pii_policy, "postgres", a.pg)
    assert out.refused is None and out.error is None
    assert sorted(r[0] for r in out.rows[1:]) == [1, 3]
    assert a.calls() == []
    # The rewritten SQL names OPERATOR(pg_catalog.=) itself: run directly on the same session (no pinned path), it
    # still calls nothing of the path (round pgcatalog). Control: an unqualified = on the session calls the operator.
    assert out.sql is not None
    a.direct(out.sql)
    assert a.calls() == []
    a.direct("SELECT 'a'::text = 'b'::text")
    assert a.calls()


def test_a_function_shadowing_a_builtin_never_sees_raw_values(attacker: Attacker, pii_policy: Any) -> None:
    a = attacker
    a.run(f"CREATE FUNCTION public.lower(v text) RETURNS text LANGUAGE plpgsql AS $$ "
          f"BEGIN {a.record()}; RETURN pg_catalog.lower(v); END $$")
    a.drops.append("DROP FUNCTION public.lower(text)")
    a.path("{data}, public, pg_catalog")
    out = run_masked("SELECT lower(city), name FROM customers", pii_policy, "postgres", a.pg)
    assert out.refused is None and out.error is None
    assert sorted(r[0] for r in out.rows[1:]) == sorted(str(c[8]).lower() for c in CUSTOMERS)
    assert a.calls() == []
    # Run directly (no pinned path), maskline's own masking expression names pg_catalog.lower: no raw name reaches
    # the path's lower (round pgcatalog). Control: an unqualified lower on the session calls it.
    assert out.sql is not None
    a.direct(out.sql)
    assert not _raw_names() & {str(v).lower() for _, v in a.calls()}
    assert a.calls() == []
    a.direct("SELECT lower('Zed'::text)")
    assert a.calls()


def test_a_domain_over_text_with_its_own_operator_is_never_called(attacker: Attacker, pii_policy: Any) -> None:
    """pg_catalog is searched first here (the path does not name it), yet the domain's ``=`` matches exactly."""
    a = attacker
    a.run(f"CREATE DOMAIN public.town_{a.tag} AS text",
          f"CREATE FUNCTION public.eq_{a.tag}(v public.town_{a.tag}, w public.town_{a.tag}) RETURNS boolean "
          f"LANGUAGE plpgsql AS $$ BEGIN {a.record()}; RETURN v::text OPERATOR(pg_catalog.=) w::text; END $$",
          f"CREATE OPERATOR public.= (LEFTARG = public.town_{a.tag}, RIGHTARG = public.town_{a.tag}, "
          f"FUNCTION = public.eq_{a.tag})",
          f"ALTER TABLE customers ALTER COLUMN city TYPE public.town_{a.tag}")
    a.drops.append(f"DROP DOMAIN public.town_{a.tag} CASCADE")
    a.drops.append(f"DROP FUNCTION IF EXISTS public.eq_{a.tag}(public.town_{a.tag}, public.town_{a.tag}) CASCADE")
    a.drops.append(f"ALTER TABLE {a.schema}.customers ALTER COLUMN city TYPE text")
    a.path("{data}, public")
    out = run_masked("SELECT id FROM customers WHERE city = 'Springfield'", pii_policy, "postgres", a.pg)
    assert out.refused is None and out.error is None  # a domain over a built-in type is not refused
    assert sorted(r[0] for r in out.rows[1:]) == [1, 3]
    assert a.calls() == []
    assert out.sql is not None
    a.direct(out.sql)  # OPERATOR(pg_catalog.=): the domain's own = is not called, even without the pinned path
    assert a.calls() == []
    a.direct(f"SELECT 'a'::public.town_{a.tag} = 'b'::public.town_{a.tag}")  # control: an unqualified = calls it
    assert a.calls()


MOOD = "'mood'"  # what the cast function records (its argument cast to text would call itself)


def test_a_type_with_a_cast_of_its_own_is_refused_before_anything_runs(attacker: Attacker,
                                                                       pii_policy: Any) -> None:
    """A cast is found by its types, not through the path: the table is refused, and so is a cast to the type."""
    a = attacker
    a.run(f"CREATE TYPE public.mood_{a.tag} AS ENUM ('calm', 'tense')",
          f"CREATE FUNCTION public.cast_{a.tag}(v public.mood_{a.tag}) RETURNS text LANGUAGE plpgsql AS $$ "
          f"BEGIN {a.record(MOOD)}; RETURN 'x'; END $$",
          f"CREATE CAST (public.mood_{a.tag} AS text) WITH FUNCTION public.cast_{a.tag}(public.mood_{a.tag}) "
          "AS IMPLICIT",
          f"CREATE TABLE moods (id integer, mood public.mood_{a.tag})",
          "INSERT INTO moods VALUES (1, 'calm'), (2, 'tense')")
    a.drops.append(f"DROP TYPE public.mood_{a.tag} CASCADE")
    a.drops.append(f"DROP TABLE IF EXISTS {a.schema}.moods")
    out = run_masked("SELECT id, CAST(mood AS TEXT) AS m FROM moods", pii_policy, "postgres", a.pg)
    assert out.refused is not None and "moods.mood" in out.refused and "built-in" in out.refused
    cast = run_masked(f"SELECT id FROM customers WHERE CAST(city AS public.mood_{a.tag}) IS NULL", pii_policy,
                      "postgres", a.pg)
    assert cast.refused is not None and "CAST" in cast.refused
    assert a.calls() == []
    # Control: the same cast run directly calls the type owner's function, with the key in the session.
    a.direct("SELECT id, CAST(mood AS TEXT) FROM moods")
    calls = a.calls()
    assert len(calls) == 2 and a.key_seen(calls)
    # And a table of built-in types only beside it is not refused.
    plain = run_masked("SELECT id FROM customers WHERE tier = 1", pii_policy, "postgres", a.pg)
    assert plain.refused is None and sorted(r[0] for r in plain.rows[1:]) == [1, 3]


def test_a_temporary_type_shadowing_a_builtin_never_runs(attacker: Attacker, pii_policy: Any) -> None:
    """pg_temp is searched first for types when the path does not name it: ``CAST(... AS DATE)`` in maskline's
    generalization of the birth date would build the session's temporary ``date``, whose check runs with the key
    in the session. Pinned, pg_temp comes last. (An operator in pg_temp is never found unqualified, and
    ``OPERATOR(pg_temp.=)`` is refused by the operator allow-list: that half is the control below.) Since round
    pgcatalog2 the printed SQL names ``pg_catalog.date`` itself: run directly in the attacker's unpinned session (it
    built the temporary ``date`` before), it builds pg_catalog's too."""
    a = attacker
    a.run(f"CREATE FUNCTION public.chk_{a.tag}(v pg_catalog.date) RETURNS boolean LANGUAGE plpgsql AS $$ "
          f"BEGIN {a.record()}; RETURN true; END $$",
          f"CREATE DOMAIN pg_temp.date AS pg_catalog.date CHECK (public.chk_{a.tag}(VALUE))",
          "CREATE OPERATOR pg_temp.= (LEFTARG = text, RIGHTARG = text, FUNCTION = pg_catalog.texteq)")
    a.drops.append(f"DROP FUNCTION public.chk_{a.tag}(pg_catalog.date) CASCADE")
    a.drops.append("DROP OPERATOR IF EXISTS pg_temp.= (text, text)")
    out = run_masked("SELECT id, dob FROM customers WHERE city = 'Springfield'", pii_policy, "postgres", a.pg)
    assert out.refused is None and out.error is None
    assert a.calls() == []
    refused = run_masked("SELECT id FROM customers WHERE city OPERATOR(pg_temp.=) 'Springfield'", pii_policy,
                         "postgres", a.pg)
    assert refused.refused is not None and "OPERATOR" in refused.refused
    assert out.sql is not None
    assert "pg_catalog.date" in out.sql
    a.direct(out.sql)
    assert a.calls() == []


def test_the_pinned_path_changes_no_answer_and_the_session_keeps_its_own(attacker: Attacker,
                                                                        pii_policy: Any) -> None:
    a = attacker
    a.path("{data}, public")
    sql = "SELECT id, email, lower(city) AS c, dob FROM customers WHERE tier = 1 ORDER BY id"
    out = run_masked(sql, pii_policy, "postgres", a.pg)
    assert out.sql is not None and out.refused is None and out.error is None
    assert out.rows[1:] == a.direct(out.sql)  # no shadowing object: the same rows as the unpinned run
    assert a.direct("SHOW search_path") == [(f"{a.schema}, public",)]


def test_inside_the_callers_transaction_the_path_is_put_back(attacker: Attacker, pii_policy: Any) -> None:
    from maskline.rewrite.run import run_masked as run

    a = attacker
    rewritten = rewrite("SELECT id FROM customers WHERE tier = 1", pii_policy, "postgres", connection=a.pg)
    a.pg.autocommit = False
    try:
        rows = run(a.pg, rewritten, key_loaded=True).rows
        assert sorted(rows) == [(1,), (3,)]
        assert a.direct("SHOW search_path") == [(a.schema,)]
    finally:
        a.pg.rollback()
        a.pg.autocommit = True
