"""``maskline protect`` never builds a view that runs a database-defined type's code on raw values (real PostgreSQL).

A cast is found by its two types, not by the search path protect pins: the owner of an enum, a composite or a
range type can back its cast to text with a function of their own (``CREATE CAST (mood AS text) WITH FUNCTION
spy(mood)``). A masked view whose method reads the column's text (a hash, an e-mail or partial mask) binds that
function when it is created and calls it on every raw value each time ``maskline_reader`` reads the view. Here the
function records what it is handed in a table (``spy``): before this check it recorded every raw value the reader's
reads went through; now protect refuses the column, creating nothing. A method that does not read the value
(``null``, ``redact``) still masks such a column, and built-in scalar columns, domains over them and generated
columns are protected as before (the controls). Built-in types whose text has structure (``text[]``, ``jsonb``,
ranges) are masked only by a method whose output keeps nothing of the input.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import InputError, PolicyError
from maskline.policy import load_policy
from tests.protect_database import KEY, Database, scratch_database

pytestmark = pytest.mark.postgres
RAW = ("alice@example.com", "erin@example.com", "hank@example.com", "carol@example.com", "dave@example.com",
       "frank@example.com", "gina@example.com")


def _types(raw: str) -> str:
    """An enum, a composite and a range type of the raw schema, and an enum named text (``raw.text``, not
    ``pg_catalog.text``), each with a cast to text that records its argument in ``spy`` (SECURITY DEFINER: the
    reader's read writes it), and a domain over text whose CHECK, ``=`` and cast record theirs too."""
    rec = f"{raw}.rec"
    return f"""
    CREATE TABLE {raw}.spy (v pg_catalog.text);
    CREATE FUNCTION {rec}(v pg_catalog.text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
        AS $$ INSERT INTO {raw}.spy VALUES (v) RETURNING true $$;
    GRANT USAGE ON SCHEMA {raw} TO PUBLIC;
    GRANT EXECUTE ON FUNCTION {rec}(pg_catalog.text) TO PUBLIC;
    CREATE TYPE {raw}.mood AS ENUM ('alice@example.com');
    CREATE FUNCTION {raw}.mood_text(a {raw}.mood) RETURNS pg_catalog.text LANGUAGE sql
        AS $$ SELECT CASE WHEN {rec}(pg_catalog.format('%s', a)) THEN pg_catalog.format('%s', a) END $$;
    CREATE CAST ({raw}.mood AS pg_catalog.text) WITH FUNCTION {raw}.mood_text({raw}.mood);
    CREATE TYPE {raw}.addr AS (email pg_catalog.text, city pg_catalog.text);
    CREATE FUNCTION {raw}.addr_text(a {raw}.addr) RETURNS pg_catalog.text LANGUAGE sql
        AS $$ SELECT CASE WHEN {rec}((a).email) THEN (a).email END $$;
    CREATE CAST ({raw}.addr AS pg_catalog.text) WITH FUNCTION {raw}.addr_text({raw}.addr);
    CREATE TYPE {raw}.span AS RANGE (subtype = pg_catalog.text);
    CREATE FUNCTION {raw}.span_text(a {raw}.span) RETURNS pg_catalog.text LANGUAGE sql
        AS $$ SELECT CASE WHEN {rec}(pg_catalog.lower(a)) THEN pg_catalog.lower(a) END $$;
    CREATE CAST ({raw}.span AS pg_catalog.text) WITH FUNCTION {raw}.span_text({raw}.span);
    CREATE TYPE {raw}.text AS ENUM ('carol@example.com');
    CREATE FUNCTION {raw}.text_text(a {raw}.text) RETURNS pg_catalog.text LANGUAGE sql
        AS $$ SELECT CASE WHEN {rec}(pg_catalog.format('%s', a)) THEN pg_catalog.format('%s', a) END $$;
    CREATE CAST ({raw}.text AS pg_catalog.text) WITH FUNCTION {raw}.text_text({raw}.text);
    CREATE DOMAIN {raw}.town AS pg_catalog.text CHECK ({rec}(VALUE));
    CREATE FUNCTION {raw}.town_eq(a {raw}.town, b {raw}.town) RETURNS boolean LANGUAGE sql
        AS $$ SELECT {rec}(a::pg_catalog.text) AND a::pg_catalog.text OPERATOR(pg_catalog.=) b::pg_catalog.text $$;
    CREATE OPERATOR {raw}.= (LEFTARG = {raw}.town, RIGHTARG = {raw}.town, FUNCTION = {raw}.town_eq);
    CREATE TABLE {raw}.t (id integer, e {raw}.mood, c {raw}.addr, r {raw}.span, f {raw}.text,
        d {raw}.town, arr pg_catalog.text[], j jsonb, r2 int4range, born date,
        g pg_catalog.text GENERATED ALWAYS AS (d::pg_catalog.text || '!') STORED);
    INSERT INTO {raw}.t (id, e, c, r, f, d, arr, j, r2, born) VALUES (1, 'alice@example.com',
        ROW('erin@example.com', 'Paris'), {raw}.span('hank@example.com', 'zz'), 'carol@example.com',
        'dave@example.com', ARRAY['frank@example.com'], '{{"email": "gina@example.com"}}', int4range(1, 5),
        '1984-03-07');
    CREATE TABLE {raw}.plain (id integer, email pg_catalog.text);
    INSERT INTO {raw}.plain VALUES (1, 'ivan@example.com');
    TRUNCATE {raw}.spy;
    """


@pytest.fixture()
def db(pg_dsn: str) -> Iterator[Database]:
    with scratch_database(pg_dsn) as d:
        d.sql(_types(d.raw))
        yield d


def _protect_or_read(db: Database, columns: dict[str, dict[str, Any]]) -> InputError | None:
    """protect ``t``; when it does not refuse, read its view as the reader (what sends values through casts)."""
    try:
        db.protect(columns)
    except InputError as refused:
        return refused
    db.read_as_reader("SELECT * FROM {masked}.t")
    return None


@pytest.mark.parametrize(("column", "method", "raw"), [
    ("e", "hash", "alice@example.com"),  # an enum
    ("c", "email", "erin@example.com"),  # a composite type
    ("r", "partial", "hank@example.com"),  # a range type of the database
    ("f", "hmac", "carol@example.com"),  # raw.text, named like the built-in text
])
def test_a_database_defined_type_never_has_its_cast_run_on_raw_values(db: Database, column: str, method: str,
                                                                      raw: str) -> None:
    refused = _protect_or_read(db, {column: {"info_type": "EMAIL", "method": method}})
    assert raw not in db.spied()
    assert isinstance(refused, InputError)
    message = str(refused)
    assert f"column t.{column} has a type defined in the database" in message and "protect(tables=...)" in message
    assert "null or redact" in message and "staging view" in message
    # the type's own name is text its owner chose: never shown
    assert not any(name in message for name in ("mood", "addr", "span", "text ")) and db.raw not in message


def test_a_refused_column_leaves_nothing_created_even_for_the_tables_before_it(db: Database) -> None:
    from maskline.adapters.postgres import protect

    policy = load_policy({"unclassified": "pass",
                          "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL", "method": "hash"}}}}})
    with pytest.raises(InputError, match="column t.e"):
        protect(db.admin, policy, db.raw, ("plain", "t"), KEY, masked_schema=db.masked, reader=db.reader,
                private_schema=db.private)
    assert db.exists() == {"masked schema": False, "private schema": False, "role": False}


