"""Passports and bank accounts under opaque names, read from the columns a document's or an account's record keeps
beside them.

Under a name that says nothing (``c5``, ``col8``) a passport number and a bank account number are values only, and
their values have the shapes of business numbers: one letter and seven digits is a loyalty number too, and ten to
sixteen drawn digits a ticket, a transaction or a customer number (measured on public tables by the ``extcsv11``
round: nothing in the values sets them apart). What sets them apart is what their record holds beside them, by
published standards:

- a passport's data page (ICAO Doc 9303, part 4) carries the holder's name, date of birth and *nationality*,
  written in the machine-readable zone as a three-letter code (ISO 3166-1 alpha-3, ``D`` for Germany). A table of
  people with a nationality column is a record of identity documents; a member or customer table keeps names,
  birthdays and an address's country (written as a name or as two letters), rarely a nationality. So a column
  the classifier nearly read as PASSPORT by its values (a near miss of the document templates,
  :mod:`maskline.classify.document_numbers`, :mod:`maskline.classify.document_series`) reads PASSPORT when its
  table holds a nationality column (three-letter country codes in nearly every value, or a nationality name) and
  a person's name or birth date, each typed with confidence;
- an account is kept beside the codes that route payments to it: an IBAN, a bank's BIC (ISO 9362: four letters of
  the bank, the country's two letters, two characters of place, optionally three of a branch) or an Indian IFSC
  (the Reserve Bank's format: four letters, ``0``, six characters), a US ABA routing number, a Canadian transit,
  a UK sort code (:mod:`maskline.classify.account_companions`). A column of 6 to 18 digits, nearly each value
  distinct, beside such a column reads BANK_ACCOUNT; the routing codes themselves are never its candidates.

Without a nationality, a person's table still speaks for a passport when the near miss is its *only* document-like
column: a customer or member table that keeps codes of that shape keeps several (loyalty, membership, claim and
customer numbers side by side, measured on the dev split: 25 near misses in ten such tables, never one alone), and a
series of codes repeats its template in a column beside it (SKUs next to their variants). So the one column of a
table holding a person's name (typed with confidence) that nearly read PASSPORT, with no other column of its
template and no other near miss of the type, reads PASSPORT at :data:`HOLDER_STRENGTH`, below the nationality's
reading.

Before either, a document's own record speaks (:mod:`maskline.classify.document_records`): the one column of a
document number's shape under a name that says nothing reads PASSPORT at :data:`STRENGTH` beside an expiry date
and an issue date, a country or its holder, near miss or not (a passenger list mixes issuers' templates, so its
column is rarely a near miss of one).

All these verdicts are the table's, not the values': the confidence (:data:`STRENGTH`) is below what the values give
alone, and only columns with no name hint and no type of their own are read (a name that says what a column is
speaks for it more than its table does). Without the companions nothing changes: the near misses stay untyped and
the fail-closed default masks them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from maskline.classify.result import ColumnClassification

STRENGTH = 0.62  # shape and table agree: a verdict, below any the values give alone (0.72 and up)
COMPANION_CONFIDENCE = 0.7  # a person's name or birth date must be typed at least this surely to vouch
CODE_SHARE = 0.9  # of a companion column's values (placeholders removed) that must be codes of the standard
HOLDER_STRENGTH = 0.61  # a holder alone vouches less than a nationality and a holder (a member's code is possible)
MIN_VALUES = 10  # fewer values say nothing about a column
TEMPLATE_SHARE = 0.8  # of a column's values that must share one template for it to be the column's
ACCOUNT_SHARE = 0.9  # of a candidate column's values that must be 8-18 digits (6-18 beside a routing code)
ROUTED_MIN_DIGITS = 6  # an account beside the code routing payments to it: Australian and Japanese ones are short
DISTINCT_SHARE = 0.95  # ... and of those that must be distinct (an account per row; codes of a catalogue repeat)
MAX_STEP_ONE = 0.5  # share of sorted neighbours one apart: more is a counter, not drawn account numbers
MAX_READ = 2000  # values read per column
EPOCH_SECONDS = (946_684_800, 2_208_988_800)  # Unix times of 2000-01-01 and 2040-01-01: a record's timestamps
EPOCH_SHARE = 0.5  # of a candidate's values that, as Unix times, would say it is a timestamp

# The words of names that say nothing (spreadsheet and export tools write them: ``column1``, ``Unnamed: 5``,
# ``field_3``, ``attr2``): the holder rule reads only such columns, since a name of any other word may say what the
# codes are (``loyalty_number``, ``member_code``) where the table's evidence is weakest.
_PLACEHOLDER_WORDS = frozenset({"col", "column", "field", "fld", "attr", "attribute", "val", "value", "data", "extra",
                                "unnamed", "var", "unknown", "misc", "tmp", "temp", "untitled", "blank", "noname"})
_NATIONALITY_WORDS = frozenset({"nationality", "citizenship", "nationalities"})
_BIC = re.compile(r"^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?$")
_IFSC = re.compile(r"^[A-Z]{4}0[A-Z0-9]{6}$")
_ACCOUNT = re.compile(r"^[0-9]{1,18}$")  # the length is checked apart: min_digits
_WORD = re.compile(r"[a-z]+")
_DIGIT, _UPPER, _LOWER = re.compile(r"[0-9]"), re.compile(r"[A-Z]"), re.compile(r"[a-z]")


@cache
def _countries() -> tuple[frozenset[str], frozenset[str]]:
    """ISO 3166-1 alpha-3 codes (and ICAO's ``D``), and alpha-2 codes, from the vocabulary maskline ships."""
    from importlib.resources import files

    text = files("maskline.infotypes").joinpath("data/vocabulary_countries.txt").read_text(encoding="utf-8")
    codes = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    alpha3 = frozenset(c for c in codes if len(c) == 3 and c.isalpha() and c.isupper()) | {"D"}
    alpha2 = frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c.isupper())
    return alpha3, alpha2


