"""Dev-split tables of bank accounts in the shapes exports leave them, beside look-alikes (since the ``extcsv41``
round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own, so the tables before them stay as they were. The BBANs are Faker's (``nl_NL``, ``en_IE``, ``it_IT``, ``el_GR``,
``ro_RO``, locales the test split does not use) closed by the ISO 13616 mod-97 check digits python-stdnum computes;
names, amounts and dates are mimesis' in the dev split's locales. The shapes:

- IBANs kept without their country code (a Dutch, Irish or Italian payee export keeps ``91 ABNA 0417 1643 00``
  under ``rekening``, ``c3`` or ``conto``): compact, spaced every four, in lower case; sparse in some tables;
- IBANs with their country grouped by dashes (``GR16-0110-1250-0000-0001-2300-695``), labelled IBAN;
- New Zealand accounts (bank, branch, account, suffix) spaced, without separators, and stored as integers, which
  drops the zero the banks' codes 01 to 06 open with; drawn from the banks' codes and kept where python-stdnum's
  ``nz.bankaccount`` (the payments registry's branches and the banks' check digits) passes them.

The look-alikes, which must stay untyped: customer, order and invoice numbers; codes of the country-less IBAN's
form whose check digits fail (two digits, four letters, ten digits); New Zealand bank-branch codes alone
(``12-3456``, public); Irish sort codes alone; EAN-13s and ISBN-13s; random ids of 14 to 16 digits stored as
integers (the lengths of a New Zealand account); card numbers (Luhn, labelled CREDIT_CARD).

>>> cols = account_shape_tables(1, rows=5)
>>> len({c.table for c in cols})
8
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import Kind, _digits, _table

SEED_OFFSET = 97  # its own generator: the tables before it stay as they were
Make = Callable[[Any, random.Random, str], Any]


@cache
def _faker(locale: str) -> Any:
    from faker import Faker

    return Faker(locale)


def _iban(country: str, locale: str, rng: random.Random) -> str:
    """A valid IBAN of ``country``: Faker's BBAN of ``locale`` and the mod-97 check digits python-stdnum computes
    (drawn again where the country's own check, as stdnum knows it, refuses the BBAN)."""
    from stdnum import iban

    fake = _faker(locale)
    while True:
        fake.seed_instance(rng.randrange(2**31))  # drawn from the tables' own generator: the same split every build
        bban = fake.bban()
        number = country + iban.calc_check_digits(country + "00" + bban) + bban
        if iban.is_valid(number):
            return number


def _four(text: str) -> str:
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _countryless(country: str, locale: str, form: str) -> Make:
    """IBANs of ``country`` without their country code, written in one ``form`` per column."""
    def make(g: Any, rng: random.Random, loc: str) -> str:
        number = _iban(country, locale, rng)[2:]
        return {"compact": number, "spaced": _four(number), "lower": _four(number).lower()}[form]
    return make


def _dashed_iban(country: str, locale: str) -> Make:
    def make(g: Any, rng: random.Random, loc: str) -> str:
        return _four(_iban(country, locale, rng)).replace(" ", "-")
    return make


def _failing_code(g: Any, rng: random.Random, loc: str) -> str:
    """A code of the Dutch country-less IBAN's form whose check digits fail (about one in 97 would pass)."""
    from stdnum import iban

    while True:
        code = _digits(rng, 2) + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(4)) + _digits(rng, 10)
        if not iban.is_valid("NL" + code):
            return code


# New Zealand's banks' codes (ANZ 01 and 06, BNZ 02, Westpac 03, ASB 12, Kiwibank 38, TSB 15, Co-op 02).
_NZ_BANKS = (1, 2, 3, 6, 1, 2, 3, 12, 15, 38)


def _nz_digits(rng: random.Random) -> str:
    from stdnum.nz import bankaccount

    while True:
        number = f"{rng.choice(_NZ_BANKS):02d}{_digits(rng, 4)}{_digits(rng, 7)}{_digits(rng, 3)}"
        if bankaccount.is_valid(number):
            return number


