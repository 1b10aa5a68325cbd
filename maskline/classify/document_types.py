"""A document-type column vouches for the document number beside it; a code of one letter and drawn digits in a
table of people with no document's companion is no passport.

The records real passports sit in say, row by row, what document the number is: an airline's passenger list (the
APIS ``DOCS`` record: document type ``P`` for a passport, ``I`` for an identity card), a hotel's register for the
police (Spain's ``tipo_documento`` ``P``/``D``/``I``, Italy's ``PASOR``/``IDENT``, Germany's ``Ausweisart``
``Reisepass``/``Personalausweis``, Japan's 書類種別 旅券) and KYC exports (``document_type`` ``PASSPORT``,
``pasaporte``, ``ID_CARD``). No other record keeps such a column: a member, booking or fleet table has no
document to name. So a column naming document types (:func:`document_type_share`), most of its rows passports,
makes the one column of document-number shape beside it (:func:`document_number_shaped`, under a name that says
nothing but "number" or a document's name) PASSPORT (:func:`with_document_types`).

A column mixing passports and identity cards is typed PASSPORT when passports are at least half its rows (foreign
guests and passengers travel on passports): both types are identifiers the default policy masks the same way
(keyed pseudonyms), and the fail-closed default masks what stays untyped, so the choice changes the label, never
whether the column is masked. When identity cards are most of the rows the column is left as it is read.

The other way round (:func:`without_unvouched_series`): one letter and seven or eight drawn digits is the template of
several issuers' passports (Mexico, Turkey, China, India, the United States) and of member, loyalty, licence and
badge numbers alike; nothing in the values tells them apart (``document_numbers``). In a table of people (a
person's name or birth date typed with confidence) such a column read PASSPORT by its values alone is kept only
when a document's companion sits beside it: an expiry date (:func:`maskline.classify.document_records.expiry_dates`),
a nationality (:func:`maskline.classify.document_companions.nationality_codes`, countries spelled out, or a column
named for it), or a document-type column. "By its values alone" includes the reading a member's, a badge's or a
licence's word in the name raises (``member_no``, ``memberNo``: a personal document's word, no travel document's;
round ``extcsv40``). Otherwise it is left untyped, its reading kept as a near miss, which the fail-closed default
masks as uncertain. A member-since date and an address's country are no such companions: members have them. Only the
values' own reading is undone: the holder rule of :mod:`maskline.classify.document_companions` (the table's one
document-like column under a placeholder name, no column of its template beside it, measured in round ``clsopq``)
still speaks, below it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from maskline.classify.result import ColumnClassification
from maskline.classify.signals import NearMiss

TYPE_SHARE = 0.9  # of a type column's values (placeholders removed) that must name a document
PASSPORT_SHARE = 0.5  # of those that must name a passport for the number beside them to read PASSPORT
SHAPE_SHARE = 0.9  # of a number column's values of a document number's shape
MIN_VALUES = 10  # fewer values say nothing about a column
STRENGTH = 0.62  # the record's verdict, as document_companions.STRENGTH: below what values give alone
SERIES_STRENGTH = 0.72  # document_numbers.STRENGTH: a values-only reading of the template, no name behind it
COMPANION_CONFIDENCE = 0.7  # a person's name or birth date must be typed at least this surely

# The values naming a passport, casefolded: the APIS code, the police forms' codes and the word in many languages.
PASSPORT_WORDS = frozenset({
    "p", "pp", "pas", "pass", "passport", "pasaporte", "passeport", "passaporto", "pasor", "reisepass", "paszport",
    "paspoort", "pasaport", "passaporte", "pasport", "passi", "travel passport", "national passport",
    "旅券", "パスポート", "护照", "護照", "여권", "паспорт", "загранпаспорт", "заграничный паспорт", "паспорт рф",
    "закордонний паспорт", "cestovní pas", "útlevél", "passaporte ordinário", "passeport ordinaire"})
# The values naming another identity document (cards, residence permits, licences), casefolded.
OTHER_WORDS = frozenset({
    "i", "id", "d", "c", "n", "x", "dni", "nie", "tie", "nif", "ident", "idcard", "id_card", "id card", "identity card",
    "national id", "nid", "cni", "carte d'identité", "carte nationale d'identité", "carta d'identità",
    "carta identita", "cie", "personalausweis", "ausweis", "perso", "dowód osobisty", "dowod osobisty", "dowód",
    "cedula", "cédula", "rg", "cc", "patente", "paten", "permiso de conducir", "driving licence", "driver license",
    "residence permit", "aufenthaltstitel", "permesso di soggiorno", "pesog", "otro", "other", "andere", "altro",
    "身分証", "在留カード", "マイナンバーカード", "運転免許証", "身份证", "주민등록증", "외국인등록증",
    "внутренний паспорт", "id-kaart", "identiteitskaart", "rijbewijs"})
# Names of a document-type column, written together and casefolded (``doc_type`` -> ``doctype``).
TYPE_NAMES = frozenset({
    "doctype", "documenttype", "typeofdocument", "idtype", "iddocumenttype", "documentkind", "doctyp", "typedoc",
    "tipodocumento", "tipodoc", "tipodocumentoidentita", "tipodedocumento", "tipodocumentoidentidad", "typedocument",
    "typedepiece", "typepiece", "ausweisart", "ausweistyp", "dokumentart", "dokumententyp", "dokumenttyp",
    "typdokumentu", "rodzajdokumentu", "documentsoort", "soortdocument", "belgetipi", "belgeturu",
    "書類種別", "証明書種別", "証明書の種類", "本人確認書類", "身分証種別", "证件类型", "证件种类", "신분증종류",
    "신분증유형", "виддокумента", "типдокумента"})
_SPACED = re.compile(r"^([A-Z0-9]{1,5}) ([A-Z0-9]{3,9})$")  # one space inside, as forms set a series apart
_SHAPE = re.compile(r"^(?=(?:[A-Z]*[0-9]){2})[A-Z0-9]{7,10}$")


def _compact(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", name).casefold() if ch.isalnum())


def names_document_type(name: str) -> bool:
    """Whether a column's name says it holds documents' types.

    >>> [names_document_type(n) for n in ("doc_type", "tipo_documento", "Ausweisart", "書類種別", "type", "doc_no")]
    [True, True, True, True, False, False]
    """
    return _compact(name) in TYPE_NAMES


def document_type_share(name: str, values: Any) -> float | None:
    """The share of passports among a document-type column's values, or None when the column names no documents:
    :data:`TYPE_SHARE` of its values must be document names or codes, and single-letter codes (``P``, ``I``, ``D``)
    count only under a name that says the column holds documents' types (alone, a letter or two is any status code).

    >>> document_type_share("doc_type", ["P"] * 8 + ["I"] * 2)
    0.8
    >>> document_type_share("c4", ["PASSPORT", "ID_CARD", "pasaporte"] * 4)
    0.6666666666666666
    >>> document_type_share("c4", ["P", "I"] * 6) is None  # letters under a name that says nothing
    True
    >>> document_type_share("status", ["open", "closed"] * 6) is None
    True
    """
    from maskline.classify.document_companions import value_texts

    texts = [t.casefold().replace("_", " ") if len(t) > 2 else t.casefold() for t in value_texts(values)]
    if len(texts) < MIN_VALUES:
        return None
    coded = names_document_type(name)
    passports = sum(t in PASSPORT_WORDS and (coded or len(t) > 2) for t in texts)
    others = sum(t in OTHER_WORDS or t.replace(" ", "_") in OTHER_WORDS for t in texts
                 if coded or len(t) > 2)
    if passports + others < TYPE_SHARE * len(texts) or not passports:
        return None
    return passports / (passports + others)


def _written(text: str) -> str:
    upper = text.strip().upper()
    m = _SPACED.match(upper)
    return m.group(1) + m.group(2) if m else upper


def document_number_shaped(values: Any) -> bool:
    """Whether nearly every value is a document number as any issuer writes it: seven to ten letters and digits, two
    digits at least, a series set apart by a space allowed, in any case; nearly each one distinct.

    >>> document_number_shaped(["PAB%06d" % (i * 7919 % 10**6) for i in range(20)])
    True
    >>> document_number_shaped(["x2k9lm"] * 20)  # one booking reference, and too short
    False
    """
    from maskline.classify.document_companions import value_texts
    from maskline.classify.document_records import distinct_of_shape

    return distinct_of_shape([_written(t) for t in value_texts(values)], _SHAPE, SHAPE_SHARE)


def _number_column(c: ColumnClassification) -> bool:
    """A column that may hold the record's document number: untyped or read as an identity document, under a name
    that says nothing but "number" or names an identity document."""
    from maskline.classify.document_companions import says_nothing_but_number
    from maskline.infotypes.name_hints import hint_score

    if c.info_type not in (None, "NATIONAL_ID", "PASSPORT"):
        return False
    hinted = {t for t, _ in hint_score(c.name)}
    return says_nothing_but_number(c.name) or bool(hinted) and hinted <= {"PASSPORT", "NATIONAL_ID"}


def with_document_types(columns: Sequence[ColumnClassification], min_confidence: float,
                        values: Mapping[str, Any]) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns, the one document number beside a document-type column of mostly
    passports typed PASSPORT; the rest unchanged.

    >>> import random
    >>> r = random.Random(1)
    >>> docs = ["".join(r.choices("ABCDEFGHJK", k=2)) + str(r.randrange(10**6, 10**7)) for _ in range(30)]
    >>> cols = (ColumnClassification("doc_type", None, 0.8, None), ColumnClassification("numero", None, 0.75, None))
    >>> [c.info_type for c in with_document_types(cols, 0.6, {"doc_type": ["P"] * 25 + ["I"] * 5, "numero": docs})]
    [None, 'PASSPORT']
    >>> [c.info_type for c in with_document_types(cols, 0.6, {"doc_type": ["I"] * 25 + ["P"] * 5, "numero": docs})]
    [None, None]
    """
    if min_confidence > STRENGTH:
        return tuple(columns)
    types = [(c.name, share) for c in columns if c.info_type is None and c.name in values
             and (share := document_type_share(c.name, values[c.name])) is not None]
    if len(types) != 1 or types[0][1] < PASSPORT_SHARE:
        return tuple(columns)
    kind = types[0][0]
    numbers = [c.name for c in columns if c.name != kind and _number_column(c) and c.name in values
               and document_number_shaped(values[c.name])]
    if len(numbers) != 1:
        return tuple(columns)  # none, or several and nothing says which is the document's
    from maskline.infotypes import INFO_TYPES

    def typed(c: ColumnClassification) -> ColumnClassification:
        if c.info_type == "PASSPORT":
            return c
        return replace(c, info_type="PASSPORT", confidence=STRENGTH, category=INFO_TYPES["PASSPORT"].category,
                       evidence=("values:a document number's shape", f"table:beside document types in {kind}")
                       + c.evidence)

    return tuple(typed(c) if c.name == numbers[0] else c for c in columns)


