"""Domestic bank account numbers written without separators, without a column name: one BBAN structure.

The IBAN registry (python-stdnum's ``iban.dat``) gives each country's domestic account number, the BBAN, as a
fixed structure of digits, capitals and either (``GB 4!a6!n8!n``: a bank's four letters, a sort code and an
account; ``PT 4!n4!n11!n2!n``: 21 digits; ``UA 6!n19!c``). Where the country's check digits are known,
:func:`maskline.infotypes.validators.bank_account_checked` proves an account by its value; where they are not,
or the data is test data with drawn digits, the column still shows the structure:

- one character template (letters and digits at the same places) in most of the values, the same length, long
  (fourteen characters or more; seventeen or eighteen when they are all digits: shorter runs are phones in
  E.164 without ``+``, national ids, order and record numbers; sixteen and nineteen digits are card lengths,
  and drawn ones are references and cards failing Luhn), and fitting a registry structure position by position;
- written in capitals (tokens and hashes come in lower case or mix letters and digits at every place);
- drawn: nearly every value distinct, the digits after any letters spread (not a clock's or a counter's shared
  lead), or a few codes (a bank's, an account type's) followed by evenly drawn digits, not holding a year or a
  date in most values (timestamps and dated serials written as digits);
- not cards or device numbers (Luhn), barcodes (GTIN), personal numbers (a national id's check), nor whole
  IBANs (their own detector).

The evidence is modest (``STRENGTH``) and not distinctive (``CHANCE``): a name pointing to another type, or a
stronger detector (cards by their issuers, phones by their plan), wins; a name saying the column holds keys of
records (``trace_id``) withholds it.

>>> import random
>>> r = random.Random(5)
>>> gb = ["".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "%014d" % r.randint(0, 10**14 - 1)
...       for _ in range(40)]
>>> not_bban(gb) is None
True
>>> not_bban(["%02d%02d%02d%011d" % (r.randint(1, 28), r.randint(1, 12), r.randint(0, 99), r.randint(0, 10**11))
...           for _ in range(40)])  # dated serials: a day, a month and a year, then a number
'dated: 100% open with a year or a date'
>>> not_bban(["%017d" % (1733000000000000 + 7919 * i) for i in range(40)])  # a clock
'not drawn: 1 distinct leading digit groups'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

MIN_VALUES = 10  # fewer values than this say nothing about a column
MIN_SHARE = 0.6  # of a column's rows (placeholders removed) that must follow the one template
MIN_LENGTH = 14  # characters of a template with letters (the Netherlands' 4!a10!n is the shortest such BBAN)
MIN_DIGITS = 17  # characters of a template of digits only: E.164 numbers without "+" hold up to 15 digits
CARD_LENGTHS = (16, 19)  # digits of card numbers (ISO/IEC 7812): drawn ones are cards failing Luhn, or references
IBAN_SHARE = 0.5  # of the values that are whole IBANs (a country code and check digits): the IBAN detector's
LEADING = 3  # digits after the letters whose spread tells drawn numbers from clocks and counters
LEADING_SPREAD = 0.3  # distinct leading digit groups per value (capped at 100 values)
CODED_VALUES = 30  # values needed to tell a few codes and drawn digits from a clock (per code: its first digit)
CODE_DIGITS = 3  # a place of the codes holds this many digits or fewer
# A bank's or an account type's code has five digits or more (Russia's balance account, Germany's bank code,
# Portugal's bank and branch); parcel numbers open with a service code of two to four (9400, then drawn digits).
ACCOUNT_CODE = 5
MAX_CODES = 4  # distinct codes (banks, account types) opening the values
DRAWN_DIGITS = 8  # drawn digits after the codes
DATED_SHARE = 0.7  # values opening with a year or a date (timestamps and dated serials written as digits)
LUHN_SHARE = 0.5  # random digits pass Luhn one time in ten; cards and IMEIs always
GTIN_SHARE = 0.5  # random digits pass the GTIN check one time in ten; barcodes always
PERSONAL_SHARE = 0.6  # random digits pass one of the personal-number checks up to one time in four
DISTINCT_SHARE = 0.9  # of the template's rows that must be distinct values
STRENGTH = 0.75  # one registry structure, drawn: a verdict at low confidence
NAMED_STRENGTH = 0.82  # ... and an account word in the column name
CHANCE = 0.3  # not distinctive: a name pointing to another type wins

_SEPARATORS = re.compile(r"[ -]")
_STRUCTURE = re.compile(r"(\d+)!([nac])")
_CLASS = {"n": "n", "a": "a", "c": "na"}  # a registry part's character classes: digits, capitals, either


@cache
def bban_structures() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every country's BBAN structure from the IBAN registry that python-stdnum ships, as the country code and the
    character classes allowed at each position (``"n"`` digit, ``"a"`` capital, ``"na"`` either).

    >>> dict(bban_structures())["NL"][:5]
    ('a', 'a', 'a', 'a', 'n')
    >>> len(dict(bban_structures())["PT"])
    21
    """
    from importlib.resources import files

    out = []
    for line in files("stdnum").joinpath("iban.dat").read_text(encoding="utf-8").splitlines():
        found = re.search(r'bban="([^"]+)"', line)
        if line.startswith("#") or not found:
            continue
        classes = tuple(_CLASS[kind] for count, kind in _STRUCTURE.findall(found.group(1)) for _ in range(int(count)))
        out.append((line[:2], classes))
    return tuple(out)


