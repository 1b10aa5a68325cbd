"""Dev-split clinical tables: medical record numbers in hospital formats beside the codes a patient's record keeps,
and the tables that look like them without being one.

Appended to :func:`benchmarks.classification.dev_split.build` since the ``extcsv30`` round, after every other table
and from a generator of their own (:data:`SEED_OFFSET`), so the tables before them stay as they were. Written
without reading the test split, from the standards the codes follow and from mimesis in the dev split's locales.

- :data:`CLINICAL_LOCALES` clinical tables (one per locale): a record number column (bare drawn digits, a check
  digit, a letter and digits, a trust's letters, digit groups, a year-led case number) under an honest, abbreviated,
  local-language or opaque name, sometimes sparse; an encounter number in some (labelled MEDICAL_RECORD_NUMBER: a
  hospital issues it for one patient's stay, and it leads to that patient as the record number does, so it is
  masked the same way); the patient's name and birth date; and two or three companions of diagnosis codes (ICD-10),
  drug codes (ATC, NDC), laboratory codes (LOINC), blood groups, admission and discharge dates and ward/bed labels;
- :data:`KEYED_TABLES` clinical tables whose only ids are dense row keys (``patient_id`` 1..N, zero-padded keys),
  lab orders (``ORD-1234567``) and invoices (``INV-2024-001234``): nothing in them is a record number;
- :data:`SHOP_TABLES` shop and membership tables with the same id shapes (drawn customer numbers, ``H1234567``
  loyalty cards, digit groups) beside labels like blood groups (energy classes ``A+``, grades ``B-``, ratings
  ``AA+``), birth dates and names: no patient record, so no record number.

>>> cols = clinical_tables(7, rows=40)
>>> len({c.table for c in cols}), sum(c.label == "MEDICAL_RECORD_NUMBER" for c in cols) > 12
(20, True)
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import UP, Kind, _birth, _digits, _full_name, _row_id, _table

SEED_OFFSET = 97  # its own generator (47-89 are other modules'): the tables before it stay as they were
CLINICAL_LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt-br", "ru", "hu", "el", "sk", "hr")
KEYED_TABLES = ("en", "de", "es", "pt-br")
SHOP_TABLES = ("en-gb", "de", "fr", "it")

_ICD10 = ("E11.9", "I10", "J45.909", "C34.90", "K21.9", "F32.9", "M54.5", "N18.3", "Z79.4", "I48.91", "J18.9",
          "S72.001A", "O80", "G43.909", "E78.5", "A41.9", "R07.9", "K35.80", "I21.4", "N39.0", "C50.911", "F10.20")
_ATC = ("A10BA02", "C09AA05", "N02BE01", "J01CA04", "C10AA05", "B01AC06", "R03AC02", "H03AA01", "A02BC01",
        "N06AB06", "C07AB07", "J01DD04", "N05BA01", "M01AE01", "C03CA01", "B01AA03")
_LOINC = ("2160-0", "718-7", "2345-7", "2951-2", "4548-4", "2093-3", "6690-2", "777-3", "1742-6", "2823-3",
          "1920-8", "3094-0", "2571-8", "2085-9")
_NDC = ("0002-3227-30", "50090-2875-0", "0071-0155-23", "68180-513-01", "0378-0208-01", "0093-7180-56",
        "16714-234-01", "0781-1506-10", "60505-0141-1", "0172-4096-60")
_BLOOD = ("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")
_WARD = {"en": ("Ward", "Bed"), "de": ("Station", "Bett"), "fr": ("Service", "Lit"), "es": ("Planta", "Cama"),
         "it": ("Reparto", "Letto"), "nl": ("Afdeling", "Bed"), "pt": ("Ala", "Leito"), "ru": ("Отделение", "Койка"),
         "hu": ("Osztály", "Ágy"), "el": ("Πτέρυγα", "Κλίνη"), "sk": ("Oddelenie", "Lôžko"), "hr": ("Odjel", "Krevet")}


def _mod11(body: str) -> str:
    total = sum(int(d) * (i + 2) for i, d in enumerate(reversed(body)))
    return body + str((11 - total % 11) % 11 % 10)


_RECORD_FORMATS = (
    lambda rng: _digits(rng, rng.choice([7, 8])).lstrip("0") or "7",  # drawn digits, stored bare
    lambda rng: _mod11(_digits(rng, 7)),  # a check digit
    lambda rng: f"H{_digits(rng, 7)}",  # a letter and digits
    lambda rng: f"{rng.choice(['RXH', 'RJ1'])}{_digits(rng, 7)}",  # a trust's letters
    lambda rng: f"{_digits(rng, 2)}-{_digits(rng, 3)}-{_digits(rng, 3)}",  # digit groups
    lambda rng: f"{rng.randint(10**8, 10**10 - 1)}",  # nine or ten digits
)


def _record_kind(fmt: int) -> Kind:
    """MEDICAL_RECORD_NUMBER in one format, under honest, abbreviated, local and opaque names."""
    return Kind("MEDICAL_RECORD_NUMBER", lambda g, rng, loc: _RECORD_FORMATS[fmt](rng),
                ("patient_number", "hospital_number", "chart_number", "record_number"),
                ("ptNo", "HOSPNUM", "chartNr", "recNum"),
                {"de": ("patientennummer", "aktenzeichen_patient", "kartei_nr"),
                 "fr": ("numero_dossier", "dossier_patient", "no_patient"),
                 "es": ("historia_clinica", "num_historia", "expediente"),
                 "it": ("cartella_clinica", "num_cartella", "codice_paziente"),
                 "nl": ("patientnummer", "dossiernummer"), "pt": ("prontuario", "num_prontuario"),
                 "ru": ("номер_медкарты", "медкарта"), "hu": ("betegszam", "korlapszam", "torzsszam"),
                 "el": ("αριθμός_μητρώου", "αμκα_νοσοκομείου"), "sk": ("cislo_pacienta", "chorobopis"),
                 "hr": ("broj_pacijenta", "maticni_broj_bolnice")})


def _encounter(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"{rng.randint(2019, 2026)}{_digits(rng, 6)}", f"V{_digits(rng, 8)}"])


ENCOUNTER = Kind("MEDICAL_RECORD_NUMBER", _encounter, ("encounter_number", "visit_number", "case_number"),
                 ("encNo", "visitNr", "CASE_NO"),
                 {"de": ("fallnummer", "fall_nr"), "fr": ("numero_sejour", "no_venue"), "es": ("episodio",),
                  "it": ("numero_ricovero",), "nl": ("opnamenummer",), "pt": ("atendimento",),
                  "ru": ("номер_госпитализации",), "hu": ("felvetel_szam",), "el": ("αριθμός_εισαγωγής",),
                  "sk": ("cislo_hospitalizacie",), "hr": ("broj_prijema",)})


def _admitted(rng: random.Random) -> dt.date:
    return dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1400))


def _admission(g: Any, rng: random.Random, loc: str) -> str:
    return _admitted(rng).isoformat()


def _discharge(g: Any, rng: random.Random, loc: str) -> str:
    return (_admitted(rng) + dt.timedelta(days=rng.randint(0, 21))).isoformat()


def _ward(g: Any, rng: random.Random, loc: str) -> str:
    ward, bed = _WARD.get(loc.split("-")[0], _WARD["en"])
    return f"{ward} {rng.randint(1, 9)}{rng.choice('ABC')} / {bed} {rng.randint(1, 24)}"


COMPANIONS: tuple[Kind, ...] = (
    Kind("ICD10_CODE", lambda g, rng, loc: rng.choice(_ICD10), ("diagnosis_code", "icd10"), ("dxCode", "ICD"),
         {"de": ("diagnose",), "fr": ("diagnostic",), "es": ("diagnostico",)}),
    Kind(None, lambda g, rng, loc: rng.choice(_ATC), ("drug_code", "atc_code"), ("atcCd", "medCode")),
    Kind(None, lambda g, rng, loc: rng.choice(_LOINC), ("lab_test", "loinc"), ("labCd", "testCode")),
    Kind(None, lambda g, rng, loc: rng.choice(_NDC), ("ndc", "product_ndc"), ("ndcCode",)),
)
CONTEXT: tuple[Kind, ...] = (
    Kind(None, lambda g, rng, loc: rng.choice(_BLOOD), ("blood_group", "blood_type"), ("bldGrp", "ABO_RH")),
    Kind(None, _admission, ("admission_date", "admitted_on"), ("admDt", "ADMIT_DT")),
    Kind(None, _discharge, ("discharge_date", "discharged_on"), ("dischDt", "DISCH_DT")),
    Kind(None, _ward, ("ward_bed", "location"), ("wardBed", "LOC")),
)
PATIENT = Kind("PERSON_NAME", _full_name, ("patient_name", "name", "full_name"), ("ptName", "NAME"))
BIRTH = Kind("DATE_OF_BIRTH", _birth, ("birth_date", "date_of_birth", "dob"), ("dob_dt", "bDate", "DOB"))


def _lab_order(g: Any, rng: random.Random, loc: str) -> str:
    return f"ORD-{_digits(rng, 7)}"


def _invoice(g: Any, rng: random.Random, loc: str) -> str:
    return f"INV-{rng.randint(2021, 2026)}-{_digits(rng, 6)}"


# dev_split._table fills a dense run (some zero-padded) for _row_id.
ROW_KEY = Kind(None, _row_id, ("patient_id", "id", "row_id", "record_id"), ("ptId", "PK"))
KEYED_NEGATIVES: tuple[Kind, ...] = (
    Kind(None, _lab_order, ("lab_order", "order_no"), ("ordNo",)),
    Kind(None, _invoice, ("invoice_no", "bill_no"), ("invNo",)),
)


def _customer(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([_digits(rng, 8).lstrip("0") or "8", f"{_digits(rng, 2)}-{_digits(rng, 3)}-{_digits(rng, 3)}"])


def _loyalty(g: Any, rng: random.Random, loc: str) -> str:
    return f"H{_digits(rng, 7)}"


def _label(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(["A+", "A", "A-", "B+", "B-", "B", "AB", "A++", "C", "AA+", "BBB-"])


def _purchase(g: Any, rng: random.Random, loc: str) -> str:
    return (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 700))).isoformat()


SHOP: tuple[Kind, ...] = (
    Kind(None, _customer, ("customer_number", "member_no"), ("custNo", "MBR_NR")),
    Kind(None, _loyalty, ("loyalty_card", "card_ref"), ("loyCard",)),
    Kind(None, _label, ("energy_class", "grade"), ("enCls", "GRADE")),
    Kind(None, _purchase, ("purchase_date", "ordered_on"), ("purchDt",)),
    Kind(None, lambda g, rng, loc: f"SO{_digits(rng, 7)}", ("sales_order", "order_ref"), ("soNo",)),
    Kind(None, lambda g, rng, loc: f"{rng.choice(UP)}{rng.choice(UP)}{rng.randint(100, 999)}",
         ("product_code", "article"), ("artNr",)),
)


def clinical_tables(seed: int, rows: int) -> list[Column]:
    """The clinical tables, the keyed clinical tables and the shop tables (see the module's docstring).

    >>> cols = clinical_tables(3, rows=20)
    >>> sorted({c.table[:3] for c in cols})
    ['dcs', 'dkc', 'dxc']
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(CLINICAL_LOCALES):
        kinds = [_record_kind(li % len(_RECORD_FORMATS)), PATIENT, BIRTH]
        kinds += rng.sample(COMPANIONS, rng.choice([1, 2]))
        kinds += rng.sample(CONTEXT, rng.choice([1, 2, 3]))
        if rng.random() < 0.4:
            kinds.append(ENCOUNTER)
        if rng.random() < 0.4:
            kinds.append(ROW_KEY)
        rng.shuffle(kinds)
        columns += _table(f"dxc{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.5, rng, rows)
    for li, locale in enumerate(KEYED_TABLES):
        kinds = [ROW_KEY, PATIENT, BIRTH, *rng.sample(COMPANIONS, 2), *rng.sample(CONTEXT, 2), *KEYED_NEGATIVES]
        rng.shuffle(kinds)
        columns += _table(f"dkc{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.5, rng, rows)
    for li, locale in enumerate(SHOP_TABLES):
        kinds = [Kind("PERSON_NAME", _full_name, ("customer_name", "name")),
                 Kind("DATE_OF_BIRTH", _birth, ("birth_date", "dob")), *SHOP]
        rng.shuffle(kinds)
        columns += _table(f"dcs{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.6, rng, rows)
    return columns
