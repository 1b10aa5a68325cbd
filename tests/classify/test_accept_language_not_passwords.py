"""Browsers' language preferences are no passwords (found on a held-out Shopify-era orders export of the
``extcsv3`` probe, issue 15: ``deviceDetails.acceptLang`` was PASSWORD).

An ``Accept-Language`` value (``en-GB,en-US;q=0.9,en;q=0.8``) mixes capitals, lower case, digits and punctuation
over eight characters and more, which the password detector's complexity test reads; a column of them is refuted
by :func:`maskline.infotypes.language_lists.language_lists` and stays masked by the fail-closed default (a near
miss). Controls: chosen passwords, with and without a few language lists among them. Values are drawn by seeded
generators.
"""

from __future__ import annotations

import random
import string

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

TAGS = ("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "it-IT", "nl-NL", "id-ID", "hi-IN", "ar-EG", "ru-RU",
        "vi-VN", "fr-CH", "de-CH")


def _accept_language(rng: random.Random) -> str:
    """What a browser sends: its tags in order of preference, each after the first with a falling weight, the
    bare languages of the tags often added."""
    tags = rng.sample(TAGS, rng.randint(1, 3))
    items = list(tags)
    if rng.random() < 0.7:
        items += [t.split("-")[0] for t in tags if t.split("-")[0] not in items]
    weights = [f";q={w / 10:.1f}" for w in range(9, 0, -1)]
    return ",".join([items[0]] + [f"{t}{weights[i]}" for i, t in enumerate(items[1:])])


def _passwords(rng: random.Random, n: int) -> list[str]:
    pool = string.ascii_letters + string.digits + "!@#$%&*?"
    return ["".join(rng.choice(pool) for _ in range(rng.randint(9, 16))) + rng.choice("!@#$") + str(rng.randint(0, 9))
            for _ in range(n)]


@pytest.mark.parametrize("seed", [8, 451, 2049])
@pytest.mark.parametrize("name", ["deviceDetails.acceptLang", "accept_language", "browser_languages", "col_17"])
def test_accept_language_headers_are_not_passwords(seed: int, name: str) -> None:
    rng = random.Random(seed)
    verdict = classify_column(name, [_accept_language(rng) for _ in range(300)])
    assert verdict.info_type != "PASSWORD", verdict.evidence
    # Refuted, not vouched for: the fail-closed default still masks the column.
    assert decide_unnamed(load_policy({}), name, verdict).method is not None


@pytest.mark.parametrize("seed", [8, 451])
@pytest.mark.parametrize("name", ["password", "pwd", "col_17"])
def test_chosen_passwords_stay_passwords(seed: int, name: str) -> None:
    # Control (passes on main too).
    assert classify_column(name, _passwords(random.Random(seed), 200)).info_type == "PASSWORD"


@pytest.mark.parametrize("seed", [3, 33])
def test_passwords_with_a_few_language_lists_among_them_stay_passwords(seed: int) -> None:
    # Control: a tenth of the values read as language lists does not make the column a header's.
    rng = random.Random(seed)
    values = _passwords(rng, 180) + [_accept_language(rng) for _ in range(20)]
    assert classify_column("password", values).info_type == "PASSWORD"
