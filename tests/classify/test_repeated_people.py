"""A few people repeated over many rows (an assignee column of four team members) are masked by the fail-closed
decision, though their column is categorical, which passes on a lower bar than text.

Lower-case names (``john smith``) find no person-name detector (those need capitals, to keep slugs out); the
shape check reads them with the name lexicon. It used to need a spread of distinct values, so four people over a
hundred rows were "a few repeated labels" and passed raw.
"""

from __future__ import annotations

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

TEAM = ["john smith", "mary jones", "ahmed khan", "li wei"]


def _rule(name: str, values: list[str]) -> str:
    decision = decide_unnamed(load_policy({}), name, classify_column(name, values))
    return "pass" if decision.method is None and decision.info_type is None else decision.rule


def test_four_people_over_a_hundred_rows_are_masked():
    assert _rule("c3", TEAM * 25) == "unclassified: mask (values are shaped like people's names)"


def test_four_people_over_twenty_rows_are_masked():
    assert _rule("handled_by", TEAM * 5) != "pass"


def test_lower_case_labels_of_the_same_shape_pass():
    # The control: two-word lower-case labels that are not people stay a categorical that passes.
    assert _rule("state", ["in progress", "on hold", "bank transfer", "next day"] * 25) == "pass"
