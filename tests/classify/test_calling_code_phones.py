"""Phones stored as integers in a plan's two forms, with and without the calling code (``34612345678`` and
``612345678``), under an opaque name: read by the plan's lengths and by validity far above random digits behind the
same prefixes (maskline.infotypes.phone_plans.calling_code_fit). Controls: ids behind a calling-code-like prefix,
IMEIs, barcodes and epoch milliseconds stay unflagged.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _luhn(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def _gtin(body: str) -> str:
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def test_mobiles_with_and_without_the_calling_code_are_phones() -> None:
    rng = random.Random(51)
    values = [int(("34" if rng.random() < 0.5 else "") + rng.choice("67") + _digits(rng, 8)) for _ in range(300)]
    verdict = classify_column("fld_a", values)
    assert verdict.info_type == "PHONE"
    assert any(e.startswith("values:calling-code ES") for e in verdict.evidence)
    assert verdict.confidence < 0.8  # validity short of a plan's 90%: less sure than a plan that fits


def test_ids_behind_a_calling_code_prefix_are_not_phones() -> None:  # control: validity is chance's
    rng = random.Random(52)
    # Of the plan's two forms and lengths (34 and nine digits, or nine digits), the digits behind them random.
    values = [int(rng.choice(["34", ""]) + rng.choice("123456789") + _digits(rng, 8)) for _ in range(300)]
    assert classify_column("k_g", values).info_type is None


def test_imeis_barcodes_and_epoch_milliseconds_are_not_phones() -> None:  # controls
    rng = random.Random(53)
    imeis = [int(_luhn("35" + _digits(rng, 12))) for _ in range(300)]
    eans = [int(_gtin("40" + _digits(rng, 10))) for _ in range(300)]
    epochs = [rng.randint(1_500_000_000, 1_800_000_000) * 1000 + rng.randint(0, 999) for _ in range(300)]
    for name, values in (("imeis", imeis), ("eans", eans), ("epochs", epochs)):
        assert classify_column("c5", values).info_type is None, name
