"""Table-driven tests of the validators and detectors: valid values pass, near misses fail."""

from __future__ import annotations

import base64
import json

import pytest

from maskline.infotypes.detectors import detect_value, match_mask, matches
from maskline.infotypes.validators import VALIDATORS


def _jwt(header: dict, payload: dict) -> str:
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()  # noqa: E731
    return f"{enc(header)}.{enc(payload)}.c2lnbmF0dXJlLWJ5dGVz"


VALID = [
    ("us_ssn", "536-90-4399"),
    ("luhn", "4111 1111 1111 1111"),
    ("luhn", "5555-5555-5555-4444"),
    ("luhn", "378282246310005"),
    ("luhn", "6011111111111117"),
    ("iban", "DE89 3704 0044 0532 0130 00"),
    ("iban", "GB82WEST12345698765432"),
    ("iban", "FR1420041010050500013M02606"),
    ("iban", "NL91ABNA0417164300"),
    ("iban", "ES9121000418450200051332"),
    ("iban", "IT60X0542811101000000123456"),
    ("phone", "+1 415 555 2671"),
    ("phone", "(415) 555-2671"),
    ("phone", "+49 30 901820"),
    ("phone", "0151 12345678"),
    ("phone", "+33 1 23 45 67 89"),
    ("phone", "+34 612 345 678"),
    ("phone", "+39 06 6982 1234"),
    ("phone", "+31 20 123 4567"),
    ("phone", "+351 21 123 4567"),
    ("phone", "+44 20 7946 0958"),
    ("email", "ana.lopez@correo.es"),
    ("ip", "81.2.69.160"),
    ("ip", "2001:db8::8a2e:370:7334"),
    ("mac", "00:1A:2B:3C:4D:5E"),
    ("jwt", _jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "42"})),
    ("api_key", "AKIAIOSFODNN7EXAMPLE"),
    ("api_key", "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"),
    ("api_key", "xoxb-12345678901-123456789012-" + "a1B2c3D4e5F6g7H8i9J0k1L2"),
    ("api_key", "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"),
    ("private_key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"),
    ("connection_string", "postgresql://app:hunter2@db.internal:5432/sales"),
    ("connection_string", "Server=db;Database=sales;User Id=sa;Password=Sup3r;"),
    ("it_codicefiscale", "RCCMNL83S18D969H"),
    ("es_dni", "54362315K"),
    ("nl_bsn", "111222333"),
    ("br_cpf", "390.533.447-05"),
    ("fr_nir", "2 95 10 99 126 111 93"),
    ("de_idnr", "36 574 261 809"),
    ("icd10", "E11.9"),
    ("birth_date", "21.07.1984"),
    ("password_hash", "$2b$12$" + "R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"[:53]),
]

INVALID = [
    ("us_ssn", "000-12-3456"),
    ("us_ssn", "666-12-3456"),
    ("us_ssn", "900-12-3456"),
    ("us_ssn", "123-00-4567"),
    ("us_ssn", "123-45-0000"),
    ("luhn", "4111 1111 1111 1112"),
    ("luhn", "1234567812345678"),  # passes no issuer prefix
    ("luhn", "0000000000000000"),
    ("iban", "DE89 3704 0044 0532 0130 01"),
    ("iban", "GB82WEST1234569876543"),
    ("phone", "2023-01-05"),
    ("phone", "12.50"),
    ("phone", "12:30:45"),
    ("phone", "4155552671"),  # bare digits need a column-name hint
    ("email", "a..b@x.com"),
    ("email", "user@localhost"),
    ("ip", "999.1.1.1"),
    ("mac", "00:00:00:00:00:00"),
    ("jwt", _jwt({"typ": "JWT"}, {"sub": "42"})),  # no alg: not a JWT header
    ("jwt", "eyJhbGciOi.not-base64!.x"),
    ("api_key", "d41d8cd98f00b204e9800998ecf8427e"),  # an md5 hex digest
    ("api_key", "9f8b2c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b"),  # a UUID
    ("connection_string", "https://example.com/path"),
    ("it_codicefiscale", "RCCMNL83S18D969X"),
    ("es_dni", "54362315A"),
    ("nl_bsn", "111222334"),
    ("br_cpf", "390.533.447-06"),
    ("icd10", "U07.1"),
    ("birth_date", "2999-01-01"),
]


@pytest.mark.parametrize(("validator", "value"), VALID)
def test_validator_accepts_valid_value(validator: str, value: str) -> None:
    assert VALIDATORS[validator](value) is True


@pytest.mark.parametrize(("validator", "value"), INVALID)
def test_validator_rejects_near_miss(validator: str, value: str) -> None:
    assert VALIDATORS[validator](value) is False


@pytest.mark.parametrize(("value", "info_type"), [
    ("ana.lopez@correo.es", "EMAIL"),
    ("536-90-4399", "US_SSN"),
    ("4111-1111-1111-1111", "CREDIT_CARD"),
    ("DE89 3704 0044 0532 0130 00", "IBAN"),
    ("+49 30 901820", "PHONE"),
    ("81.2.69.160", "IP_ADDRESS"),
    ("00:1A:2B:3C:4D:5E", "MAC_ADDRESS"),
    ("https://shop.example.org/p?id=1", "URL"),
    ("postgresql://app:hunter2@db:5432/x", "CONNECTION_STRING"),
    ("AKIAIOSFODNN7EXAMPLE", "API_KEY"),
    ("RCCMNL83S18D969H", "NATIONAL_ID"),
    ("390.533.447-05", "NATIONAL_ID"),
    ("52.52000, 13.40500", "GEO_COORDINATE"),
    ("Ring me on +44 20 7946 0958 tomorrow", "FREE_TEXT_WITH_PII"),
])
def test_detect_value_names_the_validated_type(value: str, info_type: str) -> None:
    assert detect_value(value) == info_type


@pytest.mark.parametrize("value", [
    "ORD-2024-000183", "ABC-1234-XY", "9f8b2c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b", "d41d8cd98f00b204e9800998ecf8427e",
    "2024-01-05 12:30:00", "12.99", "Harrison LLC", "4111111111111112", "Great product, arrived in 3 days.",
    "shipped", "1.4.2",
])
def test_detect_value_ignores_hard_negatives(value: str) -> None:
    assert detect_value(value) is None


def test_nine_bare_digits_are_an_ssn_only_with_a_name_hint() -> None:
    assert matches("536904399", "US_SSN") is False
    assert matches("536904399", "US_SSN", with_hint=True) is True


def test_match_mask_agrees_with_matches_value_by_value() -> None:
    values = ["4111111111111111", None, "4111111111111112", "ana@x.org", "378282246310005", ""]
    assert match_mask(values, "CREDIT_CARD") == [v is not None and matches(v, "CREDIT_CARD") for v in values]
    assert match_mask(values, "CREDIT_CARD") == [True, False, False, False, True, False]
