"""Patient identifiers proved by their form or named by their system (infotypes/health_numbers.py, the
MEDICAL_RECORD_NUMBER detectors and name hints): New Zealand's NHI with its check character, HL7 v2 PID-3 values
whose type code says medical record, NHS and CHI numbers with their mod-11 check digit under a record name, and the
names PID-3, EMPI, NHI, CHI and 病歴番号. Look-alikes stay unflagged or keep their own type: NHI-shaped product
codes whose check fails, HL7 identifiers of other types (a social security number), ISBN-10s of digits (the NHS
check is theirs) under a name that says nothing, process ids under ``pid``, chi-square statistics under ``chi``,
dense keys under ``EMPI`` and ``patient_id``.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import datetime as dt
import random

from maskline.classify import classify_column
from maskline.infotypes.health_numbers import NHI_LETTERS, hl7_patient_identifier, nhs_check_digit, nz_nhi

MRN = "MEDICAL_RECORD_NUMBER"


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def _nhi(r: random.Random) -> str:
    """An NHI whose check character holds, drawn until one does (the check is tested against the standard's
    published examples below, not against this generator)."""
    while True:
        letters = "".join(r.choice(NHI_LETTERS) for _ in range(3))
        tail = _digits(r, 4) if r.random() < 0.5 else _digits(r, 2) + r.choice(NHI_LETTERS) + r.choice(NHI_LETTERS)
        if nz_nhi(letters + tail):
            return letters + tail


def _nhs(r: random.Random, first: str = "") -> str:
    while True:
        number = first + _digits(r, 10 - len(first))
        if nhs_check_digit(number):
            return number


def _type(name: str, values: list) -> str | None:
    return classify_column(name, values).info_type


# ---------------------------------------------------------------- the checks, on published examples


def test_nhi_check_accepts_the_standards_examples_in_both_forms_and_rejects_a_wrong_check() -> None:
    # HISO 10046:2023: mod 11 for the old form, mod 23 for the new (the 2022 routine's mod 24 passes none of these).
    assert all(nz_nhi(v) for v in ("ZAC5361", "WLD9413", "JBX3656", "ZZZ0016", "ZBN77VL", "zsc21tn"))
    assert not any(nz_nhi(v) for v in ("ZZZ0044", "JBX3650", "ZZZ00AA", "WLD9414", "IOA1234", "ZAC536"))


def test_hl7_identifier_counts_only_with_a_medical_record_type_code() -> None:
    assert hl7_patient_identifier("12345678^^^HOSP^MR")
    assert hl7_patient_identifier("A0012345^^^UCH&1.2.3&ISO^PI^^20200101")
    assert not hl7_patient_identifier("123-45-6789^^^SSA^SS")  # a social security number
    assert not hl7_patient_identifier("X1234567^^^USA^PPN")  # a passport
    assert not hl7_patient_identifier("12345678")


# ---------------------------------------------------------------- record numbers read


def test_nhi_numbers_under_an_opaque_name_are_medical_records_not_postcodes() -> None:
    r = random.Random(361)
    assert _type("fld_b", [_nhi(r) for _ in range(300)]) == MRN  # main: POSTAL_CODE (three letters, four digits)


def test_sparse_nhi_numbers_are_medical_records() -> None:
    r = random.Random(362)
    assert _type("c9", [_nhi(r) if r.random() < 0.2 else None for _ in range(400)]) == MRN


def test_hl7_pid3_values_under_an_opaque_name_are_medical_records() -> None:
    r = random.Random(363)
    values = [f"{_digits(r, 8)}^^^{r.choice(['HOSP', 'SMH'])}^MR" for _ in range(300)]
    assert _type("c4", values) == MRN  # main: untyped


def test_nhs_numbers_under_an_nhs_name_are_medical_records() -> None:
    r = random.Random(364)
    values = [n if r.random() < 0.5 else f"{n[:3]} {n[3:6]} {n[6:]}" for n in (_nhs(r, "4") for _ in range(300))]
    assert _type("nhs_no", values) == MRN  # main: untyped (refuted as ISBNs)


def test_chi_numbers_under_their_name_are_medical_records() -> None:
    r = random.Random(365)
    values = []
    while len(values) < 300:
        day = dt.date(1940, 1, 1) + dt.timedelta(days=r.randint(0, 24000))
        number = f"{day:%d%m%y}{_digits(r, 4)}"
        if nhs_check_digit(number):
            values.append(number)
    assert _type("chi_number", values) == MRN


def test_names_systems_give_the_patient_number_read_record_numbers() -> None:
    r = random.Random(366)
    values = [_digits(r, 8) for _ in range(300)]
    for name in ("PID_3", "pid3", "PatientIdentifierList", "EMPI", "empi_id", "MPI_ID", "NHI", "病歴番号"):
        assert _type(name, values) == MRN, name  # main: untyped


def test_empi_stored_as_integers_is_a_medical_record() -> None:
    r = random.Random(367)
    assert _type("EMPI", [int(_digits(r, 10)) or 1 for _ in range(300)]) == MRN


# ---------------------------------------------------------------- look-alikes


def test_nhi_shaped_product_codes_whose_check_fails_are_not_medical_records() -> None:
    r = random.Random(368)
    codes = []
    while len(codes) < 300:
        code = "".join(r.choice(NHI_LETTERS) for _ in range(3)) + _digits(r, 4)
        if not nz_nhi(code):
            codes.append(code)
    assert _type("c2", codes) != MRN


def test_a_tenth_of_random_codes_passing_the_nhi_check_by_chance_is_no_record_column() -> None:
    r = random.Random(369)
    codes = ["".join(r.choice(NHI_LETTERS) for _ in range(3)) + _digits(r, 4) for _ in range(300)]
    assert sum(map(nz_nhi, codes)) > 10  # some pass by chance
    assert _type("product_code", codes) != MRN


def test_hl7_identifiers_of_another_type_are_not_medical_records() -> None:
    r = random.Random(370)
    values = [f"{_digits(r, 3)}-{_digits(r, 2)}-{_digits(r, 4)}^^^SSA^SS" for _ in range(300)]
    assert _type("c4", values) != MRN


def test_isbn_like_digits_under_a_name_that_says_nothing_are_not_medical_records() -> None:
    r = random.Random(371)
    assert _type("ref_no", [_nhs(r, "0") for _ in range(300)]) != MRN


def test_process_ids_and_chi_square_statistics_are_not_medical_records() -> None:
    r = random.Random(372)
    assert _type("pid", [str(r.randint(300, 65535)) for _ in range(300)]) != MRN
    assert _type("chi", [round(r.uniform(0.01, 40.0), 3) for _ in range(300)]) != MRN


def test_dense_keys_under_record_system_names_are_not_medical_records() -> None:
    keys = [str(i) for i in range(1000, 1300)]
    assert _type("EMPI", keys) is None
    assert _type("patient_id", keys) is None


def test_prefixed_row_keys_under_patient_id_are_not_medical_records() -> None:
    # A key a program counted over the table's rows, behind one prefix: main read it as a record number by the name.
    assert _type("patient_id", [f"P{i:06d}" for i in range(1, 301)]) is None
    assert _type("PatientID", [f"PAT-{i:07d}" for i in range(5000, 5300)]) is None


def test_drawn_record_numbers_behind_a_prefix_under_patient_id_stay_medical_records() -> None:
    r = random.Random(373)
    assert _type("patient_id", [f"P{_digits(r, 7)}" for _ in range(300)]) == MRN