def _rows(values: Any) -> Iterable[Any]:
    """The values of a column: a sample's distinct forms (:class:`maskline.classify.values.ColumnValues`) each as
    often as it was read, or the values as given."""
    if hasattr(values, "counts") and hasattr(values, "values"):
        return (v for v, n in zip(values.values, values.counts, strict=False) for _ in range(n))
    return values


def value_texts(values: Any) -> list[str]:
    """The non-empty, non-placeholder text forms of up to :data:`MAX_READ` values, a whole float as its digits: what
    the record readers here and in :mod:`maskline.classify.document_records` compare.

    >>> value_texts([" AB123 ", None, "", 17.0, True])
    ['AB123', '17']
    """
    from maskline.classify.placeholders import is_placeholder

    out = []
    for v in _rows(values):
        if v is None or isinstance(v, bool):
            continue
        s = (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)).strip()
        if s and not is_placeholder(s, "string"):
            out.append(s)
        if len(out) >= MAX_READ:
            break
    return out


def _words(name: str) -> set[str]:
    return set(_WORD.findall(re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()))


def nationality_codes(values: Any) -> bool:
    """Whether nearly every value is a three-letter country code, as a passport writes its holder's nationality.

    >>> nationality_codes(["DEU", "FRA", "D", "ITA", "ESP", "PRT", "GBR", "USA", "NLD", "BEL", "n/a"])
    True
    >>> nationality_codes(["DE", "FR", "IT", "ES", "PT", "GB", "US", "NL", "BE", "AT", "CH"])  # an address's
    False
    """
    texts = value_texts(values)
    alpha3, _ = _countries()
    return len(texts) >= MIN_VALUES and sum(t.upper() == t and t in alpha3 for t in texts) >= CODE_SHARE * len(texts)


def routing_codes(values: Any) -> bool:
    """Whether nearly every value is a bank's BIC (ISO 9362, a real country in it) or an Indian IFSC.

    >>> routing_codes(["DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "UNCRITMM", "INGBNL 2A".replace(" ", ""),
    ...                "ABNANL2A", "RABONL2U", "BSCHESMM", "CAIXESBB", "NWBKGB2L"])
    True
    >>> routing_codes(["HDFC0001234", "SBIN0004321", "ICIC0000456", "UTIB0000789", "KKBK0000123", "PUNB0123400",
    ...                "BARB0VJJAIP", "CNRB0001234", "IOBA0001234", "UBIN0512345"])
    True
    >>> routing_codes(["SKU12345", "ORDER001", "ABCDXX12", "BOOKING7", "SEATROW1", "FLIGHTAB", "TICKETAA",
    ...                "PASSXX01", "GATEYY22", "ROOMZZ33"])
    False
    """
    texts = value_texts(values)
    _, alpha2 = _countries()

    def is_code(t: str) -> bool:
        bic = _BIC.match(t)
        return bool(bic and bic.group(1) in alpha2) or bool(_IFSC.match(t))

    return len(texts) >= MIN_VALUES and sum(is_code(t) for t in texts) >= CODE_SHARE * len(texts)


