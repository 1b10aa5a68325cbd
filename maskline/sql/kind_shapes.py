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
  shipped list (:mod:`maskline.infotypes.vocabularies`, read on first use), never the sample's labels. Countries are
  held to the ISO 3166 codes and English names (6 kB of SQL; the 33,000 names in other languages, 630 kB, would
  pass BigQuery's and Snowflake's 1 MB statement limit with two such columns, so they are masked); language tags
  to BCP 47's simple form over the listed language and script subtags; media types to ``type/subtype``.
- :data:`LABEL_FORMS`: a column passed for a few repeated labels or for text's facts (repeated short labels,
  template ids, storage locations) is held to those facts' written form. Why not to "one of the sample's labels":
  the labels are the column's values, possibly a person's, and a plan (a view, a dbt package, lineage) is read by
  more people than the masked output; a keyed digest of them would need the scan to store value-derived data and
  every engine to compute one HMAC alike. So the form is the guard: it refuses the shapes personal data is written
  in (e-mail addresses, phone, account, card and national numbers, records) and leaves a person's name written
  like a label to the scan's check of the sample, the documented limit. Text passed for calendar dates is held to
  the dates' written forms (``calendar_dates``). Text is never passed on a NONE confidence alone: no form holds free
  text, so :mod:`maskline.classify.decision` masks it, as it masks any pass whose shape is not listed here.
- A policy's ``{pass: <shape>}`` (what ``maskline policy init`` writes for the classifier's pass) is held to the
  shape; ``{pass: true}`` is a person's decision and is not (:class:`maskline.policy.ColumnPolicy`).
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
from maskline.infotypes.validators import MONTH_PREFIXES as _MONTH_PREFIXES
from maskline.infotypes.validators import MONTH_WORDS as _MONTH_WORDS

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
    # a Federal Reserve prefix and seven digits, and the ABA check digit (KIND_CHECKS)
    "routing_numbers": r"^(0[0-9]|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2]|80)[0-9]{7}$",
    # a UPC-A (twelve digits) or EAN-13 outside GS1's restricted prefixes, as the classifier reads them (in-store and
    # company-internal numbers, coupons: read as a GTIN-13, ``2``, ``02``, ``04``, ``05``, ``98``, ``99``), and the
    # GS1 check digit (KIND_CHECKS)
    "product_numbers": r"^([0136-9][0-9]{11}|(0[0136-9]|1[0-9]|[3-8][0-9]|9[0-7])[0-9]{11})$",
    "counts": r"^(0|[1-9][0-9]{0,5})$",
    "measurements": rf"^[+-]?[0-9]{{1,7}}([.,][0-9]{{1,4}})?{_SPACE}?{_UNIT}$",
    "years": r"^(19[5-9][0-9]|20[0-9][0-9])$",
}


# The check digit each kind's values meet (maskline.sql.check_digit_sql builds it as SQL), beside its form: the
# classifier proved the kind on the sample by it (maskline.classify.safe_kinds), and a value without it is no such
# number. The form alone let an SSN written as nine digits behind a Federal Reserve prefix pass among routing numbers,
# and a 13-digit card among product numbers; each meets the check one time in ten by chance (the remainder: nothing
# in nine or thirteen digits tells them apart then).
KIND_CHECKS: dict[str, str] = {"routing_numbers": "aba", "product_numbers": "gtin"}
# Patterns a kind's values must also match: an ISBN has ten characters (nine digits and a digit or ``X``) or thirteen
# digits behind 978 or 979, whatever its hyphens. The form's groups alone took an ISBN-10 of up to twenty digits, so
# ``4111-1111111-1111111-1`` passed among book numbers.
KIND_ALSO: dict[str, str] = {"book_numbers": r"^(97[89](-?[0-9]){10}|([0-9]-?){9}[0-9X])$"}


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