@pytest.mark.parametrize("method", ["null", "redact"])
def test_a_method_that_does_not_read_the_value_masks_any_type(db: Database, method: str) -> None:
    policy = {c: {"info_type": "EMAIL", "method": method} for c in ("e", "c", "r", "f", "arr", "j", "r2")}
    db.protect(policy)
    rows = db.read_as_reader("SELECT e, c, r, f, arr, j, r2 FROM {masked}.t")
    assert rows == [((None,) * 7 if method == "null" else ("[EMAIL]",) * 7)]
    assert db.spied() == []


@pytest.mark.parametrize(("column", "method", "type_name"), [
    ("arr", "email", "text[]"),
    ("arr", "partial", "text[]"),
    ("j", "char_mask", "jsonb"),
    ("r2", "partial", "int4range"),
])
def test_a_built_in_type_with_structured_text_is_masked_only_by_an_opaque_method(db: Database, column: str,
                                                                                   method: str, type_name: str) -> None:
    # Refused when the plan is built (maskline.methods.structure: the same rule as the query path and file
    # masking), naming the policy key that chose the method.
    with pytest.raises(PolicyError) as refused:
        db.protect({column: {"info_type": "EMAIL", "method": method}})
    message = str(refused.value)
    assert f"column t.{column} has type {type_name}" in message
    assert "value (redact, null)" in message  # keyed methods are refused on these types too
    assert f'datasets["t"].columns.{column}' in message
    assert db.exists()["masked schema"] is False


def test_a_keyed_method_on_arrays_and_json_is_refused(db: Database) -> None:
    # Their text is each engine's own ({a,b} here, [a, b] on DuckDB; jsonb reorders keys), so a token of it would
    # not join across engines: the plan refuses (tests/core/test_structured_keyed_parity.py); redact and null mask them.
    for column in ("arr", "j"):
        with pytest.raises(PolicyError) as refused:
            db.protect({column: {"info_type": "EMAIL", "method": "hash"}})
        assert "different token on DuckDB, PostgreSQL and Trino" in str(refused.value)
    assert db.exists()["masked schema"] is False


def test_built_in_columns_a_domain_and_a_generated_column_are_protected_and_masked_as_before(db: Database) -> None:
    # the control: these types have built-in casts only, and the domain's own = and CHECK are never called
    db.protect({"d": {"info_type": "EMAIL", "method": "email"}, "g": {"info_type": "EMAIL", "method": "email"},
                "born": {"info_type": "DATE_OF_BIRTH"}})  # generalized to the year
    rows = db.read_as_reader("SELECT d, g, born, id FROM {masked}.t WHERE d = d")
    assert rows == [("*****@example.com", "*****@example.com!", datetime.date(1984, 1, 1), 1)]
    assert db.spied() == []
    assert not any(raw in repr(rows) for raw in RAW)
