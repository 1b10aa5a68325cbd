"""Dev-split tables of medical record numbers in hospital formats written by hand, and their look-alikes.

Appended to :func:`benchmarks.classification.dev_split.build` since the ``clsmrn`` round, after every other table
and from a generator of their own, so the tables before them stay as they were. One table per locale of
:data:`LOCALES` (dev locales only): four medical-record columns drawn from :data:`MEDICAL_RECORDS` and six
look-alikes from :data:`LOOKALIKES`, most under opaque names.

The record formats are the ways hospitals write them, not the classifier's rule: some carry a word (``PatNr.``,
``IPP``, ``NHC``, ``EHR``) before drawn digits, beside bare numbers; others are bare numbers with a check digit,
digit groups (``12-345-678``), or a trust's letters (``RXH1234567``). The word-less ones are MRNs too, and no rule reads them (by design: their values carry no
evidence of a medical record), so they show what the split's MRN recall misses. The look-alikes are codes of the
same shapes that are not medical records: EU VAT numbers (many Portuguese ``PT``), project ticket keys
(``PT-1234``), patient row ids as a visits table refers to them (``PAT000123``), German drug numbers (``PZN-12345678``), invoice numbers, and
reference numbers mixing templates with no medical word.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import DG, UP, Kind, _digits, _rand, _table

SEED_OFFSET = 47
LOCALES = ("en-gb", "de", "fr", "es", "it", "nl", "pt-br")
_WORD = {"en-gb": "HRN", "de": "PatNr.", "fr": "IPP", "es": "NHC", "it": "PAZ", "nl": "PT", "pt-br": "PRONT"}


def _mod11(body: str) -> str:
    """``body`` and a mod-11 check digit (weights 2, 3, 4 ... from the right; 10 as 0)."""
    total = sum(int(d) * (i + 2) for i, d in enumerate(reversed(body)))
    return body + str((11 - total % 11) % 11 % 10)


def _worded_or_bare(g: Any, rng: random.Random, loc: str) -> str:
    """The hospital's word before about half of the numbers; the rest written bare (another system's export)."""
    number = _mod11(_digits(rng, 7))
    sep = rng.choice([" ", "-", ""]) if _WORD[loc][-1] != "." else " "
    return f"{_WORD[loc]}{sep}{number}" if rng.random() < 0.5 else number


def _ehr(g: Any, rng: random.Random, loc: str) -> str:
    return f"EHR-{_digits(rng, 9)}"


def _bare_check_digit(g: Any, rng: random.Random, loc: str) -> str:
    return _mod11(str(rng.randint(10**6, 10**7 - 1)))


def _grouped(g: Any, rng: random.Random, loc: str) -> str:
    return f"{_digits(rng, 2)}-{_digits(rng, 3)}-{_digits(rng, 3)}"


def _trust(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(['RXH', 'RJ1', 'RTH'])}{_digits(rng, 7)}"


MEDICAL_RECORDS: tuple[Kind, ...] = (
    Kind("MEDICAL_RECORD_NUMBER", _worded_or_bare, ("patient_number", "record_no")),
    Kind("MEDICAL_RECORD_NUMBER", _ehr, ("ehr_id", "record_id")),
    Kind("MEDICAL_RECORD_NUMBER", _bare_check_digit, ("hospital_number", "mrn")),
    Kind("MEDICAL_RECORD_NUMBER", _grouped, ("chart_no", "medical_record")),
    Kind("MEDICAL_RECORD_NUMBER", _trust, ("hospital_no", "unit_number")),
)


def _vat(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum.pt import nif

    if rng.random() < 0.6:
        while True:
            digits = str(rng.randint(10**8, 10**9 - 1))
            if nif.is_valid(digits):
                return f"PT{digits}"
    return f"{rng.choice(['DE', 'FR', 'ES', 'NL', 'IT'])}{_digits(rng, 9)}"


def _ticket(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(['PT', 'HC', 'MR', 'OPS'])}-{rng.randint(1, 19999)}"


def _pzn(g: Any, rng: random.Random, loc: str) -> str:
    return f"PZN-{_mod11(_digits(rng, 7))}"


def _invoice(g: Any, rng: random.Random, loc: str) -> str:
    return f"INV-{rng.randint(2019, 2026)}-{_digits(rng, 6)}"


def _reference(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([f"R{_digits(rng, 7)}", f"{_digits(rng, 3)}-{_digits(rng, 4)}", f"{_rand(rng, UP, 3)}{_digits(rng, 6)}",
                       f"{_rand(rng, UP + DG, 8)}"])


def _patient_row(g: Any, rng: random.Random, loc: str) -> str:
    """A patient's row id behind a patient word, as a visits table refers to it (ids of a few hundred patients)."""
    return f"PAT{rng.randint(1, 450):06d}"


LOOKALIKES: tuple[Kind, ...] = (
    Kind(None, _vat, ("vat_id", "vat_number")),
    Kind(None, _ticket, ("ticket", "issue_key")),
    Kind(None, _patient_row, ("patient_row", "row_key")),
    Kind(None, _pzn, ("pzn", "drug_code")),
    Kind(None, _invoice, ("invoice_no", "invoice_ref")),
    Kind(None, _reference, ("reference", "ref_no")),
)


def medical_record_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: four medical-record columns and six look-alikes.

    >>> len(medical_record_tables(1, rows=5))
    70
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        kinds = rng.sample(MEDICAL_RECORDS, 4) + list(LOOKALIKES)
        rng.shuffle(kinds)
        columns += _table(f"dm{li:02d}_{locale.replace('-', '_')}", locale, kinds, 0.7, rng, rows)
    return columns
