"""Dev-split tables of the test split's weak types in shapes the dev split lacked, beside their hard negatives
(since the ``clsdev6`` round, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(``SEED_OFFSET``), so the tables before them stay as they were. Written before the classifier was changed in that
round, so its first score is an honest unseen number (RESULTS.md). One table per locale of :data:`LOCALES` (dev
locales only), each with one column of every sensitive kind of :data:`SENSITIVE` and nine look-alikes of
:data:`LOOKALIKES`, in an order shuffled per table:

- passports, bank accounts and medical record numbers under opaque names (``c7``, ``f14``, ``ref2``) or names in the
  locale's own language (``reisepassnummer``, ``numero_compte``, ``prontuario``), sparse (70-95% empty) or mixed
  with placeholders;
- phones stored as integers (E.164 digits without ``+``, valid numbers of the locale's plan) or written with an
  extension (``+49 30 1234567 ext. 12``, ``(030) 1234567 x12``);
- card numbers grouped with spaces or dashes, a fifth of them failing Luhn (typed by hand), under card names;
- login handles under ``created_by``, ``owner``, ``reviewer``, ``sender``;
- notes in the locale's prose with an e-mail address or a phone number inside a sentence, not after a label.

The look-alikes: order numbers, carrier tracking numbers, SKUs, IBAN-like codes whose check digits fail, invoice
numbers, ISBNs, version strings, ABA routing numbers and product names, half of them under opaque names.

>>> cols = weak_shape_tables(7, rows=30)
>>> len(cols), len({c.table for c in cols})
(160, 10)
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 79  # its own generator (47-71 are other modules'): the tables before it stay as they were
LOCALES = ("en", "en-gb", "de", "fr", "es", "it", "nl", "pt-br", "ru", "hu")
COUNTRY = {"en": "US", "en-gb": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt-br": "BR",
           "ru": "RU", "hu": "HU"}
OPAQUE = ("c{i}", "f{i}", "ref{i}", "fld_{c}", "val{i}", "x_{i}", "data{i}", "attr{i}")
PLACEHOLDERS = ("—", "?", "xxx", "0", "n/a", "N/A", "-", "", "unknown")
UP, DG = string.ascii_uppercase, string.digits

# Names in the locale's own language (no language of a test locale).
FOREIGN: dict[str, dict[str, tuple[str, ...]]] = {
    "PASSPORT": {"de": ("reisepassnummer", "pass_nr"), "fr": ("no_passeport",), "es": ("pasaporte",),
                 "it": ("passaporto",), "nl": ("paspoortnummer",), "pt-br": ("passaporte",),
                 "ru": ("номер_паспорта", "pasport_nomer"), "hu": ("utlevel_szam",)},
    "BANK_ACCOUNT": {"de": ("kontonummer",), "fr": ("numero_compte",), "es": ("numero_cuenta",),
                     "it": ("numero_conto",), "nl": ("rekeningnummer",), "pt-br": ("conta_corrente",),
                     "ru": ("номер_счета", "schet_klienta"), "hu": ("szamlaszam",)},
    "MEDICAL_RECORD_NUMBER": {"de": ("patientennummer", "fallakte"), "fr": ("numero_dossier_medical",),
                              "es": ("historia_clinica",), "it": ("cartella_clinica",), "nl": ("patientnummer",),
                              "pt-br": ("prontuario",), "ru": ("медкарта",), "hu": ("beteg_azonosito",)},
}
HONEST = {"PASSPORT": ("passport_no", "travel_document"), "BANK_ACCOUNT": ("account_no", "payout_account"),
          "MEDICAL_RECORD_NUMBER": ("mrn", "patient_record")}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DG) for _ in range(n))


def _name(rng: random.Random, i: int) -> str:
    return rng.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26])


def _sparse_or_mixed(values: list[Any], rng: random.Random) -> list[Any]:
    """70-95% empty (two in five), placeholders for 30-60% of the rows (two in five), or as drawn."""
    r = rng.random()
    if r < 0.4:
        empty = rng.uniform(0.7, 0.95)
        return [None if rng.random() < empty else v for v in values]
    if r < 0.8:
        keep = rng.uniform(0.4, 0.7)
        return [v if rng.random() < keep else rng.choice(PLACEHOLDERS) for v in values]
    return values


# ---------------------------------------------------------------- sensitive kinds

def _passport(rng: random.Random, loc: str) -> str:
    from benchmarks.classification.dev_split import _PASSPORTS

    return _PASSPORTS[COUNTRY[loc]](rng)


def _account(rng: random.Random, loc: str) -> str:
    from benchmarks.classification.dev_split import _ACCOUNTS

    return _ACCOUNTS[COUNTRY[loc]](rng)


def _mrn_maker(rng: random.Random) -> Callable[[random.Random, str], str]:
    """One hospital's format per column: bare digits, a letter or word before digits, year and serial."""
    width = rng.choice([7, 8, 9, 10])
    letter = rng.choice(["E", "M", "K", "P"])
    return rng.choice([
        lambda r, loc: str(r.randint(10 ** (width - 1), 10 ** width - 1)),
        lambda r, loc: f"{letter}{_digits(r, width - 1)}",
        lambda r, loc: f"MRN{_digits(r, width - 2)}",
        lambda r, loc: f"{r.randint(2008, 2025)}-{_digits(r, 6)}",
        lambda r, loc: f"{_digits(r, 3)}.{_digits(r, 3)}.{_digits(r, 3)}",
    ])


