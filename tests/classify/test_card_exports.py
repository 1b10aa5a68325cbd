"""Card numbers as exports, receipts and QA tables write them (issue 15, the ``extcsv34`` round).

- Truncated PANs (``411111******1111``, ``4111 11XX XXXX 1111``, ``XXXX-XXXX-XXXX-1111``) are no cardholder data
  (PCI DSS): placeholders for the card readings. A column of only them is no card column whatever its name says,
  and is not passed raw by the fail-closed default either; full PANs beside them make a card column.
- Magnetic-stripe tracks and payment records holding a validated card number are card columns.
- A CSV saved from a spreadsheet: Excel's scientific notation (six significant digits) and pandas' full float text.
- Gateways' test cards repeated in a QA table; cards in a column 95% empty or placeholders.
Controls: truncated values alone, long ids in scientific notation (no bank accounts either), tracks whose check digit
fails, records with two card-length numbers, query strings of order ids (no passwords), records with a password.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import json
import random

import pytest
from stdnum import luhn

from maskline.classify import classify_column
from maskline.classify.truncated_cards import truncated_pan
from maskline.infotypes.key_value_records import key_value_records
from maskline.infotypes.validators import card_in_record, card_track

DG = "0123456789"


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(DG) for _ in range(n))


def _card(r: random.Random) -> str:
    prefix, n = r.choice([("4", 16), (str(r.randint(51, 55)), 16), (r.choice(("34", "37")), 15), ("6011", 16),
                          (str(r.randint(3528, 3589)), 16), (str(r.randint(2221, 2720)), 16)])
    body = prefix + _digits(r, n - len(prefix) - 1)
    return body + str(luhn.calc_check_digit(body))


def _truncated(d: str, form: int) -> str:
    if form == 0:
        return d[:6] + "*" * (len(d) - 10) + d[-4:]
    if form == 1:
        masked = d[:6] + "X" * (len(d) - 10) + d[-4:]
        return " ".join(masked[i:i + 4] for i in range(0, len(masked), 4))
    return "XXXX-XXXX-XXXX-" + d[-4:]


def _excel(v: int) -> str:
    mantissa, exponent = f"{v:.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"


# ---------------------------------------------------------------- truncated PANs


def test_truncated_pan_forms() -> None:
    assert truncated_pan("411111******1111") and truncated_pan("4111 11XX XXXX 1111")
    assert truncated_pan("XXXX-XXXX-XXXX-1111") and truncated_pan("5500 00•• •••• 0004")
    # More than the first eight kept, or not the last four, or too short: no PCI truncation.
    assert not truncated_pan("4111111111******1111") and not truncated_pan("411111******11")
    assert not truncated_pan("XXX-XX-1234") and not truncated_pan("4111111111111111")


@pytest.mark.parametrize("form", [0, 1, 2])
@pytest.mark.parametrize("name", ["card_number", "masked_pan", "c7"])
def test_a_column_of_truncated_pans_is_no_card_column(form: int, name: str) -> None:
    """On main, ``card_number`` over them was CREDIT_CARD by its name, and the grouped form a bank account."""
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    r = random.Random(100 + form)
    verdict = classify_column(name, [_truncated(_card(r), form) for _ in range(300)])
    assert verdict.info_type is None
    assert any("truncated card numbers" in e for e in verdict.evidence)
    # Not a card, and not confidently safe: the fail-closed default masks it rather than pass it.
    assert decide_unnamed(load_policy({}), name, verdict).method is not None


@pytest.mark.parametrize("full", [0.1, 0.3])
def test_full_pans_beside_truncated_ones_are_a_card_column(full: float) -> None:
    r = random.Random(110)
    values = [_card(r) if r.random() < full else _truncated(_card(r), 0) for _ in range(300)]
    verdict = classify_column("c3", values)
    assert verdict.info_type == "CREDIT_CARD" and verdict.confidence >= 0.9


# ---------------------------------------------------------------- tracks and payment records


def test_magnetic_stripe_tracks_are_card_columns() -> None:
    """On main, track 1 was called safe at 0.95: the card numbers, expiries and names passed raw."""
    r = random.Random(120)
    track1 = [f"%B{_card(r)}^LOPEZ/ANA   ^{r.randint(25, 31)}{r.randint(1, 12):02d}101{_digits(r, 12)}?"
              for _ in range(200)]
    track2 = [f";{_card(r)}={r.randint(25, 31)}{r.randint(1, 12):02d}201{_digits(r, 10)}?" for _ in range(200)]
    for values in (track1, track2, [v.strip(";?") for v in track2]):
        verdict = classify_column("f9", values)
        assert verdict.info_type == "CREDIT_CARD" and verdict.confidence >= 0.9


def test_tracks_and_records_whose_number_is_no_card() -> None:
    assert card_track("%B4111111111111111^LOPEZ/ANA^2712101000?")
    assert not card_track("%B4111111111111112^LOPEZ/ANA^2712101000?")  # the check digit fails
    assert card_in_record("pan=4111111111111111&exp=1227")
    assert not card_in_record("pan=4111111111111111&ref=5500000000000004")  # two numbers: which is the card?
    assert not card_in_record("order=1234567890123456&qty=2")


@pytest.mark.parametrize("form", ["query", "json", "fields"])
def test_cards_inside_payment_records(form: str) -> None:
    r = random.Random(130)
    values = []
    for _ in range(200):
        d = _card(r)
        values.append({"query": f"pan={d}&exp=12{r.randint(25, 31)}&cvv={_digits(r, 3)}",
                       "json": json.dumps({"number": d, "exp_month": r.randint(1, 12), "exp_year": 2029}),
                       "fields": f"PAN:{d};EXP:0{r.randint(1, 9)}/29;CUR:EUR"}[form])
    assert classify_column("payload", values).info_type == "CREDIT_CARD"


def test_query_strings_of_order_ids_are_no_passwords_and_no_cards() -> None:
    """On main, ``order=...&qty=...&sku=...`` passed the password detector's complexity test: PASSWORD."""
    r = random.Random(140)
    values = [f"order={r.randint(10**15, 10**16 - 1)}&qty={r.randint(1, 9)}&sku=SKU-{_digits(r, 5)}"
              for _ in range(300)]
    verdict = classify_column("params", values)
    assert verdict.info_type is None
    assert any("key=value records" in e for e in verdict.evidence)


