"""Dev-split tables of payment card numbers as exports, receipts and QA tables write them, read without the name
(since the ``extcsv34`` round, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(:data:`SEED_OFFSET`), so the tables before them stay as they were. Written without reading the test split, from
the formats' own definitions (ISO/IEC 7813 magnetic-stripe tracks, PCI DSS truncation, what Excel and pandas write
into a CSV) and the gateways' published test numbers. One table per locale of :data:`LOCALES`, each holding every
card column of :data:`CARDS` and every look-alike of :data:`LOOKALIKES`, in an order shuffled per table.

Card columns (label CREDIT_CARD), under opaque names or names that hint at nothing (``ref``, ``numero``, ``data``) in
most tables and honest ones in the rest:

- full card numbers, grouped or bare, under names with no hint at all;
- sparse: 90-97% of the rows empty or placeholders (``n/a``, ``-``, ``0``, ``none``, ``—``);
- full numbers beside truncated ones (``411111******1111``, ``4111 11XX XXXX 1111``, ``XXXX-XXXX-XXXX-1111``): a
  half-masked export is a card column;
- a CSV saved from a spreadsheet: scientific notation (``4.11111E+15``, six significant digits), the float's full
  text (``4.111111111111111e+15``), a trailing ``.0`` (pandas' float column among empty cells), a leading apostrophe
  (``'4111111111111111``, the spreadsheet's mark for text);
- magnetic-stripe tracks 1 and 2 (``%B4111...^LOPEZ/ANA^2712101...?``, ``;4111...=2712101...?``) and payment records
  holding the number (``pan=4111...&exp=1227``, JSON, ``PAN:...;EXP:...``);
- QA tables of gateways' test cards (Stripe's, Adyen's, Braintree's published numbers), few distinct and repeated.

Look-alikes (label None): columns of truncated card numbers only (PCI DSS: a PAN truncated to its first six and
last four digits is no cardholder data; see :mod:`maskline.classify.truncated_cards`), often under card names;
the last four digits alone; order ids, EAN-13s, IMEIs and microsecond clocks printed in scientific notation or with
``.0``; zero-padded codes behind an apostrophe; GS1 barcode strings and URL query strings with long ids; gateways'
test payment-method names (``pm_card_visa``).

>>> cols = card_export_tables(7, rows=30)
>>> len({c.table for c in cols}), sorted({c.label or "" for c in cols})
(8, ['', 'CREDIT_CARD'])
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_card_storage import WALLETS, _card, _digits, _grouped, _with_luhn

SEED_OFFSET = 101  # its own generator (15-97 are other modules'): the tables before it stay as they were
LOCALES = ("en", "en-gb", "de", "fr", "es", "it", "pt-br", "nl")
OPAQUE = ("c{i}", "f{i}", "col{i}", "x{i}", "fld_{c}", "v{i:02d}", "field{i}", "attr_{i}", "unnamed_{i}")
# Names that say nothing of a card in any language (a reference, a number, data, a value).
NO_HINT = ("ref", "ref_ext", "numero", "nummer", "data", "value", "raw", "src_value", "ident", "legacy_ref",
           "codigo", "riferimento", "kenmerk", "referencia", "item_ref", "payload_num")
HONEST = ("card_number", "cc_number", "pan", "card_no", "payment_card")
PLACEHOLDERS = ("", "n/a", "N/A", "-", "0", "none", "—", "?", "NULL")
# Gateways' published test card numbers (Stripe, Adyen, Braintree documentation): what QA tables hold.
GATEWAY_TEST_CARDS = (
    "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "5200828282828210",
    "5105105105105100", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
    "3056930009020004", "36227206271667", "3566002020360505", "6200000000000005", "4000000000000002",
    "4000000000009995", "4000000000000069", "4000000000003220", "4111111111111111", "5500000000000004",
    "4988438843884305", "5454545454545454", "2222400070000005", "374251018720018", "4166676667666746",
    "6771798021000008", "6011601160116611", "3700 0000 0000 002", "4400 0000 0000 0008", "5101 1800 0000 0007",
)
_STRIPE_METHODS = ("pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_discover", "pm_card_visa_debit",
                   "pm_card_chargeDeclined", "pm_card_authenticationRequired", "pm_card_jcb", "pm_card_unionpay")
_SURNAMES = ("LOPEZ", "SMITH", "MULLER", "DUBOIS", "ROSSI", "SILVA", "DE JONG", "GARCIA", "BROWN", "MARTIN")
_GIVEN = ("ANA", "JOHN", "KLAUS", "MARIE", "LUCA", "JOAO", "SANNE", "PABLO", "EMMA", "PIERRE")


def _wallet_cards(rng: random.Random, rows: int) -> list[str]:
    wallet = rng.choice(WALLETS)
    return [_card(wallet, rng) for _ in range(rows)]


def truncate(d: str, form: int) -> str:
    """A card number truncated as receipts print it: first six and last four (stars), grouped with Xs, or the last
    four alone behind X groups.

    >>> truncate("4111111111111111", 0), truncate("4111111111111111", 1), truncate("4111111111111111", 2)
    ('411111******1111', '4111 11XX XXXX 1111', 'XXXX-XXXX-XXXX-1111')
    """
    if form == 0:
        return d[:6] + "*" * (len(d) - 10) + d[-4:]
    masked = d[:6] + "X" * (len(d) - 10) + d[-4:]
    if form == 1:
        return " ".join(masked[i:i + 4] for i in range(0, len(masked), 4)) if len(d) == 16 else masked
    return "-".join(["XXXX"] * ((len(d) - 4) // 4)) + "-" + d[-4:]


def _excel(v: int) -> str:
    """A long number as Excel's General format writes it into a CSV: six significant digits, trailing zeros cut."""
    mantissa, exponent = f"{v:.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"