def _one_letter_series(values: Any) -> bool:
    from maskline.classify.document_companions import dominant_template

    return dominant_template(values) in ("A9999999", "A99999999")


def _vouched(columns: Sequence[ColumnClassification], values: Mapping[str, Any], document: str) -> bool:
    """Whether a document's companion sits beside ``document``: an expiry date, a nationality or document types."""
    from maskline.classify.document_companions import _NATIONALITY_WORDS, _words, nationality_codes
    from maskline.classify.document_records import expiry_dates

    for c in columns:
        if c.name == document:
            continue
        if _words(c.name) & _NATIONALITY_WORDS:
            return True
        if c.info_type is None and c.name in values and (
                expiry_dates(values[c.name]) or nationality_codes(values[c.name]) or _spelled_countries(values[c.name])
                or document_type_share(c.name, values[c.name]) is not None):
            return True
    return False


def _spelled_countries(values: Any) -> bool:
    """Countries written out (``India``, ``Indien``), as forms write a nationality; an address's country in an
    export is mostly two letters (``DE``), which members' tables keep and which vouch for nothing."""
    from maskline.classify.document_companions import value_texts
    from maskline.classify.document_records import country_column

    return country_column(values) and sum(len(t) > 3 for t in value_texts(values)) >= TYPE_SHARE * len(
        value_texts(values))


