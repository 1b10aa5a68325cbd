"""Medical record numbers read from an encounter table: bare digits that repeat over the rows exactly as the patient
does.

A clinical table of stays (admissions, visits, lab encounters) holds one row per stay and a patient on each of their
stays: the patient's name and birth date repeat over the rows, and so does the number the hospital issued to the
patient. Under an opaque name (``c2``, ``nr``, ``x_ref``) that number is bare digits, which say nothing alone: drawn
ids, amounts, postal codes and phone digits look the same, and a reading from the table alone (a drawn id beside a
diagnosis column: ``extcsv30``'s) typed columns of generated tables assembled at random. What this module reads is
stronger than a companion: the column's **repetition profile**. Group the sampled rows by value and count each
value's rows: a record number's counts are the patient's (three stays, one stay, five stays ...), so the multiset of
its counts is the one the patient's name or birth date column has, row for row. Columns drawn independently of the
patient never share it: one-per-row numbers (encounter keys, lab orders, specimen ids) have every count 1, a ward,
a bed or a diagnosis code has a few values with large counts, a physician a handful.

A column reads MEDICAL_RECORD_NUMBER (:data:`STRENGTH`, below every reading values give alone and above the default
minimum confidence) when all of these hold:

- it is untyped, its name hints nothing and does not say a measure or a key (:func:`_candidate`);
- 90% of its distinct values are 6 to 12 digits (stored as text, zero-padded or not, or as an integer), of at most
  two widths, and not eight-digit dates; at least :data:`MIN_PATIENTS` distinct values;
- they are no counted key: their integers spread over more than ten times the distinct values (a patients table's
  dense row key ``1..P`` repeated over the stays has the patient's profile too, and is a key a program counted;
  one prefix and a zero-padded counter, ``P00001``, is not six bare digits and is not a candidate);
- values repeat as a stay table's patients do (:data:`MIN_REPEATED_ROWS` of the rows hold a repeated value), and
  the counts agree with a PERSON_NAME or DATE_OF_BIRTH column typed with confidence on :data:`MIN_AGREEMENT` of the
  rows, with about as many distinct values;
- the table is clinical: a column typed ICD10_CODE, a column of ABO/Rh blood groups, or a column named for a stay
  (admission, discharge, ward, diagnosis, encounter in English and the hint languages);
- it is the only such column: two of them (a record number and an insurance number, both a patient's) are not told
  apart, and both stay to the fail-closed default.

What is not read: a table with one row per patient (every count 1: nothing to compare; such a record number stays
untyped and is masked by the fail-closed default), a record number with letters (the name hints and the prefix
readings cover those), a column a reading already typed (a six-digit record number read as a postal code stays so).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from maskline.classify.result import ColumnClassification

STRENGTH = 0.64  # the table's reading: below the value readings (0.72 and up), above the default minimum (0.6)
PATIENT_CONFIDENCE = 0.7  # a name or birth date column must be typed this surely to stand for the patient
MIN_PATIENTS = 10  # distinct record numbers the profile is compared on
DIGIT_SHARE = 0.9  # of the distinct values: 6-12 digits
MIN_REPEATED_ROWS = 0.3  # of the rows holding a value: in a value that repeats (patients with several stays)
MIN_AGREEMENT = 0.85  # of the rows: counts shared with the patient's column
KEY_SPREAD = 10  # a record number's integers spread over more than this many times the distinct values
_RECORD_DIGITS = re.compile(r"[0-9]{6,12}")
_BLOOD_GROUPS = frozenset({"A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-", "0+", "0-", "A", "B", "AB", "O"})
# Words of a stay in a column name (folded, as name_words gives them): English and the hint languages. Not words
# other tables use as often (service, station, alta, planta: a shop's service, a radio station, Italian "high").
STAY_WORDS = frozenset({
    "admission", "admitted", "admit", "discharge", "discharged", "ward", "diagnosis", "encounter", "icd", "icd10",
    "aufnahme", "entlassung", "diagnose", "hospitalisation", "ingreso", "diagnostico", "ricovero", "dimissione",
    "reparto", "diagnosi", "opname", "ontslag", "internacao", "leito",
})


def _counted(column: Any) -> Counter[str]:
    """A column's values with their row counts: a sample (:class:`~maskline.classify.values.ColumnValues`) or a
    list of values (tests)."""
    if hasattr(column, "counts"):
        return Counter(dict(zip(column.values, column.counts, strict=True)))
    return Counter(str(v).strip() for v in column if v is not None and str(v).strip())


def _whole(text: str) -> str:
    """``"12345678.0"`` -> ``"12345678"``: a number column's integer as it was stored."""
    return text[:-2] if text.endswith(".0") else text


def _record_digits(counts: Counter[str]) -> bool:
    """Whether the distinct values are a record number's bare digits: 6-12 digits, at most two widths, no dates,
    no counted key."""
    from maskline.infotypes.validators import _calendar_date

    distinct = [_whole(v) for v in counts]
    digits = [v for v in distinct if _RECORD_DIGITS.fullmatch(v)]
    if len(distinct) < MIN_PATIENTS or len(digits) < DIGIT_SHARE * len(distinct):
        return False
    widths = Counter(len(v) for v in digits)
    if sum(n for _, n in widths.most_common(2)) < DIGIT_SHARE * len(digits):
        return False
    if sum(1 for v in digits if len(v) == 8 and _calendar_date(v)) > 0.5 * len(digits):
        return False
    ints = [int(v) for v in digits]
    return max(ints) - min(ints) + 1 > KEY_SPREAD * len(set(ints))


def _profile(counts: Counter[str]) -> Counter[int]:
    """How many values hold each row count: ``{1: 40, 2: 25, 3: 10}``."""
    return Counter(counts.values())