# ---------------------------------------------------------------- card columns

Make = Callable[[random.Random, int], list[Any]]


def _no_hint(rng: random.Random, rows: int) -> list[Any]:
    sep = rng.choice(["", "", " ", "-"])
    return [_grouped(d, sep) if sep else d for d in _wallet_cards(rng, rows)]


def _sparse_placeholders(rng: random.Random, rows: int) -> list[Any]:
    filled = rng.uniform(0.03, 0.1)
    return [d if rng.random() < filled else rng.choice(PLACEHOLDERS + (None, None, None))
            for d in _wallet_cards(rng, rows)]


def _beside_truncated(rng: random.Random, rows: int) -> list[Any]:
    share, form = rng.uniform(0.3, 0.8), rng.choice([0, 1, 2])
    return [truncate(d, form) if rng.random() < share else d for d in _wallet_cards(rng, rows)]


def _excel_scientific(rng: random.Random, rows: int) -> list[Any]:
    return [_excel(int(d)) for d in _wallet_cards(rng, rows)]


def _float_text(rng: random.Random, rows: int) -> list[Any]:
    """The float's full text, as pandas writes a float column of cards (``4.111111111111111e+15``), or ``.0``."""
    trailing = rng.random() < 0.5
    out: list[Any] = []
    for d in _wallet_cards(rng, rows):
        if rng.random() < 0.05:
            out.append("")
        elif trailing:
            out.append(f"{int(d)}.0" if len(d) <= 16 else repr(float(d)))
        else:
            out.append(repr(float(d)) if len(d) >= 16 else f"{int(d)}.0")
    return out


def _apostrophe(rng: random.Random, rows: int) -> list[Any]:
    return ["'" + d for d in _wallet_cards(rng, rows)]


def _track(rng: random.Random, rows: int) -> list[Any]:
    which = rng.choice([1, 2, 2])
    sentinels = rng.random() < 0.7
    out = []
    for d in _wallet_cards(rng, rows):
        yymm, service = f"{rng.randint(25, 31)}{rng.randint(1, 12):02d}", rng.choice(["101", "201", "121", "226"])
        if which == 1:
            name = f"{rng.choice(_SURNAMES)}/{rng.choice(_GIVEN)}"
            body = f"B{d}^{name:<12}^{yymm}{service}{_digits(rng, rng.randint(8, 20))}"
            out.append(f"%{body}?" if sentinels else body)
        else:
            body = f"{d}={yymm}{service}{_digits(rng, rng.randint(6, 16))}"
            out.append(f";{body}?" if sentinels else body)
    return out


def _payment_record(rng: random.Random, rows: int) -> list[Any]:
    form = rng.choice(["query", "json", "fields"])
    out = []
    for d in _wallet_cards(rng, rows):
        month, year, cvv = rng.randint(1, 12), rng.randint(2025, 2031), _digits(rng, 4 if len(d) == 15 else 3)
        if form == "query":
            out.append(f"pan={d}&exp={month:02d}{year % 100}&cvv={cvv}&amt={rng.randint(100, 99999)}")
        elif form == "json":
            number = _grouped(d, " ") if rng.random() < 0.5 else d
            out.append(json.dumps({"number": number, "exp_month": month, "exp_year": year}))
        else:
            out.append(f"PAN:{d};EXP:{month:02d}/{year % 100};CUR:{rng.choice(['EUR', 'USD', 'GBP'])}")
    return out


def _gateway_tests(rng: random.Random, rows: int) -> list[Any]:
    pool = rng.sample(GATEWAY_TEST_CARDS, rng.randint(8, 20))
    return [rng.choice(pool) for _ in range(rows)]


CARDS: tuple[Make, ...] = (_no_hint, _no_hint, _sparse_placeholders, _beside_truncated, _excel_scientific,
                           _float_text, _apostrophe, _track, _payment_record, _gateway_tests)


