"""Payment card numbers truncated as receipts and exports print them, and what a column of them is.

Receipts, payment exports and back-office screens print a card's first six and last four digits and mask the rest:
``411111******1111``, ``4111 11XX XXXX 1111``, ``XXXX-XXXX-XXXX-1111``. Such a value is not a card number: PCI DSS
counts a PAN truncated to at most its first six and last four digits (first eight and last four for an eight-digit
BIN) as no cardholder data, to be stored and shown as it is. So the classifier decides (issue 15, the ``extcsv34``
round):

- a truncated PAN is a placeholder for the card readings (:func:`truncated_pan`): it proves no card and refutes
  none, as ``n/a`` does. A column where full PANs sit beside truncated ones (a half-masked export, a receipt table
  where some rows kept the number) is a card column, read from its full numbers however few they are;
- a column that holds nothing but truncated PANs (:data:`ALL_SHARE` of its values) is no card column, whatever its
  name says (``masked_pan``, ``card_number``): its card hint is refuted, and with no other value to read it is left
  uncertain, which the fail-closed default masks rather than pass.

Before this, such values were read as what their digits resembled: ``4111 11XX XXXX 1111`` in four groups as a
domestic bank account's structure, and a full PAN beside half a column of truncated ones at a share of validated
values that barely decided.

>>> truncated_pan("411111******1111"), truncated_pan("4111 11XX XXXX 1111"), truncated_pan("XXXX-XXXX-XXXX-1111")
(True, True, True)
>>> truncated_pan("4111111111111111"), truncated_pan("XXX-XX-1234"), truncated_pan("4111111111******1111")
(False, False, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ALL_SHARE = 0.9  # of a column's values (placeholders removed) that must be truncated PANs for a column of them
MAX_HEAD = 8  # first digits a truncation may keep (eight for an eight-digit BIN), besides the last four
# Digits and masking characters (stars, X, bullets, hashes), in groups as printed or not: separators go first.
_MASKED = re.compile(r"^([0-9]{0,8})([*Xx\u2022#]{2,15})([0-9]{4})$")
_SEPARATORS = re.compile(r"[ \u00a0.-]")
_MARKS = frozenset("*Xx\u2022#")


def truncated_pan(value: str) -> bool:
    """Whether ``value`` is a payment card number truncated as PCI DSS allows: its first digits (eight at most) and
    its last four kept, the rest masked, 12 to 19 positions in all.

    >>> truncated_pan("************1111"), truncated_pan("5500 00** **** 0004"), truncated_pan("**** 1234")
    (True, True, False)
    """
    if len(value) < 12 or len(value) > 25 or not _MARKS.intersection(value):
        return False
    m = _MASKED.match(_SEPARATORS.sub("", value))
    if m is None:
        return False
    head, masked, tail = m.groups()
    return 12 <= len(head) + len(masked) + len(tail) <= 19 and len(head) <= MAX_HEAD


def truncated_indices(values: Sequence[str]) -> list[int]:
    """The positions of ``values`` that are truncated PANs (:func:`truncated_pan`).

    >>> truncated_indices(["411111******1111", "4111111111111111", "n/a"])
    [0]
    """
    return [i for i, v in enumerate(values) if v[-1:].isdigit() and truncated_pan(v)]
