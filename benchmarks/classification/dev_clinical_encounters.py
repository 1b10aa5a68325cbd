"""Dev-split encounter tables: a patient's bare-digit record number repeated over the stays of a clinical table,
beside the hospital's numbers that are one per row, and the names that say a record number without being one
(since the ``extcsv42`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own (:data:`SEED_OFFSET`), so the tables before them stay as they were. Written without reading the test split, with
names and birth dates from mimesis in the dev split's locales and Faker in locales no split's clinical tables use
(``vi_VN``, ``en_IE``, ``en_GB`` for the school register).

- :data:`ENCOUNTER_LOCALES` encounter tables (one row per stay; a pool of patients, most with two to five stays): the
  record number in bare digits (drawn, zero-padded to one width, or stored as an integer) under an opaque or
  uncommon local name, repeated on each of its patient's stays, with the patient's name and birth date and blood
  group; the stay's own numbers, labelled None: a dense encounter key (``1..N``, zero-padded or behind one letter),
  a lab order number and a specimen id (drawn, one per row), a ward code and a bed number (a few, repeated);
  admission and discharge dates; an ICD-10 diagnosis (labelled ICD10_CODE: the catalogue's sensitive type) and the
  attending physician (a few names over the rows, PERSON_NAME);
- :data:`KEYED_LOCALES` encounter tables of the same build whose patient column is the patients table's dense row
  key (``1..P`` or ``P00001``), repeated over the stays as a record number is: a key a program counted, labelled
  None;
- three tables of names that say a record number without being one, each labelled None: a Vietnamese hospital
  register (``nhi_khoa``, ``khoa_nhi``: *khoa nhi* is the paediatrics department, here its bed counts and codes), an
  English school register (``urn`` and ``school_urn``: the Department for Education's unique reference number of a
  school) and an encounter table whose ``hospital_id`` holds a few facility codes repeated over the rows (a foreign
  key to the hospitals, beside a record number under an opaque name).

>>> cols = clinical_encounter_tables(7, rows=60)
>>> len({c.table for c in cols}), sum(c.label == "MEDICAL_RECORD_NUMBER" for c in cols)
(17, 11)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import _birth, _digits, _full_name

SEED_OFFSET = 149  # its own generator (15-139 are other modules'): the tables before it stay as they were
ENCOUNTER_LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt-br", "ru", "el", "hu")
KEYED_LOCALES = ("en", "de", "es", "fr")
Make = Callable[[random.Random], Any]

# Record numbers in bare digits, as patient administration systems store them.
_RECORD_FORMATS: tuple[Make, ...] = (
    lambda rng: f"{rng.randint(1, 9_999_999):08d}",  # zero-padded to eight
    lambda rng: _digits(rng, 7),  # drawn seven digits, leading zero kept
    lambda rng: rng.randint(10_000_000, 999_999_999),  # stored as an integer
    lambda rng: f"{rng.randint(100_000, 999_999)}",  # six digits
    lambda rng: f"{rng.randint(1, 999_999):010d}",  # zero-padded to ten (SAP-like)
)
# Opaque and uncommon local names for the record number (no hint word among them).
_RECORD_NAMES = ("c2", "fld_3", "v11", "col_b", "x_ref", "ident", "nr", "attr7", "unnamed_4", "kod", "num_loc",
                 "pz_nr", "ref_a", "f09")
_ICD10 = ("E11.9", "I10", "J45.909", "K21.9", "F32.9", "M54.5", "N18.3", "I48.91", "J18.9", "E78.5", "R07.9",
          "S72.001A", "A41.9", "N39.0", "I21.4", "K35.80", "C34.90", "G43.909")
_BLOOD = ("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")
_WARDS = ("W1A", "W1B", "W2A", "W3C", "ICU", "MAT", "PAED", "ONC", "CCU", "W4B")


def _people(locale: str, n: int, rng: random.Random) -> tuple[list[str], list[Any]]:
    """``n`` people's names and birth dates: Faker for its own locales (``vi_VN``, ``en_IE``), mimesis otherwise."""
    if "_" in locale:
        from faker import Faker

        fake = Faker(locale)
        fake.seed_instance(rng.randint(0, 2**31))
        return ([fake.name() for _ in range(n)],
                [fake.date_of_birth(minimum_age=0, maximum_age=95).isoformat() for _ in range(n)])
    from mimesis import Generic
    from mimesis.locales import Locale

    g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
    return [_full_name(g, rng, locale) for _ in range(n)], [_birth(g, rng, locale) for _ in range(n)]


def _stays(patients: int, rows: int, rng: random.Random) -> list[int]:
    """Which patient each stay is: every patient at least once, the rest drawn (a few patients stay often)."""
    weights = [rng.choice([1, 1, 2, 3, 5]) for _ in range(patients)]
    order = list(range(patients)) + rng.choices(range(patients), weights=weights, k=rows - patients)
    rng.shuffle(order)
    return order


def _encounter_key(rng: random.Random, rows: int) -> list[Any]:
    start = rng.choice([1, 1000, 250_000])
    style = rng.choice(["int", "padded", "letter"])
    if style == "int":
        return list(range(start, start + rows))
    if style == "padded":
        return [f"{k:08d}" for k in range(start, start + rows)]
    return [f"E{k:07d}" for k in range(start, start + rows)]


