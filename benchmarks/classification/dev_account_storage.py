"""Dev-split tables of bank accounts of the countries the ``extcsv27`` round left, and accounts in the forms exports
store them, beside their look-alikes (since the ``extcsv32`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own, so the tables before them stay as they were. One table per entry of :data:`COUNTRIES`, named and shaped as the
domestic-accounts tables are (honest, abbreviated, local-language or opaque names; some sparse, which makes pandas
store integers as floats: ``1234567890.0``).

The accounts, each made by the published rule (restated here so that a wrong rule in the validators would show as a
miss):

- Australia: BSB (a bank's two digits, a state digit, a branch) and account, in one value or the account alone;
- Sweden: Bankgiro (7 or 8 digits, Luhn), Plusgiro (2 to 8 digits, Luhn), a clearing number and account of the
  type-1 banks (mod 11 over the clearing number's last three digits and the seven of the account);
- Denmark: registration number (4) and account (up to 10), no check digit;
- Brazil: Banco do Brasil's agência and conta, each closed by its mod-11 DV (``X`` for 10);
- Korea: the banks' grouped accounts (3-3-6, 6-2-6, 4-3-6, 3-4-4-2);
- Mexico: CLABEs stored as integers (the bank's leading zero lost: 17 digits) and as floats (digits lost);
- storage forms of European accounts: German Kontonummern as integers (their leading zeros gone), French account
  numbers as floats, IBANs in lower case or spaced every four, Turkish ``hesap no`` under their own word.

The look-alikes: SSCCs (GS1 mod 10, 18 digits) as text and as integers, EAN-13s as integers, national phone numbers
as integers (labelled PHONE), amounts, customer and member ids of nine digits, invoice and order numbers, Swedish OCR
payment references (Luhn, as Bankgiro numbers are), Australian BSBs alone (a branch's code, public).

>>> cols = account_storage_tables(1, rows=5)
>>> len({c.table for c in cols})
8
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_domestic_accounts import _country_table
from benchmarks.classification.dev_national_accounts import (
    _amount,
    _date,
    _invoice,
    _phone_int,
    _sscc,
)
from benchmarks.classification.dev_split import Kind, _digits

SEED_OFFSET = 71  # its own generator: the tables before it stay as they were
Make = Callable[[Any, random.Random, str], Any]


def _luhn_digit(body: str) -> str:
    from stdnum import luhn

    return str(luhn.calc_check_digit(body))


# ---------------------------------------------------------------- accounts


_AU_BANKS = ("01", "03", "06", "08", "73", "48", "63", "76", "30", "92")


def _bsb(rng: random.Random) -> str:
    return f"{rng.choice(_AU_BANKS)}{rng.randint(2, 7)}-{_digits(rng, 3)}"


def _au_account(g: Any, rng: random.Random, loc: str) -> str:
    return f"{_bsb(rng)}{rng.choice([' ', ' ', '/'])}{_digits(rng, rng.choice([6, 8, 9, 9, 10]))}"


def _au_account_only(g: Any, rng: random.Random, loc: str) -> Any:
    number = rng.randint(10**7, 10**9 - 1)
    return number if rng.random() < 0.7 else str(number)


def _bankgiro(g: Any, rng: random.Random, loc: str) -> str:
    body = str(rng.randint(100000, 9999999 - 1))
    number = body + _luhn_digit(body)
    return f"{number[:-4]}-{number[-4:]}"


def _plusgiro(g: Any, rng: random.Random, loc: str) -> str:
    body = str(rng.randint(1000, 9999999))
    head, groups = body, list[str]()
    while head:  # written in pairs from the right before the check digit: 4 56 78-0
        groups.insert(0, head[-2:])
        head = head[:-2]
    return f"{' '.join(groups) if rng.random() < 0.5 else body}-{_luhn_digit(body)}"


def _se_clearing_account(g: Any, rng: random.Random, loc: str) -> str:
    """Type 1, comment 1 (SEB 5000-5999, Nordea 3000-3299, Danske 1200-1399): the clearing number's last three
    digits and the seven of the account, weighted 10 down to 1, sum to a multiple of 11."""
    clearing = str(rng.choice([rng.randint(5000, 5999), rng.randint(3000, 3299), rng.randint(1200, 1399)]))
    while True:
        body = clearing[1:] + _digits(rng, 6)
        check = -sum(int(c) * w for c, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check < 10:
            account = body[3:] + str(check)
            return f"{clearing}-{account}" if rng.random() < 0.5 else f"{clearing} {account[:2]} {account[2:5]} {account[5:]}"


def _dk_account(g: Any, rng: random.Random, loc: str) -> str:
    reg = rng.choice(["3001", "1551", "9570", "5301", "2211", "7681", "6471", "4180", "0400", "9280"])
    konto = str(rng.randint(10**5, 10**10 - 1))
    return rng.choice([f"{reg} {konto.zfill(10)}", f"{reg}-{konto}", f"{reg}{konto.zfill(10)}"])


def _br_dv(digits: str) -> str:
    """Banco do Brasil's DV: the digits weighted 2, 3 ... 9 from the right, 11 minus the sum mod 11 (10 written X,
    11 written 0)."""
    dv = 11 - sum(int(c) * w for c, w in zip(reversed(digits), range(2, 10), strict=False)) % 11
    return "X" if dv == 10 else str(dv % 11)


def _br_account(g: Any, rng: random.Random, loc: str) -> str:
    agencia = _digits(rng, 4)
    conta = str(rng.randint(10**4, 10**8 - 1))
    return f"{agencia}-{_br_dv(agencia)} {conta}-{_br_dv(conta)}"


def _br_conta(g: Any, rng: random.Random, loc: str) -> str:
    conta = str(rng.randint(10**4, 10**8 - 1))
    return f"{conta}-{_br_dv(conta)}"


def _kr_account(g: Any, rng: random.Random, loc: str) -> str:
    form = rng.choice([(3, 3, 6), (6, 2, 6), (4, 3, 6), (3, 4, 4, 2), (3, 6, 2, 3)])
    return "-".join(_digits(rng, w) if i else str(rng.randint(10 ** (w - 1), 10**w - 1)) for i, w in enumerate(form))


def _clabe_digits(rng: random.Random) -> str:
    bank = rng.choice(["002", "012", "014", "021", "030", "036", "044", "072", "127", "137"])
    body = bank + _digits(rng, 3) + _digits(rng, 11)
    return body + str((10 - sum(int(c) * w % 10 for c, w in zip(body, (3, 7, 1) * 6, strict=False)) % 10) % 10)


def _clabe_int(g: Any, rng: random.Random, loc: str) -> int:
    return int(_clabe_digits(rng))  # the bank's leading zero lost: 17 digits


def _clabe_float(g: Any, rng: random.Random, loc: str) -> float:
    return float(_clabe_digits(rng))  # past 2**53: the last digits lost, printed in scientific notation


def _de_konto_int(g: Any, rng: random.Random, loc: str) -> int:
    return int(f"{rng.randint(0, 99):02d}{_digits(rng, 8)}".lstrip("0") or "0")


def _fr_compte_float(g: Any, rng: random.Random, loc: str) -> float:
    return float(rng.randint(10**9, 10**11 - 1))


def _iban(country: str) -> Make:
    def make(g: Any, rng: random.Random, loc: str) -> str:
        from stdnum import iban

        bban = {"DE": _digits(rng, 18), "NL": "".join(rng.choice("ABNRIGUT") for _ in range(4)) + _digits(rng, 10),
                "FR": _digits(rng, 23), "ES": _digits(rng, 20)}[country]
        check = iban.calc_check_digits(country + "00" + bban)
        number = country + check + bban
        spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        return rng.choice([number.lower(), spaced, spaced.lower()])
    return make


def _tr_hesap(g: Any, rng: random.Random, loc: str) -> Any:
    return int(str(rng.randint(1, 9)) + _digits(rng, rng.choice([7, 8, 9, 15])))


# ---------------------------------------------------------------- look-alikes


def _sscc_int(g: Any, rng: random.Random, loc: str) -> int:
    return int(_sscc(g, rng, loc))


def _ean_int(g: Any, rng: random.Random, loc: str) -> int:
    from stdnum import ean

    body = rng.choice(["400", "590", "750", "789", "880", "930"]) + _digits(rng, 9)
    return int(body + ean.calc_check_digit(body))


def _member_id(g: Any, rng: random.Random, loc: str) -> int:
    return rng.randint(10**8, 10**9 - 1)


def _ocr_reference(g: Any, rng: random.Random, loc: str) -> str:
    body = str(rng.randint(10**6, 10**12))
    return body + _luhn_digit(body)


def _order_int(g: Any, rng: random.Random, loc: str) -> int:
    return int(f"{rng.randint(2019, 2026)}{_digits(rng, 8)}")


def _bsb_only(g: Any, rng: random.Random, loc: str) -> str:
    return _bsb(rng)


def _amount_float(g: Any, rng: random.Random, loc: str) -> float:
    return round(rng.uniform(1, 99999), 2)


ACCOUNT = ("account_number", "bank_account")

# table -> (language of its local names, kinds).
COUNTRIES: dict[str, tuple[str, tuple[Kind, ...]]] = {
    "au": ("en", (
        Kind("BANK_ACCOUNT", _au_account, ("bsb_account", "bank_account", "direct_credit"), ("bsbAcct", "bsb_acc"),
             {"en": ("bsb_and_account",)}),
        Kind("BANK_ACCOUNT", _au_account_only, ACCOUNT, ("acct_no", "a/c", "acc_no", "a_c_no"),
             {"en": ("account_no",)}),
        Kind(None, _bsb_only, ("bsb", "branch_bsb"), ("bsb_no",), {"en": ("bsb_code",)}),
        Kind(None, _member_id, ("member_id", "customer_no"), ("mbr_no",), {"en": ("membership_number",)}),
        Kind("PHONE", _phone_int("AU"), ("phone_int",), ("ph_no",), {"en": ("mobile_number",)}),
        Kind(None, _amount, ("amount",), ("amt_aud",), {"en": ("payment_amount",)}),
    )),
    "se": ("sv", (
        Kind("BANK_ACCOUNT", _bankgiro, ("bankgiro", "bankgiro_number"), ("bg_nr", "bgNr"), {"sv": ("bankgironummer",)}),
        Kind("BANK_ACCOUNT", _plusgiro, ("plusgiro", "plusgiro_number"), ("pg_nr", "pgNr"), {"sv": ("plusgironummer",)}),
        Kind("BANK_ACCOUNT", _se_clearing_account, ACCOUNT, ("kto_nr", "kontonr"), {"sv": ("kontonummer", "bankkonto")}),
        Kind(None, _ocr_reference, ("payment_reference", "ocr"), ("ocr_nr",), {"sv": ("ocr_nummer", "referens")}),
        Kind(None, _invoice("F"), ("invoice_no",), ("fakt_nr",), {"sv": ("fakturanummer",)}),
        Kind("PHONE", _phone_int("SE"), ("phone_int",), ("tel_nr",), {"sv": ("telefonnummer",)}),
    )),
    "dk": ("da", (
        Kind("BANK_ACCOUNT", _dk_account, ACCOUNT, ("reg_konto", "kontonr"), {"da": ("kontonummer", "bankkonto")}),
        Kind(None, _order_int, ("order_no",), ("ordre_nr",), {"da": ("ordrenummer",)}),
        Kind("PHONE", _phone_int("DK"), ("phone_int",), ("tlf",), {"da": ("telefonnummer",)}),
        Kind(None, _member_id, ("customer_no",), ("kunde_nr",), {"da": ("kundenummer",)}),
    )),
    "br": ("pt", (
        Kind("BANK_ACCOUNT", _br_account, ("bank_details", "bank_account"), ("ag_conta", "agConta"),
             {"pt": ("agencia_conta", "dados_bancarios")}),
        Kind("BANK_ACCOUNT", _br_conta, ACCOUNT, ("cc_num", "nroConta"), {"pt": ("conta_corrente", "numero_da_conta")}),
        Kind(None, _invoice("NF-"), ("invoice_no",), ("nf_num",), {"pt": ("nota_fiscal",)}),
        Kind(None, _amount, ("amount",), ("vlr",), {"pt": ("valor",)}),
        Kind(None, _date, ("due_date",), ("venc",), {"pt": ("vencimento",)}),
    )),
    "kr": ("ko", (
        Kind("BANK_ACCOUNT", _kr_account, ACCOUNT, ("acct_no", "acctNo"), {"ko": ("계좌번호", "입금계좌")}),
        Kind(None, _member_id, ("member_id",), ("mbr_id",), {"ko": ("회원번호",)}),
        Kind("PHONE", _phone_int("KR"), ("phone_int",), ("tel_no",), {"ko": ("전화번호",)}),
        Kind(None, _invoice("ORD-"), ("order_no",), ("ord_no",), {"ko": ("주문번호",)}),
    )),
    "mx": ("es", (
        Kind("BANK_ACCOUNT", _clabe_int, ("clabe", "deposit_account"), ("cta_clabe", "clabeInt"),
             {"es": ("clabe_interbancaria", "cuenta")}),
        Kind("BANK_ACCOUNT", _clabe_float, ("payout_account", "bank_account"), ("cta_dep",), {"es": ("cuenta_deposito",)}),
        Kind(None, _sscc_int, ("sscc", "pallet_code"), ("ssccNo",), {"es": ("codigo_tarima",)}),
        Kind(None, _ean_int, ("barcode",), ("ean13",), {"es": ("codigo_barras",)}),
        Kind("PHONE", _phone_int("MX"), ("phone_int",), ("tel_num",), {"es": ("telefono",)}),
    )),
    "eu": ("de", (
        Kind("BANK_ACCOUNT", _de_konto_int, ("account_number",), ("kto", "ktoNr", "kto_nr"), {"de": ("kontonummer", "konto")}),
        Kind("IBAN", _iban("DE"), ("iban",), ("iban_nr",), {"de": ("iban",)}),
        Kind(None, _sscc, ("sscc", "shipping_code"), ("nve",), {"de": ("nve_nummer", "versandnummer")}),
        Kind(None, _member_id, ("customer_id",), ("kd_nr",), {"de": ("kundennummer",)}),
        Kind(None, _order_int, ("invoice_no",), ("re_nr",), {"de": ("rechnungsnummer",)}),
        Kind("PHONE", _phone_int("DE"), ("phone_int",), ("tel",), {"de": ("telefon",)}),
    )),
    "fr": ("fr", (
        Kind("BANK_ACCOUNT", _fr_compte_float, ("account_number",), ("num_cpt", "no_compte"),
             {"fr": ("numero_de_compte", "numéro de compte")}),
        Kind("IBAN", _iban("FR"), ("iban",), ("iban_bq",), {"fr": ("iban",)}),
        Kind("BANK_ACCOUNT", _tr_hesap, ("account_no",), ("hesap_no", "hsp_no"), {"fr": ("hesap_numarasi",)}),
        Kind(None, _amount_float, ("amount",), ("mnt",), {"fr": ("montant",)}),
        Kind(None, _member_id, ("member_no",), ("adh_no",), {"fr": ("numero_adherent",)}),
        Kind("PHONE", _phone_int("FR"), ("phone_int",), ("tel",), {"fr": ("telephone",)}),
    )),
}


def account_storage_tables(seed: int, rows: int) -> list[Column]:
    """One table per entry of :data:`COUNTRIES`: its accounts and look-alikes, in an order shuffled per table."""
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for ci, (country, (lang, kinds)) in enumerate(COUNTRIES.items()):
        order = list(kinds)
        rng.shuffle(order)
        columns += _country_table(f"ds{ci:02d}_{country}", lang, order, rng, rows)
    return columns
