"""README (Checks with Great Expectations): `ExpectColumnValuesToNotContainPii`, with no `info_types`, passes what
maskline masked, with every method, on GX's SQL data source (PostgreSQL) and through pandas; raw values fail it as
they did, and so does raw PII glued into a word or written in lower-case hex characters.

The SQL patterns have no token boundaries, so they found IBANs and cards inside nearly every 64-character hex token
(`hash`, `hmac`): the check now reads a value that is such a token as a whole as no PII
(maskline/methods/digest_token.py). Real PostgreSQL and DuckDB, fresh values drawn with a seed, masked by
maskline's core SQL."""

from __future__ import annotations

from typing import Any

import pytest

from tests.masked_outputs import masked_tables, methods_for, raw_in_words, raw_values

ROWS = 300


@pytest.fixture(scope="module")
def tables() -> Any:
    import duckdb

    con = duckdb.connect()
    raw = raw_values(ROWS)
    masked_tables(con, raw)
    con.execute("CREATE TABLE words AS SELECT unnest(?::VARCHAR[]) AS v", [raw_in_words()])
    con.execute("CREATE TABLE short_tokens AS SELECT unnest(?::VARCHAR[]) AS v",
                [["ab30569309025904", "4111111111111111", "ab3056930902590c"]])
    yield con, list(raw)
    con.close()


@pytest.fixture(scope="module")
def pg_tables(pg_module_dsn: str, tables: Any) -> str:
    import psycopg2

    con, _ = tables
    names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    conn = psycopg2.connect(pg_module_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        for name in names:
            result = con.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in result.description]
            cur.execute(f"CREATE TABLE {name} ({', '.join(f'{c} text' for c in columns)})")
            cur.executemany(f"INSERT INTO {name} VALUES ({', '.join(['%s'] * len(columns))})", result.fetchall())
    conn.close()
    return pg_module_dsn


def _results(context: Any, batch: Any, columns: list[str]) -> dict[str, Any]:
    import uuid

    import great_expectations as gx

    from maskline.expectations import ExpectColumnValuesToNotContainPii

    suite = context.suites.add(gx.ExpectationSuite(name=f"no_pii_{uuid.uuid4().hex[:8]}"))
    for column in columns:
        suite.add_expectation(ExpectColumnValuesToNotContainPii(column=column))
    out = {}
    for r in batch.validate(suite).results:
        assert not r.exception_info.get("raised_exception"), r.exception_info  # an error is no verdict
        out[r.expectation_config.kwargs["column"]] = r
    return out


def _batches(engine: str, context: Any, tables: Any, request: pytest.FixtureRequest) -> Any:
    from maskline.expectations.batches import duckdb_batch, sql_batch

    if engine == "postgres":
        dsn = request.getfixturevalue("pg_tables")
        return lambda name: sql_batch(context, dsn, f"public.{name}")
    return lambda name: duckdb_batch(context, tables[0], name)


ENGINES = [pytest.param("postgres", marks=pytest.mark.postgres), "pandas"]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_methods_output_passes_the_check(engine: str, tables: Any, gx_context: Any,
                                                request: pytest.FixtureRequest) -> None:
    batch = _batches(engine, gx_context, tables, request)
    flagged = {}
    for column in tables[1]:
        results = _results(gx_context, batch(f"masked_{column}"), [name for name, _, _ in methods_for(column)])
        flagged.update({(column, name): r.result["unexpected_count"] for name, r in results.items() if not r.success})
    assert flagged == {}


@pytest.mark.parametrize("engine", ENGINES)
def test_raw_values_fail_as_they_did(engine: str, tables: Any, gx_context: Any,
                                     request: pytest.FixtureRequest) -> None:
    """The control: over raw values the token reading changes no verdict (the condition without it flags the same
    rows), and the check flags most of them."""
    import pandas as pd
    import sqlalchemy as sa

    from maskline.expectations.pii_conditions import pandas_contains_pii, sql_contains_pii

    batch = _batches(engine, gx_context, tables, request)
    for column in tables[1]:
        result = _results(gx_context, batch(f"raw_{column}"), ["v"])["v"]
        if engine == "postgres":
            engine_ = sa.create_engine(request.getfixturevalue("pg_tables"))
            with engine_.connect() as c:
                before = c.execute(sa.select(sa.func.count()).where(
                    sql_contains_pii(sa.column("v"), None)).select_from(sa.table(f"raw_{column}"))).scalar_one()
            engine_.dispose()
        else:
            before = int(pandas_contains_pii(pd.Series(tables[0].execute(f"SELECT v FROM raw_{column}").df()["v"]),
                                             None).sum())
        assert result.result["unexpected_count"] == before > ROWS // 2, column


@pytest.mark.parametrize("engine", ENGINES)
def test_raw_pii_in_words_and_hex_characters_still_fails(engine: str, tables: Any, gx_context: Any,
                                                         request: pytest.FixtureRequest) -> None:
    """ref4111111111111111, IBAN:DE89…, a lower-cased German IBAN (every character a hex one), a bare card, a card
    after one letter: each value fails."""
    result = _results(gx_context, _batches(engine, gx_context, tables, request)("words"), ["v"])["v"]
    assert result.result["unexpected_count"] == len(raw_in_words())


@pytest.mark.parametrize("engine", ENGINES)
def test_a_short_token_whose_tail_is_a_card_run_fails_closed(engine: str, tables: Any, gx_context: Any,
                                                              request: pytest.FixtureRequest) -> None:
    """A 16-character value whose last fourteen characters are digits (here a Luhn-valid card number, so that pandas'
    validators take it too) has no letter past its first two: it has the form of a lower-cased IBAN or a card glued
    to two characters, and is read as before (fail closed), as is a bare card; the same value with a letter at its
    end is a token's form, and passes. About 1 token in 700 of 16 characters is of the first form."""
    result = _results(gx_context, _batches(engine, gx_context, tables, request)("short_tokens"), ["v"])["v"]
    assert result.result["unexpected_count"] == 2
