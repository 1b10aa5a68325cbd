"""Keep raw values out of validation results: each value becomes its type and a keyed pseudonym.

Great Expectations puts offending values in ``unexpected_list``,
``partial_unexpected_list``, ``partial_unexpected_counts``, index lists and
``unexpected_rows``. A PII check that copies the PII into its own report (and
from there into Data Docs, logs and lineage) defeats itself, so every result of
a maskline expectation passes through :func:`redact_result` before GX stores it.
Counts stay; each value becomes ``TYPE:token`` where ``token`` is the first 16
hex characters of HMAC-SHA256 under the masking key: the same value gives the
same token everywhere (so it can be found in the source by someone allowed to),
and nobody without the key can reverse it. Without a key, the type alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from maskline.keys import DEFAULT_KEY_REF, KeyMaterial, KeyRef, hmac_hex, resolve_key

TOKEN_LENGTH = 16
UNKEYED = "unkeyed"  # shown instead of a token when no key is configured: still value-free

_VALUE_LISTS = ("unexpected_list", "partial_unexpected_list")
_INDEX_LISTS = ("unexpected_index_list", "partial_unexpected_index_list")
# What a result may keep as it is: GX's computed numbers, the column names the caller passed, and what maskline's
# own expectations report (built from structure). Every other key is withheld: an allow-list, because GX adds
# keys (``unexpected_index_query`` quotes a DataFrame's index labels) that a list of known bad keys would miss.
_KEPT = frozenset({
    "element_count", "missing_count", "missing_percent", "unexpected_count", "unexpected_percent",
    "unexpected_percent_total", "unexpected_percent_nonmissing", "unexpected_index_column_names",
    "observed_value", "details",
})
WITHHELD = "withheld by maskline (it can hold values)"


def pseudonym_key(ref: KeyRef | None = None) -> KeyMaterial | None:
    """The key for pseudonyms (the policy's, else ``MASKLINE_KEY``), or None when none is set.

    >>> pseudonym_key(KeyRef(env="NO_SUCH_VARIABLE_FOR_MASKLINE")) is None
    True
    """
    from maskline.errors import KeyMissingError

    try:
        return resolve_key(ref or DEFAULT_KEY_REF)
    except KeyMissingError:
        return None


def label_of(value: Any) -> str:
    """The info type the core's detectors see in one value, or ``VALUE``.

    A value that is one span of the text scanner from end to end is labelled by that span's type, not as free
    text: an e-mail with an accented local part (``zoé.smith@corp.example``), which the column detector does not
    validate but the scanner finds whole, was ``FREE_TEXT_WITH_PII:...`` in one check's list and ``EMAIL:...`` in
    the next for the same value.

    >>> label_of(None), label_of("zoé.smith83@corp.example"), label_of("mail me: jo@x.org")
    ('NULL', 'EMAIL', 'FREE_TEXT_WITH_PII')
    """
    if value is None:
        return "NULL"
    try:
        from maskline.infotypes.detectors import detect_value
    except ImportError:  # the detectors are the classifier's; without them, no label beats a wrong one
        return "VALUE"
    try:
        found = detect_value(str(value))
    except Exception:  # noqa: BLE001 - a detector bug must not turn into a leak through an exception message
        found = None
    if found == "FREE_TEXT_WITH_PII":
        found = _whole_span_type(str(value)) or found
    return found or "VALUE"


def _whole_span_type(text: str) -> str | None:
    """The type of the one scanner span that covers ``text`` entirely, else None."""
    try:
        from maskline.text import find

        spans = find(text)
    except Exception:  # noqa: BLE001 - the label is cosmetic; a scanner failure must not fail or leak
        return None
    whole = len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(text)
    return spans[0].type if whole else None


def pseudonym(value: Any, key: KeyMaterial | None, label: str | None = None) -> str:
    """``TYPE:token`` for one value: never the value itself.

    >>> pseudonym("alice@example.com", KeyMaterial(b"k" * 16), label="EMAIL")
    'EMAIL:a033e0b5e3bddad8'
    >>> pseudonym("alice@example.com", None, label="EMAIL")
    'EMAIL:unkeyed'
    """
    if value is None:
        return "NULL"
    from maskline.expectations.shapes import value_text

    kind = label or label_of(value)
    token = hmac_hex(key, value_text(value), length=TOKEN_LENGTH) if key is not None else UNKEYED
    return f"{kind}:{token}"


ROW_ID_LIMIT = 10_000_000  # below 8 digits: too short for a phone, SSN or card number


def _row_id(value: Any, fake: Callable[[Any], str]) -> Any:
    """Small integers (row ids) stay readable; anything else could be the sensitive value itself.

    >>> _row_id(42, str), _row_id(536904399, lambda v: "VALUE:...")
    (42, 'VALUE:...')
    """
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars from pandas index columns
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < ROW_ID_LIMIT:
        return value
    return fake(value)


def redact_result(result: Mapping[str, Any], key: KeyMaterial | None,
                  labeller: Callable[[Any], str] = label_of, column: str | None = None) -> dict[str, Any]:
    """A copy of a GX result dict with every data value replaced by its pseudonym; counts stay.

    ``column`` is the checked column: its entries in index lists are always
    replaced, even small integers (an age, a postal code) that would pass for row ids.
    A key this function does not know is withheld, whatever it holds.

    >>> r = redact_result({"unexpected_count": 1, "partial_unexpected_list": ["123-45-6789"],
    ...                    "partial_unexpected_counts": [{"value": "123-45-6789", "count": 1}]},
    ...                   KeyMaterial(b"k" * 16), labeller=lambda v: "US_SSN")
    >>> r["unexpected_count"], r["partial_unexpected_list"]
    (1, ['US_SSN:288337b2baa94de6'])
    >>> r["partial_unexpected_counts"]
    [{'value': 'US_SSN:288337b2baa94de6', 'count': 1}]
    """
    out = dict(result)
    cache: dict[str, str] = {}

    def fake(value: Any) -> str:
        if value is None:
            return "NULL"
        marker = repr(value)
        if marker not in cache:
            cache[marker] = pseudonym(value, key, labeller(value))
        return cache[marker]

    for name in _VALUE_LISTS:
        if isinstance(out.get(name), list):
            out[name] = [fake(v) for v in out[name]]
    if isinstance(out.get("partial_unexpected_counts"), list):
        out["partial_unexpected_counts"] = [
            {**c, "value": fake(c.get("value"))} if isinstance(c, Mapping) else c
            for c in out["partial_unexpected_counts"]
        ]
    for name in _INDEX_LISTS:
        if isinstance(out.get(name), list):
            # pandas index lists hold row numbers (kept); with unexpected_index_column_names they
            # hold dicts that include the checked column's value (replaced).
            # A bare entry is the row's index label: a row number stays, a label (an e-mail index) is a value.
            out[name] = [{k: fake(v) if k == column else _row_id(v, fake) for k, v in i.items()}
                         if isinstance(i, Mapping) else _row_id(i, fake) for i in out[name]]
    if out.get("unexpected_rows") is not None:
        # whole rows carry every column of the table, sensitive or not: only their number is kept
        rows = out["unexpected_rows"]
        out["unexpected_rows"] = f"{len(rows)} rows withheld by maskline (values are never reported)"
    handled = {*_VALUE_LISTS, *_INDEX_LISTS, "partial_unexpected_counts", "unexpected_rows"}
    return {k: v if k in _KEPT or k in handled else WITHHELD for k, v in out.items()}
