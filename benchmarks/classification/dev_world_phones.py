"""Dev tables of phone numbers of every region phonenumbers knows, read by their values alone, beside digit columns
that are no phones (since the ``extcsv28`` round, issue 15).

The phones are valid numbers of their region (:func:`_number`: an example number of phonenumbers' metadata, mobile
or fixed line, its subscriber digits redrawn until ``is_valid_number`` holds), for regions drawn from every region
that has a mobile example number, not from a list of likely countries. Each column is one region written the way
exports write it: E.164, international with spaces, national with its trunk prefix, national without it, stored as
an integer (the ``+`` and a leading 0 lost; a sparse integer column is a float column), or these forms mixed; a
third of the columns are sparse (70-95% empty). Their names are opaque (``c1``, ``f14``), abbreviated, in a language
without name hints, or honest. Beside them, hard negatives of the same digit counts: drawn ids of 7 to 12 digits,
year-led order numbers, EAN-13 barcodes, epoch seconds, amounts in cents, postal codes, account numbers and dates
written as digits, stored as text or integers, some sparse (the postal codes labelled as such).

>>> cols = world_phone_tables(7, rows=40)
>>> len(cols), sum(c.label == "PHONE" for c in cols), {c.label for c in cols} <= {"PHONE", "POSTAL_CODE", None}
(72, 48, True)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

WORLD_SEED_OFFSET = 53  # its own generator: the tables before it stay as they were
TABLES = 8
PHONES_PER_TABLE = 6
NEGATIVES_PER_TABLE = 3
FORMS = ("e164", "international", "national", "national_bare", "integer", "mixed")
OPAQUE = ("c{i}", "f{i}", "col_{i}", "v{i:02d}", "x{i}", "attr{i}", "field{i}", "k{i}")
ABBREVIATED = ("ph", "mob_no", "cellNo", "tel_nr", "msisdn", "contact_no", "alt_ph", "hp")
# Words for a phone in languages the name hints do not list, and honest English names.
LOCAL = ("namba_ya_simu", "simu", "nambari", "lambar_waya", "nomba_foni", "akapa", "ufoni", "mkhathi",
         "dienthoai", "sodienthoai", "khmer_tel", "utaqaan", "waea", "nemera")
HONEST = ("phone", "mobile", "contact_phone", "phone_number")


KINDS: dict[tuple[str, str], str] = {}  # (table, column) -> region and form, or the negative's kind: for reports


def _regions() -> list[str]:
    """Every region with a mobile example number, sorted so the draw does not depend on the set's order."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    return sorted(r for r in phonenumbers.SUPPORTED_REGIONS
                  if phonenumbers.example_number_for_type(r, PhoneNumberType.MOBILE) is not None)


