"""Domestic bank account numbers of more countries, proved by their published check digits or fixed structure.

:func:`maskline.infotypes.validators.bank_account_checked` reads the Spanish, French, Portuguese, Belgian,
Norwegian, Argentine, Czech, New Zealand, Hungarian and Croatian accounts. This module adds the formats of
:data:`FORMATS`, each a written form (a regular expression over the value) and a rule:

- a check over the whole account: Mexico's CLABE (18 digits, weights 3-7-1 mod 10 after one of the banks' codes),
  Poland's NRB (26 digits: the IBAN's own mod-97 check digits, python-stdnum's ``iban`` on ``PL`` + NRB), the
  ISO 7064 mod 97-10 pair closing Serbian, Montenegrin, North Macedonian, Bosnian and Slovenian accounts, Tunisia's
  RIB key (20 digits divisible by 97), Italy's CIN (a letter, mod 26, over ABI, CAB and account), Slovakia's
  prefix-number/bank code (the mod-11 weights Czech accounts use, with a Slovak bank's code), Finland's old
  ``123456-785`` (Luhn over the 14 digits the bank group's padding makes), Iceland's 22 digits (the holder's
  kennitala closes them, python-stdnum's ``is_.kennitala``);
- Sweden's Bankgiro and Plusgiro numbers (Luhn) and the type-1 banks' clearing number and account (mod 11 over the
  clearing number's last three digits and the account), Brazil's agência and conta (Banco do Brasil's mod-11 check
  digit on each, ``X`` for ten), a CLABE stored as an integer (its leading zeros lost, padded back);
- a fixed structure, where the country publishes no check digit: Russia's 20-digit account (a customer balance
  account, then a currency code), Canada's transit-institution-account (one of the institutions' codes), Japan's
  bank-branch-account (one of the banks' Zengin codes).

python-stdnum has none of these as a domestic account (it checks several only inside a whole IBAN, which
:func:`maskline.infotypes.validators.iban` reads), hence the few lines each below.

Each format states ``chance``: how often random digits of its written form pass. A format counts only where the
detector's chance (0.1, :mod:`maskline.infotypes.detectors`) covers every format of that length together, which
``tests/classify/test_national_accounts.py`` measures on drawn digits. Australia's BSB and account carries no
check digit, and the banks' BSB prefixes pass about one random six digits in thirteen: it is :func:`bsb_account`,
read by a detector of its own whose chance is that share.

>>> national_account("032180000118359719"), national_account("032180000118359718")  # CLABE, one digit off
(True, False)
>>> national_account("61 1090 1014 0000 0712 1981 2874")  # Polish NRB
True
>>> national_account("X 05428 11101 000000123456"), national_account("Y 05428 11101 000000123456")  # Italian CIN
(True, False)
>>> national_account_country("260-0056010016113-79"), national_account_country("123456-785")
('RS', 'FI')
>>> national_account_country("5050-1055"), national_account_country("0001-9 00012345-5")  # Bankgiro; agência-conta
('SE', 'BR')
>>> national_account_country("32180000118359719")  # a CLABE stored as an integer: its leading zero lost
'MX'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class NationalFormat:
    """One country's written account form and the rule that proves it."""

    country: str  # ISO 3166 alpha-2
    form: str  # full-match regular expression over the stripped value
    check: Callable[[str], bool]  # takes the value's digits (and letters), separators removed
    chance: float  # share of random values of the form that pass ``check``
    # A value of this written form is judged by this format alone: Finland's 123456-785 holds 8 to 14 digits, the
    # lengths of Norwegian and Belgian accounts, whose checks would add their chance to Luhn's.
    exclusive: bool = False
    # No check digit, only a structure a registry fixes (RU, CA, JP): read by a detector of its own, at the structure
    # rules' lower strength, and refuted where the values are counted rather than drawn (:func:`counted_accounts`).
    structure: bool = False


_SEPARATORS = re.compile(r"[ .-]")


def _clean(value: str) -> str:
    return _SEPARATORS.sub("", value)


