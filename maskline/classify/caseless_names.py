"""Prose written without spaces between words (Thai, Lao, Khmer, Myanmar): a value holding a long run of letters
of such a script is a sentence, not a word.

Names in such prose are read by :func:`maskline.text.caseless_names.caseless_name_pairs`.

>>> unspaced_prose("ใบไม้กับผลัดเจ็บไข้แจ่มใสหยอกรสชาติ"), unspaced_prose("กิติกานต์ หิรัญสาลี")
(True, False)
"""

from __future__ import annotations

import re

# Scripts whose sentences are runs of letters without spaces between words: there, a run of this many letters or
# more is a sentence (or most of one), not a word, and a value holding one is prose however few spaces it has.
# Words and names run long too (a Thai family name or company name has up to 15 to 19 characters, marks
# included: 12% to 17% of the values of Thai company-name columns on the tune split reach 20); a sentence does.
UNSPACED_RUN = 20
# Thai, Lao, Myanmar, Khmer blocks; one regex search, as every short non-ASCII value of a string column asks.
_UNSPACED_RUN = re.compile(f"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]{{{UNSPACED_RUN}}}")


def unspaced_prose(value: str) -> bool:
    """Whether a value holds a run of ``UNSPACED_RUN`` letters or more in a script written without spaces between
    words (Thai, Lao, Khmer, Myanmar): a sentence, not a word.

    >>> unspaced_prose("ใบไม้กับผลัดเจ็บไข้แจ่มใสหยอกรสชาติ"), unspaced_prose("บริษัท บุญญาภิรมย์ จำกัด")
    (True, False)
    """
    return _UNSPACED_RUN.search(value) is not None
