"""Classify one column: fuse its name, its type and its sampled values into one verdict.

The core reads :class:`~maskline.classify.values.ColumnValues` (distinct values
and their counts), so it needs neither pandas nor Arrow. Each detector's pattern
runs once per distinct value, first on a random probe (a pattern that matches
none of the probe is skipped); validators run on a capped random subset of the
candidates; a detector may refute a whole column by a value-shape statistic
(:mod:`maskline.infotypes.shape_checks`). The evidence says which signals fired
and what share validated, never a value.

>>> c = classify_column("contact", ["ana@correo.es", "bo@x.org", None, "n/a"] * 5)
>>> c.info_type, c.evidence[0]
('EMAIL', 'values:email 1.00 validated (2 checked)')
>>> classify_column("order_id", ["ORD-%06d" % i for i in range(50)]).info_type is None
True
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from maskline.classify.evidence import Evidence
from maskline.classify.placeholders import NULL_LIKE, placeholders_of
from maskline.classify.result import (
    NONE_IDENTIFYING_SHAPE,
    NONE_NAME_DISAGREES,
    NONE_NO_VALUES,
    NONE_NOTHING_FOUND,
    NONE_PROSE,
    NONE_WEAK_VALUES,
    SAFE_CONFIDENCE,
    ColumnClassification,
)
from maskline.classify.signals import IdentifyingShape, NearMiss, Signals
from maskline.classify.values import ColumnValues, as_column_values, with_ascii_digits
from maskline.infotypes.binomial import tail_at_least
from maskline.infotypes.detectors import DETECTORS

if TYPE_CHECKING:
    from maskline.infotypes.phone_plans import PlanFit

VALIDATE_CAP = 128  # validated candidates per detector and column; the share is estimated from them
PROBE = 256  # distinct values a pattern is first tried on; if none matches, the rest are not scanned
SCAN_CAP = 2000  # distinct values patterns run on; beyond it, a weighted random subset estimates the shares
HEAVY_CAP = 500  # the most frequent distinct values are always scanned, so placeholders weigh what they should
MIN_SHARE = 0.1  # share of values that must validate for a value-only verdict (mixed columns)
SENTENCE_WORDS = 5  # a value of this many words is a sentence, not a name or a label
CLEAR_SHARE = 0.5  # values this share of which validate as one type are "clearly of that kind"
DISTINCTIVE_CHANCE = 0.2  # ... when random strings of their shape pass the validator less often than this
DEFAULT_MIN_CONFIDENCE = 0.6


@dataclass(frozen=True)
class CustomDetector:
    """A policy's own info type: a Python pattern, an optional validator, its name hints and category."""

    info_type: str
    category: str
    pattern: str | None
    validator: Callable[[str], bool] | None
    name_hints: tuple[str, ...]


class _Scan:
    """The distinct values patterns run on, with each one's weight (its count, scaled when subsampled)."""

    def __init__(self, col: ColumnValues, keep: list[int]) -> None:
        if len(keep) <= SCAN_CAP:
            chosen, weights = keep, [float(col.counts[i]) for i in keep]
        else:
            by_count = sorted(keep, key=col.counts.__getitem__, reverse=True)  # stable: ties keep their order
            heavy = [i for i in by_count[:HEAVY_CAP] if col.counts[i] > 1]
            rest = by_count[len(heavy):]
            drawn = random.Random(len(keep)).sample(rest, SCAN_CAP - len(heavy))
            rest_w = sum(col.counts[i] for i in rest)
            drawn_w = sum(col.counts[i] for i in drawn) or 1
            scale = rest_w / drawn_w
            chosen = heavy + drawn
            weights = [float(col.counts[i]) for i in heavy] + [col.counts[i] * scale for i in drawn]
        self.values = [col.values[i] for i in chosen]
        self.weights = weights
        self.n = float(sum(col.counts[i] for i in keep))
        self.distinct = len(keep)  # of the column's values, whether or not ``values`` are a sample of them
        order = list(range(len(self.values)))
        self.probe = order if len(order) <= PROBE else random.Random(len(order)).sample(order, PROBE)

    def matching(self, rx: Any) -> list[int]:
        fm = rx.fullmatch
        probe_values = self.values
        if len(self.probe) < len(self.values) and not any(fm(probe_values[i]) for i in self.probe):
            return []
        return [i for i, v in enumerate(self.values) if fm(v)]


_TIME_OF_DAY = re.compile(r"[T ](?!00:00(:00)?(\.0+)?( ?(Z|UTC|[+-]00:?00))?$)\d{1,2}:\d{2}")


def type_note(type_name: str) -> str:
    """The column's type as the evidence shows it: its name and numeric parameters only
    (:func:`maskline.shown_types.shown_type`, an allow-list). Evidence is printed by ``maskline scan`` and kept in
    the stored scan, and a type can spell values: DuckDB's ``ENUM('ann@quill.example', ...)`` lists every value
    of its column.

    >>> type_note("VARCHAR"), type_note("ENUM('ann@quill.example', 'bob@b.example')"), type_note("decimal(18,3)")
    ('VARCHAR', 'ENUM(...)', 'decimal(18,3)')
    """
    from maskline.shown_types import shown_type

    return shown_type(type_name) or type_name


@cache
def _regex(pattern: str) -> Any:
    import re

    return re.compile(pattern)


def classify_column(name: str, values: Any, *, sql_type: str | None = None,
                    custom: Sequence[CustomDetector] = (), allow_list: Sequence[str] = (),
                    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                    table_rows: int | None = None, table: str | None = None) -> ColumnClassification:
    """Classify one column from its name and a sample of its values.

    ``values`` is a :class:`~maskline.classify.values.ColumnValues`, a pyarrow
    Array or ChunkedArray, a pandas Series, or a list. ``table_rows`` is the
    table's size when the values are a sample of it (shape statistics use it).
    ``table`` is the name of the column's table, if known: a column that is only called ``name`` (``title``,
    ``label``) in a table named for things (``storms``, ``dim_products``) holds the things' names, as if it were
    called ``storm_name`` (:mod:`maskline.infotypes.table_names`); nothing else reads it.
    The verdict carries the values' shape (:mod:`maskline.classify.shape`), which the fail-closed
    decision reads for columns without an info type.

    >>> classify_column("geburtsdatum", ["1984-07-21", "1990-02-03"] * 10).info_type
    'DATE_OF_BIRTH'
    >>> classify_column("qty", ["3", "10"] * 10).shape.kind
    'numeric'
    >>> storms = ["Katrina", "Andrew", "Sandy", "Maria", "Irma", "Harvey", "Ida", "Wilma"] * 5
    >>> classify_column("name", storms).info_type, classify_column("name", storms, table="storms").info_type
    ('PERSON_NAME', None)
    """
    from maskline.classify.safe_kinds import safe_kind
    from maskline.classify.shape import shape_of
    from maskline.classify.text_marks import without_text_marks

    # Digits of every script read as ASCII, once, before any detector, validator or shape reads a value.
    col = with_ascii_digits(as_column_values(values))
    # The detectors read a number a spreadsheet marked as text ('0183) without its mark; the shape and the
    # proven-safe kind below, which the fail-closed decision and the query path's shape guard read, keep it.
    verdict = _classify_column(name, without_text_marks(col), sql_type=sql_type, custom=custom,
                               allow_list=allow_list, min_confidence=min_confidence, table_rows=table_rows,
                               table=table)
    # The positive evidence of safety the decision may read (maskline.classify.safe_kinds), beside the shape. It
    # reads it only for a column without an info type, so a typed column is spared the test of every value.
    kind = safe_kind(col) if verdict.info_type is None else None
    return replace(verdict, shape=shape_of(col, sql_type), signals=replace(verdict.signals, safe_kind=kind))


