"""Dev-split tables of patient identifiers under the names hospital systems and countries give them, and the
numbers of a hospital's other things beside them (since the ``extcsv36`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own (:data:`SEED_OFFSET`), so the tables before them stay as they were. Written without reading the test split,
from the systems' own documentation of their identifiers, with names and birth dates from mimesis (dev locales) and
Faker (``en_NZ``, whose locale no other dev table uses).

- :data:`NAMED` tables, one each: a medical record number under one system's or country's name (HL7 v2's PID-3 and
  its CX value ``12345678^^^HOSP^MR``, an enterprise master patient index, SAP IS-H's ``PATNR`` stored as an
  integer, France's IPP, Spain's NHC and historia clínica, Italy's cartella, Brazil's prontuário, Japanese, Chinese
  and Korean hospital words, New Zealand's NHI with its check character, Britain's NHS number and Scotland's CHI
  number with their mod-11 check digit, Australia's UR number), in its system's format (bare, zero-padded, stored as
  an integer or, sparse, as a float; a letter or a word before the digits), beside the patient's name, birth date and
  one or two clinical companions (admission date, ward and bed, blood group, diagnosis code);
- :data:`OPAQUE_TABLES` tables whose record number sits under an opaque name, in a form its values prove alone
  (an HL7 CX value with the MR type code, an NHI with its check character, ``MRN-`` and digits), some sparse;
- :data:`HARD_NEGATIVE_TABLES` hospital tables whose numbers are not a patient's record number, each labelled None:
  dense row keys named ``patient_id`` and ``PatientID``, visit keys, laboratory accession and specimen numbers
  (they number a sample or a study, not the person: no info type fits them, and the fail-closed default masks
  what is uncertain), order and invoice numbers, bed numbers, pharmacy lot numbers and SKUs, appointment slot ids,
  process ids under ``pid`` in a server log, chi-square statistics under ``chi``, and NHI-shaped codes whose check
  character fails (product codes of three letters and four digits).

>>> cols = patient_id_tables(5, rows=40)
>>> len({c.table for c in cols}), sum(c.label == "MEDICAL_RECORD_NUMBER" for c in cols)
(27, 23)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import _birth, _digits, _full_name

SEED_OFFSET = 137  # its own generator (15-131 are other modules'): the tables before it stay as they were
Make = Callable[[random.Random], Any]

# NHI letters: the alphabet without I and O, valued A=1 .. Z=24 (HISO 10046).
_NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _nhi_value(c: str) -> int:
    return int(c) if c.isdigit() else _NHI_LETTERS.index(c) + 1


def _nhi(rng: random.Random) -> str:
    """A New Zealand NHI number whose check character holds, in the old (AAANNNC) or new (AAANNAX) format
    (HISO 10046:2023: mod 11 and mod 23)."""
    while True:
        letters = "".join(rng.choice(_NHI_LETTERS) for _ in range(3))
        if rng.random() < 0.5:
            body = letters + _digits(rng, 3)
            total = sum(_nhi_value(c) * w for c, w in zip(body, range(7, 1, -1), strict=True)) % 11
            if total:
                return body + str((11 - total) % 10)
        else:
            body = letters + _digits(rng, 2) + rng.choice(_NHI_LETTERS)
            total = sum(_nhi_value(c) * w for c, w in zip(body, range(7, 1, -1), strict=True)) % 23
            return body + _NHI_LETTERS[23 - total - 1]


def _product_code(rng: random.Random) -> str:
    """Three letters and four digits whose last digit is not the NHI check digit: an NHI-shaped product code."""
    while True:
        code = "".join(rng.choice(_NHI_LETTERS) for _ in range(3)) + _digits(rng, 4)
        total = sum(_nhi_value(c) * w for c, w in zip(code[:6], range(7, 1, -1), strict=True)) % 11
        if total == 0 or (11 - total) % 10 != int(code[6]):
            return code


def _mod11_nhs(rng: random.Random, first: str = "") -> str:
    """Nine digits (opening with ``first``) and the NHS mod-11 check digit (weights 10..2; 10 never issued)."""
    while True:
        body = first + _digits(rng, 9 - len(first))
        check = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check != 10:
            return body + str(check % 11)


def _nhs(rng: random.Random) -> str:
    number = _mod11_nhs(rng, rng.choice("4679"))
    return rng.choice([number, f"{number[:3]} {number[3:6]} {number[6:]}"])


def _chi(rng: random.Random) -> str:
    """Scotland's CHI number: the date of birth (DDMMYY), three digits and the mod-11 check digit."""
    while True:
        day = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 24000))
        body = f"{day:%d%m%y}{_digits(rng, 3)}"
        check = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check != 10:
            return body + str(check % 11)


