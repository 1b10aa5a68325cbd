"""Passport numbers under opaque names, read from the expiry date, issue date and country their record keeps
(issue 15, :mod:`maskline.classify.document_records`).

A column of several issuers' passport numbers (``AK1234567``, ``A12345678``, ``W1234567``) under ``c2`` is, by its
values, any code of letters and digits: loyalty, parcel and serial numbers look the same. A KYC export, a hotel
register or a passenger list keeps the document's expiry date beside it (mostly ahead, many years ahead) with an
issue date, an issuing country or the holder; then the column reads PASSPORT at a confidence below the values' own.

Controls (each stays untyped): a member table (names, birthdays, the same codes, a billing country, a member-since
date, no expiry), a subscription table (renewal dates within a year, a country), a shipment table (delivery dates,
a destination country), a warranty table (ends one to three years after the purchase, a country), the same
document table stored twenty years ago (every document expired), a named column (``loyalty_number``) and two
columns of the same shape beside one expiry date. Values are drawn here by seeded generators from pools written
for this file; dates are drawn around today, the clock the rule reads them by.
"""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.classify.document_companions import STRENGTH
from maskline.classify.result import ColumnClassification
from maskline.policy import load_policy

GIVEN = ["Aoife", "Nadia", "Omar", "Wanjiru", "Linh", "Facundo", "Ayesha", "Karim", "Thandiwe", "Maeve", "Tuan"]
FAMILY = ["Byrne", "Mansour", "Otieno", "Nguyen", "Acosta", "Qureshi", "Benali", "Dlamini", "Kavanagh", "Pham"]
COUNTRIES = ["IE", "EG", "KE", "VN", "AR", "PK", "MA", "ZA"]
N = 80


def _code(r: random.Random) -> str:
    """A passport number of one of five issuers' templates (or a look-alike's code of the same templates)."""
    d = lambda k: "".join(r.choice(string.digits) for _ in range(k))  # noqa: E731
    return r.choice([lambda: "A" + d(8), lambda: "AK" + d(7), lambda: r.choice("BCN") + d(7),
                     lambda: "AA" + r.choice("ABCDEFG") + d(6), lambda: r.choice("WU") + d(7)])()


def _day(r: random.Random, lo_days: int, hi_days: int, now: date | None = None) -> str:
    return ((now or date.today()) + timedelta(days=r.randint(lo_days, hi_days))).isoformat()


def _documents(seed: int, *, issue: bool = False, country: bool = False, holder: bool = False,
               now: date | None = None, doc_name: str = "c2", twin: bool = False) -> pd.DataFrame:
    r = random.Random(seed)
    cols: dict[str, list] = {"c1": [r.choice(["verified", "pending", "rejected"]) for _ in range(N)]}
    if holder:
        cols["c0"] = [f"{r.choice(GIVEN)} {r.choice(FAMILY)}" for _ in range(N)]
    cols[doc_name] = [_code(r) for _ in range(N)]
    if twin:
        cols["c7"] = [_code(r) for _ in range(N)]
    cols["c3"] = [_day(r, -5 * 365, 10 * 365, now) for _ in range(N)]  # expiry: issued in the last ten years
    if issue:
        cols["c4"] = [_day(r, -10 * 365, -30, now) for _ in range(N)]
    if country:
        cols["c5"] = [r.choice(COUNTRIES) for _ in range(N)]
    return pd.DataFrame(cols)


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


@pytest.mark.parametrize("backing", [{"issue": True}, {"country": True}, {"holder": True}],
                         ids=["issue-date", "country", "holder"])
@pytest.mark.parametrize("seed", [3, 19])
def test_document_numbers_beside_an_expiry_date_are_passports(backing: dict, seed: int) -> None:
    column = _column(_documents(seed, **backing), "c2")
    assert column.info_type == "PASSPORT", column.evidence
    assert column.confidence == STRENGTH
    assert decide_unnamed(load_policy({}), "c2", column).method is not None


def test_expiry_and_issue_dates_stored_as_dates_count_too() -> None:
    # A date column is sampled as its years only: read by them.
    frame = _documents(23, issue=True)
    frame["c3"], frame["c4"] = pd.to_datetime(frame["c3"]).dt.date, pd.to_datetime(frame["c4"]).dt.date
    assert _column(frame, "c2").info_type == "PASSPORT"


def test_an_expiry_date_alone_says_nothing() -> None:
    assert _column(_documents(5), "c2").info_type is None


def test_documents_that_expired_long_ago_are_left_alone() -> None:
    frame = _documents(7, issue=True, country=True, now=date.today() - timedelta(days=20 * 365))
    assert _column(frame, "c2").info_type is None


def test_a_name_that_says_what_the_codes_are_keeps_them_untyped() -> None:
    frame = _documents(9, issue=True, country=True, doc_name="loyalty_number")
    assert _column(frame, "loyalty_number").info_type != "PASSPORT"


def test_two_columns_of_the_shape_beside_one_expiry_date_are_left_alone() -> None:
    frame = _documents(11, issue=True, country=True, twin=True)
    assert _column(frame, "c2").info_type is None and _column(frame, "c7").info_type is None


def _lookalike(seed: int, kind: str) -> pd.DataFrame:
    r = random.Random(seed)
    cols: dict[str, list] = {"c1": [f"{r.choice(GIVEN)} {r.choice(FAMILY)}" for _ in range(N)],
                             "c2": [_code(r) for _ in range(N)],
                             "c5": [r.choice(COUNTRIES) for _ in range(N)]}
    if kind == "members":
        cols["c3"] = [_day(r, -80 * 365, -18 * 365) for _ in range(N)]  # birthdays
        cols["c4"] = [_day(r, -12 * 365, -1) for _ in range(N)]  # member since
    elif kind == "subscriptions":
        cols["c3"] = [_day(r, 1, 365) for _ in range(N)]  # renewal
        cols["c4"] = [_day(r, -3 * 365, -1) for _ in range(N)]  # started
    elif kind == "shipments":
        cols["c3"] = [_day(r, -20, 12) for _ in range(N)]  # delivery
    else:  # warranty: purchased in the last three years, one to three years of cover
        purchases = [date.today() - timedelta(days=r.randint(1, 3 * 365)) for _ in range(N)]
        cols["c3"] = [(p + timedelta(days=365 * r.choice([1, 2, 3]))).isoformat() for p in purchases]
        cols["c4"] = [p.isoformat() for p in purchases]
    return pd.DataFrame(cols)


@pytest.mark.parametrize("kind", ["members", "subscriptions", "shipments", "warranty"])
def test_look_alike_tables_stay_untyped(kind: str) -> None:
    frame = _lookalike(13, kind)
    assert _column(frame, "c2").info_type != "PASSPORT", _column(frame, "c2").evidence
