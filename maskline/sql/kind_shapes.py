"""What every value of a column passed for a proven safe kind must look like, checked in the generated SQL.

The classifier passes a text column raw when its sample proves a safe kind (:mod:`maskline.classify.safe_kinds`:
money amounts, event times, ISBNs, versions, routing and product numbers; :mod:`maskline.classify.named_kinds`:
counts, flags, status words, HTTP statuses, measurements, years). That is a claim about every row, checked on the
sample only: row 30,001 of an ``order_status`` column can hold an e-mail address. :mod:`maskline.sql.shape_guard`
keeps the claim on every row with the patterns and word lists here, keyed by the kind's stored name, and masks any
other value as unclassified (``redact``).

- :data:`KIND_PATTERNS`: the kind's values as anchored POSIX patterns every engine's regular expressions read
  (``[0-9]``, no ``\\d``, no ``(?:``, no character classes such as ``[[:space:]]``, which Java's lack). A pattern
  is the kind's written form only: the checks over a whole column (a check digit, a spread of cents, a window of
  years of events) stay the scan's, so a pattern may accept what the kind's test refuses, never the reverse for
  the forms the test accepts.
- :data:`KIND_WORDS`: kinds that are a fixed vocabulary (flags, workflow states, registered HTTP statuses), as the
  lower-cased words a value must equal. The words are the allow-lists of :mod:`maskline.classify.named_kinds`, public
  and fixed in the code: no value from a scanned column is carried into a plan.
- :data:`VOCABULARY_SHAPES`: the closed public vocabularies small enough to list in a query (IANA time zones, ISO
  4217 currencies, HTTP methods and phrases, CSS colours and hex colours), as membership in the vocabulary's
  shipped list (:mod:`maskline.infotypes.vocabularies`, read on first use), never the sample's labels. Countries,
  language tags and media types (tens of thousands of names) are not listed: a column passed for them is still
  judged on its sample.
- :data:`PLACEHOLDERS`: the few placeholders (``N/A``, ``-``, the empty string) that pass beside any kind's values,
  as themselves, compared lower-cased. The scan drops placeholders before it proves a kind; this allow-list is
  smaller than the scan's, so a placeholder it leaves out is masked (fail closed).

>>> import re
>>> bool(re.fullmatch(KIND_PATTERNS["measurements"], "12.5 kg")), bool(re.fullmatch(KIND_PATTERNS["counts"], "a@b.c"))
(True, False)
>>> "shipped" in KIND_WORDS["status_words"], "n/a" in PLACEHOLDERS
(True, True)
"""

from __future__ import annotations

from http import HTTPStatus

from maskline.classify.named_kinds import FLAG_VALUES, MEASURE_UNITS, STATUS_VOCABULARY

# A space as exports write it between a number and its unit or currency: ASCII, no-break, narrow no-break.
_SPACE = "[ \u00a0\u202f]"
_CURRENCY = "([€$£¥₽₹₺₩₪₴₦฿₫¢]|[A-Z]{3}|kr|Ft|zł|Kč|lei|R[$]|Fr[.])"
_UNIT = "(" + "|".join(MEASURE_UNITS) + ")"  # none holds a regex metacharacter (tests/core/test_kind_held.py)
_LABELS = ("alpha", "beta", "rc", "dev", "pre", "preview", "snapshot", "post", "b", "a")
_LABEL = "(" + "|".join(sorted({f(w) for w in _LABELS for f in (str.lower, str.upper, str.capitalize)})) + ")"
_PART = "(0|[1-9][0-9]{0,5})"

# The written form of each kind whose values are shaped (maskline.classify.safe_kinds / named_kinds, same names).
KIND_PATTERNS: dict[str, str] = {
    "money_amounts": (rf"^[+-]?({_CURRENCY}{_SPACE}?)?[+-]?([0-9]{{1,3}}([.,'{_SPACE[1:-1]}][0-9]{{3}})+|[0-9]+)"
                      rf"([.,][0-9]{{1,2}})?({_SPACE}?{_CURRENCY})?$"),
    # seconds, milliseconds, microseconds, nanoseconds since 1970 from 2001 on (the scan's window opens in 2000)
    "event_epochs": r"^1([0-9]{9}|[0-9]{12}|[0-9]{15}|[0-9]{18})$",
    "book_numbers": r"^(97[89](-?[0-9]){10}|[0-9]{1,5}-[0-9]{1,7}-[0-9]{1,7}-[0-9X])$",
    "versions": rf"^[vV]?{_PART}([.]{_PART}){{1,3}}([-.]?{_LABEL}[.]?[0-9]{{0,3}})?$",
    # a Federal Reserve prefix and seven digits
    "routing_numbers": r"^(0[0-9]|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2]|80)[0-9]{7}$",
    "product_numbers": r"^[0-9]{12,13}$",
    "counts": r"^(0|[1-9][0-9]{0,5})$",
    "measurements": rf"^[+-]?[0-9]{{1,7}}([.,][0-9]{{1,4}})?{_SPACE}?{_UNIT}$",
    "years": r"^(19[5-9][0-9]|20[0-9][0-9])$",
}


def _status_spellings() -> tuple[str, ...]:
    """Each workflow state as exports write it: with spaces, underscores or hyphens between its words.

    >>> "in_transit" in _status_spellings(), "in-transit" in _status_spellings()
    (True, True)
    """
    return tuple(sorted({w.replace(" ", sep) for w in STATUS_VOCABULARY for sep in (" ", "_", "-")}))


# The words of each kind that is a fixed vocabulary, lower case (compared with the value lower-cased).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "flags": tuple(sorted(FLAG_VALUES)),
    "status_words": _status_spellings(),
    "http_statuses": tuple(sorted(str(s.value) for s in HTTPStatus)),
}

# Placeholders that pass beside a kind's values as themselves (lower case): what exports write for "no value".
PLACEHOLDERS = ("", "-", "--", "\u2013", "\u2014", "?", "n/a", "na", "n.a.", "null", "none", "nil", "unknown")

# Closed public vocabularies held to membership on every row: shape name -> (vocabulary, a pattern its members may
# also have, matched on the lower-cased value, or None).
VOCABULARY_SHAPES: dict[str, tuple[str, str | None]] = {
    "vocabulary_time_zones": ("time zones", None),
    "vocabulary_currencies": ("currencies", None),
    "vocabulary_http": ("http", None),
    "vocabulary_colours": ("colours", "^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$"),
}


def vocabulary_shape(vocabulary: str | None) -> str | None:
    """The shape that holds a column passed for ``vocabulary`` to it on every row, or None when it is not listed.

    >>> vocabulary_shape("time zones"), vocabulary_shape("countries")
    ('vocabulary_time_zones', None)
    """
    return next((shape for shape, (name, _) in VOCABULARY_SHAPES.items() if name == vocabulary), None)


def vocabulary_words(shape: str) -> tuple[str, ...]:
    """The lower-cased members a value of ``shape`` (one of :data:`VOCABULARY_SHAPES`) may equal.

    >>> "europe/berlin" in vocabulary_words("vocabulary_time_zones")
    True
    """
    from maskline.infotypes.vocabularies import members

    return tuple(sorted(members(VOCABULARY_SHAPES[shape][0])))