# Characters a label never holds (maskline.classify.shape._LABEL refuses them: records, addresses, questions).
_NOT_LABEL = '@=;{}"|<>?'
# At most six digits in a value (a phone, an account, a card or a national number has seven or more); a label with
# more (a time slot such as ``10:00-12:00``) is masked with them: the fail-closed cost, named in the CHANGELOG.
_FEW_DIGITS = "^[^0-9]*([0-9][^0-9]*){0,6}$"

# The written forms of a calendar date, as maskline.infotypes.validators.parse_date reads them (ISO with an optional
# time and zone, day and month either way round with a four-digit year, compact, a month's name, year-month-day
# words). A month's name is written whole or by a standard abbreviation, in one of the seven languages parse_date
# reads (maskline.infotypes.validators.MONTH_WORDS): "its first three letters, then any letters" let ``21 Janet 1990``
# and ``3 Augustine 2001`` (a person's name where a month goes) pass, as parse_date reads them.
_DAY = "(0?[1-9]|[12][0-9]|3[01])"
_MONTH = "(0?[1-9]|1[0-2])"
_MONTH_NAME = ("(" + "|".join("".join(f"[{c.upper()}{c}]" for c in m)
                              for m in sorted(set(_MONTH_WORDS) | set(_MONTH_PREFIXES), key=lambda w: (-len(w), w)))
               + ")")
_CALENDAR_DATE = (
    "^ *("
    f"[0-9]{{4}}[-/.]{_MONTH}[-/.]{_DAY}([T ][0-9]{{1,2}}:[0-9]{{2}}(:[0-9]{{2}}([.][0-9]{{1,9}})?)?)? ?"
    "(Z|UTC|[+-][0-9]{2}:?[0-9]{2})?"
    f"|{_DAY}[./-]{_DAY}[./-][0-9]{{4}}"
    "|(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])"
    f"|{_DAY}[ .-]?{_MONTH_NAME}[.]?[ .-]?[0-9]{{4}}"
    f"|{_MONTH_NAME}[.]? {_DAY},? [0-9]{{4}}"
    f"|[0-9]{{4}} ?[年년] ?{_MONTH} ?[月월] ?{_DAY} ?[日일]?"
    ") *$"
)

# Text passed for facts of its values rather than a kind (maskline.classify.shape's few repeated labels,
# maskline.classify.text_facts' facts a column name agrees with), held to those facts' written form: every pattern of
# the shape must match. The sample's labels are not carried into the plan: they are what the column holds, and a
# plan is read by more people than the masked output (dbt packages, views, lineage). So the form is the guard: it
# stops the values personal data is written in by shape (e-mail addresses, phones, accounts, cards, national numbers,
# URLs with a user, records), and leaves what only a lookup tells from a label (a person's name among product
# names) to the scan, which refuted names on the sample: the documented limit.
LABEL_FORMS: dict[str, tuple[str, ...]] = {
    # text vouched as calendar dates (maskline.classify.text_facts' dates fact): the written forms
    # maskline.infotypes.validators.parse_date reads, with a day of 1-31, a month of 1-12 or a month's name, and at
    # most nine digits of a second's fraction (a card's sixteen digits cannot hide there)
    "calendar_dates": (_CALENDAR_DATE,),
    # few repeated labels (categorical): a label's characters, 64 of them at most, six digits at most
    "labels": (f"^[^{_NOT_LABEL}]{{1,64}}$", _FEW_DIGITS),
    # text vouched as repeated short labels without first names: six words at most, no digit at all
    "short_labels": (f"^ *[^ 0-9{_NOT_LABEL}]+( +[^ 0-9{_NOT_LABEL}]+){{0,5}} *$", f"^[^{_NOT_LABEL}]{{1,100}}$"),
    # text vouched as template ids: maskline.classify.text_facts._TEMPLATE, with any prefix of its form (not the
    # sample's prefix)
    "template_ids": ("^[A-Za-z]{1,4}[-_/.#]?[0-9]{3,12}$",),
    # text vouched as storage locations: maskline.classify.storage_paths' refused characters and digit runs, a
    # ``/`` with a part after it (``Ann.Smith`` is one word with a dot, no path; a Windows path's backslash is no
    # portable pattern's character, so the classifier vouches for ``/`` paths only), and a path's end that storage
    # uses: a prefix's ``/`` or a listed file extension (:func:`lowered_forms`, matched on the value lower-cased;
    # ``078-05-1120`` and ``4111.1111.1111.1111`` have the characters of a path, not its end)
    "storage_locations": ("^[^ @?#;,]+$", "^[^0-9]*([0-9]{1,8}[^0-9]+)*[0-9]{0,8}$", "^.*/[^/].*$"),
}