def test_records_with_a_secret_field_are_not_refuted() -> None:
    r = random.Random(141)
    values = [f"user=u{r.randint(1, 10**6)}&password=Tr0u{_digits(r, 4)}!x" for _ in range(50)]
    assert key_value_records(values) is None


# ---------------------------------------------------------------- spreadsheets' CSV exports


def test_cards_in_excel_scientific_notation_are_card_columns() -> None:
    r = random.Random(150)
    verdict = classify_column("x4", [_excel(int(_card(r))) for _ in range(300)])
    assert verdict.info_type == "CREDIT_CARD"


@pytest.mark.parametrize("kind", ["order", "imei", "micros"])
def test_long_ids_in_excel_scientific_notation_are_no_cards_nor_accounts(kind: str) -> None:
    r = random.Random(151)
    make = {"order": lambda: r.randint(10**15, 10**16 - 1),
            "imei": lambda: int("35" + _digits(r, 13)),
            "micros": lambda: r.randint(1_500_000_000_000_000, 1_800_000_000_000_000)}[kind]
    verdict = classify_column("c2", [_excel(make()) for _ in range(300)])
    assert verdict.info_type is None


def test_cards_as_a_float_columns_text() -> None:
    r = random.Random(152)
    cards = [_card(r) for _ in range(300)]
    assert classify_column("c5", [repr(float(d)) for d in cards]).info_type == "CREDIT_CARD"
    assert classify_column("c6", [d + ".0" for d in cards]).info_type == "CREDIT_CARD"
    assert classify_column("c7", ["'" + d for d in cards]).info_type == "CREDIT_CARD"


# ---------------------------------------------------------------- QA tables and sparse columns


def test_gateways_test_cards_repeated_in_a_qa_table() -> None:
    r = random.Random(160)
    pool = ["4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "5105105105105100",
            "378282246310005", "6011111111111117", "3566002020360505", "4000000000000002", "5200828282828210"]
    assert classify_column("v03", [r.choice(pool) for _ in range(300)]).info_type == "CREDIT_CARD"


def test_cards_in_a_column_nearly_all_empty_or_placeholders() -> None:
    r = random.Random(161)
    values = [_card(r) if r.random() < 0.06 else r.choice(["", "n/a", "-", "0", "none", None]) for _ in range(400)]
    assert classify_column("ref", values).info_type == "CREDIT_CARD"