def _mod97_10(number: str) -> bool:
    """ISO 7064 mod 97-10: the number, read whole, leaves 1 modulo 97 (the Yugoslav successor states' accounts)."""
    return int(number) % 97 == 1


# Mexico: the banks' three-digit codes (Banxico's list, the banks most accounts are held at): a CLABE opens with one.
_MX_BANKS = frozenset({
    "002", "006", "009", "012", "014", "019", "021", "030", "032", "036", "037", "042", "044", "058", "059", "060", "062",
    "072", "106", "112", "113", "127", "130", "136", "137", "138", "140", "143", "145", "147", "148", "152", "156",
    "166", "168", "600", "601", "602", "605", "608", "610", "614", "616", "617", "618", "619", "620", "621", "622",
    "623", "626", "627", "628", "629", "630", "631", "632", "633", "634", "636", "637", "638", "640", "642", "646",
    "647", "648", "649", "651", "652", "653", "655", "656", "659", "670", "677", "680", "683", "684", "685", "686",
    "689", "699", "703", "706", "710", "722", "723", "728", "902",
})


def _clabe(d: str) -> bool:
    """A CLABE: bank (3), plaza (3), account (11), check: the digits weighted 3, 7, 1 (each product mod 10) and the
    check sum to a multiple of 10 (python-stdnum has no CLABE module)."""
    return d[:3] in _MX_BANKS and \
        (10 - sum(int(c) * w % 10 for c, w in zip(d[:17], (3, 7, 1) * 6, strict=False)) % 10) % 10 == int(d[17])


def _nrb(d: str) -> bool:
    """A Polish NRB: the IBAN without ``PL`` (python-stdnum's IBAN check, which knows Poland's structure)."""
    from stdnum import iban

    return bool(iban.is_valid("PL" + d))


def _tn_rib(d: str) -> bool:
    """A Tunisian RIB (bank 2, branch 3, account 13, key 2): the key makes the 20 digits a multiple of 97."""
    return int(d) % 97 == 0


# Italy's CIN: the odd places' values (A-Z, digits as A-J), from the Italian banks' (ABI) standard.
_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


def _it_cin(d: str) -> bool:
    """An Italian account with its CIN letter: ABI (5), CAB (5) and account (12 letters or digits) weighted by
    place, the sum mod 26 is the letter."""
    total = 0
    for i, c in enumerate(d[1:].upper()):
        v = ord(c) - 48 if c.isdigit() else ord(c) - 65
        total += _CIN_ODD[v] if i % 2 == 0 else v
    return d[0].upper() == chr(65 + total % 26)


# Slovakia: the banks' four-digit codes (NBS register); Czech codes are python-stdnum's cz.bankaccount.
_SK_BANKS = frozenset({"0200", "0720", "0900", "1100", "1111", "3000", "3100", "5200", "5600", "5900", "6500",
                       "7300", "7500", "7930", "8050", "8100", "8120", "8130", "8170", "8160", "8180", "8191",
                       "8330", "8360", "8400", "8420", "9952"})
_SK_WEIGHTS = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)
_SK_FORM = re.compile(r"^(?:([0-9]{1,6})-)?([0-9]{2,10})/([0-9]{4})$")


def _sk_mod11(part: str) -> bool:
    return sum(int(c) * w for c, w in zip(part.zfill(10), _SK_WEIGHTS, strict=True)) % 11 == 0


def _sk_account(value: str) -> bool:
    """A Slovak account (prefix-number/bank): prefix and number each pass the mod-11 check (weights 6, 3, 7, 9, 10,
    5, 8, 4, 2, 1), the bank a Slovak bank's code."""
    m = _SK_FORM.match(value)
    if m is None:
        return False
    return m.group(3) in _SK_BANKS and _sk_mod11(m.group(1) or "0") and _sk_mod11(m.group(2)) and int(m.group(2)) > 0


