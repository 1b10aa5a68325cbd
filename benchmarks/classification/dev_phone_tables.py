"""Dev tables of phones stored as integers in countries no other split draws from, beside numbers shaped like them
(since the ``clsphone`` round).

The phones are valid numbers of their plan (phonenumbers' example numbers with their last digits redrawn until
valid), for regions that neither the generators of the other splits nor the test split's locales use: South
Africa, Chile, Egypt, Morocco, the Philippines, Nigeria, Singapore, Peru. Each column is one region in one stored
form: E.164 without the ``+``, the national number with its trunk 0 lost, or half and half. The look-alikes are
integers a table holds for other reasons: a year and an unpadded serial, a branch code and an unpadded account,
amounts in cents (spread over magnitudes), random ids, a range of ids opening with a calling code, epoch seconds
beside milliseconds. Every name is opaque.

>>> cols = phone_tables(7, rows=30)
>>> len(cols), {c.label for c in cols} == {"PHONE", None}
(24, True)
"""

from __future__ import annotations

import random
from functools import partial
from typing import Any

from benchmarks.classification.corpus import Column

PHONE_SEED_OFFSET = 47  # its own generator: the tables before it stay as they were
REGIONS = ("ZA", "CL", "EG", "MA", "PH", "NG", "SG", "PE")
FORMS = ("e164", "national", "mixed")
TABLES = 3
NAMES = ("c{i}", "col{i}", "fld_{i}", "v{i:02d}", "x{i}", "attr{i}", "data{i}", "n{i}")


def _number(region: str, rng: random.Random) -> Any:
    """A valid number of the region (mobile or fixed line), its last digits redrawn."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    assert example is not None, region  # every region listed has example numbers
    nsn = str(example.national_number)
    for _ in range(100):
        tail = "".join(rng.choice("0123456789") for _ in range(min(6, len(nsn) - 2)))
        num = phonenumbers.parse(nsn[:len(nsn) - len(tail)] + tail, region)
        if phonenumbers.is_valid_number(num):
            return num
    return example


def _phone(region: str, form: str, rng: random.Random) -> int:
    num = _number(region, rng)
    coded = form == "e164" or form == "mixed" and rng.random() < 0.5
    return int(f"{num.country_code}{num.national_number}" if coded else str(num.national_number))


def _year_serial(rng: random.Random) -> int:
    return int(f"{rng.randint(2015, 2026)}{rng.randint(1, 10 ** rng.randint(3, 7))}")


def _branch_account(branch: int, rng: random.Random) -> int:
    return int(f"{branch}{int(10 ** rng.uniform(5, 9))}")


def _cents(rng: random.Random) -> int:
    return int(10 ** rng.uniform(6.8, 11.5))


def _epoch(rng: random.Random) -> int:
    seconds = rng.randint(1_500_000_000, 1_780_000_000)
    return seconds * 1000 + rng.randint(0, 999) if rng.random() < 0.4 else seconds


def _lookalikes(rng: random.Random) -> list[Any]:
    branch = rng.choice([27, 56, 20, 212, 63, 234, 65, 51])  # codes of the phone regions, as branch numbers
    start = int(f"{branch}{rng.randint(10, 99)}") * 10 ** 7
    return [
        _year_serial,
        lambda r: _branch_account(branch, r),
        _cents,
        lambda r: r.randint(10 ** 9, 10 ** 11),
        lambda r: start + r.randint(0, 5 * 10 ** 6),
        _epoch,
    ]


def phone_tables(seed: int, rows: int) -> list[Column]:
    """Three tables of four phone columns (random region and form) and four look-alike columns each."""
    rng = random.Random(seed + PHONE_SEED_OFFSET)
    columns: list[Column] = []
    for t in range(TABLES):
        makes: list[tuple[str | None, Any]] = [
            ("PHONE", partial(_phone, rng.choice(REGIONS), rng.choice(FORMS))) for _ in range(4)]
        makes += [(None, m) for m in rng.sample(_lookalikes(rng), 4)]
        rng.shuffle(makes)
        for i, (label, make) in enumerate(makes):
            name = rng.choice(NAMES).format(i=i + 1)
            while any(c.table == f"dp{t:02d}_numbers" and c.name == name for c in columns):
                name += "_2"
            values = [make(rng) for _ in range(rows)]
            columns.append(Column(f"dp{t:02d}_numbers", name, label, "opaque", values))
    return columns
