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

Both read only the digit strings the shape probe already holds; neither keeps a value.

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