def _fi_old(value: str) -> bool:
    """A Finnish account in the old form (6 digits, a dash, 2 to 8): padded with zeros to 14 digits after the 6th
    (banks of groups 1-3, 6, 8) or the 7th (groups 4, 5), then the Luhn check (python-stdnum's ``luhn``)."""
    from stdnum import luhn

    head, tail = value.split("-")
    if head[0] in "12368":
        digits = head + tail.zfill(8)
    elif head[0] in "45":
        digits = head + tail[0] + tail[1:].zfill(7)
    else:
        return False
    return bool(luhn.is_valid(digits))


def _is_account(d: str) -> bool:
    """An Icelandic account of 22 digits: bank (4), ledger (2), account (6) and the holder's kennitala, whose
    check python-stdnum proves."""
    from stdnum.is_ import kennitala

    return bool(kennitala.is_valid(d[12:]))


# Russia's customer balance accounts (the Bank of Russia's chart: individuals, companies, sole traders, deposits)
# and the currency codes that follow them (810 and 643 roubles, dollars, euros, yuan, pounds, francs).
_RU_BALANCE = frozenset({"40817", "40820", "40701", "40702", "40703", "40802", "40807", "40803", "40804", "40813",
                         "40814", "40823", "42301", "42302", "42303", "42304", "42305", "42306", "42307", "42601",
                         "42602", "42603", "42604", "42605", "42606", "42607"})
_RU_CURRENCY = frozenset({"810", "643", "840", "978", "156", "826", "756"})


def _ru_account(d: str) -> bool:
    """A Russian account: a customer balance account, then a currency code (its control key needs the bank's BIK,
    which the value does not hold)."""
    return d[:5] in _RU_BALANCE and d[5:8] in _RU_CURRENCY


# Canada: the institutions' three-digit codes (Payments Canada: the banks and the credit union centrals).
_CA_INSTITUTIONS = frozenset({"001", "002", "003", "004", "006", "010", "016", "030", "039", "177", "219", "260",
                              "320", "540", "614", "809", "815", "828", "829", "837", "839", "865", "869", "879",
                              "889", "899"})


def _ca_account(value: str) -> bool:
    """A Canadian account written transit (5), institution (3), account (7 to 12): the institution a code of
    Payments Canada's list."""
    return _SEPARATORS.split(value)[1] in _CA_INSTITUTIONS


# Japan: the Zengin codes of the city, internet and largest regional banks, and Japan Post Bank.
_JP_BANKS = frozenset({"0001", "0005", "0009", "0010", "0017", "0033", "0034", "0035", "0036", "0038", "0039",
                       "0040", "0116", "0117", "0130", "0134", "0138", "0149", "0158", "0177", "0288", "0289",
                       "0294", "0397", "9900"})


def _jp_account(value: str) -> bool:
    """A Japanese account written bank (4), branch (3), optionally its type (1 ordinary, 2 current, 4 savings) and
    account (7): the bank a Zengin code of the list."""
    return _SEPARATORS.split(value)[0] in _JP_BANKS


def _clabe_unpadded(d: str) -> bool:
    """A CLABE stored as an integer: the leading zeros of banks 002 to 099 lost (16 or 17 digits), padded back."""
    return _clabe(d.zfill(18))


def _luhn(d: str) -> bool:
    from stdnum import luhn

    return bool(luhn.is_valid(d))


def _se_giro(value: str) -> bool:
    """A Swedish Bankgiro (7 or 8 digits written ``123-4567``, ``1234-5678``) or Plusgiro (2 to 8 digits, the last
    after a dash: ``4 56 78-0``) number: Luhn over its digits (Bankgirot's and Plusgirot's rule; python-stdnum has
    neither, its ``luhn`` is used)."""
    return _luhn(_clean(value))


# Sweden: the clearing numbers of the type-1 banks whose check covers the clearing number's last three digits and the
# account's seven (Bankgirot, "Bankernas kontonummeruppbyggnad", comment 1): Nordea, Danske Bank, SEB, Swedbank,
# Länsförsäkringar, ICA Banken, Avanza, Nordnet.
_SE_TYPE1 = ((1100, 1199), (1200, 1399), (1400, 2099), (2400, 2499), (3000, 3299), (3301, 3399), (3400, 3409),
             (3410, 3781), (3783, 3999), (5000, 5999), (7000, 7999), (9020, 9029), (9060, 9069), (9100, 9109),
             (9120, 9124), (9130, 9149), (9270, 9279), (9550, 9569))


