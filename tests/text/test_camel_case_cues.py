"""Cue words inside the camelCase and PascalCase keys of JSON logs (JavaScript and Java services).

A phone noun is read as a whole word, so on main ``{"phoneNumber": "0412345678"}`` kept an Australian mobile raw
while ``{"phone_number": "0412345678"}`` was masked. A key's part now counts as its cue when it starts at the key's
start or at a lower-to-upper case boundary and ends where no lower-case letter follows: as the first part before
the word for "number" (phoneNumber, TelNr), or as a later part (homePhone, userMobile). The same for the
passport, bank account and medical record cues (passportNumber, accountNumber, patientId). Controls: a word with a
cue inside it (Intel, hotel, Cellular, phones, telco, mobility, Faxon) and a key that names no phone (orderNumber,
telemetryId, cellCount) stay raw, in Python and in SQL (tests/core/test_sql_scrub_parity.py).
"""

from __future__ import annotations

import random

import pytest

from maskline.text import scrub

CAMEL = [
    ('{"phoneNumber": "0412345678"}', '{"phoneNumber": "[PHONE]"}'),
    ('{"phoneNumber": "98765432"}', '{"phoneNumber": "[PHONE]"}'),
    ("mobileNo: 98765432", "mobileNo: [PHONE]"),
    ("contactPhone=98765432", "contactPhone=[PHONE]"),
    ("userPhone: 5550199", "userPhone: [PHONE]"),
    ('{"homePhone": "98765432"}', '{"homePhone": "[PHONE]"}'),
    ("workPhone=555-0199", "workPhone=[PHONE]"),
    ("userMobile: 98765432", "userMobile: [PHONE]"),
    ("mobilePhoneNumber: 98765432", "mobilePhoneNumber: [PHONE]"),
    ("PhoneNo: 98765432", "PhoneNo: [PHONE]"),
    ("TelNr: 98765432", "TelNr: [PHONE]"),
    ('{"cellNum": "98765432"}', '{"cellNum": "[PHONE]"}'),
    ("whatsappNumber=98765432", "whatsappNumber=[PHONE]"),
    ('{"customerFax": "98765432"}', '{"customerFax": "[PHONE]"}'),
    ("passportNumber: X1234567", "passportNumber: [PASSPORT]"),
    ("holderPassport=X1234567", "holderPassport=[PASSPORT]"),
    ("accountNumber: 12345678", "accountNumber: [BANK_ACCOUNT]"),
    ("bankAccountNumber=12345678", "bankAccountNumber=[BANK_ACCOUNT]"),
    ("patientId: 1234567", "patientId: [MEDICAL_RECORD_NUMBER]"),
    ("userMrn=1234567", "userMrn=[MEDICAL_RECORD_NUMBER]"),
]

RAW = [
    "orderNumber: 98765432",
    "telemetryId: 98765432",
    "cellCount: 12345678",
    "Intel: 98765432",
    "hotelNumber: 98765432",
    "hotelId=98765432",
    "CellularAutomatonNo: 98765432",
    "phonesNumber: 98765432",
    "telcoNo: 98765432",
    "mobilityNumber: 98765432",
    "FaxonNr: 98765432",
    "smartphoneNumber: 98765432",
    "homephone 98765432 units",  # no case boundary: one word, not a key's part
    "homePhoneType: 98765432",  # the part is followed by another word than "number"
    "phoneType: 98765432",
    "accountId: 12345678",
    "passportExpiry: 20301231",
]

SNAKE = [
    ('{"phone_number": "98765432"}', '{"phone_number": "[PHONE]"}'),
    ("PHONE_NUMBER=98765432", "PHONE_NUMBER=[PHONE]"),
    ("phone: 98765432", "phone: [PHONE]"),
    ("passport X1234567", "passport [PASSPORT]"),
    ("account number 12345678", "account number [BANK_ACCOUNT]"),
]