def _number(region: str, rng: random.Random) -> Any:
    """A valid number of the region, mobile twice as often as fixed line: its example number with the last
    five digits up to all but the first two redrawn until phonenumbers validates it for the region."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind) or \
        phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    assert example is not None, region  # every region drawn has a mobile example
    nsn = phonenumbers.national_significant_number(example)
    least = min(5, len(nsn) - 2)  # a subscriber's last digits are drawn: a fixed one is an id's field
    for _ in range(200):
        free = rng.randint(least, max(least, len(nsn) - 2))
        digits = nsn[:len(nsn) - free] + "".join(rng.choice("0123456789") for _ in range(free))
        num = phonenumbers.parse(digits, region)
        if phonenumbers.is_valid_number_for_region(num, region):
            return num
    return example


def _written(num: Any, form: str, rng: random.Random) -> Any:
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    if form == "mixed":
        form = rng.choice(FORMS[:-1])
    nsn = phonenumbers.national_significant_number(num)
    if form == "e164":
        return phonenumbers.format_number(num, PhoneNumberFormat.E164)
    if form == "international":
        return phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    if form == "national":
        return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if form == "national_bare":
        return nsn
    # An integer: E.164 without its "+" half the time, else the national number, its leading zero lost.
    return int(f"{num.country_code}{nsn}" if rng.random() < 0.5 else nsn)


def _ean13(rng: random.Random) -> str:
    body = [rng.randint(0, 9) for _ in range(12)]
    body[0] = rng.choice([4, 5, 8, 9])
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
    return "".join(map(str, body)) + str(check)


def _date_digits(rng: random.Random) -> str:
    y, m, d = rng.randint(1950, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{y}{m:02d}{d:02d}", f"{d:02d}{m:02d}{y}"])


def _negatives(rng: random.Random) -> list[tuple[str, Callable[[random.Random], Any]]]:
    width = rng.randint(7, 12)
    year = rng.randint(2018, 2026)
    base = rng.randint(10, 99) * 10 ** 8
    return [
        ("id", lambda r: r.randint(10 ** (width - 1), 10 ** width - 1)),
        ("id_text", lambda r: str(r.randint(10 ** (width - 1), 10 ** width - 1))),
        ("order", lambda r: f"{year}{r.randint(1, 999999):06d}"),
        ("ean13", _ean13),
        ("epoch", lambda r: r.randint(1_400_000_000, 1_790_000_000)),
        ("cents", lambda r: int(10 ** r.uniform(4, 10))),
        ("postcode", lambda r: f"{r.randint(1000, 99999):05d}"),  # labelled POSTAL_CODE below
        ("account", lambda r: base + r.randint(0, 10 ** 8 - 1)),
        ("account_text", lambda r: f"{r.randint(0, 9999):04d}{r.randint(0, 10 ** 6 - 1):06d}"),
        ("date", _date_digits),
    ]


def _name(rng: random.Random, i: int) -> tuple[str, str]:
    style = rng.choices(["opaque", "abbreviated", "foreign", "honest"], weights=[5, 2, 2, 1])[0]
    pool = {"opaque": OPAQUE, "abbreviated": ABBREVIATED, "foreign": LOCAL, "honest": HONEST}[style]
    return rng.choice(pool).format(i=i), style


def _sparse(values: list[Any], rng: random.Random) -> list[Any]:
    empty = rng.uniform(0.7, 0.95)
    return [None if rng.random() < empty else v for v in values]


def world_phone_tables(seed: int, rows: int) -> list[Column]:
    """Eight tables of six phone columns (a region drawn without repeats, a form, a name style; a third sparse)
    and three hard negatives each, every name unique in its table."""
    rng = random.Random(seed + WORLD_SEED_OFFSET)
    regions = rng.sample(_regions(), TABLES * PHONES_PER_TABLE)
    columns: list[Column] = []
    for t in range(TABLES):
        table = f"dw{t:02d}_world_phones"
        made: list[tuple[str | None, str, list[Any]]] = []
        for region in regions[t * PHONES_PER_TABLE:(t + 1) * PHONES_PER_TABLE]:
            form = rng.choice(FORMS)
            values = [_written(_number(region, rng), form, rng) for _ in range(rows)]
            made.append(("PHONE", f"{region} {form}", _sparse(values, rng) if rng.random() < 1 / 3 else values))
        for kind, make in rng.sample(_negatives(rng), NEGATIVES_PER_TABLE):
            values = [make(rng) for _ in range(rows)]
            values = _sparse(values, rng) if rng.random() < 1 / 4 else values
            made.append(("POSTAL_CODE" if kind == "postcode" else None, kind, values))
        rng.shuffle(made)
        names: set[str] = set()
        for i, (label, what, values) in enumerate(made):
            # A negative's name is opaque: a barcode under "phone" would be a test of the name, not the values.
            name, style = _name(rng, i + 1) if label == "PHONE" else (rng.choice(OPAQUE).format(i=i + 1), "opaque")
            while name in names:
                name += "_2"
            names.add(name)
            columns.append(Column(table, name, label, style, values))
            KINDS[(table, name)] = what
    return columns
