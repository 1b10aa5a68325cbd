"""Bank accounts under Vietnamese STK, the acronym of số tài khoản (issue 15).

Vietnamese schemas write ``STK`` (``so_tk``, ``soTk``) for the account number as they write ``SĐT`` for the phone;
the hint lists read ``so_tai_khoan`` but not the acronym, so ten to fourteen drawn digits under it were masked as an
uncertain checksum near miss. German writes ``Stk.`` for Stück (pieces): a count under ``Stk`` or ``anzahl_stk``
is refuted by its values (:func:`maskline.infotypes.name_hints_seasia.not_account_digits`) and stays a number, as
on main. Values are drawn here by seeded generators.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.classify.result import ColumnClassification
from maskline.policy import load_policy

N = 40
HOLDERS = ["Nguyen Van An", "Tran Thi Bich", "Le Van Chung", "Pham Thi Dung", "Hoang Van Em", "Vu Thi Giang"]


def _table(seed: int, name: str, make) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({"ho_ten": [rng.choice(HOLDERS) for _ in range(N)], name: [make(rng) for _ in range(N)]})


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


def _account(rng: random.Random) -> str:
    return "".join(rng.choices("0123456789", k=rng.choice([10, 12, 13, 14])))


@pytest.mark.parametrize("name", ["stk", "STK", "so_tk", "soTk"])
@pytest.mark.parametrize("seed", [4, 11])
def test_accounts_under_stk_are_bank_accounts(name: str, seed: int) -> None:
    column = _column(_table(seed, name, _account), name)
    assert column.info_type == "BANK_ACCOUNT", column.evidence
    assert decide_unnamed(load_policy({}), name, column).method is not None


@pytest.mark.parametrize(("name", "make"), [
    ("Stk", lambda r: r.randint(1, 40)),
    ("anzahl_stk", lambda r: r.randint(1, 40)),
    ("stk", lambda r: f"{r.randint(1, 99)},{r.randint(0, 9)}"),
], ids=["pieces", "count-of-pieces", "decimal-pieces"])
def test_counts_of_pieces_under_stk_are_no_accounts(name: str, make) -> None:
    column = _column(_table(4, name, make), name)
    assert column.info_type is None, column.evidence
    # Counts, as on main: the hint refuted, nothing to mask.
    assert decide_unnamed(load_policy({}), name, column).method is None
