"""The shape of a column's values, as value-free facts the fail-closed decision reads.

The classifier says which info type a column holds. Whether a column with *no*
info type may pass raw needs a second question answered: do its values have a
shape that is known not to carry PII (numbers, timestamps, booleans, a small set
of repeated labels, random ids), and does anything about them still suggest a
code, a coordinate, a card number or a date of birth? This module answers it
from a sample of distinct values and keeps only the answer (a kind and the
suspicions), never a value.

>>> from maskline.classify.values import as_column_values
>>> shape_of(as_column_values(["12.50", "3.10", "100"] * 10)).kind
'numeric'
>>> shape_of(as_column_values(["01234", "80331", "10115"] * 10)).suspicions
('fixed-width code', 'leading zeros', 'digits stored as text')
>>> shape_of(as_column_values([1234, 80331, 10115] * 10)).suspicions  # numbers stored as numbers
()
>>> shape_of(as_column_values(["Ana Lima", "Bo Chen", "Cy Ode"])).kind
'text'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

PROBE = 512  # distinct values inspected; shapes are decided on a share, so a sample is enough
SHARE = 0.98  # share of values that must fit a shape for the column to have it
CATEGORICAL_MAX = 20  # distinct labels a categorical column may have
CATEGORICAL_REPEAT = 5  # and each repeated this often on average

_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")
# ``0x`` and at most 64 hex digits (a SHA-256 or Keccak digest) with a letter among them, or at most eight digits (six
# after eight zeros or more): ``0x4111111111111111`` (a card's digits behind ``0x``) is no hex id, and a column of
# them no id column (maskline.sql.shape_guard holds every row of a passed one to the same form).
_HEX_ID = re.compile(r"0[xX](?=[0-9a-fA-F]{1,64}$)([0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*|[0-9]{1,8}|0{8,}[0-9]{1,6})")
_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")
# A second's fraction has at most nine digits (nanoseconds): more is no time's, and a card's digits could hide there.
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?")
_BOOLEAN = frozenset({"true", "false", "t", "f", "yes", "no", "y", "n", "0", "1"})
_DIGITS = re.compile(r"\d+")
# What a label is written with (letters and digits of any script, spaces, and the punctuation of names of things:
# "Gold (EU)", "C#", "10:00-12:00", "50%"). A repeated value with anything else (=, ;, braces, brackets, quotes,
# @, ?, |) is a record or an address, not a label: "owner=Ann Lee;team=ops" or '{"owner": "Ann Lee"}' repeated
# twenty times is not categorical, whatever it holds.
_LABEL = re.compile(r"[\w\s.,:/'()&+#%*!-]+")


@dataclass(frozen=True)
class ValueShape:
    """What a column's values look like: ``kind`` and what about them suggests PII anyway.

    ``kind``: ``numeric``, ``temporal``, ``boolean``, ``identifier`` (UUIDs, ``0x`` hex),
    ``categorical`` (a few repeated labels), ``text`` (anything else), ``nested``, ``binary``
    or ``empty``. ``suspicions`` name what the values suggest (``fixed-width code``,
    ``card-length number``, ``coordinate``, ``date-like number``,
    ``check-digit number``, ``numbers of one plan's width``, and from :mod:`maskline.classify.coded_numbers`
    ``numbers behind one calling code``, ``digits stored as text``, ``long digit string``).
    For text, ``facts`` and ``vocabulary`` (:mod:`maskline.classify.text_facts`) say what
    vouches for it; for numbers, ``facts`` say whether they are as wide as accounts
    (:data:`maskline.classify.coded_numbers.WIDE_INTEGERS`).

    >>> ValueShape("numeric").quiet
    True
    """

    kind: str
    suspicions: tuple[str, ...] = ()
    # For text: structural facts that vouch for it holding nothing personal (maskline.classify.text_facts); for
    # numbers: whole numbers as wide as accounts (maskline.classify.coded_numbers.WIDE_INTEGERS), which the decision
    # reads with the column's name.
    facts: tuple[str, ...] = ()
    # For text: the closed public vocabulary every value belongs to (time zones, countries...), or None.
    vocabulary: str | None = None
    # For numbers and text: the most digits any sampled value has (``-1234.56``: 6), which bounds the digits every row
    # of a column passed for its numbers or money amounts may have (maskline.sql.kind_shapes.bounded_shape); None when
    # not recorded. A width, never a value.
    width: int | None = None

    @property
    def quiet(self) -> bool:
        """Whether nothing about the values suggests PII."""
        return not self.suspicions


def _numeric_suspicions(values: list[str], kind: str | None = None, sql_type: str | None = None) -> tuple[str, ...]:
    from maskline.classify.coded_numbers import calling_code_numbers, text_stored_digits

    out: list[str] = []
    digits = [v.lstrip("+-") for v in values if _DIGITS.fullmatch(v.lstrip("+-"))]
    if digits and len(digits) >= 0.9 * len(values):
        widths = [len(d) for d in digits]
        common = max(set(widths), key=widths.count)
        ints = sorted({int(d) for d in digits})
        dense = len(ints) >= 20 and ints[-1] - ints[0] + 1 <= 2 * len(ints)  # a run of ids 1000..1059
        if 4 <= common <= 6 and widths.count(common) >= 0.95 * len(widths) and not dense:
            out.append("fixed-width code")  # postal codes, area codes, PINs
        if any(d.startswith("0") and len(d) > 1 for d in digits):
            out.append("leading zeros")  # a code, not a quantity
        if sum(13 <= w <= 19 for w in widths) >= 0.5 * len(widths):
            out.append("card-length number")
        if sum(w > 19 for w in widths) >= 0.5 * len(widths):
            out.append("long digit string")  # beyond any integer type and any quantity's precision: an account
        if not dense and calling_code_numbers(digits):
            out.append("numbers behind one calling code")  # phones stored as integers, E.164 without the +
        if not dense and text_stored_digits(kind, sql_type, digits):
            out.append("digits stored as text")  # a typed store keeps quantities as numbers
        if sum(w == 8 and d[:2] in ("19", "20") for w, d in zip(widths, digits, strict=True)) >= 0.9 * len(widths):
            out.append("date-like number")
        from maskline.classify.checked_numbers import checked_digit_strings

        if checked_digit_strings(digits):  # no amount or count carries one: a registry's numbers
            out.append("check-digit number")
    if planned_width_numbers(values):
        out.append("numbers of one plan's width")
    decimals = [v for v in values if "." in v and not _HEX_ID.fullmatch(v)]
    if decimals and len(decimals) >= 0.9 * len(values):
        try:
            numbers = [float(v) for v in decimals]
        except ValueError:
            numbers = []
        places = [len(v.rsplit(".", 1)[1]) for v in decimals]
        if numbers and all(-180 <= x <= 180 for x in numbers) and sum(p >= 4 for p in places) >= 0.9 * len(places) \
                and not unit_interval(numbers):
            out.append("coordinate")
    return tuple(out)


# Digits of one width between the codes (4 to 6) and card lengths (13 to 19) whose leading digits keep to a few, as
# a numbering plan's do: local and national phone numbers (seven digits in Iceland, eight in Norway, nine or ten
# once the trunk zero is lost), numbers behind one area code. Record numbers drawn from a width's whole range and
# quantities spread over magnitudes open with every digit, and pass (tests/classify/test_coded_numbers.py).
ID_WIDTHS = range(7, 13)
ID_WIDTH_SHARE = 0.95  # share of the whole numbers that must have the common width
PLAN_CHANCE = 0.01  # chance that numbers drawn over the width's range open with so few distinct digits
_WHOLE_FLOAT = re.compile(r"(\d+)\.0+")


def planned_width_numbers(values: list[str]) -> bool:
    """Whether a column's distinct numbers are whole numbers of one width from seven to twelve digits that open with
    fewer distinct digits than numbers drawn over the width's range could (chance under :data:`PLAN_CHANCE`), and
    are not a dense run of ids: the shape of a country's phone numbers stored as numbers, which nothing else in the
    values tells from some record numbers, so the column is not confidently safe (masked, not typed).

    The chance that ``k`` numbers, each opening with one of nine digits, open with no more than ``d`` distinct
    ones is at most ``C(9, d) * (d / 9) ** k``. A float that stores a whole number (``8090668968.0``: a phone whose
    zero a spreadsheet dropped) counts as its digits.

    >>> planned_width_numbers(["6934567", "8688089", "6597436", "7654839", "8623311", "6611234", "7790012",
    ...                        "8245567", "6902345", "7745123", "8812398"])  # seven-digit phones: 6, 7 and 8
    True
    >>> planned_width_numbers(["8090668968.0", "8024862807.0", "8057866880.0", "8096542925.0", "8084416889.0",
    ...                        "8033197204.0", "8061234987.0"])  # mobiles that lost their trunk zero
    True
    >>> rng = __import__("random").Random(5)
    >>> planned_width_numbers([str(rng.randrange(10**7, 10**8)) for _ in range(40)])  # record numbers
    False
    >>> planned_width_numbers(["61500", "1250000", "830000", "47000000", "2300"])  # amounts over decades
    False
    >>> planned_width_numbers([str(1000000 + i) for i in range(40)])  # a run of row ids
    False
    """
    import math

    whole: list[str] = []
    for v in values:
        bare = v.lstrip("+-")
        m = _WHOLE_FLOAT.fullmatch(bare)
        if m or _DIGITS.fullmatch(bare):
            whole.append((m.group(1) if m else bare).lstrip("0") or "0")
    if not whole or len(whole) < 0.9 * len(values):
        return False
    widths = [len(d) for d in whole]
    common = max(set(widths), key=widths.count)
    if common not in ID_WIDTHS or widths.count(common) < ID_WIDTH_SHARE * len(widths):
        return False
    ints = sorted({int(d) for d in whole})
    if len(ints) >= 20 and ints[-1] - ints[0] + 1 <= 2 * len(ints):
        return False
    first = [d[0] for d in whole if len(d) == common]
    opened = len(set(first))
    return opened < 9 and math.comb(9, opened) * (opened / 9) ** len(first) <= PLAN_CHANCE


# How much of [0, 1] a column's numbers must cover to read as scores rather than places near 0°N 0°E.
UNIT_SPREAD = 0.75


def unit_interval(numbers: list[float]) -> bool:
    """Whether every number lies in [0, 1] and they spread over at least :data:`UNIT_SPREAD` of it.

    Scores, probabilities and shares fill the unit interval; coordinates of real places do not stay in it for
    every row (a latitude band 111 km wide on the equator, or a meridian strip through the Gulf of Guinea). A
    town's coordinates that happen to lie in it (Kampala's latitude, 0.31 to 0.35) do not spread over it.

    >>> unit_interval([0.0132, 0.5, 0.9876]), unit_interval([0.3136, 0.3476, 0.3321]), unit_interval([-0.2, 0.9])
    (True, False, False)
    """
    return bool(numbers) and min(numbers) >= 0 and max(numbers) <= 1 and max(numbers) - min(numbers) >= UNIT_SPREAD


def _share(values: list[str], test: Any) -> float:
    return sum(1 for v in values if test(v)) / len(values)


def shape_of(col: Any, sql_type: str | None = None) -> ValueShape:
    """The shape of a :class:`~maskline.classify.values.ColumnValues` (distinct text forms and their counts);
    ``sql_type`` is the type the column is stored with, when known (a CSV file's sniffed type, an engine's type).

    >>> from maskline.classify.values import as_column_values
    >>> shape_of(as_column_values(["active", "closed"] * 20)).kind
    'categorical'
    >>> shape_of(as_column_values(["owner=Ann Lee;team=ops", "owner=Bo Li;team=hr"] * 20)).kind
    'text'
    >>> shape_of(as_column_values([48.1374, 11.5755] * 5)).suspicions
    ('coordinate',)
    >>> shape_of(as_column_values([True, False])).kind, shape_of(as_column_values([None])).kind
    ('boolean', 'empty')
    """
    if col.total <= col.nulls:  # no value sampled (no rows, or only NULLs): its type vouches for nothing
        return ValueShape("empty")
    if col.kind in ("bool", "binary", "nested"):
        return ValueShape({"bool": "boolean"}.get(col.kind, col.kind))
    if col.kind == "date":
        return ValueShape("temporal")
    distinct = [v for v in col.values if v]
    if not distinct:
        return ValueShape("empty")
    return _text_shape(col.kind, distinct, sum(c for v, c in zip(col.values, col.counts, strict=True) if v), sql_type)


def _widest(distinct: list[str], any_text: bool = False) -> int:
    """The most digits of any number among ``distinct``, or of any value with ``any_text`` (every one, not the
    probe: the bound is on every row).

    >>> _widest(["12.50", "-1234.56", "n/a"]), _widest(["€1.234,50", "n/a"], any_text=True)
    (6, 6)
    """
    return max((sum(c in "0123456789" for c in v) for v in distinct if any_text or _NUMBER.fullmatch(v.strip())),
               default=0)


def _text_shape(kind: str | None, distinct: list[str], n: int, sql_type: str | None = None) -> ValueShape:
    """The shape from a column's distinct non-empty text forms (``n`` values in all)."""
    from maskline.classify.text_facts import text_facts, vocabulary_of

    probe = distinct[:PROBE]
    if kind in ("integer", "float") or _share(probe, _NUMBER.fullmatch) >= SHARE:
        from maskline.classify.coded_numbers import WIDE_INTEGERS, wide_integers

        # A fact, not a suspicion: whole numbers as wide as accounts are masked only under a name that says nothing
        # of them (maskline.classify.decision), the name being the one thing that tells accounts from order ids.
        from maskline.classify.record_keys import ROW_KEYS, row_keys

        # A dense run of small whole numbers is keys: the decision passes it under a name that keys a record of a
        # sensitive kind (address_id), where the name alone would mask it (maskline.classify.record_keys).
        facts = (WIDE_INTEGERS,) if wide_integers(probe) else (ROW_KEYS,) if row_keys(probe) else ()
        return ValueShape("numeric", _numeric_suspicions(probe, kind, sql_type), facts=facts, width=_widest(distinct))
    if _share(probe, _ISO_TIME.fullmatch) >= SHARE:
        return ValueShape("temporal")
    if _share(probe, lambda v: v.lower() in _BOOLEAN) >= SHARE:
        return ValueShape("boolean")
    if _share(probe, lambda v: bool(_UUID.fullmatch(v) or _HEX_ID.fullmatch(v))) >= SHARE:
        return ValueShape("identifier")
    kind = "categorical" if len(distinct) <= CATEGORICAL_MAX and n >= CATEGORICAL_REPEAT * len(distinct) else "text"
    vocabulary = vocabulary_of(distinct)  # a closed vocabulary is all there is to say: no other fact is read
    if kind == "categorical" and not vocabulary and not all(_LABEL.fullmatch(v) for v in distinct):
        kind = "text"  # records repeated are still records: they need the evidence any text needs to pass
    if vocabulary:
        return ValueShape(kind, vocabulary=vocabulary)
    # a width for text too: money amounts written with their currency (``€1.234,50``) are text, held to it
    return ValueShape(kind, facts=text_facts(distinct, n), width=_widest(distinct, any_text=True))
