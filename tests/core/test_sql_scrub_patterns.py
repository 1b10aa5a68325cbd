"""The SQL scrub patterns remove whole spans on real DuckDB and PostgreSQL, never leaving a part behind."""

from __future__ import annotations

import duckdb
import pytest
from sqlglot import exp

from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression

CASES = [
    ("Write to josé.fernández@correo.es now", "Write to [EMAIL] now"),
    ("nancy.fernández77@example.com", "[EMAIL]"),
    ("IBAN SE4550000000058398257466 ok", "IBAN [IBAN] ok"),
    ("Refund to DE89370400440532013000; card 5500 0000 0000 0004 twice", "Refund to [IBAN]; card [CREDIT_CARD] twice"),
    ("WHERE email = 'dave@example.com'", "WHERE email = '[EMAIL]'"),
    ("ssn 123-45-6789, ip 10.1.2.3", "ssn [US_SSN], ip [IP_ADDRESS]"),
    ("call +1 415 555 0100 or (415) 555-0100", "call [PHONE] or [PHONE]"),
    ("order 5002 shipped", "order 5002 shipped"),
    ("masked already: *****@example.com and a*****@example.org", "masked already: *****@example.com and a*****@example.org"),
]


def _scrub_sql(dialect: str) -> str:
    return mask_expression(exp.column("v"), method_spec("scrub"), dialect, source_type="text").sql(dialect)


def test_duckdb_scrubs_whole_spans() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", [(i, raw) for i, (raw, _) in enumerate(CASES)])
    got = [r[0] for r in con.execute(f"SELECT {_scrub_sql('duckdb')} FROM t ORDER BY i").fetchall()]
    assert got == [want for _, want in CASES]


@pytest.mark.postgres
def test_postgres_scrubs_the_same_spans(pg_conn) -> None:
    with pg_conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE s (i INTEGER, v TEXT)")
        cur.executemany("INSERT INTO s VALUES (%s, %s)", [(i, raw) for i, (raw, _) in enumerate(CASES)])
        cur.execute(f"SELECT {_scrub_sql('postgres')} FROM s ORDER BY i")
        assert [r[0] for r in cur.fetchall()] == [want for _, want in CASES]


def test_each_pattern_alone_reads_one_type_in_card_and_phone_texts() -> None:
    """dbt's ``maskline_no_pii`` runs every pattern alone (not one after the other, as ``scrub`` does): a card's
    digits must not also read as a trunk-prefixed phone (``012 8888 8888`` inside ``4012 8888 8888 1881``)."""
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    con = duckdb.connect()
    texts = {"card 4012 8888 8888 1881 declined": {"CREDIT_CARD"}, "call 090-1234-5678 today": {"PHONE"},
             "折り返しは090-1234-5678まで": {"PHONE"}}
    for text, types in texts.items():
        hits = {t for t, p in SQL_SCRUB_PATTERNS if con.execute("SELECT regexp_matches(?, ?)", [text, p]).fetchone()[0]}
        assert hits == types, text


def test_every_pattern_is_printable_text() -> None:
    """GX writes a pattern into the SQL it shows with ``repr()``, then substitutes it with ``re.sub``: a character
    Python does not print (the ideographic space U+3000) becomes an escape that ``re.sub`` refuses, and every GX
    check on an SQL engine fails."""
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    assert [name for name, pattern in SQL_SCRUB_PATTERNS if not pattern.isprintable()] == []
