"""Words hospitals write before a medical record number, and how a value splits into that word and its number.

Hospitals number their patients with a house prefix and drawn or counted digits (``MRN-004411``, ``PT123456``,
``PAT 2034567``). The prefix is often the only thing in a value that says "medical record": the digits alone are
any id. The words are abbreviations of *medical record* and *patient* and their usual local forms, in the hint
languages (English, German, French, Spanish, Italian, Portuguese, Dutch):

- medical record: ``MRN``, ``MR``, ``MRNO``, ``MRNR``, ``MREC``, ``MEDREC``, ``EMR``, ``EHR``, ``CHART``;
- patient: ``PT``, ``PTID``, ``PTNO``, ``PAT``, ``PATID``, ``PATNO``, ``PATNR`` (Patientennummer), ``PAC``
  (paciente), ``PAZ`` (paziente);
- hospital number: ``HN``, ``HRN``, ``HOSP``;
- local records: ``IPP`` (identifiant permanent du patient), ``NHC``, ``HC``, ``HCL`` (historia clínica),
  ``PRONT`` (prontuário).

Left out on purpose, as they name other things as often: single letters (``H1234567`` is also a passport's
series), ``PID`` (process ids), ``PN`` (part numbers), ``PNR`` (bookings), ``URN`` (any reference number). ``PT``
is also Portugal's: ``PT`` and nine digits that pass the NIF check digit are a Portuguese VAT number, not a patient.

>>> medical_record_split("MRN-004411"), medical_record_split("pt 123456"), medical_record_split("SO1234567")
(('mrn', '004411'), ('pt', '123456'), None)
"""

from __future__ import annotations

import re

MEDICAL_RECORD_PREFIXES = frozenset({
    "mrn", "mr", "mrno", "mrnr", "mrec", "medrec", "emr", "ehr", "chart",
    "pt", "ptid", "ptno", "pat", "patid", "patno", "patnr", "pac", "paz",
    "hn", "hrn", "hosp",
    "ipp", "nhc", "hc", "hcl", "pront",
})
MIN_DIGITS = 6  # hospital numbers have six to ten digits (project keys with 4-5 digit counters, PT-1234, do not count)
MAX_DIGITS = 10

# A word (one, or two abbreviated as people write them: "Pat.-Nr.", "MR No."), an optional separator, digits (in
# groups at most: 12-345-678), and an optional check character.
_VALUE = re.compile(r"([A-Za-z]{2,6}(?:\.?[-_ ]?[A-Za-z]{2,3})?)\.?[-_:#/ ]{0,2}([0-9]+(?:[-/ ][0-9]+){0,3})"
                    r"(?:[-/]?[0-9A-Za-z])?")
_NOT_LETTERS = re.compile(r"[^A-Za-z]")
_GROUP_SEPARATORS = re.compile(r"[-/ ]")


def medical_record_split(value: str) -> tuple[str, str] | None:
    """A value's medical-record word (lower case) and its digits, or None when it opens with no such word.

    >>> medical_record_split("PAT-12-345-678"), medical_record_split("MR 1234567-X"), medical_record_split("ipp_0012345")
    (('pat', '12345678'), ('mr', '1234567'), ('ipp', '0012345'))
    >>> medical_record_split("Pat.-Nr. 12345678"), medical_record_split("MR No. 7654321")
    (('patnr', '12345678'), ('mrno', '7654321'))
    >>> medical_record_split("PT-1234"), medical_record_split("H1234567")  # too few digits; a single letter
    (None, None)
    """
    m = _VALUE.fullmatch(value.strip())
    if m is None:
        return None
    word = _NOT_LETTERS.sub("", m.group(1)).lower()
    digits = _GROUP_SEPARATORS.sub("", m.group(2))
    if word not in MEDICAL_RECORD_PREFIXES or not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    if word == "pt" and _portuguese_vat(m.group(0)):
        return None
    return word, digits


def _portuguese_vat(value: str) -> bool:
    """``PT`` and nine digits with the NIF's check digit (random digits pass one time in ten).

    >>> _portuguese_vat("PT501964843"), _portuguese_vat("PT501964844")
    (True, False)
    """
    from stdnum.pt import nif

    digits = value[2:].lstrip("-_:#/. ")
    return len(digits) == 9 and digits.isdigit() and bool(nif.is_valid(digits))
