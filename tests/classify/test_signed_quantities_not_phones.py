"""Signed quantities written with their sign (``+12345678``, ``-4567890``, ``+1234567.5``) are not international
phones (maskline.infotypes.signed_quantities): a ``+`` and eight digits or more often begins with a calling code
and has a length its plan holds, so the ``international`` detector validated a third to a half of such a column's
``+`` rows. The column's ``-`` rows, the same digit runs behind a minus sign, say what the ``+`` rows are; they are
outside the matched sample, so the check reads the whole column (shape_checks.READS_COLUMN).

Controls: international phones (grouped, E.164, under opaque and phone names, beside a few ``-`` placeholders or
typos, sparse, mixed with national forms) stay PHONE.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify.column import classify_column
from tests.classify.mobile_draws import mobiles


def _signed(rng: random.Random, n: int, low: int, high: int, minus: float, decimals: int) -> list[str]:
    """``n`` quantities of ``low``-``high`` integer digits, a share ``minus`` of them negative, with ``decimals``."""
    out = []
    for _ in range(n):
        k = rng.randint(low, high)
        value = str(rng.randint(10 ** (k - 1), 10 ** k - 1))
        if decimals:
            value += "." + "".join(rng.choice("0123456789") for _ in range(decimals))
        out.append(("-" if rng.random() < minus else "+") + value)
    return out


# Shapes typed PHONE on main b9a3e7a (the seeded draws below): lengths, minus share, decimals, name, rows.
DELTAS = [
    (8, 10, 0.5, 0, "c3", 200),
    (8, 10, 0.3, 1, "delta", 40),
    (8, 10, 0.2, 2, "change", 200),
    (7, 10, 0.3, 0, "balance_change", 200),
    (6, 9, 0.2, 0, "diff", 200),
    (3, 10, 0.2, 2, "c3", 60),
    (8, 10, 0.1, 2, "c3", 200),
]


@pytest.mark.parametrize(("low", "high", "minus", "decimals", "name", "rows"), DELTAS)
def test_signed_deltas_are_not_phones(low: int, high: int, minus: float, decimals: int, name: str,
                                      rows: int) -> None:
    rng = random.Random(f"deltas-{low}-{high}-{minus}-{decimals}-{name}-{rows}")
    values = _signed(rng, rows, low, high, minus, decimals)
    verdict = classify_column(name, values)
    assert verdict.info_type is None, verdict.evidence
    assert "PHONE" in verdict.signals.refuted
    assert any("signed quantities" in e for e in verdict.evidence)
    # Control: the same column's + rows alone are phones by their shape, as on main: the refutation stands or falls
    # with the minus rows, not with a + and digits.
    plus_only = classify_column(name, [v for v in values if v[0] == "+"])
    assert "PHONE" not in plus_only.signals.refuted


def _with_zeros(rng: random.Random) -> str:  # zero changes ("+0"), zero-padded short runs, and long deltas
    if rng.random() < 0.2:
        return rng.choice(["+0", "-0", "+00012", "-00007"])
    return f"{rng.randint(-10 ** 10, 10 ** 10):+d}"


def test_zero_and_short_changes_beside_long_ones_are_signed_quantities() -> None:
    rng = random.Random("zeros")
    verdict = classify_column("c3", [_with_zeros(rng) for _ in range(200)])
    assert verdict.info_type is None, verdict.evidence
    assert "PHONE" in verdict.signals.refuted


def test_thirty_signed_deltas_are_signed_quantities() -> None:
    rng = random.Random("thirty")
    verdict = classify_column("c3", [f"{rng.randint(-10 ** 10, 10 ** 10):+d}" for _ in range(30)])
    assert verdict.info_type is None, verdict.evidence
    assert "PHONE" in verdict.signals.refuted


def test_unicode_minus_and_thousands_groups_are_signed_quantities() -> None:
    rng = random.Random("unicode-minus")
    values = [f"{rng.choice(['+', '−'])}{rng.randint(10 ** 7, 10 ** 10):,}".replace(",", " ") for _ in range(200)]
    verdict = classify_column("c3", values)
    assert verdict.info_type is None, verdict.evidence
    assert "PHONE" in verdict.signals.refuted


def _grouped_phones(rng: random.Random, n: int) -> list[str]:
    gb = [f"+44 {m[:2]} {m[2:6]} {m[6:]}" for m in mobiles("GB", ("7",), 10, n // 3, rng)]
    de = [f"+49{m}" for m in mobiles("DE", ("15", "16", "17"), 11, n // 3, rng)]
    us = [f"+1 {rng.choice(['415', '212', '646'])} 555 {rng.randint(100, 199):04d}" for _ in range(n - 2 * (n // 3))]
    return gb + de + us


def _e164(rng: random.Random, n: int) -> list[str]:
    return [f"+49{m}" for m in mobiles("DE", ("15", "16", "17"), 11, n, rng)]


@pytest.mark.parametrize("name", ["c3", "phone", "contact"])
def test_international_phones_with_minus_placeholders_stay_phones(name: str) -> None:
    rng = random.Random(f"phones-{name}")
    values = _grouped_phones(rng, 150) + ["-", "--", "-1", "-0", "-99"] * 6
    rng.shuffle(values)
    verdict = classify_column(name, values)
    assert verdict.info_type == "PHONE", verdict.evidence
    assert "PHONE" not in verdict.signals.refuted


@pytest.mark.parametrize("name", ["c3", "phone"])
def test_e164_phones_with_two_minus_typos_stay_phones(name: str) -> None:
    # E.164 numbers are written as a + and a digit run, the signed quantities' shape: two typed with a minus (the
    # key beside +) are typos, not a sign in use.
    rng = random.Random(f"e164-{name}")
    values = _e164(rng, 120)
    values += ["-" + v[1:] for v in values[:2]]
    verdict = classify_column(name, values)
    assert verdict.info_type == "PHONE", verdict.evidence
    assert "PHONE" not in verdict.signals.refuted


def test_sparse_e164_phones_stay_phones() -> None:
    rng = random.Random("sparse")
    values: list[str | None] = [None] * 400
    for i, phone in zip(rng.sample(range(400), 40), _e164(rng, 40), strict=True):
        values[i] = phone
    values[:5] = ["-", "n/a", "-", "-1", "-"]
    assert classify_column("c3", values).info_type == "PHONE"


def test_e164_phones_mixed_with_national_forms_stay_phones() -> None:
    rng = random.Random("mixed")
    numbers = mobiles("DE", ("15", "16", "17"), 11, 120, rng)
    values = [f"+49{m}" if rng.random() < 0.6 else f"0{m[:3]} {m[3:]}" for m in numbers] + ["-"] * 10
    for name in ("c3", "phone"):
        assert classify_column(name, values).info_type == "PHONE", name