def _values_only(c: ColumnClassification) -> bool:
    """Whether a PASSPORT reading rests on the values alone: the template's strength, or its named strength from a
    word of a personal document that is no travel or identity document (``member_no``, ``memberNo``, ``badge``,
    ``licence``: a member's card is a personal document, and its code has a passport's template; round extcsv40).

    >>> [_values_only(ColumnClassification(n, "PASSPORT", s, "identifier"))
    ...  for n, s in (("c1", 0.72), ("memberNo", 0.8), ("doc_no", 0.8), ("pass_no", 0.8))]
    [True, True, False, False]
    """
    from maskline.classify.document_numbers import NAMED_STRENGTH
    from maskline.infotypes.name_hints import name_words, names_identity_document

    if c.confidence <= SERIES_STRENGTH:
        return True
    travel = {"passport", "pass", "pp", "visa", "travel", "reisepass", "pasaporte", "passeport", "passaporto"}
    return c.confidence <= NAMED_STRENGTH and not names_identity_document(c.name) \
        and not set(name_words(c.name)) & travel


def without_unvouched_series(columns: Sequence[ColumnClassification],
                             values: Mapping[str, Any]) -> tuple[ColumnClassification, ...]:
    """The verdicts of one table's columns, a column of one letter and drawn digits read PASSPORT by its values
    alone left untyped (its reading a near miss) in a table of people with no document's companion; the rest
    unchanged.

    >>> import random
    >>> r = random.Random(2)
    >>> codes = ["%s%08d" % (r.choice("ABCDEFGHKLMN"), r.randrange(10**8)) for _ in range(30)]
    >>> code = ColumnClassification("c1", "PASSPORT", 0.72, "identifier", evidence=("values:document-number-series",))
    >>> name = ColumnClassification("c2", "PERSON_NAME", 0.9, "quasi-identifier")
    >>> [c.info_type for c in without_unvouched_series((code, name), {"c1": codes})]
    [None, 'PERSON_NAME']
    >>> nat = ColumnClassification("nationality", None, 0.8, None)
    >>> [c.info_type for c in without_unvouched_series((code, name, nat), {"c1": codes})]
    ['PASSPORT', 'PERSON_NAME', None]
    """
    people = any(c.info_type in ("PERSON_NAME", "DATE_OF_BIRTH") and c.confidence >= COMPANION_CONFIDENCE
                 for c in columns)
    if not people:
        return tuple(columns)

    def unvouched(c: ColumnClassification) -> bool:
        return c.info_type == "PASSPORT" and _values_only(c) and not c.signals.name_hint \
            and c.evidence[:1] != () and c.evidence[0].startswith("values:document-number") and c.name in values \
            and _one_letter_series(values[c.name]) and not _vouched(columns, values, c.name)

    # Untyped, the confidence is that the column holds nothing: the complement of the reading it had.
    return tuple(replace(c, info_type=None, confidence=round(1 - c.confidence, 2), category=None, evidence=c.evidence + (
        "table:people without a document's expiry, nationality or type",),
        signals=replace(c.signals, near_misses=(NearMiss("PASSPORT", c.confidence),) + c.signals.near_misses))
        if unvouched(c) else c for c in columns)
