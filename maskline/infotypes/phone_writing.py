"""Whether a column's values are written as phone numbers at all: what refutes the name word ``contact``.

A column called ``contact`` (``staff_contact``, ``organisation_contact``, ``contacto``) holds a phone number far
more often than anything else, but the word is also a person (a contact), an e-mail address, a channel (``email``,
``phone``) or a date (``last_contact``). The name cannot say which; the values can. A value is written as a phone
when it holds 7 to 15 digits and nothing but a phone's punctuation (a leading ``+``, spaces, brackets, dots,
dashes, slashes) and an extension (``x123``, ``ext. 12``); calendar dates and amounts with cents are not. The name
word is refuted when a share of the values (:data:`BREAK_SHARE`, and :data:`MIN_BREAKS` at least) is not so written;
whether the digits are a valid number anywhere is left to the phone evidence, as for any phone name.

>>> not_written_as_phones(["7995980389", "9700052431", "+44 20 7946 0018", "(303) 555-0123 x12"]) is None
True
>>> not_written_as_phones(["Ana Costa", "john@example.com", "9700052431", "Vendor desk"])
'3 of 4 values are not written as phone numbers (7 to 15 digits, only phone punctuation)'
>>> not_written_as_phones(["2021-03-04", "2022-11-30", "2020-01-02"])  # last contacted on
'3 of 3 values are not written as phone numbers (7 to 15 digits, only phone punctuation)'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BREAK_SHARE = 0.2  # of the column's values not written as phones: a stray note or two is no reason to refute
MIN_BREAKS = 2  # ... and at least this many: one value never refutes a name
_WRITTEN = re.compile(r"\+?\(?[0-9][0-9 ().\-/]{5,22}[0-9]")
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|#)\s*[0-9]{1,6}$", re.IGNORECASE)
_DATE = re.compile(r"(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:19|20)[0-9]{2}")
_CENTS = re.compile(r"-?[0-9]+[.,][0-9]{1,2}")


def written_as_phone(value: str) -> bool:
    """Whether ``value`` is written as a phone number: 7 to 15 digits, a phone's punctuation, no date or amount.

    >>> written_as_phone("0114 2345345"), written_as_phone("529.605.7429 x3065"), written_as_phone("1234567.50")
    (True, True, False)
    """
    text = _EXTENSION.sub("", value.strip())
    if not _WRITTEN.fullmatch(text) or _CENTS.fullmatch(text) or _DATE.match(text):
        return False
    return 7 <= sum(c.isdigit() for c in text) <= 15


def not_written_as_phones(values: Sequence[str]) -> str | None:
    """Why the column's values are not phone numbers by how they are written, or None (see the module). ``values``
    are the column's distinct values."""
    kept = [v for v in values if v.strip()]
    breaks = sum(1 for v in kept if not written_as_phone(v))
    if breaks < MIN_BREAKS or breaks < BREAK_SHARE * len(kept):
        return None
    return f"{breaks} of {len(kept)} values are not written as phone numbers (7 to 15 digits, only phone punctuation)"