def drawn_account_digits(values: Any, min_digits: int = 8) -> bool:
    """Whether a column is ``min_digits`` to 18 digits in nearly every value, nearly each one distinct, and not a
    counter.

    >>> import random
    >>> r = random.Random(5)
    >>> drawn_account_digits([str(r.randint(10**9, 10**12)) for _ in range(50)])
    True
    >>> drawn_account_digits([str(10**9 + i) for i in range(50)])  # a counter
    False
    >>> drawn_account_digits(["SO%07d" % r.randint(0, 10**7) for _ in range(50)])
    False
    """
    texts = value_texts(values)
    digits = [t for t in texts if _ACCOUNT.match(t) and len(t) >= min_digits]
    if len(texts) < MIN_VALUES or len(digits) < ACCOUNT_SHARE * len(texts):
        return False
    if len(set(digits)) < DISTINCT_SHARE * len(digits):
        return False
    numbers = sorted({int(d) for d in digits})
    steps = sum(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False))
    if steps > MAX_STEP_ONE * max(1, len(numbers) - 1):
        return False
    # Two kinds of drawn-looking digits that say what they are: article numbers whose GS1 check digit holds (one
    # in ten drawn numbers passes it), and Unix times in seconds or milliseconds (a table's created or updated).
    from stdnum import ean

    if sum(ean.is_valid(d) for d in digits) >= CODE_SHARE * len(digits):
        return False
    epochs = sum(EPOCH_SECONDS[0] <= n <= EPOCH_SECONDS[1] or EPOCH_SECONDS[0] * 1000 <= n <= EPOCH_SECONDS[1] * 1000
                 for n in map(int, digits))
    return epochs < EPOCH_SHARE * len(digits)


def _template(text: str) -> str:
    """A value written as its template: every digit ``9``, every letter ``A`` (case kept apart), the rest as is."""
    return _LOWER.sub("a", _UPPER.sub("A", _DIGIT.sub("9", text)))


def dominant_template(values: Any) -> str | None:
    """The one template :data:`TEMPLATE_SHARE` of a column's values share, else None (or with too few values).

    >>> dominant_template(["N%08d" % (i * 7919) for i in range(1, 20)])
    'A99999999'
    >>> dominant_template(["N12345678", "ab-12", "X1", "7"] * 5) is None
    True
    """
    texts = value_texts(values)
    if len(texts) < MIN_VALUES:
        return None
    counts: dict[str, int] = {}
    for t in texts:
        counts[_template(t)] = counts.get(_template(t), 0) + 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= TEMPLATE_SHARE * len(texts) else None


def says_nothing(name: str) -> bool:
    """Whether a column's name is a placeholder: each of its words a letter or two, or a placeholder word.

    >>> [says_nothing(n) for n in ("c5", "col8", "Unnamed: 5", "fld_b", "x_8", "loyalty_number", "ref4", "pp")]
    [True, True, True, True, True, False, False, True]
    """
    found = _WORD.findall(name.lower())
    return all(len(w) <= 2 or w in _PLACEHOLDER_WORDS for w in found)


# Words that say a column holds a number and nothing of what it numbers: the record readers take such a name as
# saying nothing (a register's ``nummer``, ``numero``, ``no``), the holder rule does not (a member table's number).
_NUMBER_WORDS = frozenset({"number", "nummer", "numero", "numer", "nr", "no", "nro", "nbr", "num", "nmr", "id", "ref",
                           "code", "kod", "codigo", "codice", "doc", "document", "dokument", "documento",
                           # the same words in the languages whose registers name the column so, written without
                           # diacritics as exports do (round extcsv40): Estonian ``dokumendi_nr``, Hungarian
                           # ``okmanyszam``, Icelandic ``skilriki_nr`` (``skilríki``: an identity paper), Latvian,
                           # Lithuanian, Croatian, Slovene, Romanian. Czech (and the Slovak words it shares,
                           # ``cislo_dokladu``), Finnish and Turkish words are left out: they are languages of the
                           # frozen test split, whose names keep no hint (benchmarks/classification/RESULTS.md).
                           "dokumendi", "okmany", "okmanyszam", "szam", "skilriki",
                           "numurs", "dokumenta", "numeris", "dokumento", "broj", "isprave", "stevilka",
                           "numar", "actului"})


