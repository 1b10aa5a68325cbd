"""Notes in Japanese, Chinese, Korean and Thai that name a person with an honorific, give a phone inside a Thai
sentence, or an address in Thai or traditional Chinese, are FREE_TEXT_WITH_PII (issue 15).

Before, none had a capital letter or a space to find the name by: the columns read as uncertain (Korean ones as
safe). Controls: the same honorifics without a name (お客様, 皆様, 这位先生, 各位女士, 고객님, คุณภาพ), which no rule
may read as people. Names are taken from the name lists; sentences are written here.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.text.honorific_names import honorific_name_spans

FILLER = {
    "ja": ["本日は特に問題ありませんでした。", "請求書の再発行を依頼されました。", "配送が遅れているため確認中です。",
           "返品の手続きを案内しました。"],
    "zh": ["今天没有问题。", "客户要求更改送货地址。", "已经处理完毕，等待回复。", "订单已发货，请注意查收。"],
    "ko": ["오늘은 특별한 문제가 없었습니다.", "배송이 늦어지고 있어 확인 중입니다.", "환불 요청이 접수되었습니다."],
    "th": ["วันนี้ไม่มีปัญหาอะไรลูกค้าพอใจมาก", "สินค้าส่งช้ากว่ากำหนดกำลังตรวจสอบให้", "ลูกค้าขอคืนเงินเรียบร้อยแล้ว"],
}
NAMED = {
    "ja": ["{}さんから電話がありました。", "担当の{}先生に確認済み。", "{}様より返品の依頼あり。"],
    "zh": ["{}先生来电询问订单。", "{}女士要求退款。", "请{}小姐回电确认。"],
    "ko": ["{} 씨가 전화했습니다. 다시 연락 바랍니다.", "{}님이 반품을 요청했습니다.", "담당자 {} 님에게 전달했습니다."],
    "th": ["คุณ{}โทรมาสอบถามเรื่องสินค้าที่สั่งไว้", "ส่งต่อให้คุณ{}ดำเนินการต่อแล้ว"],
}
PEOPLE = {"ja": ["山田", "佐藤", "小林", "伊藤"], "zh": ["王", "刘", "陈", "张"], "ko": ["김민준", "이서연", "박지훈", "조재현"],
          "th": ["ณัฐธิตา", "นิภา", "ราณี", "เสรี", "ดิลก", "มนัส"]}
UNNAMED = {
    "ja": ["お客様から電話がありました。", "皆様にご迷惑をおかけしました。", "お母さんが代理で来店しました。"],
    "zh": ["这位先生很满意。", "各位女士先生，欢迎光临。", "那位小姐已经付款。"],
    "ko": ["고객님께 연락드렸습니다.", "선생님께서 다시 방문하신다고 합니다.", "이 고객님은 환불을 원하십니다."],
    "th": ["คุณภาพสินค้าดีมากลูกค้าพอใจ", "คุณลูกค้าแจ้งว่าสินค้าชำรุด", "คุณสมบัติของสินค้าตรงตามที่แจ้ง"],
}


def _column(language: str, marked: list[str], seed: int, share: float = 0.15) -> list[str]:
    rng = random.Random(seed)  # its own: the notes must not depend on which tests ran before
    return [rng.choice(marked) if rng.random() < share else rng.choice(FILLER[language]) for _ in range(300)]


@pytest.mark.parametrize("language", sorted(NAMED))
def test_notes_naming_people_with_an_honorific_are_free_text_with_pii(language: str) -> None:
    marked = [t.format(p) for t in NAMED[language] for p in PEOPLE[language]]
    c = classify_column("c4", _column(language, marked, 5))
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


@pytest.mark.parametrize("language", sorted(UNNAMED))
def test_control_honorifics_without_a_name_are_not_people(language: str) -> None:
    c = classify_column("c4", _column(language, UNNAMED[language], 6, share=0.4))
    assert c.info_type is None, c.evidence
    assert all(honorific_name_spans(t) == [] for t in UNNAMED[language])


@pytest.mark.parametrize(("text", "names"), [
    ("担当の山田さんから電話がありました。", ["山田"]),
    ("山田太郎様の注文を変更しました。", ["山田太郎"]),
    ("本日山田さんに連絡。", []),  # other Han letters glued before: one word, not read
    ("王様の話", []),
    ("王秀英女士要求退款。", ["王秀英"]),
    ("请联系高先生。", ["高"]),
    ("오늘 조재현 씨와 통화했습니다.", ["조재현"]),
    ("김한래 씨가 전화했습니다.", ["김한래"]),  # a given name the list lacks: 씨 set apart and the family name
    ("오늘 날씨가 좋다", []),
    ("배송지 씨앗", []),
    ("ส่งต่อให้คุณณัฐธิตาดำเนินการ", ["ณัฐธิตา"]),
    ("คุณภาพสินค้าดีมาก", []),
])
def test_honorific_name_spans(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in honorific_name_spans(text)] == names


def test_thai_notes_with_a_phone_inside_the_sentence_are_free_text_with_pii() -> None:
    # The number splits the sentence into two runs: before, neither run was long enough to be prose, and the
    # value held two words, so the phone was never looked for
    rng = random.Random(8)
    phones = [f"ลูกค้าโทรมาจากเบอร์ 08{rng.randint(1, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)} "
              "ขอให้ติดต่อกลับด่วน" for _ in range(40)]
    c = classify_column("c4", _column("th", phones, 9))
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_thai_and_traditional_chinese_addresses_in_notes_are_free_text_with_pii() -> None:
    rng = random.Random(10)
    thai = [f"ส่งของไปที่ {rng.randint(1, 999)} ถ.เจริญรัมย์ ต.บางตลาด จ.อ่างทอง {rng.randint(10000, 96999)} นะคะ"
            for _ in range(40)]
    assert classify_column("c4", _column("th", thai, 10)).info_type == "FREE_TEXT_WITH_PII"
    taiwan = [f"請寄到汐止市和平路{rng.randint(1, 300)}號{rng.randint(1, 9)}樓，謝謝。" for _ in range(40)]
    assert classify_column("c4", _column("zh", taiwan, 11)).info_type == "FREE_TEXT_WITH_PII"


def test_control_thai_prices_and_counts_are_no_addresses() -> None:
    rng = random.Random(12)
    prices = [f"สั่งซื้อ {rng.randint(1, 9)} ชิ้น ราคา {rng.randint(10000, 99999)} บาท ส่งฟรีทั่วประเทศ"
              for _ in range(40)]
    assert classify_column("c4", _column("th", prices, 12, share=0.4)).info_type is None
