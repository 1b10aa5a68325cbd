"""Numbers that are codes, not quantities, told from their digits alone: what the fail-closed decision must mask.

A column of bare numbers with no info type passes raw when nothing about it suggests a code
(:mod:`maskline.classify.shape`). The classifier leaves such a column untyped when it cannot say *which* code it
holds: a Hungarian phone stored as ``3613949534`` beside ``36155865887`` fits no single numbering plan well enough
to be called PHONE. Untyped is right; *confidently safe* is not. Two facts say a column of numbers holds codes
whatever they are, and each makes it "not quiet" (masked by default):

- **one calling code before long numbers** (:func:`calling_code_numbers`): nearly every value, 8 to 15 digits,
  opens with the same country calling code and is a possible international number behind it. Amounts, counts and
  measurements spread over their leading digits (Benford), and random ids of one length open with one calling
  code about one time in nine at most (one-digit codes ``1`` and ``7``); a block of ids that all open with one is
  masked too, which is the fail-closed side of the doubt;
- **digits stored as text** (:func:`text_stored_digits`): a store that types its columns (a DataFrame, Parquet, a
  database) keeps a quantity as a number; digit strings of five or more digits kept as text are record numbers,
  accounts, phones, postal codes. A CSV file's values are all text, so its sniffed type decides there: a column
  the sniffer reads as ``BIGINT`` is a number.

A third fact is no suspicion by itself: **whole numbers as wide as accounts** (:func:`wide_integers`, the shape's
:data:`WIDE_INTEGERS` fact), many distinct numbers of 6 to 17 digits, the widths of bank accounts, cards, phones,
national ids and passports stored as numbers, as well as of order ids, tracking numbers and amounts. Only the
column's name tells them apart, so the decision masks such a column when its name gives no evidence (``c3``,
``fld_k``: :func:`maskline.infotypes.worded_names.opaque_name`) and passes it as before under a name that says
what it holds (``amount``, ``order_id``, ``tracking_number``).

All three read only the digit strings the shape probe already holds; neither keeps a value.

>>> import random
>>> rng = random.Random(7)
>>> hungarian = ["36" + str(rng.randrange(10**7, 10**9)) for _ in range(40)]
>>> calling_code_numbers(hungarian)
'36'
>>> calling_code_numbers([str(rng.randrange(10**10, 10**11)) for _ in range(40)]) is None  # random ids
True
>>> text_stored_digits("string", None, ["24742045", "42434913", "21538971"])
True
>>> text_stored_digits("string", "BIGINT", ["24742045", "42434913", "21538971"])  # a CSV column sniffed as numbers
False
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_WIDTH = 8  # shorter runs behind a calling code are not international numbers (E.164's shortest are 8 digits)
MAX_WIDTH = 15  # E.164's longest
MIN_VALUES = 12  # distinct runs, at least: fewer say nothing about a column
CODE_SHARE = 0.8  # of the runs that must open with one calling code and be possible numbers behind it
TEXT_MIN_WIDTH = 5  # narrower digit strings stored as text are counts and small numbers as often as codes
# The shape's fact for whole numbers as wide as accounts (read by the decision with the column's name).
WIDE_INTEGERS = "integers as wide as account numbers"
WIDE_MIN_WIDTH = 6  # Fiftyville's 8-digit accounts, 9-10-digit national numbers, 15-16-digit cards; 5 digits and
WIDE_MAX_WIDTH = 17  # fewer are postal codes and counts (their own rules); 18+ digits are card-length or longer strings
WIDE_SHARE = 0.9  # of a column's distinct whole numbers that must have such a width


def calling_code_numbers(digits: Sequence[str]) -> str | None:
    """The calling code nearly all of a column's long digit runs open with, as possible international numbers
    (phonenumbers metadata), or None.

    >>> calling_code_numbers(["7999" + str(1000000 + 7919 * i) for i in range(30)])
    '7'
    >>> calling_code_numbers([str(10**8 + 7919 * i * i) for i in range(30)]) is None  # amounts over magnitudes
    True
    """
    from maskline.infotypes.phone_plans import calling_codes, possible_number

    runs = [d for d in digits if MIN_WIDTH <= len(d) <= MAX_WIDTH]
    if len(runs) < MIN_VALUES or len(runs) < CODE_SHARE * len(digits):
        return None
    codes = calling_codes(runs)
    code, opening = codes.most_common(1)[0]
    if code is None or opening < CODE_SHARE * len(runs):
        return None
    possible = sum(1 for d in runs if d.startswith(code) and possible_number(d, None))
    return code if possible >= CODE_SHARE * len(runs) else None


def wide_integers(values: Sequence[str]) -> bool:
    """Whether a column's distinct number forms (``values``) are whole numbers, at least :data:`MIN_VALUES` of
    them and :data:`WIDE_SHARE` of all, of :data:`WIDE_MIN_WIDTH` to :data:`WIDE_MAX_WIDTH` digits without a sign:
    the widths of account, card, phone, national-id and passport numbers stored as numbers. A float that stores a
    whole number (``52833142.0``: an integer column with NULLs, read through pandas) counts as its digits; a value
    with a minus sign is a quantity, never an account. A dense run of numbers is a row counter, not accounts.

    Many distinct values are asked, not mostly distinct ones: a transaction log repeats each account on every one
    of its rows (Fiftyville's ATM log: 137 accounts over 1,332 rows, 10% distinct).

    >>> import random
    >>> rng = random.Random(3)
    >>> wide_integers([str(rng.randrange(10**7, 10**8)) for _ in range(40)])  # 8-digit accounts
    True
    >>> wide_integers([str(rng.randrange(10**7, 10**8)) + ".0" for _ in range(40)])  # the same, with NULLs
    True
    >>> wide_integers([str(rng.randrange(1, 10**4)) for _ in range(40)])  # counts
    False
    >>> wide_integers(["12.50", "3.10", "100"] * 10), wide_integers(["52833142", "50665819"])  # amounts; too few
    (False, False)
    >>> wide_integers([str(100001 + i) for i in range(40)])  # a run of row ids
    False
    """
    whole: list[str] = []
    for v in values:
        digits = v[1:] if v.startswith("+") else v
        if digits.endswith(".0"):
            digits = digits[:-2]
        if digits.isdigit() and digits.isascii():
            whole.append(digits.lstrip("0") or "0")
    wide = sorted({int(d) for d in whole if WIDE_MIN_WIDTH <= len(d) <= WIDE_MAX_WIDTH})
    if len(wide) < MIN_VALUES or len(wide) < WIDE_SHARE * len(values):
        return False
    # A dense run (100001..100400) is a table's row counter, as the calling-code and text-digit rules read it.
    return wide[-1] - wide[0] + 1 > 2 * len(wide)


def stored_as_text(kind: str | None, sql_type: str | None) -> bool:
    """Whether a column's values were stored as text: its SQL or Arrow type says so, or, with no type known (Python
    rows), its values are strings.

    >>> stored_as_text("string", "character varying(20)"), stored_as_text("string", "BIGINT")
    (True, False)
    >>> stored_as_text("string", None), stored_as_text("integer", None)
    (True, False)
    """
    from maskline.type_names import text_type

    stored = text_type(sql_type)
    return kind == "string" if stored is None else stored


def text_stored_digits(kind: str | None, sql_type: str | None, digits: Sequence[str]) -> bool:
    """Whether a column of digit strings (``digits``: the runs of its number-shaped values) is stored as text and
    its numbers are at least :data:`TEXT_MIN_WIDTH` digits wide at the median.

    >>> text_stored_digits("string", "VARCHAR", ["12", "7", "311"])  # small numbers kept as text
    False
    """
    if not digits or not stored_as_text(kind, sql_type):
        return False
    widths = sorted(len(d) for d in digits)
    return widths[len(widths) // 2] >= TEXT_MIN_WIDTH
