"""Dev-split tables of domestic bank accounts of countries without IBAN (or written in their domestic form), and
their look-alikes (since the ``clsbank2`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own, so the tables before them stay as they were. One table per country of :data:`COUNTRIES` (none of them a test
split locale): its account columns and its look-alikes, under honest, abbreviated, local-language (transliterated)
and opaque names, some sparse or mixed with placeholders, bare digits sometimes stored as integers.

The account formats are the ways the countries' banks write them, from public descriptions:

- Argentina: the CBU, 22 digits (bank 3, branch 4, check, account 13, check; python-stdnum's ``ar.cbu`` computes
  both check digits), written whole or as its two blocks of 8 and 14;
- Brazil: agência (4 digits, with or without its check digit) and conta with its check digit (``1234-5 /
  12345678-9``, ``0001 1234567-8``); Banco do Brasil's mod-11 digits (10 written ``X``);
- United States: ABA routing number (9 digits, weights 3, 7, 1) and account (up to 17 digits; 8 to 12 here) in one
  value, as direct-deposit exports write them, and bare checking accounts stored as integers;
- India: accounts of 9 to 18 digits (11 at SBI, 12 at ICICI, 14 at HDFC, as drawn here), text or integers;
- Nigeria: NUBAN, 10 digits whose last is a check over the 3-digit bank code and the 9-digit serial;
- South Africa: 9- to 11-digit accounts; Indonesia: BRI ``0123-01-012345-50-1``, Mandiri ``123-00-1234567-8``;
- Vietnam: 14-digit accounts opening with a branch code; Colombia: Bancolombia ``123-456789-01``; Israel: bank,
  branch and account ``12-345-678901``.

The look-alikes: ABA routing numbers alone, IFSC branch codes, sort-like branch codes, CUITs and CPFs (national ids),
grouped order numbers opening with a year, ISBN-13s, parcel numbers, transaction dates, national phone numbers,
random ids of the accounts' lengths.

>>> cols = domestic_account_tables(1, rows=5)
>>> len(cols), len({c.table for c in cols})
(54, 10)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import DG, UP, Kind, _column_name, _digits, _rand, _shape

SEED_OFFSET = 53  # its own generator: the tables before it stay as they were
OPAQUE_SHARE = 0.6


def _aba(rng: random.Random) -> str:
    """A routing number: a Federal Reserve district prefix (01-12, 21-32), six digits and the 3-7-1 check digit."""
    body = f"{rng.choice([rng.randint(1, 12), rng.randint(21, 32)]):02d}" + _digits(rng, 6)
    c = (10 - sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True)) % 10) % 10
    return body + str(c)


def _cbu(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum.ar import cbu

    bank = rng.choice(["007", "011", "014", "015", "017", "072", "285", "191", "150", "027"]) + _digits(rng, 4)
    account = _digits(rng, 13)
    number = bank + cbu.calc_check_digit(bank) + account + cbu.calc_check_digit(account)
    return cbu.format(number) if rng.random() < 0.35 else number


def _bb_digit(digits: str) -> str:
    """Banco do Brasil's check digit: weights 9, 8, 7 ... from the left end down to 2, 11 - sum mod 11; 10 is X."""
    total = sum(int(d) * w for d, w in zip(reversed(digits), range(2, 2 + len(digits)), strict=True))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def _br_account(g: Any, rng: random.Random, loc: str) -> str:
    agencia, conta = _digits(rng, 4), _digits(rng, rng.choice([5, 6, 8]))
    form = rng.random()
    if form < 0.5:
        return f"{agencia}-{_bb_digit(agencia)} / {conta}-{_bb_digit(conta)}"
    if form < 0.8:
        return f"{agencia} {conta}-{_bb_digit(conta)}"
    return f"{agencia}/{conta}-{_bb_digit(conta)}"


