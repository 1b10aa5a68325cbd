"""Phones written with a + and a calling code, their digits random (test generators fill the masks), under opaque
names: typed PHONE by how they are written (maskline.infotypes.plus_written). Signed amounts, time-zone offsets,
score deltas, versions, charges and numbers inside text keep their verdicts."""

from __future__ import annotations

import random

import pytest

from maskline.classify.column import classify_column


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _dz(rng: random.Random) -> str:  # the code in parentheses, the trunk 0 kept; nationally written beside
    national = "0" + rng.choice("567") + _digits(rng, 8)
    return f"(+213) {national}" if rng.random() < 0.6 else national


def _sa(rng: random.Random) -> str:  # nine random digits after the code, or ten with the trunk 0 beside them
    return f"(+966) {_digits(rng, 9)}" if rng.random() < 0.6 else "0" + _digits(rng, 9)


def _sy(rng: random.Random) -> str:
    return f"(+963) {_digits(rng, 2)} {_digits(rng, 7)}"


def _eg(rng: random.Random) -> str:
    return f"(+20) 1{_digits(rng, 9)}" if rng.random() < 0.5 else "01" + _digits(rng, 9)


POSITIVES = {"dz": _dz, "sa": _sa, "sy": _sy, "eg": _eg}


@pytest.mark.parametrize("kind", sorted(POSITIVES))
def test_plus_written_random_digits_are_phones(kind: str) -> None:
    rng = random.Random(f"plus-{kind}")
    verdict = classify_column("c7", [POSITIVES[kind](rng) for _ in range(200)])
    assert verdict.info_type == "PHONE", verdict.evidence


def _amounts(rng: random.Random) -> str:
    x = rng.uniform(-5000, 5000)
    return f"{x:+.2f}"


def _whole_deltas(rng: random.Random) -> str:
    return f"{rng.randint(-99_999, 99_999):+d}"


def _tz(rng: random.Random) -> str:
    return rng.choice(["+05:30", "+01:00", "-03:00", "+09:00", "+00:00", "-08:00", "+05:45", "+10:30"])


def _scores(rng: random.Random) -> str:
    return f"+{rng.randint(1, 300)}"


def _versions(rng: random.Random) -> str:
    return f"+{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 40)}"


def _charges(rng: random.Random) -> str:
    return rng.choice(["Fe+3", "Na+", "Cl-", "Ca+2", "SO4 2-", "NH4+", "Cu+2", "Al+3"])


def _mixed_text(rng: random.Random) -> str:
    return rng.choice(["dial ", "from abroad use ", "intl prefix ", "the code is "]) + \
        rng.choice(["+44", "+33", "+1", "+49", "00"]) + rng.choice([" then the number", "", " before the area"])


def _thousands(rng: random.Random) -> str:
    return "+" + f"{rng.randint(10**6, 10**9):,}".replace(",", " ")


CONTROLS = {"amounts": _amounts, "whole-deltas": _whole_deltas, "tz": _tz, "scores": _scores,
            "versions": _versions, "charges": _charges, "mixed-text": _mixed_text, "thousands": _thousands}


@pytest.mark.parametrize("kind", sorted(CONTROLS))
def test_signed_values_are_not_phones(kind: str) -> None:
    rng = random.Random(f"plus-control-{kind}")
    verdict = classify_column("c7", [CONTROLS[kind](rng) for _ in range(200)])
    assert verdict.info_type != "PHONE", verdict.evidence