def _se_account(d: str) -> bool:
    """A Swedish type-1 account: clearing (4) and account (7); the clearing's last three digits and the account,
    weighted 10 down to 1, sum to a multiple of 11 (python-stdnum has no Swedish account module)."""
    clearing = int(d[:4])
    if not any(lo <= clearing <= hi for lo, hi in _SE_TYPE1):
        return False
    return sum(int(c) * w for c, w in zip(d[1:], range(10, 0, -1), strict=True)) % 11 == 0


def _br_dv(digits: str) -> str:
    """Banco do Brasil's check digit: the digits weighted 2 to 9 from the right, 11 minus the sum mod 11 (10 is
    written X, 11 is 0)."""
    dv = 11 - sum(int(c) * w for c, w in zip(reversed(digits), range(2, 10), strict=False)) % 11
    return "X" if dv == 10 else str(dv % 11)


_BR_FORM = re.compile(r"^([0-9]{4})-([0-9Xx])[ ;]+([0-9]{3,8})-([0-9Xx])$")


def _br_account(value: str) -> bool:
    """A Brazilian agência and conta, each closed by its mod-11 check digit (Banco do Brasil's rule; other banks
    use their own, and python-stdnum has none): both must hold, which random digits do one time in 121."""
    m = _BR_FORM.match(value)
    return m is not None and _br_dv(m.group(1)) == m.group(2).upper() and _br_dv(m.group(3)) == m.group(4).upper()


