"""Evidence from a column template: the one verdict that the document-number and account-group rules build.

Both rules pick the values of a column that follow one template (a series and a number, digit groups of fixed
widths), then ask the same questions: do they fill the column, are they nearly all distinct, does a refuter
(counters, one series, check digits of another type) explain them, and does the column's name say "personal
document"? Only the last step differs by type, so it lives here once.

>>> import random
>>> r = random.Random(2)
>>> docs = ["AB%07d" % r.randint(0, 10**7 - 1) for _ in range(30)]
>>> spec = TemplateSpec("PASSPORT", "demo", strength=0.72, named_strength=0.8, chance=0.3, min_share=0.6)
>>> ev = template_evidence(spec, docs, [1.0] * 30, 30.0, list(range(30)), lambda vs: None, "passport_no")
>>> ev[0].info_type, ev[0].strength
('PASSPORT', 0.8)
>>> template_evidence(spec, docs, [1.0] * 30, 30.0, list(range(30)), lambda vs: "one series", "")
[]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TemplateSpec:
    """What a template rule claims: its type, its detector's name, its strengths and its chance rate.

    >>> TemplateSpec("BANK_ACCOUNT", "account-groups", 0.75, 0.82, 0.3, 0.6).distinct_share
    0.9
    """

    info_type: str
    detector: str
    strength: float  # the template alone: a verdict at low confidence
    named_strength: float  # ... and a personal-document word in the column name
    chance: float  # not distinctive: a name pointing to another type wins
    min_share: float  # of the column's rows that must follow the template
    distinct_share: float = 0.9  # of the template's rows that must be distinct values


def template_evidence(spec: TemplateSpec, values: Sequence[str], weights: Sequence[float], n: float,
                      chosen: Sequence[int], refute: Callable[[list[str]], str | None], name: str) -> list[Any]:
    """Evidence of ``spec.info_type`` from the distinct ``values`` at ``chosen`` (one template), or ``[]`` when
    they fill less than ``spec.min_share`` of the ``n`` rows, repeat, or ``refute`` explains them (it returns
    the reason, or None). ``weights`` are the values' counts; ``name`` is the column's name.

    >>> spec = TemplateSpec("BANK_ACCOUNT", "demo", 0.75, 0.82, 0.3, 0.6)
    >>> template_evidence(spec, ["1-2", "3-4"], [10.0, 10.0], 20.0, [0, 1], lambda vs: None, "")  # repeats
    []
    """
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.name_hints import names_personal_document

    weight = sum(weights[i] for i in chosen)
    if not n or weight < spec.min_share * n or len(chosen) < spec.distinct_share * weight:
        return []
    if refute([values[i] for i in chosen]):
        return []
    strength = spec.named_strength if names_personal_document(name) else spec.strength
    return [Evidence(spec.info_type, spec.detector, weight / n, 1.0, len(chosen), len(chosen),
                      tail_at_least(len(chosen), len(chosen), spec.chance), False, strength, chance=spec.chance,
                      min_share=spec.min_share)]