def says_nothing_but_number(name: str) -> bool:
    """Whether a column's name says nothing (:func:`says_nothing`) or only that it holds a number (a ``doc``
    number included: a register's document is its holder's passport or identity card).

    >>> [says_nothing_but_number(n) for n in ("c5", "nummer", "doc_no", "Numero", "番号", "member_no", "sku")]
    [True, True, True, True, True, False, False]
    >>> [says_nothing_but_number(n) for n in ("docNo", "dokumendi_nr", "okmányszám", "memberNo", "ticketNr")]
    [True, True, True, False, False]
    """
    import unicodedata

    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))  # okmányszám
    return says_nothing(name) or all(len(w) <= 2 or w in _PLACEHOLDER_WORDS or w in _NUMBER_WORDS
                                     for w in _words(plain))


def holder_companions(columns: Sequence[ColumnClassification], values: Mapping[str, Any],
                      document: str) -> tuple[str, ...]:
    """The person's name columns that make ``document`` (a column that nearly read PASSPORT) a holder's passport:
    PERSON_NAME typed with confidence, ``document`` the table's only column with a PASSPORT near miss, its name a
    placeholder (:func:`says_nothing`), and no other column of its template; else none.

    >>> import random
    >>> r = random.Random(3)
    >>> docs = ["N%08d" % r.randrange(10**8) for _ in range(30)]
    >>> name = ColumnClassification("c1", "PERSON_NAME", 0.9, "quasi-identifier")
    >>> from maskline.classify.signals import NearMiss, Signals
    >>> doc = ColumnClassification("c2", None, 0.45, None, signals=Signals(near_misses=(NearMiss("PASSPORT", 0.55),)))
    >>> holder_companions([name, doc], {"c2": docs}, "c2")
    ('c1',)
    >>> skus = ColumnClassification("c3", None, 0.8, None)
    >>> holder_companions([name, doc, skus], {"c2": docs, "c3": ["K%08d" % i for i in range(30)]}, "c2")
    ()
    """
    near = [c.name for c in columns if c.info_type is None
            and any(m.info_type == "PASSPORT" for m in c.signals.near_misses)]
    if near != [document] or document not in values or not says_nothing(document):
        return ()
    people = tuple(c.name for c in columns if c.name != document and c.info_type == "PERSON_NAME"
                   and c.confidence >= COMPANION_CONFIDENCE)
    shape = dominant_template(values[document])
    if not people or shape is None:
        return ()
    if any(c.name != document and c.name in values and dominant_template(values[c.name]) == shape for c in columns):
        return ()  # a series of codes: the same template in another column of the table
    return people


def _candidate(c: ColumnClassification) -> bool:
    """An untyped column whose name says nothing the classifier reads: only then may its table speak for it."""
    from maskline.infotypes.name_hints import hint_score, names_measure_or_key

    return c.info_type is None and not c.signals.name_hint and not hint_score(c.name) \
        and not names_measure_or_key(c.name)


def identity_companions(columns: Sequence[ColumnClassification], values: Mapping[str, Any],
                        exclude: str = "", strict: bool = False) -> tuple[str, ...]:
    """The columns (other than ``exclude``) that make a table a record of identity documents: a nationality column
    (by name, or three-letter country codes) and a person's name or birth date typed with confidence; else none.
    ``strict``: a nationality named so must hold countries too (codes or names,
    :func:`maskline.classify.document_records.country_column`), not notes beside them (``nationality_note``).

    >>> import random
    >>> r = random.Random(2)
    >>> nat = [r.choice(["DEU", "FRA", "ITA", "ESP", "POL", "NLD"]) for _ in range(30)]
    >>> name = ColumnClassification("c1", "PERSON_NAME", 0.8, "quasi-identifier")
    >>> nationality = ColumnClassification("c3", None, 0.95, None)
    >>> identity_companions([name, nationality], {"c3": nat})
    ('c1', 'c3')
    >>> identity_companions([nationality], {"c3": nat})
    ()
    """
    people = tuple(c.name for c in columns if c.name != exclude and c.confidence >= COMPANION_CONFIDENCE
                   and c.info_type in ("PERSON_NAME", "DATE_OF_BIRTH"))
    if not people:
        return ()
    from maskline.classify.document_records import country_column

    nations = tuple(c.name for c in columns if c.name != exclude and c.info_type is None and (
        _words(c.name) & _NATIONALITY_WORDS and (not strict or c.name in values and country_column(values[c.name]))
        or (c.name in values and nationality_codes(values[c.name]))))
    return tuple(sorted(people + nations)) if nations else ()