def _classify_column(name: str, col: ColumnValues, *, sql_type: str | None, custom: Sequence[CustomDetector],
                     allow_list: Sequence[str], min_confidence: float,
                     table_rows: int | None, table: str | None = None) -> ColumnClassification:
    from maskline.infotypes.name_hints import contains_words, hint_score, hints_refuted_by_values, name_words
    from maskline.infotypes.table_names import codes_by_table, things_by_table

    kind = col.kind
    shown_type = sql_type or kind
    evidence: list[str] = []
    extra_hints = {c.info_type: c.name_hints for c in custom if c.name_hints}
    hints = dict(hint_score(name, extra_hints))
    # A column only called "name" in a table named for things (storms.name) is read as if it were called
    # storm_name: its name hints no person (hint_score gives storm_name none), and _decide refutes values that read
    # as first names. Only that: the table's name is no evidence for or against any other type.
    thing = things_by_table(name, table)
    # A column only called "code" or "number" in a table of flights (voo_tb.codigo) holds the flights' codes, as a
    # column called flight_code would: only place readings of its values are refuted (_decide).
    public_code = codes_by_table(name, table) is not None
    if thing:
        hints.pop("PERSON_NAME", None)
    if kind in ("bool", "binary"):
        if col.total <= col.nulls:  # an empty day's BOOLEAN is no evidence: judged as any column of no values
            return _name_only(name, hints, shown_type, evidence, custom, min_confidence)
        return ColumnClassification(name, None, 0.95, None, (f"type:{type_note(shown_type)}",), 0.0, shown_type)
    if col.nulls and col.total:
        evidence.append(f"nulls:{col.nulls / col.total:.2f}")

    found: list[Evidence] = []
    if kind == "date":
        if not col.years:
            return _name_only(name, hints, shown_type, evidence, custom, min_confidence)
        found.extend(_date_evidence(col, hints))
        n = sum(c for _, c in col.years)
        return _decide(name, hints, found, shown_type, evidence, custom, min_confidence, n, prose=False, thing=thing)

    if kind == "string" and any(v[-1:] == "0" and _WHOLE_FLOAT.match(v) for v in col.values[:PROBE]):
        col = _whole_numbers_as_typed(col)
    if kind == "string" and any("e+" in v and _EXPORTED_SCIENTIFIC.match(v) for v in col.values[:PROBE]):
        col = _exported_numbers_as_digits(col)
    # One set for the allow-list, the null words and the placeholders: this loop reads every sampled value.
    skip = {s.casefold() for s in allow_list} | set(NULL_LIKE) | placeholders_of(kind)
    longest = max((len(x) for x in skip), default=0)
    # Values without a letter or digit ("—", "?", "...") are placeholders too, in any language.
    has_alnum = _LETTER_OR_DIGIT.search
    keep = [i for i, v in enumerate(col.values) if (len(v) > longest or v.casefold() not in skip) and has_alnum(v)]
    if kind == "string" and keep:  # truncated card numbers (411111******1111): placeholders, no cardholder data
        keep = _without_truncated_cards(col, keep, hints, evidence)
    if not keep:
        return _name_only(name, hints, shown_type, evidence, custom, min_confidence)
    scan = _Scan(col, keep)
    # A hint word that is also an everyday word (``cap``: Italy's postal code, or a capacity): the values say which.
    for info_type, why in hints_refuted_by_values(name, hints, scan.values):
        del hints[info_type]
        evidence.append(f"refuted:{info_type.lower()} ({why})")
    words = name_words(name)
    for d in DETECTORS:
        if kind not in d.kinds or (d.needs_hint and d.info_type not in hints):
            continue
        if d.names and not any(contains_words(words, seq) for seq in d.names):
            continue
        idx = scan.matching(_regex(d.anchored))
        if idx:
            found.append(_validate(d.info_type, d.name, idx, d.validator, d.chance, d.needs_hint, d.strength,
                                   scan, d.refute, d.note, d.min_share, d.twin_chance))
    # A phone name does not skip the reading by values: its detectors validate in the listed regions only, and Cape
    # Verde's numbers stored as integers, half with their calling code (``2382257769`` beside ``9982974``), under
    # ``mob_no`` were left untyped while the same column under ``c5`` was read as phones (extcsv28).
    if kind in ("string", "integer") and ("PHONE" not in hints or not _phone_shown(found)):
        plan = _phone_plan_evidence(scan)
        if plan is not None:
            found.append(plan)
    if kind == "string" and not any(ev.info_type == "PHONE" and ev.share >= 0.5 for ev in found):
        plus = _plus_written_evidence(scan)  # a + and a calling code, the digits random (test generators)
        if plus is not None:
            found.append(plus)
    if kind == "string" and not any(ev.info_type == "PHONE" and ev.share >= 0.5 for ev in found):
        found.extend(_phone_cell_evidence(scan, hints, words))  # extensions, two numbers a cell, full-width forms
    if kind == "string" and not any(ev.info_type == "PHONE" and ev.share >= 0.5 for ev in found):
        bare = _bare_calling_code_evidence(scan)  # 33 1 42 68 53 00, 0033142685300, 1-800-FLOWERS: no "+"
        if bare is not None:
            found.append(bare)
    if kind in ("string", "integer") and "PHONE" in hints:  # a phone name over numbers whose trunk zero was lost
        restored = _restored_trunk_evidence(scan)
        if restored is not None:
            found.append(restored)
    if kind == "string" and "PERSON_NAME" in hints:  # names folded to lower case (melany, da silva)
        from maskline.classify.lower_case_names import lower_case_name_evidence

        found.extend(lower_case_name_evidence(scan.values, scan.weights, scan.n, hints))
    if kind == "string" and "PHONE" in hints:  # local numbers (555-0101): no area code for a plan to validate
        from maskline.classify.local_phones import named_local_phone_evidence

        found.extend(named_local_phone_evidence(scan.values, scan.weights, scan.n, hints))
    if kind in ("string", "integer") and "DATE_OF_BIRTH" in hints:  # birth dates kept as Unix seconds or ms
        from maskline.classify.birth_epochs import named_birth_epoch_evidence

        found.extend(named_birth_epoch_evidence(scan.values, scan.weights, scan.n, hints))
    if kind in ("string", "integer"):  # cards whose check digit fails: the column's issuer ranges and lengths
        from maskline.classify.card_issuers import card_issuer_evidence

        found.extend(card_issuer_evidence(scan.values, scan.weights, scan.n))
    if kind in ("string", "integer") and "NATIONAL_ID" in hints:  # named national numbers whose check fails
        from maskline.classify.named_templates import named_template_evidence

        found.extend(named_template_evidence(scan.values, scan.weights, scan.n, hints))
    if kind in ("string", "integer") and "US_SSN" in hints:  # SSNs never issued (999-52-7304): test data's habit
        from maskline.classify.named_templates import named_template_evidence

        found.extend(named_template_evidence(scan.values, scan.weights, scan.n, hints, "US_SSN"))
    if kind == "string" and "NATIONAL_ID" not in hints:  # "pan": a card's number or India's PAN; the values say
        from maskline.classify.named_templates import PAN_NAME_HINT, named_pan_evidence

        pans = named_pan_evidence(scan.values, scan.weights, scan.n, name)
        if pans:
            found.extend(pans)
            hints["NATIONAL_ID"] = PAN_NAME_HINT
    if kind == "integer":  # postal codes stored as numbers, their leading zeros lost
        from maskline.classify.postal_shape import postal_number_evidence

        if _postal_by_values(name, hints):
            found.extend(postal_number_evidence(scan.values, scan.weights, scan.n, table_rows or int(scan.n),
                                                distinct=scan.distinct))
    if kind == "string" and "USERNAME" not in hints:
        handles = _handle_template_evidence(scan) or _single_template_handle_evidence(scan)
        if handles is not None:
            found.append(handles)
    if kind == "string":  # medical record numbers with no name to say so: the words some of them open with
        from maskline.classify.medical_records import medical_record_evidence

        found.extend(medical_record_evidence(scan.values, scan.weights, scan.n, table_rows))
    for c in custom:
        if c.pattern:
            ev = _run_custom(c, scan)
            if ev:
                found.append(ev)
    prose = False
    # A column whose values already validate as one structured type (spaced phones, grouped IBANs) is not
    # free text: the prose pass, and the NER model it may load, run only for columns that need them.
    structured = any(not ev.needs_hint and ev.share >= CLEAR_SHARE and ev.rate >= 0.8 for ev in found)
    if kind == "string" and not structured:
        from maskline.classify.free_text import free_text_evidence

        found.extend(free_text_evidence(scan.values, scan.weights, scan.n))
        prose = _is_prose(scan)
        if "DATE_OF_BIRTH" not in hints:
            found.extend(_age_distribution_evidence(scan))
        from maskline.classify.single_names import single_name_evidence

        found.extend(single_name_evidence(scan.values, scan.weights, scan.n))
        from maskline.classify.full_names import full_name_evidence

        found.extend(full_name_evidence(scan.values, scan.weights, scan.n))
        from maskline.classify.postal_shape import postal_code_evidence

        if _postal_by_values(name, hints):
            found.extend(postal_code_evidence(scan.values, scan.weights, scan.n, table_rows or int(scan.n),
                                              distinct=scan.distinct))
        from maskline.classify.house_numbers import numbered_street_evidence

        found.extend(numbered_street_evidence(scan.values, scan.weights, scan.n))
        # Document and account numbers with no name to say so: the column's template, not one value, decides.
        from maskline.classify.account_groups import grouped_account_evidence
        from maskline.classify.document_numbers import document_number_evidence

        found.extend(document_number_evidence(scan.values, scan.weights, scan.n, name))
        from maskline.classify.document_series import one_series_evidence

        found.extend(one_series_evidence(scan.values, scan.weights, scan.n, name))
        found.extend(grouped_account_evidence(scan.values, scan.weights, scan.n, name))
        from maskline.classify.bban_shape import bban_evidence

        found.extend(bban_evidence(scan.values, scan.weights, scan.n, name))
        from maskline.classify.checked_minority import checked_minority_evidence, iban_minority_evidence

        found.extend(checked_minority_evidence(scan.values, scan.weights, scan.n))
        found.extend(iban_minority_evidence(scan.values, scan.weights, scan.n))
        from maskline.classify.routing_accounts import routing_account_evidence

        found.extend(routing_account_evidence(scan.values, scan.weights, scan.n, name))
    # Shape checks read how many of the table's rows hold a value: a sparse column's 30 names in 300 rows are
    # 30 names, not a category repeated ten times.
    value_rows = round(table_rows * scan.n / col.total) if table_rows and col.total else None
    # The identifying shape is read only when no evidence decides (a typed column never needs it), so it is passed
    # as a function: reading every value's shape was a tenth of a large column's time, for nothing.
    return _decide(name, hints, found, shown_type, evidence, custom, min_confidence, int(scan.n), prose=prose,
                   table_rows=table_rows, value_rows=value_rows, shape=lambda: _identifying_shape(col, scan),
                   thing=thing, public_code=public_code)


