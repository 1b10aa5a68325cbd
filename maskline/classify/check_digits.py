"""Check digits that say what a column of digit strings is instead: the refutations the account and code rules share.

A column of drawn digits is read as accounts only when no other numbering explains it better. Cards and IMEIs pass
the Luhn check, barcodes and shipping codes the GS1 check, personal numbers a national id's check; random digits
pass each about one time in ten (Luhn, GS1) or up to one time in four (the personal-number checks together), so a
share above a rule's bar says the column is that other kind. The checks are python-stdnum's where it has them.

>>> luhn("4111111111111111"), gtin("4006381333931"), gs1_key("106141411234567897"), opening_date("1987")
(True, True, True, True)
>>> check_digit_refutation(["4111111111111111"] * 3, luhn_share=0.5, gtin_share=0.5, personal_share=0.6)
'card or device numbers: 100% pass the Luhn check'
"""

from __future__ import annotations

from collections.abc import Sequence

# Personal numbers people also write as digits alone or in groups (Thai 1-2345-67890-12-3, South African, Indian,
# Malaysian, Romanian, Bulgarian, Lithuanian, Slovenian, Israeli ids): python-stdnum's digit-only modules, tried
# besides the national ids maskline already validates (validators.national_id).
PERSONAL_NUMBERS = ("th.pin", "za.idnr", "in_.aadhaar", "my.nric", "ro.cnp", "bg.egn", "lt.asmens", "si.emso",
                    "il.idnr")


def luhn(digits: str) -> bool:
    """Whether the digits pass the Luhn check (cards, IMEIs). Written out: it runs on every value of a column, and
    the loop is faster than a library call per value.

    >>> luhn("79927398713"), luhn("79927398710")
    (True, False)
    """
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def gtin(digits: str) -> bool:
    """An EAN-8, UPC-A, EAN-13 or GTIN-14 whose check digit holds (python-stdnum).

    >>> gtin("4006381333931"), gtin("4006381333932")
    (True, False)
    """
    from stdnum import ean

    return len(digits) in (8, 12, 13, 14) and ean.is_valid(digits)


def gs1_key(digits: str) -> bool:
    """A GS1 key of any length whose mod-10 check digit holds: shipping containers' SSCCs (18 digits), shipment
    numbers (17), besides GTINs (python-stdnum's check-digit formula, which holds for every GS1 key).

    >>> gs1_key("106141411234567897"), gs1_key("106141411234567890")
    (True, False)
    """
    from stdnum import ean

    return len(digits) >= 8 and ean.calc_check_digit(digits[:-1]) == digits[-1]


def personal_number(digits: str) -> bool:
    """Whether the digits pass a national or personal id's check (python-stdnum).

    >>> personal_number("1234567890123")
    False
    """
    from maskline.infotypes.validators import VALIDATORS, _stdnum

    return VALIDATORS["national_id"](digits) or any(_stdnum(m)(digits) for m in PERSONAL_NUMBERS)


def opening_date(group: str) -> bool:
    """A year (1900-2099) or a six-digit date (YYMMDD or DDMMYY): what opens invoices and birth numbers.

    >>> opening_date("2024"), opening_date("871231"), opening_date("3187"), opening_date("129999")
    (True, True, False, False)
    """
    if len(group) == 4:
        return 1900 <= int(group) <= 2099
    if len(group) == 6:
        a, b, c = int(group[:2]), int(group[2:4]), int(group[4:])
        return 1 <= b <= 12 and (1 <= c <= 31 or 1 <= a <= 31)
    return False


def check_digit_refutation(numbers: Sequence[str], *, luhn_share: float, gtin_share: float, personal_share: float,
                           gs1: bool = False) -> str | None:
    """Why the digit strings are cards, barcodes or personal numbers rather than accounts (a statistic, never a
    value), or None. ``gs1`` counts GS1 keys of any length as barcodes too (SSCCs of 18 digits). Strings with a
    check character that is no digit (``811634X``) count against the shares and pass no digit check.

    >>> import random
    >>> r = random.Random(1)
    >>> check_digit_refutation([str(r.randint(10**13, 10**14 - 1)) for _ in range(50)], luhn_share=0.5,
    ...                        gtin_share=0.5, personal_share=0.6) is None
    True
    """
    if not numbers:
        return None
    digits = [d for d in numbers if d.isdigit()]
    share = sum(luhn(d) for d in digits) / len(numbers)
    if share >= luhn_share:
        return f"card or device numbers: {share:.0%} pass the Luhn check"
    share = sum(gtin(d) or gs1 and gs1_key(d) for d in digits) / len(numbers)
    if share >= gtin_share:
        return f"GS1 keys: {share:.0%} pass the GTIN check" if gs1 else \
            f"product barcodes: {share:.0%} pass the GTIN check"
    share = sum(personal_number(d) for d in numbers) / len(numbers)
    if share >= personal_share:
        return f"personal numbers: {share:.0%} pass a national id's check"
    return None
