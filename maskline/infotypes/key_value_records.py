"""Records of ``key=value`` fields (URL query strings, request parameters): structure a program wrote, not passwords.

Web and payment logs keep a request's parameters in one column: ``order=1970059200824964&qty=6&sku=SKU-58504``. Its
values mix capitals, lower case, digits and punctuation over eight characters and more, which is what the password
detector's complexity test reads. A password is one token a person chose; these are the same field names in every
row, each followed by its value, joined by ``&`` or ``;``. What the values inside hold is read by the detectors that
look into records (a card number inside a payment record: ``card-in-record``); a column whose field names include
a secret's (``password=``, ``token=``) is left to the password and connection-string readings, never refuted here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

RECORD_SHARE = 0.8  # of the distinct values that must be records of fields
KEY_SHARE = 0.8  # of those records in which the column's most common field names recur
MIN_RECORDS = 5  # distinct records, at least
_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_.\[\]-]{0,30})=([^&;=\s]*)")
_SEPARATOR = re.compile(r"[&;]")
# Field names that hold a secret: such records are left to the password and connection-string readings.
_SECRET_KEY = re.compile(r"(?i)pass|pwd|secret|token|key|auth|sig|session|otp|pin\b")


def record_keys(value: str) -> tuple[str, ...] | None:
    """The field names of ``value`` when it is two or more ``key=value`` fields joined by ``&`` or ``;`` (a leading
    ``?`` allowed), else None.

    >>> record_keys("order=1970059200824964&qty=6&sku=SKU-58504"), record_keys("Tr0ub4dor&3=x")
    (('order', 'qty', 'sku'), None)
    """
    parts = _SEPARATOR.split(value.removeprefix("?"))
    if len(parts) < 2:
        return None
    keys = []
    for part in parts:
        m = _FIELD.fullmatch(part)
        if m is None:
            return None
        keys.append(m.group(1))
    return tuple(keys)


def key_value_records(values: Sequence[str], rows: int = 0) -> str | None:
    """Most distinct values are records of ``key=value`` fields (:func:`record_keys`) whose field names recur
    across the column, none of them a secret's: parameters, not passwords. ``rows`` is unused (the signature of a
    shape check).

    >>> key_value_records([f"order={n}&qty={n % 7}&sku=SKU-{n % 97}" for n in range(10**15, 10**15 + 20)])
    'key=value records: 100% of 20 distinct values are fields order, qty, sku'
    >>> key_value_records([f"user=ana{n}&password=Tr0ub{n}!" for n in range(20)]) is None
    True
    """
    distinct = {v.strip() for v in values if v.strip()}
    if len(distinct) < MIN_RECORDS:
        return None
    parsed = [k for k in map(record_keys, distinct) if k is not None]
    if len(parsed) < RECORD_SHARE * len(distinct):
        return None
    counts = Counter(key for keys in parsed for key in set(keys))
    common = sorted(k for k, c in counts.items() if c >= KEY_SHARE * len(parsed))
    if not common or any(_SECRET_KEY.search(k) for k in counts):
        return None
    return (f"key=value records: {len(parsed) / len(distinct):.0%} of {len(distinct)} distinct values are fields "
            f"{', '.join(common[:5])}")
