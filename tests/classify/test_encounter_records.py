"""Medical record numbers read from an encounter table (classify/encounter_records.py) and the names that misfire as
record numbers (the ``record-number`` detector's ``shared_codes`` refutation, the ``nhi`` and ``urn`` hints).

A stay table's patient repeats over the rows, and so does the record number the hospital issued to them: bare digits
under an opaque name read MEDICAL_RECORD_NUMBER when their rows group exactly as the patient's name or birth date
does, in a table a diagnosis, a blood group or a stay's column makes clinical. Look-alikes stay untyped: a dense
patients-table key repeated the same way, encounter keys, lab orders and specimen ids (one per row), wards and beds (a
few, repeated), an id drawn independently of the patient, a customer number beside no clinical column, two
per-patient numbers that cannot be told apart, and a table of one row per patient (nothing to compare).

Every table goes through :func:`maskline.classify.classify` (DuckDB-free pyarrow input, the classifier's own table
readings). Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pyarrow as pa

from maskline.classify import classify, classify_column
from maskline.infotypes.name_hints import hint_score

MRN = "MEDICAL_RECORD_NUMBER"
_FIRST = ("Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irene", "Jonas", "Katya", "Luis",
          "Marta", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tereza", "Viktor")
_LAST = ("Novak", "Keller", "Moreau", "Rossi", "Jansen", "Kovacs", "Papadopoulos", "Horvat", "Silva", "Ivanova",
         "Fischer", "Dubois", "Bianchi", "de Vries", "Nagy", "Oliveira", "Lopez", "Schmidt", "Martin", "Costa")
_ICD10 = ("E11.9", "I10", "J45.909", "K21.9", "F32.9", "M54.5", "N18.3", "I48.91", "J18.9", "E78.5", "R07.9")
_BLOOD = ("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")


def _stays(seed: int, patients: int = 60, rows: int = 200, clinical: bool = True,
           record: str = "drawn") -> tuple[pa.Table, random.Random]:
    """A stay table: ``c2`` holds the patient's number (``drawn``: zero-padded drawn digits; ``key``: the patients
    table's dense key; ``independent``: drawn digits repeated, not the patient's), beside the patient's name and
    birth date, the stay's own numbers and, if ``clinical``, a diagnosis and a blood group."""
    r = random.Random(seed)
    names = [f"{r.choice(_FIRST)} {r.choice(_LAST)}-{i}" for i in range(patients)]  # no two patients alike
    births = [(dt.date(1940, 1, 1) + dt.timedelta(days=r.randint(0, 25000))).isoformat() for _ in range(patients)]
    numbers = r.sample(range(1, 9_999_999), patients)
    who = list(range(patients)) + [r.randrange(patients) for _ in range(rows - patients)]
    r.shuffle(who)
    if record == "drawn":
        c2: list[Any] = [f"{numbers[p]:08d}" for p in who]
    elif record == "key":
        c2 = [str(p + 1) for p in who]
    else:  # drawn ids that repeat, but not with the patient
        pool = [f"{n:08d}" for n in r.sample(range(1, 9_999_999), patients)]
        c2 = [r.choice(pool) for _ in who]
    cols: dict[str, list[Any]] = {
        "encounter_id" if clinical else "order_id": [str(1000 + i) for i in range(rows)],
        "c2": c2,
        "patient_name": [names[p] for p in who],
        "birth_date": [births[p] for p in who],
        "lab_order_no" if clinical else "invoice_no": [f"LO{r.randint(10**7, 10**8 - 1)}" for _ in range(rows)],
        "c9": [f"{r.randint(1, 40)}{r.choice('ABCD')}" for _ in range(rows)],  # beds
    }
    if clinical:
        cols["icd10"] = [r.choice(_ICD10) for _ in range(rows)]
        cols["c5"] = [_BLOOD[p % 8] for p in who]
    return pa.table(cols), r


def _types(table: pa.Table) -> dict[str, str | None]:
    return {c.name: c.info_type for c in classify(table, table="stays").columns}


