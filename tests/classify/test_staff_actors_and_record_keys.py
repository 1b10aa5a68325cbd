"""Classes of error on hospital, laboratory, pharmacy, payroll and school tables no split was made from (the
``extcsv15`` probe, issue 15).

1. Staff who signed a record, repeated over its rows under an actor's name the hints did not list (``preparedBy``,
   ``checked_by``, ``dispensed_by``): a few full names repeated read as categorical labels and passed raw. The
   actors of such records are USERNAME hints now (:data:`maskline.infotypes.name_hints.NAME_HINTS`), as
   ``created_by`` and ``approved_by`` were: the fail-closed default masks what the values do not confirm.
2. A record number under its own name (``mrn``: ``MRN001``) typed POSTAL_CODE: letters and digits fit a country's
   postal format by chance, and that bare shape outweighed the name
   (:func:`maskline.classify.column._postal_by_values`).
3. Sri Lanka's hospital identification number under ``patient_HIN`` was untyped: ``patient hin``, ``hin no``
   and ``hin number`` are MEDICAL_RECORD_NUMBER hints now, ``hin`` read as a whole word only.
4. A patient's birth dates, most of them placeholders, under ``Patientdob`` passed raw: ``dob`` is too short to be
   read inside a longer word, so a person's ``dob`` written into one word is a DATE_OF_BIRTH hint of its own.

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.infotypes.name_hints import hint_score
from tests.classify.decided_column import decided

_SYLLABLES = ("ba", "ro", "dil", "ma", "te", "su", "gon", "ri", "la", "no", "zar", "ven", "ko", "pe", "lu")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _staff(rng: random.Random, k: int) -> list[str]:
    """k made-up full names written as a payroll clerk signs them: ``Given M. Surname``."""
    return [f"{_word(rng, 3)} {rng.choice('ABCDEFGHJKLMNPRS')}. {_word(rng, 3)}" for _ in range(k)]


# 1. Staff repeated over the rows they signed, under an actor's name.
@pytest.mark.parametrize("seed", [5, 23])
@pytest.mark.parametrize("name", ["preparedBy", "checked_by", "dispensed_by", "encoded_by", "issued_by",
                                  "verified_by"])
def test_staff_names_repeated_under_an_actor_name_are_masked(seed: int, name: str) -> None:
    rng = random.Random(seed)
    staff = _staff(rng, 3)
    frame = pd.DataFrame({"payroll_id": [f"PR-{i:05d}" for i in range(1, 31)],
                          name: [rng.choice(staff) for _ in range(30)]})
    _, masked, evidence = decided(frame, name)
    assert masked, evidence


@pytest.mark.parametrize("name", ["prepared_by", "preparedBy", "received_by", "collected_by", "signed_by"])
def test_actor_names_hint_a_login(name: str) -> None:
    assert dict(hint_score(name)).get("USERNAME", 0.0) > 0, hint_score(name)


@pytest.mark.parametrize("name", ["sort_by", "group_by", "ordered_by", "standby"])
def test_words_with_by_that_name_no_actor_hint_nothing(name: str) -> None:
    # Control: only the listed actors are hints; a sort key or a grouping is no person.
    assert "USERNAME" not in dict(hint_score(name)), hint_score(name)


def test_repeated_labels_under_a_plain_name_still_pass() -> None:
    # Control: a few labels repeated under a name that names no actor pass raw, on main and here.
    rng = random.Random(3)
    frame = pd.DataFrame({"payroll_id": [f"PR-{i:05d}" for i in range(1, 61)],
                          "pay_method": [rng.choice(["Monthly", "Daily"]) for _ in range(60)]})
    _, masked, evidence = decided(frame, "pay_method")
    assert not masked, evidence


# 2. Record numbers under their own name are not postal codes.
@pytest.mark.parametrize("name, prefix", [("mrn", "MRN"), ("hosp_no", "HSP"), ("ur_number", "URN")])
def test_keys_under_a_record_number_name_are_no_postal_codes(name: str, prefix: str) -> None:
    frame = pd.DataFrame({name: [f"{prefix}{i:03d}" for i in range(1, 13)]})
    info_type, masked, evidence = decided(frame, name)
    assert info_type != "POSTAL_CODE" and masked, evidence


@pytest.mark.parametrize("name, prefix", [("chart_no", "CHT"), ("national_id", "NID"), ("patient_id", "PID")])
def test_other_keys_under_a_record_number_name_stay_masked(name: str, prefix: str) -> None:
    # Control: keys whose letters fit no postal format were masked and untyped before the change and still are.
    frame = pd.DataFrame({name: [f"{prefix}{i:03d}" for i in range(1, 13)]})
    info_type, masked, evidence = decided(frame, name)
    assert info_type != "POSTAL_CODE" and masked, evidence


def test_postal_codes_under_a_postal_name_stay_postal() -> None:
    # Control: the same letters-and-digits shape under a postal name is a postal code, on main and here.
    rng = random.Random(11)
    codes = [f"{rng.choice(['SW', 'EC', 'NW', 'LS', 'BT'])}{rng.randint(1, 19)} {rng.randint(1, 9)}"
             f"{rng.choice('ABDEFGHJLN')}{rng.choice('PQRSTUWXYZ')}" for _ in range(30)]
    info_type, masked, evidence = decided(pd.DataFrame({"postcode": codes}), "postcode")
    assert info_type == "POSTAL_CODE" and masked, evidence


# 3. Sri Lanka's hospital identification number.
@pytest.mark.parametrize("seed", [2, 31])
@pytest.mark.parametrize("name", ["patient_HIN", "hin_no", "HIN_number"])
def test_hospital_identification_numbers_are_medical_records(seed: int, name: str) -> None:
    rng = random.Random(seed)
    numbers = [str(rng.randrange(10**10, 10**11)) for _ in range(30)]
    info_type, masked, evidence = decided(pd.DataFrame({"patient_id": range(1, 31), name: numbers}), name)
    assert info_type == "MEDICAL_RECORD_NUMBER" and masked, evidence


@pytest.mark.parametrize("name", ["chin_length", "shin_guard", "hinge_id", "thin_client", "within", "h_in"])
def test_hin_inside_other_words_hints_no_medical_record(name: str) -> None:
    # Control: "hin" is a whole word, and a hint only with the patient or its number; chin, shin, hinge, thin and a
    # height in inches (h_in) read nothing.
    assert "MEDICAL_RECORD_NUMBER" not in dict(hint_score(name)), hint_score(name)


def test_row_counters_under_hin_are_not_medical_records() -> None:
    # Control: the name alone does not type a column of row ids.
    frame = pd.DataFrame({"patient_hin": [str(i) for i in range(1, 41)]})
    info_type, _, evidence = decided(frame, "patient_hin")
    assert info_type != "MEDICAL_RECORD_NUMBER", evidence


# 4. A person's dob written into one word.
@pytest.mark.parametrize("seed", [6, 19])
@pytest.mark.parametrize("name", ["Patientdob", "empdob", "Studentdob"])
def test_birth_dates_among_placeholders_under_a_run_together_dob_are_masked(seed: int, name: str) -> None:
    rng = random.Random(seed)
    births = [f"{rng.randint(1950, 2015)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(4)]
    values = births + ["0000-00-00"] * 26
    rng.shuffle(values)
    _, masked, evidence = decided(pd.DataFrame({"ID": range(1, 31), name: values}), name)
    assert masked, evidence


@pytest.mark.parametrize("name", ["adobe_version", "doboard", "kadob"])
def test_dob_inside_other_words_hints_no_birth_date(name: str) -> None:
    # Control: only a person's word before "dob" makes the one word a hint.
    assert "DATE_OF_BIRTH" not in dict(hint_score(name)), hint_score(name)


def test_admission_dates_among_placeholders_still_pass() -> None:
    # Control: the same placeholders and a few event dates under a name that says no birth pass raw, on main and here.
    rng = random.Random(4)
    values = [f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(4)] + ["0000-00-00"] * 26
    rng.shuffle(values)
    _, masked, evidence = decided(pd.DataFrame({"ID": range(1, 31), "admission_date": values}), "admission_date")
    assert not masked, evidence