def _valid_phone(rng: random.Random, loc: str) -> Any:
    import phonenumbers
    from phonenumbers import PhoneNumberType

    region = COUNTRY[loc]
    kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    nsn = str(example.national_number)
    for _ in range(100):
        tail = _digits(rng, min(6, len(nsn) - 2))
        num = phonenumbers.parse(nsn[:len(nsn) - len(tail)] + tail, region)
        if phonenumbers.is_valid_number(num):
            return num
    return example


def _phone_int(rng: random.Random, loc: str) -> int:
    num = _valid_phone(rng, loc)
    return int(f"{num.country_code}{num.national_number}")


def _phone_ext(rng: random.Random, loc: str) -> str:
    import phonenumbers

    num = _valid_phone(rng, loc)
    fmt = rng.choice([phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL])
    text = phonenumbers.format_number(num, fmt)
    if rng.random() < 0.6:
        text += rng.choice([" ext. ", " x", " ext ", " #", "-"]) + str(rng.randint(1, 9999))
    return text


def _card_body(rng: random.Random) -> str:
    from stdnum import luhn

    prefix = rng.choice(["4", "51", "52", "53", "54", "55", "2221", "6011", "65"])
    body = prefix + _digits(rng, 15 - len(prefix))
    return body + str(luhn.calc_check_digit(body))


def _card(rng: random.Random, loc: str) -> str:
    digits = _card_body(rng)
    if rng.random() < 0.2:  # typed by hand: the last digit off by one
        digits = digits[:-1] + str((int(digits[-1]) + rng.randint(1, 9)) % 10)
    sep = rng.choice([" ", "-"])
    return sep.join(digits[i:i + 4] for i in range(0, 16, 4))


_LATIN = str.maketrans("áàâãäéèêëíìîïóòôõöúùûüçñőű", "aaaaaeeeeiiiiooooouuuucnou")


def _handle(rng: random.Random, loc: str, g: Any) -> str:
    r = rng.random()
    if r < 0.5:
        return str(g.person.username(mask=rng.choice(["l_d", "l.l", "ld", "l_l", "Cd"])))
    first = str(g.person.first_name()).lower().translate(_LATIN)
    last = str(g.person.last_name()).lower().translate(_LATIN)
    if not (first.isascii() and last.isascii()):
        return str(g.person.username())
    return rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{last}{rng.randint(1, 99)}", f"{first}_{last[0]}"])


def _prose(rng: random.Random, loc: str, g: Any) -> str:
    """A sentence of the locale's prose; in some, an e-mail or a phone inside it, not after a label."""
    words = str(g.text.sentence()).rstrip(".").split()
    if rng.random() < 0.45:
        pii = str(g.person.email()) if rng.random() < 0.6 else str(g.person.telephone())
        at = rng.randint(1, max(1, len(words) - 1))
        words.insert(at, rng.choice([pii, f"({pii})", f"{pii},"]))
    return " ".join(words) + "."


# ---------------------------------------------------------------- look-alikes

def _order(rng: random.Random) -> str:
    return rng.choice([f"ORD-{rng.randint(2019, 2026)}-{_digits(rng, 6)}", f"SO{_digits(rng, 8)}",
                       f"{_digits(rng, 3)}-{_digits(rng, 7)}"])


def _tracking(rng: random.Random) -> str:
    return rng.choice([f"1Z{''.join(rng.choice(UP + DG) for _ in range(16))}",
                       f"{''.join(rng.choice(UP) for _ in range(2))}{_digits(rng, 9)}{rng.choice(['DE', 'GB', 'FR', 'US'])}",
                       _digits(rng, 12)])


def _sku(rng: random.Random) -> str:
    return f"{''.join(rng.choice(UP) for _ in range(rng.choice([2, 3])))}-{_digits(rng, 4)}-{rng.choice(UP)}"


def _iban_invalid(rng: random.Random) -> str:
    from stdnum import iban

    while True:
        code = rng.choice(["DE", "FR", "NL", "ES", "IT"]) + _digits(rng, 2) + _digits(rng, 18)
        if not iban.is_valid(code):
            return code


def _invoice(rng: random.Random) -> str:
    return rng.choice([f"INV/{rng.randint(2019, 2026)}/{_digits(rng, 5)}", f"RE-{_digits(rng, 7)}",
                       f"F{rng.randint(2019, 2026)}{_digits(rng, 6)}"])


def _isbn(rng: random.Random) -> str:
    from stdnum import isbn

    body = "978" + _digits(rng, 9)
    from stdnum import ean

    code = body + ean.calc_check_digit(body)
    return isbn.format(code) if rng.random() < 0.5 else code