# Closed public vocabularies held to membership on every row: shape name -> (vocabulary, a pattern its members may
# also have, matched on the lower-cased value, or None).
VOCABULARY_SHAPES: dict[str, tuple[str, str | None]] = {
    "vocabulary_time_zones": ("time zones", None),
    "vocabulary_currencies": ("currencies", None),
    "vocabulary_http": ("http", None),
    "vocabulary_colours": ("colours", "^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$"),
    # ISO 3166 alpha-2 and alpha-3 codes and the English names (the vocabulary's first file, 6 kB of SQL): the names
    # in every other language CLDR has (33,000 of them, 630 kB, over BigQuery's and Snowflake's 1 MB statement
    # limit with two such columns) are not listed, so a row of ``Deutschland`` in a column passed for its
    # countries is masked (fail closed; a person who wants it raw writes ``{pass: true}``).
    "vocabulary_countries": ("countries", None),
    # BCP 47's simple forms (maskline.infotypes.vocabularies._LANGUAGE_TAG) with the language and script subtags
    # listed in the pattern (``en``, ``zh-Hans``, ``pt_BR``, ``es-419``): the form, not the sample's tags.
    "vocabulary_language_tags": ("language tags", None),
    # ``type/subtype`` with a registered top-level type and the subtype's characters (no ``@``, no space, no
    # parameters); the 2,261 listed types (62 kB of SQL) are not listed, the form is.
    "vocabulary_media_types": ("media types", "^(application|audio|chemical|font|image|inode|message|model|multipart"
                                              "|text|video)/[a-z0-9][a-z0-9+._-]{0,126}$"),
}
# The most digits a value of a vocabulary held by its form may have: the registered media types' most (seven, in
# ``application/vnd.iso11783-10+zip``; tests/core/test_row_guard_checks.py reads the registry). The form alone took a
# subtype of 127 characters, so ``application/4111111111111111`` passed.
VOCABULARY_DIGITS: dict[str, int] = {"vocabulary_media_types": 7}
# Vocabularies held by their form alone (their pattern, or the language tag pattern), not by a listed member.
FORM_ONLY_VOCABULARIES = frozenset({"vocabulary_language_tags", "vocabulary_media_types"})


def vocabulary_shape(vocabulary: str | None) -> str | None:
    """The shape that holds a column passed for ``vocabulary`` to it on every row, or None when it is not listed.

    >>> vocabulary_shape("time zones"), vocabulary_shape("countries"), vocabulary_shape("birds")
    ('vocabulary_time_zones', 'vocabulary_countries', None)
    """
    return next((shape for shape, (name, _) in VOCABULARY_SHAPES.items() if name == vocabulary), None)


def vocabulary_words(shape: str) -> tuple[str, ...]:
    """The lower-cased members a value of ``shape`` (one of :data:`VOCABULARY_SHAPES`) may equal.

    >>> "europe/berlin" in vocabulary_words("vocabulary_time_zones")
    True
    """
    from maskline.infotypes.vocabularies import listed_members

    if shape in FORM_ONLY_VOCABULARIES:
        return ()
    return tuple(sorted(listed_members(VOCABULARY_SHAPES[shape][0])))


