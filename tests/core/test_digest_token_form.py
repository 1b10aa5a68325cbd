"""maskline/methods/digest_token.py: the form the no-PII checks read as a `hash`/`hmac` token takes maskline's tokens
and no raw value of the patterns' types, even written without separators and in lower case (fresh, seeded draws)."""

from __future__ import annotations

import re

from maskline.keys import KeyMaterial
from maskline.methods.digest_token import digest_token_patterns, is_digest_token
from maskline.methods.hash import DigestParams
from maskline.methods.hash import token as hash_token
from maskline.methods.hmac import token as hmac_token


def _bare(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).lower()


def test_raw_values_without_separators_in_lower_case_are_no_tokens() -> None:
    from faker import Faker

    raw = []
    for i, locale in enumerate(("de_DE", "fr_BE", "en_US", "en_GB", "fr_FR", "es_ES", "it_IT", "nl_NL")):
        f = Faker(locale)
        f.seed_instance(4242 + i)
        raw += [f.iban() for _ in range(300)] + [f.credit_card_number() for _ in range(300)]
        raw += [f.phone_number() for _ in range(300)]
    us = Faker("en_US")
    us.seed_instance(7)
    raw += [us.ssn() for _ in range(300)]
    hex_ibans = [v for v in raw if _bare(v)[:2] in ("de", "be")]
    assert len(hex_ibans) >= 300  # the IBANs whose every character, lower-cased, is a hex one are in the draw
    assert [v for v in raw if is_digest_token(_bare(v))] == []


def test_every_token_of_64_or_32_characters_has_the_form() -> None:
    key = KeyMaterial(b"k" * 32)
    tokens = [make(key, f"value {i}", DigestParams(n)) for i in range(3000) for make in (hash_token, hmac_token)
              for n in (None, 32)]
    assert all(is_digest_token(t) for t in tokens)


def test_short_tokens_with_only_digits_past_the_second_character_are_read_as_before() -> None:
    """The control: about 1 in 700 tokens of 16 characters has only digits past its second (10/16 ** 14), the form of
    a card or a lower-cased IBAN; those are no tokens to the checks, and every other one is."""
    key = KeyMaterial(b"k" * 32)
    tokens = [hmac_token(key, f"value {i}", DigestParams(16)) for i in range(20_000)]
    refused = [t for t in tokens if not is_digest_token(t)]
    assert all(re.fullmatch("[0-9a-f]{2}[0-9]{14}", t) for t in refused)
    assert 0 < len(refused) < 60


def test_the_form_is_read_from_the_digest_methods_length_bounds() -> None:
    assert digest_token_patterns()[0] == "^[0-9a-f]{8,64}$"
    assert not is_digest_token("abcdef1") and not is_digest_token("ab" * 32 + "c") and is_digest_token("abcdef12")
