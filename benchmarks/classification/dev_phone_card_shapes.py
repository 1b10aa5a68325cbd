"""Dev tables of phones written without their ``+`` and of card numbers in the shapes issue 15 still named, beside
hard negatives of the same shapes (since the ``extcsv43`` round, issue 15).

Phones (valid numbers of each region drawn from phonenumbers' example numbers, their last digits redrawn; regions
Faker and mimesis locales of this module: Italy, Poland, Sweden, Czechia, Portugal, Norway, Hungary, Belgium):

- a calling code as the first group without ``+`` (``39 312 477 7566``), after ``00`` (``0048 512 927 144``), or
  ``00`` with no separator (``0046701234567``); toll-free vanity numbers (``1-888-495-HELP``);
- Excel's lossy scientific notation (``3.93124E+11``), labelled None: six digits are kept, a calling code and a
  prefix, which identify no one (the column is masked by the fail-closed default all the same).

Cards (Faker's generators, Luhn-valid), under opaque names, some beside an expiry (``MM/YY``) and a CVV column:
American Express grouped 4-6-5, Diners 4-6-4, 19-digit Visa, integers, floats. Cards masked by the source
(``4111 **** **** 1111``, ``XXXX-1111``) are labelled None: a PAN truncated to its first six and last four digits is
no cardholder data under PCI DSS (:mod:`maskline.classify.truncated_cards`).

Hard negatives, labelled None: IMEIs (Luhn-valid 15 digits, grouped 2-6-6-1 or bare), EAN-13 and GTIN-14, ISBN-13s
in groups, order numbers in groups, tracking numbers (UPS ``1Z``, 22-digit USPS in groups of 4), gift-card codes,
loyalty numbers in groups, date ranges, numeric ids in groups of 2-3, zero-padded ids, expiry and CVV columns.

>>> cols = phone_card_shape_tables(7, rows=30)
>>> len({c.table for c in cols}), {c.label for c in cols} <= {"PHONE", "CREDIT_CARD", None}
(8, True)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_phone_storage import (
    _valid_number,  # the phone-storage tables' valid numbers
)

SHAPES_SEED_OFFSET = 67  # its own generator: the tables before it stay as they were
REGIONS = ("IT", "PL", "SE", "CZ", "PT", "NO", "HU", "BE")
FAKER_LOCALES = ("it_IT", "pl_PL", "sv_SE", "cs_CZ", "pt_PT", "no_NO", "hu_HU", "nl_BE")
OPAQUE = ("c{i}", "f{i}", "col_{i}", "v{i:02d}", "x{i}", "attr{i}", "field{i}", "k{i}", "n{i}", "data{i}")
VANITY = ("HELP", "CARS", "FOOD", "LOAN", "CASH", "TAXI", "SAFE", "PETS", "SHOP", "BIKE", "FIX1", "MOVE")



def _phone_forms(region: str) -> dict[str, tuple[str | None, Callable[[random.Random], Any]]]:
    import phonenumbers

    def intl(r: random.Random) -> str:
        return phonenumbers.format_number(_valid_number(region, r), phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def e164(r: random.Random) -> str:
        return phonenumbers.format_number(_valid_number(region, r), phonenumbers.PhoneNumberFormat.E164)

    return {
        "code_grouped": ("PHONE", lambda r: intl(r)[1:]),
        "code_grouped_00": ("PHONE", lambda r: "00" + intl(r)[1:]),
        "unspaced_00": ("PHONE", lambda r: "00" + e164(r)[1:]),
        "vanity": ("PHONE", lambda r: f"1-{r.choice(['800', '888', '877', '866'])}-{r.randint(200, 999)}-"
                                      f"{r.choice(VANITY)}"),
        "excel_lossy": (None, lambda r: f"{int(e164(r)[1:]):.5E}"),
    }



def _group(s: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    return sep.join(out)


def _card_forms(fake: Any) -> dict[str, tuple[str | None, Callable[[random.Random], Any]]]:
    def cc(kind: str) -> str:
        return str(fake.credit_card_number(kind))

    return {
        "amex_465": ("CREDIT_CARD", lambda r: _group(cc("amex"), (4, 6, 5), r.choice([" ", "-"]))),
        "diners_464": ("CREDIT_CARD", lambda r: _group(cc("diners"), (4, 6, 4), r.choice([" ", "-"]))),
        "visa19": ("CREDIT_CARD", lambda r: cc("visa19")),
        "card_int": ("CREDIT_CARD", lambda r: int(cc(r.choice(["visa16", "mastercard", "discover"])))),
        "card_float": ("CREDIT_CARD", lambda r: float(cc(r.choice(["visa16", "mastercard", "jcb16"])))),
        "masked_stars": (None, lambda r: (lambda s: f"{s[:4]} **** **** {s[-4:]}")(cc("visa16"))),
        "masked_last4": (None, lambda r: f"XXXX-{cc('mastercard')[-4:]}"),
    }


def _negatives() -> dict[str, Callable[[random.Random], Any]]:
    def imei(r: random.Random) -> str:
        from stdnum import luhn

        body = r.choice(["35", "86", "01"]) + "".join(r.choice("0123456789") for _ in range(12))
        return body + luhn.calc_check_digit(body)

    def ean13(r: random.Random) -> str:
        body = [r.choice([4, 5, 8, 9])] + [r.randint(0, 9) for _ in range(11)]
        check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
        return "".join(map(str, body)) + str(check)

    def isbn13(r: random.Random) -> str:
        body = "978" + "".join(r.choice("0123456789") for _ in range(9))
        check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
        return f"{body[:3]} {body[3]} {body[4:8]} {body[8:]} {check}"

    def date_range(r: random.Random) -> str:
        m, d = r.randint(1, 11), r.randint(1, 28)
        return f"{d:02d}.{m:02d}.2025 - {d:02d}.{m + 1:02d}.2025"

    return {
        "imei_grouped": lambda r: _group(imei(r), (2, 6, 6, 1)),
        "imei": imei,
        "ean13_grouped": lambda r: _group(ean13(r), (1, 6, 6)),
        "gtin14": lambda r: "1" + ean13(r),
        "isbn_spaced": isbn13,
        "order_grouped": lambda r: f"{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
        "ups": lambda r: "1Z " + " ".join("".join(r.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(k))
                                          for k in (3, 3, 2, 4, 4)),
        "usps": lambda r: _group("9400" + "".join(r.choice("0123456789") for _ in range(18)), (4,) * 5 + (2,)),
        "gift_card": lambda r: "-".join("".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(4))
                                        for _ in range(4)),
        "loyalty": lambda r: _group("6" + "".join(r.choice("0123456789") for _ in range(15)), (4, 4, 4, 4)),
        "date_range": date_range,
        "id_23": lambda r: f"{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(10, 99)}",
        "padded_id": lambda r: f"{r.randint(10 ** 9, 5 * 10 ** 10):013d}",
        "expiry": lambda r: f"{r.randint(1, 12):02d}/{r.randint(25, 31)}",
        "cvv": lambda r: f"{r.randint(0, 999):03d}",
    }


def _sparse(values: list[Any], rng: random.Random) -> list[Any]:
    empty = rng.uniform(0.5, 0.8)
    return [None if rng.random() < empty else v for v in values]


def phone_card_shape_tables(seed: int, rows: int) -> list[Column]:
    """Eight tables, one per region: three of its phone forms, three card forms (an expiry and a CVV beside them in
    half the tables) and four hard negatives, every name opaque and unique in its table."""
    from faker import Faker
    from faker.providers.credit_card import Provider as CardProvider

    rng = random.Random(seed + SHAPES_SEED_OFFSET)
    negatives = _negatives()
    columns: list[Column] = []
    for t, (region, locale) in enumerate(zip(REGIONS, FAKER_LOCALES, strict=True)):
        fake = Faker(locale)
        fake.seed_instance(rng.randint(0, 2 ** 31))
        phones = _phone_forms(region)
        # The base card provider: the locales' own providers drop brands (Italy's has no American Express).
        cards = _card_forms(CardProvider(fake))
        made: list[tuple[str | None, list[Any]]] = []
        for form in rng.sample(sorted(phones), 3):
            label, make = phones[form]
            values = [make(rng) for _ in range(rows)]
            made.append((label, _sparse(values, rng) if rng.random() < 0.25 else values))
        for form in rng.sample(sorted(cards), 3):
            label, make = cards[form]
            made.append((label, [make(rng) for _ in range(rows)]))
        kinds = rng.sample([k for k in sorted(negatives) if k not in ("expiry", "cvv")], 4)
        if t % 2 == 0:
            kinds[-2:] = ["expiry", "cvv"]
        for kind in kinds:
            made.append((None, [negatives[kind](rng) for _ in range(rows)]))
        rng.shuffle(made)
        names: set[str] = set()
        table = f"dq{t:02d}_phone_card_shapes"
        for i, (label, values) in enumerate(made):
            name = rng.choice(OPAQUE).format(i=i + 1)
            while name in names:
                name += "_2"
            names.add(name)
            columns.append(Column(table, name, label, "opaque", values))
    return columns