def _digits_of(check: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda value: check(_clean(value))


def _padded(width: tuple[int, int, int]) -> Callable[[str], bool]:
    """The Yugoslav successor states' accounts, whose middle group is written without its leading zeros."""
    def check(value: str) -> bool:
        parts = _SEPARATORS.split(value)
        if len(parts) != 3:
            return _mod97_10(_clean(value))
        return _mod97_10(parts[0].zfill(width[0]) + parts[1].zfill(width[1]) + parts[2].zfill(width[2]))
    return check


# North Macedonian and Bosnian accounts count only written in their groups: bare, their 15 and 16 digits are the
# lengths of E.164 numbers and card-length references, where one more mod-97 check lets a minority pass by chance.
FORMATS: tuple[NationalFormat, ...] = (
    NationalFormat("MX", r"[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{11}[ -]?[0-9]", _digits_of(_clabe), 0.1 * 95 / 1000),
    # A CLABE an export stored as an integer (bank 002-099: 16 or 17 digits): the banks' codes opening with zeros
    # pass one random padded value in four (16 digits: 002, 006, 009) or in six (17 digits), the check one in ten.
    NationalFormat("MX", r"[0-9]{16,17}", _clabe_unpadded, 0.1 * 3 / 10),
    # Sweden: Bankgiro and Plusgiro numbers as written (the dash before the last four digits or the check digit);
    # a clearing number and account of the type-1 banks (about 45 in 100 random clearing numbers, then 1 in 11).
    # Plusgiro only in its pairs: bare, 718-7 is a LOINC code, whose mod-10 check is Luhn's too.
    NationalFormat("SE", r"[0-9]{3,4}-[0-9]{4}|[0-9]{1,2}(?: [0-9]{2}){1,3}-[0-9]", _se_giro, 0.1),
    NationalFormat("SE", r"[0-9]{4}[ -][0-9]{7}|[0-9]{4} [0-9]{2} [0-9]{3} [0-9]{2}", _digits_of(_se_account),
                   0.45 / 11),
    NationalFormat("BR", r"[0-9]{4}-[0-9Xx][ ;]+[0-9]{3,8}-[0-9Xx]", _br_account, 1 / 121),
    NationalFormat("PL", r"[0-9]{2}(?: ?[0-9]{4}){6}", _digits_of(_nrb), 1 / 97),
    NationalFormat("RS", r"[0-9]{3}-[0-9]{1,13}-[0-9]{2}|[0-9]{18}", _padded((3, 13, 2)), 1 / 97),  # and ME
    NationalFormat("MK", r"[0-9]{3}-[0-9]{10}-[0-9]{2}", _padded((3, 10, 2)), 1 / 97),
    NationalFormat("BA", r"[0-9]{3}-[0-9]{3}-[0-9]{8}-[0-9]{2}", _digits_of(_mod97_10), 1 / 97),
    NationalFormat("SI", r"[0-9]{5}-[0-9]{10}", _digits_of(_mod97_10), 1 / 97),
    NationalFormat("TN", r"[0-9]{2} ?[0-9]{3} ?[0-9]{13} ?[0-9]{2}", _digits_of(_tn_rib), 1 / 97),
    NationalFormat("IT", r"[A-Za-z][ -]?[0-9]{5}[ -]?[0-9]{5}[ -]?[0-9A-Za-z]{12}", _digits_of(_it_cin), 1 / 26),
    NationalFormat("SK", r"(?:[0-9]{1,6}-)?[0-9]{2,10}/[0-9]{4}", _sk_account, 27 / 10000 / 11),
    NationalFormat("FI", r"[1-8][0-9]{5}-[0-9]{2,8}", _fi_old, 0.8 * 0.1, exclusive=True),
    NationalFormat("IS", r"[0-9]{4}-?[0-9]{2}-?[0-9]{6}-?[0-9]{6}-?[0-9]{4}", _digits_of(_is_account), 0.01),
    NationalFormat("RU", r"[0-9]{5} ?[0-9]{3} ?[0-9] ?[0-9]{4} ?[0-9]{7}", _digits_of(_ru_account), 1e-5, structure=True),
    NationalFormat("CA", r"[0-9]{5}[ -][0-9]{3}[ -][0-9]{7,12}", _ca_account, 26 / 1000, structure=True),
    NationalFormat("JP", r"[0-9]{4}[ -][0-9]{3}[ -](?:[124][ -])?[0-9]{7}", _jp_account, 25 / 10000, structure=True),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], NationalFormat], ...]:
    return tuple((re.compile(f"^(?:{f.form})$"), f) for f in FORMATS)


def national_account_country(value: str, structure: bool | None = None) -> str | None:
    """The country of :data:`FORMATS` whose written form and rule the value passes, or None. ``structure`` keeps
    only the structure formats (True) or only the check-digit formats (False).

    >>> national_account_country("40817 810 0 9999 1234567"), national_account_country("12345-003-1234567")
    ('RU', 'CA')
    >>> national_account_country("0005-123-1234567"), national_account_country("1234-123-1234567")
    ('JP', None)
    >>> national_account_country("0005-123-1234567", structure=False) is None
    True
    """
    v = value.strip()
    if not v or len(v) > 40:
        return None
    for pattern, fmt in _compiled():
        if (structure is None or fmt.structure == structure) and pattern.match(v) and fmt.check(v):
            return fmt.country
    return None


def national_account_structure(value: str) -> bool:
    """Whether the value is an account of a structure format (Russian, Canadian, Japanese): no check digit.

    >>> national_account_structure("40817 810 0 9999 1234567"), national_account_structure("032180000118359719")
    (True, False)
    """
    return national_account_country(value, structure=True) is not None


COUNTED_SPAN = 3.0  # a counter's trailing numbers span at most this many times the count of distinct values
COUNTED_VALUES = 20  # distinct values a counter is read from
PADDED_SHARE = 0.8  # of the values whose serial opens with three zeros: a padded counter


