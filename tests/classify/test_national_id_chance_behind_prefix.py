"""Bare digit runs read as national ids only when chance behind the column's shared prefix does not explain the fit.

Denmark's CPR number is a date (DDMMYY) and a serial with no check digit, so random ten-digit runs behind a
date-like prefix (``3112``, ``0101``) pass it about 9 times in 10; a fixed chance of 0.2 read such ranges of ids as
national ids. The chance is now measured on random twins of the column's runs (maskline.classify.twin_chance).
Controls: ids of one range behind date-like prefixes, drawn here from random digits. Positives: national ids built
with python-stdnum's check digits (Dutch, Croatian, Greek, Estonian, Swiss, US), some sharing a prefix of their own.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest
from stdnum.ch import ssn
from stdnum.ee import ik
from stdnum.gr import amka
from stdnum.hr import oib
from stdnum.nl import bsn
from stdnum.us import itin

from maskline.classify import classify_column
from maskline.classify.twin_chance import twin_chance
from maskline.infotypes.validators import national_id


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _range_ids(prefix: str, length: int = 10, n: int = 200, seed: int = 1) -> list[str]:
    """Ids of one range: a fixed prefix, random digits behind it."""
    rng = random.Random(seed)
    return [prefix + _digits(rng, length - len(prefix)) for _ in range(n)]


def _yymmdd(rng: random.Random, year: int | None = None) -> str:
    yy = rng.randrange(40, 100) if year is None else year
    return f"{yy:02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"


def _ddmmyy(rng: random.Random) -> str:
    return f"{rng.randrange(1, 29):02d}{rng.randrange(1, 13):02d}{rng.randrange(40, 100):02d}"


def _checked_ids(body: Callable[[random.Random], str], valid: Callable[[str], bool], check_digits: int = 1,
                 n: int = 200, seed: int = 3) -> list[str]:
    """Distinct valid ids: a drawn body completed with the check digits that make ``valid`` pass."""
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < n:
        start = body(rng)
        for tail in itertools.product("0123456789", repeat=check_digits):
            if valid(start + "".join(tail)):
                if start + "".join(tail) not in found:
                    found.append(start + "".join(tail))
                break
    return found


_POSITIVES = {
    "nl_bsn": lambda: _checked_ids(lambda r: r.choice("123456") + _digits(r, 7), bsn.is_valid),
    "hr_oib": lambda: _checked_ids(lambda r: r.choice("123456789") + _digits(r, 9), oib.is_valid),
    "gr_amka": lambda: _checked_ids(lambda r: _ddmmyy(r) + _digits(r, 4), amka.is_valid),
    "ee_ik": lambda: _checked_ids(lambda r: r.choice("3456") + _yymmdd(r) + _digits(r, 3), ik.is_valid),
    # Sharing a prefix: Estonian men born in 1985 (385...), Swiss AHV numbers (756...), US ITINs (9...).
    "ee_ik_one_year": lambda: _checked_ids(lambda r: "3" + _yymmdd(r, 85) + _digits(r, 3), ik.is_valid),
    "ch_ahv": lambda: _checked_ids(lambda r: "756" + _digits(r, 9), ssn.is_valid),
    "us_itin": lambda: _checked_ids(lambda r: "9" + _digits(r, 8), itin.is_valid, check_digits=0),
}


@pytest.mark.parametrize("country", sorted(_POSITIVES))
@pytest.mark.parametrize("as_int", [False, True])
def test_checksummed_national_ids_stay_national_ids(country: str, as_int: bool) -> None:
    ids = _POSITIVES[country]()
    assert all(national_id(v) for v in ids)
    if as_int and any(v.startswith("0") for v in ids):
        pytest.skip("leading zeros: not stored as integers")
    values: list[object] = [int(v) for v in ids] if as_int else list(ids)
    assert classify_column("fld_k", values).info_type == "NATIONAL_ID"


@pytest.mark.parametrize("prefix", ["3112", "0101", "1505", "2802", "0701", "311299"])
def test_ids_behind_a_date_like_prefix_are_not_national_ids(prefix: str) -> None:
    ids = _range_ids(prefix)
    assert sum(national_id(v) for v in ids) >= 0.8 * len(ids)  # the fixed chance read these as national ids
    verdict = classify_column("fld_k", ids)
    assert verdict.info_type != "NATIONAL_ID", verdict.evidence


@pytest.mark.parametrize("prefix", ["3112", "1505"])
def test_ids_behind_a_date_like_prefix_stored_as_integers_are_not_national_ids(prefix: str) -> None:
    ids = [int(v) for v in _range_ids(prefix, seed=5)]
    assert classify_column("order_ref", ids).info_type != "NATIONAL_ID"


def test_twin_chance_measures_the_prefix_and_is_repeatable() -> None:
    behind = _range_ids("0101", n=100)
    spread = _range_ids("", n=100)
    assert twin_chance(behind, national_id) > 0.7
    assert twin_chance(spread, national_id) < 0.45
    assert twin_chance(behind, national_id) == twin_chance(list(reversed(behind)), national_id)
