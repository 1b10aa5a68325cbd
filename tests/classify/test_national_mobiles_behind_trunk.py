"""Mobile phones written nationally as bare digits, the trunk prefix kept (``0612345678``, ``07391417776``), under
an opaque name; and, under a phone name, mobiles stored as integers whose trunk zero was lost (``1012345678``).
Read by the kind of number (valid mobiles in one plan) against random twins behind the trunk prefix alone
(maskline.infotypes.trunk_mobiles). Controls: zero-padded ids (wide and narrow ranges), ids behind a branch prefix,
random digits behind 0, dates and times written as digits, epoch seconds.

Values are drawn here with fixed seeds from phonenumbers' plans; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest

from maskline.classify import classify_column
from tests.classify.mobile_draws import digits, mobiles

# Mobile prefixes in use (national significant numbers, no trunk) and the national number's length.
_MOBILES = {
    "FR": (("6", "7"), 9),
    "GB": (("71", "73", "74", "75", "77", "78", "79"), 10),
    "DE": (("151", "152", "157", "160", "170", "172", "176"), 11),
    "NL": (("6",), 9),
    "IN": (("7", "8", "9"), 10),
    "EG": (("10", "11", "12"), 10),
}



def _mobiles(region: str, n: int = 300, seed: int = 1) -> list[str]:
    """Valid mobile national significant numbers of ``region`` (no trunk prefix), drawn behind real prefixes."""
    return mobiles(region, *_MOBILES[region], n, random.Random(seed))


def _national(region: str, nsn: str) -> str:
    """The number as the country writes it nationally, separators dropped (the trunk prefix kept)."""
    num = phonenumbers.PhoneNumber(country_code=phonenumbers.country_code_for_region(region),
                                   national_number=int(nsn))
    return "".join(c for c in phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL) if c.isdigit())


@pytest.mark.parametrize("region", sorted(_MOBILES))
def test_national_mobiles_as_bare_digits_are_phones(region: str) -> None:
    values = [_national(region, d) for d in _mobiles(region)]
    assert all(v.startswith("0") for v in values)
    verdict = classify_column("c4", values)
    assert verdict.info_type == "PHONE", verdict.evidence
    assert any(e.startswith("values:trunk-mobile") for e in verdict.evidence)


def test_a_sparse_column_of_national_mobiles_is_phones() -> None:
    values: list[str | None] = [_national("GB", d) for d in _mobiles("GB", 40, seed=2)]
    values += [None] * 260
    assert classify_column("c4", values).info_type == "PHONE"


def test_mobiles_behind_one_operator_prefix_are_phones() -> None:
    values = [d for d in (_national("FR", m) for m in _mobiles("FR", seed=3)) if d.startswith("07")]  # 073-079
    verdict = classify_column("c4", values)
    assert verdict.info_type == "PHONE", verdict.evidence


def test_mobiles_that_pass_a_date_check_are_phones_not_national_ids() -> None:
    # Kenyan mobiles behind 070 (every one valid in phonenumbers' KE plan; Kenya is in no split): on main they were
    # read as a Danish CPR, a day 07, a month 0x, a year and a serial with no check digit since 2007, eight in ten
    # pass. The plan's reading (0.85) outranks the check-digit reading (0.8).
    import phonenumbers

    rng = random.Random(6)
    values = ["070" + digits(rng, 7) for _ in range(300)]
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(v, "KE")) for v in values)
    verdict = classify_column("c4", values)
    assert verdict.info_type == "PHONE", verdict.evidence


def test_integers_whose_trunk_zero_was_lost_are_phones_under_a_phone_name() -> None:
    values = [int(d) for d in _mobiles("EG", seed=4)]  # 1012345678 for 010 1234 5678
    verdict = classify_column("mobile", values)
    assert verdict.info_type == "PHONE", verdict.evidence
    assert any(e.startswith("values:trunk-restored") for e in verdict.evidence)


def test_integers_whose_trunk_zero_was_lost_need_the_name() -> None:
    # Without a name, ids counted from 1000000000 would be Egyptian (or Korean) mobiles with the zero restored.
    values = [int(d) for d in _mobiles("EG", seed=4)]
    verdict = classify_column("c4", values)
    assert not any("trunk-restored" in e for e in verdict.evidence)


def _not_phone(values: list[str]) -> None:
    verdict = classify_column("c4", values)
    assert verdict.info_type != "PHONE", verdict.evidence
    assert not any("trunk-mobile" in e for e in verdict.evidence)


def test_zero_padded_ids_are_not_phones() -> None:
    rng = random.Random(11)
    _not_phone([f"{rng.randint(0, 10**9):010d}" for _ in range(300)])
    _not_phone([f"{rng.randint(0, 10**10):011d}" for _ in range(300)])


def test_zero_padded_ids_from_a_narrow_range_are_not_phones() -> None:
    # 060xxxxxxx: Azerbaijani mobiles begin 060, Serbian ones 06; the range's shared prefix explains it.
    rng = random.Random(12)
    _not_phone([f"{rng.randint(600_000_000, 610_000_000):010d}" for _ in range(300)])
    _not_phone([f"{612_345_000 + i:010d}" for i in range(300)])  # sequential


def test_ids_behind_a_branch_prefix_are_not_phones() -> None:
    rng = random.Random(13)
    for branch in ("0412", "0612", "0757", "0151"):
        _not_phone([branch + digits(rng, 6) for _ in range(300)])
    _not_phone(["041" + digits(rng, 7) for _ in range(300)])  # behind 04 every Australian run is a mobile


def test_random_digits_behind_zero_are_not_phones() -> None:
    rng = random.Random(14)
    for length in (10, 11, 12):
        _not_phone(["0" + digits(rng, length - 1) for _ in range(300)])
    _not_phone(["07" + digits(rng, 9) for _ in range(300)])  # behind 07 Britain also has pagers and personal numbers


def test_dates_and_times_written_as_digits_are_not_phones() -> None:
    rng = random.Random(15)
    stamps = [f"06{rng.randint(1, 12):02d}{rng.randint(1, 31):02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}"
              for _ in range(300)]  # YYMMDDhhmm in 2006
    _not_phone(stamps)
    days = [f"0{rng.randint(1, 9)}{rng.randint(1, 12):02d}{rng.randint(1950, 2020)}{rng.randint(0, 23):02d}"
            for _ in range(300)]  # DMMYYYYhh
    _not_phone(days)


def test_epoch_seconds_are_not_phones_and_not_restored_under_a_phone_name() -> None:
    rng = random.Random(16)
    seconds = [1_700_000_000 + rng.randint(0, 40_000_000) for _ in range(300)]
    _not_phone([str(s) for s in seconds])
    verdict = classify_column("phone_verified_at", seconds)
    assert not any("trunk-restored" in e for e in verdict.evidence)


def test_digit_columns_carry_no_street_refutation() -> None:
    # Nothing read these digits as addresses, so nothing is refuted as labels.
    verdict = classify_column("c4", [_national("FR", d) for d in _mobiles("FR", 60, seed=5)])
    assert not any(e.startswith("refuted:street_address") for e in verdict.evidence)


def test_numbers_behind_an_international_prefix_are_not_read_as_national() -> None:
    # 0044 7...: phonenumbers parses "00" as the international prefix; a British number is no German national one.
    rng = random.Random(17)
    values = ["00447" + digits(rng, 9) for _ in range(300)]
    verdict = classify_column("c4", values)
    assert not any("trunk-mobile" in e for e in verdict.evidence)
