"""Dev-split tables of bank accounts under opaque names, read from the record they sit in, beside their look-alikes
(since the ``extcsv37`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table and from a generator of their
own, so the tables before them stay as they were. Each table is a payment or payee record of one country: the
account under a name that says nothing (``c7``, ``col_3``, ``f2``) in the formats that carry no check digit, beside
what such a record keeps (written from the published formats, not read from any split):

- the United States: an account of 4 to 17 digits beside the bank's ABA routing number (3-7-1 check);
- the United Kingdom: an 8-digit account beside a sort code (``12-34-56``);
- India: 9 to 18 digits beside an IFSC (``SBIN0001234``: four letters, ``0``, six characters);
- Canada: 7 to 12 digits beside a transit and institution (``12345-003``);
- Australia: 6 to 9 digits beside a BSB (``062-000``);
- Europe: an account beside the bank's BIC (ISO 9362, a real country code);
- stored as floats (pandas' sparse integers), sparse (70-95% empty);
- the routing codes drawn from a pool of 8 to 30 per table (a record's payments go to a few banks' branches);
- beside a bank's name (mimesis' banks of the locale), the holder's name, amounts, currency codes, dates.

The look-alikes, which must stay untyped: routing numbers, sort codes, IFSCs and BSBs alone under opaque names;
invoice, order, customer and transaction ids and loan ids beside a bank's name and a person's name (a payments
table keeps many numbers, only one an account: with no code routing payments nothing says which); card BINs,
amounts in cents, reference numbers; Swedish OCR payment references (Luhn, as a Swedish personal number) beside a
Bankgiro.

>>> cols = account_record_tables(1, rows=5)
>>> len({c.table for c in cols})
12
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import _digits

SEED_OFFSET = 83  # its own generator: the tables before it stay as they were
Make = Callable[[Any, random.Random], Any]
OPAQUE = ("c7", "col_3", "f2", "x4", "fld_b", "Unnamed: 5", "c12", "column9", "v3", "attr_2")


def _aba(g: Any, rng: random.Random) -> str:
    body = f"{rng.choice([rng.randint(1, 12), rng.randint(21, 32), rng.randint(61, 72)]):02d}" + _digits(rng, 6)
    return body + str(-sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True)) % 10)


def _us_account(g: Any, rng: random.Random) -> str:
    return str(rng.randint(10 ** 3, 10 ** rng.choice([8, 10, 10, 12, 12, 14, 17]) - 1)).zfill(rng.choice([4, 8, 10]))


def _sort_code(g: Any, rng: random.Random) -> str:
    # Vocalink's ranges: clearing banks' codes open with 01-99, most in 04, 07-09, 11-20, 23, 30-40, 50-60, 77-99.
    first = rng.choice([4, 7, 8, 9, 11, 12, 16, 20, 23, 30, 40, 53, 60, 77, 83, 87, 89, 90])
    return f"{first:02d}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"


def _gb_account(g: Any, rng: random.Random) -> str:
    return _digits(rng, 8)


_IFSC_BANKS = ("SBIN", "HDFC", "ICIC", "UTIB", "KKBK", "PUNB", "BARB", "CNRB", "IOBA", "UBIN", "YESB", "IDIB")


def _ifsc(g: Any, rng: random.Random) -> str:
    return rng.choice(_IFSC_BANKS) + "0" + _digits(rng, 6)


def _in_account(g: Any, rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + _digits(rng, rng.choice([8, 10, 11, 13, 14, 15, 17]))


def _ca_transit(g: Any, rng: random.Random) -> str:
    return f"{_digits(rng, 5)}-{rng.choice(['001', '002', '003', '004', '006', '010', '016', '815'])}"


def _ca_account(g: Any, rng: random.Random) -> str:
    return _digits(rng, rng.choice([7, 7, 10, 12]))


def _bsb(g: Any, rng: random.Random) -> str:
    return f"{rng.choice(['01', '03', '06', '08', '73', '48', '63'])}{rng.randint(2, 7)}-{_digits(rng, 3)}"


def _au_account(g: Any, rng: random.Random) -> str:
    return str(rng.randint(10**5, 10**9 - 1))


_BICS = ("DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "UNCRITMM", "ABNANL2A", "RABONL2U", "BSCHESMM", "CAIXESBB",
         "NWBKGB2L", "INGBNL2A", "SOGEFRPP", "BKAUATWW", "GIBACZPX", "NDEAFIHH", "DABADKKK")


def _bic(g: Any, rng: random.Random) -> str:
    return rng.choice(_BICS)


def _eu_account(g: Any, rng: random.Random) -> str:
    return _digits(rng, rng.choice([10, 10, 11, 12]))


def _account_float(g: Any, rng: random.Random) -> float:
    return float(rng.randint(10**7, 10**12))


def _bank(g: Any, rng: random.Random) -> str:
    return str(g.finance.bank())


def _holder(g: Any, rng: random.Random) -> str:
    return str(g.person.full_name())


def _amount(g: Any, rng: random.Random) -> str:
    return f"{rng.uniform(5, 50000):.2f}"


def _cents(g: Any, rng: random.Random) -> int:
    return rng.randint(100, 10**8)


def _currency(g: Any, rng: random.Random) -> str:
    return rng.choice(["USD", "EUR", "GBP", "INR", "CAD", "AUD", "SEK", "JPY"])


def _date(g: Any, rng: random.Random) -> str:
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _drawn(n: int) -> Make:
    def make(g: Any, rng: random.Random) -> str:
        return str(rng.randint(1, 9)) + _digits(rng, n - 1)
    return make


def _bin(g: Any, rng: random.Random) -> str:
    return rng.choice(["411111", "520082", "371449", "601100", "353011", "400022", "510510", "455673"])


def _reference(g: Any, rng: random.Random) -> str:
    return f"RF{_digits(rng, 2)}{_digits(rng, 8)}"


def _ocr(g: Any, rng: random.Random) -> str:
    from stdnum import luhn

    body = str(rng.randint(10**5, 10**14))
    return body + luhn.calc_check_digit(body)


def _bankgiro(g: Any, rng: random.Random) -> str:
    from stdnum import luhn

    body = str(rng.randint(100000, 9999998))
    number = body + luhn.calc_check_digit(body)
    return f"{number[:-4]}-{number[-4:]}"


def _loan(g: Any, rng: random.Random) -> str:
    return f"{rng.randint(2019, 2026)}{_digits(rng, 7)}"


def _pooled(make: Make) -> Make:
    """``make`` drawn from a pool of 8 to 30 codes per table: a record's payments go to a few banks' branches."""
    pools: dict[int, list[Any]] = {}

    def draw(g: Any, rng: random.Random) -> Any:
        if id(g) not in pools:
            pools[id(g)] = [make(g, rng) for _ in range(rng.randint(8, 30))]
        return rng.choice(pools[id(g)])
    return draw


_aba, _sort_code, _ifsc, _ca_transit, _bsb = (_pooled(m) for m in (_aba, _sort_code, _ifsc, _ca_transit, _bsb))


# Each table: (mimesis locale, columns as (label, make, names, opaque?)); an opaque column takes one of OPAQUE.
Spec = tuple[str | None, Make, tuple[str, ...], bool]
TABLES: dict[str, tuple[str, tuple[Spec, ...]]] = {
    "us_ach": ("en", (
        ("BANK_ACCOUNT", _us_account, (), True),
        (None, _aba, ("routing_number", "aba", "rtn"), False),
        ("PERSON_NAME", _holder, ("account_holder", "payee"), False),
        (None, _amount, ("amount",), False),
        (None, _date, ("effective_date",), False),
    )),
    "gb_payee": ("en-gb", (
        ("BANK_ACCOUNT", _gb_account, (), True),
        (None, _sort_code, ("sort_code", "sortcode"), False),
        ("PERSON_NAME", _holder, ("payee_name", "name"), False),
        (None, _bank, ("bank", "bank_name"), False),
        (None, _reference, ("reference",), False),
    )),
    "in_neft": ("en", (
        ("BANK_ACCOUNT", _in_account, (), True),
        (None, _ifsc, ("ifsc", "ifsc_code"), False),
        ("PERSON_NAME", _holder, ("beneficiary",), False),
        (None, _amount, ("amount_inr",), False),
    )),
    "ca_eft": ("en", (
        ("BANK_ACCOUNT", _ca_account, (), True),
        (None, _ca_transit, (), True),
        ("PERSON_NAME", _holder, ("payee",), False),
        (None, _currency, ("currency",), False),
    )),
    "au_payroll": ("en", (
        ("BANK_ACCOUNT", _au_account, (), True),
        (None, _bsb, ("bsb",), False),
        ("PERSON_NAME", _holder, ("employee",), False),
        (None, _amount, ("net_pay",), False),
    )),
    "eu_sepa": ("de", (
        ("BANK_ACCOUNT", _eu_account, (), True),
        (None, _bic, (), True),
        (None, _bank, ("bank",), False),
        (None, _amount, ("betrag",), False),
    )),
    "us_float": ("en", (
        ("BANK_ACCOUNT", _account_float, (), True),
        (None, _aba, (), True),
        (None, _cents, ("amount_cents",), False),
    )),
    # look-alikes
    "routing_only": ("en", (
        (None, _aba, (), True),
        (None, _bank, ("bank_name",), False),
        (None, _bic, ("swift",), False),
        (None, _amount, ("amount",), False),
    )),
    "codes_only": ("en", (
        (None, _sort_code, (), True),
        (None, _ifsc, (), True),
        (None, _bsb, (), True),
        (None, _bank, ("bank",), False),
    )),
    "payments": ("en", (
        (None, _drawn(10), (), True),
        (None, _bank, ("bank",), False),
        ("PERSON_NAME", _holder, ("customer",), False),
        (None, _amount, ("amount",), False),
        (None, _currency, ("ccy",), False),
    )),
    "loans": ("en", (
        (None, _loan, (), True),
        (None, _drawn(12), (), True),
        (None, _bin, (), True),
        (None, _bank, ("lender",), False),
        (None, _cents, ("principal",), False),
    )),
    "se_payments": ("sv", (
        ("BANK_ACCOUNT", _bankgiro, ("bankgiro",), False),
        (None, _ocr, (), True),
        (None, _reference, ("referens",), False),
        (None, _amount, ("belopp",), False),
    )),
}


def _sparse(values: list[Any], rng: random.Random) -> list[Any]:
    if rng.random() < 0.3:
        empty = rng.uniform(0.7, 0.95)
        return [None if rng.random() < empty else v for v in values]
    return values


def account_record_tables(seed: int, rows: int) -> list[Column]:
    """One table per entry of :data:`TABLES`: a payment record's accounts and look-alikes, shuffled per table."""
    from mimesis import Generic
    from mimesis.locales import Locale

    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for ti, (table, (locale, specs)) in enumerate(TABLES.items()):
        g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
        order = list(specs)
        rng.shuffle(order)
        opaque = list(OPAQUE)
        rng.shuffle(opaque)
        for label, make, names, hidden in order:
            name = opaque.pop() if hidden else rng.choice(names)
            values = [make(g, rng) for _ in range(rows)]
            if label == "BANK_ACCOUNT":
                values = _sparse(values, rng)
            columns.append(Column(f"ar{ti:02d}_{table}", name, label, "opaque" if hidden else "honest", values))
    return columns