def _shape(value: str) -> str | None:
    """The value's character template (``n`` a digit, ``a`` a capital) with spaces and hyphens removed, or None
    when it holds anything else (lower case, other scripts, punctuation)."""
    compact = _SEPARATORS.sub("", value.strip())
    if not compact.isascii() or not compact.isalnum() or any(c.islower() for c in compact):
        return None
    return "".join("n" if c.isdigit() else "a" for c in compact)


def fitting_countries(shape: str, check_digits_before: bool = True) -> tuple[str, ...]:
    """The countries whose BBAN structure admits a character template (``n`` digits, ``a`` capitals).

    >>> fitting_countries("a" * 4 + "n" * 14)
    ('GB', 'IE', 'BG', 'BH')
    >>> fitting_countries("n" * 26)  # the IBAN's two check digits and a 24-digit BBAN, as Poland writes accounts
    ('HU', 'PL', 'DO', 'AL', 'CY', 'BY', 'LB', 'GT')
    >>> fitting_countries("n" * 10)
    ()
    """
    fits = [cc for cc, classes in bban_structures() if len(classes) == len(shape)
            and all(c in allowed for c, allowed in zip(shape, classes, strict=True))]
    if not fits and check_digits_before and len(shape) > 2 and set(shape) == {"n"}:
        # Some countries write the domestic number with the IBAN's check digits before the BBAN.
        return fitting_countries(shape[2:], check_digits_before=False)
    # Structures with letters at fixed places first: they say more than "either" places do.
    return tuple(sorted(fits, key=lambda cc: -sum(len(x) == 1 for x in dict(bban_structures())[cc])))


_DATE_AT = re.compile(r"(?=((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))")


def _date_inside(compact: Sequence[str]) -> float:
    """The largest share of the values holding a date (YYYYMMDD) at one place: identity numbers with a birth date
    inside (an 18-digit Chinese resident id), dated serials and timestamps. Random digits hold one at a given place
    about one time in two hundred."""
    at: Counter[int] = Counter()
    for c in compact:
        at.update({m.start() for m in _DATE_AT.finditer(c)})
    return max(at.values(), default=0) / max(1, len(compact))


def codes_then_drawn(numbers: Sequence[str], min_code: int = 1) -> bool:
    """Whether digit strings of one length open with one of a few codes (a bank's, an account type's and a
    currency's: ``40817810`` in Russia) and continue with drawn digits: every later place holds all ten digits
    about evenly, also within each code (a clock's or a counter's consecutive leads split one digit range
    between them: ``171`` then 5-9, ``172`` then 0-4). The codes hold ``min_code`` digits or more.

    >>> import random
    >>> r = random.Random(8)
    >>> codes_then_drawn([r.choice(["40817810", "42301810"]) + "%012d" % r.randint(0, 10**12 - 1) for _ in range(200)])
    True
    >>> codes_then_drawn([str(1_715_000_000_000_000 + r.randint(0, 10**16)) for _ in range(200)])  # a clock
    False
    """
    if len(numbers) < CODED_VALUES or len({len(x) for x in numbers}) != 1 or not all(x.isdigit() for x in numbers):
        return False
    width, n = len(numbers[0]), len(numbers)
    head = 0
    while head < width and len({x[head] for x in numbers}) <= CODE_DIGITS:
        head += 1
    codes = Counter(x[:head] for x in numbers)
    if head < max(1, min_code) or len(codes) > MAX_CODES or width - head < DRAWN_DIGITS:
        return False
    # Drawn: nearly every digit at every later place (a hundred draws miss one digit a time in four thousand; fifty,
    # one time in two hundred), none far above its tenth.
    seen = 10 if n >= 100 else 8
    for i in range(head, width):
        at = Counter(x[i] for x in numbers)
        if len(at) < seen or max(at.values()) > 2 * n / 10 + 3:
            return False
    return all(len({x[head] for x in numbers if x.startswith(code)}) >= 7 for code, count in codes.items()
               if count >= CODED_VALUES)