def _encounter_table(table: str, locale: str, rng: random.Random, rows: int, record: Make | None,
                     record_name: str, hospital_codes: bool = False) -> list[Column]:
    """One clinical table of stays. ``record`` makes the patient's record number; None puts the patients table's
    dense key in its place (labelled None)."""
    patients = max(8, rows // 3)
    names, births = _people(locale, patients, rng)
    blood = [rng.choice(_BLOOD) for _ in range(patients)]
    if record is None:
        start = rng.choice([1, 1, 500])
        keys: list[Any] = [start + i for i in range(patients)] if rng.random() < 0.5 else \
            [f"P{start + i:05d}" for i in range(patients)]
        label = None
    else:
        keys = []
        while len(keys) < patients:  # one record number per patient
            v = record(rng)
            if v not in keys:
                keys.append(v)
        label = "MEDICAL_RECORD_NUMBER"
    who = _stays(patients, rows, rng)
    admitted = [dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 1000)) for _ in range(rows)]
    doctors, _ = _people(locale, 6, rng)
    out = [
        Column(table, "encounter_id", None, "honest", _encounter_key(rng, rows)),
        Column(table, record_name, label, "opaque" if record is not None else "honest", [keys[p] for p in who]),
        Column(table, "patient_name", "PERSON_NAME", "honest", [names[p] for p in who]),
        Column(table, "birth_date", "DATE_OF_BIRTH", "honest", [births[p] for p in who]),
        Column(table, "blood_type", None, "honest", [blood[p] for p in who]),
        Column(table, "admission_date", None, "honest", [d.isoformat() for d in admitted]),
        Column(table, "discharge_date", None, "honest",
               [(d + dt.timedelta(days=rng.randint(0, 21))).isoformat() for d in admitted]),
        Column(table, "ward", None, "honest", [rng.choice(_WARDS) for _ in range(rows)]),
        Column(table, "bed_no", None, "honest", [f"{rng.randint(1, 40)}{rng.choice('ABCD')}" for _ in range(rows)]),
        Column(table, "icd10", "ICD10_CODE", "honest", [rng.choice(_ICD10) for _ in range(rows)]),
        Column(table, "attending_physician", "PERSON_NAME", "honest", [rng.choice(doctors) for _ in range(rows)]),
        Column(table, "lab_order_no", None, "honest", [f"LO{_digits(rng, 8)}" for _ in range(rows)]),
        Column(table, "specimen_id", None, "honest",
               [f"{rng.randint(22, 25)}-{rng.choice('HCM')}-{_digits(rng, 6)}" for _ in range(rows)]),
    ]
    if hospital_codes:
        facilities = [str(rng.randint(100_000, 999_999)) for _ in range(rng.choice([3, 4, 6]))]
        out.append(Column(table, "hospital_id", None, "honest", [rng.choice(facilities) for _ in range(rows)]))
    return out


def _vietnamese_register(table: str, rng: random.Random, rows: int) -> list[Column]:
    """Hospitals and their paediatrics departments (khoa nhi): bed counts and department codes, no patient."""
    from faker import Faker

    fake = Faker("vi_VN")
    fake.seed_instance(rng.randint(0, 2**31))
    return [
        Column(table, "benh_vien", None, "honest", [f"Bệnh viện {fake.city()}" for _ in range(rows)]),
        Column(table, "nhi_khoa", None, "honest", [rng.randint(12, 240) for _ in range(rows)]),
        Column(table, "ma_khoa_nhi", None, "honest", [f"KN{rng.randint(1, 9999):04d}" for _ in range(rows)]),
        Column(table, "so_giuong_nhi_khoa", None, "honest", [rng.randint(10, 180) for _ in range(rows)]),
        Column(table, "giam_doc", "PERSON_NAME", "honest", [fake.name() for _ in range(rows)]),
    ]


def _school_register(table: str, rng: random.Random, rows: int) -> list[Column]:
    """England's schools: the DfE's unique reference number (six digits, one per school), its name and LA code."""
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(rng.randint(0, 2**31))
    urns = rng.sample(range(100_000, 150_000), rows)
    return [
        Column(table, "urn", None, "honest", [str(u) for u in urns]),
        Column(table, "school_urn", None, "honest", [str(u + rng.randint(1, 9)) for u in urns]),
        Column(table, "school_name", None, "honest", [f"{fake.last_name()} {rng.choice(['Primary', 'Academy'])}"
                                                      for _ in range(rows)]),
        Column(table, "la_code", None, "honest", [rng.randint(201, 938) for _ in range(rows)]),
        Column(table, "phase", None, "honest", [rng.choice(["Primary", "Secondary", "All-through"])
                                                for _ in range(rows)]),
    ]


def clinical_encounter_tables(seed: int, rows: int) -> list[Column]:
    """The encounter, keyed and name-misfire tables (see the module's docstring).

    >>> sorted({c.table[:4] for c in clinical_encounter_tables(3, rows=30)})
    ['dcek', 'dcem', 'dcen']
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for i, locale in enumerate(ENCOUNTER_LOCALES):
        name = rng.choice(_RECORD_NAMES)
        columns += _encounter_table(f"dcen{i:02d}_{locale.replace('-', '_')}", locale, rng, rows,
                                    rng.choice(_RECORD_FORMATS), name)
    for i, locale in enumerate(KEYED_LOCALES):
        columns += _encounter_table(f"dcek{i:02d}_{locale.replace('-', '_')}", locale, rng, rows, None,
                                    rng.choice(["patient_id", "pat_key", "patient_ref"]))
    columns += _vietnamese_register("dcem00_vi", rng, rows)
    columns += _school_register("dcem01_en_gb", rng, rows)
    columns += _encounter_table("dcem02_en_ie", "en_IE", rng, rows, _RECORD_FORMATS[0], "c7", hospital_codes=True)
    return columns
