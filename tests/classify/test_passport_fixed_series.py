"""Passports numbered behind a fixed series letter (classify/document_series.py): Kazakhstan N and eight digits,
Indonesia A/B/C and seven, Malaysia A/H/K and eight. A document word in the name makes them PASSPORT at a moderate
confidence; the values alone stay a guess below min_confidence, because a SKU of one letter and eight random
digits is the same by its values. Controls: one-letter business codes that betray themselves (catalogue codes
repeating, number blocks, year-and-counter documents, zero-padded tickets) stay unflagged under a document word,
and policy or member numbers are not passports.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

import pytest

from maskline.classify import classify_column

DG = string.digits


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(DG) for _ in range(n))


def _column(seed: int, make: Callable[[random.Random], str], rows: int = 300) -> list[str]:
    r = random.Random(seed)
    return [make(r) for _ in range(rows)]


@pytest.mark.parametrize(("name", "make"), [
    ("doc_no", lambda r: "N" + _digits(r, 8)),  # Kazakhstan
    ("id_document", lambda r: r.choice("ABC") + _digits(r, 7)),  # Indonesia
    ("travel_id", lambda r: r.choice("AHK") + _digits(r, 8)),  # Malaysia
    ("no_dokumen", lambda r: "A" + _digits(r, 8)),  # Nigeria, under a Malay name
])
def test_one_series_letter_and_drawn_digits_under_a_document_word_are_passports(name: str, make) -> None:  # type: ignore[no-untyped-def]
    verdict = classify_column(name, _column(61, make))
    assert verdict.info_type == "PASSPORT"
    assert verdict.confidence < 0.8  # moderate: below what a passport name gives
    assert any("document word in the name" in e for e in verdict.evidence)


def test_a_passport_name_gives_more_confidence_than_a_document_word() -> None:
    values = _column(62, lambda r: "N" + _digits(r, 8))
    named, worded = classify_column("passport_no", values), classify_column("doc_no", values)
    assert named.info_type == worded.info_type == "PASSPORT"
    assert named.confidence > worded.confidence


def test_the_values_alone_are_a_guess_below_min_confidence() -> None:
    verdict = classify_column("c4", _column(63, lambda r: "N" + _digits(r, 8)))
    assert verdict.info_type is None  # a random SKU of one letter is the same by its values
    assert any("below min_confidence" in e and "PASSPORT" in e for e in verdict.evidence)


def test_the_evidence_holds_no_value() -> None:
    values = _column(64, lambda r: "N" + _digits(r, 8))
    verdict = classify_column("doc_no", values)
    text = " ".join(verdict.evidence)
    assert not any(v in text or v[1:] in text for v in values)


def _catalogue(r: random.Random) -> Callable[[random.Random], str]:
    items = ["P" + _digits(r, 8) for _ in range(100)]
    return lambda q: q.choice(items)


_BRANCHES = (114, 231, 358, 402, 517, 649, 763, 885)  # eight stores' codes, each opening its receipts

_BUSINESS_CODES = [
    (lambda r: f"R{r.randint(2019, 2026)}{r.randint(1, 9999):04d}", "counted"),  # accounting: a year, a counter
    (lambda r: f"T{r.randint(1, 250000):08d}", "counted"),  # tickets: a zero-padded counter
    (lambda r: f"A{4512000 + r.randint(0, 7999)}", "counted"),  # articles from one number block
    (lambda r: f"S{r.choice(_BRANCHES)}{r.randint(0, 9999):04d}", "one number block"),  # a branch code, a serial
    (lambda r: f"D{r.randint(1, 80000) * 97:08d}", "counted"),  # a zero-padded counter stepping by 97
    (_catalogue(random.Random(65)), "repeated"),  # catalogue codes repeating on order lines
]


@pytest.mark.parametrize(("make", "why"), _BUSINESS_CODES)
def test_one_letter_business_codes_are_not_passports_under_a_document_word(make, why: str) -> None:  # type: ignore[no-untyped-def]  # control
    from maskline.classify.document_series import not_one_series

    values = _column(66, make)
    assert classify_column("doc_no", values).info_type is None
    distinct = sorted(set(values))
    reason = not_one_series(distinct, [float(values.count(v)) for v in distinct], float(len(values)))
    assert reason is not None and reason.startswith(why)  # refuted by what these codes are, not by chance


@pytest.mark.parametrize("name", ["policy_no", "member_no", "sku", "customer_ref"])
def test_one_letter_and_drawn_digits_under_other_names_are_not_passports(name: str) -> None:  # control
    assert classify_column(name, _column(67, lambda r: "P" + _digits(r, 8))).info_type != "PASSPORT"


def test_a_minority_of_one_letter_codes_among_other_templates_is_not_passports() -> None:  # control
    def make(r: random.Random) -> str:  # a catalogue merging suppliers' templates
        return r.choice(["P" + _digits(r, 8), "SIE" + _digits(r, 3), _digits(r, 9) + r.choice("ABCX")])
    assert classify_column("doc_ref", _column(68, make)).info_type is None


def test_a_series_letter_seven_digits_and_a_closing_letter_are_passports() -> None:  # the Philippines since 2016
    values = _column(69, lambda r: "P" + _digits(r, 7) + r.choice(string.ascii_uppercase))
    assert classify_column("travel_id", values).info_type == "PASSPORT"


def test_variant_letters_behind_catalogue_codes_are_not_passports() -> None:  # control: sizes of a catalogue's articles
    items = _column(70, lambda r: "P" + _digits(r, 7), rows=60)
    values = [random.Random(71 + i).choice(items) + s for i, s in enumerate("SMLX" * 75)]
    assert classify_column("doc_ref", values).info_type is None