def _version(rng: random.Random) -> str:
    return ".".join(str(rng.randint(0, 20)) for _ in range(rng.choice([2, 3, 3, 4])))


def _routing(rng: random.Random) -> str:
    while True:
        body = _digits(rng, 8)
        check = (10 - sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True)) % 10) % 10
        if body[0] in "0123":
            return body + str(check)


_PRODUCTS = ("Aurora", "Nimbus", "Vertex", "Solstice", "Cascade", "Horizon", "Ember", "Polaris", "Zephyr", "Atlas")
_PRODUCT_KINDS = ("Pro", "Max", "Lite", "Mini", "Air", "Plus", "X", "Ultra")


def _product(rng: random.Random) -> str:
    return f"{rng.choice(_PRODUCTS)} {rng.choice(_PRODUCT_KINDS)} {rng.randint(2, 12)}"


LOOKALIKES: tuple[tuple[tuple[str, ...], Callable[[random.Random], Any]], ...] = (
    (("order_no", "order_ref"), _order),
    (("tracking_no", "shipment"), _tracking),
    (("sku", "article_code"), _sku),
    (("promo_code", "ref_code"), _iban_invalid),
    (("invoice_no", "invoice"), _invoice),
    (("isbn", "book_code"), _isbn),
    (("version", "app_version"), _version),
    (("routing_no", "aba"), _routing),
    (("product", "product_name"), _product),
    (("order_id_ext", "parcel"), lambda r: int(_digits(r, 1).replace("0", "1") + _digits(r, 10))),
)
SENSITIVE = ("PASSPORT", "BANK_ACCOUNT", "MEDICAL_RECORD_NUMBER", "PHONE", "CREDIT_CARD", "USERNAME",
             "FREE_TEXT_WITH_PII")
CARD_NAMES = ("card_number", "cc_number", "kartennummer", "numero_carte", "numero_tarjeta", "card_no", "pan")
HANDLE_NAMES = ("created_by", "owner", "reviewer", "sender", "updated_by", "approver")
NOTE_NAMES = ("notes", "comment", "message", "remarks")


def _sensitive_column(label: str, i: int, g: Any, rng: random.Random, loc: str,
                      rows: int) -> tuple[str, str, list[Any]]:
    """(name, style, values) of one sensitive column."""
    if label in FOREIGN:
        r = rng.random()
        if r < 0.55:
            name, style = _name(rng, i), "opaque"
        elif r < 0.85 and loc in FOREIGN[label]:
            name, style = rng.choice(FOREIGN[label][loc]), "foreign"
        else:
            name, style = rng.choice(HONEST[label]), "honest"
        make: Callable[[random.Random, str], Any] = {"PASSPORT": _passport, "BANK_ACCOUNT": _account,
                                                      "MEDICAL_RECORD_NUMBER": _mrn_maker(rng)}[label]
        return name, style, _sparse_or_mixed([make(rng, loc) for _ in range(rows)], rng)
    if label == "PHONE":
        stored_int = rng.random() < 0.5
        name = _name(rng, i) if rng.random() < 0.5 else rng.choice(("phone", "contact_no", "tel"))
        style = "opaque" if name not in ("phone", "contact_no", "tel") else "honest"
        values: list[Any] = [(_phone_int if stored_int else _phone_ext)(rng, loc) for _ in range(rows)]
        if stored_int and rng.random() < 0.5:
            return name, style, [None if rng.random() < rng.uniform(0.7, 0.95) else v for v in values]
        return name, style, values
    if label == "CREDIT_CARD":
        return rng.choice(CARD_NAMES), "honest", _sparse_or_mixed([_card(rng, loc) for _ in range(rows)], rng)
    if label == "USERNAME":
        values = [_handle(rng, loc, g) for _ in range(rows)]
        return rng.choice(HANDLE_NAMES), "honest", _sparse_or_mixed(values, rng) if rng.random() < 0.5 else values
    name, style = (rng.choice(NOTE_NAMES), "honest") if rng.random() < 0.6 else (_name(rng, i), "opaque")
    return name, style, [_prose(rng, loc, g) for _ in range(rows)]


def weak_shape_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: every sensitive kind and nine look-alikes, shuffled.

    >>> sorted({c.label or "" for c in weak_shape_tables(1, rows=5)})[:3]
    ['', 'BANK_ACCOUNT', 'CREDIT_CARD']
    """
    from mimesis import Generic
    from mimesis.locales import Locale

    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
        table = f"dw{li:02d}_{locale.replace('-', '_')}"
        entries: list[Any] = list(SENSITIVE) + rng.sample(LOOKALIKES, 9)
        rng.shuffle(entries)
        used: set[str] = set()
        for i, entry in enumerate(entries):
            if isinstance(entry, str):
                name, style, values = _sensitive_column(entry, i, g, rng, locale, rows)
                label: str | None = entry
            else:
                names, make = entry
                name, style = (_name(rng, i), "opaque") if rng.random() < 0.5 else (rng.choice(names), "honest")
                label, values = None, [make(rng) for _ in range(rows)]
                if rng.random() < 0.3:
                    values = _sparse_or_mixed(values, rng)
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, values))
    return columns
