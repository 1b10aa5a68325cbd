"""Each column's verdict: sensitive, safe (confidently nothing sensitive) or uncertain, for a fail-closed default."""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.result import SAFE_CONFIDENCE

RNG = random.Random(4)


@pytest.mark.parametrize(("name", "values"), [
    ("quantity", [RNG.randint(1, 40) for _ in range(300)]),
    ("price", [round(RNG.uniform(1, 900), 2) for _ in range(300)]),
    ("status", [RNG.choice(["new", "paid", "shipped"]) for _ in range(300)]),
    ("is_active", [RNG.random() < 0.5 for _ in range(300)]),
])
def test_plainly_harmless_columns_are_safe(name: str, values: list) -> None:
    c = classify_column(name, values)
    assert c.info_type is None and c.verdict == "safe" and c.safe and c.confidence >= SAFE_CONFIDENCE


@pytest.mark.parametrize(("name", "values", "why"), [
    ("c5", [f"{RNG.choice('KLMNP')}{RNG.randint(10**6, 10**7 - 1)}" for _ in range(300)], "identifier-like"),
    ("c6", [RNG.choice(["Var", "Lind", "Okon", "Bran", "Quil"]) + RNG.choice(["ga", "qvist", "kwo", "nigan", "sen"])
            for _ in range(300)], "name-like"),
    ("notes", [f"The parcel {RNG.choice(['arrived late', 'was lost', 'came early'])} and the box was "
               f"{RNG.choice(['damaged', 'fine', 'wet'])} on side {i}." for i in range(300)], "prose"),
    ("c8", [None] * 300, "values:none"),
])
def test_columns_nobody_could_clear_are_uncertain_not_safe(name: str, values: list, why: str) -> None:
    c = classify_column(name, values)
    assert c.info_type is None and c.verdict == "uncertain" and not c.safe
    assert any(why in e for e in c.evidence)


def test_a_name_the_values_do_not_confirm_leaves_the_column_uncertain() -> None:
    c = classify_column("passport_number", ["yes", "no"] * 150)
    assert c.info_type is None and c.verdict == "uncertain"


def test_sensitive_columns_say_so_and_the_json_carries_the_verdict() -> None:
    c = classify_column("email", [f"u{i}@mail.example" for i in range(100)])
    assert c.verdict == "sensitive" and not c.safe
    assert c.as_dict()["verdict"] == "sensitive"
