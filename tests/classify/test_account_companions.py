"""Bank accounts without a check digit under opaque names, read beside the code that routes payments to them
(issue 15, ``extcsv37``): a US account beside an ABA routing number, a UK account beside a sort code, a Canadian
one beside its transit and institution, an Australian one beside a BSB (:mod:`maskline.classify.account_companions`).

Look-alikes that must stay untyped: the routing codes themselves (the issue's "routing numbers read as bank
accounts"), invoice and customer ids beside a bank's name and a person's name (no routing code: nothing says which
number is an account), nine drawn digits (one in twenty pass the ABA check), ``dd-mm-yy`` dates, transits with any
three digits, and two drawn-digit columns beside one routing code. Values are drawn here by seeded generators.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.account_companions import (
    names_routing,
    routing_column,
    sort_code_column,
    transit_column,
)
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

N = 60
PEOPLE = ["Anna Berg", "Jonas Meyer", "Marta Rossi", "Pieter de Vries", "Sofia Silva", "Luca Novak", "Ewa Laine",
          "Tomas Horvat", "Ines Dubois", "Karl Kowalski", "Lena Moreau", "Mateo Garcia"]
BANKS = ["Lloyds Bank", "Barclays Bank", "HSBC UK Bank", "Santander UK", "Nationwide Building Society",
         "Metro Bank", "Monzo Bank", "Starling Bank"]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _aba(rng: random.Random) -> str:
    body = f"{rng.choice([rng.randint(1, 12), rng.randint(21, 32)]):02d}" + _digits(rng, 6)
    return body + str(-sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True)) % 10)


def _sort_code(rng: random.Random) -> str:
    return f"{rng.choice([40, 20, 30, 60, 77, 83, 89, 90]):02d}-{rng.randrange(100):02d}-{rng.randrange(100):02d}"


def _transit(rng: random.Random) -> str:
    return f"{_digits(rng, 5)}-{rng.choice(['001', '002', '003', '004', '006', '010', '815'])}"


def _bsb(rng: random.Random) -> str:
    return f"{rng.choice(['01', '03', '06', '08', '73'])}{rng.randint(2, 7)}-{_digits(rng, 3)}"


def _branches(rng: random.Random, routing, n: int) -> list[str]:
    """``n`` routing codes of a record: a few banks' branches, each repeated."""
    pool = [routing(rng) for _ in range(12)]
    return [rng.choice(pool) for _ in range(n)]


def _record(seed: int, account, routing, routing_name: str = "c2", extra: dict | None = None) -> pd.DataFrame:
    rng = random.Random(seed)
    frame = {"c1": [account(rng) for _ in range(N)], "payee": [rng.choice(PEOPLE) for _ in range(N)],
             "amount": [f"{rng.uniform(5, 5000):.2f}" for _ in range(N)]}
    if routing is not None:
        frame[routing_name] = _branches(rng, routing, N)
    frame.update(extra or {})
    return pd.DataFrame(frame)


def _verdicts(frame: pd.DataFrame) -> dict:
    return {c.name: c for c in classify(frame).columns}


