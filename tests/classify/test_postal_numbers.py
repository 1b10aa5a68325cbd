"""Postal codes stored as numbers: their leading zeros lost, read zero-padded (maskline.classify.postal_shape).

Five- and six-digit codes a share of which is one digit short are POSTAL_CODE at a modest confidence; numbers of
one code width without lost zeros (product numbers, PINs) are a near miss, never "safe". Controls: counts,
amounts, years, ports, HTTP statuses and quantities stay unflagged.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # each test its own draws, so that test order does not matter


def test_five_digit_codes_stored_as_integers_are_postal_codes() -> None:
    rng = _rng(11)
    codes = [rng.randint(1001, 99950) for _ in range(300)]  # 1001..9999 lost their zero (01001)
    verdict = classify_column("c7", codes)
    assert verdict.info_type == "POSTAL_CODE"
    assert verdict.confidence < 0.75  # the shape of numbers alone: less sure than text that kept its zeros


def test_six_digit_codes_as_floats_text_among_placeholders_are_postal_codes() -> None:
    rng = _rng(12)
    values = [f"{rng.randint(1000, 999999)}.0" if rng.random() < 0.6 else rng.choice(["n/a", "—", "0"])
              for _ in range(300)]
    assert classify_column("extra3", values).info_type == "POSTAL_CODE"


def test_one_width_numbers_without_lost_zeros_are_a_near_miss_not_safe() -> None:
    rng = _rng(13)
    verdict = classify_column("f2", [rng.randint(10000, 99999) for _ in range(300)])  # product numbers
    assert verdict.info_type is None
    assert verdict.verdict == "uncertain"


def test_four_digit_pins_are_not_postal_codes() -> None:  # control: four digits never decide
    rng = _rng(14)
    verdict = classify_column("q4", [rng.randint(0, 9999) for _ in range(300)])
    assert verdict.info_type is None
    assert verdict.verdict == "uncertain"


def test_counts_amounts_years_ports_and_statuses_are_not_postal_codes() -> None:  # controls
    rng = _rng(15)
    columns = {
        "counts": [int(rng.lognormvariate(5, 1.8)) for _ in range(300)],
        "amounts": [int(rng.lognormvariate(8, 1.3)) for _ in range(300)],
        "years": [rng.randint(1950, 2024) for _ in range(300)],
        "ports": [rng.choice([22, 80, 443, 5432, 8080]) if rng.random() < 0.6 else rng.randint(1024, 65535)
                  for _ in range(300)],
        "statuses": [rng.choice([200, 201, 301, 404, 500]) for _ in range(300)],
        "ids": list(range(40001, 40301)),
    }
    for name, values in columns.items():
        verdict = classify_column("c1", values)
        assert verdict.info_type is None, name
        assert not any(e.startswith("values:lost-zero") for e in verdict.evidence), name


def test_numbers_of_many_widths_are_safe_as_before() -> None:  # control: the near miss needs one code width
    rng = _rng(16)
    assert classify_column("c1", [int(rng.lognormvariate(7, 1.5)) for _ in range(300)]).safe


def test_numbers_under_a_measure_name_are_not_postal_codes() -> None:  # the name says amount: values decide nothing
    rng = _rng(17)
    codes = [rng.randint(1001, 99950) for _ in range(300)]
    assert classify_column("amount", codes).info_type is None
    assert classify_column("unit_cost", [f"{c}.0" for c in codes]).info_type is None
    assert classify_column("c7", codes).info_type == "POSTAL_CODE"  # the same numbers under an opaque name


def test_foreign_keys_under_a_key_name_are_not_postal_codes() -> None:
    # A fact table's sample of keys into a parent of 60,000 rows is uniform over 1..60000: the shape of codes that
    # lost their leading zeros. The name says keys; masking them as postal codes would break every join on them.
    rng = _rng(18)
    keys = [rng.randint(1, 60000) for _ in range(300)]
    for name in ("customer_id", "orderKey", "parent_fk", "account_ref"):
        assert classify_column(name, keys).info_type is None, name
    assert classify_column("c7", keys).info_type == "POSTAL_CODE"  # control: the same numbers, no name
