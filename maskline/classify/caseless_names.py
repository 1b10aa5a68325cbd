"""Prose written without spaces between words (Thai, Lao, Khmer, Myanmar; Japanese and Chinese): a value holding a
long run of letters of such a script, or a Japanese or Chinese sentence, is prose, not a word.

Names in such prose are read by :func:`maskline.text.caseless_names.caseless_name_pairs`.

>>> unspaced_prose("ใบไม้กับผลัดเจ็บไข้แจ่มใสหยอกรสชาติ"), unspaced_prose("กิติกานต์ หิรัญสาลี")
(True, False)
"""

from __future__ import annotations

import re

from maskline.lazy_regex import LazyRegex
from maskline.unspaced_scripts import HAN_KANA, SOUTHEAST_ASIAN

# Scripts whose sentences are runs of letters without spaces between words: there, a run of this many letters or
# more is a sentence (or most of one), not a word, and a value holding one is prose however few spaces it has.
# Words and names run long too (a Thai family name or company name has up to 15 to 19 characters, marks
# included: 12% to 17% of the values of Thai company-name columns on the tune split reach 20); a sentence does.
UNSPACED_RUN = 20
# Thai, Lao, Myanmar, Khmer blocks, and Japanese and Chinese letters; one regex search, as every short non-ASCII
# value of a string column asks.
_UNSPACED_RUN = LazyRegex(f"[{SOUTHEAST_ASIAN}]{{{UNSPACED_RUN}}}|[{HAN_KANA}]{{{UNSPACED_RUN}}}")
# Japanese and Chinese pack a word into one to three characters, so their sentences are shorter than Thai ones
# (客户来电，请回拨 is one); what marks a sentence there is its punctuation (。、，！？) among words enough, counted by
# unspaced_words. Names, company names and addresses carry no such mark (株式会社東京海上日動火災保険,
# 東京都千代田区丸の内1-2-3), and a pair of names with one (山田、佐藤) is too short.
CJK_SENTENCE_WORDS = 3
CJK_SENTENCE_MARK = re.compile("[\u3001\u3002\uff0c\uff01\uff1f]")
_HAN_KANA_LETTER = LazyRegex(f"[{HAN_KANA}]")
_SOUTHEAST_ASIAN_LETTER = LazyRegex(f"[{SOUTHEAST_ASIAN}]")
# Thai (Lao, Khmer, Myanmar) words run four to eight characters, vowel and tone marks included (ลูกค้า "customer",
# โทร "call", สินค้า "goods"): a run of them counts a word per this many characters, as Han and kana count one per
# two, so that a name or a number inside a Thai sentence has the sentence's words around it.
SOUTHEAST_ASIAN_WORD = 6
# A Thai sentence interrupted by a number, an e-mail or a Latin word ("ลูกค้าโทรมาจากเบอร์ 099 040 4796
# ขอให้ติดต่อกลับด่วน"): two runs of this many letters or more, with a token of none of them between.
INTERRUPTED_RUN = 8


def unspaced_words(text: str) -> int:
    """The words of ``text`` that hold a letter; Japanese and Chinese run theirs together, one to three characters
    each, so two of their letters count as a word; Thai (Lao, Khmer, Myanmar) ones, ``SOUTHEAST_ASIAN_WORD``
    characters each.

    >>> unspaced_words("spoke to her about"), unspaced_words("配送先は"), unspaced_words("です。"), unspaced_words("42")
    (4, 2, 1, 0)
    >>> unspaced_words("โทรมาสอบถามเรื่องสินค้า"), unspaced_words("สมชาย")
    (3, 1)
    """
    count = 0
    for token in text.split():
        if any(c.isalpha() for c in token):
            letters = len(_HAN_KANA_LETTER.findall(token))
            thai = 0 if letters else len(_SOUTHEAST_ASIAN_LETTER.findall(token))
            count += max(1, letters // 2) if letters else max(1, thai // SOUTHEAST_ASIAN_WORD) if thai else 1
    return count


_RUN_OR_TOKEN = LazyRegex(f"[{SOUTHEAST_ASIAN}]{{{INTERRUPTED_RUN},}}|\\S+")


def _interrupted_sentence(value: str) -> bool:
    """Two long Thai (Lao, Khmer, Myanmar) runs with a whitespace-delimited token of none of their letters between."""
    runs = 0
    between = False
    for m in _RUN_OR_TOKEN.finditer(value):
        token = m.group()
        if _SOUTHEAST_ASIAN_LETTER.search(token) is None:
            between = runs > 0
            continue
        if len(token) >= INTERRUPTED_RUN and _SOUTHEAST_ASIAN_LETTER.fullmatch(token[0]) is not None:
            if runs and between:
                return True
            runs, between = runs + 1, False
    return False


def unspaced_prose(value: str) -> bool:
    """Whether a value holds a run of ``UNSPACED_RUN`` letters or more in a script written without spaces between
    words (Thai, Lao, Khmer, Myanmar): a sentence, not a word.

    >>> unspaced_prose("ใบไม้กับผลัดเจ็บไข้แจ่มใสหยอกรสชาติ"), unspaced_prose("บริษัท บุญญาภิรมย์ จำกัด")
    (True, False)

    Japanese and Chinese: a sentence mark among ``CJK_SENTENCE_WORDS`` words or more (:func:`unspaced_words`).

    >>> unspaced_prose("客户来电，请回拨090-1234。"), unspaced_prose("東京都千代田区丸の内1-2-3"), unspaced_prose("山田、佐藤")
    (True, False, False)

    A Thai sentence split by a number, an e-mail or a Latin word: two runs of ``INTERRUPTED_RUN`` letters or more
    with a token between that holds none (a given and a family name have nothing between them).

    >>> unspaced_prose("ลูกค้าโทรมาจากเบอร์ 0990404796 ขอให้ติดต่อกลับ"), unspaced_prose("ประเสริฐศักดิ์ ทองแท้มั่นคงดี")
    (True, False)
    """
    if _UNSPACED_RUN.search(value) is not None or _interrupted_sentence(value):
        return True
    return CJK_SENTENCE_MARK.search(value) is not None and unspaced_words(value) >= CJK_SENTENCE_WORDS