@pytest.mark.parametrize(("text", "expected"), CAMEL)
def test_camel_case_key_is_a_cue(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("text", RAW)
def test_cue_inside_a_word_or_a_key_naming_something_else_stays_raw(text: str) -> None:
    assert scrub(text)[0] == text


@pytest.mark.parametrize(("text", "expected"), SNAKE)
def test_snake_case_and_spaced_cues_still_found(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


def test_camel_keys_read_as_their_snake_case_twins() -> None:
    """Seeded: every phone noun as a camel key's first part (before Number/No/Nr/Num) or later part, each with a
    number that its snake_case twin's rule masks; the camel key masks exactly when the snake one does, and
    the same key with a lower-case letter glued after the noun never does."""
    rng = random.Random(20261205)
    nouns = ["phone", "tel", "mobile", "mob", "cell", "fax", "whatsapp"]
    numbers = ["98765432", "5550199", "0412345678", "555-0199", "0301234567"]
    checked = 0
    for _ in range(60):
        noun, number = rng.choice(nouns), rng.choice(numbers)
        suffix = rng.choice(["Number", "No", "Nr", "Num"])
        snake = f"{noun}_{suffix.lower()}: {number}"
        camel = f"{noun}{suffix}: {number}"
        later = f"{rng.choice(['home', 'work', 'user', 'contact'])}{noun.capitalize()}: {number}"
        glued = f"{noun}s{suffix}: {number}"
        snake_masked = scrub(snake)[0] != snake
        assert snake_masked, snake  # every number here is one the noun's rule takes: the property is not empty
        assert (scrub(camel)[0] != camel) == snake_masked, camel
        assert scrub(later)[0] != later, later
        assert scrub(glued)[0] == glued, glued
        checked += 1
    assert checked == 60


# A JSON key is quoted before its value ("passport": "X1234567"), as a phone noun's key is ("phone": "…"): the
# identifiers' gap takes the quotes and an underscore too. Raw on main before this change.
QUOTED_ID_KEYS = [
    ('{"passport": "X1234567"}', '{"passport": "[PASSPORT]"}'),
    ('{"mrn": "A1234567"}', '{"mrn": "[MEDICAL_RECORD_NUMBER]"}'),
    ('{"accountNumber": "12345678"}', '{"accountNumber": "[BANK_ACCOUNT]"}'),
    ("{'passportNo': 'X1234567'}", "{'passportNo': '[PASSPORT]'}"),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_ID_KEYS)
def test_quoted_identifier_key_is_a_cue(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("text", ['{"passport": "expired"}', '{"account": "12345678"}', '{"pass": "X1234567"}',
                                  '{"passport": "ok", "order": "X1234567"}'])
def test_quoted_key_naming_no_identifier_or_a_value_of_another_shape_stays_raw(text: str) -> None:
    assert scrub(text)[0] == text


# A cue of several words written as a snake_case key (account_number=, medical_record_number:) reads as its spaced
# form: the cue's spaces match an underscore too. Raw on main before this change.
SNAKE_MULTI_WORD_KEYS = [
    ("account_number=12345678", "account_number=[BANK_ACCOUNT]"),
    ('{"account_number": "12345678"}', '{"account_number": "[BANK_ACCOUNT]"}'),
    ("ACCT_NO: 12345678", "ACCT_NO: [BANK_ACCOUNT]"),
    ("medical_record_number: A1234567", "medical_record_number: [MEDICAL_RECORD_NUMBER]"),
    ("user_bank_account=12345678", "user_bank_account=[BANK_ACCOUNT]"),
]


@pytest.mark.parametrize(("text", "expected"), SNAKE_MULTI_WORD_KEYS)
def test_snake_case_key_of_a_multi_word_cue_is_a_cue(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("text", ["account_type=12345678", "account_numbers_total=12345678",
                                  "discount_number=12345678", "account=12345678"])
def test_snake_case_key_that_is_no_multi_word_cue_stays_raw(text: str) -> None:
    assert scrub(text)[0] == text
