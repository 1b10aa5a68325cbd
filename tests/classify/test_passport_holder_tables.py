"""A passport number under an opaque name in a table of its holders' contact data (issue 15).

A table of people (a name, a street, a phone) with no nationality and no birth date beside them still holds their
passports when its one document-like column nearly reads PASSPORT by its values (a fixed series letter and eight
digits, ``N12345678``; the shortest template, ``X123456``). Customer and member tables keep codes of that shape
too, but several side by side (loyalty, claim, membership numbers) or as a series repeated in another column, so
the column reads PASSPORT only as the table's one such column, at a confidence below the nationality's reading
(:mod:`maskline.classify.document_companions`).

Controls: two look-alike columns beside the people (neither typed), a column of the same template beside it, no
person in the table, and the same values under a name that says what they are. Values are drawn here by seeded
generators from pools written for this file.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.classify.document_companions import STRENGTH
from maskline.classify.result import ColumnClassification
from maskline.policy import load_policy
from tests.classify.test_document_companions import _digits, _series, _short

GIVEN = ["Agnes", "Bruno", "Clara", "Dario", "Elin", "Fabian", "Greta", "Hugo", "Irene", "Jakob", "Katrin", "Lorenz"]
FAMILY = ["Amsler", "Brunner", "Cattaneo", "Demierre", "Egli", "Favre", "Gerber", "Huber", "Imhof", "Jaquet"]
STREETS = ["Lindenweg", "Bahnhofstrasse", "Rue du Lac", "Via Cantonale", "Seeweg", "Kirchgasse", "Rue de la Gare"]
N = 60


def _contacts(seed: int, make, people: bool = True) -> pd.DataFrame:
    rng = random.Random(seed)
    cols: dict[str, list] = {}
    if people:
        cols["c1"] = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(N)]
    cols["c2"] = [f"{rng.choice(STREETS)} {rng.randint(1, 180)}" for _ in range(N)]
    cols["c3"] = [f"+41 {rng.randint(21, 79)} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}" for _ in range(N)]
    cols["c4"] = [make(rng) for _ in range(N)]
    cols["c5"] = [rng.choice(["basic", "plus", "premium"]) for _ in range(N)]
    return pd.DataFrame(cols)


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


@pytest.mark.parametrize("make", [_series, _short], ids=["one-series", "shortest"])
@pytest.mark.parametrize("seed", [4, 21])
def test_the_one_document_like_column_of_a_contact_table_is_a_passport(make, seed: int) -> None:
    column = _column(_contacts(seed, make), "c4")
    assert column.info_type == "PASSPORT", column.evidence
    assert column.confidence < STRENGTH  # below the reading beside a nationality
    assert decide_unnamed(load_policy({}), "c4", column).method is not None


def test_two_look_alike_columns_beside_people_are_left_alone() -> None:
    # A member table keeps several codes of a document's shape: nothing says which, if any, is a passport.
    frame = _contacts(8, _series)
    rng = random.Random(8)
    frame["c6"] = ["D" + _digits(rng, 8) for _ in range(N)]
    verdicts = {c.name: c for c in classify(frame).columns}
    assert verdicts["c4"].info_type is None and verdicts["c6"].info_type is None, verdicts["c4"].evidence
    assert decide_unnamed(load_policy({}), "c4", verdicts["c4"]).method is not None  # masked by the default


def test_a_series_of_the_same_template_beside_it_is_no_passport() -> None:
    # Catalogue codes: the candidate's template repeated by a column of numbered articles beside it.
    frame = _contacts(12, _series)
    frame["c6"] = [f"K{7_000_000 + i:08d}" for i in range(N)]
    assert _column(frame, "c4").info_type is None


def test_without_a_person_the_near_miss_stays_untyped() -> None:
    column = _column(_contacts(15, _series, people=False), "c4")
    assert column.info_type is None, column.evidence
    assert decide_unnamed(load_policy({}), "c4", column).method is not None


def test_a_name_that_says_what_the_codes_are_speaks_for_them() -> None:
    frame = _contacts(18, _series).rename(columns={"c4": "loyalty_number"})
    assert _column(frame, "loyalty_number").info_type != "PASSPORT"
