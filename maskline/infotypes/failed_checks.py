"""Numbers whose shape is right and only their check digits fail: the shape half of a validator, for a name to confirm.

Test data, fixtures and numbers typed by hand carry the right structure with made-up check digits. Alone such a
value proves nothing (random strings of the shape pass these checks half the time or more); under a column name
that says what it is, name and shape agree and the column is that type, at lower confidence
(:data:`maskline.infotypes.detectors.DETECTORS`: ``card-shape``, ``iban-shape``).

>>> iban_shape("DE00123456781234567890"), iban_shape("DE89370400440532013000"), iban_shape("DE0012345678")
(True, True, False)
>>> iban_shape("XX00123456781234567890"), iban_shape("GB00ABCD12345612345678"), iban_shape("GB0012345612345678AB")
(False, True, False)
"""

from __future__ import annotations

import re

_COMPACT = re.compile(r"[ \-.]")
_OPENING = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]+$")


def iban_shape(value: str) -> bool:
    """An IBAN's structure (python-stdnum: the country's length and the layout of its BBAN), its two check digits
    whatever they are: the number with the check digits stdnum computes for it must validate."""
    v = _COMPACT.sub("", value.strip().upper())
    if not 15 <= len(v) <= 34 or not _OPENING.match(v):
        return False
    from stdnum import iban

    try:
        fixed = v[:2] + iban.calc_check_digits(v) + v[4:]
        iban.validate(fixed, check_country=False)
    except Exception:  # noqa: BLE001 - stdnum raises on an unknown country or a wrong layout: not this shape
        return False
    return True
