"""Addresses as Japanese, Chinese and Korean write them: no street word between spaces, but units in order.

An address there runs from the larger unit to the smaller, each closed by its unit's word, and ends in a number
with its own word:

- Japanese: a prefecture or municipality word (都道府県市区町村郡), a municipality word after it, then within a few
  letters a block number (1丁目, 2番地, 3号, 1-2-3): ``東京都千代田区丸の内1-2-3``, ``大阪市北区梅田3丁目``. One
  unit word alone is a lot or a hall (``区画12号``, ``市場3号館``);
- Chinese: a road, street or lane word (路街道巷弄, 条 of a hutong's 二条) then a number and 号 (號 in traditional
  script): ``北京市朝阳区建国路88号``, ``中山路123号``, ``民生街3號``;
- Korean: a district word (시, 도, 구, 군) closing a word, then a road word (로, 길) closing a later word and a
  building number: ``서울특별시 강남구 테헤란로 123``.

:func:`cjk_address` reads a value (a column's cell); :func:`cjk_address_spans` finds addresses inside prose, each
span widened to the place names before the unit word it was found at (``東京`` of ``東京都``, ``北京市朝阳区建国``
of ``建国路88号``) and the block numbers after the first (``-2-3``).

>>> cjk_address("東京都千代田区丸の内1-2-3"), cjk_address("区画12号"), cjk_address("東京都限定パッケージ3個入り")
(True, False, False)
>>> text = "お届け先は東京都千代田区丸の内1-2-3です。"
>>> [text[a:b] for a, b in cjk_address_spans(text)]
['東京都千代田区丸の内1-2-3']
"""

from __future__ import annotations

import re

_ADDRESS = re.compile(
    r"[都道府県市区町村郡][^\d\s]{0,12}?[市区町村郡][^\d\s]{0,12}?\d{1,4}(?:丁目|番地?|号|[-－]\d)"
    r"|[路街道巷弄条條][^\d\s]{0,4}?\d{1,5}[号號]"
    r"|[가-힣][시도구군]\s(?:\S+\s){0,3}?[가-힣]+[로길]\s?\d{1,5}(?:-\d{1,4})?(?!\d)")
# The place names before the first unit word the pattern starts at: the run of Han letters touching it (東京 of
# 東京都; 北京市朝阳区建国 before 路 of 建国路88号), or of Hangul (서울특 of 서울특별시). Chinese runs a sentence's
# words into the run too (请寄到北京市...): a few words too many are masked, never a part of the address left.
_PLACE_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,16}|[가-힣]{1,6})$")
# Block numbers after the first: -2-3, 2番, 3号, 4丁目5番6号.
_BLOCKS_AFTER = re.compile(r"(?:[-－]?\d{1,4}(?:丁目|番地?|号)?)*")


# A cell that is a sentence (its marks 。，！？) is a note mentioning an address, not an address: the prose pass's.
_SENTENCE_MARK = re.compile("[\u3002\uff0c\uff01\uff1f]")
ADDRESS_SHARE = 0.6  # of a cell's characters the address spans must cover: the rest is a building, a floor, a name


def cjk_address(value: str) -> bool:
    """Whether a value is an address in Japanese, Chinese or Korean (see the module's docstring): the addresses
    found in it cover most of it, and it is no sentence.

    >>> cjk_address("北京市朝阳区建国路88号"), cjk_address("서울특별시 강남구 테헤란로 123"), cjk_address("2026年12月4日")
    (True, True, False)
    >>> cjk_address("配送先は東京都千代田区丸の内1-2-3です。")  # a note that mentions one
    False
    """
    if _SENTENCE_MARK.search(value):
        return False
    spans = cjk_address_spans(value)
    return bool(spans) and sum(b - a for a, b in spans) >= ADDRESS_SHARE * len(value.strip())


def cjk_address_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each address in Japanese, Chinese or Korean inside ``text``.

    >>> text = "请寄到北京市朝阳区建国路88号，谢谢"
    >>> [text[a:b] for a, b in cjk_address_spans(text)]
    ['请寄到北京市朝阳区建国路88号']
    """
    spans: list[tuple[int, int]] = []
    for m in _ADDRESS.finditer(text):
        before = _PLACE_BEFORE.search(text, max(0, m.start() - 16), m.start())
        start = before.start() if before else m.start()
        after = _BLOCKS_AFTER.match(text, m.end())  # matches the empty string at least
        end = after.end() if after else m.end()
        spans.append((start, end))
    return spans
