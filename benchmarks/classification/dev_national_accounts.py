"""Dev-split tables of domestic bank accounts in the national formats of :mod:`maskline.infotypes.national_accounts`
and their look-alikes (since the ``extcsv27`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own, so the tables before them stay as they were. One table per country of :data:`COUNTRIES`: its account columns
and its look-alikes, under honest, abbreviated, local-language (transliterated) and opaque names, some sparse or
mixed with placeholders, accounts without a leading zero sometimes stored as integers.

The accounts are made by generators of each format written from the published rules (the same rules the validators
hold, restated here so that a wrong rule would show as a miss): Mexico's CLABE, Poland's NRB, the mod 97-10 accounts
of Serbia, Montenegro, North Macedonia, Bosnia and Slovenia, Tunisia's RIB, Italy's CIN, Slovakia's
prefix-number/bank, Finland's old form, Iceland's account with the holder's kennitala, Russia's 20 digits, Canada's
transit-institution-account and Japan's bank-branch-account.

The look-alikes: Finland's random digits in the account's own written form (a share passes Luhn by chance), SSCCs
and EAN-13s (Faker), national phone numbers stored as integers (labelled PHONE: they must not become accounts),
transaction ids led by a timestamp as long as the accounts, invoice and case numbers, order numbers opening with a
year, amounts, drawn ids of the accounts' lengths, national ids (PESEL, kennitala, Russian INN) and dates. Random
digits in the other accounts' exact written forms are left out on purpose: the structure rules
(:mod:`maskline.classify.bban_shape`, :mod:`maskline.classify.account_groups`) read those as accounts by design, as
test data's drawn accounts are.

>>> cols = national_account_tables(1, rows=5)
>>> len({c.table for c in cols})
14
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_domestic_accounts import _country_table
from benchmarks.classification.dev_split import Kind, _digits

SEED_OFFSET = 67  # its own generator: the tables before it stay as they were
Make = Callable[[Any, random.Random, str], Any]


def _maybe_int(value: str, rng: random.Random, share: float = 0.3) -> Any:
    """Digits stored as an integer now and then, as a numeric column keeps them (never with a leading zero)."""
    digits = value.replace("-", "").replace(" ", "")
    return int(digits) if rng.random() < share and digits[0] != "0" and len(digits) <= 18 else value


# ---------------------------------------------------------------- accounts


def _clabe(g: Any, rng: random.Random, loc: str) -> Any:
    bank = rng.choice(["002", "012", "014", "021", "030", "036", "044", "072", "127", "137", "646", "722"])
    body = bank + _digits(rng, 3) + _digits(rng, 11)
    check = (10 - sum(int(c) * w % 10 for c, w in zip(body, (3, 7, 1) * 6, strict=False)) % 10) % 10
    return _maybe_int(body + str(check), rng, 0.4)


def _nrb(g: Any, rng: random.Random, loc: str) -> str:
    bank = rng.choice(["1020", "1050", "1090", "1140", "1240", "1160", "2490", "1870"]) + _digits(rng, 3)
    w = (3, 9, 7, 1, 3, 9, 7)
    bank += str((10 - sum(int(c) * k for c, k in zip(bank, w, strict=True)) % 10) % 10)
    bban = bank + _digits(rng, 16)
    check = 98 - int(bban + "252100") % 97  # P=25, L=21, then 00
    nrb = f"{check:02d}{bban}"
    return " ".join([nrb[:2]] + [nrb[i:i + 4] for i in range(2, 26, 4)]) if rng.random() < 0.6 else nrb


def _mod97_10(body: str) -> str:
    return body + f"{98 - int(body + '00') % 97:02d}"


def _rs_account(g: Any, rng: random.Random, loc: str) -> Any:
    bank = rng.choice(["160", "170", "205", "265", "310", "325", "340", "355"])
    number = _mod97_10(bank + (str(rng.randint(1, 9)) + _digits(rng, rng.randint(5, 9))).rjust(13, "0"))
    form = rng.random()
    if form < 0.5:
        return f"{number[:3]}-{number[3:16]}-{number[16:]}"
    if form < 0.75:  # the short form: the middle group without its leading zeros
        return f"{number[:3]}-{number[3:16].lstrip('0')}-{number[16:]}"
    return _maybe_int(number, rng, 0.5)


def _me_account(g: Any, rng: random.Random, loc: str) -> str:
    number = _mod97_10(rng.choice(["505", "510", "520", "530", "535", "550"]) + _digits(rng, 13))
    return f"{number[:3]}-{number[3:16]}-{number[16:]}" if rng.random() < 0.7 else number


def _mk_account(g: Any, rng: random.Random, loc: str) -> Any:
    number = _mod97_10(rng.choice(["200", "210", "250", "270", "300", "380"]) + _digits(rng, 10))
    return f"{number[:3]}-{number[3:13]}-{number[13:]}" if rng.random() < 0.6 else _maybe_int(number, rng, 0.5)


def _ba_account(g: Any, rng: random.Random, loc: str) -> Any:
    number = _mod97_10(rng.choice(["134", "154", "161", "186", "199", "338", "552", "562"]) + _digits(rng, 11))
    if rng.random() < 0.6:
        return f"{number[:3]}-{number[3:6]}-{number[6:14]}-{number[14:]}"
    return _maybe_int(number, rng, 0.5)


def _si_account(g: Any, rng: random.Random, loc: str) -> str:
    number = _mod97_10(rng.choice(["02", "03", "04", "05", "06", "10", "19", "24", "26", "33"]) + _digits(rng, 11))
    return f"{number[:5]}-{number[5:]}"


def _tn_rib(g: Any, rng: random.Random, loc: str) -> str:
    body = rng.choice(["01", "03", "04", "05", "07", "08", "10", "11", "14", "17", "20", "25"]) + _digits(rng, 16)
    number = body + f"{97 - int(body + '00') % 97:02d}"
    return f"{number[:2]} {number[2:5]} {number[5:18]} {number[18:]}" if rng.random() < 0.5 else number


_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


def _it_account(g: Any, rng: random.Random, loc: str) -> str:
    abi = rng.choice(["03069", "02008", "05034", "03111", "01030", "05696", "03062", "06230"])
    body = abi + _digits(rng, 5) + "0" * rng.randint(2, 6)
    body += _digits(rng, 22 - len(body))
    total = sum(_CIN_ODD[int(c)] if i % 2 == 0 else int(c) for i, c in enumerate(body))
    cin = chr(65 + total % 26)
    return f"{cin} {body[:5]} {body[5:10]} {body[10:]}" if rng.random() < 0.5 else cin + body


_SK_WEIGHTS = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)


def _sk_part(rng: random.Random, width: int) -> str:
    while True:
        part = str(rng.randint(10 ** (width - 1), 10 ** width - 1))
        if sum(int(c) * w for c, w in zip(part.zfill(10), _SK_WEIGHTS, strict=True)) % 11 == 0:
            return part


def _sk_account(g: Any, rng: random.Random, loc: str) -> str:
    bank = rng.choice(["0200", "0900", "1100", "1111", "5200", "5600", "6500", "7500", "8330", "8360"])
    number = f"{_sk_part(rng, rng.choice([9, 10, 10]))}/{bank}"
    return f"{_sk_part(rng, rng.randint(2, 6))}-{number}" if rng.random() < 0.3 else number


def _luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (1 if i % 2 else 2)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _fi_account(g: Any, rng: random.Random, loc: str) -> str:
    head = rng.choice(["1", "2", "3", "5", "8"]) + _digits(rng, 5)  # Nordea, Osuuspankki, Danske, Aktia ...
    account = str(rng.randint(10, 10 ** rng.randint(3, 6)))
    if head[0] == "5":  # groups 4 and 5 pad after the 7th digit
        lead, rest = account[0], account[1:]
        digits = head + lead + rest.zfill(6)
        check = _luhn_digit(digits)
        return f"{head}-{lead}{rest}{check}"
    check = _luhn_digit(head + account.zfill(7))
    return f"{head}-{account}{check}"


def _kennitala(rng: random.Random) -> str:
    while True:
        body = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}{rng.randint(20, 99):02d}"
        s = sum(int(c) * w for c, w in zip(body, (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
        check = (11 - s % 11) % 11
        if check != 10:
            return body + str(check) + "9"


def _is_account(g: Any, rng: random.Random, loc: str) -> str:
    bank = rng.choice(["0101", "0111", "0133", "0301", "0303", "0515", "0537", "1101"])
    ledger, account = rng.choice(["26", "26", "15", "05"]), _digits(rng, 6)
    kt = _kennitala(rng)
    return f"{bank}-{ledger}-{account}-{kt[:6]}-{kt[6:]}" if rng.random() < 0.5 else bank + ledger + account + kt


def _ru_account(g: Any, rng: random.Random, loc: str) -> str:
    number = rng.choice(["40817", "40817", "40702", "40802", "42301", "42305"]) + \
        rng.choice(["810", "810", "840", "978"]) + _digits(rng, 12)
    if rng.random() < 0.4:
        return f"{number[:5]} {number[5:8]} {number[8]} {number[9:13]} {number[13:]}"
    return number


def _ca_account(g: Any, rng: random.Random, loc: str) -> str:
    institution = rng.choice(["001", "002", "003", "004", "006", "010", "016", "815", "614", "219"])
    return rng.choice(["-", " "]).join([_digits(rng, 5), institution, _digits(rng, rng.choice([7, 7, 10, 12]))])


def _jp_account(g: Any, rng: random.Random, loc: str) -> str:
    bank = rng.choice(["0001", "0005", "0009", "0010", "0036", "0038", "0033", "0138", "0177"])
    sep = rng.choice(["-", " "])
    kind = f"{rng.choice(['1', '1', '2', '4'])}{sep}" if rng.random() < 0.4 else ""
    return f"{bank}{sep}{_digits(rng, 3)}{sep}{kind}{_digits(rng, 7)}"


# ---------------------------------------------------------------- look-alikes


def _drawn(template: str) -> Make:
    """Random digits in an account's own written form (``#`` a digit): a share passes a check by chance."""
    return lambda g, rng, loc: "".join(str(rng.randint(0, 9)) if c == "#" else c for c in template)


