"""Keys of records under a name that mentions a sensitive type: ``address_id``, ``creditcardid``, ``actor_id``.

A column whose name hints an info type the values did not confirm is masked by default (the name and the values
disagree). A key of a record is the exception that construction allows: ``address_id`` numbers the rows of an
address table, and ``17`` is no address. Two things must agree, each read from structure, never from evidence text:

- **the name** (:func:`record_key_name`) is an entity word and a key suffix (``_id``, ``_key``, ``_fk``, ``_pk``,
  ``_uid``, ``_uuid``, ``_guid``, ``_sk``, or ``id`` run on: ``creditcardid``), where the entity word alone hints
  the type and every type the name hints is one whose values are a record's content, never a number an authority
  issues (:data:`RECORD_TYPES`: an address, a card, a login, a person's name, an e-mail, a phone, a web address).
  An identifier issued by an authority keeps its hint in the id itself (``national_id``, ``tax_id``: the entity
  word alone hints nothing, ``user_id`` neither, ``user id`` being a login's hint) or hints a type outside the
  list (``ssn_id``, ``passport_id``, ``iban_id``, ``patient_id``); numbers (``card_no``, ``account_no``,
  ``passport_no``) hold the value itself and are no key suffix; a word of a personal document or account
  (:data:`maskline.infotypes.name_hints.PERSONAL_DOCUMENT_WORDS`, but ``card``) or of a code, a coordinate or a
  date of birth (``zip_id``, ``birth_id``) keeps the column masked;
- **the values** (:func:`row_keys`, the shape's :data:`ROW_KEYS` fact) are whole numbers of at most
  :data:`KEY_MAX_WIDTH` digits, without sign, decimals or leading zero, forming a dense run (their span at most
  twice their count: ids counted from a start, or a foreign key repeating them), or are random ids (UUIDs, the
  shape's ``identifier`` kind). An ``address_id`` column of 16-digit card numbers or of e-mail addresses is read by
  the classifier and the other rules, and stays masked: values of a clearly different kind win.

>>> record_key_name("address_id"), record_key_name("creditcardid"), record_key_name("actor_id")
('STREET_ADDRESS', 'CREDIT_CARD', 'USERNAME')
>>> [record_key_name(n) for n in ("national_id", "tax_id", "ssn_id", "passport_no", "card_no", "user_id")]
[None, None, None, None, None, None]
>>> row_keys([str(i) for i in range(1, 41)]), row_keys(["4111111111111111", "5500005555555559"])
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maskline.classify.result import ColumnClassification

# The shape's fact for a dense run of small whole numbers (read by the decision with the column's name).
ROW_KEYS = "a dense run of small whole numbers, as keys are"
# Widest key read: a billion rows. Wider dense runs are rarer than account or phone numbers of that width.
KEY_MAX_WIDTH = 9
# Key suffixes: a record's key, never the number an authority issued (those are no, nr, number, code).
KEY_SUFFIXES = frozenset({"id", "key", "fk", "pk", "sk", "uid", "uuid", "guid"})
# Info types whose hint, on an entity word, names a kind of record whose content is sensitive but whose key is not:
# none of their values is ever a small whole number. An allow-list: national ids, tax ids, passports, licences,
# accounts, IBANs, medical record numbers and every other type are identifiers issued by an authority.
RECORD_TYPES = frozenset({"STREET_ADDRESS", "CREDIT_CARD", "USERNAME", "PERSON_NAME", "EMAIL", "PHONE", "URL"})
# Suspect name words (maskline.classify.decision.SUSPECT_NAME_WORDS) that are also records' entity words: a card
# record, a phone record. The others (code, zip, pin, birth, ssn, lat...) keep a key name masked.
RECORD_SUSPECT_WORDS = frozenset({"card", "phone", "tel", "mobile"})


def row_keys(values: Sequence[str]) -> bool:
    """Whether a column's distinct number forms are whole numbers of at most :data:`KEY_MAX_WIDTH` digits, without
    sign, decimals or leading zero, whose span is at most twice their count: a run of keys. A float that stores a
    whole number (``17.0``: an integer column with NULLs, read through pandas) counts as its digits.

    >>> row_keys(["1", "2", "3"] * 5), row_keys([str(5 + 3 * i) for i in range(200)])  # a foreign key; every third id
    (True, False)
    >>> row_keys(["12", "7.5"]), row_keys(["-1", "2"]), row_keys(["0042", "0043"]), row_keys([])
    (False, False, False, False)
    >>> row_keys([str(10**9 + i) for i in range(40)])  # ten digits: as wide as a phone
    False
    """
    ints: set[int] = set()
    for v in values:
        digits = v[:-2] if v.endswith(".0") else v
        if not (digits.isdigit() and digits.isascii()) or len(digits) > KEY_MAX_WIDTH \
                or (digits.startswith("0") and digits != "0"):
            return False
        ints.add(int(digits))
    return bool(ints) and max(ints) - min(ints) + 1 <= 2 * len(ints)


def record_key_name(name: str) -> str | None:
    """The info type of the record a column's name says it keys (entity word and key suffix), or None.

    >>> record_key_name("CreditCardID"), record_key_name("address_key"), record_key_name("phone_id")
    ('CREDIT_CARD', 'STREET_ADDRESS', 'PHONE')
    >>> record_key_name("customer_id"), record_key_name("zip_id"), record_key_name("patient_id")  # no hint; a code
    (None, None, None)
    """
    from maskline.classify.decision import SUSPECT_NAME_WORDS
    from maskline.infotypes.name_hints import PERSONAL_DOCUMENT_WORDS, hint_score, name_words

    words = name_words(name)
    if len(words) >= 2 and words[-1] in KEY_SUFFIXES:
        entity = words[:-1]
    elif len(words) == 1 and len(words[0]) >= 5 and words[0].endswith("id"):  # run on: creditcardid, addressid
        entity = (words[0][:-2],)
    else:
        return None
    if set(entity) & ((PERSONAL_DOCUMENT_WORDS | SUSPECT_NAME_WORDS) - RECORD_SUSPECT_WORDS):
        return None
    whole = dict(hint_score(name, {}))
    alone = dict(hint_score(" ".join(entity), {}))
    if not whole or not alone or not (whole.keys() | alone.keys()) <= RECORD_TYPES:
        return None
    return max(alone, key=lambda t: (alone[t], t))


def record_key(name: str, verdict: ColumnClassification) -> str | None:
    """Why a column whose name hints a type is a key of records, in words, or None: its name is a record's key
    (:func:`record_key_name`) and its values are keys (:data:`ROW_KEYS`, or random ids). The decision asks it only
    of a column without an info type, near miss or suspicion of its values.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> keys = ValueShape("numeric", facts=(ROW_KEYS,))
    >>> record_key("address_id", ColumnClassification("address_id", None, 0.7, None, shape=keys))
    'keys of STREET_ADDRESS records, not their content'
    >>> record_key("address_id", ColumnClassification("address_id", None, 0.7, None, shape=ValueShape("numeric")))
    """
    shape = verdict.shape
    if shape is None or not shape.quiet or verdict.info_type or verdict.signals.near_misses:
        return None
    if not (shape.kind == "numeric" and ROW_KEYS in shape.facts or shape.kind == "identifier"):
        return None
    entity = record_key_name(name)
    return f"keys of {entity} records, not their content" if entity else None
