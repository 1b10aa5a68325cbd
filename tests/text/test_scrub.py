"""The free-text scrubber: spans in prose, logs, SQL and JSON are replaced; everything else is left alone."""

from __future__ import annotations

import json
import re
from collections import namedtuple

import pytest
import sqlglot

from maskline.keys import KeyMaterial
from maskline.text import Finding, find, scrub, scrub_value

CASES = [
    ("write to ana.lopez@correo.es today", "write to [EMAIL] today", ["EMAIL"]),
    ("call +34 612 345 678 or (415) 555-2671", "call [PHONE] or [PHONE]", ["PHONE", "PHONE"]),
    ("card 4111 1111 1111 1111 exp 12/29", "card [CREDIT_CARD] exp 12/29", ["CREDIT_CARD"]),
    ("refund to DE89 3704 0044 0532 0130 00 please", "refund to [IBAN] please", ["IBAN"]),
    ("ssn 536-90-4399 on file", "ssn [US_SSN] on file", ["US_SSN"]),
    ("codice fiscale RCCMNL83S18D969H", "codice fiscale [NATIONAL_ID]", ["NATIONAL_ID"]),
    ("login from 81.2.69.160", "login from [IP_ADDRESS]", ["IP_ADDRESS"]),
    ("device 00:1A:2B:3C:4D:5E joined", "device [MAC_ADDRESS] joined", ["MAC_ADDRESS"]),
    ("dsn=postgresql://app:hunter2@db:5432/sales", "dsn=[CONNECTION_STRING]", ["CONNECTION_STRING"]),
    ("key AKIAIOSFODNN7EXAMPLE leaked", "key [API_KEY] leaked", ["API_KEY"]),
    ("Authorization: Bearer abcdefghijklmnop1234", "Authorization: Bearer [API_KEY]", ["API_KEY"]),
    ("password=hunter22 user=bob", "password=[PASSWORD] user=bob", ["PASSWORD"]),
    ("patient born on 1984-07-21 admitted", "patient born on [DATE_OF_BIRTH] admitted", ["DATE_OF_BIRTH"]),
]


@pytest.mark.parametrize(("text", "expected", "types"), CASES)
def test_scrub_replaces_validated_spans(text: str, expected: str, types: list[str]) -> None:
    out, findings = scrub(text)
    assert out == expected
    assert [f.type for f in findings] == types


@pytest.mark.parametrize("text", [
    "[2026-11-23T19:23:55.123+0000] {taskinstance.py:1234} INFO - Marking task as SUCCESS. dag_id=x, task_id=y",
    "processed 12345 rows in 3.21s; order ORD-2024-000183, sku ABC-1234-XY",
    "request 9f8b2c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b etag d41d8cd98f00b204e9800998ecf8427e",
    "card 4111 1111 1111 1112 failed the check",  # fails Luhn: not a card
    "listening on 127.0.0.1:8080 and 0.0.0.0:5000, version 2.10.3",
    "total 1299.50 EUR, 3 items, paid 2026-11-20",
])
def test_scrub_leaves_text_without_pii_unchanged(text: str) -> None:
    assert scrub(text) == (text, [])


def test_scrubbed_sql_still_parses_and_loses_its_literals() -> None:
    sql = "SELECT * FROM customers WHERE email = 'ana@correo.es' AND ssn = '536-90-4399'"
    out, _ = scrub(sql)
    assert "ana@correo.es" not in out and "536-90-4399" not in out
    assert sqlglot.parse_one(out).find(sqlglot.exp.Where) is not None


def test_scrubbed_json_still_loads() -> None:
    doc = json.dumps({"user": {"email": "ana@correo.es", "phone": "+49 30 901820"}, "password": "s3cr3tpw"})
    out, findings = scrub(doc)
    loaded = json.loads(out)
    assert loaded == {"user": {"email": "[EMAIL]", "phone": "[PHONE]"}, "password": "[PASSWORD]"}
    assert {f.type for f in findings} == {"EMAIL", "PHONE", "PASSWORD"}


