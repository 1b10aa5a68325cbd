"""The scan's shortcuts give the answers of the checks as first written: each is compared with that reading.

Each shortcut (issue 15's speed round `scanfast`) stops reading once the answer cannot change, or skips work
that cannot change it; none may change a verdict. The oracles below are the checks' former bodies.
"""

from __future__ import annotations

import random
import unicodedata

import pytest

from maskline.classify.account_groups import _SEPARATOR, _groups
from maskline.classify.safe_kinds import (
    _AMOUNT,
    _NOT_DIGIT,
    _PLAIN,
    MAX_DEGREES,
    MIN_FRACTIONS,
    money_amounts,
)
from maskline.infotypes.detectors import detect_value, detect_value_among
from maskline.infotypes.known_names import CASED_SHARE, KNOWN_MIN, MIN_VALUES, few_known_names, known_name
from maskline.infotypes.shape_checks import _NO_SYSTEM, _ONE_SYSTEM, _writing_systems
from maskline.infotypes.vocabularies import VOCABULARY_FILES, closed_vocabulary, in_vocabulary

VALUES = [
    "email", "full_name", "username", "phone", "E11", "Mark", "nickname", "ann@example.com", "4111 1111 1111 1111",
    "4111 1111 1111 1112", "DE89 3704 0044 0532 0130 00", "536-90-4399", "81.2.69.160", "00:1A:2B:3C:4D:5E",
    "mail me: jo@x.org", "call +49 30 901820 please", "deborah47", "purchase", "2023-01-05", "https://example.org",
    "postgresql://app:hunter2@db.internal:5432/sales", "", "   ", "id", "amount",
]


@pytest.mark.parametrize("types", [
    frozenset({"EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "NATIONAL_ID", "PHONE", "IP_ADDRESS", "MAC_ADDRESS", "JWT",
               "API_KEY", "PRIVATE_KEY", "CONNECTION_STRING", "FREE_TEXT_WITH_PII"}),
    frozenset({"USERNAME"}), frozenset({"EMAIL"}), frozenset({"FREE_TEXT_WITH_PII"}), frozenset(),
])
def test_detect_value_among_is_detect_value_restricted_to_the_types(types: frozenset[str]) -> None:
    for value in VALUES:
        found = detect_value(value)
        assert detect_value_among(value, types) == (found if found in types else None), value


def _writing_systems_per_character(value: str) -> set[str]:
    systems = set()
    for ch in value:
        if ch.isalpha():
            word = unicodedata.name(ch, "?").split(" ", 1)[0]
            if word not in _NO_SYSTEM:
                systems.add(_ONE_SYSTEM.get(word, word))
    return systems


def test_writing_systems_read_once_per_character_match_reading_every_character() -> None:
    rng = random.Random(5)
    pool = [chr(i) for i in range(0x20, 0x3100) if not 0xD800 <= i < 0xE000] + ["山", "田", "太", "郎", "민", "준"]
    for _ in range(5000):
        value = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        assert _writing_systems(value) == _writing_systems_per_character(value), value