CASES = {
    "us-aba": (lambda r: str(r.randint(10**5, 10**12)), _aba, "c2"),
    "uk-sort-code": (lambda r: _digits(r, 8), _sort_code, "c2"),
    "ca-transit": (lambda r: _digits(r, 7), _transit, "c2"),
    "au-bsb-named": (lambda r: str(r.randint(10**5, 10**9 - 1)), _bsb, "bsb"),
    "us-routing-named": (lambda r: _digits(r, 10), lambda r: _digits(r, 9), "routing_number"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("seed", [3, 17])
def test_an_account_beside_its_routing_code_reads_bank_account(case: str, seed: int) -> None:
    account, routing, name = CASES[case]
    verdicts = _verdicts(_record(seed, account, routing, name))
    column = verdicts["c1"]
    assert column.info_type == "BANK_ACCOUNT" and column.confidence < 0.7, column.evidence
    assert decide_unnamed(load_policy({}), "c1", column).method is not None
    assert verdicts[name].info_type is None, verdicts[name].evidence  # the routing code stays a code


def test_sparse_accounts_stored_as_floats_beside_routing_numbers() -> None:
    # 80% empty: pandas keeps the integers as floats (1234567890.0).
    rng = random.Random(5)
    rows = 300
    frame = pd.DataFrame({"c1": [float(rng.randint(10**7, 10**11)) if rng.random() < 0.2 else None
                                 for _ in range(rows)],
                          "c2": _branches(rng, _aba, rows),
                          "payee": [rng.choice(PEOPLE) for _ in range(rows)]})
    assert _verdicts(frame)["c1"].info_type == "BANK_ACCOUNT"


def test_a_transit_is_no_postal_code_beside_its_account() -> None:
    column = _verdicts(_record(11, lambda r: _digits(r, 7), _transit))["c2"]
    assert column.info_type is None and "POSTAL_CODE" in column.signals.refuted, column.evidence


def test_routing_numbers_beside_a_bic_are_no_accounts() -> None:
    # The confusion: nine drawn digits beside a BIC read as an account; they are the bank's routing number.
    rng = random.Random(7)
    bics = ["DEUTDEFF", "BNPAFRPP", "UNCRITMM", "ABNANL2A", "NWBKGB2L", "CHASUS33", "BOFAUS3N"]
    frame = pd.DataFrame({"c1": _branches(rng, _aba, N), "swift": [rng.choice(bics) for _ in range(N)],
                          "bank_name": [rng.choice(BANKS) for _ in range(N)]})
    assert _verdicts(frame)["c1"].info_type != "BANK_ACCOUNT"


@pytest.mark.parametrize("seed", [2, 23])
def test_ids_beside_a_bank_name_and_a_holder_stay_untyped(seed: int) -> None:
    # A payments table: an invoice or customer number beside the payer's bank and name, no code routing payments.
    rng = random.Random(seed)
    frame = _record(seed, lambda r: str(r.randint(10**9, 10**10 - 1)), None,
                    extra={"bank": [rng.choice(BANKS) for _ in range(N)]})
    assert _verdicts(frame)["c1"].info_type is None


def test_two_drawn_columns_beside_a_routing_number_are_left_alone() -> None:
    rng = random.Random(31)
    frame = _record(31, lambda r: _digits(r, 10), _aba, extra={"c7": [_digits(rng, 11) for _ in range(N)]})
    verdicts = _verdicts(frame)
    assert verdicts["c1"].info_type is None and verdicts["c7"].info_type is None


@pytest.mark.parametrize("name", ["c2", "routing_number"])
def test_drawn_routing_numbers_beside_drawn_ids_vouch_for_nothing(name: str) -> None:
    # The tune split's hard negative: each row's routing number drawn anew beside an id drawn anew. A record's
    # payments go to a few banks' branches, whose codes repeat; these do not.
    rng = random.Random(9)
    frame = _record(9, lambda r: _digits(r, 16), None, extra={name: [_aba(rng) for _ in range(N)]})
    assert _verdicts(frame)["c1"].info_type is None


def test_random_nine_digits_are_no_routing_column() -> None:
    rng = random.Random(1)
    assert routing_column([_aba(rng) for _ in range(40)])
    assert not routing_column([_digits(rng, 9) for _ in range(40)])


def test_dates_are_no_sort_codes() -> None:
    rng = random.Random(2)
    assert sort_code_column([_sort_code(rng) for _ in range(40)])
    assert not sort_code_column([f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(0, 99):02d}"
                                 for _ in range(40)])


def test_transits_need_a_real_institution() -> None:
    rng = random.Random(4)
    assert transit_column([_transit(rng) for _ in range(40)])
    assert not transit_column([f"{_digits(rng, 5)}-{_digits(rng, 3)}" for _ in range(40)])  # a Brazilian CEP


def test_routing_names() -> None:
    assert [names_routing(n) for n in ("routingNumber", "sort_code", "BSB", "transit_no", "sort_order", "route")] \
        == [True, True, True, True, False, False]