def vocabulary_pattern(shape: str) -> str | None:
    """The pattern a lower-cased value of ``shape`` (one of :data:`VOCABULARY_SHAPES`) may match instead of being a
    listed member: the hex colours, the media types' form, and the language tags' form, whose language and script
    subtags are the shipped list's (``language en``, ``script latn``), written into the pattern.

    >>> import re
    >>> tag = vocabulary_pattern("vocabulary_language_tags")
    >>> [bool(re.fullmatch(tag, v)) for v in ("en", "zh-hans", "pt_br", "es-419", "ann.smith", "xq")]
    [True, True, True, True, False, False]
    """
    if shape != "vocabulary_language_tags":
        return VOCABULARY_SHAPES[shape][1]
    from maskline.infotypes.vocabularies import members

    subtags = members("language tags")
    languages = "|".join(sorted(s.split()[1] for s in subtags if s.startswith("language ")))
    scripts = "|".join(sorted(s.split()[1] for s in subtags if s.startswith("script ")))
    return f"^({languages})([-_]({scripts}))?([-_]([a-z]{{2}}|[0-9]{{3}}))?$"


def lowered_forms(shape: str) -> tuple[str, ...]:
    """The patterns a value of ``shape`` (one of :data:`LABEL_FORMS`) must also match lower-cased, built on first use
    from shipped lists: a storage location's end, a prefix's separator or a file extension that storage uses
    (:data:`maskline.classify.storage_paths.DATA_EXTENSIONS` and the media-type registry's 1,500 extensions, 7 kB of
    SQL), the same lists the classifier reads, so a column it passed keeps its every path.

    >>> import re
    >>> end = lowered_forms("storage_locations")[0]
    >>> [bool(re.fullmatch(end, v)) for v in ("raw/orders.csv", "s3://b/x/", "ann/ann.smith", "x/a.snappy.parquet")]
    [True, True, False, True]
    >>> [bool(re.fullmatch(end, v)) for v in ("x/ann.smith/", "s3://my.bucket/v1.2/a.csv", "../x/", "x/.hidden/")]
    [False, True, True, False]
    >>> lowered_forms("labels")
    ()
    """
    if shape != "storage_locations":
        return ()
    from maskline.classify.storage_paths import DATA_EXTENSIONS
    from maskline.infotypes.file_extensions import registered_extensions

    # extensions of letters and digits only: the few with punctuation (``c++``, ``json-patch``) are left out, so a
    # path to one is masked (fail closed) rather than a regex metacharacter reaching the pattern
    listed = "|".join(sorted(e for e in DATA_EXTENSIONS | registered_extensions() if e.isascii() and e.isalnum()))
    # After a scheme's host or bucket (``s3://my.bucket/``, whose dots are a domain's), every part with a dot ends in
    # a listed extension or in digits (``part-0.snappy.parquet``, ``v1.2``, ``2024.01.05``): ``x/Ann.Smith/``, a
    # directory named like a person, ended in the prefix's ``/`` and passed. The path ends in a ``/`` or a file's
    # listed extension.
    part = f"([^/.]*|[.]{{1,2}}|[^/]*[.]({listed}|[0-9]+))"
    return (f"^([a-z][a-z0-9+.-]*://[^/]*/)?/*({part}/+)*([^/]*[.]({listed}))?$",)