_WHOLE_FLOAT = re.compile(r"^-?\d+\.0+$")


def _without_truncated_cards(col: ColumnValues, keep: list[int], hints: dict[str, float],
                             evidence: list[str]) -> list[int]:
    """``keep`` without the truncated card numbers (:mod:`maskline.classify.truncated_cards`): placeholders for
    every reading. A column of nothing else is no card column whatever its name says: its card hint is refuted."""
    from maskline.classify.truncated_cards import ALL_SHARE, truncated_indices

    values = [col.values[i] for i in keep]
    found = truncated_indices(values)
    if not found:
        return keep
    total = sum(col.counts[i] for i in keep)
    share = sum(col.counts[keep[j]] for j in found) / total
    evidence.append(f"values:truncated card numbers {share:.2f} (first six and last four at most: placeholders)")
    if share >= ALL_SHARE and hints.pop("CREDIT_CARD", None) is not None:
        evidence.append("refuted:credit_card (truncated card numbers only: no cardholder data under PCI DSS)")
    dropped = {keep[j] for j in found}
    return [i for i in keep if i not in dropped]
# A letter or a digit of any script: the same characters as str.isalnum(), found in C rather than a Python loop.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _whole_numbers_as_typed(col: ColumnValues) -> ColumnValues:
    """Text columns holding floats' text ("34987.0" among "n/a"): postal codes and ids read as typed ("34987")."""
    from maskline.classify.values import from_counts

    rebuilt = from_counts("string", zip(col.values, col.counts, strict=True), col.total, 0)
    return ColumnValues(col.kind, rebuilt.values, rebuilt.counts, col.total, col.nulls, col.years, col.midnight)


_EXPORTED_SCIENTIFIC = re.compile(r"^\d\.\d{1,15}e\+\d{2}$")  # Python's, pandas', R's and DuckDB's, not Excel's E


def _exported_numbers_as_digits(col: ColumnValues) -> ColumnValues:
    """Text columns holding long numbers a CSV writer printed in scientific notation with every digit
    ("4.111111111111111e+15": pandas' float column, a lower-case e): read as their digits
    (:func:`maskline.classify.values.exported_whole_text`). Excel's six significant digits ("4.11111E+15") stay
    text: read as digits they end in zeros, which check-digit readings take for accounts;
    :mod:`maskline.classify.card_issuers` reads their issuer ranges and lengths itself."""
    from collections import Counter

    from maskline.classify.values import exported_whole_text

    merged: Counter[str] = Counter()
    for v, c in zip(col.values, col.counts, strict=True):
        merged[exported_whole_text(v)] += c
    return ColumnValues(col.kind, tuple(merged), tuple(merged.values()), col.total, col.nulls, col.years,
                        col.midnight)


