"""Card numbers whose Luhn digit fails, under opaque names, read from the column's issuer ranges and lengths
(classify/card_issuers.py); long drawn digit strings never called confidently safe (classify/digit_entropy.py).
Controls: random 16-digit references, IMEIs, EAN-13 barcodes, ISBN-13s, epoch milliseconds, row ids, order numbers
and amounts stay without an info type.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column

DG = "0123456789"


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(DG) for _ in range(n))


def _luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def _broken(body: str) -> str:
    """The number with a check digit that fails Luhn (a typo or test data)."""
    return body + str((int(_luhn_digit(body)) + 3) % 10)


def _cards_failing_luhn(r: random.Random, n: int = 120, grouped: bool = False) -> list[str]:
    out = []
    for _ in range(n):
        kind = r.random()
        if kind < 0.45:
            v = _broken("4" + _digits(r, 14))
        elif kind < 0.75:
            v = _broken(str(r.randint(51, 55)) + _digits(r, 13))
        elif kind < 0.9:
            v = _broken(r.choice(("34", "37")) + _digits(r, 12))
        else:
            v = _broken("6011" + _digits(r, 11))
        if grouped and len(v) == 16:
            v = " ".join(v[i:i + 4] for i in range(0, 16, 4))
        out.append(v)
    return out


def test_cards_failing_luhn_under_an_opaque_name_are_cards() -> None:
    r = random.Random(11)
    verdict = classify_column("x4", _cards_failing_luhn(r))
    assert verdict.info_type == "CREDIT_CARD"
    assert any("issuer ranges" in e for e in verdict.evidence)


def test_grouped_cards_failing_luhn_are_cards() -> None:
    r = random.Random(12)
    assert classify_column("value_7", _cards_failing_luhn(r, grouped=True)).info_type == "CREDIT_CARD"


def test_random_sixteen_digit_references_are_not_cards() -> None:
    r = random.Random(13)
    refs = [str(r.randint(10**15, 10**16 - 1)) for _ in range(200)]
    verdict = classify_column("ref", refs)
    assert verdict.info_type is None
    assert verdict.verdict == "uncertain"  # long drawn digits are never passed raw


def test_imeis_barcodes_isbns_clocks_and_parcels_are_not_cards() -> None:
    r = random.Random(14)
    imeis = [(b := "35" + _digits(r, 12)) + _luhn_digit(b) for _ in range(150)]
    from stdnum import ean

    eans = [(b := r.choice(("40", "50")) + _digits(r, 10)) + ean.calc_check_digit(b) for _ in range(150)]
    isbns = [(b := "978" + _digits(r, 9)) + ean.calc_check_digit(b) for _ in range(150)]
    clock = [str(1_733_000_000_000 + r.randint(0, 30_000_000_000)) for _ in range(150)]
    fedex = [_digits(r, 12) for _ in range(150)]  # 12-digit parcel numbers
    usps = ["9400 " + " ".join(_digits(r, 4) for _ in range(4)) + " " + _digits(r, 2) for _ in range(150)]
    for values in (imeis, eans, isbns, clock, fedex, usps):
        assert classify_column("v3", values).info_type is None


def test_one_prefix_in_house_keys_are_not_cards() -> None:
    r = random.Random(15)
    keys = ["4000" + _digits(r, 12) for _ in range(150)]  # one issuer family, as a fixed key prefix gives
    assert classify_column("f2", keys).info_type is None


def test_long_drawn_account_numbers_are_not_safe() -> None:
    r = random.Random(16)
    accounts = [str(r.randint(1, 9)) + _digits(r, 20) for _ in range(150)]
    # Not safe: 21 drawn digits are also Portugal's BBAN structure, so they read as accounts at low confidence.
    assert classify_column("col_4", accounts).verdict != "safe"


def test_row_ids_order_numbers_and_amounts_stay_safe() -> None:
    r = random.Random(17)
    row_ids = [str(i) for i in range(1, 301)]
    orders = [str(100000 + i) for i in range(300)]
    amounts = [f"{r.uniform(1, 5000):.2f}" for _ in range(300)]
    for values in (row_ids, orders, amounts):
        assert classify_column("n", values).safe


def test_epoch_milliseconds_are_not_drawn_digit_strings() -> None:
    from maskline.classify.digit_entropy import drawn_digit_strings

    epoch_ms = [str(1_733_000_000_000 + 1000 * i) for i in range(300)]
    assert not drawn_digit_strings(epoch_ms, [1.0] * 300, 300.0)


# ---------------------------------------------------------------- Kazakh IINs (validators.kz_iin)


def _kz_iin(r: random.Random) -> str:
    from maskline.infotypes.validators import kz_iin

    while True:
        body = f"{r.randint(0, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.choice('3456')}{_digits(r, 4)}"
        for c in DG:
            if kz_iin(body + c):
                return body + c


def test_kazakh_iins_under_an_opaque_name_are_national_ids() -> None:
    r = random.Random(18)
    assert classify_column("fld_i", [_kz_iin(r) for _ in range(120)]).info_type == "NATIONAL_ID"


def test_random_twelve_digit_numbers_are_not_national_ids() -> None:
    r = random.Random(19)
    # Drawn digits: most fail a birth date's check. A column whose every value opens with a date and a
    # birthplace code is MyKad's shape, which has no check digit, and is typed NATIONAL_ID
    # (tests/classify/test_seasia_ids_and_dates_not_phones.py); Kazakhstan's IIN without its check digit reads so.
    values = [_digits(r, 12) for _ in range(120)]
    assert classify_column("fld_i", values).info_type is None


# ---------------------------------------------------------------- zero-padded record numbers (digit_entropy)


def test_zero_padded_record_numbers_are_not_safe() -> None:
    r = random.Random(20)
    mrns = [f"{r.randint(1, 10**7):08d}" for _ in range(200)]  # record numbers padded to eight digits
    verdict = classify_column("c4", mrns)
    assert verdict.info_type is None and verdict.verdict == "uncertain"


def test_zero_padded_row_ids_and_unpadded_counts_stay_safe() -> None:
    r = random.Random(21)
    row_ids = [f"{i:08d}" for i in range(1, 201)]  # padded, but no wider than the table
    counts = [str(r.randint(1_000_000, 9_999_999)) for _ in range(200)]  # seven digits, never padded
    for values in (row_ids, counts):
        assert classify_column("c4", values).safe
