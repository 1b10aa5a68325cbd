"""Digit strings whose check digit holds in nearly every value: numbers a registry issued, not amounts or counts.

A column of bare eight-digit numbers under an opaque name reads, by shape alone, as amounts or counts, and the
classifier called it safe at its highest NONE confidence (0.95): nothing *fit*. But a check digit is a fact about
the values, not a guess: random digits pass a check-digit scheme about one time in ten, so a column passing one in
nearly every value was issued by a system that checks its numbers when they are typed back: patients' hospital
numbers (NHS numbers, most hospitals' mod-11 numbers), personal numbers, accounts, cards. Amounts, counts, clocks
and row ids never carry one. Which registry issued them, the digits do not say, so this gives no info type: it only
says the column is not confidently safe (``uncertain``, which the fail-closed default masks).

The schemes are the common general ones (:data:`SCHEMES`): Luhn (cards, IMEIs, many personal numbers) and the two
weighted mod-11 schemes (weights rising from 2 at the right, as ISBN-10, NHS and hospital numbers use; weights
2-7 repeating, as banks' and registries' "modulus 11"), a remainder of 10 written as 0 or not at all. GS1's
mod-10 is left out on purpose: the numbers that pass it are barcodes, public codes of products.

>>> import random
>>> r = random.Random(5)
>>> def hospital(body):
...     return body + str((11 - sum(int(d) * (i + 2) for i, d in enumerate(reversed(body))) % 11) % 11 % 10)
>>> checked = [hospital(str(r.randint(10**6, 10**7 - 1))) for _ in range(60)]
>>> checked_digit_strings(checked)
'mod-11'
>>> checked_digit_strings([str(r.randint(10**7, 10**8 - 1)) for _ in range(60)]) is None  # drawn digits
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from maskline.classify.check_digits import luhn

MIN_DIGITS = 6  # narrower numbers are postal, branch and area codes, which pass a check one time in ten anyway
MAX_DIGITS = 19  # the longest card number
MIN_VALUES = 12  # distinct digit strings, at least: 12 of 12 passing by chance is 1e-12 per scheme
DIGIT_SHARE = 0.8  # of the distinct values that must be such digit strings
PASS_SHARE = 0.9  # of those that must pass one scheme (random digits: about 0.1)


def _mod11(digits: str, weights: Callable[[int], int]) -> bool:
    total = sum(int(d) * weights(i) for i, d in enumerate(reversed(digits[:-1])))
    check = (11 - total % 11) % 11
    return str(check % 10) == digits[-1]  # a remainder of 10 written as 0 (schemes that skip it never write it)


def mod11_rising(digits: str) -> bool:
    """The mod-11 check with weights 2, 3, 4 ... from the right (ISBN-10, NHS numbers, hospital numbers).

    >>> mod11_rising("9434765919"), mod11_rising("9434765918")  # an NHS number, and one digit off
    (True, False)
    """
    return _mod11(digits, lambda i: i + 2)


def mod11_cyclic(digits: str) -> bool:
    """The mod-11 check with weights 2 to 7 repeating from the right (banks' and registries' "modulus 11").

    >>> mod11_cyclic("12345674"), mod11_cyclic("12345675")
    (True, False)
    """
    return _mod11(digits, lambda i: 2 + i % 6)


SCHEMES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("luhn", luhn), ("mod-11", mod11_rising), ("mod-11 (weights 2-7)", mod11_cyclic),
)


def checked_digit_strings(values: Sequence[str]) -> str | None:
    """The check-digit scheme that nearly all of a column's distinct values pass (a scheme's name, never a value),
    or None. ``values`` are the column's distinct values (placeholders removed); spaces and dashes between digit
    groups are ignored.

    >>> checked_digit_strings([str(1000000 + i) for i in range(100)]) is None  # a counter: one in ten passes
    True
    >>> checked_digit_strings(["79927398713"] * 20) is None  # one value repeated proves nothing
    True
    """
    distinct = {v.replace(" ", "").replace("-", "") for v in values}
    digits = [d for d in distinct if MIN_DIGITS <= len(d) <= MAX_DIGITS and d.isdigit()]
    if len(digits) < MIN_VALUES or len(digits) < DIGIT_SHARE * len(distinct):
        return None
    for name, check in SCHEMES:
        failed = 0
        for d in digits:  # stop once the scheme cannot reach the share: most columns fail every scheme early
            if not check(d):
                failed += 1
                if failed > (1 - PASS_SHARE) * len(digits):
                    break
        else:
            return name
    return None
