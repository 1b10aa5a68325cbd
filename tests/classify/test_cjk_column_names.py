"""Japanese, Chinese and Korean column names: the hints of every type, and the words inside a name that undo them.

CJK names run their words together, so a hint is found inside a longer name (``銀行口座``, ``의무기록번호``), and
what is left of the name can turn it into another column: a count or a type (``口座種別``), or another kind of
the same thing (``会員カード番号``, ``IP地址``, ``口座名義``). Each undoing case is paired with the hint it
undoes, so the control is not trivially true.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify.column import classify_column
from maskline.infotypes.name_hints import hint_score

RNG = random.Random(20261204)


def _digits(n: int, width: int) -> list[str]:
    return ["".join(RNG.choice("0123456789") for _ in range(width)) for _ in range(n)]


def _luhn(prefix: str, width: int = 16) -> str:
    body = prefix + "".join(RNG.choice("0123456789") for _ in range(width - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def _passports(n: int) -> list[str]:
    return [RNG.choice("TMRK") + "".join(RNG.choice("0123456789") for _ in range(8)) for _ in range(n)]


def _ips(n: int) -> list[str]:
    return [".".join(str(RNG.randint(1, 254)) for _ in range(4)) for _ in range(n)]


def _macs(n: int) -> list[str]:
    return [":".join(f"{RNG.randint(0, 255):02x}" for _ in range(6)) for _ in range(n)]


@pytest.mark.parametrize(("name", "values", "expected"), [
    ("銀行口座", _digits(300, 10), "BANK_ACCOUNT"),
    ("银行账户", _digits(300, 12), "BANK_ACCOUNT"),
    ("은행계좌", _digits(300, 11), "BANK_ACCOUNT"),
    ("旅券", _passports(300), "PASSPORT"),
    ("護照號碼", _passports(300), "PASSPORT"),
    ("의무기록번호", [f"{RNG.randint(0, 99999999):08d}" for _ in range(300)], "MEDICAL_RECORD_NUMBER"),
    ("就诊卡号", [f"{RNG.randint(0, 99999999):08d}" for _ in range(300)], "MEDICAL_RECORD_NUMBER"),
    ("IP地址", _ips(300), "IP_ADDRESS"),
    ("MACアドレス", _macs(300), "MAC_ADDRESS"),
    ("신용카드", [_luhn("4") for _ in range(300)], "CREDIT_CARD"),
    ("연락처", [f"010-{RNG.randint(1000, 9999)}-{RNG.randint(1000, 9999)}" for _ in range(300)], "PHONE"),
    ("암호", ["hunter2hunter", "qwerty12345", "letmein!2024", "Tr0ub4dor&3"] * 75, "PASSWORD"),
])
def test_cjk_names_are_hints_of_every_type(name: str, values: list[str], expected: str) -> None:
    assert classify_column(name, values).info_type == expected


@pytest.mark.parametrize(("hinted", "undone", "info_type"), [
    ("口座番号", "口座種別", "BANK_ACCOUNT"),  # the account's type: 普通, 当座
    ("口座番号", "口座名義", "BANK_ACCOUNT"),  # the holder's name
    ("银行账号", "登录账号", "BANK_ACCOUNT"),  # a login, in Chinese also "账号"
    ("カード番号", "会員カード番号", "CREDIT_CARD"),  # a loyalty card
    ("カード番号", "カード有効期限", "CREDIT_CARD"),  # the expiry date, not the number
    ("등록번호", "사업자등록번호", "MEDICAL_RECORD_NUMBER"),  # a public business registration number
    ("地址", "IP地址", "STREET_ADDRESS"),
    ("地址", "网站地址", "STREET_ADDRESS"),
    ("메일", "메일수신여부", "EMAIL"),  # whether mail may be sent: a flag
    ("メール", "メール件数", "EMAIL"),  # a count
    ("电话", "电话是否验证", "PHONE"),  # a check
    ("パスワード", "パスワード変更日時", "PASSWORD"),  # when it changed
])
def test_the_rest_of_a_cjk_name_undoes_a_hint(hinted: str, undone: str, info_type: str) -> None:
    assert info_type in dict(hint_score(hinted))
    assert info_type not in dict(hint_score(undone))


def test_an_undone_bank_hint_leaves_the_other_reading() -> None:
    assert hint_score("口座名義")[0][0] == "PERSON_NAME"
    assert hint_score("登录账号")[0][0] == "USERNAME"
    assert hint_score("IP地址")[0][0] == "IP_ADDRESS"


def test_values_of_another_kind_still_win_over_a_cjk_hint() -> None:
    emails = [f"user{i}@example.org" for i in range(300)]
    assert classify_column("口座", emails).info_type == "EMAIL"
