"""Notes in Japanese and Chinese are prose, and the phones and e-mails in them make the column FREE_TEXT_WITH_PII.

Before, a Japanese or Chinese sentence had no spaces, so it was not prose (three words or more), and its phone
touched letters on both sides, so the scrubber did not find it: a column of such notes read as confidently
without PII. Controls: the same notes without values, and columns of names, companies and addresses (no
sentence mark), are not typed.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify.caseless_names import unspaced_prose
from maskline.classify.column import classify_column

RNG = random.Random(41)

NOTES = {
    "ja": ["お客様から連絡がありました。折り返しは{p}までお願いします。", "配送先を変更したいとのこと。メールは{e}です。",
           "本日は特に問題ありませんでした。", "請求書の再発行を依頼されました。"],
    "zh": ["客户来电，请回拨{p}。", "请将发票发送到{e}，谢谢。", "今天没有问题。", "客户要求更改送货地址。"],
}


def _phone() -> str:
    return f"0{RNG.randint(70, 90)}-{RNG.randint(1000, 9999)}-{RNG.randint(1000, 9999)}"


def _email() -> str:
    return f"kokyaku{RNG.randint(1, 9999)}@example.org"


@pytest.mark.parametrize("language", sorted(NOTES))
def test_notes_with_phones_and_emails_are_free_text_with_pii(language: str) -> None:
    notes = [RNG.choice(NOTES[language]).format(p=_phone(), e=_email()) for _ in range(300)]
    assert classify_column("c7", notes).info_type == "FREE_TEXT_WITH_PII"


@pytest.mark.parametrize("language", sorted(NOTES))
def test_the_same_notes_without_values_are_not(language: str) -> None:
    clean = [t for t in NOTES[language] if "{" not in t]
    notes = [RNG.choice(clean) + RNG.choice(["", "確認済み。", "以上。"]) for _ in range(300)]
    c = classify_column("c7", notes)
    assert c.info_type is None
    assert c.signals.prose  # prose without a validated span: uncertain, masked by default, not "safe"


def test_names_companies_and_addresses_are_not_sentences() -> None:
    for value in ("山田 太郎", "株式会社東京海上日動火災保険", "東京都千代田区丸の内1-2-3", "北京市朝阳区建国路88号", "山田、佐藤"):
        assert not unspaced_prose(value)
    assert unspaced_prose("客户来电，请回拨090-1234-5678。")
