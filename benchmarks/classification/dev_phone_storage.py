"""Dev tables of phone numbers stored as contact tables keep them, with more than the number in the cell, beside
cells of the same punctuation that hold no phone (since the ``extcsv35`` round, issue 15).

One table per locale of :data:`LOCALES` (Faker and mimesis, each locale's own phone numbers, so not every number is
valid: generators fill a country's masks with random digits). Each phone column is one storage form:

- an extension after the number (``ext. 12``, ``x123``, ``#45``, ``доб. 123``, ``内线 23``, ``Durchwahl 12``), on
  every row or on a third to two thirds of them;
- two numbers in one cell (``;``, ``,``, ``/``, `` / ``, ``|``);
- full-width digits and punctuation (``０９０－１２３４－５６７８``), Arabic-Indic digits;
- a whole float printed in upper-case scientific notation with every digit (``4.915112345678E+12``);
- some sparse (70-95% empty).

Their names carry no phone hint a reader of English would see (``c3``, ``kontakt``, ``tel_2``, ``連絡先``,
``联系方式``, ``연락처``, ``telefone_cel``, ``whatsapp``, ``celular``, ``handy``, ``gsm``, ``mob``) or are opaque.

The look-alikes, in the same punctuation and under opaque names: two ids in one cell (``48213377; 90017723``),
order numbers with a line (``#2024-00123``, ``SO-48213377 #3``), a year and a serial (``2024/012345``), date ranges
(``2021-03-04 / 2021-05-06``), ISBN-13s, EAN-13s, epoch milliseconds, Russian passports (series and number,
``45 12 345678``, labelled PASSPORT), amounts with a currency, versions, and postal code and house pairs (``10115 / 12``).

>>> cols = phone_storage_tables(7, rows=30)
>>> len({c.table for c in cols}), {c.label for c in cols} <= {"PHONE", "PASSPORT", None}
(8, True)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

STORAGE_SEED_OFFSET = 59  # its own generator: the tables before it stay as they were
# (Faker locale, mimesis locale, the region its numbers are read in, an extension word of its language)
LOCALES: tuple[tuple[str, str, str, str], ...] = (
    ("en_US", "en", "US", "ext."),
    ("de_DE", "de", "DE", "Durchwahl"),
    ("ru_RU", "ru", "RU", "доб."),
    ("zh_CN", "zh", "CN", "内线"),
    ("ja_JP", "ja", "JP", "内線"),
    ("pt_BR", "pt-br", "BR", "ramal"),
    ("fr_FR", "fr", "FR", "poste"),
    ("es_MX", "es", "MX", "ext."),
)
FORMS = ("extension", "extension_some", "two", "fullwidth", "arabic", "scientific")
PHONES_PER_TABLE = 5
NEGATIVES_PER_TABLE = 5
NAMES = ("c{i}", "kontakt", "tel_2", "連絡先", "联系方式", "연락처", "telefone_cel", "whatsapp", "celular", "handy",
         "gsm", "mob", "f{i}", "x{i}", "attr{i}")
OPAQUE = ("c{i}", "f{i}", "col_{i}", "v{i:02d}", "x{i}", "attr{i}", "field{i}", "k{i}")
_FULL = str.maketrans("0123456789-()+ .", "０１２３４５６７８９－（）＋　．")
_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _valid_number(region: str, rng: random.Random) -> Any:
    """A valid number of the region: its example mobile or fixed line, the last digits redrawn until valid."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None, region
    nsn = phonenumbers.national_significant_number(example)
    for _ in range(200):
        free = rng.randint(4, len(nsn) - 3)
        num = phonenumbers.parse(nsn[:len(nsn) - free] + "".join(rng.choice("0123456789") for _ in range(free)),
                                 region)
        if phonenumbers.is_valid_number_for_region(num, region):
            return num
    return example


def _writer(locale: tuple[str, str, str, str], rng: random.Random) -> Callable[[random.Random], str]:
    """How one column writes a number: Faker's phone of the locale, mimesis's, or a valid number in the national or
    international format."""
    import phonenumbers
    from faker import Faker
    from mimesis import Person
    from mimesis.locales import Locale

    faker_locale, mimesis_locale, region, _ = locale
    source = rng.choice(["faker", "mimesis", "national", "international"])
    if source == "faker":
        f = Faker(faker_locale)
        f.seed_instance(rng.randint(0, 2**31))
        return lambda r: f.phone_number().split(" x")[0]  # Faker's own extensions are not the form read here
    if source == "mimesis":
        p = Person(Locale(mimesis_locale), seed=rng.randint(0, 2**31))
        return lambda r: p.telephone()
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if source == "national" else \
        phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return lambda r: phonenumbers.format_number(_valid_number(region, r), fmt)