def test_digit_groups_skip_values_not_opening_with_a_digit_and_find_the_same_groups() -> None:
    """_groups returns at once for a value not opening with an ASCII digit. Its first group must be ASCII digits, so
    such a value's split never had one: the shortcut changes no answer, and values opening with a digit take
    the split as before."""
    rng = random.Random(3)
    alphabet = "0123456789 -/Xa٣²"
    for _ in range(50_000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        first = _SEPARATOR.split(value)[0]
        if not "0" <= value[:1] <= "9":
            assert _groups(value) is None
            assert not (first.isascii() and first.isdigit()), value  # the split would have refused it too
        elif _groups(value) is not None:
            assert _groups(value)[0][0] == first, value


def _money_amounts_reading_all(values: list[str]) -> bool:
    fractions: set[str] = set()
    widths: set[int] = set()
    whole = 0
    beyond_degrees = marked = False
    for v in values:
        m = _AMOUNT.fullmatch(v)
        if m is None:
            return False
        digits = _NOT_DIGIT.sub("", m.group(1))
        if len(digits) > 1 and digits.startswith("0"):
            return False
        if m.group(3) is None:
            whole += 1
        else:
            fractions.add(m.group(3).ljust(2, "0"))
        widths.add(len(digits))
        beyond_degrees = beyond_degrees or int(digits) > MAX_DEGREES
        marked = marked or not _PLAIN.fullmatch(v)
    return (len(fractions) >= MIN_FRACTIONS and whole <= 0.2 * len(values) and len(widths) >= 2
            and (beyond_degrees or marked))


def test_money_amounts_stopping_at_too_many_whole_numbers_keeps_every_answer() -> None:
    rng = random.Random(11)
    forms = [lambda: f"{rng.randint(0, 99999)}", lambda: f"{rng.uniform(0, 9999):.2f}",
             lambda: f"{rng.randint(1, 999)} {rng.randint(0, 999):03d},{rng.randint(0, 99):02d} kr",
             lambda: f"€{rng.randint(1, 99)}.{rng.randint(0, 9)}", lambda: f"0{rng.randint(0, 999)}",
             lambda: f"{rng.randint(0, 9)}٣.{rng.randint(10, 99)}", lambda: "12.5.2024"]
    for _ in range(3000):
        mix = rng.sample(forms, rng.randint(1, 3))
        values = [rng.choice(mix)() for _ in range(rng.randint(1, 60))]
        assert money_amounts(values) == _money_amounts_reading_all(values), values


def _few_known_names_reading_all(values: list[str]) -> str | None:
    distinct = list(dict.fromkeys(v for v in values if v.strip()))
    cased = [v for v in distinct if v != v.lower()]
    if len(cased) < MIN_VALUES or len(cased) < CASED_SHARE * len(distinct):
        return None
    known = sum(1 for v in cased if known_name(v)) / len(cased)
    return None if known >= KNOWN_MIN else \
        f"names of things: {known:.0%} of {len(cased)} distinct capitalised values are known names"


def test_few_known_names_stopping_once_people_are_plain_keeps_every_answer() -> None:
    rng = random.Random(2)
    people = ["Anna Meier", "John Smith", "Maria Garcia", "Kovalenko", "Luis Silva", "Wei Zhang", "Peter Schmidt"]
    things = ["Ibuprofen", "Metformin", "Jazz", "Blues", "Flamenco", "Warfarin", "Keytruda", "Lisinopril", "Techno"]
    for _ in range(300):
        share = rng.random() * 0.4
        values = [f"{rng.choice(people if rng.random() < share else things)} {i}" if rng.random() < 0.5 else
                  rng.choice(people if rng.random() < share else things) for i in range(rng.randint(5, 80))]
        assert few_known_names(values) == _few_known_names_reading_all(values), values


def _closed_vocabulary_reading_all(values: list[str]) -> str | None:
    distinct = {v.strip() for v in values if v and v.strip()}
    if not distinct:
        return None
    for vocabulary in VOCABULARY_FILES:
        if all(in_vocabulary(vocabulary, v) for v in distinct):
            return vocabulary
    return None


@pytest.mark.parametrize("values", [
    ["USD", "EUR", "CHF"], ["Berlin", "USD"], ["USD", "Berlin"], ["", " ", "eur"], ["", "  "], [],
    ["Europe/Berlin", "Etc/GMT+5"], ["pt-BR", "en", "zh-Hans"], ["#ff8800", "navy"], ["GET", "POST", "Not Found"],
    ["USD", "Germany"], ["Germany", "USD"], ["Deutschland", "México"], ["Jordan", "Chad"], ["navy", "USD"],
])
def test_closed_vocabulary_screening_its_first_value_keeps_every_answer(values: list[str]) -> None:
    assert closed_vocabulary(values) == _closed_vocabulary_reading_all(values)
    assert closed_vocabulary(iter(values)) == _closed_vocabulary_reading_all(values)  # any iterable, read once


def test_a_column_a_detector_types_never_reads_its_identifying_shape(monkeypatch) -> None:
    import maskline.classify.column as column

    calls: list[str] = []
    real = column._identifying_shape

    def counted(col, scan):  # type: ignore[no-untyped-def]
        calls.append("read")
        return real(col, scan)

    monkeypatch.setattr(column, "_identifying_shape", counted)
    assert column.classify_column("email", [f"user{i}@example.org" for i in range(40)]).info_type == "EMAIL"
    assert calls == []
    untyped = column.classify_column("ref", [f"QX{i * 7919 % 10**7:07d}" for i in range(40)])
    assert untyped.info_type is None and calls == ["read"]  # the decision still reads it where it counts
    assert untyped.signals.identifying_shape is not None


def test_a_name_columns_evidence_reads_thing_names_once(monkeypatch) -> None:
    import maskline.infotypes.thing_names as things
    from maskline.classify.column import classify_column
    from maskline.infotypes.shape_checks import _THING_NAMES_MEMO

    calls: list[int] = []
    real = things.thing_affixes

    def counted(values, rows=0):  # type: ignore[no-untyped-def]
        calls.append(len(values))
        return real(values, rows)

    monkeypatch.setattr(things, "thing_affixes", counted)
    first = ["Anna", "John", "Maria", "Peter", "Luis", "Wei", "Olga", "Karim", "Sofia", "Jan", "Emma", "Noah"]
    last = ["Meier", "Smith", "Garcia", "Schmidt", "Silva", "Zhang", "Ivanova", "Haddad", "Rossi", "Novak"]
    names = [f"{f} {s}" for f in first for s in last]
    assert classify_column("full_name", names).info_type == "PERSON_NAME"
    assert len(calls) == 1, calls  # three pieces of evidence asked; the matched values were read once
    assert _THING_NAMES_MEMO.get() is None
