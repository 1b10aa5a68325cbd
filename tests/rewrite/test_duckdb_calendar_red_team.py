"""Red team (round redteam12): a DuckDB session's ``Calendar`` decided what a mask of an instant computed.

DuckDB reads a ``TIMESTAMPTZ`` through ICU, in the session's calendar (``SET Calendar = 'japanese'``, ``'hebrew'``,
``'buddhist'``...: a host's or a notebook's setting, kept by the connection the safe query path is handed). The
canonical text of an instant and its UTC day were built with ``timezone('UTC', v)``, whose wall clock ICU writes in
that calendar: under ``japanese`` the instant ``2024-04-17 23:30:00.5+00`` read as year 6 (Reiwa), under ``hebrew``
as year 5784 before Christ, so ``partial`` kept another calendar's year and month, ``generalize: {to: day}`` gave a
day of year 6, and ``hash``/``hmac`` tokens of one instant differed from session to session (and from PostgreSQL's
and the core's, which read the Gregorian calendar), so they joined with nothing. The UTC wall clock is now built from
the instant's microseconds since the epoch (``make_timestamp(epoch_us(v))``), which no calendar setting reads.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pytest

from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

INSTANT = "TIMESTAMPTZ '2024-04-17 23:30:00.5+00'"
CALENDARS = ("japanese", "hebrew", "buddhist", "islamic", "coptic")
METHODS: dict[str, Any] = {
    "partial": {"method": "partial", "keep_first": 8},
    "char_mask": "char_mask",
    "hash": "hash",
    "hmac": "hmac",
    "day": {"method": "generalize", "to": "day"},
    "month": {"method": "generalize", "to": "month"},
    "year": {"method": "generalize", "to": "year"},
}


def _connection(calendar: str = "gregorian") -> Any:
    con = duckdb.connect()
    con.execute(f"CREATE TABLE ev AS SELECT 1 AS id, {INSTANT} AS at UNION ALL SELECT 2, TIMESTAMPTZ 'infinity' "
                "UNION ALL SELECT 3, NULL")
    con.execute(f"SET Calendar = '{calendar}'")
    return con


def _masked(con: Any, method: Any) -> list[Any]:
    policy = load_policy({"unclassified": "pass", "datasets": {"ev": {"columns": {"at": {"method": method}}}}})
    rows = run_masked(con, rewrite("SELECT at FROM ev ORDER BY id", policy, "duckdb", connection=con),
                      key_material()).rows
    return [row[0] for row in rows]


def test_control_the_session_calendar_moves_the_utc_wall_clock() -> None:
    con = _connection("japanese")
    assert con.execute(f"SELECT timezone('UTC', {INSTANT})").fetchone()[0].year == 6


def test_in_a_gregorian_session_the_masks_read_the_iso_instant() -> None:
    con = _connection()
    assert _masked(con, METHODS["partial"])[0] == "2024-04-**************"
    assert _masked(con, METHODS["day"])[0] == dt.date(2024, 4, 17)
    assert _masked(con, METHODS["year"])[0] == dt.date(2024, 1, 1)


@pytest.mark.parametrize("calendar", CALENDARS)
@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_mask_of_an_instant_is_the_same_in_every_calendar(calendar: str, method: str) -> None:
    assert _masked(_connection(calendar), METHODS[method]) == _masked(_connection(), METHODS[method])


def test_a_token_of_an_instant_is_that_of_its_canonical_text() -> None:
    """A token hashes the instant's canonical text, ``2024-04-17T23:30:00.5Z`` (PostgreSQL's and the core's)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE ev AS SELECT 1 AS id, '2024-04-17T23:30:00.5Z' AS at")
    for method in ("hash", "hmac"):
        assert _masked(_connection("hebrew"), method)[0] == _masked(con, method)[0]
