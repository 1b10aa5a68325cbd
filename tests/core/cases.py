"""Method cases shared by the golden-SQL and cross-engine tests: (id, method, params, column type)."""

from __future__ import annotations

TEXT_VALUES = ["alice@example.com", "123-45-6789", "Zoë Ångström", "", "a", "x@y", None,
               "call +1 415 555 0100 or bob.smith@mail.example.org, card 4111 1111 1111 1111"]
INT_VALUES = [0, 42, -7, 123456789, None]
DATE_VALUES = ["1987-08-21", "2000-02-29", "1969-12-31", None]
NUM_VALUES = [0.0, 17.5, 99.99, 1234.0, None]

CASES = [
    ("redact", "redact", {}, "text"),
    ("redact_label", "redact", {"label": "[HIDDEN]"}, "text"),
    ("null", "null", {}, "text"),
    ("partial_last4", "partial", {"keep_last": 4}, "text"),
    ("partial_first2_last2", "partial", {"keep_first": 2, "keep_last": 2, "mask_char": "#"}, "text"),
    ("char_mask", "char_mask", {}, "text"),
    ("char_mask_all", "char_mask", {"keep_separators": False}, "text"),
    ("email", "email", {}, "text"),
    ("email_keep1", "email", {"keep_first": 1}, "text"),
    ("hash", "hash", {}, "text"),
    ("hash16", "hash", {"length": 16}, "text"),
    ("hmac", "hmac", {}, "text"),
    ("hmac16", "hmac", {"length": 16}, "text"),
    ("hmac_int", "hmac", {}, "integer"),
    ("generalize_prefix3", "generalize", {"prefix": 3}, "text"),
    ("generalize_year", "generalize", {"to": "year"}, "date"),
    ("generalize_month", "generalize", {"to": "month"}, "date"),
    ("generalize_bucket10", "generalize", {"bucket": 10}, "numeric"),
    ("fake_name", "fake", {"kind": "name"}, "text"),
    ("fake_email", "fake", {"kind": "email"}, "text"),
    ("fake_word", "fake", {}, "text"),
    ("scrub", "scrub", {}, "text"),
]

VALUES = {"text": TEXT_VALUES, "integer": INT_VALUES, "date": DATE_VALUES, "numeric": NUM_VALUES}
SQL_TYPES = {"text": "varchar", "integer": "integer", "date": "date", "numeric": "numeric(12,2)"}
