"""Seeded PII tables for the rewrite tests, and every form in which a raw value could leak.

The values are distinctive (none is in the ``fake`` word lists, all are long
enough not to appear by chance in a token), so finding one in a result is a
leak, never a coincidence.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

POLICY = {
    "version": 1,
    "unclassified": "pass",  # id, city, tier... are not sensitive; the fail-closed default is tested on its own
    "datasets": {
        "customers": {"columns": {
            "name": {"info_type": "PERSON_NAME"},
            "email": {"info_type": "EMAIL"},
            "ssn": {"info_type": "US_SSN"},
            "phone": {"info_type": "PHONE"},
            "username": {"info_type": "USERNAME"},
            "passport": {"info_type": "PASSPORT", "method": "hash"},
            "dob": {"info_type": "DATE_OF_BIRTH"},
        }},
        "orders": {"columns": {"card": {"info_type": "CREDIT_CARD"}}},
        "sessions": {"columns": {"ip": {"info_type": "IP_ADDRESS"}}},
    },
}

# (name, duckdb type, postgres type)
COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "customers": [("id", "INTEGER", "integer"), ("name", "VARCHAR", "text"), ("email", "VARCHAR", "text"),
                  ("ssn", "VARCHAR", "text"), ("phone", "VARCHAR", "text"), ("username", "VARCHAR", "text"),
                  ("passport", "VARCHAR", "text"), ("dob", "DATE", "date"), ("city", "VARCHAR", "text"),
                  ("tier", "INTEGER", "integer")],
    "orders": [("id", "INTEGER", "integer"), ("customer_id", "INTEGER", "integer"), ("amount", "INTEGER", "integer"),
               ("card", "VARCHAR", "text"), ("status", "VARCHAR", "text")],
    "sessions": [("id", "INTEGER", "integer"), ("customer_id", "INTEGER", "integer"), ("ip", "VARCHAR", "text"),
                 ("device", "VARCHAR", "text")],
}

CUSTOMERS: list[tuple[Any, ...]] = [
    (1, "Zebulon Quartermaine", "zebulon.quartermaine@quillfeather-mail.example", "219-09-9999", "+1 415 555 0134",
     "zquartermaine77", "X98234571", dt.date(1981, 4, 17), "Springfield", 1),
    (2, "Philomena Oyelaran-Brightwater", "p.oyelaran@harbourpost.example", "078-05-1120", "+44 20 7946 0958",
     "philo_bright_22", "P55120938", dt.date(1975, 11, 3), "Shelbyville", 2),
    (3, "Ignatius Featherstonehaugh", "ignatius.fh@featherstone-inbox.example", "536-22-8134", "+49 30 901820",
     "ignatius_f_1990", "K77413306", dt.date(1990, 1, 29), "Springfield", 1),
    (4, "Wilhelmina Achterberg", "w.achterberg1962@polder-net.example", "412-61-3907", "+31 20 555 7781",
     "wil_achterberg", "N31876025", dt.date(1962, 8, 8), "Capital City", 3),
    (5, "Bartholomew Okonkwo", "bart.okonkwo@lagos-mailhub.example", "301-74-5582", "+234 803 555 0199",
     "b_okonkwo_lagos", "A44650817", None, "Ogdenville", 2),
]
ORDERS: list[tuple[Any, ...]] = [
    (10, 1, 120, "4111111111111111", "shipped"), (11, 1, 75, "5500005555555559", "open"),
    (12, 2, 300, "340000000000009", "shipped"), (13, 3, 42, "6011000990139424", "cancelled"),
    (14, 4, 999, "3530111333300000", "open"), (15, 5, 18, None, "shipped"),
]
SESSIONS: list[tuple[Any, ...]] = [
    (100, 1, "203.0.113.195", "laptop"), (101, 2, "198.51.100.77", "phone"), (102, 3, "192.0.2.146", "tablet"),
    (103, 4, "203.0.113.250", "laptop"), (104, 5, "198.51.100.203", "phone"),
]
ROWS = {"customers": CUSTOMERS, "orders": ORDERS, "sessions": SESSIONS}
SENSITIVE = {t: [c for c in d["columns"]] for t, d in POLICY["datasets"].items()}  # type: ignore[index]


def raw_values() -> list[str]:
    """Every seeded value of a sensitive column, as text."""
    out = []
    for table, cols in SENSITIVE.items():
        names = [c[0] for c in COLUMNS[table]]
        for row in ROWS[table]:
            for col in cols:
                v = row[names.index(col)]
                if v is not None:
                    out.append(v.isoformat() if isinstance(v, dt.date) else str(v))
    return out


def leak_needles() -> list[str]:
    """What must never appear in a result: each raw value, reversed, stripped to letters and digits,
    an e-mail's local part and each long word of a name (all compared case-insensitively)."""
    needles: set[str] = set()
    for v in raw_values():
        needles.add(v)
        needles.add(v[::-1])
        alnum = re.sub(r"[^0-9A-Za-z]", "", v)
        if len(alnum) >= 8:
            needles.add(alnum)
            needles.add(alnum[::-1])
        if "@" in v:
            needles.add(v.split("@")[0])
        if " " in v and not v.startswith("+"):
            needles.update(w for w in re.split(r"[\s-]+", v) if len(w) >= 6)
    return sorted((n.lower() for n in needles if len(n) >= 6), key=len)


def find_leaks(rows: list[tuple[Any, ...]], needles: list[str]) -> list[str]:
    """Needles found in any cell (recursing into lists, dicts and tuples), case-insensitively."""
    found = []
    for row in rows:
        text = _flatten(row).lower()
        found.extend(n for n in needles if n in text)
    return sorted(set(found))


def _flatten(value: Any) -> str:
    if isinstance(value, dict):
        return " | ".join(f"{_flatten(k)}={_flatten(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set)):
        return " | ".join(_flatten(v) for v in value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def create_duckdb(con: Any) -> None:
    for table, cols in COLUMNS.items():
        con.execute(f"CREATE TABLE {table} ({', '.join(f'{n} {t}' for n, t, _ in cols)})")
        marks = ", ".join("?" for _ in cols)
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", ROWS[table])


def create_postgres(cur: Any, schema: str) -> None:
    cur.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    cur.execute(f"CREATE SCHEMA {schema}")
    cur.execute(f"SET search_path TO {schema}")
    for table, cols in COLUMNS.items():
        cur.execute(f"CREATE TABLE {table} ({', '.join(f'{n} {t}' for n, _, t in cols)})")
        marks = ", ".join("%s" for _ in cols)
        cur.executemany(f"INSERT INTO {table} VALUES ({marks})", ROWS[table])
