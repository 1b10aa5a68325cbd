"""Dev-split tables of payment card numbers in the ways real tables store them, beside numbers of the same shapes
that are no cards (since the ``clscard`` round, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(``SEED_OFFSET``), so the tables before them stay as they were. One table per locale of :data:`LOCALES` (dev
locales only), each holding every card column of :data:`CARDS` and every look-alike of :data:`LOOKALIKES`, in an
order shuffled per table.

The cards are drawn from the issuers' published IIN ranges and lengths (Visa 4 with 13, 16 or 19 digits;
Mastercard 51-55 and 2221-2720, 16; Amex 34 and 37, 15; Discover 6011, 644-649 and 65; JCB 3528-3589; UnionPay
62, 16 to 19; Maestro 5018, 5020, 5038, 5893, 6304, 6759 and 6761-6763, 12 to 19; Diners 300-305, 36 and 38, 14;
Mir 2200-2204, 16), besides Faker's and mimesis' own card generators, and carry a valid Luhn digit unless said
otherwise. They are stored:

- as text, in groups of four with spaces, no-break spaces (copied from a web page), dashes or dots, bare, Amex as
  4-6-5, 19-digit cards as 4-4-4-4-3;
- as int64, and as float64 (a NULL among integers makes pandas store floats): 16-digit cards stay exact below
  2**53, but 19-digit ones lose their last digits (their Luhn digit no longer holds) and print in scientific
  notation;
- sparse (70-95% empty), mixed with placeholders (``—``, ``?``, ``xxx``, ``0``, ``n/a`` and masked
  ``**** **** **** 1234``), with the expiry (``12/27``, ``|1227``, ``;12/27;123`` with the security code) or the
  holder's name after the number;
- with a check digit that fails (test data, typed by hand) under a card name.

Names are honest (``card_number``), abbreviated or foreign (``cc_no``, ``pan``, ``kartennr``, ``num_carte``,
``numero_tarjeta``, ``carta``), or opaque (``c4``, ``f12``). The look-alikes are stored the same ways: IMEIs
(Luhn-valid, 15 digits), EAN-13 and GTIN-14 barcodes, random 16-digit ids, Luhn-valid account numbers outside the
issuers' ranges, ISBN-13s, parcel numbers, timestamps in microseconds (16 digits) and integers cut from UUIDs; and
cards of other kinds under card names: SIM cards' ICCIDs (Luhn-valid, opening 89), loyalty and library cards.

>>> cols = card_storage_tables(7, rows=30)
>>> len(cols), sorted({c.label or "" for c in cols})
(330, ['', 'CREDIT_CARD'])
"""

from __future__ import annotations

import random
import string
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 71  # its own generator (53, 61 and 67 are other modules'): the tables before it stay as they were
LOCALES = ("en", "en-gb", "de", "fr", "es", "it", "pt-br", "nl", "ru", "el")
_FAKER = {"en": "en_US", "en-gb": "en_GB", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT",
          "pt-br": "pt_BR", "nl": "nl_NL", "ru": "ru_RU", "el": "el_GR"}
OPAQUE = ("c{i}", "f{i}", "col{i}", "x{i}", "fld_{c}", "v{i:02d}", "field{i}", "attr_{i}")
PLACEHOLDERS = ("—", "?", "xxx", "0", "n/a", "N/A", "-")
DG = string.digits


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DG) for _ in range(n))


def _luhn_digit(body: str) -> str:
    from stdnum import luhn

    return str(luhn.calc_check_digit(body))