def _nz_spaced(g: Any, rng: random.Random, loc: str) -> str:
    d = _nz_digits(rng)
    return f"{d[:2]} {d[2:6]} {d[6:13]} {d[13:] if rng.random() < 0.5 else d[14:]}"


def _nz_plain(g: Any, rng: random.Random, loc: str) -> str:
    return _nz_digits(rng)


def _nz_int(g: Any, rng: random.Random, loc: str) -> int:
    return int(_nz_digits(rng))  # banks 01-06 lose their leading zero: 15 digits


def _nz_branch(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(_NZ_BANKS):02d}-{_digits(rng, 4)}"


def _ie_sort_code(g: Any, rng: random.Random, loc: str) -> str:
    return f"9{rng.randint(0, 9)}-{_digits(rng, 2)}-{_digits(rng, 2)}"


def _card(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import luhn

    prefix = rng.choice(["4", "51", "55", "2221"])
    body = prefix + _digits(rng, 15 - len(prefix))
    return body + luhn.calc_check_digit(body)


def _id_int(digits: int) -> Make:
    def make(g: Any, rng: random.Random, loc: str) -> int:
        return rng.randint(10 ** (digits - 1), 10 ** digits - 1)
    return make


def _customer(g: Any, rng: random.Random, loc: str) -> str:
    return str(rng.randint(10**6, 10**8 - 1))


def _order(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(2021, 2026)}{_digits(rng, 12)}"


def _invoice(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.choice(['F', 'INV-', 'FA'])}{rng.randint(2022, 2026)}-{_digits(rng, 6)}"


def _ean(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean

    body = rng.choice(["871", "800", "539", "520", "594", "940"]) + _digits(rng, 9)
    return body + ean.calc_check_digit(body)


def _isbn(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean

    body = ("978" + rng.choice(["90", "88", "960", "973", "0"]) + _digits(rng, 9))[:12]
    return body + ean.calc_check_digit(body)  # an ISBN-13 is an EAN-13 of the 978 prefix


def _holder(g: Any, rng: random.Random, loc: str) -> str:
    return str(g.person.full_name())


def _amount(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.uniform(1, 20000):.2f}"


def _date(g: Any, rng: random.Random, loc: str) -> str:
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


_ACCOUNT = ("account", "payee_account")
_HOLDER = Kind("PERSON_NAME", _holder, ("account_holder", "payee_name"), ("acctHolder",),
               {"nl": ("rekeninghouder",), "it": ("intestatario",), "el": ("dikaiouxos",), "en": ("payee",)})
_AMOUNT = Kind(None, _amount, ("amount",), ("amt",), {"nl": ("bedrag",), "it": ("importo",), "el": ("poso",),
                                                     "en": ("amount_nzd",)})
_DATE = Kind(None, _date, ("paid_on",), ("pd_dt",), {"nl": ("datum",), "it": ("data",), "el": ("imerominia",),
                                                    "en": ("paid_date",)})
_CUSTOMER = Kind(None, _customer, ("customer_number",), ("cust_no",),
                 {"nl": ("klantnummer",), "it": ("codice_cliente",), "el": ("kodikos_pelati",), "en": ("client_no",)})
_ORDER = Kind(None, _order, ("order_number",), ("ord_no",),
              {"nl": ("ordernummer",), "it": ("numero_ordine",), "el": ("arithmos_paraggelias",), "en": ("order_ref",)})
_INVOICE = Kind(None, _invoice, ("invoice_number",), ("inv_no",),
                {"nl": ("factuurnummer",), "it": ("numero_fattura",), "el": ("timologio",), "en": ("invoice_ref",)})

# table -> (dev locale of its mimesis generator, kinds).
TABLES: dict[str, tuple[str, tuple[Kind, ...]]] = {
    "nl_compact": ("nl", (
        Kind("BANK_ACCOUNT", _countryless("NL", "nl_NL", "compact"), _ACCOUNT, ("acct",), {"nl": ("rekening",)}),
        _HOLDER, _AMOUNT, _CUSTOMER, _INVOICE,
        Kind(None, _failing_code, ("reference",), ("ref",), {"nl": ("kenmerk",)}),
    )),
    "nl_spaced": ("nl", (
        Kind("BANK_ACCOUNT", _countryless("NL", "nl_NL", "spaced"), _ACCOUNT, ("acct",), {"nl": ("rekeningnummer",)}),
        Kind("BANK_ACCOUNT", _countryless("NL", "nl_NL", "lower"), ("refund_account",), ("rfnd_acct",),
             {"nl": ("tegenrekening",)}),
        _DATE, _ORDER, Kind(None, _ean, ("ean",), ("ean13",), {"nl": ("streepjescode",)}),
    )),
    "ie": ("en", (
        Kind("BANK_ACCOUNT", _countryless("IE", "en_IE", "spaced"), _ACCOUNT, ("acct",), {"en": ("bank_details",)}),
        Kind(None, _ie_sort_code, ("sort_code",), ("nsc",), {"en": ("branch_nsc",)}),
        _HOLDER, _AMOUNT, _INVOICE, _CUSTOMER,
    )),
    "it": ("it", (
        Kind("BANK_ACCOUNT", _countryless("IT", "it_IT", "compact"), _ACCOUNT, ("cc",), {"it": ("conto", "conto_corrente")}),
        Kind("BANK_ACCOUNT", _countryless("IT", "it_IT", "lower"), ("payout_account",), ("cto_acc",), {"it": ("accredito",)}),
        _HOLDER, _DATE, _ORDER, Kind(None, _isbn, ("isbn",), ("isbn13",), {"it": ("codice_isbn",)}),
    )),
    "gr_ro": ("el", (
        Kind("IBAN", _dashed_iban("GR", "el_GR"), ("iban",), ("iban_no",), {"el": ("iban_logariasmou",)}),
        Kind("IBAN", _dashed_iban("RO", "ro_RO"), ("payee_iban",), ("ro_iban",), {"el": ("cont",)}),
        _HOLDER, _AMOUNT, _INVOICE, _CUSTOMER,
    )),
    "nz_text": ("en", (
        Kind("BANK_ACCOUNT", _nz_spaced, _ACCOUNT, ("acct",), {"en": ("bank_acc",)}),
        Kind("BANK_ACCOUNT", _nz_plain, ("refund_account",), ("rfnd",), {"en": ("direct_credit",)}),
        Kind(None, _nz_branch, ("branch",), ("brn",), {"en": ("bank_branch",)}),
        Kind("CREDIT_CARD", _card, ("card_number",), ("card_no",), {"en": ("card",)}),
        _HOLDER, _AMOUNT,
    )),
    "nz_int": ("en", (
        Kind("BANK_ACCOUNT", _nz_int, _ACCOUNT, ("acct",), {"en": ("bank_acc",)}),
        Kind(None, _id_int(15), ("transaction_id",), ("txn",), {"en": ("txn_ref",)}),
        Kind(None, _id_int(16), ("order_id",), ("ord",), {"en": ("order_ref",)}),
        Kind(None, _id_int(14), ("device_id",), ("dev",), {"en": ("device",)}),
        _DATE, _AMOUNT,
    )),
    "codes": ("nl", (
        Kind(None, _failing_code, ("reference",), ("ref",), {"nl": ("betalingskenmerk",)}),
        Kind(None, _order, ("order_number",), ("ord_no",), {"nl": ("bestelnummer",)}),
        Kind(None, _ean, ("ean",), ("ean13",), {"nl": ("artikelcode",)}),
        Kind(None, _isbn, ("isbn",), ("isbn13",), {"nl": ("isbn_nummer",)}),
        Kind(None, _id_int(16), ("tracking_id",), ("trk",), {"nl": ("zendingnummer",)}),
        _CUSTOMER, _INVOICE,
    )),
}
OPAQUE_SHARE = 0.6  # most accounts of issue 15 sit under names that say nothing


def account_shape_tables(seed: int, rows: int) -> list[Column]:
    """One table per entry of :data:`TABLES`: its accounts and look-alikes, in an order shuffled per table."""
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for ti, (name, (locale, kinds)) in enumerate(TABLES.items()):
        order = list(kinds)
        rng.shuffle(order)
        columns += _table(f"dz{ti:02d}_{name}", locale, order, OPAQUE_SHARE, rng, rows)
    return columns
