"""The people table and the policy of the same-policy test: every kind of rule the policy has.

- ``datasets:`` columns (email through ``methods:``, ssn with an explicit method, birth_date a default);
- ``methods:`` overrides (EMAIL, PHONE, FREE_TEXT_WITH_PII);
- a custom info type (EMPLOYEE_ID) that only the stored scan finds, masked by its own method;
- an ``allow_list`` and ``unmask_for`` (which change nothing in a static table: unmask_for is for role-aware views);
- columns the policy never names, masked or passed by the stored scan's verdicts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

POLICY = """\
version: 1
# Derivation 2 (what maskline writes for new policies): every face must compute hash and fake in their own domains.
key: {env: MASKLINE_KEY, derivation: 2}
unclassified: pass
methods:
  EMAIL: {method: hmac, length: 16}
  PHONE: {method: partial, keep_last: 2}
  # scrub without info_types adds a Python prose pass (names, addresses) where maskline runs the masking itself
  # (maskline mask, DataFrames), which no warehouse SQL can run: naming the SQL patterns gives every face the
  # same tokens (see maskline/engine/prose_pass.py).
  FREE_TEXT_WITH_PII: {method: scrub, info_types: [CREDIT_CARD, EMAIL, IBAN, IP_ADDRESS, PHONE, US_SSN]}
info_types:
  EMPLOYEE_ID:
    category: identifier
    pattern: "^EMP-[0-9]{5}$"
    name_hints: [employee_id, staff_no]
    method: {method: hash, length: 20}
datasets:
  people:
    columns:
      email: {info_type: EMAIL}
      ssn: {info_type: US_SSN, method: {method: partial, keep_last: 4, mask_char: "#"}}
      birth_date: {info_type: DATE_OF_BIRTH}
allow_list: [noreply@example.org]
unmask_for: [role:pii_reader]
"""

COLUMNS = (("id", "integer"), ("full_name", "text"), ("email", "text"), ("phone", "text"), ("ssn", "text"),
           ("employee_id", "text"), ("birth_date", "date"), ("iban", "text"), ("city", "text"), ("notes", "text"),
           ("nickname", "text"))
FIRST = ("Maria", "Jonas", "Aiko", "Omar", "Lena", "Pedro", "Sofia", "Tomas", "Ingrid", "Kwame", "Chloe", "Rafael")
LAST = ("Lopez", "Weber", "Tanaka", "Haddad", "Novak", "Silva", "Rossi", "Berg", "Larsen", "Mensah", "Dubois", "Costa")
CITIES = ("Chicago", "Berlin", "Osaka", "Lisbon", "Oslo", "Accra")
IBANS = ("DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "NL91 ABNA 0417 1643 00",
         "FR14 2004 1010 0505 0001 3M02 606")
NICKNAMES = ("sunny", "blue fox", "the captain", "moss", "kiwi", "rocket")


def people(n: int = 36) -> list[dict[str, Any]]:
    """Deterministic rows, with NULLs in some sensitive columns (NULL must stay NULL in every face)."""
    rows = []
    for i in range(n):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 5) % len(LAST)]
        email = f"{first.lower()}.{last.lower()}{i}@example.org"
        phone = f"+1 312 555 {100 + i:04d}"
        rows.append({
            "id": i + 1,
            "full_name": f"{first} {last}",
            "email": None if i % 11 == 5 else email,
            "phone": None if i % 13 == 7 else phone,
            "ssn": f"{123 + i:03d}-{45 + i % 40:02d}-{6789 - i:04d}",
            "employee_id": f"EMP-{10000 + i * 37:05d}",
            "birth_date": dt.date(1960 + i % 40, 1 + i % 12, 2 + i % 27),  # never 1 January: it would not change
            "iban": IBANS[i % len(IBANS)],
            "city": CITIES[i % len(CITIES)],
            "notes": None if i % 7 == 3 else (f"Call {first} on {phone} or write to {email}" if i % 2 else
                                              f"{first} asked about the invoice"),
            "nickname": NICKNAMES[i % len(NICKNAMES)],
        })
    return rows


def raw_values(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> set[str]:
    """The raw text of the given columns, to prove a face did mask them."""
    return {str(r[c]) for r in rows for c in columns if r[c] is not None}


def seed_duckdb(path: Any) -> None:
    """Create the ``people`` table in the DuckDB file at ``path`` and fill it with :func:`people`.

    >>> import tempfile, pathlib, duckdb
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "w.duckdb"
    >>> seed_duckdb(db)
    >>> duckdb.connect(str(db)).execute("SELECT count(*) FROM people").fetchall()
    [(36,)]
    """
    import duckdb

    con = duckdb.connect(str(path))
    try:
        con.execute("CREATE TABLE people (" + ", ".join(f"{c} {t.upper() if t != 'text' else 'VARCHAR'}"
                                                         for c, t in COLUMNS) + ")")
        con.executemany(f"INSERT INTO people VALUES ({', '.join('?' for _ in COLUMNS)})",
                        [[r[c] for c, _ in COLUMNS] for r in people()])
    finally:
        con.close()