def _dated(length: int) -> Make:
    """A transaction id led by its timestamp (YYYYMMDDhhmmss), then drawn digits: as long as an account."""
    def make(g: Any, rng: random.Random, loc: str) -> str:
        stamp = f"{rng.randint(2019, 2026)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" \
            f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
        return stamp + _digits(rng, length - 14)
    return make


def _invoice(prefix: str) -> Make:
    """An invoice or case number: a letter code, the year and a counter (``FV/2024/000123``)."""
    return lambda g, rng, loc: f"{prefix}{rng.randint(2019, 2026)}/{rng.randint(1, 30000):06d}"


def _drawn_int(length: int) -> Make:
    return lambda g, rng, loc: rng.randint(10 ** (length - 1), 10 ** length - 1)


@cache
def _faker_of(locale: str) -> Any:
    from faker import Faker

    return Faker(locale)


def _faker(locale: str, method: str) -> Make:
    """Faker's value, seeded from the table's generator (one Faker per locale: making one takes milliseconds)."""
    def make(g: Any, rng: random.Random, loc: str) -> str:
        fake = _faker_of(locale)
        fake.seed_instance(rng.randint(0, 2**31))
        return str(getattr(fake, method)())
    return make


def _sscc(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum import ean

    body = str(rng.randint(0, 9)) + rng.choice(["0614141", "7501031", "5901234", "8600123"]) + _digits(rng, 9)
    return body + ean.calc_check_digit(body)


def _phone_int(region: str) -> Make:
    def make(g: Any, rng: random.Random, loc: str) -> int:
        from benchmarks.classification.dev_phone_tables import _number

        return int(str(_number(region, rng).national_number))
    return make


def _year_order(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(2018, 2026)}-{_digits(rng, 6)}-{_digits(rng, 3)}"


def _amount(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}"


def _pesel(g: Any, rng: random.Random, loc: str) -> str:
    return _faker("pl_PL", "pesel")(g, rng, loc)


def _inn(g: Any, rng: random.Random, loc: str) -> str:
    from stdnum.ru import inn

    body = f"{rng.randint(1, 99):02d}" + _digits(rng, 8)
    return body + inn.calc_personal_check_digits(body)


def _kt(g: Any, rng: random.Random, loc: str) -> str:
    kt = _kennitala(rng)
    return f"{kt[:6]}-{kt[6:]}"


def _date(g: Any, rng: random.Random, loc: str) -> str:
    return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2019, 2026)}"


