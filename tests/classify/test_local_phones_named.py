"""Local phone numbers, seven or eight digits written in groups with no area code, under a name that says phone
(the ``extcsv17`` probe of veterinary, dental, school, church, utility and ride-sharing tables, issue 15).

An animal hospital kept its staff's and its animals' owners' numbers as ``555-0101`` under ``phone`` and
``owner_contact``. No numbering plan validates a number without its area code, so the name's PHONE was never
confirmed and both columns were masked untyped. When the name and the shape agree and only the validation fails,
the column is the named type at lower confidence (:mod:`maskline.classify.local_phones`), as cards failing Luhn
and named national numbers failing their check are.

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from tests.classify.decided_column import decided


def _local(rng: random.Random, n: int, form: str) -> list[str]:
    """``n`` local numbers drawn at random, written as ``form`` says (each ``9`` a digit)."""
    return ["".join(rng.choice("0123456789") if c == "9" else c for c in form) for _ in range(n)]


@pytest.mark.parametrize("seed", [2, 17])
@pytest.mark.parametrize(("name", "form"), [("phone", "999-9999"), ("owner_contact", "999-9999"),
                                            ("telephone", "9999 9999"), ("tel", "99.99.99.99"),
                                            ("emergency_contact", "999-9999")])
def test_local_numbers_under_a_phone_name_are_phones(seed: int, name: str, form: str, tmp_path: Path) -> None:
    rng = random.Random(seed)
    frame = pd.DataFrame({"staff_id": range(301, 321), name: _local(rng, 20, form)})
    info_type, masked, evidence = decided(frame, name, tmp_path)
    assert info_type == "PHONE" and masked, evidence


def test_a_run_of_fixture_numbers_under_phone_is_phones(tmp_path: Path) -> None:
    # The fictional range a test table draws from (555-0100 to 555-0199), counted, not drawn: still the phones.
    frame = pd.DataFrame({"vet_id": range(1, 9), "phone": [f"555-01{i:02d}" for i in range(1, 9)]})
    info_type, masked, evidence = decided(frame, "phone", tmp_path)
    assert info_type == "PHONE" and masked, evidence


def test_the_same_numbers_under_an_opaque_name_are_not_phones(tmp_path: Path) -> None:
    # Control: without the name, 999-9999 is a Japanese postal code's shape as much as a phone's; nothing here reads it.
    frame = pd.DataFrame({"id": range(1, 21), "c4": _local(random.Random(2), 20, "999-9999")})
    info_type, _, evidence = decided(frame, "c4", tmp_path)
    assert info_type != "PHONE", evidence


def test_postal_codes_under_a_postal_name_stay_postal_codes(tmp_path: Path) -> None:
    # Control: the same written form under a postal name is the postal code (issue 15: a postcode read as phone).
    codes = ["100-0001", "150-0002", "530-0001", "460-0008", "810-0001", "060-0001", "980-0021", "730-0011"]
    frame = pd.DataFrame({"id": range(1, 9), "郵便番号": codes})
    info_type, masked, evidence = decided(frame, "郵便番号", tmp_path)
    assert info_type != "PHONE" and masked, evidence


def test_dates_under_a_phone_name_are_not_local_phones() -> None:
    from maskline.classify.local_phones import named_local_phone_evidence

    assert named_local_phone_evidence(["12-05-1998", "01-11-2001", "30-06-1975"], [1.0] * 3, 3.0,
                                      {"PHONE": 1.0}) == []


def test_a_mixed_contact_column_is_no_local_phone_column() -> None:
    # E-mails and local numbers, half each: no template holds most values, so this reads nothing (masked by name).
    from maskline.classify.local_phones import named_local_phone_evidence

    values = ["ann@example.org", "555-0142", "bo@example.net", "555-0177", "cy@example.com", "555-0190"]
    assert named_local_phone_evidence(values, [1.0] * 6, 6.0, {"PHONE": 1.0}) == []


@pytest.mark.parametrize("value", ["5550101", "555-01", "5550-10101", "(555) 0101", "555-0101 x12", "ABC-0101",
                                   "1-2-3-4-5-6-7", "55-501.01"])
def test_templates_that_are_not_local_numbers(value: str) -> None:
    from maskline.classify.local_phones import local_template

    assert local_template(value) is None


def test_a_name_whose_stronger_hint_is_not_phone_reads_nothing() -> None:
    from maskline.classify.local_phones import named_local_phone_evidence

    values = ["555-0101", "555-0142", "555-0177"]
    assert named_local_phone_evidence(values, [1.0] * 3, 3.0, {"PHONE": 0.8, "PERSON_NAME": 1.0}) == []
    assert named_local_phone_evidence(values, [1.0] * 3, 3.0, {"PHONE": 0.9, "POSTAL_CODE": 0.8}) == []
