"""Postal name hints in one country's word that is also an English word: the values say which is meant.

``cap`` is Italy's word for its postal code (codice di avviamento postale) and English for a capacity, a limit or
a capitalisation (``market_cap``, a reactor's ``cap``). The hint is kept unless the column's numbers break
Italy's code space, which is exact: five digits, ``00010`` to ``00199`` (Rome and its province) and ``01000`` up
(Poste Italiane's allocation; Faker's ``it_IT`` list of 4,682 codes agrees). Stored as numbers, codes lose their
leading zeros, so ``1065`` (``01065``) and ``185`` (``00185``) are still codes; ``687`` (``00687``), any
number of six digits or more, and fractions or signed numbers (a score ``-0.32``) are not. Real CAP columns have
none of those (a typo now and then); a capacity, an amount or a score has them in a share (:data:`BREAK_SHARE`).

Other countries' words (``plz``, ``cep``, ``pincode``) are not English words, so they are not read here.

>>> hint_word_refuted("cap", ["687", "1065", "514", "913", "1130", "745", "457"])
"the name's cap is not Italy's postal code: 5 of 7 numbers fall outside Italy's codes (00010-00199, 01000-99999)"
>>> hint_word_refuted("cap", ["00185", "20121", "1065", "80133", "185", "10121"]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BREAK_SHARE = 0.05  # of the column's numbers outside the code space: a typo now and then, not a share
MIN_BREAKS = 2  # ... and at least this many (one odd number is a typo)
# Italy's code space zero-padded to its five digits: 00010-00199, then 01000-99999 (no code 00200-00999).
_ITALIAN_CODES = re.compile(r"00(?:0[1-9]|1[0-9])[0-9]|0[1-9][0-9]{3}|[1-9][0-9]{4}")
_AMBIGUOUS_WORD = "cap"
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


def _only_hint_word(name: str) -> bool:
    """Whether the name's only postal word is the ambiguous ``cap`` (``market_cap``), not also ``zip``, ``codice
    postale``..."""
    from maskline.infotypes.name_hints import hint_score, name_words

    words = name_words(name)
    if _AMBIGUOUS_WORD not in words:
        return False
    rest = " ".join(w for w in words if w != _AMBIGUOUS_WORD)
    return not rest or "POSTAL_CODE" not in dict(hint_score(rest, {}))


def hint_word_refuted(name: str, values: Sequence[str]) -> str | None:
    """Why the column name's ``cap`` is the English word, not Italy's postal code, or None: its numbers break
    Italy's code space (see the module). ``values`` are the column's distinct values.

    >>> hint_word_refuted("market_cap", ["17700", "4340", "11210", "111210", "204770", "505330", "28750"])
    "the name's cap is not Italy's postal code: 3 of 7 numbers fall outside Italy's codes (00010-00199, 01000-99999)"
    >>> hint_word_refuted("cap_zip", ["687", "514", "913"]) is None  # zip says a postal code in any case
    True
    >>> hint_word_refuted("cap_gov", ["-0.32", "0.41", "1.0", "-1.52"])  # a score
    "the name's cap is not Italy's postal code: 4 of 4 numbers fall outside Italy's codes (00010-00199, 01000-99999)"
    >>> hint_word_refuted("cap", ["20121.0", "1065.0", "185.0", "80133.0"]) is None  # codes stored as floats
    True
    """
    if not _only_hint_word(name):
        return None
    numbers = _numbers(values)
    breaks = sum(1 for d in numbers if d is None or len(d) > 5 or not _ITALIAN_CODES.fullmatch(d.zfill(5)))
    if breaks < MIN_BREAKS or breaks < BREAK_SHARE * len(numbers):
        return None
    return (f"the name's cap is not Italy's postal code: {breaks} of {len(numbers)} numbers fall outside Italy's "
            "codes (00010-00199, 01000-99999)")