ACCOUNT = ("account_number", "bank_account")

# country -> (language of its local names, kinds).
COUNTRIES: dict[str, tuple[str, tuple[Kind, ...]]] = {
    "mx": ("es", (
        Kind("BANK_ACCOUNT", _clabe, ("clabe", "deposit_account"), ("clabeInterb", "CLABE", "cta_clabe"),
             {"es": ("clabe_interbancaria", "cuenta_clabe", "cuenta_deposito")}),
        Kind(None, _dated(18), ("folio", "tracking_key"), ("folioOp",), {"es": ("clave_rastreo",)}),
        Kind(None, _sscc, ("sscc", "pallet_code"), ("ssccNo",), {"es": ("codigo_tarima",)}),
        Kind(None, _faker("es_MX", "ean13"), ("barcode", "ean"), ("ean13",), {"es": ("codigo_barras",)}),
        Kind("PHONE", _phone_int("MX"), ("contact_phone_int",), ("tel_num",), {"es": ("numero_contacto",)}),
    )),
    "pl": ("pl", (
        Kind("BANK_ACCOUNT", _nrb, ACCOUNT + ("nrb",), ("nr_rach", "nrRachunku", "NRB"),
             {"pl": ("numer_rachunku", "rachunek_bankowy", "konto_bankowe")}),
        Kind(None, _invoice("FV/"), ("reference",), ("ref_nr",), {"pl": ("numer_referencyjny",)}),
        Kind("NATIONAL_ID", _pesel, ("pesel", "national_id"), ("pesel_nr",), {"pl": ("numer_pesel",)}),
        Kind(None, _year_order, ("order_no",), ("zam_nr",), {"pl": ("numer_zamowienia",)}),
        Kind(None, _amount, ("amount",), ("kwota_pln",), {"pl": ("kwota",)}),
    )),
    "rs": ("sr", (
        Kind("BANK_ACCOUNT", _rs_account, ACCOUNT, ("tek_rac", "racunBr", "acct_no"),
             {"sr": ("tekuci_racun", "broj_racuna", "ziro_racun")}),
        Kind("BANK_ACCOUNT", _me_account, ("payee_account",), ("rac_primaoca",), {"sr": ("racun_primaoca",)}),
        Kind(None, _invoice("97-"), ("payment_reference",), ("poziv_br",), {"sr": ("poziv_na_broj",)}),
        Kind(None, _drawn_int(13), ("document_id",), ("dok_id",), {"sr": ("broj_dokumenta",)}),
        Kind(None, _date, ("value_date",), ("dat_val",), {"sr": ("datum_valute",)}),
    )),
    "mk": ("mk", (
        Kind("BANK_ACCOUNT", _mk_account, ACCOUNT, ("zhiro_smetka", "smetkaBr"), {"mk": ("broj_na_smetka", "smetka")}),
        Kind(None, _invoice("F-"), ("invoice_ref",), ("fakt_ref",), {"mk": ("broj_na_faktura",)}),
        Kind(None, _drawn_int(15), ("transaction_id",), ("txn_id",), {"mk": ("id_transakcija",)}),
        Kind(None, _amount, ("amount",), ("iznos_mkd",), {"mk": ("iznos",)}),
    )),
    "ba": ("bs", (
        Kind("BANK_ACCOUNT", _ba_account, ACCOUNT, ("tr_broj", "racunBr"), {"bs": ("transakcijski_racun", "broj_racuna")}),
        Kind(None, _invoice("R-"), ("reference",), ("ref_br",), {"bs": ("referenca",)}),
        Kind(None, _drawn_int(16), ("card_ref", "loyalty_no"), ("loy_no",), {"bs": ("broj_kartice_vjernosti",)}),
        Kind(None, _year_order, ("order_no",), ("narudzba",), {"bs": ("broj_narudzbe",)}),
    )),
    "si": ("sl", (
        Kind("BANK_ACCOUNT", _si_account, ACCOUNT + ("trr",), ("trr_st", "stTrr"), {"sl": ("transakcijski_racun", "stevilka_racuna")}),
        Kind(None, _invoice("SI00 "), ("reference",), ("skl",), {"sl": ("sklic",)}),
        Kind(None, _faker("sl_SI", "ean13"), ("barcode",), ("ean",), {"sl": ("crtna_koda",)}),
        Kind("PHONE", _phone_int("SI"), ("phone_int",), ("tel_st",), {"sl": ("telefonska_stevilka",)}),
    )),
    "tn": ("fr", (
        Kind("BANK_ACCOUNT", _tn_rib, ("rib", "bank_account"), ("num_rib", "ribNo"), {"fr": ("releve_identite_bancaire", "numero_rib", "compte_bancaire")}),
        Kind(None, _dated(20), ("operation_id",), ("op_id",), {"fr": ("identifiant_operation",)}),
        Kind(None, _invoice("DOS/"), ("dossier_ref",), ("ref_dos",), {"fr": ("reference_dossier",)}),
        Kind(None, _date, ("operation_date",), ("dt_op",), {"fr": ("date_operation",)}),
    )),
    "it": ("it", (
        Kind("BANK_ACCOUNT", _it_account, ("bban", "bank_account"), ("cc_banc", "contoCorrente"),
             {"it": ("conto_corrente", "coordinate_bancarie", "numero_conto")}),
        Kind(None, _invoice("PROT/"), ("protocol",), ("prot_num",), {"it": ("numero_protocollo",)}),
        Kind(None, _faker("it_IT", "ean13"), ("ean",), ("cod_ean",), {"it": ("codice_a_barre",)}),
        Kind(None, _year_order, ("order_no",), ("ord_nr",), {"it": ("numero_ordine",)}),
    )),
    "sk": ("sk", (
        Kind("BANK_ACCOUNT", _sk_account, ACCOUNT, ("c_uctu", "cisloUctu"), {"sk": ("cislo_uctu", "bankovy_ucet")}),
        Kind(None, _invoice("FA"), ("invoice_no",), ("fa_c",), {"sk": ("cislo_faktury",)}),
        Kind(None, _drawn_int(10), ("customer_no",), ("zak_c",), {"sk": ("cislo_zakaznika",)}),
        Kind(None, _date, ("due_date",), ("splat",), {"sk": ("datum_splatnosti",)}),
    )),
    "fi": ("fi", (
        Kind("BANK_ACCOUNT", _fi_account, ACCOUNT, ("tilinro", "tiliNumero"), {"fi": ("tilinumero", "pankkitili")}),
        Kind(None, _drawn("######-####"), ("case_no",), ("asia_nro",), {"fi": ("asianumero",)}),
        Kind(None, lambda g, rng, loc: f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99)}-"
             f"{rng.randint(2, 899):03d}{rng.choice('0123456789ABCDEFHJKLMNPRSTUVWXY')}",
             ("personal_id",), ("hetu",), {"fi": ("henkilotunnus",)}),
        Kind(None, _amount, ("amount",), ("summa_eur",), {"fi": ("summa",)}),
    )),
    "is": ("is", (
        Kind("BANK_ACCOUNT", _is_account, ACCOUNT, ("reikn_nr", "reiknNr"), {"is_": ("reikningsnumer", "bankareikningur")}),
        Kind("NATIONAL_ID", _kt, ("kennitala", "national_id"), ("kt",), {"is_": ("kennitala",)}),
        Kind(None, _dated(22), ("trace_no",), ("trc",), {"is_": ("rakningarnumer",)}),
        Kind("PHONE", _phone_int("IS"), ("phone_int",), ("simi_nr",), {"is_": ("simanumer",)}),
    )),
    "ru": ("ru", (
        Kind("BANK_ACCOUNT", _ru_account, ACCOUNT, ("r_s", "rasSchet", "schet_no"),
             {"ru": ("raschetnyi_schet", "nomer_scheta", "litsevoi_schet")}),
        Kind(None, _dated(20), ("operation_uid",), ("op_uid",), {"ru": ("nomer_operatsii",)}),
        Kind("NATIONAL_ID", _inn, ("inn", "tax_id"), ("inn_no",), {"ru": ("inn_klienta",)}),
        Kind(None, _year_order, ("order_no",), ("zakaz",), {"ru": ("nomer_zakaza",)}),
        Kind("PHONE", _phone_int("RU"), ("phone_int",), ("tel",), {"ru": ("telefon",)}),
    )),
    "ca": ("fr", (
        Kind("BANK_ACCOUNT", _ca_account, ("direct_deposit", "bank_account"), ("dd_acct", "acctTransit"),
             {"fr": ("depot_direct", "compte_bancaire", "numero_de_compte")}),
        Kind(None, _invoice("CLM-"), ("claim_ref",), ("clm_ref",), {"fr": ("reference_reclamation",)}),
        Kind("PHONE", _phone_int("CA"), ("phone_int",), ("tel_no",), {"fr": ("telephone",)}),
        Kind(None, _drawn_int(9), ("sin_like_id", "member_id"), ("mbr_id",), {"fr": ("numero_membre",)}),
    )),
    "jp": ("ja", (
        Kind("BANK_ACCOUNT", _jp_account, ("furikomi_account", "bank_account"), ("koza_no", "kozaBango"),
             {"ja": ("koza_bango", "furikomisaki", "ginko_koza")}),
        Kind(None, _invoice("ORD-"), ("order_ref",), ("chumon_no",), {"ja": ("chumon_bango",)}),
        Kind(None, _faker("ja_JP", "ean13"), ("jan_code",), ("jan",), {"ja": ("jan_kodo",)}),
        Kind("PHONE", _phone_int("JP"), ("phone_int",), ("tel_no",), {"ja": ("denwa_bango",)}),
    )),
}


def national_account_tables(seed: int, rows: int) -> list[Column]:
    """One table per country of :data:`COUNTRIES`: its accounts and look-alikes, in an order shuffled per table."""
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for ci, (country, (lang, kinds)) in enumerate(COUNTRIES.items()):
        order = list(kinds)
        rng.shuffle(order)
        # named and shaped as the domestic-accounts tables are (dev_domestic_accounts._country_table)
        columns += _country_table(f"dx{ci:02d}_{country}", lang, order, rng, rows)
    return columns