# A column of numbers or money amounts stored as text is held, beside the form, to the most digits its sample showed
# and one more (a tenfold growth of its widest value), rounded up to the next of these bounds: a card number (13-19
# digits), an IBAN's digits, an SSN written without dashes (9), a phone (7-15) at row 50,001 of an ``amount`` column
# whose sample held at most six digits is masked. Each bound stops the next width of personal number: 6 (local
# phones, SSNs, cards), 8 (SSNs, national phones, cards), 10 and 12 (cards, IBANs, international phones), 15 and 18
# (cards of 16 and of 19 digits). A sample with wider values (18 digits and more) is held to the form alone
# (``numeric``, ``money_amounts``): there width tells no card from the column's own values. Versions and template
# ids are bounded alike: ``4111.1111.1111.1111`` and ``192.168.10.20`` (an IP address) have a version's form, and
# ``T4155550100`` a template id's.
NUMERIC_WIDTHS = (6, 8, 10, 12, 15, 18)
# The forms bounded so: shape name -> (the form, the most digits), ``numeric_8``, ``money_amounts_12``.
WIDTH_BOUNDED = ("numeric", "money_amounts", "versions", "template_ids")
# A column passed for a few repeated labels is held to the most digits any of its sampled labels had, rounded up to
# one of these (``labels_0`` for labels without a digit): the labels form took any six digits, so a PIN, a short
# account or a postal code beside a name (``Ann Smith 10115``) passed among ``gold``, ``silver``, ``bronze``. No
# growth is allowed for: a categorical column's few labels were each seen repeated in the sample, so a new label is
# the exception, and a wider one is masked (a row's value, never the column). Wider than six: ``labels`` as before.
LABEL_DIGITS = (0, 2, 4, 6)
BOUNDED_FORMS: dict[str, tuple[str, int]] = {
    **{f"{base}_{n}": (base, n) for base in WIDTH_BOUNDED for n in NUMERIC_WIDTHS},
    **{f"labels_{n}": ("labels", n) for n in LABEL_DIGITS},
}
# The bound a column is held to when its scan kept no width (stored before widths were kept): the narrowest, so a
# wider value is masked until the table is scanned again (fail closed: a row's value, never the column).
UNKNOWN_WIDTH = NUMERIC_WIDTHS[0]


def bounded_shape(base: str, width: int | None) -> str:
    """The shape holding a column passed as ``base`` (one of :data:`WIDTH_BOUNDED`, or any other shape, returned as
    it is) whose sample's widest value has ``width`` digits (None: not recorded) to that width and one more.

    >>> bounded_shape("numeric", 4), bounded_shape("numeric", 5), bounded_shape("money_amounts", 11)
    ('numeric_6', 'numeric_6', 'money_amounts_12')
    >>> bounded_shape("numeric", 18), bounded_shape("numeric", None), bounded_shape("short_labels", 3)
    ('numeric', 'numeric_6', 'short_labels')
    >>> bounded_shape("labels", 0), bounded_shape("labels", 3), bounded_shape("labels", 7), bounded_shape("labels", None)
    ('labels_0', 'labels_4', 'labels', 'labels_0')
    """
    if base == "labels":  # the sample's labels' digits, no growth; unrecorded: none (fail closed, a row's value)
        return next((f"labels_{n}" for n in LABEL_DIGITS if n >= (width or 0)), base)
    if base not in WIDTH_BOUNDED:
        return base
    want = UNKNOWN_WIDTH if width is None else width + 1
    return next((f"{base}_{n}" for n in NUMERIC_WIDTHS if n >= want), base)


def digits_at_most(n: int) -> str:
    """The pattern of a value with at most ``n`` digits, anywhere in it.

    >>> import re
    >>> bool(re.fullmatch(digits_at_most(6), "-1,234.56")), bool(re.fullmatch(digits_at_most(6), "4111111111111111"))
    (True, False)
    """
    return f"^[^0-9]*([0-9][^0-9]*){{0,{n}}}$"


# The classifier's own shapes of values (maskline.sql.shape_guard holds their patterns and a boolean's words).
VALUE_SHAPES = ("numeric", "temporal", "identifier", "boolean")


def held_shapes() -> tuple[str, ...]:
    """Every shape a passed column's rows can be held to, by name: what a policy's ``{pass: <shape>}`` may name and
    :data:`maskline.sql.shape_guard.SHAPES` checks (read without sqlglot: the policy's schema lists them).

    >>> "labels" in held_shapes(), "vocabulary_countries" in held_shapes(), "text" in held_shapes()
    (True, True, False)
    """
    return (*VALUE_SHAPES, *KIND_PATTERNS, *BOUNDED_FORMS, *KIND_WORDS, *VOCABULARY_SHAPES, *LABEL_FORMS)
