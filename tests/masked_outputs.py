"""Fresh raw values (a seeded Faker draw) and their masked forms by every maskline method, for the no-PII checks'
tests on every engine (GX on PostgreSQL and pandas, dbt on DuckDB and PostgreSQL).

The checks must pass maskline's own output and still fail raw values, including raw values glued into a word or
lower-cased, which have the characters of a hex token."""

from __future__ import annotations

from typing import Any

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL")
TYPES = {"email": "EMAIL", "phone": "PHONE", "iban": "IBAN", "card": "CREDIT_CARD", "ssn": "US_SSN"}
# (column name, method, params): every method, the digest ones at their default length and shorter ones. Over
# e-mails, fake writes e-mails (first.last@example.com), which the check reads as e-mails: left out there.
METHODS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("hash", "hash", {}), ("hash_32", "hash", {"length": 32}), ("hmac", "hmac", {}),
    ("hmac_24", "hmac", {"length": 24}), ("hmac_8", "hmac", {"length": 8}),
    ("partial", "partial", {"keep_last": 4}), ("char_mask", "char_mask", {}), ("redact", "redact", {}),
    ("fake", "fake", {}), ("scrub", "scrub", {}), ("nulled", "null", {}), ("email", "email", {}),
)
KEY = b"test-key-masked-outputs-for-checks"


def methods_for(column: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The methods that mask ``column`` (``email`` over e-mails only; ``fake`` over all but e-mails)."""
    return [m for m in METHODS if (m[1] != "email" or column == "email") and (m[1] != "fake" or column != "email")]


def compiled_methods_for(column: str) -> list[tuple[str, str, dict[str, Any]]]:
    """:func:`methods_for` but ``scrub``, which the dbt macro refuses at compile for these types (none of them is
    free text: a value its detectors do not recognise would pass raw), as a policy refuses it at load."""
    return [m for m in methods_for(column) if m[1] != "scrub"]


def raw_values(rows: int, seed: int = 20261206) -> dict[str, list[str]]:
    """``rows`` fresh values per type of :data:`TYPES`, drawn round-robin over :data:`LOCALES` (US SSNs)."""
    from faker import Faker

    fakers = []
    for i, locale in enumerate(LOCALES):
        f = Faker(locale)
        f.seed_instance(seed + i)
        fakers.append(f)
    out = {"email": [fakers[i % 7].email() for i in range(rows)],
           "phone": [fakers[i % 7].phone_number() for i in range(rows)],
           "iban": [fakers[i % 7].iban() for i in range(rows)],
           "card": [fakers[i % 7].credit_card_number() for i in range(rows)]}
    us = Faker("en_US")
    us.seed_instance(seed + 99)
    out["ssn"] = [us.ssn() for _ in range(rows)]
    return out


def raw_in_words(seed: int = 20261206, n: int = 12) -> list[str]:
    """Raw PII written so that its characters are those of a token, or glued into a longer word: each must still
    fail the checks. Bare cards, cards after a prefix word, lower-cased IBANs whose country code is written in
    ``a``-``f`` (so the whole value is lower hex), upper-case IBANs after a label, SSNs inside a word."""
    from faker import Faker

    de, us = Faker("de_DE"), Faker("en_US")
    de.seed_instance(seed)
    us.seed_instance(seed)
    cards = [us.credit_card_number(card_type="visa16") for _ in range(n)]
    ibans = [de.iban() for _ in range(n)]
    return (["ref4111111111111111", "IBAN:DE89370400440532013000", "de89370400440532013000", "4111111111111111",
             "a4111111111111111", "x536-90-4399y"]
            + cards + [f"ref{c}" for c in cards] + [i.lower() for i in ibans] + [f"IBAN:{i}" for i in ibans])


def masked_tables(con: Any, raw: dict[str, list[str]]) -> list[str]:
    """Tables ``masked_<column>`` in the DuckDB connection ``con``: a column per method of :func:`methods_for`,
    masked by maskline's core SQL (a literal key), and ``raw_<column>`` with the raw values. Returns the columns."""
    from sqlglot import exp

    from maskline.dialects.base import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression

    for column, values in raw.items():
        con.execute(f"CREATE TABLE raw_{column} AS SELECT unnest(?::VARCHAR[]) AS v", [values])
        selects = []
        for name, method, params in methods_for(column):
            masked = mask_expression(exp.column("v"), method_spec(method, params), "duckdb", info_type=TYPES[column],
                                     source_type="text", key_mode=KeyMode.LITERAL, key=KeyMaterial(KEY))
            selects.append(f"{masked.sql('duckdb')} AS {name}")
        con.execute(f"CREATE TABLE masked_{column} AS SELECT {', '.join(selects)} FROM raw_{column}")
    return list(raw)