def test_record_number_repeated_as_the_patient_reads_as_mrn() -> None:
    """Fails on main: bare zero-padded digits under ``c2`` were left untyped (or passed as safe)."""
    table, _ = _stays(1)
    result = {c.name: c for c in classify(table, table="stays").columns}
    assert result["c2"].info_type == MRN
    assert any("grouped as" in e for e in result["c2"].evidence)
    assert result["encounter_id"].info_type != MRN and result["lab_order_no"].info_type != MRN
    assert result["c9"].info_type != MRN


def test_record_number_stored_as_integers_reads_as_mrn() -> None:
    r = random.Random(2)
    table, _ = _stays(2)
    numbers = {v: r.randint(10**8, 10**9 - 1) for v in set(table.column("c2").to_pylist())}
    table = table.set_column(1, "c2", pa.array([numbers[v] for v in table.column("c2").to_pylist()]))
    assert _types(table)["c2"] == MRN


def test_dense_patient_key_repeated_over_stays_is_no_mrn() -> None:
    """The patients table's row key groups the rows as the patient does, but a program counted it: no MRN."""
    table, _ = _stays(3, record="key")
    assert _types(table)["c2"] is None


def test_ids_drawn_apart_from_the_patient_are_no_mrn() -> None:
    """Repeated drawn ids that do not follow the patient (a table assembled from independent columns)."""
    table, _ = _stays(4, record="independent")
    assert _types(table)["c2"] != MRN


def test_customer_numbers_without_a_clinical_column_are_no_mrn() -> None:
    """The same profile in an orders table (a customer's number over their orders) is a customer's, not a patient's."""
    table, _ = _stays(5, clinical=False)
    assert _types(table)["c2"] != MRN


def test_two_patient_numbers_are_not_told_apart() -> None:
    table, r = _stays(6)
    other = {v: f"{r.randint(10**8, 10**9 - 1)}" for v in set(table.column("c2").to_pylist())}
    table = table.append_column("c3", pa.array([other[v] for v in table.column("c2").to_pylist()]))
    types = _types(table)
    assert types["c2"] != MRN and types["c3"] != MRN


def test_one_row_per_patient_is_left_to_the_default() -> None:
    """Every count 1: nothing to compare, so the reading does not speak (the fail-closed default masks it)."""
    table, _ = _stays(7, patients=150, rows=150)
    table = table.set_column(1, "c2", pa.array([f"{i:08d}" for i in random.Random(7).sample(range(10**7), 150)]))
    assert _types(table)["c2"] != MRN


def test_hospital_id_over_a_few_facility_codes_is_no_mrn() -> None:
    """Fails on main: ``hospital_id`` read MEDICAL_RECORD_NUMBER by its name over four codes shared by 300 rows."""
    r = random.Random(8)
    codes = [str(r.randint(100_000, 999_999)) for _ in range(4)]
    assert classify_column("hospital_id", [r.choice(codes) for _ in range(300)]).info_type != MRN


def test_hospital_id_over_patients_numbers_keeps_the_name() -> None:
    r = random.Random(9)
    patients = [str(r.randint(10**6, 10**7 - 1)) for _ in range(120)]
    assert classify_column("hospital_id", [r.choice(patients) for _ in range(300)]).info_type == MRN


def test_vietnamese_paediatrics_is_no_nhi() -> None:
    """Fails on main: ``nhi_khoa`` and ``khoa_nhi`` (the paediatrics department) hinted an NHI number."""
    for name in ("nhi_khoa", "khoa_nhi", "benh_vien_nhi", "ma_khoa_nhi"):
        assert all(t != MRN for t, _ in hint_score(name)), name
    assert hint_score("nhi")[0][0] == MRN and hint_score("nhi_number")[0][0] == MRN


def test_school_urn_is_no_record_number() -> None:
    """Fails on main: ``school_urn`` (England's unique reference number of a school) hinted a UR number."""
    for name in ("school_urn", "urn_uuid", "establishment_urn", "ofsted_urn"):
        assert all(t != MRN for t, _ in hint_score(name)), name
    assert hint_score("urn")[0][0] == MRN and hint_score("urn_no")[0][0] == MRN
    r = random.Random(10)
    schools = [str(u) for u in r.sample(range(100_000, 150_000), 200)]
    assert classify_column("school_urn", schools).info_type != MRN
