"""Formats the scrubber finds, each proven by its validator where one exists, and the near misses it leaves.

Positives come in the ways people and systems write them (local phone formats, lower-case IBANs,
percent-encoded e-mails...); negatives are the look-alikes that fill log lines (epoch seconds, ISBNs,
version strings, digests, timestamps).
"""

from __future__ import annotations

import pytest

from maskline.text import scrub

FOUND = [
    # e-mails: Unicode (IDN) and percent-encoded
    ("mail josé.fernández@correo.es now", "mail [EMAIL] now"),
    ("to 用户@例子.广告 ok", "to [EMAIL] ok"),
    ("from info@bücher.de", "from [EMAIL]"),
    ("to ana@xn--bcher-kva.de", "to [EMAIL]"),
    ("mailto:ana.lopez%40correo.es", "mailto:[EMAIL]"),
    ("q=jos%C3%A9%40correo.es&x=1", "q=[EMAIL]&x=1"),
    # local phone formats: German, Brazilian
    ("ruf 030 901820 an", "ruf [PHONE] an"),
    ("Tel. 030/901820", "Tel. [PHONE]"),
    ("Handy 0170 1234567", "Handy [PHONE]"),
    ("+49 (0)30 901820", "[PHONE]"),
    ("ligue (11) 98765-4321", "ligue [PHONE]"),
    ("ligue 11 98765-4321", "ligue [PHONE]"),
    ("fixo (21) 3456-7890.", "fixo [PHONE]."),
    ("+55 11 98765-4321", "[PHONE]"),
    # extensions, no space after the area code
    ("call (415) 555-2671 x123", "call [PHONE]"),
    ("call 415.555.2671 ext. 12 now", "call [PHONE] now"),
    ("phone 001-415-555-0100x1234", "phone [PHONE]"),
    ("+1-415-555-0100x123", "[PHONE]"),
    ("(999)999-9999", "[PHONE]"),
    ("(999)999-9999x1234", "[PHONE]"),
    # bare 10-digit numbers, with a phone cue
    ("phone: 4155552671", "phone: [PHONE]"),
    ('{"phone_number": "4155552671"}', '{"phone_number": "[PHONE]"}'),
    ("call me at 4155552671 later", "call me at [PHONE] later"),
    ("Telefon 3012345678", "Telefon [PHONE]"),
    # IBANs: lower case, dashes, compact
    ("iban de89 3704 0044 0532 0130 00 ok", "iban [IBAN] ok"),
    ("iban DE89-3704-0044-0532-0130-00", "iban [IBAN]"),
    ("iban de89370400440532013000", "iban [IBAN]"),
    ("iban gb82-west-1234-5698-7654-32", "iban [IBAN]"),
    # dotted cards
    ("card 4111.1111.1111.1111 ok", "card [CREDIT_CARD] ok"),
    ("card 5555.5555.5555.4444.", "card [CREDIT_CARD]."),
    # unlabelled cloud secrets, SendGrid, Basic auth
    ("key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here", "key [API_KEY] here"),
    ("sendgrid 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 ok", "sendgrid [API_KEY] ok"),
    ("AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;",
     "AccountKey=[PASSWORD];"),
    ("blob key Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw== x",
     "blob key [API_KEY] x"),
    ("token ya29.a0AfH6SMBx3example-token-value-abcdef", "token [API_KEY]"),
    ("GOCSPX-abcdefghijklmnopqrstuvwxyz12", "[API_KEY]"),
    ("secret abC1Q~dEfGhIjKlMnOpQrStUvWxYz0123456789", "secret [API_KEY]"),
    ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic [PASSWORD]"),
    # compact SSNs, German tax IDs, Dutch BSNs
    ("ssn 536904399", "ssn [US_SSN]"),
    ("SSN: 536 90 4399", "SSN: [US_SSN]"),
    ("social security number: 536904399", "social security number: [US_SSN]"),
    ("Steuer-ID: 36574261809", "Steuer-ID: [NATIONAL_ID]"),
    ("steuer id 36 574 261 809", "steuer id [NATIONAL_ID]"),
    ("IdNr 36574261809", "IdNr [NATIONAL_ID]"),
    ("BSN 111222333", "BSN [NATIONAL_ID]"),
    ("bsn 1112.22.333", "bsn [NATIONAL_ID]"),
]

LEFT = [
    # epoch seconds and milliseconds, with no phone cue (or a cue word that is only part of a word)
    "ts=1732390000 ok",
    "created 1732390000",
    "epoch 1732390000123",
    "telemetry 1234567890",
    "hotel 4155552671",
    # ISBNs
    "ISBN 978-3-16-148410-0",
    "ISBN 0306406152",
    "isbn 0-306-40615-2",
    # version strings and builds
    "version 2.10.3",
    "v1.2.3.4",
    "release 2024.11.23",
    "build 10.0.19045.3693",
    # checksum-invalid look-alikes
    "ssn 666904399 is not one (area 666), nor 000-12-3456",
    "Steuer-ID: 36574261808",
    "BSN 111222334",
    "iban de89 3704 0044 0532 0130 01",
    "card 4111.1111.1111.1112",
    "Basic aGVsbG8gd29ybGQ=",
    # digests, paths, ids, numbers, timestamps
    "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "path /opt/airflow/dags/pipelines/orders/Daily1 ok",
    "id 9f8b2c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b",
    "rows 12.345.678 and 1,234,567",
    "at 2026-11-23 19:23:55, logical_date=20261123T000000",
    "basic setup done",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_scrubber_finds_the_format(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("text", LEFT)
def test_scrubber_leaves_the_near_miss(text: str) -> None:
    assert scrub(text) == (text, [])