def not_bban(values: Sequence[str]) -> str | None:
    """Why values of one character template are not account numbers (a statistic, never a value), or None.

    ``values`` are a column's distinct values of one template.

    >>> not_bban(["ABCD%014d" % i for i in range(40)])
    'not drawn: 1 distinct leading digit groups'
    """
    from stdnum import iban

    from maskline.classify.check_digits import check_digit_refutation, opening_date

    if len(values) < MIN_VALUES:
        return "too few values"
    compact = [_SEPARATORS.sub("", v.strip()) for v in values]
    ibans = sum(c[:2].isalpha() and iban.is_valid(c) for c in compact) / len(compact)
    if ibans >= IBAN_SHARE:
        return f"IBANs: {ibans:.0%} hold a country code and IBAN check digits"
    bodies = [c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for c in compact]
    digits = [b for b in bodies if b[:LEADING].isdigit()]
    leading = {b[:LEADING] for b in digits}
    if len(leading) < LEADING_SPREAD * min(len(values), 100) and not codes_then_drawn(compact, ACCOUNT_CODE):
        return f"not drawn: {len(leading)} distinct leading digit groups"
    dated = sum(opening_date(b[:4]) or opening_date(b[:6]) for b in digits) / len(values)
    if dated >= DATED_SHARE:
        return f"dated: {dated:.0%} open with a year or a date"
    inside = _date_inside(compact)
    if inside >= DATED_SHARE:
        return f"dated: {inside:.0%} hold a date (YYYYMMDD) at one place"
    numbers = [c for c in compact if c.isdigit()]
    return check_digit_refutation(numbers, luhn_share=LUHN_SHARE, gtin_share=GTIN_SHARE, personal_share=PERSONAL_SHARE,
                                  gs1=True)


def _iban_shaped(values: Sequence[str], weights: Sequence[float], n: float) -> bool:
    """Whether most values have a whole IBAN's structure (country, length, BBAN layout), whatever their check."""
    from maskline.infotypes.failed_checks import iban_shape

    return sum(w for v, w in zip(values, weights, strict=True) if iban_shape(v)) >= 0.5 * n


def bban_evidence(values: Sequence[str], weights: Sequence[float], n: float, name: str = "") -> list[Any]:
    """BANK_ACCOUNT evidence for a text column most of whose values follow one character template that a
    country's BBAN structure admits and :func:`not_bban` does not refute, or ``[]``. ``values`` and ``weights``
    are the column's distinct values (placeholders removed) and their counts, ``n`` their total.

    >>> import random
    >>> r = random.Random(6)
    >>> pt = ["%021d" % r.randint(0, 10**21 - 1) for _ in range(50)]
    >>> bban_evidence(pt, [1.0] * 50, 50.0)[0].detector
    'bban-structure'
    >>> bban_evidence(["%013d" % r.randint(0, 10**13 - 1) for _ in range(50)], [1.0] * 50, 50.0)  # too short
    []
    """
    from maskline.classify.template_evidence import TemplateSpec, template_evidence
    from maskline.infotypes.name_hints import hint_score, names_measure_or_key

    # A name saying the column holds keys of records (trace_id, operation_ref) explains long drawn digits as well
    # as an account does, unless it names an account too.
    if not n or names_measure_or_key(name) and "BANK_ACCOUNT" not in dict(hint_score(name)):
        return []
    templates: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        shape = _shape(v)
        if shape and (len(shape) >= MIN_LENGTH if "a" in shape else
                      len(shape) >= MIN_DIGITS and len(shape) not in CARD_LENGTHS):
            templates.setdefault(shape, []).append(i)
    if not templates:
        return []
    shape, chosen = max(templates.items(), key=lambda kv: sum(weights[i] for i in kv[1]))
    if not fitting_countries(shape):
        return []
    # A name saying IBAN over values with an IBAN's structure whose check digits fail: the IBAN detector's
    # (``iban-shape``, maskline.infotypes.failed_checks), not a domestic account read inside them. Read last: the
    # name's hints and the IBAN check cost, and few columns get this far.
    if name and "IBAN" in dict(hint_score(name)) and _iban_shaped(values, weights, n):
        return []
    spec = TemplateSpec("BANK_ACCOUNT", "bban-structure", STRENGTH, NAMED_STRENGTH, CHANCE, MIN_SHARE,
                        DISTINCT_SHARE)
    return template_evidence(spec, values, weights, n, chosen, not_bban, name)

