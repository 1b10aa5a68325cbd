"""Values inside text written without word spaces: Japanese, Chinese, Thai run their words together, and Korean
attaches particles, so a phone or an e-mail there touches letters on both sides. The scrubber reads those letters
as token boundaries (:mod:`maskline.text.span_text`), finds the value, and replaces only the value.

Each case is paired with the same value between spaces, which the scrubber always found, so the test checks the
touching letters, not the value.
"""

from __future__ import annotations

import pytest

from maskline.text import find, scrub
from maskline.text.scrubber import scrubbed
from maskline.text.span_text import span_text

CASES = [
    ("折り返しは090-1234-5678までお願いします。", "折り返しは[PHONE]までお願いします。"),
    ("客户来电，请回拨090-1234-5678。", "客户来电，请回拨[PHONE]。"),
    ("고객이 전화했습니다. 010-1234-5678로 연락 바랍니다.", "고객이 전화했습니다. [PHONE]로 연락 바랍니다."),
    ("メールはyamada12@example.jpです。", "メールは[EMAIL]です。"),
    ("请将发票发送到wang1@example.cn，谢谢。", "请将发票发送到[EMAIL]，谢谢。"),
    ("영수증을 kim@example.kr로 보내주세요.", "영수증을 [EMAIL]로 보내주세요."),
    ("カード番号4111111111111111で支払い", "カード番号[CREDIT_CARD]で支払い"),
    ("電話０９０－１２３４－５６７８まで", "電話[PHONE]まで"),  # full-width digits and hyphens
    # A connection string's tail takes every character but a space or a quote, in any script: the words after
    # it go with it (too much is replaced, nothing leaks).
    ("接続はpostgresql://app:hunter2@db:5432/salesです", "接続は[CONNECTION_STRING]"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_values_touching_unspaced_letters_are_found_and_replaced_alone(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected
    assert scrubbed(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES[:6])
def test_the_same_values_between_spaces_were_always_found(text: str, expected: str) -> None:
    spaced = span_text(text).replace("\x07", " ")
    assert [f.type for f in find(spaced)] == [f.type for f in find(text)]


def test_dates_and_counts_between_letters_stay_text() -> None:
    for text in ("2026年12月04日に来店", "価格は1234円、5678円です", "第3章1節"):
        assert find(text) == []


def test_text_as_written_is_still_searched() -> None:
    # An address at a domain of CJK letters is made by those letters: it is found as before (with them).
    assert [f.type for f in find("連絡はana@例え.jpまで")] == ["EMAIL"]


def test_the_reading_keeps_every_offset() -> None:
    for text, _ in CASES:
        assert len(span_text(text)) == len(text)
    plain = "nothing to read differently: ümlaut, ñ"
    assert span_text(plain) is plain
