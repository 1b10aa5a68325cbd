"""Hint words the values may refute, declared as data (:data:`maskline.infotypes.name_hints.VALUE_REFUTABLE_HINTS`).

``cap`` (Italy's postal code, or English for a capacity) was a branch of its own in the classifier; it is now one
entry of a table the classifier applies to every word in it. These tests add a second, made-up entry for the
duration of a test and check that the classifier refutes it with no code of its own, while a name that says the
same type in an ordinary word keeps its hint. Values are drawn here with a fixed seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from maskline.classify import classify_column
from maskline.infotypes import name_hints
from maskline.infotypes.name_hints import ValueRefutableHint, hints_refuted_by_values


def _short_numbers(values: Sequence[str]) -> str | None:
    """A made-up check: numbers of fewer than seven digits are not phone numbers."""
    short = sum(1 for v in values if v.isdigit() and len(v) < 7)
    return f"{short} of {len(values)} values are too short" if short > len(values) / 2 else None


@pytest.fixture
def mobile_is_refutable(monkeypatch: pytest.MonkeyPatch) -> None:
    # "mobile" stands for a second ambiguous word (mobile as furniture, in Italian): one line of data.
    monkeypatch.setitem(name_hints.VALUE_REFUTABLE_HINTS, "mobile",
                        ValueRefutableHint("PHONE", "a phone number", _short_numbers))


def _counts(seed: int) -> list[int]:
    rng = random.Random(seed)
    return [rng.randint(100, 99_999) for _ in range(200)]


def _phones(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}" for _ in range(200)]


@pytest.mark.usefixtures("mobile_is_refutable")
def test_a_word_marked_refutable_is_refuted_by_its_values_through_the_table() -> None:
    verdict = classify_column("mobile", _counts(1))
    assert verdict.info_type != "PHONE"
    assert any(e.startswith("refuted:phone (the name's mobile is not a phone number: ") for e in verdict.evidence)


@pytest.mark.usefixtures("mobile_is_refutable")
def test_control_values_the_check_accepts_keep_the_refutable_hint() -> None:
    verdict = classify_column("mobile", _phones(2))
    assert verdict.info_type == "PHONE"
    assert not any(e.startswith("refuted:phone") for e in verdict.evidence)


@pytest.mark.usefixtures("mobile_is_refutable")
def test_control_an_ordinary_hint_word_is_not_refuted_by_the_same_values() -> None:
    # "phone" is in no table row: the same short numbers do not take its hint away.
    assert hints_refuted_by_values("phone", {"PHONE"}, [str(v) for v in _counts(1)]) == []
    assert not any(e.startswith("refuted:phone") for e in classify_column("phone", _counts(1)).evidence)


@pytest.mark.usefixtures("mobile_is_refutable")
def test_control_a_name_that_says_the_type_in_another_word_keeps_the_hint() -> None:
    assert hints_refuted_by_values("mobile_phone", {"PHONE"}, [str(v) for v in _counts(1)]) == []


def test_without_the_entry_the_word_is_an_ordinary_hint() -> None:
    # Proves the first test's refutation comes from the table entry, not from the values alone.
    assert "mobile" not in name_hints.VALUE_REFUTABLE_HINTS
    assert not any(e.startswith("refuted:phone") for e in classify_column("mobile", _counts(1)).evidence)


def test_cap_is_declared_in_the_table() -> None:
    assert name_hints.VALUE_REFUTABLE_HINTS["cap"].info_type == "POSTAL_CODE"
    assert hints_refuted_by_values("cap", {"POSTAL_CODE"}, ["687", "514", "913", "745"])