def _with_luhn(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + _digits(rng, length - len(prefix) - 1)
    return body + _luhn_digit(body)


# issuer -> (IIN prefixes, lengths): the published ranges, drawn uniformly within each.
ISSUERS: dict[str, tuple[Callable[[random.Random], str], tuple[int, ...]]] = {
    "visa": (lambda r: "4", (16, 16, 16, 16, 13, 19)),
    "mastercard": (lambda r: str(r.randint(51, 55)) if r.random() < 0.7 else str(r.randint(2221, 2720)), (16,)),
    "amex": (lambda r: r.choice(("34", "37")), (15,)),
    "discover": (lambda r: r.choice(("6011", str(r.randint(644, 649)), "65")), (16, 16, 16, 19)),
    "jcb": (lambda r: str(r.randint(3528, 3589)), (16, 16, 16, 17, 18, 19)),
    "unionpay": (lambda r: "62" + str(r.randint(0, 9)), (16, 17, 18, 19)),
    "maestro": (lambda r: r.choice(("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763")),
                (12, 13, 16, 16, 18, 19)),
    "diners": (lambda r: r.choice((str(r.randint(300, 305)), "36", "38")), (14,)),
    "mir": (lambda r: str(r.randint(2200, 2204)), (16, 16, 16, 19)),
}
# Wallets: the issuers a table's card column holds, with weights (a European shop, an Asian one, a Russian bank).
WALLETS: tuple[dict[str, float], ...] = (
    {"visa": 45, "mastercard": 35, "amex": 10, "discover": 5, "diners": 5},
    {"visa": 40, "mastercard": 30, "maestro": 20, "amex": 10},
    {"unionpay": 40, "jcb": 25, "visa": 20, "mastercard": 15},
    {"mir": 50, "visa": 25, "mastercard": 25},
    {"visa": 30, "mastercard": 30, "amex": 10, "jcb": 10, "unionpay": 10, "maestro": 10},
)


def _card(wallet: dict[str, float], rng: random.Random) -> str:
    name = rng.choices(list(wallet), weights=list(wallet.values()))[0]
    prefix, lengths = ISSUERS[name]
    return _with_luhn(prefix(rng), rng.choice(lengths), rng)


def _library_cards(rng: random.Random, locale: str) -> Callable[[], str]:
    """Card numbers from Faker (the locale's card types) or mimesis (Visa, Mastercard, Amex), digits only."""
    from faker import Faker
    from mimesis import Payment
    from mimesis.enums import CardType

    f = Faker(_FAKER[locale])
    f.seed_instance(rng.getrandbits(32))
    p = Payment(seed=rng.getrandbits(32))

    def draw() -> str:
        if rng.random() < 0.5:
            return str(f.credit_card_number())  # the locale's card types (ru_RU: Mir among them)
        return str(p.credit_card_number(rng.choice(list(CardType)))).replace(" ", "")
    return draw


def _grouped(d: str, sep: str) -> str:
    """As the card is printed: 4-6-5 (Amex), 4-6-4 (Diners), 4-3-3-3 (13-digit Visa), else groups of four (19
    digits: 4-4-4-4-3)."""
    if len(d) in (14, 15):
        parts = [d[:4], d[4:10], d[10:]]
    elif len(d) == 13:
        parts = [d[:4], d[4:7], d[7:10], d[10:]]
    else:
        parts = [d[i:i + 4] for i in range(0, len(d), 4)]
    return sep.join(parts)


def _broken(d: str) -> str:
    """The card with its check digit changed: it fails Luhn (test data, a typo)."""
    return d[:-1] + str((int(d[-1]) + 1 + int(d[-2]) % 8) % 10)


# ---------------------------------------------------------------- how a column stores its cards

Store = Callable[[dict[str, float], random.Random, str, int], list[Any]]


def _draw(wallet: dict[str, float], rng: random.Random, locale: str, rows: int, library: float = 0.3) -> list[str]:
    library_card = _library_cards(rng, locale)
    return [library_card() if rng.random() < library else _card(wallet, rng) for _ in range(rows)]


def _text(sep: str) -> Store:
    def store(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
        return [_grouped(d, sep) for d in _draw(wallet, rng, locale, rows)]
    return store


def _bare(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    return _draw(wallet, rng, locale, rows)


def _amex_grouped(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    """A corporate card table: mostly Amex, printed 4-6-5."""
    return [_grouped(_card({"amex": 8, "visa": 1, "mastercard": 1}, rng), " ") for _ in range(rows)]


def _nineteen(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    """19-digit cards (UnionPay, Visa, Maestro, Mir, JCB), bare or 4-4-4-4-3."""
    out = []
    for _ in range(rows):
        issuer = rng.choice(["unionpay", "visa", "maestro", "mir", "jcb"])
        d = _with_luhn(ISSUERS[issuer][0](rng), 19, rng)
        out.append(d if rng.random() < 0.5 else _grouped(d, " "))
    return out


def _int64(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    return [int(d) for d in _draw(wallet, rng, locale, rows)]


def _float64(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    """Cards among a few NULLs, which pandas stores as float64."""
    return [None if rng.random() < 0.05 else float(d) for d in _draw(wallet, rng, locale, rows)]


def _float64_long(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    """Half 17-19 digit cards, stored as float64: those lose their last digits and print in scientific notation."""
    long = [d.replace(" ", "") for d in _nineteen(wallet, rng, locale, rows // 2)]
    return [float(d) for d in long + _draw(wallet, rng, locale, rows - rows // 2)]


def _sparse(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    empty = rng.uniform(0.7, 0.95)
    sep = rng.choice([" ", "-", ""])
    return [None if rng.random() < empty else _grouped(d, sep) if sep else d
            for d in _draw(wallet, rng, locale, rows)]


def _placeholders(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    keep = rng.uniform(0.4, 0.7)
    out: list[Any] = []
    for d in _draw(wallet, rng, locale, rows):
        r = rng.random()
        if r < keep:
            out.append(_grouped(d, " ") if rng.random() < 0.5 else d)
        elif r < keep + (1 - keep) * 0.3:
            out.append(f"**** **** **** {d[-4:]}")  # masked upstream: the last four kept
        else:
            out.append(rng.choice(PLACEHOLDERS))
    return out


def _with_expiry(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    """The expiry after the number: ``4111 1111 1111 1111 12/27``, or as a payment export writes it
    (``4111111111111111|1227``, ``4111111111111111;12/27;123`` with the security code)."""
    form = rng.choice(["spaced", "spaced", "piped", "semicolons"])
    out = []
    for d in _draw(wallet, rng, locale, rows):
        month, year = f"{rng.randint(1, 12):02d}", f"{rng.randint(25, 31)}"
        if form == "piped":
            out.append(f"{d}|{month}{year}")
        elif form == "semicolons":
            out.append(f"{d};{month}/{year};{_digits(rng, 4 if d[:2] in ('34', '37') else 3)}")
        else:
            out.append(f"{_grouped(d, ' ') if rng.random() < 0.7 else d} {month}/{year}")
    return out


def _with_holder(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    from mimesis import Person
    from mimesis.locales import Locale

    p = Person(locale=Locale("en" if locale in ("ru", "el") else locale), seed=rng.getrandbits(32))  # Latin, as embossed
    return [f"{_grouped(d, ' ')} {p.full_name().upper()}" for d in _draw(wallet, rng, locale, rows)]


def _failing_luhn(wallet: dict[str, float], rng: random.Random, locale: str, rows: int) -> list[Any]:
    sep = rng.choice([" ", ""])
    return [_grouped(_broken(d), sep) if sep else _broken(d) for d in _draw(wallet, rng, locale, rows)]


@dataclass(frozen=True)
class CardColumn:
    store: Store
    opaque_share: float = 0.4  # of tables where the column's name is opaque
    named_only: bool = False  # checksum fails: a card by name and shape, so never opaque here


CARDS: tuple[CardColumn, ...] = (
    CardColumn(_text(" ")), CardColumn(_text("-")), CardColumn(_text(".")), CardColumn(_text("\u00a0")),
    CardColumn(_bare),
    CardColumn(_amex_grouped), CardColumn(_nineteen), CardColumn(_int64), CardColumn(_float64),
    CardColumn(_float64_long), CardColumn(_sparse), CardColumn(_placeholders), CardColumn(_with_expiry),
    CardColumn(_with_holder), CardColumn(_failing_luhn, named_only=True),
)
HONEST = ("card_number", "credit_card", "payment_card", "card_no", "cardnumber", "cc_number")
ABBREVIATED = ("cc_no", "pan", "ccn", "card_nbr", "cc_num")
FOREIGN = {"de": ("kartennr", "kartennummer"), "fr": ("num_carte", "numero_carte"), "es": ("numero_tarjeta",),
           "it": ("carta", "numero_carta"), "pt": ("numero_cartao",), "nl": ("kaartnummer",), "ru": ("nomer_karty",),
           "el": ("arithmos_kartas",)}


# ---------------------------------------------------------------- look-alikes, stored the same ways


def _imei(rng: random.Random) -> str:
    return _with_luhn(rng.choice(["35", "86", "01", "99"]) + _digits(rng, 6), 15, rng)  # TAC, serial, Luhn


def _ean13(rng: random.Random) -> str:
    from stdnum import ean

    body = rng.choice(["40", "50", "30", "76", "80", "84", "87"]) + _digits(rng, 10)
    return body + ean.calc_check_digit(body)


def _gtin14(rng: random.Random) -> str:
    from stdnum import ean

    body = str(rng.randint(1, 8)) + _ean13(rng)[:-1]
    return body + ean.calc_check_digit(body)


def _isbn13(rng: random.Random) -> str:
    from stdnum import ean

    body = rng.choice(["978", "979"]) + _digits(rng, 9)
    return body + ean.calc_check_digit(body)


def _outside_ranges(rng: random.Random) -> str:
    """A Luhn-valid 16-digit account number of a bank's own scheme, opening outside every card range."""
    return _with_luhn(rng.choice(["1", "7", "8", "9", "0"]) + _digits(rng, 3), 16, rng)


def _parcel(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return _digits(rng, 12)  # FedEx Express
    return "9400 " + " ".join(_digits(rng, 4) for _ in range(4)) + " " + _digits(rng, 2)  # USPS


def _micros(rng: random.Random) -> int:
    return rng.randint(1_500_000_000_000_000, 1_800_000_000_000_000)


def _uuid_int(rng: random.Random) -> int:
    return uuid.UUID(int=rng.getrandbits(128), version=4).int >> 65  # the top 63 bits: fits an int64


def _iccid(rng: random.Random) -> str:
    """A SIM card's ICCID: 89, a country code, the issuer, an account and a Luhn digit (18 to 20 digits)."""
    return _with_luhn("89" + rng.choice(["44", "49", "33", "34", "39", "31", "7"]), rng.choice([19, 19, 20, 18]), rng)


def _shop_card(prefix: str) -> Callable[[random.Random], str]:
    """A loyalty or library card: the shop's or library's own prefix, then drawn digits (some with a Luhn digit)."""
    return lambda rng: (_with_luhn(prefix, 16, rng) if rng.random() < 0.5 else prefix + _digits(rng, 16 - len(prefix)))


Look = Callable[[random.Random, int], list[Any]]


def _each(make: Callable[[random.Random], Any], form: Callable[[Any], Any] = lambda v: v) -> Look:
    return lambda rng, rows: [form(make(rng)) for _ in range(rows)]


def _random16(rng: random.Random, rows: int) -> list[Any]:
    form = rng.choice(["text", "int", "float"])
    out: list[Any] = [rng.randint(10**15, 10**16 - 1) for _ in range(rows)]
    return [str(v) if form == "text" else float(v) if form == "float" else v for v in out]


def _sparse_of(look: Look) -> Look:
    def make(rng: random.Random, rows: int) -> list[Any]:
        empty = rng.uniform(0.7, 0.95)
        return [None if rng.random() < empty else v for v in look(rng, rows)]
    return make


LOOKALIKES: tuple[tuple[Look, tuple[str, ...]], ...] = (
    (_each(_imei), ("imei", "device_imei")),
    (_each(_imei, int), ("imei_nr", "handset")),
    (_each(_imei, lambda v: f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}"), ("imei", "device_id")),
    (_each(_ean13, int), ("ean", "barcode")),
    (_each(_gtin14), ("gtin", "gtin14")),
    (_random16, ("ref_id", "record_key")),
    (_each(_outside_ranges), ("account_ref", "member_no")),
    (_each(_outside_ranges, int), ("loyalty_no", "contract_no")),
    (_each(_isbn13), ("isbn", "isbn13")),
    (_each(_parcel), ("tracking_no", "parcel")),
    (_each(_micros), ("ts_us", "event_time_us")),
    (_each(_micros, float), ("created_us", "updated_us")),
    (_each(_uuid_int), ("object_id", "uid64")),
    (_sparse_of(_each(_imei)), ("imei", "old_imei")),
    # Other cards a name can mean, under names that say "card" (opaque in half the tables).
    (_each(_iccid), ("sim_card", "sim_card_no")),
    (_each(_shop_card("9826")), ("loyalty_card", "member_card")),
    (_each(_shop_card("21457")), ("library_card", "library_card_no")),
    (_sparse_of(_random16), ("ext_id", "legacy_id")),
)


def _name(names: tuple[str, ...], opaque: bool, i: int, rng: random.Random) -> tuple[str, str]:
    if opaque:
        return rng.choice(OPAQUE).format(i=i + 1, c=string.ascii_lowercase[i % 26]), "opaque"
    return rng.choice(names), "honest"


def card_storage_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: every card column and every look-alike, shuffled.

    >>> len({c.table for c in card_storage_tables(1, rows=5)})
    10
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        table = f"dc{li:02d}_{locale.replace('-', '_')}"
        wallet = rng.choice(WALLETS)
        entries: list[Any] = list(CARDS) + list(LOOKALIKES)
        rng.shuffle(entries)
        used: set[str] = set()
        for i, entry in enumerate(entries):
            if isinstance(entry, CardColumn):
                r = rng.random()
                if r < entry.opaque_share and not entry.named_only:
                    name, style = _name((), True, i, rng)
                elif r < 0.7:
                    name, style = rng.choice(HONEST), "honest"
                else:
                    pool = FOREIGN.get(locale.split("-")[0], ()) if rng.random() < 0.5 else ()
                    name, style = (rng.choice(pool), "foreign") if pool else (rng.choice(ABBREVIATED), "abbreviated")
                label, values = "CREDIT_CARD", entry.store(wallet, rng, locale, rows)
            else:
                look, names = entry
                name, style = _name(names, rng.random() < 0.5, i, rng)
                label, values = None, look(rng, rows)
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, values))
    return columns
