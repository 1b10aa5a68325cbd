"""Passports under opaque names in the templates issuers choose (classify/document_numbers.py): Germany's
authority code and serial in an alphabet without vowels, France's two digits, two letters and five digits, one
issuer's template among other issuers' documents, and an issuer's bare digits beside foreign documents. Controls:
codes of those shapes that one system issues (vowel-free coupon codes, one business template beside reference
numbers, counters beside foreign documents) stay unflagged.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from maskline.classify import classify_column

UP, DG = string.ascii_uppercase, string.digits
_DE = "CFGHJKLMNPRTVWXYZ" + DG  # the German alphabet: digits and consonants that cannot be misread


def _rand(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _type(name: str, values: list[str]) -> str | None:
    return classify_column(name, values).info_type


def _german(r: random.Random) -> str:
    return r.choice("CFGHJK") + _rand(r, _DE, 8)


def _french(r: random.Random) -> str:
    return _rand(r, DG, 2) + _rand(r, UP, 2) + _rand(r, DG, 5)


# Other issuers' documents, as a bank's foreign customers bring them.
_FOREIGN: tuple[Callable[[random.Random], str], ...] = (
    lambda r: _rand(r, UP, 2) + _rand(r, DG, 7),  # Italy, Greece
    lambda r: r.choice(UP) + _rand(r, DG, 8),  # Iran, the United States since 2021
    lambda r: _rand(r, UP, 3) + _rand(r, DG, 6),  # Spain
    lambda r: _rand(r, DG, 2) + " " + _rand(r, DG, 7),  # Russia
    _german,
    _french,
)


def _mixed(r: random.Random, domestic: Callable[[random.Random], str], share: float) -> list[str]:
    return [domestic(r) if r.random() < share else r.choice(_FOREIGN)(r) for _ in range(300)]


def test_german_authority_codes_and_serials_are_passports() -> None:
    r = random.Random(41)
    verdict = classify_column("f4", [_german(r) for _ in range(300)])
    assert verdict.info_type == "PASSPORT"
    assert verdict.confidence < 0.8  # the template alone: a verdict at low confidence


def test_french_two_digits_two_letters_and_five_digits_are_passports() -> None:
    r = random.Random(42)
    assert _type("var4", [_french(r) for _ in range(300)]) == "PASSPORT"


def test_one_issuers_template_among_foreign_documents_is_passports() -> None:
    r = random.Random(43)
    assert _type("value_4", _mixed(r, lambda q: _rand(q, UP, 2) + _rand(q, DG, 7), 0.6)) == "PASSPORT"


def test_nine_bare_digits_beside_foreign_documents_are_passports() -> None:
    r = random.Random(44)
    assert _type("attr4", _mixed(r, lambda q: str(q.randint(10**8, 10**9 - 1)), 0.8)) == "PASSPORT"


def test_three_letter_series_of_six_or_seven_digits_are_read_without_error() -> None:
    r = random.Random(50)  # identity cards have three letters and six digits; longer numbers are not checked as them
    assert _type("x4", [_rand(r, UP, 3) + _rand(r, DG, r.choice([6, 7])) for _ in range(300)]) == "PASSPORT"


def test_foreign_documents_of_several_lengths_beside_bare_digits_are_read_without_error() -> None:
    r = random.Random(51)
    values = [_rand(r, UP, 3) + _rand(r, DG, 6)] + _mixed(r, lambda q: str(q.randint(10**8, 10**9 - 1)), 0.8)
    assert _type("attr4", values) == "PASSPORT"


def test_vowel_free_codes_are_not_german_passports() -> None:  # control: a code alphabet without vowels
    r = random.Random(45)
    vowel_free = "BCDFGHJKLMNPQRSTVWXZ" + DG
    assert _type("f4", [_rand(r, vowel_free, 9) for _ in range(300)]) is None


def test_production_lots_of_the_french_shape_are_not_passports() -> None:  # control: a year, a plant, a serial
    r = random.Random(49)
    values = [f"{r.randint(19, 26)}{r.choice(['FR', 'DE', 'IT'])}{_rand(r, DG, 5)}" for _ in range(300)]
    assert _type("var4", values) is None


def test_one_business_template_beside_nine_digit_numbers_is_not_passports() -> None:  # control
    r = random.Random(46)
    values = [str(r.randint(10**8, 10**9 - 1)) if r.random() < 0.75 else "SO" + _rand(r, DG, 7) for _ in range(300)]
    assert _type("attr4", values) is None


def test_codes_of_two_systems_beside_nine_digit_numbers_are_not_passports() -> None:  # control: two prefixes
    r = random.Random(47)
    values = [str(r.randint(10**8, 10**9 - 1)) if r.random() < 0.7
              else r.choice(["SO" + _rand(r, DG, 7), "R" + _rand(r, DG, 8)]) for _ in range(300)]
    assert _type("attr4", values) is None


def test_counted_nine_digit_numbers_beside_foreign_documents_are_not_passports() -> None:  # control
    r = random.Random(48)
    values = [str(100000000 + i) if r.random() < 0.8 else r.choice(_FOREIGN)(r) for i in range(300)]
    assert _type("attr4", values) is None