def _br_digital(g: Any, rng: random.Random, loc: str) -> str:
    """A digital bank's accounts: one agência (0001) and a 7- or 8-digit conta with its check digit."""
    conta = _digits(rng, rng.choice([7, 8]))
    return f"0001 {conta}-{_bb_digit(conta)}"


def _us_routing_account(g: Any, rng: random.Random, loc: str) -> str:
    sep = rng.choice([" ", " ", "-", " / "])
    return f"{_aba(rng)}{sep}{_digits(rng, rng.randint(8, 12))}"


def _us_checking_int(g: Any, rng: random.Random, loc: str) -> int:
    return rng.randint(10**7, 10**12 - 1)


def _in_account(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice([lambda: rng.choice("123") + _digits(rng, 10), lambda: _digits(rng, 12),
                       lambda: "50100" + _digits(rng, 9)])()


def _in_account_int(g: Any, rng: random.Random, loc: str) -> int:
    return int(_in_account(g, rng, loc))


NUBAN_BANKS = ("044", "058", "011", "033", "057", "032", "035", "232", "214", "070", "076", "050")


def _nuban(g: Any, rng: random.Random, loc: str) -> str:
    bank, serial = rng.choice(NUBAN_BANKS), _digits(rng, 9)
    total = sum(int(d) * w for d, w in zip(bank + serial, (3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3), strict=True))
    return serial + str((10 - total % 10) % 10)


def _nuban_int(g: Any, rng: random.Random, loc: str) -> Any:
    v = _nuban(g, rng, loc)
    return int(v) if v[0] != "0" else v


def _za_account(g: Any, rng: random.Random, loc: str) -> Any:
    v = rng.choice([lambda: "62" + _digits(rng, 9), lambda: "1" + _digits(rng, 9), lambda: "4" + _digits(rng, 9),
                    lambda: "0" + _digits(rng, 8)])()
    return int(v) if rng.random() < 0.3 and v[0] != "0" else v


def _id_grouped(g: Any, rng: random.Random, loc: str) -> str:
    if rng.random() < 0.55:  # BRI: branch, product, serial, type and check
        return f"{_digits(rng, 4)}-{rng.choice(['01', '02'])}-{_digits(rng, 6)}-{rng.choice(['50', '53'])}-{_digits(rng, 1)}"
    return f"{rng.randint(100, 199)}-00-{_digits(rng, 7)}-{_digits(rng, 1)}"  # Mandiri: branch, 00, serial, check


def _id_plain(g: Any, rng: random.Random, loc: str) -> str:
    return _digits(rng, 10)  # BCA and BNI: ten digits


def _vn_account(g: Any, rng: random.Random, loc: str) -> str:
    return f"0{rng.randint(1, 99):02d}1000" + _digits(rng, 7)


def _co_account(g: Any, rng: random.Random, loc: str) -> str:
    return f"{_digits(rng, 3)}-{_digits(rng, 6)}-{_digits(rng, 2)}"


def _il_account(g: Any, rng: random.Random, loc: str) -> str:
    bank = rng.choice(["10", "11", "12", "13", "14", "17", "20", "31", "46", "52", "54"])
    return f"{bank}-{rng.randint(1, 999):03d}-{_digits(rng, rng.choice([6, 7, 8, 9]))}"


# ---------------------------------------------------------------- look-alikes


def _aba_alone(g: Any, rng: random.Random, loc: str) -> str:
    return _aba(rng)


def _nine_and_more(g: Any, rng: random.Random, loc: str) -> str:
    """A customer number and an order number in one value: nine drawn digits (one in ten passes the routing check)."""
    return f"{_digits(rng, 9)} {_digits(rng, rng.randint(8, 12))}"


def _ifsc(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(["SBIN", "HDFC", "ICIC", "UTIB", "PUNB", "BARB", "CNRB", "KKBK"]) + "0" + _digits(rng, 6)


def _branch_code(g: Any, rng: random.Random, loc: str) -> str:
    return rng.choice(["632005", "470010", "250655", "198765", "051001", "580105", "679000"])


def _cuit(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum.ar import cuit

    while True:
        body = rng.choice(["20", "23", "27", "30"]) + _digits(rng, 8)
        number = body + cuit.calc_check_digit(body)
        if cuit.is_valid(number):
            return cuit.format(number)


def _cpf(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum.br import cpf

    body = _digits(rng, 9)
    return cpf.format(body + cpf._calc_check_digits(body))


def _year_order(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(2019, 2026)}-{_digits(rng, 6)}-{_digits(rng, 2)}"


def _isbn(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean, isbn

    body = rng.choice(["978", "978", "979"]) + _digits(rng, 9)
    number = body + ean.calc_check_digit(body)
    return isbn.format(number) if rng.random() < 0.8 else number


def _parcel(g: Any, rng: random.Random, loc: str) -> str:
    if rng.random() < 0.5:
        d = rng.choice(["9400", "9205", "9270"]) + _digits(rng, 18)
        return " ".join(d[i:i + 4] for i in range(0, 22, 4))
    return _rand(rng, UP, 2) + _digits(rng, 9) + rng.choice(["BR", "AR", "CO", "IN"])


def _txn_date(g: Any, rng: random.Random, loc: str) -> str:
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))
    return day.strftime(rng.choice(["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]))


def _phone_of(region: str) -> Callable[[Any, random.Random, str], str]:
    def make(g: Any, rng: random.Random, loc: str) -> str:
        import phonenumbers

        from benchmarks.classification.dev_phone_tables import _number

        return phonenumbers.format_number(_number(region, rng), phonenumbers.PhoneNumberFormat.NATIONAL)
    return make


def _random_id(length: int) -> Callable[[Any, random.Random, str], str]:
    return lambda g, rng, loc: str(rng.randint(1, 9)) + _digits(rng, length - 1)


def _voucher(g: Any, rng: random.Random, loc: str) -> str:
    return f"{_rand(rng, UP + DG, 4)}-{_rand(rng, UP + DG, 4)}-{_rand(rng, UP + DG, 4)}"


ACCOUNT = ("account_number", "bank_account")

# country -> (language of its local names, kinds). The languages are none of the test split's.
COUNTRIES: dict[str, tuple[str, tuple[Kind, ...]]] = {
    "ar": ("es", (
        Kind("BANK_ACCOUNT", _cbu, ("cbu", "destination_account"), ("CBU", "nroCbu", "cbu_dest"),
             {"es": ("clave_bancaria_uniforme", "cuenta_destino", "nro_cbu")}),
        Kind("NATIONAL_ID", _cuit, ("tax_id", "cuit"), ("cuit_nro", "taxId"), {"es": ("cuit_cuil", "clave_fiscal")}),
        Kind(None, _year_order, ("order_no", "pedido"), ("ord_no",), {"es": ("numero_pedido", "comprobante")}),
        Kind(None, _random_id(22), ("trace_id", "operation_id"), ("opId",), {"es": ("id_operacion",)}),
        Kind(None, _txn_date, ("transfer_date",), ("fecha_tx",), {"es": ("fecha_transferencia",)}),
        Kind(None, _isbn, ("isbn",), ("isbn13",), {"es": ("codigo_libro",)}),
    )),
    "br": ("pt", (
        Kind("BANK_ACCOUNT", _br_account, ("bank_details", "account"), ("ag_cc", "agConta", "dados_banc"),
             {"pt": ("agencia_conta", "conta_corrente", "dados_bancarios", "conta_deposito")}),
        Kind("BANK_ACCOUNT", _br_digital, ("payout_account", "account"), ("ag_conta", "contaDig"),
             {"pt": ("conta_pagamento", "conta_digital")}),
        Kind("NATIONAL_ID", _cpf, ("cpf", "tax_id"), ("cpf_nr", "nrCpf"), {"pt": ("cpf_titular", "numero_cpf")}),
        Kind(None, _parcel, ("tracking_code", "shipment"), ("trk_no",), {"pt": ("codigo_rastreio", "rastreio")}),
        Kind(None, _year_order, ("protocol", "order_ref"), ("prot_no",), {"pt": ("protocolo", "numero_pedido")}),
        Kind(None, _voucher, ("voucher", "coupon"), ("cpn",), {"pt": ("cupom", "vale")}),
        Kind("PHONE", _phone_of("BR"), ("phone", "mobile"), ("tel", "cel"), {"pt": ("telefone", "celular")}),
    )),
    "us": ("en", (
        Kind("BANK_ACCOUNT", _us_routing_account, ("direct_deposit", "ach_account"), ("rtn_acct", "achAcct", "DD_ACCT"),
             {}),
        Kind("BANK_ACCOUNT", _us_checking_int, ("checking_account", "account_number"), ("chk_acct", "acctNo"), {}),
        Kind(None, _aba_alone, ("routing_number", "aba"), ("rtn", "routingNo", "ABA_RTN"), {}),
        Kind(None, _nine_and_more, ("customer_order", "ref_pair"), ("cust_ord",), {}),
        Kind(None, _random_id(12), ("order_id", "shipment_id"), ("ordId",), {}),
        Kind(None, _parcel, ("tracking_number",), ("trk",), {}),
        Kind(None, _txn_date, ("posted_on",), ("pst_dt",), {}),
    )),
    "in": ("hi", (
        Kind("BANK_ACCOUNT", _in_account, ACCOUNT + ("beneficiary_account",), ("acc_no", "benAcNo", "AC_NUM"),
             {"hi": ("khata_sankhya", "khata_number", "bank_khata")}),
        Kind("BANK_ACCOUNT", _in_account_int, ACCOUNT, ("acct_num", "ac_no"), {"hi": ("khata_sankhya",)}),
        Kind(None, _ifsc, ("ifsc", "ifsc_code", "branch_code"), ("ifsc_cd", "ifscCode"), {"hi": ("shakha_code",)}),
        Kind(None, _random_id(14), ("transaction_id", "utr"), ("txnId", "utr_no"), {"hi": ("len_den_id",)}),
        Kind(None, _random_id(11), ("invoice_id",), ("inv_id",), {"hi": ("bill_sankhya",)}),
        Kind(None, _txn_date, ("value_date",), ("val_dt",), {"hi": ("tithi",)}),
        Kind("PHONE", _phone_of("IN"), ("mobile", "phone"), ("mob_no",), {"hi": ("phone_sankhya",)}),
    )),
    "ng": ("en", (
        Kind("BANK_ACCOUNT", _nuban, ("nuban", "account_number"), ("acct_no", "nubanNo", "NUBAN"), {}),
        Kind("BANK_ACCOUNT", _nuban_int, ("beneficiary_account",), ("ben_acct",), {}),
        Kind(None, _random_id(10), ("session_id", "ticket_no"), ("sess_no",), {}),
        Kind(None, _random_id(11), ("reference",), ("ref_id",), {}),
        Kind(None, _year_order, ("invoice_no",), ("inv_no",), {}),
    )),
    "za": ("af", (
        Kind("BANK_ACCOUNT", _za_account, ACCOUNT, ("acc_nr", "bankAcc"), {"af": ("rekeningnommer", "bankrekening")}),
        Kind(None, _branch_code, ("branch_code", "universal_branch"), ("br_code",), {"af": ("takkode",)}),
        Kind(None, _random_id(10), ("policy_no", "member_id"), ("pol_no",), {"af": ("polisnommer",)}),
        Kind(None, _voucher, ("voucher",), ("vchr",), {"af": ("koepon",)}),
        Kind(None, _txn_date, ("debit_date",), ("dr_dt",), {"af": ("debietdatum",)}),
    )),
    "id": ("id", (
        Kind("BANK_ACCOUNT", _id_grouped, ACCOUNT, ("no_rek", "norek", "rekNo"),
             {"id": ("nomor_rekening", "rekening_bank", "no_rekening")}),
        Kind("BANK_ACCOUNT", _id_plain, ACCOUNT, ("acc_no", "noRek"), {"id": ("nomor_rekening",)}),
        Kind(None, _random_id(10), ("member_id",), ("mbr_id",), {"id": ("nomor_anggota",)}),
        Kind(None, _year_order, ("invoice_no",), ("inv_no",), {"id": ("nomor_faktur",)}),
        Kind(None, _parcel, ("awb", "resi"), ("awb_no",), {"id": ("nomor_resi",)}),
    )),
    "vn": ("vi", (
        Kind("BANK_ACCOUNT", _vn_account, ACCOUNT, ("stk", "acc_no", "soTk"), {"vi": ("so_tai_khoan", "tai_khoan")}),
        Kind(None, _random_id(13), ("transaction_id",), ("txn_id",), {"vi": ("ma_giao_dich",)}),
        Kind(None, _isbn, ("isbn",), ("isbn13",), {"vi": ("ma_sach",)}),
        Kind(None, _txn_date, ("paid_on",), ("pd_dt",), {"vi": ("ngay_thanh_toan",)}),
    )),
    "co": ("es", (
        Kind("BANK_ACCOUNT", _co_account, ACCOUNT, ("nro_cta", "ctaBancaria"),
             {"es": ("numero_de_cuenta", "cuenta_ahorros", "cuenta_bancaria")}),
        Kind(None, _year_order, ("order_no",), ("ord",), {"es": ("numero_orden",)}),
        Kind(None, _random_id(11), ("document_ref",), ("doc_ref",), {"es": ("radicado",)}),
        Kind(None, _voucher, ("promo_code",), ("promo",), {"es": ("codigo_promocional",)}),
    )),
    "il": ("he", (
        Kind("BANK_ACCOUNT", _il_account, ACCOUNT, ("acc_no", "bnkAcct"), {"he": ("mispar_heshbon", "heshbon_bank")}),
        Kind(None, _isbn, ("isbn",), ("isbn13",), {"he": ("isbn",)}),
        Kind(None, _year_order, ("order_no",), ("ord_no",), {"he": ("mispar_hazmana",)}),
        Kind(None, _random_id(9), ("customer_no",), ("cust_no",), {"he": ("mispar_lakoach",)}),
    )),
}


def _country_table(table: str, lang: str, kinds: list[Kind], rng: random.Random, rows: int) -> list[Column]:
    """One table: each kind named honestly, abbreviated, in ``lang`` or opaquely; values shaped as dev_split does
    (sparse, mixed with placeholders)."""
    out: list[Column] = []
    used: set[str] = set()
    for i, kind in enumerate(kinds):
        rest = 1 - OPAQUE_SHARE
        style = rng.choices(["opaque", "honest", "abbreviated", "foreign"],
                            weights=[OPAQUE_SHARE, rest * 0.3, rest * 0.3, rest * 0.4])[0]
        name, style = _column_name(kind, style, lang, i, rng)
        while name in used:
            name += "_2"
        used.add(name)
        values = [kind.make(None, rng, lang) for _ in range(rows)]
        out.append(Column(table, name, kind.label, style, _shape(values, kind.label, rng)))
    return out


def domestic_account_tables(seed: int, rows: int) -> list[Column]:
    """One table per country of :data:`COUNTRIES`: its accounts and look-alikes, in an order shuffled per table."""
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for ci, (country, (lang, kinds)) in enumerate(COUNTRIES.items()):
        order = list(kinds)
        rng.shuffle(order)
        columns += _country_table(f"dk{ci:02d}_{country}", lang, order, rng, rows)
    return columns