def _phone_column(locale: tuple[str, str, str, str], form: str, rng: random.Random,
                  rows: int) -> list[Any]:
    import phonenumbers

    write = _writer(locale, rng)
    word = rng.choice([locale[3], "ext.", "x", "#"])
    joint = rng.choice(["; ", ", ", " / ", "/", " | "])
    region = locale[2]
    values: list[Any] = []
    for _ in range(rows):
        if form in ("extension", "extension_some"):
            v = write(rng)
            if form == "extension" or rng.random() < 0.5:
                v = f"{v} {word} {rng.randint(1, 9999)}" if word != "#" else f"{v} #{rng.randint(1, 99)}"
        elif form == "two":
            v = write(rng) + joint + write(rng)
        elif form == "fullwidth":
            v = write(rng).translate(_FULL)
        elif form == "arabic":
            v = write(rng).translate(_ARABIC)
        else:  # scientific: E.164 digits of a valid number, every digit kept
            num = _valid_number(region, rng)
            digits = f"{num.country_code}{phonenumbers.national_significant_number(num)}"
            v = f"{int(digits):.{len(digits) - 1}E}"
        values.append(v)
    return values


def _isbn13(rng: random.Random) -> str:
    body = "978" + "".join(rng.choice("0123456789") for _ in range(9))
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:8]}-{body[8:]}-{check}"


def _ean13(rng: random.Random) -> str:
    body = [rng.choice([4, 5, 8, 9])] + [rng.randint(0, 9) for _ in range(11)]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
    return "".join(map(str, body)) + str(check)


def _negatives(rng: random.Random) -> list[tuple[str, Callable[[random.Random], Any]]]:
    width = rng.randint(7, 10)
    year = rng.randint(2018, 2026)

    def ident(r: random.Random) -> str:
        return str(r.randint(10 ** (width - 1), 10 ** width - 1))

    def two_dates(r: random.Random) -> str:
        m, d = r.randint(1, 11), r.randint(1, 28)
        return f"{year}-{m:02d}-{d:02d} / {year}-{m + 1:02d}-{d:02d}"

    return [
        ("two_ids", lambda r: f"{ident(r)}{r.choice(['; ', ', ', ' / '])}{ident(r)}"),
        ("order_line", lambda r: f"SO-{ident(r)} #{r.randint(1, 40)}"),
        ("order_hash", lambda r: f"#{year}-{r.randint(1, 99999):05d}"),
        ("year_serial", lambda r: f"{year}/{r.randint(1, 999999):06d}"),
        ("date_range", two_dates),
        ("isbn", _isbn13),
        ("ean13", _ean13),
        ("epoch_ms", lambda r: str(r.randint(1_500_000_000_000, 1_790_000_000_000))),
        ("PASSPORT", lambda r: f"{r.randint(1, 99):02d} {r.randint(0, 99):02d} {r.randint(100000, 999999)}"),
        ("amount", lambda r: f"{r.randint(1000, 9_999_999):,} {r.choice(['EUR', 'USD', '₽', '円'])}"),
        ("postal_house", lambda r: f"{r.randint(10000, 99999)} / {r.randint(1, 200)}"),
        ("sku_ext", lambda r: f"{ident(r)} x {r.randint(1, 12)}"),
    ]


def _sparse(values: list[Any], rng: random.Random) -> list[Any]:
    empty = rng.uniform(0.7, 0.95)
    return [None if rng.random() < empty else v for v in values]


def phone_storage_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale: five phone columns (a storage form each, a quarter sparse) and five look-alikes, every
    name unique in its table."""
    rng = random.Random(seed + STORAGE_SEED_OFFSET)
    columns: list[Column] = []
    for t, locale in enumerate(LOCALES):
        table = f"ds{t:02d}_phone_storage"
        made: list[tuple[str | None, list[Any]]] = []
        for form in rng.sample(FORMS, PHONES_PER_TABLE):
            values = _phone_column(locale, form, rng, rows)
            made.append(("PHONE", _sparse(values, rng) if rng.random() < 1 / 4 else values))
        for kind, make in rng.sample(_negatives(rng), NEGATIVES_PER_TABLE):
            # A Russian passport is no phone, but it is a passport: labelled so (a phone reading must not take it).
            made.append(("PASSPORT" if kind == "PASSPORT" else None, [make(rng) for _ in range(rows)]))
        rng.shuffle(made)
        names: set[str] = set()
        for i, (label, values) in enumerate(made):
            pool = NAMES if label == "PHONE" else OPAQUE
            name = rng.choice(pool).format(i=i + 1)
            while name in names:
                name += "_2"
            names.add(name)
            columns.append(Column(table, name, label, "opaque", values))
    return columns