# ---------------------------------------------------------------- look-alikes


def _truncated_only(rng: random.Random, rows: int) -> list[Any]:
    form = rng.choice([0, 1, 2])
    return [truncate(d, form) for d in _wallet_cards(rng, rows)]


def _last_four(rng: random.Random, rows: int) -> list[Any]:
    return [rng.choice(["", "**** ", "x"]) + d[-4:] for d in _wallet_cards(rng, rows)]


def _ids_scientific(rng: random.Random, rows: int) -> list[Any]:
    """Long ids as Excel writes them: order ids, EAN-13s, IMEIs or microsecond clocks."""
    from stdnum import ean

    kind = rng.choice(["order", "ean", "imei", "micros"])
    out = []
    for _ in range(rows):
        if kind == "order":
            v = rng.randint(10**15, 10**16 - 1)
        elif kind == "ean":
            body = rng.choice(["40", "50", "30", "76", "80", "84", "87"]) + _digits(rng, 10)
            v = int(body + ean.calc_check_digit(body))
        elif kind == "imei":
            v = int(_with_luhn(rng.choice(["35", "86", "99"]) + _digits(rng, 6), 15, rng))
        else:
            v = rng.randint(1_500_000_000_000_000, 1_800_000_000_000_000)
        out.append(_excel(v))
    return out


def _ids_float_text(rng: random.Random, rows: int) -> list[Any]:
    """Luhn-valid account numbers outside the issuers' ranges and drawn ids, as a float column's text."""
    out: list[Any] = []
    for _ in range(rows):
        d = _with_luhn(rng.choice(["1", "7", "8", "9"]) + _digits(rng, 3), 16, rng) if rng.random() < 0.5 \
            else str(rng.randint(10**15, 10**16 - 1))
        out.append(f"{d}.0" if rng.random() < 0.9 else "")
    return out


def _apostrophe_codes(rng: random.Random, rows: int) -> list[Any]:
    width = rng.choice([8, 10, 12])
    return ["'" + str(rng.randint(0, 10 ** (width - 2))).zfill(width) for _ in range(rows)]


def _gs1_strings(rng: random.Random, rows: int) -> list[Any]:
    from stdnum import ean

    out = []
    for _ in range(rows):
        body = "0" + rng.choice(["40", "50", "76"]) + _digits(rng, 10)
        gtin = body + ean.calc_check_digit(body)
        out.append(f"(01){gtin}(17){rng.randint(25, 30)}{rng.randint(1, 12):02d}28(10){_digits(rng, 6)}")
    return out


def _query_ids(rng: random.Random, rows: int) -> list[Any]:
    return [f"order={rng.randint(10**15, 10**16 - 1)}&qty={rng.randint(1, 9)}&sku=SKU-{_digits(rng, 5)}"
            for _ in range(rows)]


def _test_methods(rng: random.Random, rows: int) -> list[Any]:
    return [rng.choice(_STRIPE_METHODS) for _ in range(rows)]


LOOKALIKES: tuple[tuple[Make, tuple[str, ...]], ...] = (
    (_truncated_only, ("masked_pan", "card_masked", "pan_display", "card_number", "truncated_pan")),
    (_truncated_only, ("receipt_card", "card_mask", "cc_masked")),
    (_last_four, ("card_last4", "last4", "cc_last_four")),
    (_ids_scientific, ("order_id", "ean", "imei", "event_us")),
    (_ids_scientific, ("barcode", "order_ref", "device")),
    (_ids_float_text, ("account_ref", "member_no", "contract")),
    (_apostrophe_codes, ("sku_code", "branch_code", "customer_code")),
    (_gs1_strings, ("gs1", "scan", "label_data")),
    (_query_ids, ("query", "params", "request")),
    (_test_methods, ("payment_method", "test_method", "pm_id")),
)


def card_export_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: every card column and every look-alike, shuffled. Card columns
    are named opaquely (40%), by a name that hints at nothing (35%) or honestly; look-alikes by their own names
    (60%) or opaquely.

    >>> len({c.table for c in card_export_tables(1, rows=5)})
    8
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        table = f"dx{li:02d}_{locale.replace('-', '_')}"
        entries: list[Any] = list(CARDS) + list(LOOKALIKES)
        rng.shuffle(entries)
        used: set[str] = set()
        for i, entry in enumerate(entries):
            opaque = rng.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26])
            r = rng.random()
            if not isinstance(entry, tuple):
                name, style = (opaque, "opaque") if r < 0.4 else (rng.choice(NO_HINT), "opaque") if r < 0.75 \
                    else (rng.choice(HONEST), "honest")
                label, values = "CREDIT_CARD", entry(rng, rows)
            else:
                make, names = entry
                name, style = (rng.choice(names), "honest") if r < 0.6 else (opaque, "opaque")
                label, values = None, make(rng, rows)
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, values))
    return columns