def counted_accounts(values: Sequence[str], rows: int = 0) -> str | None:
    """Why values of an account structure were counted by a program rather than drawn (a statistic, never a
    value), or None: their last seven digits, as numbers, fill a range not much wider than their count (a bank's
    customers of one table come from many branches and serials; ``40817810`` and a counter from zero is a key).

    >>> counted_accounts([f"40817810{10**11 + i}" for i in range(40)])
    'counted: 40 distinct values span 40 numbers'
    >>> import random
    >>> r = random.Random(2)
    >>> counted_accounts([f"40817810{r.randint(0, 10**12 - 1):012d}" for _ in range(40)]) is None
    True
    """
    digits = [d for v in values for d in [_clean(v)] if len(d) >= 7 and d[-7:].isdigit()]
    # A zero-padded counter behind the structure (40817810 000000001852): most serials open with three zeros, which
    # drawn serials do one time in a thousand.
    padded = sum(d[-12:].startswith("000") if len(d) >= 20 else d[-7:].startswith("000") for d in digits)
    if len(digits) >= COUNTED_VALUES // 2 and padded >= PADDED_SHARE * len(digits):
        return f"counted: {padded / len(digits):.0%} of the serials are zero-padded counters"
    tails = {int(d[-7:]) for d in digits}
    if len(tails) < COUNTED_VALUES:
        return None
    span = max(tails) - min(tails) + 1
    if span <= COUNTED_SPAN * len(tails):
        return f"counted: {len(tails)} distinct values span {span} numbers"
    return None


# Australia: the two-digit codes of the banks most accounts are held at (APCA's BSB register: ANZ 01, Westpac 03 and
# 73, CBA 06 and 76, NAB 08, St George 11 and 33, Bank of Queensland 12, Macquarie 18, Bankwest 30, Suncorp 48,
# Bendigo 63), then the state digit (2 NSW/ACT to 7 TAS).
_AU_BANKS = frozenset({"01", "03", "06", "08", "11", "12", "18", "30", "33", "48", "63", "73", "76"})
_AU_FORM = re.compile(r"^([0-9]{3})-?([0-9]{3})[ /]([0-9]{6,10})$")
BSB_CHANCE = 13 / 100 * 6 / 10  # random six digits that open with a listed bank and a state digit


def bsb_account(value: str) -> bool:
    """Whether the value is an Australian BSB (``bank state-branch``) and account: ``062-000 12345678``. No check
    digit (python-stdnum has no BSB module, and the banks publish none); the structure is the bank's code and a
    state digit, which random six digits pass one time in thirteen (:data:`BSB_CHANCE`): a column is read only
    when a share of its values pass that this chance cannot explain, by a detector of its own.

    >>> bsb_account("062-000 12345678"), bsb_account("062000/123456"), bsb_account("991-000 12345678")
    (True, True, False)
    """
    m = _AU_FORM.match(value.strip())
    return m is not None and m.group(1)[:2] in _AU_BANKS and "2" <= m.group(1)[2] <= "7"


def integer_clabe(value: str) -> bool:
    """Whether the value is a CLABE stored as an integer (16 or 17 digits, its bank's leading zeros lost). The
    minority reading of :mod:`maskline.classify.checked_minority` leaves these out: its chance is the one in a
    hundred of the other checked lengths, and padded CLABEs pass three times in a hundred.

    >>> integer_clabe("32180000118359719"), integer_clabe("032180000118359719")
    (True, False)
    """
    v = value.strip()
    return 16 <= len(v) <= 17 and v.isdigit() and _clabe_unpadded(v)


def exclusive_form(value: str) -> bool:
    """Whether the value is written in a form only its own format judges (:attr:`NationalFormat.exclusive`).

    >>> exclusive_form("123456-785"), exclusive_form("1234.56.78903")
    (True, False)
    """
    v = value.strip()
    return any(fmt.exclusive and pattern.match(v) for pattern, fmt in _compiled())


def national_account(value: str) -> bool:
    """Whether the value is a domestic account of a check-digit format of :data:`FORMATS` (the structure formats
    are :func:`national_account_structure`'s).

    >>> national_account("5001234565/0900"), national_account("5001234565/0901")  # Slovak; no bank 0901
    (True, False)
    """
    return national_account_country(value, structure=False) is not None