def _hl7_cx(rng: random.Random) -> str:
    """An HL7 v2 PID-3 repetition: the id, the assigning authority and the identifier type code MR."""
    return f"{_digits(rng, rng.choice([7, 8]))}^^^{rng.choice(['HOSP', 'SMH', 'UCH', 'MAYO'])}^MR"


def _int_digits(n: int) -> Make:
    return lambda rng: int(_digits(rng, n)) or 1


# (name, locale of the companions, label, record number's maker)
NAMED: tuple[tuple[str, str, Make], ...] = (
    ("PatientID", "en", lambda rng: f"E{_digits(rng, 8)}"),  # Epic-style: a letter and eight drawn digits
    ("PID_3", "en", _hl7_cx),
    ("pat_id", "de", lambda rng: _digits(rng, 8)),
    ("PATNR", "de", _int_digits(10)),  # SAP IS-H: ten digits zero-padded, stored as an integer
    ("Patientennummer", "de-ch", lambda rng: f"H{_digits(rng, 7)}"),
    ("IPP", "fr", lambda rng: _digits(rng, 9)),
    ("numero_historia", "es", _int_digits(7)),
    ("NHC", "es", lambda rng: _digits(rng, 7).lstrip("0") or "7"),
    ("cartella", "it", lambda rng: f"{rng.randint(2015, 2025)}/{_digits(rng, 6)}"),
    ("prontuário", "pt-br", lambda rng: _digits(rng, 8).lstrip("0") or "8"),
    ("病歴番号", "en", lambda rng: _digits(rng, 8)),
    ("カルテ番号", "en", lambda rng: _digits(rng, 7)),
    ("病案号", "en", _int_digits(8)),
    ("住院号", "en", lambda rng: f"ZY{rng.randint(2018, 2025)}{_digits(rng, 6)}"),
    ("등록번호", "en", lambda rng: _digits(rng, 8)),
    ("NHI", "en_NZ", _nhi),
    ("nhs_no", "en-gb", _nhs),
    ("chi_number", "en-gb", _chi),
    ("EMPI", "en", _int_digits(10)),
    ("ur_no", "en", lambda rng: _digits(rng, 7).lstrip("0") or "7"),
)
OPAQUE_TABLES: tuple[tuple[str, Make], ...] = (
    ("c4", _hl7_cx),
    ("fld_b", _nhi),
    ("v07", lambda rng: f"MRN-{_digits(rng, 7)}"),
)
HARD_NEGATIVE_TABLES = 4

_BLOOD = ("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")
_ICD10 = ("E11.9", "I10", "J45.909", "K21.9", "F32.9", "M54.5", "N18.3", "I48.91", "J18.9", "E78.5", "R07.9")


def _admission(rng: random.Random) -> str:
    return (dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1400))).isoformat()


def _ward(rng: random.Random) -> str:
    return f"{rng.randint(1, 9)}{rng.choice('ABC')}-{rng.randint(1, 24):02d}"


COMPANIONS: tuple[tuple[str, str | None, Make], ...] = (
    ("admission_date", None, _admission),
    ("ward_bed", None, _ward),
    ("blood_group", None, lambda rng: rng.choice(_BLOOD)),
    ("diagnosis_code", "ICD10_CODE", lambda rng: rng.choice(_ICD10)),
)

# Numbers of a hospital's other things: (names, maker). Each is labelled None.
NEGATIVES: tuple[tuple[tuple[str, ...], Make], ...] = (
    (("accession_no", "accession_number"), lambda rng: f"A{rng.randint(21, 25)}{_digits(rng, 7)}"),
    (("specimen_id", "sample_no"), lambda rng: f"S{rng.randint(21, 25)}-{_digits(rng, 6)}"),
    (("order_no", "lab_order"), lambda rng: f"ORD{_digits(rng, 7)}"),
    (("invoice_no", "bill_no"), lambda rng: f"INV-{rng.randint(2021, 2025)}-{_digits(rng, 5)}"),
    (("bed_no", "bed"), lambda rng: f"{rng.randint(1, 6)}{rng.choice('ABCD')}{rng.randint(1, 30):02d}"),
    (("lot_no", "batch"), lambda rng: f"L{rng.randint(22, 25)}{rng.randint(1, 52):02d}{rng.choice('ABCDEF')}"
                                      f"{rng.randint(1, 99):02d}"),
    (("sku", "item_code"), lambda rng: f"RX-{rng.randint(100000, 999999)}"),
    (("product_code", "ref"), _product_code),
    (("pid", "process_id"), lambda rng: rng.randint(300, 65535)),
    (("chi", "chi_sq"), lambda rng: round(rng.uniform(0.01, 40.0), 3)),
)
# Dense keys under patient and visit names (label None): counted from a start, some zero-padded.
KEY_NAMES = ("patient_id", "PatientID", "visit_id", "appointment_slot_id", "encounter_key")