def test_pseudonyms_are_keyed_and_consistent() -> None:
    a, b = KeyMaterial(b"key-a" * 4), KeyMaterial(b"key-b" * 4)
    first, _ = scrub("to ana@correo.es", pseudonymize_with=a)
    again, _ = scrub("cc ana@correo.es", pseudonymize_with=a)
    other, _ = scrub("to ana@correo.es", pseudonymize_with=b)
    token = first.split("to ", 1)[1]
    assert token.startswith("[EMAIL:") and token in again
    assert token not in other


def test_findings_carry_positions_not_values() -> None:
    text = "mail ana@correo.es now"
    (finding,) = find(text)
    assert finding == Finding("EMAIL", 5, 18)
    assert text[finding.start:finding.end] == "ana@correo.es"
    assert "ana@correo.es" not in repr(finding)


def test_allow_list_keeps_known_values() -> None:
    out, _ = scrub("from noreply@example.com to ana@correo.es", allow_list=["noreply@example.com"])
    assert out == "from noreply@example.com to [EMAIL]"


Pair = namedtuple("Pair", "left right")


def test_scrub_value_recurses_and_keeps_types() -> None:
    obj = {
        "emails": ["ana@correo.es", "plain"],
        "pair": Pair("ana@correo.es", 3),
        "tags": ("x", "+49 30 901820"),
        "ids": {"536-90-4399"},
        "n": 7, "ok": True, "none": None, "ratio": 0.5,
        "api_token": "whatever-it-is", "db_password": "pw",
    }
    out = scrub_value(obj)
    assert out["emails"] == ["[EMAIL]", "plain"]
    assert isinstance(out["pair"], Pair) and out["pair"] == Pair("[EMAIL]", 3)
    assert out["tags"] == ("x", "[PHONE]") and isinstance(out["tags"], tuple)
    assert out["ids"] == {"[US_SSN]"}
    assert (out["n"], out["ok"], out["none"], out["ratio"]) == (7, True, None, 0.5)
    assert out["api_token"] == "[API_KEY]" and out["db_password"] == "[PASSWORD]"
    assert obj["emails"] == ["ana@correo.es", "plain"], "the input must not be modified"


def test_scrub_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        scrub(b"bytes")  # type: ignore[arg-type]


def test_scrub_value_replaces_everything_under_a_secret_key_but_keeps_token_counts() -> None:
    out = scrub_value({
        "api_keys": ["k1", ("k2",)],
        "db": {"password": 123456, "credentials": {"user": "bob", "hint": "dog"}},
        "usage": {"total_tokens": 17, "ok": True},
    })
    assert out["api_keys"] == ["[API_KEY]", ("[API_KEY]",)]
    assert out["db"] == {"password": "[PASSWORD]", "credentials": {"user": "[PASSWORD]", "hint": "[PASSWORD]"}}
    assert out["usage"] == {"total_tokens": 17, "ok": True}


@pytest.mark.parametrize("pseudonymize", [False, True])
def test_a_dict_key_holding_a_value_is_replaced_whole_never_in_part(pseudonymize: bool) -> None:
    # An address with a space scrubs, as text, to "nancy.van [EMAIL]": part of the person's name stayed in the key.
    key = KeyMaterial(b"k" * 16) if pseudonymize else None
    raw = {"nancy.van dijk64@corp.example": 1, "ana@correo.es and bo@x.org": 2, "total": 3}
    out = scrub_value(raw, pseudonymize_with=key) if key else scrub_value(raw)
    assert list(out.values()) == [1, 2, 3] and "total" in out
    for masked in list(out)[:2]:  # the spans' placeholders only, numbered when two keys mask alike
        assert re.fullmatch(r"\[EMAIL(:[0-9a-f]{12})?\]( \[EMAIL(:[0-9a-f]{12})?\])*( \(\d+\))?", masked), masked
    # Control: as text (a value, not a key), the same address keeps what the validators did not take.
    assert scrub("nancy.van dijk64@corp.example")[0] == "nancy.van [EMAIL]"


def test_scrub_refuses_an_info_type_it_cannot_find_rather_than_skipping_it() -> None:
    from maskline.errors import InputError

    with pytest.raises(InputError, match="did you mean 'EMAIL'") as err:
        scrub("mail ana@correo.es", info_types=["EMIAL"])
    assert "ana@correo.es" not in str(err.value)
    assert scrub("mail ana@correo.es", info_types=["EMAIL"])[0] == "mail [EMAIL]"
