"""Character ranges of the scripts written without spaces between words, for regular-expression classes.

Japanese and Chinese run their words together, Thai, Lao, Myanmar and Khmer too, and Korean attaches its
particles to the word before. The text scrubber reads their letters as token boundaries
(:mod:`maskline.text.span_text`) and the classifier reads their sentences as prose
(:mod:`maskline.classify.caseless_names`); both take the ranges from here. A module of constants only, so that
either imports it without the other's package.

>>> import re
>>> bool(re.fullmatch(f"[{HAN_KANA}]+", "山田たろう")), bool(re.fullmatch(f"[{UNSPACED_LETTERS}]+", "김민준ใบไม้"))
(True, True)
"""

from __future__ import annotations

# Japanese and Chinese letters: Hiragana, Katakana, CJK extension A, CJK unified ideographs.
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
# Thai, Lao, Myanmar and Khmer letters.
SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# Every letter of those scripts, and Korean's: CJK symbols and punctuation, Han and kana, Hangul compatibility jamo,
# syllables and jamo, CJK compatibility ideographs, half-width Katakana, and the Southeast Asian scripts.
UNSPACED_LETTERS = ("\u3001-\u303f" + HAN_KANA + "\u3130-\u318f\uac00-\ud7af\uf900-\ufaff\uff65-\uff9f\u1100-\u11ff"
                    + SOUTHEAST_ASIAN)