def bank_companions(columns: Sequence[ColumnClassification], values: Mapping[str, Any],
                    exclude: str = "") -> tuple[str, ...]:
    """The columns (other than ``exclude``) that route payments to an account: named for a routing code, or of
    BIC, IFSC, ABA routing, Canadian transit or UK sort codes
    (:func:`maskline.classify.account_companions.routing_companions`); else none.

    An IBAN is no such companion: it holds the account itself, and the tables that keep one beside other digits
    keep customer, order and article numbers, timestamps and routing numbers there (every column the rule read
    beside a typed IBAN on the tune and dev splits was one of those).

    >>> bics = ["DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "UNCRITMM", "ABNANL2A", "RABONL2U", "BSCHESMM", "CAIXESBB",
    ...         "NWBKGB2L", "DEUTDEFF500"]
    >>> bank_companions([ColumnClassification("c2", None, 0.8, None)], {"c2": bics})
    ('c2',)
    >>> bank_companions([ColumnClassification("c2", None, 0.8, None)], {"c2": ["x%d" % i for i in range(10)]})
    ()
    """
    from maskline.classify.account_companions import routing_companions

    return routing_companions(columns, values, exclude)


def _typed(c: ColumnClassification, info_type: str, shape: str, companions: Sequence[str],
           strength: float = STRENGTH) -> ColumnClassification:
    from maskline.infotypes import INFO_TYPES

    return replace(c, info_type=info_type, confidence=strength, category=INFO_TYPES[info_type].category,
                   evidence=(f"values:{shape}", f"table:beside {', '.join(companions)}") + c.evidence,
                   signals=replace(c.signals, near_misses=tuple(m for m in c.signals.near_misses
                                                                if m.info_type != info_type)))