def _agreement(a: Counter[int], b: Counter[int]) -> float:
    """The share of ``a``'s rows whose value's count ``b`` has as often: 1.0 when both group the rows alike."""
    rows = sum(k * n for k, n in a.items())
    return sum(k * min(n, b.get(k, 0)) for k, n in a.items()) / rows if rows else 0.0


def _repeats(counts: Counter[str]) -> bool:
    rows = sum(counts.values())
    return rows > 0 and sum(n for n in counts.values() if n > 1) >= MIN_REPEATED_ROWS * rows


def _candidate(c: ColumnClassification) -> bool:
    """An untyped column whose name says nothing the classifier reads."""
    from maskline.infotypes.name_hints import hint_score, names_measure_or_key

    return c.info_type is None and not c.signals.name_hint and not hint_score(c.name) \
        and not names_measure_or_key(c.name)


def clinical_companions(columns: Sequence[ColumnClassification], values: Mapping[str, Any]) -> tuple[str, ...]:
    """The columns that make a table clinical: typed ICD10_CODE, holding ABO/Rh blood groups (four groups or more,
    an O or an AB among them), or named for a stay.

    >>> icd = ColumnClassification("dx", "ICD10_CODE", 0.9, "sensitive")
    >>> blood = ColumnClassification("c5", None, 0.8, None)
    >>> clinical_companions([icd, blood], {"c5": ["A+", "O-", "B+", "AB+", "O+"] * 4})
    ('dx', 'c5')
    >>> clinical_companions([blood], {"c5": ["A+", "B+", "AA+", "B-"] * 4})
    ()
    """
    from maskline.infotypes.name_hints import name_words

    out = []
    for c in columns:
        if c.info_type == "ICD10_CODE" and c.confidence >= PATIENT_CONFIDENCE:
            out.append(c.name)
        elif c.info_type is None and c.name in values:
            groups = set(_counted(values[c.name]))
            blood = len(groups) >= 4 and groups <= _BLOOD_GROUPS and groups & {"O+", "O-", "0+", "0-", "AB+", "AB-"}
            if blood or set(name_words(c.name)) & STAY_WORDS:
                out.append(c.name)
    return tuple(out)


def _patient_twin(counts: Counter[str], columns: Sequence[ColumnClassification], values: Mapping[str, Any],
                 exclude: str) -> str | None:
    """The typed name or birth date column whose rows group as ``counts``'s do (the patient's), or None."""
    profile = _profile(counts)
    for c in columns:
        if c.name == exclude or c.name not in values or c.info_type not in ("PERSON_NAME", "DATE_OF_BIRTH") \
                or c.confidence < PATIENT_CONFIDENCE:
            continue
        theirs = _counted(values[c.name])
        if abs(len(theirs) - len(counts)) > 0.1 * len(counts) or \
                abs(sum(theirs.values()) - sum(counts.values())) > 0.05 * sum(counts.values()):
            continue
        if _agreement(profile, _profile(theirs)) >= MIN_AGREEMENT:
            return c.name
    return None


def with_encounter_records(columns: Sequence[ColumnClassification], min_confidence: float,
                           values: Mapping[str, Any]) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns, with the one column of bare-digit record numbers that repeats as the
    patient does in a clinical table typed MEDICAL_RECORD_NUMBER; the rest unchanged (see the module's docstring).
    ``values``: each column's sample (:class:`maskline.classify.values.ColumnValues`) or its values, by name.

    >>> import random
    >>> r = random.Random(3)
    >>> who = [r.randrange(20) for _ in range(60)] + list(range(20))
    >>> mrn = [f"{r.randint(1, 9_999_999):08d}" for _ in range(20)]
    >>> vals = {"c2": [mrn[p] for p in who], "name": [f"P{p}" for p in who],
    ...         "blood": [["A+", "O-", "B+", "AB+"][p % 4] for p in who]}
    >>> cols = (ColumnClassification("c2", None, 0.95, None), ColumnClassification("name", "PERSON_NAME", 0.9, "q"),
    ...         ColumnClassification("blood", None, 0.8, None))
    >>> [(c.info_type, c.confidence) for c in with_encounter_records(cols, 0.6, vals)][0]
    ('MEDICAL_RECORD_NUMBER', 0.64)

    A key counted over the patients (1..20) groups the rows alike and is no record number:

    >>> vals["c2"] = [str(p + 1) for p in who]
    >>> with_encounter_records(cols, 0.6, vals)[0].info_type is None
    True
    """
    if min_confidence > STRENGTH:
        return tuple(columns)
    found: dict[str, str] = {}
    for c in columns:
        if not _candidate(c) or c.name not in values:
            continue
        counts = _counted(values[c.name])
        if not _repeats(counts) or not _record_digits(counts):
            continue
        twin = _patient_twin(counts, columns, values, c.name)
        if twin is not None:
            found[c.name] = twin
    if len(found) != 1:
        return tuple(columns)
    (name, twin), = found.items()
    companions = clinical_companions([c for c in columns if c.name not in (name, twin)], values)
    if not companions:
        return tuple(columns)
    from maskline.infotypes import INFO_TYPES

    def typed(c: ColumnClassification) -> ColumnClassification:
        return replace(c, info_type="MEDICAL_RECORD_NUMBER", confidence=STRENGTH,
                       category=INFO_TYPES["MEDICAL_RECORD_NUMBER"].category,
                       evidence=("values:bare digits repeated per patient",
                                 f"table:rows grouped as {twin}'s, beside {', '.join(companions[:3])}") + c.evidence,
                       signals=replace(c.signals, near_misses=tuple(
                           m for m in c.signals.near_misses if m.info_type != "MEDICAL_RECORD_NUMBER")))

    return tuple(typed(c) if c.name == name else c for c in columns)
