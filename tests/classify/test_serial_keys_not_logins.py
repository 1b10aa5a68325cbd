"""Keys a program numbered under a login's name are no logins (the ``extcsv4`` probe, issue 15).

A telecom generator's subscriber tables key their rows ``user_0000`` ... ``user_0999`` under ``user_id``; the name
hint read them as USERNAME. One prefix, a number zero-padded to one width, and numbers as dense as a counter's
(their range about the table's rows) are a program's keys (:mod:`maskline.infotypes.serial_keys`). The reading is
refuted, not settled: the column stays masked by the fail-closed decision, as it was.

Controls: logins people chose, and counted logins written without padding (``user1``), keep their type; padded
numbers drawn far apart are not a counter. Values are drawn by seeded generators; none comes from the probe's
files or the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

PREFIXES = ("user_", "U", "usr-", "USR", "acct_", "sub.", "member", "C-")
FIRST = ("anna", "mark", "luis", "deborah", "kenji", "fatou", "ivan", "maria", "tom", "priya", "omar", "lena")
LAST = ("diaz", "holland", "smith", "okafor", "berg", "novak", "reyes", "shah", "walsh", "moreau")


def _serials(seed: int) -> list[str]:
    rng = random.Random(seed)
    prefix, width = rng.choice(PREFIXES), rng.choice((4, 5, 6))
    start = rng.choice((0, 1, 100, 500))  # below 10 ** (width - 1): the padding shows
    n = rng.randint(60, 400)
    keys = [f"{prefix}{i:0{width}d}" for i in range(start, start + n)]
    rng.shuffle(keys)
    return keys[: rng.randint(n // 2, n)]  # a sample of the table's keys, as the classifier reads


def _handles(seed: int, n: int = 150) -> list[str]:
    rng = random.Random(seed)
    forms = ("{f}{l}", "{f}.{l}", "{f}_{l}{d}", "{f0}{l}{d}", "{l}{f0}")
    return [rng.choice(forms).format(f=(f := rng.choice(FIRST)), f0=f[0], l=rng.choice(LAST),
                                     d=rng.randint(1, 99)) for _ in range(n)]


@pytest.mark.parametrize("seed", [1, 7, 42, 2024])
@pytest.mark.parametrize("name", ["user_id", "userid", "login", "User ID"])
def test_a_counter_under_a_login_name_is_not_usernames(seed: int, name: str) -> None:
    keys = _serials(seed)
    verdict = classify_column(name, keys, table_rows=len(keys) * 2)
    assert verdict.info_type != "USERNAME", verdict.evidence
    assert any("serial keys" in e for e in verdict.evidence), verdict.evidence
    # Refuted, not settled: the fail-closed decision still masks the column.
    assert decide_unnamed(load_policy({}), name, verdict).method is not None


@pytest.mark.parametrize("seed", [3, 99])
def test_chosen_logins_stay_usernames(seed: int) -> None:
    # Control (passes on main too).
    assert classify_column("username", _handles(seed)).info_type == "USERNAME"


def test_counted_logins_without_padding_stay_usernames() -> None:
    # Control: user1, user2 ... under a login's name are demo accounts; their width grows with the number.
    assert classify_column("username", [f"user{i}" for i in range(1, 250)]).info_type == "USERNAME"


def test_padded_numbers_drawn_far_apart_are_no_counter() -> None:
    # Control: the numbers of a counter are dense; these are spread over a range far wider than the rows.
    rng = random.Random(5)
    values = [f"user_{rng.randint(0, 999_999):06d}" for _ in range(120)]
    assert classify_column("username", values, table_rows=120).info_type == "USERNAME"