def _companion_values(locale: str, rows: int, rng: random.Random) -> tuple[list[Any], list[Any]]:
    """Patients' names and birth dates: Faker for ``en_NZ``, mimesis for the dev split's locales."""
    if locale == "en_NZ":
        from faker import Faker

        fake = Faker(locale)
        fake.seed_instance(rng.randint(0, 2**31))
        return ([fake.name() for _ in range(rows)],
                [fake.date_of_birth(minimum_age=0, maximum_age=95).isoformat() for _ in range(rows)])
    from mimesis import Generic
    from mimesis.locales import Locale

    g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
    return [_full_name(g, rng, locale) for _ in range(rows)], [_birth(g, rng, locale) for _ in range(rows)]


def _sparse(values: list[Any], rng: random.Random) -> list[Any]:
    """A third of the record columns are 70-95% empty (referrals, lab results where only some rows carry one)."""
    if rng.random() < 1 / 3:
        empty = rng.uniform(0.7, 0.95)
        return [None if rng.random() < empty else v for v in values]
    return values


def _record_table(table: str, name: str, locale: str, make: Make, rng: random.Random, rows: int) -> list[Column]:
    names, births = _companion_values(locale, rows, rng)
    style = "opaque" if name in {n for n, _ in OPAQUE_TABLES} else "honest"
    out = [Column(table, name, "MEDICAL_RECORD_NUMBER", style, _sparse([make(rng) for _ in range(rows)], rng)),
           Column(table, "patient_name", "PERSON_NAME", "honest", names),
           Column(table, "birth_date", "DATE_OF_BIRTH", "honest", births)]
    for cname, label, cmake in rng.sample(COMPANIONS, rng.choice([1, 2])):
        out.append(Column(table, cname, label, "honest", [cmake(rng) for _ in range(rows)]))
    for names_, nmake in rng.sample(NEGATIVES[:8], 2):
        out.append(Column(table, rng.choice(names_), None, "honest", [nmake(rng) for _ in range(rows)]))
    return out


def _negative_table(table: str, rng: random.Random, rows: int) -> list[Column]:
    key = rng.choice(KEY_NAMES)
    start = rng.choice([1, 100, 5000, 100000])
    keys: list[Any] = list(range(start, start + rows))
    if rng.random() < 0.4:
        keys = [f"{k:08d}" for k in keys]
    names, births = _companion_values(rng.choice(["en", "de", "fr", "es"]), rows, rng)
    out = [Column(table, key, None, "honest", keys), Column(table, "patient_name", "PERSON_NAME", "honest", names),
           Column(table, "birth_date", "DATE_OF_BIRTH", "honest", births)]
    for cname, label, cmake in rng.sample(COMPANIONS, 2):
        out.append(Column(table, cname, label, "honest", [cmake(rng) for _ in range(rows)]))
    for names_, nmake in rng.sample(NEGATIVES, 5):
        out.append(Column(table, rng.choice(names_), None, "honest", [nmake(rng) for _ in range(rows)]))
    return out


def patient_id_tables(seed: int, rows: int) -> list[Column]:
    """The named, opaque and hard-negative tables (see the module's docstring).

    >>> cols = patient_id_tables(3, rows=20)
    >>> sorted({c.table[:4] for c in cols})
    ['dpin', 'dpio', 'dpix']
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for i, (name, locale, make) in enumerate(NAMED):
        columns += _record_table(f"dpin{i:02d}_{locale.replace('-', '_').lower()}", name, locale, make, rng, rows)
    for i, (name, make) in enumerate(OPAQUE_TABLES):
        columns += _record_table(f"dpio{i:02d}", name, rng.choice(["en", "nl", "it"]), make, rng, rows)
    for i in range(HARD_NEGATIVE_TABLES):
        columns += _negative_table(f"dpix{i:02d}", rng, rows)
    return columns
