"""The fail-closed decision: what happens to a column the policy does not name.

This is the one place that decides it, for every face (files, DataFrames,
Airflow, the query rewrite, PostgreSQL views, native masking DDL, MCP):

1. The classifier found an info type with enough confidence: that type's method.
2. The policy says ``unclassified: pass``: the column passes raw (an explicit choice).
3. The classifier is confident the column holds nothing sensitive: it passes raw.
4. Anything else (no scan, an uncertain scan, a scan that saw nothing) is masked.

"Confident" depends on what the values look like (:mod:`maskline.classify.shape`):

- numbers, timestamps, booleans, random ids (UUIDs, ``0x`` hex) and a few repeated
  labels pass when neither the column's name nor its values suggest a code, a
  coordinate, a postal code, a card number or a date of birth, and the classifier
  had no near miss (codes it cannot name still show: long numbers behind one
  calling code, digits a typed store keeps as text, :mod:`maskline.classify.coded_numbers`), and whole numbers as
  wide as accounts (6 to 17 digits, many distinct) pass only under a name that says what they are (``amount``,
  ``order_id``), never under a placeholder (``c3``, ``fld_k``), which leaves accounts and order ids alike; few repeated
  values vouch for labels only, never for keys: under a name that says key (``student_id``) or written like keys
  (``18-0855``) they need text's evidence (:func:`keyed_categories`);
- any other text passes only on structural facts about its values
  (:mod:`maskline.classify.text_facts`) that personal data does not have, each
  backed by the column's name (:func:`vouched_text`), never on a NONE confidence
  alone, which no written form could hold on every row: calendar dates that are
  not over decades; a template id (one constant prefix, fixed digits, all
  distinct) in a column whose name says identifier; short, repeated labels
  without first names in a column whose name says it holds things (products,
  dishes, brands); object-store URIs and file paths that name no one
  (:mod:`maskline.classify.storage_paths`) in a column whose name says location;
- a column every one of whose values belongs to one closed public vocabulary (IANA
  time zones, ISO countries and currencies, language tags, media types, colours,
  HTTP words: :mod:`maskline.infotypes.vocabularies`) passes whatever its kind,
  unless its name hints an info type: its values leave no free choice in which
  personal data could be written, which outweighs a detector's near miss on a
  few of them (``Etc/GMT+5`` looks password-complex) and a name word such as
  ``code`` (which is there for numbers: postal codes, PINs);
- a column whose values prove a kind from an allow-list of kinds that cannot carry a person's identity
  (:mod:`maskline.classify.safe_kinds`: money amounts, Unix times of events, ISBNs, versions) passes, unless its
  name hints an info type or (except for checked ISBNs) suggests a code, a date of birth or a phone, or the classifier
  guessed at a type; check-digit detectors that random digits satisfy by chance do not outweigh event times or
  ISBNs. A stored scan without the kind is decided by the other rules, as before;
- a column whose values prove an everyday kind that only the name can tell from a look-alike
  (:mod:`maskline.classify.named_kinds`: counts, flags, workflow states from a fixed vocabulary, registered HTTP
  statuses, measurements with units, recent years; placeholders such as ``N/A`` dropped) passes when its name says
  the same kind (``order_qty``, ``is_active``, ``order_status``, ``status_code``, ``weight``, ``model_year``) and
  hints no info type, no person's role and no suspect word, and the classifier had no near miss at all
  (:func:`named_kind_pass`); the same values under ``c7`` are decided by the other rules;
- a key of records under a name that hints a sensitive type (``address_id``, ``creditcardid``, ``actor_id``) passes
  when the entity word alone hints a type whose values are a record's content, never an authority's number, and the
  values are a dense run of small whole numbers or random ids (:mod:`maskline.classify.record_keys`): the number is
  the row's key, not the address. Identifiers an authority issues (``national_id``, ``tax_id``, ``ssn_id``,
  ``passport_no``, ``card_no``) and keys whose values are of another kind stay masked;
- nested (struct, list, map) and binary values never pass on a scan alone.

Everything here is read from typed, value-free fields: the verdict's ``shape``
(:class:`~maskline.classify.shape.ValueShape`) and ``signals``
(:class:`~maskline.classify.signals.Signals`: near misses, an identifying shape,
prose, refuted types). Never from its ``evidence`` strings, which are for people:
rewording one cannot change what is masked.

>>> from maskline.policy import load_policy
>>> from maskline.classify.result import ColumnClassification
>>> from maskline.classify.shape import ValueShape
>>> qty = ColumnClassification("qty", None, 0.9, None, shape=ValueShape("numeric"))
>>> decide_unnamed(load_policy({}), "qty", qty).rule
'classifier: not sensitive (numeric, 0.90)'
>>> notes = ColumnClassification("notes", None, 0.9, None, shape=ValueShape("text"))
>>> decide_unnamed(load_policy({}), "notes", notes).method.name
'redact'
>>> decide_unnamed(load_policy({"unclassified": "pass"}), "notes", notes).method is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.classify.coded_numbers import WIDE_INTEGERS
from maskline.classify.record_keys import record_key
from maskline.classify.text_facts import (
    DATES,
    IDENTIFIER_SHAPED,
    NO_FIRST_NAMES,
    REPEATED_VALUES,
    SHORT_LABELS,
    STORAGE_LOCATIONS,
    TEMPLATE_ID,
)
from maskline.sql.kind_shapes import bounded_shape, held_shapes

if TYPE_CHECKING:  # annotations only: a scan prints verdicts and never loads the masking methods
    from maskline.classify.result import ColumnClassification
    from maskline.methods.base import MethodSpec
    from maskline.policy import Policy

# Shapes whose values are known not to be prose, names or addresses.
STRUCTURED_KINDS = frozenset({"numeric", "temporal", "boolean", "identifier", "categorical"})
# NONE confidence a structured column needs (the classifier gives 0.75 when a pattern matched nothing that
# validated, and 1 - its guess when a guess fell below min_confidence).
STRUCTURED_NONE_CONFIDENCE = 0.7
# NONE confidence free text needs: strong evidence, not the absence of a match.
TEXT_NONE_CONFIDENCE = 0.97
# Name words of a person's death (Synthea's ``DEATHDATE``, ``date_of_death``, ``deceased_at``).
DEATH_WORDS = frozenset({"death", "deathdate", "deceased", "died"})
# Name words that make a number or a date suspect even when no info type's hint matched.
SUSPECT_NAME_WORDS = frozenset({
    "code", "zip", "plz", "postal", "postcode", "cp", "cep", "lat", "lng", "lon", "long", "latitude",
    "longitude", "coord", "coords", "coordinate", "geo", "card", "pan", "cc", "dob", "birth", "born",
    "birthday", "pin", "ssn", "tin", "nin", "iban", "msisdn", "phone", "tel", "mobile", "age",
    # A place of birth has no info type, but it identifies with a birth date and a postcode: masked by default.
    # The name hints read "birthplace" as a word of its own (no date of birth), so it is named here.
    "birthplace",
    # A date of death has no info type either, but it is one of a person's dates (HIPAA's Safe Harbor lists it with
    # the birth date): the fail-closed default masks it, as it masks what is not confidently safe (extcsv26).
    *DEATH_WORDS,
})


@dataclass(frozen=True)
class ColumnDecision:
    """The outcome for one column: its info type and method (None: passes raw) and why."""

    info_type: str | None
    category: str | None
    method: MethodSpec | None
    rule: str
    confidence: float | None = None
    # the values' shape a classifier pass rests on, or the safe kind it proved (maskline.sql.shape_guard enforces it)
    shape: str | None = None


def decide_unnamed(policy: Policy, name: str, verdict: ColumnClassification | None, *,
                   table_scanned: bool = False) -> ColumnDecision:
    """Decide a column the policy does not name, from the classifier's verdict (None: no scan).

    ``table_scanned``: the table has a scan (stored or live) and ``verdict`` is None only because that scan never
    saw this column (added upstream since). ``unclassified: pass`` passes what a scan judged, or every column
    when there is no scan at all; a column its table's scan never saw was judged by nobody, so it is masked.

    >>> from maskline.policy import load_policy
    >>> decide_unnamed(load_policy({}), "x", None).rule
    'unclassified: mask (no scan)'
    >>> passing = load_policy({"unclassified": "pass"})
    >>> decide_unnamed(passing, "x", None).rule, decide_unnamed(passing, "x", None, table_scanned=True).rule
    ('pass', "unclassified: mask (not in the table's scan: added since? scan again)")
    """
    if verdict is not None and verdict.info_type and verdict.confidence >= policy.classify.min_confidence:
        return ColumnDecision(verdict.info_type, verdict.category, policy.method_for(verdict.info_type),
                              f"classifier ({verdict.confidence:.2f})", verdict.confidence)
    if policy.unclassified == "pass" and not (table_scanned and verdict is None):
        return ColumnDecision(None, None, None, "pass")
    if verdict is None and table_scanned:
        from maskline.methods.registry import method_spec

        return ColumnDecision(None, None, method_spec("redact"), f"unclassified: mask ({NOT_IN_SCAN})")
    reason = why_not_safe(name, verdict)
    if reason is None:
        assert verdict is not None and verdict.shape is not None
        kind = verdict.shape.kind
        proven = proven_kind(name, verdict)
        vouched = closed_vocabulary(verdict) or proven \
            or (vouched_text(name, verdict) if kind == "text" else None) \
            or (record_key(name, verdict) if _hinted(name, verdict) else None)
        # A pass a proven kind vouches for holds every row to that kind (maskline.sql.kind_shapes), not the sample.
        # So does a pass a listed closed vocabulary vouches for (maskline.sql.kind_shapes.VOCABULARY_SHAPES).
        # A pass few repeated labels or text's facts vouch for holds every row to those facts' written form
        # (maskline.sql.kind_shapes.LABEL_FORMS): never to the sample's labels, which the plan must not carry.
        held = verdict.signals.safe_kind.value if proven and verdict.signals.safe_kind \
            else _vocabulary_held(verdict) or _form_held(name, verdict) or kind
        # numbers and money amounts stored as text: every row to the digits the sample showed and one more
        held = bounded_shape(held, verdict.shape.width)
        if held not in held_shapes():
            # Nothing is passed on a sample's judgement alone: a pass no written form holds on every row (a shape
            # added to the classifier without its form) is masked, whatever the sample showed (fail closed).
            from maskline.methods.registry import method_spec

            return ColumnDecision(None, None, method_spec("redact"), f"unclassified: mask ({UNHELD_REASON.format(held)})")
        return ColumnDecision(None, None, None,
                              f"{CLASSIFIER_PASS} ({kind}{': ' + vouched if vouched else ''}, "
                              f"{verdict.confidence:.2f})", verdict.confidence, shape=held)
    from maskline.methods.registry import method_spec

    return ColumnDecision(None, None, method_spec("redact"), f"unclassified: mask ({reason})")


def _vocabulary_held(verdict: ColumnClassification) -> str | None:
    """The shape holding a column passed for its closed vocabulary to that vocabulary on every row, or None."""
    from maskline.sql.kind_shapes import vocabulary_shape

    if not closed_vocabulary(verdict) or verdict.shape is None:
        return None
    return vocabulary_shape(verdict.shape.vocabulary)


def _form_held(name: str, verdict: ColumnClassification) -> str | None:
    """The written form holding a column passed for its labels or its text's facts on every row, or None.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> _form_held("status", ColumnClassification("status", None, 0.8, None, shape=ValueShape("categorical")))
    'labels'
    >>> ids = ValueShape("text", facts=("template id",))
    >>> _form_held("order_id", ColumnClassification("order_id", None, 0.8, None, shape=ids))
    'template_ids'
    """
    if verdict.shape is None:
        return None
    if verdict.shape.kind == "categorical":
        return "labels"
    if verdict.shape.kind == "text":
        vouched = _vouched(name, verdict)
        return vouched[1] if vouched else None
    return None


# Why a pass is masked when no written form holds its rows (maskline.sql.kind_shapes.held_shapes).
UNHELD_REASON = "passed as {} on its sample, but no written form holds every row to it"
# Why many distinct whole numbers as wide as accounts, under a name that gives no evidence, are masked.
WIDE_INTEGERS_REASON = "numbers as wide as accounts or phones under a name that says nothing of them"
# How the rule of a column the classifier let pass raw begins.
CLASSIFIER_PASS = "classifier: not sensitive"
# Why a column of a scanned table has no verdict: the scan predates it.
NOT_IN_SCAN = "not in the table's scan: added since? scan again"


def why_not_safe(name: str, verdict: ColumnClassification | None) -> str | None:
    """Why a column without an info type may not pass raw, or None when it is confidently not sensitive.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> why_not_safe("zip_code", ColumnClassification("zip_code", None, 0.9, None, shape=ValueShape("numeric")))
    'name suggests POSTAL_CODE, which the values did not confirm'
    >>> wide = ValueShape("numeric", facts=(WIDE_INTEGERS,))
    >>> why_not_safe("c2", ColumnClassification("c2", None, 0.95, None, shape=wide))
    'numbers as wide as accounts or phones under a name that says nothing of them'
    >>> why_not_safe("order_id", ColumnClassification("order_id", None, 0.95, None, shape=wide)) is None
    True
    """
    if verdict is None or verdict.shape is None:
        return "no scan"
    if verdict.info_type:
        return f"uncertain {verdict.info_type} ({verdict.confidence:.2f})"
    shape = verdict.shape
    if shape.kind in ("nested", "binary"):
        return f"{shape.kind} values are not inspected"
    if shape.kind == "empty":
        return "no values sampled"
    if closed_vocabulary(verdict) and not _hinted(name, verdict):
        return None
    if proven_kind(name, verdict):
        return None
    near = near_misses(verdict)
    if near:
        return f"near miss: {near[0]}"
    if not shape.quiet:
        return "values suggest " + ", ".join(shape.suspicions)
    if _suspect_name(name, verdict) and not record_key(name, verdict):
        return _suspect_name_reason(name, verdict)
    if shape.kind == "categorical" and _person_shaped(verdict):
        return "values are shaped like people's names"
    if shape.kind == "categorical" and _name_refuted_person(verdict) and NO_FIRST_NAMES not in shape.facts:
        return "values hold first names; only the column's or the table's name says they are things"
    if shape.kind == "categorical" and (keyed := keyed_categories(name, verdict)):
        # Few distinct values vouch for labels, not for keys: a clinic's visits of mostly one student repeat that
        # student's number. Such a column needs the evidence any text needs (vouched_text never vouches for it).
        if verdict.confidence >= TEXT_NONE_CONFIDENCE:
            return None
        return f"few distinct values, but {keyed}: keys of people need strong evidence of NONE"
    if shape.kind == "numeric" and WIDE_INTEGERS in shape.facts:
        from maskline.infotypes.worded_names import opaque_name

        # Accounts, cards, phones and national ids stored as numbers have the digits of order ids and tracking
        # numbers: only the name tells them apart, and a placeholder name tells nothing (extcsv18's Fiftyville
        # accounts under c1, c2 passed raw at 0.95). Under a name that says what they are, the rules below decide.
        if opaque_name(name):
            return WIDE_INTEGERS_REASON
    if shape.kind in STRUCTURED_KINDS:
        return None if verdict.confidence >= STRUCTURED_NONE_CONFIDENCE else f"NONE only {verdict.confidence:.2f}"
    # Text passes only for facts of its values that a written form holds on every row (vouched_text); a NONE
    # confidence alone, however high (a stored scan's, another tool's), is a judgement of the sample, and no form
    # holds free text: row 50,001 of such a column may be an e-mail. So it is masked (round rowguard3).
    if vouched_text(name, verdict):
        return None
    return f"text without strong evidence of NONE: no fact its every row can be held to ({verdict.confidence:.2f})"


def vouched_text(name: str, verdict: ColumnClassification) -> str | None:
    """The structural evidence that a text column without an info type holds nothing personal, or None.

    Each case needs a fact about the values (:mod:`maskline.classify.text_facts`) and, except for dates,
    a column name that agrees; prose, weak values and dates over decades (the verdict's typed signals) never
    vouch, and near misses and names that hint a sensitive type never get here.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> ids = ValueShape("text", facts=("template id",))
    >>> vouched_text("order_id", ColumnClassification("order_id", None, 0.8, None, shape=ids))
    'template id, name says identifier'
    >>> vouched_text("holder", ColumnClassification("holder", None, 0.8, None, shape=ids)) is None
    True
    >>> vouched_text("sku", ColumnClassification("sku", None, 0.95, None, shape=ids))
    'template id, name says public codes'
    >>> labels = ValueShape("text", facts=("short labels", "no first names", "repeated values"))
    >>> vouched_text("product", ColumnClassification("product", None, 0.8, None, shape=labels))
    'repeated labels without first names, name says things'
    >>> vouched_text("product_owner", ColumnClassification("product_owner", None, 0.8, None, shape=labels)) is None
    True
    >>> paths = ValueShape("text", facts=("storage locations",))
    >>> vouched_text("output_path", ColumnClassification("output_path", None, 0.8, None, shape=paths))
    'storage locations, name says location'
    """
    vouched = _vouched(name, verdict)
    return vouched[0] if vouched else None


def _vouched(name: str, verdict: ColumnClassification) -> tuple[str, str | None] | None:
    """:func:`vouched_text`'s evidence and the written form (:data:`maskline.sql.kind_shapes.LABEL_FORMS`) that
    holds every row to it."""
    from maskline.classify.signals import IdentifyingShape
    from maskline.infotypes.name_hints import (
        PERSONAL_DOCUMENT_WORDS,
        name_words,
        names_a_thing,
        names_public_code,
    )

    shape = verdict.shape
    if shape is None or shape.kind != "text" or verdict.confidence < STRUCTURED_NONE_CONFIDENCE:
        return None
    signals = verdict.signals
    if signals.prose or any(m.weak for m in signals.near_misses) \
            or signals.identifying_shape is IdentifyingShape.DATES_OVER_DECADES:
        return None
    facts = set(shape.facts)
    words = set(name_words(name))
    if DATES in facts:
        return "calendar dates", "calendar_dates"
    if TEMPLATE_ID in facts and _says_identifier(words) and not words & PERSONAL_DOCUMENT_WORDS:
        return "template id, name says identifier", "template_ids"  # says no more than its digits; number columns of keys pass
    if TEMPLATE_ID in facts and names_public_code(name) and not words & PERSONAL_DOCUMENT_WORDS:
        return "template id, name says public codes", "template_ids"  # SKUs, ISBNs, flight numbers: codes of things, not people
    if STORAGE_LOCATIONS in facts and words & LOCATION_NAME_WORDS and not words & PERSON_ROLE_WORDS:
        return "storage locations, name says location", "storage_locations"  # the file or object a pipeline reads, not its rows
    if {SHORT_LABELS, NO_FIRST_NAMES, REPEATED_VALUES} <= facts and names_a_thing(name) \
            and not words & PERSON_ROLE_WORDS:
        return "repeated labels without first names, name says things", "short_labels"
    return None


def keyed_categories(name: str, verdict: ColumnClassification) -> str | None:
    """Why a column of few repeated values may be keys rather than labels, in words, or None when nothing says so.

    Low cardinality vouches for labels (``active``, ``closed``); a name that says key (``student_id``,
    ``member_no``, ``id_user``) or values written like keys (``18-0855``, ``GHCU12040155``: the shape's
    ``identifier-shaped`` fact) say the few values are a few people's numbers as likely as labels. Key-shaped
    values under a name whose head is a place or a course (``room``: ``B-204``; ``course``: ``CS101``,
    :data:`CODED_PLACE_WORDS`) are those places' codes; periods (``2023-24``, ``FY24Q1``) never get the fact.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> few = ValueShape("categorical")
    >>> keyed_categories("student_id", ColumnClassification("student_id", None, 0.8, None, shape=few))
    'name says key'
    >>> coded = ValueShape("categorical", facts=("repeated values", "identifier-shaped"))
    >>> keyed_categories("visitor", ColumnClassification("visitor", None, 0.8, None, shape=coded))
    'values are shaped like keys'
    >>> keyed_categories("status", ColumnClassification("status", None, 0.8, None, shape=few)) is None
    True
    >>> keyed_categories("room", ColumnClassification("room", None, 0.8, None, shape=coded)) is None
    True
    """
    from maskline.infotypes.name_hints import name_words

    words = name_words(name)
    if words and (_key_word(words[-1]) or (len(words) > 1 and words[0] in KEY_LEADING_WORDS)):
        return "name says key"
    if verdict.shape is not None and IDENTIFIER_SHAPED in verdict.shape.facts \
            and not (words and words[-1] in CODED_PLACE_WORDS):
        return "values are shaped like keys"
    return None


def _key_word(word: str) -> bool:
    """A name's word that says key: one of :data:`ID_NAME_WORDS`, or a compound ending in a number word
    (``kundennummer``); a bare ``id`` ending is not read inside a word (``paid``, ``valid``, ``fluid``)."""
    return word in ID_NAME_WORDS or (word.endswith(ID_NAME_SUFFIXES) and not word.endswith("id"))


# Heads of names whose values are codes of places and courses, written like keys (room B-204, course CS101): a few
# rooms or courses repeated over a timetable's rows are labels, not people's numbers. An allow-list of heads: the
# word must end the name (room_guest, course_student are people), and a name that says key (room_id) still withholds.
CODED_PLACE_WORDS = frozenset({
    "room", "rooms", "classroom", "salle", "sala", "raum", "building", "gebaude", "batiment", "gate", "floor", "ward",
    "course", "cours", "curso", "corso", "kurs",
})
# Words that open a key's name in languages and schemas that put the key first (id_user, nr_kunde; not ``no``: no_show).
KEY_LEADING_WORDS = frozenset({"id", "nr", "num", "numero", "número", "numéro", "nummer"})


def closed_vocabulary(verdict: ColumnClassification) -> str | None:
    """The closed public vocabulary all of a column's values belong to, as its shape recorded it, in words, or None.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> zones = ValueShape("text", vocabulary="time zones")
    >>> closed_vocabulary(ColumnClassification("tz", None, 0.75, None, shape=zones))
    'closed vocabulary: time zones'
    """
    shape = verdict.shape
    if shape is None or shape.kind not in ("text", "categorical") or not shape.vocabulary:
        return None
    return f"closed vocabulary: {shape.vocabulary}"


# Safe kinds whose values prove them only with the column's name (maskline.classify.named_kinds): a quantity and a door
# code, a model year and a PIN, a flag and an answer share their values.
NAMED_KINDS = frozenset({"counts", "flags", "status_words", "http_statuses", "measurements", "years"})
# Weak near misses of check-digit detectors: random digits validate at their chance rate, so event times have some.
# Indonesia's NIK has no check digit but a regency and a date (``nik``): microsecond epochs pass it some 6% of the time.
CHANCE_CHECK_DETECTORS = frozenset({"checksum-digits", "national-check-digits", "luhn", "nik"})


def proven_kind(name: str, verdict: ColumnClassification) -> str | None:
    """The safe kind a column's values prove (:mod:`maskline.classify.safe_kinds`), in words, or None when there is
    none or something outweighs it.

    Outweighing it: a name that hints an info type or (except for checked book numbers) suggests a code, a date of
    birth or a phone (the values and the name disagree, so the column is masked); any guess the classifier made
    below ``min_confidence``; for amounts, any near miss at all; for event times and book numbers, a near miss
    other than a check-digit detector's chance share (their digits pass such checks at chance, or by design); for
    versions, also the weak IPv4 guess their four-part values raise (the kind's own test bounds address-shaped values).

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.safe_kinds import SafeKind
    >>> from maskline.classify.shape import ValueShape
    >>> from maskline.classify.signals import NearMiss, Signals
    >>> money = Signals(safe_kind=SafeKind.MONEY_AMOUNTS)
    >>> proven_kind("fld_k", ColumnClassification("fld_k", None, 0.8, None, shape=ValueShape("text"), signals=money))
    'proven kind: money amounts'
    >>> proven_kind("birth_ts", ColumnClassification("birth_ts", None, 0.8, None, signals=money)) is None
    True
    """
    from maskline.classify.safe_kinds import SafeKind

    kind = verdict.signals.safe_kind
    if kind is None or _hinted(name, verdict):
        return None
    if kind in NAMED_KINDS:
        return named_kind_pass(name, verdict)
    # Name words such as code, pin or card warn of numbers that are postal codes or PINs; checked book numbers
    # are proven to be neither, so only a name hinting an info type outweighs them.
    if kind is not SafeKind.BOOK_NUMBERS and _suspect_name(name, verdict):
        return None
    explained = CHANCE_CHECK_DETECTORS | ({"ipv4"} if kind is SafeKind.VERSIONS else set())
    for miss in verdict.signals.near_misses:
        if not miss.weak or kind is SafeKind.MONEY_AMOUNTS or miss.detector not in explained:
            return None
    return "proven kind: " + kind.value.replace("_", " ")


def named_kind_pass(name: str, verdict: ColumnClassification) -> str | None:
    """Why a column whose values proved a kind that needs its name (:mod:`maskline.classify.named_kinds`: counts,
    flags, status words, HTTP statuses, measurements, years) passes, in words, or None.

    The name must say the same kind (:func:`~maskline.classify.named_kinds.name_says`) and hint no info type; no
    near miss at all is outweighed (unlike event times, these values have no check digits to pass at chance); a
    suspect name word (``code``, ``pin``, ``birth``, ``age``) withholds, except ``code`` beside registered HTTP
    statuses (``status_code``: the registry decides, not the word).

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.safe_kinds import SafeKind
    >>> from maskline.classify.shape import ValueShape
    >>> from maskline.classify.signals import Signals
    >>> def col(name, kind):
    ...     return ColumnClassification(name, None, 0.95, None, shape=ValueShape("text"), signals=Signals(safe_kind=kind))
    >>> named_kind_pass("order_qty", col("order_qty", SafeKind.COUNTS))
    'proven kind: counts, name agrees'
    >>> named_kind_pass("c7", col("c7", SafeKind.COUNTS)) is None, named_kind_pass("pin", col("pin", SafeKind.COUNTS)) is None
    (True, True)
    >>> named_kind_pass("status_code", col("status_code", SafeKind.HTTP_STATUSES))
    'proven kind: http statuses, name agrees'
    """
    from maskline.classify.named_kinds import name_says
    from maskline.classify.safe_kinds import SafeKind
    from maskline.infotypes.name_hints import name_words

    kind = verdict.signals.safe_kind
    if kind is None or kind not in NAMED_KINDS or _hinted(name, verdict) or verdict.signals.near_misses:
        return None
    suspect = {w for w in name_words(name) if w in SUSPECT_NAME_WORDS}
    if suspect - ({"code"} if kind is SafeKind.HTTP_STATUSES else set()):
        return None
    if not name_says(kind, name):
        return None
    return "proven kind: " + kind.value.replace("_", " ") + ", name agrees"


def _hinted(name: str, verdict: ColumnClassification | None) -> bool:
    """Whether the column's name hints an info type, as the classifier recorded it when it weighed the name (its
    own hints and the policy's custom ones); without a verdict, or one without the record (a scan stored before it
    was kept, a verdict built by hand), it is read from the name, as the decision did then."""
    recorded = verdict.signals.name_hint if verdict is not None else None
    if recorded is not None:
        return recorded
    from maskline.infotypes.name_hints import hint_score

    return bool(hint_score(name))


def _person_shaped(verdict: ColumnClassification) -> bool:
    """The classifier saw names' shape (``john smith``, ``Ann Lee``) that no detector confirmed.

    A categorical column passes on a lower bar than text (a few repeated labels); a few people repeated over
    many rows are such a column, and only this signal tells them from labels.
    """
    return verdict.signals.person_shaped


def _name_refuted_person(verdict: ColumnClassification) -> bool:
    """The values looked like people's names and something else refuted it: the column name (storm, product...)
    or a shape statistic."""
    return "PERSON_NAME" in verdict.signals.refuted


def _says_identifier(words: set[str]) -> bool:
    return bool(words & ID_NAME_WORDS) or any(w.endswith(ID_NAME_SUFFIXES) for w in words)


# Name words that say a column holds a key (order_id, Kundennummer, invoice_no), for template ids.
ID_NAME_WORDS = frozenset({"id", "ids", "nr", "no", "num", "number", "nummer", "numero", "número", "numéro", "ref",
                           "reference", "referenz", "référence", "referencia", "riferimento", "referentie", "key",
                           "identifier", "kennung", "uid", "uuid", "guid"})
ID_NAME_SUFFIXES = ("nummer", "numero", "número", "numéro", "nr", "id")
# Name words that say a column holds where data lives (path, s3_key, output_prefix), for storage locations.
# url/uri/location are not among them: those names hint URL or coordinates, which the decision never passes.
LOCATION_NAME_WORDS = frozenset({
    "path", "paths", "filepath", "file", "files", "filename", "key", "prefix", "src", "source", "dst", "dest",
    "destination", "target", "input", "output", "bucket", "object", "blob", "dir", "directory", "folder",
    "artifact", "manifest", "archive", "dataset",
})
# Name words of people's roles (product_owner, item_manager): such a column holds who, not what.
PERSON_ROLE_WORDS = frozenset({
    "owner", "manager", "contact", "customer", "client", "user", "employee", "staff", "author", "buyer", "seller",
    "agent", "rep", "assignee", "creator", "reviewer", "approver", "driver", "person", "people", "holder",
    "recipient", "sender", "signer", "guest", "member", "by", "who", "kunde", "kundin", "mitarbeiter", "inhaber",
    "besitzer", "cliente", "klant", "proprietaire", "propriétaire", "responsable", "dono", "titular", "eigenaar",
})


def near_misses(verdict: ColumnClassification) -> list[str]:
    """The classifier's guesses that fell short (below ``min_confidence``, or weakly validated values), in words.

    Read from the verdict's typed signals (:class:`~maskline.classify.signals.NearMiss`), never its evidence.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.signals import NearMiss, Signals
    >>> near_misses(ColumnClassification("c", None, 0.6, None, signals=Signals((NearMiss("PHONE", 0.4),))))
    ['PHONE 0.40']
    """
    return [str(m) for m in verdict.signals.near_misses]


def _suspect_name_reason(name: str, verdict: ColumnClassification | None) -> str:
    """Why a suspect name keeps a column masked: the info type its name hints (which the values did not confirm, or
    the verdict would carry it), else the words that name a code, a coordinate, a card or a date of birth.

    >>> _suspect_name_reason("full_name", None), _suspect_name_reason("product_code", None)
    ('name suggests PERSON_NAME, which the values did not confirm', 'name suggests a code, coordinate, card or date of birth')
    >>> _suspect_name_reason("DEATHDATE", None)
    "name suggests a person's date of death"
    """
    if _hinted(name, verdict):
        from maskline.infotypes.name_hints import hint_score

        # Custom info types' hints are recorded in the verdict but not known here: name no type then.
        hints = hint_score(name)
        if hints:
            return f"name suggests {hints[0][0]}, which the values did not confirm"
        return "name suggests an info type, which the values did not confirm"
    from maskline.infotypes.name_hints import name_words

    if DEATH_WORDS & set(name_words(name)):
        return "name suggests a person's date of death"
    return "name suggests a code, coordinate, card or date of birth"


def _suspect_name(name: str, verdict: ColumnClassification | None = None) -> bool:
    from maskline.infotypes.name_hints import name_words

    return _hinted(name, verdict) or any(w in SUSPECT_NAME_WORDS for w in name_words(name))
