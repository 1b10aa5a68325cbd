"""Thai addresses inside prose: a house number, the units a Thai address names, and a five-digit postal code.

A Thai address is written from the house to the province, each unit opened by its word, and closes with the postal
code: ``937 ถ.เจริญรัมย์ ต.บางตลาด จ.อ่างทอง 97770``, ``64 หมู่ 3 ถนนตราชู ตำบลเขาพระนอน อำเภอสะพานสูง ราชบุรี
60120``. The street patterns of the prose pass look for a street word after a number in Latin letters; Thai's unit
words (ถนน/ถ. road, ซอย/ซ. lane, หมู่ village, ตำบล/ต./แขวง subdistrict, อำเภอ/อ./เขต district, จังหวัด/จ.
province) open the word they name. So an address here is a house number (``75/8``), a unit word opening a word
within the next two words, any words of Thai letters, and a five-digit code at most eight words later. A sentence
with a number and a code but no unit word (a price, an order number) is none.

>>> text = "ส่งของไปที่ 937 ถ.เจริญรัมย์ ต.บางตลาด จ.อ่างทอง 97770 นะคะ"
>>> [text[a:b] for a, b in thai_address_spans(text)]
['937 ถ.เจริญรัมย์ ต.บางตลาด จ.อ่างทอง 97770']
>>> thai_address_spans("สั่งซื้อ 3 ชิ้น ราคา 12500 บาท")
[]
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\S+")
_HOUSE = re.compile(r"\d{1,4}(?:/\d{1,4})?")
_UNIT = re.compile(r"(?:ถนน|ถ\.|ซอย|ซ\.|หมู่|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.)")
_INSIDE = re.compile(r"[\u0e00-\u0e7f][\u0e00-\u0e7f.]*|\d{1,3}")  # a unit's name, a village's number
_CODE = re.compile(r"\d{5}")
UNIT_WITHIN = 2  # words after the house number in which a unit word must open one
CODE_WITHIN = 9  # words after the unit word in which the postal code must come


def thai_address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of Thai addresses in ``text`` (see the module's docstring). Word by word, not one regular
    expression: the words between the unit and the code are any Thai words, which a pattern would try every way.

    >>> t = "ขอเปลี่ยนที่อยู่เป็น 64 หมู่ 3 ถ.ตราชู ตำบลเขาพระนอน อำเภอสะพานสูง ราชบุรี 60120 ด้วยครับ"
    >>> [t[a:b] for a, b in thai_address_spans(t)]
    ['64 หมู่ 3 ถ.ตราชู ตำบลเขาพระนอน อำเภอสะพานสูง ราชบุรี 60120']
    """
    if not any("\u0e00" <= c <= "\u0e7f" for c in text):
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not _HOUSE.fullmatch(tokens[i][2]):
            i += 1
            continue
        unit = next((j for j in range(i + 1, min(len(tokens), i + 1 + UNIT_WITHIN))
                     if _UNIT.match(tokens[j][2])), None)
        end = None
        if unit is not None:
            for j in range(unit + 1, min(len(tokens), unit + 1 + CODE_WITHIN)):
                word = tokens[j][2]
                if _CODE.fullmatch(word):
                    end = j
                    break
                if not _INSIDE.fullmatch(word):
                    break
        if end is None:
            i += 1
            continue
        spans.append((tokens[i][0], tokens[end][1]))
        i = end + 1
    return spans
