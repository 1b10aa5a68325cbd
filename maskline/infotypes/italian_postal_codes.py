"""Italy's postal codes (CAP, codice di avviamento postale) as a code space numbers can break.

The space is exact: five digits, ``00010`` to ``00199`` (Rome and its province) and ``01000`` up (Poste Italiane's
allocation; Faker's ``it_IT`` list of 4,682 codes agrees). Stored as numbers, codes lose their leading zeros, so
``1065`` (``01065``) and ``185`` (``00185``) are still codes; ``687`` (``00687``), any number of six digits or more,
and fractions or signed numbers (a score ``-0.32``) are not. Real CAP columns have none of those (a typo now and
then); a capacity, an amount or a score has them in a share (:data:`BREAK_SHARE`). The column-name word ``cap``
(:data:`maskline.infotypes.name_hints.VALUE_REFUTABLE_HINTS`) is refuted by this check.

>>> outside_italian_codes(["687", "1065", "514", "913", "1130", "745", "457"])
"5 of 7 numbers fall outside Italy's codes (00010-00199, 01000-99999)"
>>> outside_italian_codes(["00185", "20121", "1065", "80133", "185", "10121"]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BREAK_SHARE = 0.05  # of the column's numbers outside the code space: a typo now and then, not a share
MIN_BREAKS = 2  # ... and at least this many (one odd number is a typo)
# Italy's code space zero-padded to its five digits: 00010-00199, then 01000-99999 (no code 00200-00999).
_ITALIAN_CODES = re.compile(r"00(?:0[1-9]|1[0-9])[0-9]|0[1-9][0-9]{3}|[1-9][0-9]{4}")
_NUMBER = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")


def _numbers(values: Sequence[str]) -> list[str | None]:
    """The values that are numbers: a whole number's digits (floats' ``.0`` dropped), or None for a number that
    cannot be a code (a fraction, a sign). Text with letters (``I-00185``) is not read."""
    out: list[str | None] = []
    for v in values:
        m = _NUMBER.fullmatch(v.strip())
        if m:
            whole = not m.group(1) and not (m.group(3) or "0").strip("0")
            out.append(m.group(2) if whole else None)
    return out


def outside_italian_codes(values: Sequence[str]) -> str | None:
    """Why the column's numbers are not Italy's postal codes, or None: a share of them break the code space (see
    the module). ``values`` are the column's distinct values.

    >>> outside_italian_codes(["17700", "4340", "11210", "111210", "204770", "505330", "28750"])  # market caps
    "3 of 7 numbers fall outside Italy's codes (00010-00199, 01000-99999)"
    >>> outside_italian_codes(["-0.32", "0.41", "1.0", "-1.52"])  # a score
    "4 of 4 numbers fall outside Italy's codes (00010-00199, 01000-99999)"
    >>> outside_italian_codes(["20121.0", "1065.0", "185.0", "80133.0"]) is None  # codes stored as floats
    True
    """
    numbers = _numbers(values)
    breaks = sum(1 for d in numbers if d is None or len(d) > 5 or not _ITALIAN_CODES.fullmatch(d.zfill(5)))
    if breaks < MIN_BREAKS or breaks < BREAK_SHARE * len(numbers):
        return None
    return f"{breaks} of {len(numbers)} numbers fall outside Italy's codes (00010-00199, 01000-99999)"
