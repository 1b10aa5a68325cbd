"""Medical record numbers read from the clinical table they sit in (maskline/classify/clinical_tables.py)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.clinical_tables import (
    STRENGTH,
    WEAK_STRENGTH,
    atc_codes,
    blood_groups,
    icd9_codes,
    icd10_codes,
    loinc_codes,
    ndc_codes,
    record_number_column,
    snomed_codes,
)

ROWS = 200
ICD10 = ("E11.9", "I10", "J45.909", "C34.90", "K21.9", "F32.9", "M54.5", "N18.3", "Z79.4", "I48.91", "J18.9")
ATC = ("A10BA02", "C09AA05", "N02BE01", "J01CA04", "C10AA05", "B01AC06", "R03AC02", "H03AA01")
LOINC = ("2160-0", "718-7", "2345-7", "2951-2", "4548-4", "2093-3", "6690-2", "777-3")
BLOOD = ("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")
NAMES = ("Anna Kovács", "Jan Novak", "Marie Dubois", "Luca Rossi", "Eva Horvat", "Piet de Vries", "Olga Ivanova",
         "Sofia Lopez", "Nikos Pappas", "Ida Berg")


def _drawn(rng: random.Random, template: str, width: int) -> list[str]:
    return [template % rng.randrange(10 ** (width - 1), 10**width) for _ in range(ROWS)]


def _births(rng: random.Random) -> list[str]:
    return [f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(ROWS)]


def _verdicts(table: Mapping[str, Sequence[object]]) -> dict[str, tuple[str | None, float]]:
    return {c.name: (c.info_type, c.confidence) for c in classify(pd.DataFrame(table)).columns}


@pytest.mark.parametrize("template,width", [("%d", 8), ("H%d", 7), ("RXH%d", 7), ("%d", 10)])
def test_opaque_record_numbers_beside_diagnosis_codes_are_medical_records(template: str, width: int) -> None:
    rng = random.Random(width)
    verdicts = _verdicts({"c1": _drawn(rng, template, width), "c2": [rng.choice(ICD10) for _ in range(ROWS)],
                          "c3": [rng.choice(NAMES) for _ in range(ROWS)], "c4": _births(rng)})
    assert verdicts["c1"] == ("MEDICAL_RECORD_NUMBER", STRENGTH)


def test_the_same_numbers_without_clinical_companions_are_not_medical_records() -> None:
    rng = random.Random(5)
    verdicts = _verdicts({"c1": _drawn(rng, "%d", 8), "c3": [rng.choice(NAMES) for _ in range(ROWS)],
                          "c4": _births(rng), "c5": [rng.choice(("S", "M", "L", "XL")) for _ in range(ROWS)]})
    assert verdicts["c1"][0] != "MEDICAL_RECORD_NUMBER"


def test_a_letter_and_digits_beside_a_patient_and_a_diagnosis_is_a_record_number_not_a_passport() -> None:
    # Without the diagnosis the holder rule reads the table's only document-like column as a passport.
    rng = random.Random(6)
    table = {"c1": _drawn(rng, "H%d", 7), "c3": [rng.choice(NAMES) for _ in range(ROWS)]}
    assert _verdicts(table)["c1"][0] != "MEDICAL_RECORD_NUMBER"
    table["c2"] = [rng.choice(ICD10) for _ in range(ROWS)]
    assert _verdicts(table)["c1"][0] == "MEDICAL_RECORD_NUMBER"


def test_row_keys_orders_and_invoices_in_a_clinical_table_are_not_record_numbers() -> None:
    rng = random.Random(7)
    verdicts = _verdicts({
        "patient_id": list(range(1, ROWS + 1)),
        "c1": [f"{1000 + i:08d}" for i in range(ROWS)],
        "c2": [f"ORD-{rng.randrange(10**7):07d}" for _ in range(ROWS)],
        "c3": [f"SO{rng.randrange(10**7):07d}" for _ in range(ROWS)],
        "c4": [f"INV-{rng.randint(2021, 2026)}-{rng.randrange(10**6):06d}" for _ in range(ROWS)],
        "c5": [rng.choice(ICD10) for _ in range(ROWS)],
        "c6": [rng.choice(ATC) for _ in range(ROWS)],
    })
    assert {n: t for n, (t, _) in verdicts.items() if t == "MEDICAL_RECORD_NUMBER"} == {}


def test_blood_groups_and_a_birth_date_make_a_weaker_clinical_table() -> None:
    rng = random.Random(8)
    table = {"c1": _drawn(rng, "%d", 8), "c2": [rng.choice(BLOOD) for _ in range(ROWS)], "c3": _births(rng)}
    assert _verdicts(table)["c1"] == ("MEDICAL_RECORD_NUMBER", WEAK_STRENGTH)
    del table["c3"]  # blood groups alone: a donor drive's or a shop's labels say too little
    assert _verdicts(table)["c1"][0] != "MEDICAL_RECORD_NUMBER"


def test_shop_labels_like_blood_groups_do_not_make_a_clinical_table() -> None:
    rng = random.Random(9)
    labels = ("A+", "A", "A-", "B+", "B-", "B", "AB", "A++", "C", "AA+")
    verdicts = _verdicts({"c1": _drawn(rng, "%d", 8), "c2": [rng.choice(labels) for _ in range(ROWS)],
                          "c3": _births(rng), "c4": [rng.choice(NAMES) for _ in range(ROWS)]})
    assert verdicts["c1"][0] != "MEDICAL_RECORD_NUMBER"


def test_a_name_that_hints_another_type_keeps_its_reading() -> None:
    rng = random.Random(10)
    verdicts = _verdicts({"phone": _drawn(rng, "%d", 8), "c2": [rng.choice(LOINC) for _ in range(ROWS)]})
    assert verdicts["phone"][0] != "MEDICAL_RECORD_NUMBER"


def test_a_minimum_confidence_above_the_tables_reading_keeps_the_columns_untyped() -> None:
    from maskline.classify.clinical_tables import with_clinical_tables
    from maskline.classify.result import ColumnClassification

    rng = random.Random(11)
    values = {"c1": _drawn(rng, "%d", 8), "c2": [rng.choice(ICD10) for _ in range(ROWS)]}
    cols = (ColumnClassification("c1", None, 0.95, None), ColumnClassification("c2", "ICD10_CODE", 0.8, "sensitive"))
    assert with_clinical_tables(cols, 0.6, values)[0].info_type == "MEDICAL_RECORD_NUMBER"
    assert with_clinical_tables(cols, 0.7, values)[0].info_type is None


def test_the_evidence_names_columns_never_values() -> None:
    rng = random.Random(12)
    ids = _drawn(rng, "%d", 8)
    result = classify(pd.DataFrame({"c1": ids, "c2": [rng.choice(ICD10) for _ in range(ROWS)]}))
    c1 = result.by_name()["c1"]
    assert c1.info_type == "MEDICAL_RECORD_NUMBER"
    assert "c2 (ICD-10 diagnosis codes)" in " ".join(c1.evidence)
    assert not any(v in repr(result) for v in ids)


@pytest.mark.parametrize("test,codes,lookalikes", [
    (icd10_codes, list(ICD10), [f"A1{i}" for i in range(10)]),  # one chapter: seat numbers
    (icd9_codes, ["250.00", "401.9", "038.9", "V58.61", "428.0", "496", "584.9", "272.4", "414.01", "E849.7"],
     ["250.00", "401.90", "338.95", "158.61", "428.00", "496.10", "584.99", "849.75", "272.40", "414.01"]),
    (snomed_codes, ["22298006", "38341003", "44054006", "195967001", "73211009", "84114007", "13645005",
                    "49436004", "59621000", "35489007"], [str(10**7 + 7919 * i) for i in range(10)]),
    (atc_codes, list(ATC) * 2, ["X10BA02", "E09AA05", "F02BE01", "K01CA04", "Q10AA05", "T01AC06", "U03AC02",
                                "W03AA01", "Y02BC01", "Z06AB06"]),
    (loinc_codes, list(LOINC) * 2, ["2160-1", "718-2", "2345-3", "2951-4", "4548-5", "2093-6", "6690-7", "777-8",
                                    "1742-9", "2823-0"]),
    (ndc_codes, ["0002-3227-30", "50090-2875-0", "0071-0155-23", "68180-513-01", "0378-0208-01", "0093-7180-56",
                 "16714-234-01", "0781-1506-10", "60505-0141-1", "0172-4096-60"],
     ["12-345-678", "98-765-432", "11-222-333", "44-555-666", "77-888-999", "10-203-040", "50-607-080",
      "90-102-030", "40-506-070", "80-901-020"]),
    (blood_groups, list(BLOOD) * 2, ["A+", "A-", "B+", "B-", "A", "C+", "A+", "B", "A-", "B+"]),
])
def test_companion_codes_are_checked_by_their_structure(test: object, codes: list[str], lookalikes: list[str]) -> None:
    assert callable(test)
    assert test(codes) is True
    assert test(lookalikes) is False


def test_record_numbers_are_one_per_row_and_not_counters_dates_or_articles() -> None:
    rng = random.Random(13)
    assert record_number_column(_drawn(rng, "%d", 8))
    assert not record_number_column([str(10**7 + 2 * i) for i in range(ROWS)], ROWS)  # a counter of even steps
    assert not record_number_column([f"20{rng.randint(10, 24)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                                     for _ in range(ROWS)])  # dates
    assert not record_number_column([str(rng.randrange(10**7, 10**8)) for _ in range(20)] * 10)  # repeated
    from stdnum import ean

    articles: list[str] = []
    while len(articles) < ROWS:
        body = f"{rng.randrange(10**7):07d}"
        articles.append(body + ean.calc_check_digit(body))
    assert not record_number_column(articles)
