"""Patient identifiers whose form proves them: New Zealand's NHI number, an HL7 v2 patient identifier that names
its own type, and the NHS and CHI numbers' mod-11 check digit.

- **NHI** (National Health Index, HISO 10046): three letters without I and O, then either four digits (the last a
  mod-11 check digit) or two digits, a letter and a check letter (mod 23, as HISO 10046:2023 has it; the 2022
  routine's mod 24 was replaced). Random codes of the shape pass about one time in eleven (old form) or twenty-three
  (new form). python-stdnum has no NHI, and the one PyPI package that
  checks it (``python-nhi``) is a single function, so the check is restated here from the standard.
  An NHI is issued by the health system to each person it treats and keys every health record in New Zealand, as
  the NHS number does in England (whose name hint reads as a medical record number too): read as
  MEDICAL_RECORD_NUMBER, not NATIONAL_ID (New Zealand has no general national number; both types are masked by the
  same keyed pseudonym).
- **HL7 v2 CX** (the PID-3 patient identifier list, ``12345678^^^HOSP^MR``): its fifth component is the
  identifier type code (HL7 table 0203). The codes of a patient's record number (``MR`` medical record number,
  ``MRT`` temporary one, ``PI`` patient internal identifier, ``PT`` patient external identifier, ``PE`` living
  subject enterprise number) say what the id is; no other type's code counts here.
- **NHS and CHI numbers**: ten digits whose tenth is the mod-11 check digit over weights 10..2 (python-stdnum's
  ``gb.nhs``; Scotland's CHI number, its first six digits the birth date, is checked the same way). Ten such digits
  are also a valid ISBN-10 (the same weights), so the digits alone prove nothing: they count only under a name that
  says medical record (the detector's ``needs_hint``).

>>> nz_nhi("ZAC5361"), nz_nhi("ZBN77VL"), nz_nhi("zsc21tn"), nz_nhi("ZZZ0044"), nz_nhi("ZZZ00AA")
(True, True, True, False, False)
>>> hl7_patient_identifier("12345678^^^HOSP^MR"), hl7_patient_identifier("123-45-6789^^^SSA^SS")
(True, False)
"""

from __future__ import annotations

import re

# HISO 10046's alphabet: the letters without I and O, valued 1 (A) to 24 (Z).
NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_OLD_NHI = re.compile(r"[A-HJ-NP-Z]{3}[0-9]{4}")
_NEW_NHI = re.compile(r"[A-HJ-NP-Z]{3}[0-9]{2}[A-HJ-NP-Z]{2}")
# HL7 table 0203 codes of a patient's record number.
MEDICAL_RECORD_TYPE_CODES = frozenset({"MR", "MRT", "PI", "PT", "PE"})
# One CX repetition: the id, check digit, check digit scheme, assigning authority (its own subcomponents split by
# &), the identifier type code, and optional further components; repetitions are split by ~.
_CX = re.compile(r"([^\^~|]{1,40})\^([^\^~|]*)\^([^\^~|]*)\^([^\^~|]*)\^([A-Za-z]{1,5})(\^[^~|]*)?")


def _nhi_value(c: str) -> int:
    return int(c) if c.isdigit() else NHI_LETTERS.index(c) + 1


def nz_nhi(value: str) -> bool:
    """Whether a value is a New Zealand NHI number whose check character holds (either form, any case).

    >>> nz_nhi("WLD9413"), nz_nhi("WLD9414"), nz_nhi("ABI1234"), nz_nhi(" zbn77vl ")
    (True, False, False, True)
    >>> nz_nhi("IOA1234"), nz_nhi("ZAC536")
    (False, False)
    """
    v = value.strip().upper()
    old, new = _OLD_NHI.fullmatch(v), _NEW_NHI.fullmatch(v)
    if not (old or new):  # I and O are no NHI letters: the format is checked before any letter is valued
        return False
    weighted = sum(_nhi_value(c) * w for c, w in zip(v[:6], range(7, 1, -1), strict=False))
    if old:
        rest = weighted % 11
        return rest != 0 and (11 - rest) % 10 == int(v[6])
    return 23 - weighted % 23 == _nhi_value(v[6])


def hl7_patient_identifier(value: str) -> bool:
    """Whether a value is an HL7 v2 CX identifier (PID-3) whose type code says a patient's record number, in its
    first repetition.

    >>> hl7_patient_identifier("0012345^^^ST MARY&2.16.840.1.113883.19.5&ISO^PI"), hl7_patient_identifier("A^B")
    (True, False)
    >>> hl7_patient_identifier("4455667^^^HOSP^MR~943476591^^^NHS^NH")
    True
    """
    m = _CX.fullmatch(value.strip().split("~")[0])
    return m is not None and any(c.isalnum() for c in m.group(1)) \
        and m.group(5).upper() in MEDICAL_RECORD_TYPE_CODES


def nhs_check_digit(value: str) -> bool:
    """Ten digits (spaced 3-3-4 or bare) whose last is the NHS mod-11 check digit: an NHS or CHI number's form.

    >>> nhs_check_digit("943 476 5919"), nhs_check_digit("9434765918"), nhs_check_digit("943476591")
    (True, False, False)
    """
    from stdnum.gb import nhs

    digits = value.strip().replace(" ", "").replace("-", "")
    return len(digits) == 10 and digits.isdigit() and bool(nhs.is_valid(digits))