_TOKEN = re.compile(r"^[^\s]{4,40}$")
_DECIMAL = re.compile(r"^-?\d+([.,]\d{1,2})?$")
_NAME_LIKE = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(\s+[^\W\d_][^\W\d_'’.-]*){0,2}$")
# Document and account numbers written in digit groups (a passport's series and number, a sort code and account).
_GROUPED_DIGITS = re.compile(r"^[0-9]{2,6}([ /-][0-9]{2,11}){1,3}$")
_DATE_SHAPE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")


def _identifying_shape(col: ColumnValues, scan: _Scan) -> tuple[IdentifyingShape, str] | None:
    """Why values no detector confirmed could still single someone out (typed, and in words), or None.

    It decides only how sure "nothing sensitive" is (``safe`` or ``uncertain``), never an info type:
    high-cardinality single tokens (ids, handles, document numbers, codes), short capitalised words
    (names), floats with four or more decimals (coordinates), dates spread over decades (birth dates), digit
    strings whose check digit holds (:mod:`maskline.classify.checked_numbers`).
    """
    values, weights, n = scan.values, scan.weights, scan.n or 1.0
    distinct_share = len(col.values) / max(1, sum(col.counts))

    def share(test: Callable[[str], Any]) -> float:
        return sum(w for v, w in zip(values, weights, strict=True) if test(v)) / n

    if col.kind == "float":
        from maskline.classify.shape import unit_interval

        if share(lambda v: "." in v and len(v.split(".")[1]) >= 4 and abs(float(v)) <= 180) >= 0.5 \
                and not unit_interval([float(v) for v in values]):  # scores and shares, not places
            return IdentifyingShape.COORDINATE_DECIMALS, "coordinate-like decimals"
        return None
    if share(lambda v: bool(_DATE_SHAPE.match(v))) >= 0.5:
        years = [int(m.group(0)) for v in values for m in [re.search(r"(19|20)\d\d", v)] if m]
        return (IdentifyingShape.DATES_OVER_DECADES, "dates over decades") \
            if years and max(years) - min(years) >= 20 else None
    from maskline.classify.digit_entropy import drawn_digit_strings, padded_record_numbers

    if drawn_digit_strings(values, weights, n):  # read as amounts below, yet no amount has twelve digits
        return IdentifyingShape.DRAWN_DIGITS, "long drawn digit strings"
    if padded_record_numbers(values, weights, n, sum(col.counts)):  # nor is any amount zero-padded
        return IdentifyingShape.PADDED_RECORD_NUMBERS, "zero-padded record numbers"
    from maskline.classify.checked_numbers import checked_digit_strings

    scheme = checked_digit_strings(values)
    if scheme:  # nor carries a check digit: a registry issued these (patients, people, accounts, devices)
        return IdentifyingShape.CHECK_DIGIT, f"a {scheme} check digit in nearly every value"
    if distinct_share >= 0.3 and share(lambda v: bool(_TOKEN.match(v)) and not _DECIMAL.match(v)
                                       or bool(_GROUPED_DIGITS.match(v)) and sum(c.isdigit() for c in v) >= 7
                                       ) >= 0.8:
        return IdentifyingShape.IDENTIFIER_LIKE, "identifier-like values"
    if col.kind == "string" and distinct_share >= 0.05 and share(lambda v: bool(_NAME_LIKE.match(v))
                                                               and v[:1].isupper()) >= 0.5:
        return IdentifyingShape.NAME_LIKE_WORDS, "name-like words"
    # No distinct-share floor here, unlike the shapes above: a few people repeated over many rows (an assignee
    # column of four team members) is the categorical case, and the name lexicon, not the spread, tells them.
    if col.kind == "string" and _lower_case_names(values, weights, n):
        return IdentifyingShape.LOWER_CASE_NAMES, "lower-case names"
    return None


_LOWER_NAMES_CHECKED = 200  # distinct values read: enough for the share, and the name lexicon costs per value
_LOWER_NAMES_SHARE = 0.3


def _lower_case_names(values: Sequence[str], weights: Sequence[float], n: float) -> bool:
    """Whether most values are lower-case words of which many read as people's names once capitalised.

    The person-name detectors need capitals (they keep slugs and tags out), so a column of names someone
    lower-cased ("john smith") found no detector and no name-like shape, and was judged safe: it is uncertain
    instead, which the fail-closed default masks.

    >>> _lower_case_names(["john smith", "maria garcia", "wei zhang"], [1.0] * 3, 3.0)
    True
    >>> _lower_case_names(["blue widget", "red gadget", "green gizmo"], [1.0] * 3, 3.0)
    False
    """
    from maskline.infotypes.validators import person_name

    lower = [(v, w) for v, w in zip(values[:_LOWER_NAMES_CHECKED], weights[:_LOWER_NAMES_CHECKED], strict=True)
             if " " in v and v.islower() and _NAME_LIKE.match(v)]
    checked = sum(weights[:_LOWER_NAMES_CHECKED])
    if not lower or sum(w for _, w in lower) < 0.5 * checked:
        return False
    named = sum(w for v, w in lower if person_name(v.title()))
    return named >= _LOWER_NAMES_SHARE * checked


def _validate(info_type: str, label: str, idx: list[int], validator: str | Callable[[str], bool] | None,
              chance: float, needs_hint: bool, strength: float, scan: _Scan,
              refute: str | tuple[str, ...] | None = None,
              note: str = "", min_share: float = 0.0, twin_chance: bool = False) -> Evidence:
    from maskline.infotypes.shape_checks import READS_COLUMN
    from maskline.infotypes.validators import VALIDATORS

    check = VALIDATORS[validator] if isinstance(validator, str) else validator
    cand_weight = sum(scan.weights[i] for i in idx)
    if check is None:
        rate, checked, validated = 1.0, len(idx), len(idx)
    else:
        chosen = idx if len(idx) <= VALIDATE_CAP else random.Random(len(idx)).sample(idx, VALIDATE_CAP)
        ok_w = all_w = 0.0
        validated = checked = 0
        for i in chosen:
            w = scan.weights[i]
            all_w += w
            checked += 1
            if check(scan.values[i]):
                ok_w += w
                validated += 1
            # Sequential test: once 32 checks agree this clearly, more would not change the verdict (a rate
            # under 0.3 cannot reach the 0.5 a verdict needs).
            if checked >= 32 and checked % 16 == 0 and not 0.3 < validated / checked < 0.95:
                break
        rate = ok_w / all_w if all_w else 0.0
        # Only a fit that could decide pays for the twins; the declared chance stays the floor.
        if twin_chance and check is not None and validated >= 0.5 * checked:
            from maskline.classify.twin_chance import twin_chance as measured

            chance = max(chance, measured([scan.values[i] for i in chosen[:checked]], check))
    share = cand_weight / scan.n * rate if scan.n else 0.0
    sample = [scan.values[i] for i in idx] if refute else []
    # A check that reads the whole column gets every value the patterns ran on (a reference, not a copy).
    reads_column = not READS_COLUMN.isdisjoint(_check_names(refute))
    return Evidence(info_type, label, share, rate, checked, validated, tail_at_least(validated, checked, chance),
                     needs_hint, strength, sample, refute, note, chance, min_share,
                     column=scan.values if reads_column else ())


_DIGIT_RUN = r"^[0-9]{7,17}$"
_NATIONAL_GROUPS = r"^(?:\(?[1-9]|\(?0[1-9])[0-9]*\)?[ ().\-/][0-9 ().\-/]{4,20}[0-9]$"  # separators, no + or 00
_NON_DIGIT = re.compile(r"[^0-9]")
PHONE_PLAN_STRENGTH = 0.85  # phones read from bare digits by their numbering plan (a column-level fit, not a format)


def _phone_plan_evidence(scan: _Scan) -> Evidence | None:
    """Phones stored as integers or bare digits, with no name to say so: the column's digit runs fit one numbering
    plan far better than random digits of their lengths and prefixes would (:mod:`maskline.infotypes.phone_plans`).

    Half the values must be digit runs; the p-value is corrected for the plans tried; row ids are refuted, and ids
    whose line numbers (last four digits) show a field's pattern are no phones (:mod:`~maskline.infotypes.line_numbers`).
    """
    from maskline.infotypes.line_numbers import patterned_line_numbers, round_lines_explain
    from maskline.infotypes.nanp_regions import nanp_region_numbers
    from maskline.infotypes.phone_plans import national_format_fit, plan_fit
    from maskline.infotypes.validators import phone

    w = scan.weights
    runs = scan.matching(_regex(_DIGIT_RUN))
    # Digit groups in national notation ((0xx) xxx-xxxx, 0xx xxx xx xx) are read by their digits, as bare runs are:
    # the grouping alone is shared with accounts, ISSNs and document numbers.
    grouped_all = scan.matching(_regex(_NATIONAL_GROUPS))
    runs_w, grouped_all_w = sum(w[i] for i in runs), sum(w[i] for i in grouped_all)
    if runs_w + grouped_all_w < 0.5 * scan.n:
        return None
    # phone() parses in up to 19 regions: a sample of the groups estimates the share that pass it.
    sample = grouped_all if len(grouped_all) <= VALIDATE_CAP else \
        random.Random(len(grouped_all)).sample(grouped_all, VALIDATE_CAP)
    grouped = [i for i in sample if phone(scan.values[i])]
    sample_w = sum(w[i] for i in sample)
    grouped_w = grouped_all_w * sum(w[i] for i in grouped) / sample_w if sample_w else 0.0
    idx, weight = runs + grouped, runs_w + grouped_w
    if not idx or weight < 0.5 * scan.n:
        return None
    chosen = idx if len(idx) <= VALIDATE_CAP else random.Random(len(idx)).sample(idx, VALIDATE_CAP)
    digits = [_NON_DIGIT.sub("", scan.values[i]) for i in chosen]
    patterned = patterned_line_numbers(digits)
    if patterned and not round_lines_explain(digits):
        # Valid in some plan by their leading digits, but a fixed digit in the line number (a count within a year,
        # parcels in tens, a date's year) is a field of an id, never a subscriber's drawn number.
        return None
    fit = plan_fit(digits)
    if patterned and (fit is None or not nanp_region_numbers(digits)):
        # Round main lines (``...3500``) excuse the pattern only for one region's North American numbers.
        return None
    label = "phone-plan"
    if fit is None and runs_w >= 0.5 * scan.n:
        # National mobiles behind their trunk prefix (0612345678): their plan's dense ranges hide them from plan_fit,
        # but the kind of number does not (infotypes/trunk_mobiles).
        from maskline.infotypes.trunk_mobiles import trunk_mobile_fit

        fit, label = trunk_mobile_fit(digits), "trunk-mobile"
        if fit is None:
            fit, label = _opaque_mobile_fit(digits)
    if fit is None and grouped_w >= 0.5 * scan.n:
        # A permissive plan (any nine digits are French) still shows in how the digits are grouped.
        idx, weight, label = grouped, grouped_w, "phone-format"
        fit = national_format_fit([scan.values[i] for i in grouped])
    if fit is None:
        return _calling_code_evidence(scan, runs, runs_w)
    rate = fit.validated / fit.checked
    p_value = min(1.0, tail_at_least(fit.validated, fit.checked, fit.chance) * fit.tried)
    return Evidence("PHONE", f"{label} {fit.plan}", weight / scan.n * rate, rate, fit.checked, fit.validated,
                     p_value, False, PHONE_PLAN_STRENGTH, [scan.values[i] for i in idx], "surrogate_keys",
                     chance=fit.chance, min_share=0.5)


PHONE_SHOWN = 0.9  # share of a phone-named column the detectors validated, past which the plans are not read


def _phone_shown(found: list[Evidence]) -> bool:
    """Whether the detectors already validated phones in nearly all the column (``PHONE_SHOWN``), so the plan reading
    has nothing to add. Half is not enough: the listed regions' validation of half a column left it untyped."""
    return any(ev.info_type == "PHONE" and ev.share >= PHONE_SHOWN for ev in found)


PLUS_WRITTEN_STRENGTH = 0.75  # how phones are written, their validity unread: as CALLING_CODE_STRENGTH, modest


def _plus_written_evidence(scan: _Scan) -> Evidence | None:
    """Phones written with a ``+`` and a calling code, digit groups of the plan's lengths after it, their digits
    random enough to fail validation (:mod:`maskline.infotypes.plus_written`). Signed amounts, offsets and scores
    are refused there. The fit counts the column's distinct values, not their rows (a number repeated on many rows
    counts once), and the evidence's share is that count's; the plan fits above weigh their share by rows."""
    from maskline.infotypes.plus_written import plus_written_fit

    fit = plus_written_fit(scan.values)
    if fit is None:
        return None
    rate = fit.validated / fit.checked
    return Evidence("PHONE", f"plus-written {fit.plan}", rate, rate, fit.checked, fit.validated,
                     tail_at_least(fit.validated, fit.checked, fit.chance), False, PLUS_WRITTEN_STRENGTH,
                     list(scan.values), None, chance=fit.chance, min_share=0.5)


BARE_CALLING_CODE_STRENGTH = 0.9  # the plan's own grouping of a valid number, row after row: the + is all it lacks


def _bare_calling_code_evidence(scan: _Scan) -> Evidence | None:
    """Phones written internationally without their ``+`` (:mod:`maskline.infotypes.bare_calling_codes`): a calling
    code as the first group grouped as phonenumbers writes that valid number, ``00`` unspaced before valid numbers
    of one code spread over its plan, or toll-free vanity letters. Like the ``+`` writing, the fit counts distinct
    values."""
    from maskline.infotypes.bare_calling_codes import CHANCE, bare_calling_code_fit

    fit = bare_calling_code_fit(scan.values)
    if fit is None:
        return None
    rate = fit.validated / fit.checked
    return Evidence("PHONE", f"bare-calling-code {fit.form}", rate, rate, fit.checked, fit.validated,
                    tail_at_least(fit.validated, fit.checked, CHANCE), False, BARE_CALLING_CODE_STRENGTH,
                    list(scan.values), None, chance=CHANCE, min_share=0.5)


PHONE_CELL_SHARE = 0.2  # share of the rows whose cells must hold more than a number before they are read again


def _phone_cell_evidence(scan: _Scan, hints: Mapping[str, float], words: Any) -> list[Evidence]:
    """Phones stored with more than the number in their cell (an extension, a second number, full-width punctuation,
    scientific notation: :func:`~maskline.infotypes.phone_cells.phone_cell`), read by the column's own phone
    readings (the PHONE detectors, the numbering plans, the ``+`` writing) on the cells' first numbers. Only when
    :data:`PHONE_CELL_SHARE` of the rows are such cells: the readings above have read the rest as they stand. The
    verdict is still phonenumbers' or the plans', never the cut's: a column of ``2024/01234`` cuts to nothing."""
    from copy import copy

    from maskline.infotypes.name_hints import contains_words
    from maskline.infotypes.phone_cells import phone_cell

    cells = [phone_cell(v) for v in scan.values]
    if sum(w for c, w in zip(cells, scan.weights, strict=True) if c is not None) < PHONE_CELL_SHARE * scan.n:
        return []
    cut = copy(scan)
    cut.values = [v if c is None else c for v, c in zip(scan.values, cells, strict=True)]
    found: list[Evidence] = []
    for d in DETECTORS:
        if d.info_type != "PHONE" or "string" not in d.kinds or (d.needs_hint and "PHONE" not in hints):
            continue
        if d.names and not any(contains_words(words, seq) for seq in d.names):
            continue
        idx = cut.matching(_regex(d.anchored))
        if idx:
            found.append(_validate(d.info_type, d.name, idx, d.validator, d.chance, d.needs_hint, d.strength, cut,
                                   d.refute, d.note, d.min_share, d.twin_chance))
    if not any(ev.share >= 0.5 for ev in found):
        found.extend(ev for ev in (_phone_plan_evidence(cut), _plus_written_evidence(cut)) if ev is not None)
    for ev in found:
        ev.detector = f"phone-cells {ev.detector}"
    return found


def _opaque_mobile_fit(digits: list[str]) -> tuple[PlanFit | None, str]:
    """National mobiles with no name to say phone (:func:`~maskline.infotypes.trunk_mobiles.national_mobile_fit`):
    as they stand (Spain's ``612345678``, dialled with no trunk prefix), else with the trunk zero restored to those
    stored as integers (France's ``612345678``). Either reading must beat ids filling the runs' own range
    (``_range_chance``), so ids counted from ``1000000000`` (``010...`` once restored, a mobile block) stay ids."""
    from maskline.infotypes.trunk_mobiles import national_mobile_fit

    fit = national_mobile_fit(digits)
    if fit is not None:
        return fit, "national-mobile"
    restored = [d if d.startswith("0") else "0" + d for d in digits]
    return national_mobile_fit(restored), "trunk-restored"


def _postal_by_values(name: str, hints: Mapping[str, float]) -> bool:
    """Whether a column's values may make it a postal code: not under a name that says a measure, a count or a
    record key (``fincome``, ``n``, ``tailnum``), whose digits or letters fit a postal format by chance; a postal
    name (``postcode``, ending in "code") is read by its hint all the same.

    A name that hints a record number (``mrn``, ``passport_no``) is such a key too: ``MRN001`` or ``AB1234`` fit a
    country's letters-and-digits format by chance, and that bare shape does not outweigh what the name says.

    >>> _postal_by_values("c7", {}), _postal_by_values("faminc", {}), _postal_by_values("pcode", {"POSTAL_CODE": 0.9})
    (True, False, True)
    >>> _postal_by_values("mrn", {"MEDICAL_RECORD_NUMBER": 1.0}), _postal_by_values("city", {"STREET_ADDRESS": 0.6})
    (False, True)
    """
    from maskline.infotypes.name_hints import names_measure_or_key

    if "POSTAL_CODE" in hints:
        return True
    return not names_measure_or_key(name) and not any(hints.get(t, 0.0) > 0 for t in _RECORD_NUMBER_HINTS)


# Types whose hinted names number a record (a patient, a document, a person, an account): the postal reading of
# their values' bare shape yields to such a name (_postal_by_values).
_RECORD_NUMBER_HINTS = ("MEDICAL_RECORD_NUMBER", "PASSPORT", "NATIONAL_ID", "US_SSN", "BANK_ACCOUNT")


RESTORED_TRUNK_STRENGTH = 0.9  # as a phone name's digits that validate as they stand (the phonenumbers detector)


def _restored_trunk_evidence(scan: _Scan) -> Evidence | None:
    """Phones stored as integers, the trunk zero lost (Korea's ``1012345678`` for ``010-1234-5678``), under a name
    that says phone: with the zero restored, as postal codes stored as numbers get theirs back, nearly all are one
    region's mobiles (:func:`~maskline.infotypes.trunk_mobiles.trunk_mobile_fit`). It counts only with the name:
    without it, ids counted from ``1000000000`` would be Korean mobiles with a zero before them; with no name,
    :func:`_opaque_mobile_fit` reads them only where ids filling their range would not be mobiles."""
    from maskline.infotypes.trunk_mobiles import trunk_mobile_fit

    runs = [i for i in scan.matching(_regex(_DIGIT_RUN)) if scan.values[i][0] != "0"]
    weight = sum(scan.weights[i] for i in runs)
    if weight < 0.5 * scan.n:
        return None
    chosen = runs if len(runs) <= VALIDATE_CAP else random.Random(len(runs)).sample(runs, VALIDATE_CAP)
    fit = trunk_mobile_fit(["0" + scan.values[i] for i in chosen])
    if fit is None or not fit.plan:
        return None
    rate = fit.validated / fit.checked
    p_value = min(1.0, tail_at_least(fit.validated, fit.checked, fit.chance) * fit.tried)
    return Evidence("PHONE", f"trunk-restored {fit.plan}", weight / scan.n * rate, rate, fit.checked,
                     fit.validated, p_value, True, RESTORED_TRUNK_STRENGTH, [scan.values[i] for i in runs],
                     "surrogate_keys", chance=fit.chance)


CALLING_CODE_STRENGTH = 0.75  # phones in a plan's two forms, validity above chance but short of plan_fit's 90%


def _calling_code_evidence(scan: _Scan, runs: list[int], weight: float) -> Evidence | None:
    """Phones stored as integers with and without their country's calling code (:func:`calling_code_fit`):
    "validated" counts the runs of the plan's two forms; the p-value tests their validity against random twins."""
    from maskline.infotypes.phone_plans import CALLING_CODE_P, calling_code_fit

    chosen = runs if len(runs) <= VALIDATE_CAP else random.Random(len(runs)).sample(runs, VALIDATE_CAP)
    fit = calling_code_fit([scan.values[i] for i in chosen])
    p_value = 1.0 if fit is None else tail_at_least(fit.valid, fit.fitting, fit.chance)
    if fit is None or p_value >= CALLING_CODE_P:
        return _code_forms_evidence(scan, [scan.values[i] for i in chosen], runs, weight)
    rate = fit.fitting / fit.checked
    return Evidence("PHONE", f"calling-code {fit.plan}", weight / scan.n * rate, rate, fit.checked, fit.fitting,
                     p_value, False, CALLING_CODE_STRENGTH, [scan.values[i] for i in runs], "surrogate_keys",
                     note=f"{fit.valid / fit.fitting:.0%} valid numbers, random digits behind their prefixes "
                          f"{fit.chance:.0%}", chance=fit.chance, min_share=0.5)


CODE_FORMS_STRENGTH = 0.75  # phones read from where their calling code stands, their validity no evidence


def _code_forms_evidence(scan: _Scan, chosen: list[str], runs: list[int], weight: float) -> Evidence | None:
    """Phones stored as integers in plans (or from generators) where validity proves nothing: coded with their
    calling code beside national numbers (:func:`code_forms_fit`). "validated" counts the runs of either form;
    the p-value tests the coded runs against numbers spread over magnitudes (Benford)."""
    from maskline.infotypes.calling_code_forms import code_forms_fit

    fit = code_forms_fit(chosen)
    if fit is None:
        return None
    p_value = min(1.0, tail_at_least(fit.coded, fit.checked, fit.chance) * fit.tried)
    rate = fit.covered / fit.checked
    return Evidence("PHONE", f"calling-code-forms {fit.plan}", weight / scan.n * rate, rate, fit.checked,
                     fit.covered, p_value, False, CODE_FORMS_STRENGTH, [scan.values[i] for i in runs],
                     "surrogate_keys", note=f"{fit.coded / fit.checked:.0%} carry the calling code",
                     chance=fit.chance, min_share=0.5)


HANDLE_TEMPLATE_STRENGTH = 0.75  # handles read from a column's mix of templates (a column-level fit, no name)
HANDLE_TEMPLATE_CHANCE = 0.1


def _handle_template_evidence(scan: _Scan) -> Evidence | None:
    """Login handles with no name to say so: the column mixes the templates people choose handles by
    (:mod:`maskline.infotypes.handles`). A few labels repeated over the rows are refuted as labels."""
    from maskline.infotypes.handles import TOKEN_SHARE, handle_fit

    fit = handle_fit(scan.values, scan.weights)
    if fit is None:
        return None
    return Evidence("USERNAME", f"handle-templates ({fit.templates})", fit.share, 1.0, fit.checked, fit.checked,
                     tail_at_least(fit.checked, fit.checked, HANDLE_TEMPLATE_CHANCE), False,
                     HANDLE_TEMPLATE_STRENGTH, list(scan.values), "repeated_labels", chance=HANDLE_TEMPLATE_CHANCE,
                     min_share=TOKEN_SHARE)


# Handles of one template filled from a vocabulary: weaker than a mix of templates, since a script filling a template
# from a dictionary makes the same shape (maskline.infotypes.single_template_handles).
HANDLE_VOCABULARY_STRENGTH = 0.7
HANDLE_VOCABULARY_CHANCE = 0.1


def _single_template_handle_evidence(scan: _Scan) -> Evidence | None:
    """Login handles of one template with no name to say so: the words that fill the template come from a
    vocabulary, not a prefix or a small pool (:mod:`maskline.infotypes.single_template_handles`). A few labels
    repeated over the rows are refuted as labels."""
    from maskline.infotypes.single_template_handles import TEMPLATE_SHARE, single_template_fit

    fit = single_template_fit(scan.values, scan.weights)
    if fit is None:
        return None
    return Evidence("USERNAME", f"handle-vocabulary ({fit.template})", fit.share, 1.0, fit.checked, fit.checked,
                     tail_at_least(fit.checked, fit.checked, HANDLE_VOCABULARY_CHANCE), False,
                     HANDLE_VOCABULARY_STRENGTH, list(scan.values), "repeated_labels",
                     chance=HANDLE_VOCABULARY_CHANCE, min_share=TEMPLATE_SHARE)



def _run_custom(c: CustomDetector, scan: _Scan) -> Evidence | None:
    idx = scan.matching(_regex(f"(?:{c.pattern})"))
    if not idx:
        return None
    return _validate(c.info_type, "custom-pattern", idx, c.validator, 0.05, False, 0.9, scan)


def _is_prose(scan: _Scan) -> bool:
    """Half the values are sentences (five words or more). Only for the verdict: prose in which no PII was
    found is ``uncertain``, not ``safe``; whether it holds PII is :mod:`maskline.classify.free_text`'s call."""
    from maskline.classify.caseless_names import unspaced_prose

    # Thai (Lao, Khmer, Myanmar) runs a sentence's words together: a long run of letters there is a sentence.
    words = sum(w for v, w in zip(scan.values, scan.weights, strict=True)
                if len(v.split()) >= SENTENCE_WORDS or not v.isascii() and unspaced_prose(v))
    return words >= 0.5 * scan.n


def _date_evidence(col: ColumnValues, hints: Mapping[str, float]) -> list[Evidence]:
    hinted = "DATE_OF_BIRTH" in hints
    if not col.midnight and not hinted:
        return []  # timestamps with a time of day are events, unless the name says birth
    return _years_evidence([y for y, _ in col.years], [c for _, c in col.years], hinted, "date-type")


def _years_evidence(years: list[int], weights: list[int], hinted: bool, label: str) -> list[Evidence]:
    total = sum(weights)
    if not total:
        return []
    this_year = date.today().year
    plausible = sum(w for y, w in zip(years, weights, strict=True) if 1900 <= y <= this_year) / total
    if hinted:
        return [Evidence("DATE_OF_BIRTH", label, plausible, plausible, total, int(plausible * total), 0.0, True,
                          0.9)]
    adult = sum(w for y, w in zip(years, weights, strict=True) if 1900 <= y <= this_year - 16) / total
    spread = _percentile_spread(years, weights) if total >= 10 else 0.0
    if adult >= 0.9 and spread >= 20:
        return [Evidence("DATE_OF_BIRTH", "age-distribution", adult, adult, total, int(adult * total), 0.0, False,
                          0.7)]
    return []


def _percentile_spread(years: list[int], weights: list[int]) -> float:
    """The 10th-to-90th percentile spread of weighted years."""
    pairs = sorted(zip(years, weights, strict=True))
    total = sum(weights)
    lo = hi = pairs[0][0]
    run = 0
    for y, w in pairs:
        if run < 0.1 * total:
            lo = y
        run += w
        if run <= 0.9 * total:
            hi = y
    return float(hi - lo)


def _age_distribution_evidence(scan: _Scan) -> list[Evidence]:
    from maskline.infotypes.validators import parse_date

    pattern = next(d.anchored for d in DETECTORS if d.info_type == "DATE_OF_BIRTH")
    # Values with a time of day are events (created_at), not birth dates; midnight is a date stored as a time.
    idx = [i for i in scan.matching(_regex(pattern)) if not _TIME_OF_DAY.search(scan.values[i])]
    if not idx or sum(scan.weights[i] for i in idx) < 0.9 * scan.n:
        return []
    chosen = idx if len(idx) <= VALIDATE_CAP else random.Random(3).sample(idx, VALIDATE_CAP)
    years = [d.year for d in (parse_date(scan.values[i]) for i in chosen) if d is not None]
    # The dates go with the evidence for one shape check: a calendar series (working days, one day of each month)
    # spreads over decades as birth dates do, and only the weekdays and days of the month tell them apart.
    sample = [scan.values[i] for i in chosen]
    return [replace(ev, sample=sample, refute="calendar_series")
            for ev in _years_evidence(years, [1] * len(years), False, "age-distribution")]


def _confidence(ev: Evidence, hint: float) -> float | None:
    if ev.info_type == "FREE_TEXT_WITH_PII":  # its own share threshold and test: classify/free_text.py
        from maskline.classify.free_text import WEAK_DETECTOR, free_text_confidence

        return None if ev.detector == WEAK_DETECTOR else free_text_confidence(ev.share, hint)
    if ev.needs_hint:
        if hint <= 0 or ev.share < 0.6:
            return None
        # A weaker detector (a shape without its checksum) caps lower: the named type, less sure.
        return min(0.97, 0.45 + 0.3 * hint + 0.2 * (ev.share - 0.6) / 0.4) * min(1.0, ev.strength / 0.95)
    # Chance alone must not explain the validated values; a name that agrees is prior evidence.
    significant = ev.p_value < 1e-3 or (ev.rate >= 0.9 and ev.p_value < 0.05) or \
        (hint > 0 and ev.rate >= 0.8 and ev.p_value < 0.25)
    if not significant or ev.rate < 0.5:
        return None
    if hint <= 0 and ev.share < max(MIN_SHARE, ev.min_share):
        return None
    value_conf = ev.strength * (0.6 + 0.4 * min(1.0, ev.share / 0.8))
    if ev.checked < 5:
        value_conf *= 0.85
    return 1 - (1 - value_conf) * (1 - 0.7 * hint)


def _check_names(refute: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """The shape checks a detector's ``refute`` names, in order: none, one name, or several.

    >>> _check_names(None), _check_names("isbns"), _check_names(("flight_numbers", "enumerated_labels"))
    ((), ('isbns',), ('flight_numbers', 'enumerated_labels'))
    """
    if refute is None:
        return ()
    return (refute,) if isinstance(refute, str) else refute


def _refuted(ev: Evidence, rows: int, value_rows: int, deciding: bool = True) -> str | None:
    """The shape statistic that says these values are of another kind (version strings, not IPs), if any: the
    evidence's checks (``refute``, one name or several) in order, the first reason found. A check that reads the
    whole column (``shape_checks.READS_COLUMN``: a delta column's minus rows) gets the column's values.

    Row ids are judged against the table's rows; repetition (a category) against the rows holding a value.
    Evidence that would not decide anyway (``deciding`` false) gets only a check's cheap part, if it has one."""
    if ev.refute is None or not ev.sample:
        return None
    from maskline.infotypes.shape_checks import (
        ONLY_WHEN_DECIDING,
        READS_COLUMN,
        READS_VALUE_ROWS,
        SHAPE_CHECKS,
    )

    for name in _check_names(ev.refute):
        check = name if deciding or name not in ONLY_WHEN_DECIDING else ONLY_WHEN_DECIDING[name]
        if check is None:
            continue
        values = ev.column if check in READS_COLUMN else ev.sample
        why = SHAPE_CHECKS[check](values, value_rows if check in READS_VALUE_ROWS else rows)
        if why:
            return why
    return None


def _claimed_types(hints: Mapping[str, float], found: Sequence[Evidence]) -> frozenset[str]:
    """The info types something claimed for the column, whose refutation is worth showing: a name hint, evidence
    that would decide, or values that validate above :data:`MIN_SHARE` (the share a value-only verdict needs).

    Patterns match more than their types (a date or a price has digits and separators enough for a house number's
    pattern, a status word is a first name's shape); when no value validated, the refutation answers a question
    nobody asked, and shown it reads as if the column had looked like the type ("refuted:street_address" on a
    DATE). It is recorded all the same in ``Signals.refuted``: only what people are shown is chosen here.

    >>> ev = Evidence("STREET_ADDRESS", "street", 0.0, 0.0, 32, 0, 1.0, False, 0.9)
    >>> _claimed_types({}, [ev]), _claimed_types({"STREET_ADDRESS": 0.8}, [ev])
    (frozenset(), frozenset({'STREET_ADDRESS'}))
    >>> _claimed_types({}, [replace(ev, share=0.4, rate=0.4, validated=13)])
    frozenset({'STREET_ADDRESS'})
    """
    out = {t for t, score in hints.items() if score > 0}
    for ev in found:
        if ev.info_type not in out and (not ev.needs_hint and ev.share >= MIN_SHARE
                                        or _confidence(ev, hints.get(ev.info_type, 0.0)) is not None):
            out.add(ev.info_type)
    return frozenset(out)


# Types a public code's shape can take by chance (a flight BA1234 is a Brunei postcode; AV 298 an avenue).
_PLACE_CODE_TYPES = frozenset({"POSTAL_CODE", "STREET_ADDRESS"})


# Detectors that read a type from a bare number's shape alone, with no name: decimals within +-180, digits a postal
# format allows, dates spread over decades. Under a name in ordinary words that hint no type (earnings,
# population, start) they are that name's measure, not the type (maskline.infotypes.worded_names).
_BARE_SHAPE_DETECTORS = frozenset({"coordinate-decimals", "coordinate-decimals-text", "postcode-format",
                                   "postcode-skeleton", "fixed-width-digits", "lost-zero-codes",
                                   "code-width-numbers", "four-digit-codes", "age-distribution"})
_POSTAL_NEAR_MISSES = frozenset({"code-width-numbers", "four-digit-codes"})  # never decide; table context reads them
# Why a bare coordinate reading under a name that says a measurement (maskline.infotypes.measurement_names) is refuted.
MEASUREMENT_NAME_NOT_COORDINATES = ("the name says a measurement: an amount, a share, an adjusted value, a difference, "
                                    "a logarithm or a unit of a ratio")


def _decide(name: str, hints: Mapping[str, float], found: list[Evidence], shown_type: str, evidence: list[str],
            custom: Sequence[CustomDetector], min_confidence: float, n: int, *, prose: bool,
            table_rows: int | None = None,
            shape: Callable[[], tuple[IdentifyingShape, str] | None] | None = None,
            value_rows: int | None = None, thing: str | None = None,
            public_code: bool = False) -> ColumnClassification:
    from maskline.infotypes.measurement_names import names_a_measurement
    from maskline.infotypes.name_hints import names_a_thing, names_public_code
    from maskline.infotypes.shape_checks import SETTLED_REFUTATIONS, one_column
    from maskline.infotypes.worded_names import worded_name

    customs = {c.info_type for c in custom}
    refuted: list[str] = []  # the refutations people are shown (claimed_types)
    refuted_types: list[str] = []  # every refutation, typed for the decision (which never reads ``refuted``)
    claimed = _claimed_types(hints, found)

    def refute(info_type: str, why: str) -> None:
        refuted_types.append(info_type)
        note = f"refuted:{info_type.lower()} ({why})"
        if info_type in claimed and note not in refuted:
            refuted.append(note)

    settled: list[Evidence] = []
    if names_public_code(name) or public_code:
        for info_type in sorted({ev.info_type for ev in found} & _PLACE_CODE_TYPES - set(hints)):
            found = [ev for ev in found if ev.info_type != info_type]
            refute(info_type, "the name says these are public codes: flights, articles")
    # A measure, a count or a record key (``fincome``, ``n``, ``tailnum``, ``id``) has digits or letters of a postal
    # format by chance: the shape alone does not outweigh the name, as a public code's does not (above).
    if not _postal_by_values(name, hints) and \
            any(ev.info_type == "POSTAL_CODE" and ev.detector in _BARE_SHAPE_DETECTORS for ev in found):
        found = [ev for ev in found if not (ev.info_type == "POSTAL_CODE" and ev.detector in _BARE_SHAPE_DETECTORS)]
        refute("POSTAL_CODE", "the name says a measure, a count or a record key, not a place's code")
    # ``thing``: the column is only called "name" and its table's name says what of (things_by_table).
    if (thing or names_a_thing(name)) and any(ev.info_type == "PERSON_NAME" for ev in found):
        found = [ev for ev in found if ev.info_type != "PERSON_NAME"]
        refute("PERSON_NAME", f"the table's name says these are names of things: {thing}" if thing
               else "the name says these are things: storms, venues, products")
        if not prose:  # short names of things ("Victoria Ultra Lite"), not sentences that could name someone
            found = [ev for ev in found if ev.info_type != "FREE_TEXT_WITH_PII"]
    # Only for a bare shape that would count (decide, or stand as the postal near miss of a number column): the
    # English dictionary costs a third of a second to load, and words shaped like postcodes ("Berlin") are common.
    bare = {ev.info_type for ev in found if ev.detector in _BARE_SHAPE_DETECTORS
            and (ev.detector in _POSTAL_NEAR_MISSES or _confidence(ev, hints.get(ev.info_type, 0.0)) is not None)}
    bare -= set(hints)
    if bare and worded_name(name):
        for info_type in sorted(bare):
            found = [ev for ev in found if not (ev.info_type == info_type and ev.detector in _BARE_SHAPE_DETECTORS)]
            refute(info_type, "the name says what the column holds, in words that name no place, birth or code: a "
                   "number's shape alone does not outweigh it")
    # Statistical tables name measurements in abbreviations no dictionary holds (totexp, adjpoll, Diff2014,
    # "Delta 15 N (o/oo)"): their structure says a quantity, and a quantity's decimals are no place's. Weaker than
    # whole words, so the reading is refuted like a value refutation: a near miss, still masked by default.
    measurement = "GEO_COORDINATE" in bare and "GEO_COORDINATE" not in refuted_types and names_a_measurement(name)
    scored: list[tuple[float, Evidence]] = []
    # One column's evidence shares thing_names' readings of the same values (shape_checks.one_column).
    with one_column():
        for ev in found:
            conf = _confidence(ev, hints.get(ev.info_type, 0.0))
            # Costly shape statistics run only for evidence that would count (shape_checks.ONLY_WHEN_DECIDING).
            why = _refuted(ev, table_rows or n, value_rows or n, deciding=conf is not None)
            if not why and measurement and ev.info_type == "GEO_COORDINATE" and ev.detector in _BARE_SHAPE_DETECTORS:
                why = MEASUREMENT_NAME_NOT_COORDINATES
            if why:
                refute(ev.info_type, why)
                if why in SETTLED_REFUTATIONS:  # the values are of another kind: not even a near miss
                    settled.append(ev)
                continue
            if conf is None:
                continue
            if ev.info_type in customs:
                conf = min(0.99, conf + 0.02)  # the user's own type wins a tie with a built-in one
            scored.append((conf, ev))
    # A name never wins over values of a clearly different kind (a "card" column of e-mails): evidence that
    # only counts because of the name yields to values that validate, by themselves, as another type.
    # Values are "clearly of another kind" only when their validator is distinctive (random strings of the shape
    # rarely pass: e-mails, Luhn, IBAN); digit groups phonenumbers accepts (chance 0.3) do not outvote a
    # passport name and shape that agree.
    clear = {ev.info_type for _, ev in scored if not ev.needs_hint and ev.share >= CLEAR_SHARE
             and ev.chance < DISTINCTIVE_CHANCE} - {"FREE_TEXT_WITH_PII"}
    # Values that are themselves of one type (grouped IBANs, addresses) are that type, not prose containing it.
    structured = {ev.info_type for _, ev in scored if not ev.needs_hint and ev.share >= CLEAR_SHARE} - \
        {"FREE_TEXT_WITH_PII"}
    scored = [(c, ev) for c, ev in scored if not (ev.needs_hint and clear - {ev.info_type}
                                                   or ev.info_type == "FREE_TEXT_WITH_PII"
                                                   and structured - {ev.info_type})]
    # Name and shape agreeing (an address column whose lines also read as prose) beat the free-text reading.
    if any(ev.needs_hint and ev.info_type in hints for _, ev in scored):
        scored = [(c, ev) for c, ev in scored if ev.info_type != "FREE_TEXT_WITH_PII"]
    best = max(scored, key=lambda s: s[0], default=None)
    hint_ev = [f"name:{t.lower()} ({s:.2f})" for t, s in hints.items()][:2]
    if best is None:
        strongest = max((ev for ev in found if not ev.needs_hint and not any(ev is s for s in settled)),
                        key=lambda e: e.share, default=None)
        notes = list(evidence) + hint_ev + refuted + [f"type:{type_note(shown_type)}"]
        conf = NONE_NOTHING_FOUND
        near: tuple[NearMiss, ...] = ()
        if strongest is not None and strongest.share > 0:
            notes.append(f"weak:{strongest.detector} {strongest.share:.2f} validated, not enough")
            near = (NearMiss(strongest.info_type, strongest.share, weak=True, detector=strongest.detector),)
            conf = min(conf, NONE_WEAK_VALUES)
        if hints:
            conf = min(conf, NONE_NAME_DISAGREES)
        if prose:
            notes.append("prose: no validated span; names in prose need NER")
            conf = min(conf, NONE_PROSE)
        # An identifying shape (template ids, long drawn digits) under a name saying public codes (sku, isbn,
        # flight) is those codes: the name and the shape agree on a public identifier, so no caution is left.
        found_shape = shape() if shape is not None else None
        identifying = found_shape if found_shape and not names_public_code(name) else None
        if identifying:
            notes.append(f"shape:{identifying[1]}, no detector confirmed it")
            conf = min(conf, NONE_IDENTIFYING_SHAPE)
        signals = Signals(near, identifying[0] if identifying else None, prose, tuple(refuted_types),
                          name_hint=bool(hints))
        return ColumnClassification(name, None, conf, None, tuple(notes), 0.0, shown_type, signals=signals)
    conf, ev = best
    conf = round(min(0.99, conf), 4)
    notes = [f"values:{ev.detector} {ev.share:.2f} validated ({ev.checked} checked)"]
    if ev.note:
        notes.append(ev.note)
    if ev.info_type in hints:
        notes.append(f"name:{ev.info_type.lower()} ({hints[ev.info_type]:.2f})")
    notes += list(evidence) + refuted + [f"type:{type_note(shown_type)}"]
    near_miss = (NearMiss(ev.info_type, conf),) if conf < min_confidence else ()
    signals = Signals(near_misses=near_miss, refuted=tuple(refuted_types), name_hint=bool(hints))
    if conf < min_confidence:
        notes.append(f"below min_confidence {min_confidence:.2f}: {ev.info_type} {conf:.2f}")
        return ColumnClassification(name, None, round(min(1 - conf, SAFE_CONFIDENCE - 0.1), 4), None,
                                    tuple(notes), ev.share, shown_type, signals=signals)
    return ColumnClassification(name, ev.info_type, conf, _category(ev.info_type, custom), tuple(notes),
                                round(ev.share, 4), shown_type, signals=signals)


def _category(info_type: str, custom: Sequence[CustomDetector]) -> str:
    from maskline.infotypes import INFO_TYPES

    for c in custom:
        if c.info_type == info_type:
            return c.category
    return INFO_TYPES[info_type].category


def _name_only(name: str, hints: Mapping[str, float], shown_type: str, evidence: list[str],
               custom: Sequence[CustomDetector], min_confidence: float) -> ColumnClassification:
    notes = list(evidence) + ["values:none sampled", f"type:{type_note(shown_type)}"]
    if not hints:
        return ColumnClassification(name, None, NONE_NO_VALUES, None, tuple(notes), None, shown_type)
    info_type, score = next(iter(hints.items()))
    conf = round(0.55 * score, 4)
    notes.insert(0, f"name:{info_type.lower()} ({score:.2f})")
    if conf < min_confidence:
        notes.append(f"below min_confidence {min_confidence:.2f}: {info_type} {conf:.2f}")
        return ColumnClassification(name, None, round(1 - conf, 4), None, tuple(notes), None, shown_type,
                                    signals=Signals(near_misses=(NearMiss(info_type, conf),), name_hint=True))
    return ColumnClassification(name, info_type, conf, _category(info_type, custom), tuple(notes), None, shown_type)