def with_document_companions(columns: Sequence[ColumnClassification], min_confidence: float,
                             values: Mapping[str, Any]) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns, with opaque-named passport and account numbers read from the columns
    their records keep beside them (a nationality and a holder, or a holder and no look-alike; a BIC or IFSC); the
    rest unchanged.
    ``values``: each column's sample (:class:`maskline.classify.values.ColumnValues`) or its values, by name.

    >>> import random
    >>> r = random.Random(4)
    >>> accounts = [str(r.randint(10**9, 10**13)) for _ in range(40)]
    >>> bics = [r.choice(["DEUTDEFF", "BNPAFRPP", "UNCRITMM", "ABNANL2A", "NWBKGB2L"]) for _ in range(40)]
    >>> cols = (ColumnClassification("c1", None, 0.75, None), ColumnClassification("c2", None, 0.8, None))
    >>> [(c.info_type, c.confidence) for c in with_document_companions(cols, 0.6, {"c1": accounts, "c2": bics})]
    [('BANK_ACCOUNT', 0.62), (None, 0.8)]
    >>> [c.info_type for c in with_document_companions(cols[:1], 0.6, {"c1": accounts})]
    [None]
    """
    if min_confidence > STRENGTH:
        return tuple(columns)
    candidates = [c for c in columns if _candidate(c)]
    documents = [c.name for c in candidates if any(m.info_type == "PASSPORT" for m in c.signals.near_misses)]
    # The codes routing payments are the account's companions, never its candidates: a routing number or a
    # transit is drawn digits too (the "routing numbers read as bank accounts").
    routing = bank_companions(columns, values)
    accounts = [c.name for c in candidates if c.name not in documents and c.name not in routing and c.name in values
                and drawn_account_digits(values[c.name], ROUTED_MIN_DIGITS if routing else 8)]
    # One record, one document and one account: two or more candidates beside the same companions are a holder's
    # number among ticket, transaction or customer numbers of the same shape, and nothing says which (measured on
    # public bank tables, extcsv11): then none is read.
    typed = {}
    from maskline.classify.document_records import (
        division_codes,
        document_digits,
        document_like,
        document_record,
        holders,
        issuer_prefixed,
        russian_internal,
    )

    # A document's own record (an expiry date beside an issue date, a country or its holder) speaks for the one
    # column of a document number's shape under a name that says nothing (or only that it is a number), near miss
    # or not; for a column of drawn digits only its dates and issuer speak, never its holder (see document_records).
    records = [c.name for c in candidates if says_nothing_but_number(c.name) and c.name in values and (
        c.name in documents or document_like(values[c.name]))]
    digits = [c.name for c in candidates if says_nothing_but_number(c.name) and c.name in values
              and c.name not in records and document_digits(values[c.name])] if not records else []
    # A passenger list or a staff file mixes issuers' templates (France's digits first, Germany's serials, Britain's
    # digits): the one column of any document number's shape reads from the document's own record (an expiry date
    # beside an issue date or a country) or a nationality, never from its holder alone.
    from maskline.classify.document_types import document_number_shaped

    mixed = [c.name for c in candidates if says_nothing_but_number(c.name) and c.name in values
             and c.name not in records and c.name not in digits
             and document_number_shaped(values[c.name])] if not records and not digits else []
    # Russia's internal passport (four digits of series, six of number) sits beside the code of the office that
    # issued it (``770-001``), which no other document carries.
    internal = [c.name for c in candidates if says_nothing_but_number(c.name) and c.name in values
                and russian_internal(values[c.name])]
    # A number behind its issuing state's code (``SVK EA1234567``) names its issuer in each row: beside a holder it is
    # a register's document, whatever the column is called (round extcsv40).
    prefixed = [c.name for c in candidates if c.name in values and issuer_prefixed(values[c.name])]
    if len(records) == 1 and (found := document_record(columns, values, records[0])):
        typed[records[0]] = ("PASSPORT", "a document number's shape", found, STRENGTH)
    elif len(digits) == 1 and (found := document_record(columns, values, digits[0], strict=True)):
        typed[digits[0]] = ("PASSPORT", "drawn digits of a document number's length", found, STRENGTH)
    elif len(documents) == 1 and (found := identity_companions(columns, values, exclude=documents[0])):
        typed[documents[0]] = ("PASSPORT", "a document number's template (near miss)", found, STRENGTH)
    elif not documents and len(records) == 1 and (
            found := identity_companions(columns, values, exclude=records[0], strict=True)):
        # A nationality speaks for the one column of a document number's shape that no template reads (issuers'
        # templates mixed: Australia's one or two letters, Korea's two templates since 2021; or lower case).
        typed[records[0]] = ("PASSPORT", "a document number's shape", found, STRENGTH)
    elif len(mixed) == 1 and (found := document_record(columns, values, mixed[0], strict=True)
                              or identity_companions(columns, values, exclude=mixed[0], strict=True)):
        typed[mixed[0]] = ("PASSPORT", "a document number's shape, issuers' templates mixed", found, STRENGTH)
    elif len(prefixed) == 1 and (found := holders(columns, prefixed[0])
                                 or document_record(columns, values, prefixed[0])):
        typed[prefixed[0]] = ("PASSPORT", "a document number behind its issuing state's code", found, STRENGTH)
    elif len(internal) == 1 and (found := division_codes(columns, values, internal[0])):
        typed[internal[0]] = ("PASSPORT", "a Russian passport's series and number", found, STRENGTH)
    elif len(documents) == 1 and min_confidence <= HOLDER_STRENGTH and (found := holder_companions(columns, values, documents[0])):
        typed[documents[0]] = ("PASSPORT", "a document number's template (near miss), the table's only one", found,
                               HOLDER_STRENGTH)
    if len(accounts) == 1 and routing:
        typed[accounts[0]] = ("BANK_ACCOUNT", "6-18 drawn digits, one per row", routing, STRENGTH)
    from maskline.classify.account_companions import transit_postcodes

    transits = transit_postcodes(columns, values) if typed else ()
    return tuple(_typed(c, *typed[c.name]) if c.name in typed else _as_routing(c) if c.name in transits else c
                 for c in columns)


def _as_routing(c: ColumnClassification) -> ColumnClassification:
    """``c``, a Canadian transit read as a postal code, untyped: a bank branch's code routing an account's payments
    (public, but untyped rather than safe: the fail-closed default still masks it)."""
    from maskline.classify.result import NONE_IDENTIFYING_SHAPE
    from maskline.classify.signals import NearMiss

    return replace(c, info_type=None, confidence=NONE_IDENTIFYING_SHAPE, category=None, match_share=0.0,
                   evidence=("table:a Canadian transit and institution routing an account, not a postal code",)
                   + c.evidence,
                   signals=replace(c.signals, refuted=(*c.signals.refuted, "POSTAL_CODE"),
                                   near_misses=(NearMiss("POSTAL_CODE", c.confidence),)))
