"""Dates and addresses as Japanese, Chinese and Korean write them, read from the values alone.

Dates: year, month and day each followed by its word (``1984年7月21日``, ``1984년 7월 21일``). Addresses: the
units from the larger to the smaller, each closed by its word, ending in a number with its own
(``東京都千代田区丸の内1-2-3``, ``北京市朝阳区建国路88号``, ``서울특별시 강남구 테헤란로 123``). Controls: recent
dates in the same form, lots, halls and products with a number, and numbers with units, stay untyped.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify.column import classify_column
from maskline.infotypes.validators import parse_date, street_address

RNG = random.Random(2026)


def _birth_dates(form: str) -> list[str]:
    return [form.format(y=RNG.randint(1940, 2004), m=RNG.randint(1, 12), d=RNG.randint(1, 28)) for _ in range(300)]


@pytest.mark.parametrize("form", ["{y}年{m}月{d}日", "{y}年{m:02d}月{d:02d}日", "{y}년 {m}월 {d}일"])
def test_birth_dates_with_unit_words_are_dates_of_birth(form: str) -> None:
    assert classify_column("c3", _birth_dates(form)).info_type == "DATE_OF_BIRTH"


def test_recent_dates_in_the_same_form_are_events_not_births() -> None:
    recent = [f"{RNG.randint(2023, 2026)}年{RNG.randint(1, 12)}月{RNG.randint(1, 28)}日" for _ in range(300)]
    assert parse_date(recent[0]) is not None  # read as dates, so the control is not trivially true
    assert classify_column("c3", recent).info_type is None


def _pick(words: str) -> str:
    return RNG.choice(words.split())


ADDRESSES = {
    "ja": lambda: f"{_pick('東京都 大阪府 北海道 神奈川県 愛知県 福岡県 埼玉県')}"
                  f"{_pick('千代田区 港区 札幌市中央区 横浜市西区 名古屋市中区 福岡市博多区 川崎市 船橋市')}"
                  f"{_pick('丸の内 六本木 梅田 栄 天神 本町 中央 桜木町 元町 緑町 旭町 若葉')}"
                  f"{RNG.randint(1, 9)}-{RNG.randint(1, 30)}-{RNG.randint(1, 20)}",
    "zh": lambda: f"{_pick('北京市 上海市 广州市 深圳市 杭州市 成都市')}{_pick('朝阳区 浦东新区 天河区 南山区 西湖区 海淀区')}"
                  f"{_pick('建国路 世纪大道 中山路 人民路 解放路 和平街 长安街 文化路 光明巷')}{RNG.randint(1, 500)}号",
    "ko": lambda: f"{_pick('서울특별시 부산광역시 인천광역시 대구광역시')} {_pick('강남구 종로구 마포구 해운대구 남동구 수성구')} "
                  f"{_pick('테헤란로 세종대로 월드컵로 해운대로 인하로 달구벌대로 봉은사로 올림픽로')} {RNG.randint(1, 500)}",
}


@pytest.mark.parametrize("language", sorted(ADDRESSES))
def test_addresses_are_street_addresses_by_their_values(language: str) -> None:
    assert classify_column("c3", [ADDRESSES[language]() for _ in range(300)]).info_type == "STREET_ADDRESS"


@pytest.mark.parametrize("value", ["東京都限定パッケージ3個入り", "区画12号", "市場3号館", "2026年12月4日", "第3四半期",
                                   "北京烤鸭2份", "강남구 맛집 3곳"])
def test_things_with_a_number_and_a_unit_word_are_not_addresses(value: str) -> None:
    assert not street_address(value)


def test_addresses_inside_prose_are_masked_with_their_place_names() -> None:
    from maskline.text import scrub

    assert scrub("お届け先は東京都千代田区丸の内1-2-3です。", prose=True)[0] == "お届け先は[STREET_ADDRESS]です。"
    assert scrub("배송지: 서울특별시 강남구 테헤란로 123 입니다", prose=True)[0] == "배송지: [STREET_ADDRESS] 입니다"
    assert "朝阳区" not in scrub("请寄到北京市朝阳区建国路88号，谢谢", prose=True)[0]
    assert scrub("2026年12月4日に来店", prose=True)[0] == "2026年12月4日に来店"


def test_notes_with_addresses_are_free_text_with_pii() -> None:
    notes = [RNG.choice(["配送先は{a}です。", "本日は問題ありませんでした。", "請求書を再発行しました。"]).format(
        a=ADDRESSES["ja"]()) for _ in range(300)]
    assert classify_column("c9", notes).info_type == "FREE_TEXT_WITH_PII"
