"""Test data for the GX expectations: a raw customers table, the policy that masks it, and helpers.

The values are realistic (valid SSN areas, Luhn-valid cards, real number
plans) so the pandas detectors and the SQL patterns agree on them.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

POLICY: dict[str, Any] = {
    "version": 1,
    "key": {"env": "MASKLINE_KEY"},
    "methods": {
        "EMAIL": {"method": "email"},
        "US_SSN": {"method": "partial", "keep_last": 4},
        "PHONE": {"method": "hmac", "length": 16},
        "CREDIT_CARD": {"method": "char_mask"},
        "DATE_OF_BIRTH": {"method": "generalize", "to": "year"},
        "PERSON_NAME": {"method": "fake"},
        "PASSWORD": {"method": "redact"},
    },
    "datasets": {
        "customers": {
            "columns": {
                "id": {"pass": True},  # the core masks unnamed columns by default; the tests keep ids readable
                "email": {"info_type": "EMAIL"},
                "ssn": {"info_type": "US_SSN"},
                "phone": {"info_type": "PHONE"},
                "card": {"info_type": "CREDIT_CARD"},
                "notes": {"info_type": "FREE_TEXT_WITH_PII"},
                "dob": {"info_type": "DATE_OF_BIRTH"},
                "full_name": {"info_type": "PERSON_NAME"},
                "password": {"info_type": "PASSWORD"},
                "amount": {"method": {"method": "generalize", "bucket": 10}},
            }
        }
    },
}

COLUMNS: dict[str, str] = {  # name -> SQL type, for PostgreSQL and DuckDB tables
    "id": "integer", "email": "text", "ssn": "text", "phone": "text", "card": "text", "notes": "text",
    "dob": "date", "full_name": "text", "password": "text", "amount": "integer",
}

_D = datetime.date
ROWS: list[tuple[Any, ...]] = [
    (1, "ana.lopez@correo.es", "536-90-4399", "+44 20 7946 0958", "4111 1111 1111 1111",
     "asked us to write to ana.lopez@correo.es instead", _D(1984, 3, 2), "Ana Lopez", "hunter2hunter2", 123),
    (2, "bob.smith@example.org", "412-35-6789", "+33 1 42 68 53 00", "5500 0000 0000 0004",
     "no contact details given", _D(1990, 11, 23), "Bob Smith", "correct-horse-battery", 47),
    (3, "chen.wei@mailbox.cn", "301-22-4401", "+49 30 901820", "4012 8888 8888 1881",
     "card 4012 8888 8888 1881 declined twice", _D(1975, 6, 30), "Chen Wei", "s3cr3t-Passw0rd", 980),
    (4, None, "665-10-2020", None, None, None, None, "Dana Kerr", None, None),
    (5, "dana.kerr@firm.co.uk", "150-11-3344", "+44 161 496 0753", "5105 1051 0510 5100",
     "call +44 20 7946 0958 after five", _D(2001, 1, 15), "Eve Adams", "letmein-please-42", 5),
    (6, "eve.adams@example.com", "270-55-1234", "+1 415 992 3188", "4111 1111 1111 1111",
     "prefers letters", _D(1969, 8, 9), "Farah Nasser", "qwerty-uiop-asdf", 61),
]


def raw_frame() -> Any:
    import pandas as pd

    return pd.DataFrame(ROWS, columns=list(COLUMNS))


def masked_frame() -> Any:
    from maskline.engine import mask_frame

    return mask_frame(raw_frame(), POLICY, table="customers")


def broken_frame() -> Any:
    """Masked, except ``email``: a transform that stopped calling the masking macro."""
    frame = masked_frame()
    frame["email"] = raw_frame()["email"]
    return frame


def raw_values() -> list[str]:
    """Every sensitive raw value (and every PII span inside notes) that must never appear in output."""
    values = [str(v) for row in ROWS for v in row[1:] if v is not None and not isinstance(v, int | _D)]
    spans = ["ana.lopez@correo.es", "4012 8888 8888 1881", "+44 20 7946 0958"]
    return sorted({*values, *spans})


def leaked(text: str) -> list[str]:
    """The raw values found in ``text`` (JSON-escaped forms included)."""
    return [v for v in raw_values() if v in text or json.dumps(v)[1:-1] in text]


def python_value(v: Any) -> Any:
    """A DataFrame cell as a DB-API parameter (NaN/NaT -> None, Timestamp -> date)."""
    import pandas as pd

    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if hasattr(v, "item"):
        return v.item()
    return v


def create_pg_table(conn: Any, name: str, frame: Any) -> None:
    with conn.cursor() as cur:
        cur.execute(f'DROP TABLE IF EXISTS "{name}"')
        cols = ", ".join(f'"{c}" {COLUMNS.get(c, "text")}' for c in frame.columns)
        cur.execute(f'CREATE TABLE "{name}" ({cols})')
        marks = ", ".join(["%s"] * len(frame.columns))
        rows = [tuple(python_value(v) for v in row) for row in frame.itertuples(index=False)]
        cur.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)


def create_duckdb_table(con: Any, name: str, frame: Any) -> None:
    con.register("maskline_test_frame", frame)
    cols = ", ".join(f'CAST("{c}" AS {COLUMNS.get(c, "text")}) AS "{c}"' for c in frame.columns)
    con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT {cols} FROM maskline_test_frame')
    con.unregister("maskline_test_frame")
