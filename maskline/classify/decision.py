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
  had no near miss;
- any other text passes only on strong evidence of NONE: a NONE confidence of at
  least :data:`TEXT_NONE_CONFIDENCE`;
- nested (struct, list, map) and binary values never pass on a scan alone.

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

from maskline.methods.base import MethodSpec

if TYPE_CHECKING:
    from maskline.classify.result import ColumnClassification
    from maskline.policy import Policy

# Shapes whose values are known not to be prose, names or addresses.
STRUCTURED_KINDS = frozenset({"numeric", "temporal", "boolean", "identifier", "categorical"})
# NONE confidence a structured column needs (the classifier gives 0.75 when a pattern matched nothing that
# validated, and 1 - its guess when a guess fell below min_confidence).
STRUCTURED_NONE_CONFIDENCE = 0.7
# NONE confidence free text needs: strong evidence, not the absence of a match.
TEXT_NONE_CONFIDENCE = 0.97
# Name words that make a number or a date suspect even when no info type's hint matched.
SUSPECT_NAME_WORDS = frozenset({
    "code", "zip", "plz", "postal", "postcode", "cp", "cep", "lat", "lng", "lon", "long", "latitude",
    "longitude", "coord", "coords", "coordinate", "geo", "card", "pan", "cc", "dob", "birth", "born",
    "birthday", "pin", "ssn", "tin", "nin", "iban", "msisdn", "phone", "tel", "mobile", "age",
})


@dataclass(frozen=True)
class ColumnDecision:
    """The outcome for one column: its info type and method (None: passes raw) and why."""

    info_type: str | None
    category: str | None
    method: MethodSpec | None
    rule: str
    confidence: float | None = None


def decide_unnamed(policy: Policy, name: str, verdict: ColumnClassification | None) -> ColumnDecision:
    """Decide a column the policy does not name, from the classifier's verdict (None: no scan).

    >>> from maskline.policy import load_policy
    >>> decide_unnamed(load_policy({}), "x", None).rule
    'unclassified: mask (no scan)'
    """
    if verdict is not None and verdict.info_type and verdict.confidence >= policy.classify.min_confidence:
        return ColumnDecision(verdict.info_type, verdict.category, policy.method_for(verdict.info_type),
                              f"classifier ({verdict.confidence:.2f})", verdict.confidence)
    if policy.unclassified == "pass":
        return ColumnDecision(None, None, None, "pass")
    reason = why_not_safe(name, verdict)
    if reason is None:
        assert verdict is not None and verdict.shape is not None
        return ColumnDecision(None, None, None,
                              f"classifier: not sensitive ({verdict.shape.kind}, {verdict.confidence:.2f})",
                              verdict.confidence)
    from maskline.methods.registry import method_spec

    return ColumnDecision(None, None, method_spec("redact"), f"unclassified: mask ({reason})")


def why_not_safe(name: str, verdict: ColumnClassification | None) -> str | None:
    """Why a column without an info type may not pass raw, or None when it is confidently not sensitive.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> why_not_safe("zip_code", ColumnClassification("zip_code", None, 0.9, None, shape=ValueShape("numeric")))
    'name suggests a code, coordinate, card or date of birth'
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
    near = near_misses(verdict)
    if near:
        return f"near miss: {near[0]}"
    if not shape.quiet:
        return "values suggest " + ", ".join(shape.suspicions)
    if _suspect_name(name):
        return "name suggests a code, coordinate, card or date of birth"
    if shape.kind in STRUCTURED_KINDS:
        return None if verdict.confidence >= STRUCTURED_NONE_CONFIDENCE else f"NONE only {verdict.confidence:.2f}"
    if verdict.confidence >= TEXT_NONE_CONFIDENCE:
        return None
    return f"text without strong evidence of NONE ({verdict.confidence:.2f})"


def near_misses(verdict: ColumnClassification) -> list[str]:
    """The classifier's guesses that fell short (below ``min_confidence``, or weakly validated values).

    Read from the verdict's evidence: the classifier names its near misses there.

    >>> from maskline.classify.result import ColumnClassification
    >>> near_misses(ColumnClassification("c", None, 0.6, None, ("below min_confidence 0.60: PHONE 0.40",)))
    ['PHONE 0.40']
    """
    out = []
    for e in verdict.evidence:
        if e.startswith("below min_confidence"):
            out.append(e.split(": ", 1)[-1])
        elif e.startswith("weak:"):
            out.append(e[len("weak:"):].split(" ", 1)[0])
    return out


def _suspect_name(name: str) -> bool:
    from maskline.infotypes.name_hints import hint_score, name_words

    return bool(hint_score(name)) or any(w in SUSPECT_NAME_WORDS for w in name_words(name))
