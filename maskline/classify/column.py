"""Classify one column: fuse its name, its type and its sampled values into one verdict.

Values run through the detectors' patterns vectorized in Arrow (RE2), once per
distinct value; validators run only on a capped random subset of the
candidates. The evidence says which signals fired and what share validated,
never a value.

>>> import pyarrow as pa
>>> c = classify_column("contact", pa.array(["ana@correo.es", "bo@x.org", None, "n/a"] * 5))
>>> c.info_type, c.evidence[0]
('EMAIL', 'values:email 1.00 validated (2 checked)')
>>> classify_column("order_id", pa.array(["ORD-%06d" % i for i in range(50)])).info_type is None
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from maskline.classify.result import ColumnClassification
from maskline.infotypes.detectors import DETECTORS

VALIDATE_CAP = 128  # validated candidates per detector and column; the share is estimated from them
PROBE = 256  # distinct values a pattern is first tried on; if none matches, the rest are not scanned
MIN_SHARE = 0.1  # share of values that must validate for a value-only verdict (mixed columns)
DEFAULT_MIN_CONFIDENCE = 0.6
# Placeholders people type instead of NULL; they say nothing about what the column holds.
NULL_LIKE: tuple[str, ...] = (
    "n/a", "na", "n.a.", "none", "null", "nil", "-", "--", "?", "unknown", "tbd", "not provided", "not available",
    "keine", "k.a.", "unbekannt", "inconnu", "non renseigne", "desconocido", "sin datos", "sconosciuto",
    "onbekend", "desconhecido", "nan", "#n/a",
)


@dataclass(frozen=True)
class CustomDetector:
    """A policy's own info type: a Python pattern, an optional validator, its name hints and category."""

    info_type: str
    category: str
    pattern: str | None
    validator: Callable[[str], bool] | None
    name_hints: tuple[str, ...]


@dataclass
class _Evidence:
    info_type: str
    detector: str
    share: float  # of non-null values that validated
    rate: float  # of checked candidates that validated
    checked: int
    validated: int
    p_value: float
    needs_hint: bool
    strength: float


def _kind(arrow_type: Any) -> str:
    import pyarrow as pa
    import pyarrow.types as t

    if t.is_boolean(arrow_type):
        return "bool"
    if t.is_integer(arrow_type):
        return "integer"
    if t.is_floating(arrow_type) or t.is_decimal(arrow_type):
        return "float"
    if t.is_date(arrow_type) or t.is_timestamp(arrow_type):
        return "date"
    if t.is_string(arrow_type) or t.is_large_string(arrow_type) or arrow_type == pa.string_view():
        return "string"
    if t.is_binary(arrow_type) or t.is_large_binary(arrow_type):
        return "binary"
    return "nested"


def _binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p): how likely chance alone explains k validated of n."""
    if k <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    total = 0.0
    for i in range(k, n + 1):
        total += math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                          + i * math.log(p) + (n - i) * math.log1p(-p))
    return min(1.0, total)


def _strings(arr: Any, kind: str) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    if kind == "nested":
        import json

        return pa.array([None if v is None else json.dumps(v, default=str) for v in arr.to_pylist()],
                        type=pa.string())
    if kind != "string":
        arr = pc.cast(arr, pa.string())
    return pc.utf8_trim_whitespace(arr)


def classify_column(name: str, values: Any, *, sql_type: str | None = None,
                    custom: Sequence[CustomDetector] = (), allow_list: Sequence[str] = (),
                    min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> ColumnClassification:
    """Classify one column from its name and a sample of its values (a pyarrow Array or ChunkedArray).

    >>> import pyarrow as pa
    >>> classify_column("geburtsdatum", pa.array(["1984-07-21", "1990-02-03"] * 10)).info_type
    'DATE_OF_BIRTH'
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from maskline.infotypes.name_hints import hint_score

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_dictionary(values.type):  # pandas categoricals: classify the categories' values
        values = values.dictionary_decode()
    kind = _kind(values.type)
    shown_type = sql_type or str(values.type)
    evidence: list[str] = []
    extra_hints = {c.info_type: c.name_hints for c in custom if c.name_hints}
    hints = dict(hint_score(name, extra_hints))
    total = len(values)
    nulls = values.null_count
    if kind in ("bool", "binary"):
        return ColumnClassification(name, None, 0.95, None, (f"type:{shown_type}",), 0.0, shown_type)

    text = _strings(values, kind)
    text = text.filter(pc.fill_null(pc.greater(pc.utf8_length(text), 0), False))
    skip = list(allow_list) + list(NULL_LIKE)
    text = text.filter(pc.invert(pc.is_in(pc.utf8_lower(text), value_set=pa.array(skip, pa.string()))))
    if allow_list:
        text = text.filter(pc.invert(pc.is_in(text, value_set=pa.array(list(allow_list), pa.string()))))
    n = len(text)
    if nulls and total:
        evidence.append(f"nulls:{nulls / total:.2f}")

    if n == 0:
        return _name_only(name, hints, shown_type, evidence, custom, min_confidence)

    counts = pc.value_counts(text)
    uniques = counts.field("values")
    weights = counts.field("counts").to_numpy()
    # A random probe of distinct values: a detector that matches none of it cannot reach MIN_SHARE
    # (missing a 10% type in 256 draws has probability 0.9**256, about 2e-12), so the full scan is skipped.
    probe = uniques if len(uniques) <= PROBE else uniques.take(
        pa.array(sorted(random.Random(len(uniques)).sample(range(len(uniques)), PROBE))))

    found: list[_Evidence] = []
    if kind == "date":
        found.extend(_date_evidence(values, hints))
    else:
        for d in DETECTORS:
            if kind not in d.kinds or (d.needs_hint and d.info_type not in hints):
                continue
            if probe is not uniques and not pc.any(pc.match_substring_regex(probe, d.anchored)).as_py():
                continue
            ev = _run_detector(d.info_type, d.name, d.anchored, d.validator, d.chance, d.needs_hint, d.strength,
                               uniques, weights, n)
            if ev:
                found.append(ev)
        for c in custom:
            if c.pattern:
                ev = _run_custom(c, uniques, weights, n)
                if ev:
                    found.append(ev)
        if kind == "string":
            from maskline.classify.free_text import free_text_evidence

            found.extend(free_text_evidence(uniques, weights, n))
            if "DATE_OF_BIRTH" not in hints:
                found.extend(_age_distribution_evidence(uniques, weights, n))

    return _decide(name, hints, found, shown_type, evidence, custom, min_confidence, n)


def _run_detector(info_type: str, label: str, pattern: str, validator: str | None, chance: float,
                  needs_hint: bool, strength: float, uniques: Any, weights: Any, n: int) -> _Evidence | None:
    import pyarrow.compute as pc

    from maskline.infotypes.validators import VALIDATORS

    try:
        mask = pc.fill_null(pc.match_substring_regex(uniques, pattern), False)
    except Exception:  # noqa: BLE001 - a pattern RE2 cannot read (custom types): fall back to Python below
        return None
    idx = pc.indices_nonzero(mask).to_numpy()
    if len(idx) == 0:
        return None
    check = VALIDATORS[validator] if validator else None
    return _validate(info_type, label, idx, check, chance, needs_hint, strength, uniques, weights, n)


def _validate(info_type: str, label: str, idx: Any, check: Callable[[str], bool] | None, chance: float,
              needs_hint: bool, strength: float, uniques: Any, weights: Any, n: int) -> _Evidence:
    cand_weight = float(weights[idx].sum())
    checked: int
    if check is None:
        rate, checked, validated = 1.0, len(idx), len(idx)
    else:
        chosen = list(idx)
        if len(chosen) > VALIDATE_CAP:
            chosen = random.Random(len(idx)).sample(chosen, VALIDATE_CAP)
        ok_w = all_w = 0.0
        validated = checked = 0
        for i in chosen:
            w = float(weights[i])
            all_w += w
            checked += 1
            if check(uniques[int(i)].as_py()):
                ok_w += w
                validated += 1
            # Sequential test: once 32 checks agree this clearly, more would not change the verdict.
            if checked >= 32 and checked % 16 == 0 and not 0.05 < validated / checked < 0.95:
                break
        rate = ok_w / all_w if all_w else 0.0
    share = cand_weight / n * rate
    return _Evidence(info_type, label, share, rate, checked, validated,
                     _binomial_tail(validated, checked, chance), needs_hint, strength)


def _run_custom(c: CustomDetector, uniques: Any, weights: Any, n: int) -> _Evidence | None:
    import re

    import numpy as np
    import pyarrow.compute as pc

    pattern = f"^(?:{c.pattern})$"
    try:
        mask = pc.fill_null(pc.match_substring_regex(uniques, pattern), False)
        idx = pc.indices_nonzero(mask).to_numpy()
    except Exception:  # noqa: BLE001 - Python-only syntax (look-arounds): match distinct values in Python
        rx = re.compile(pattern)
        idx = np.array([i for i, v in enumerate(uniques.to_pylist()) if rx.match(v)], dtype=np.int64)
    if len(idx) == 0:
        return None
    return _validate(c.info_type, "custom-pattern", idx, c.validator, 0.05, False, 0.9, uniques, weights, n)


def _date_evidence(values: Any, hints: Mapping[str, float]) -> list[_Evidence]:
    import pyarrow.compute as pc
    import pyarrow.types as t

    arr = values.drop_null()
    if len(arr) == 0:
        return []
    if t.is_timestamp(arr.type):
        midnight = pc.all(pc.and_(pc.equal(pc.hour(arr), 0), pc.and_(pc.equal(pc.minute(arr), 0),
                                                                        pc.equal(pc.second(arr), 0)))).as_py()
        if not midnight:
            return []
    years = pc.year(arr).to_numpy()
    return _years_evidence(years, "DATE_OF_BIRTH" in hints, "date-type")


def _years_evidence(years: Any, hinted: bool, label: str) -> list[_Evidence]:
    import numpy as np

    if len(years) == 0:
        return []
    this_year = date.today().year
    plausible = float(np.mean((years >= 1900) & (years <= this_year)))
    if hinted:
        return [_Evidence("DATE_OF_BIRTH", label, plausible, plausible, len(years), int(plausible * len(years)),
                          0.0, True, 0.9)]
    adult = float(np.mean((years >= 1900) & (years <= this_year - 16)))
    spread = float(np.percentile(years, 90) - np.percentile(years, 10)) if len(years) >= 10 else 0.0
    if adult >= 0.9 and spread >= 20:
        return [_Evidence("DATE_OF_BIRTH", "age-distribution", adult, adult, len(years), int(adult * len(years)),
                          0.0, False, 0.7)]
    return []


def _age_distribution_evidence(uniques: Any, weights: Any, n: int) -> list[_Evidence]:
    import numpy as np
    import pyarrow.compute as pc

    from maskline.infotypes.validators import parse_date

    pattern = next(d.anchored for d in DETECTORS if d.info_type == "DATE_OF_BIRTH")
    idx = pc.indices_nonzero(pc.fill_null(pc.match_substring_regex(uniques, pattern), False)).to_numpy()
    if len(idx) == 0 or weights[idx].sum() < 0.9 * n:
        return []
    chosen = idx if len(idx) <= VALIDATE_CAP else np.array(random.Random(3).sample(list(idx), VALIDATE_CAP))
    years = [d.year for d in (parse_date(uniques[int(i)].as_py()) for i in chosen) if d is not None]
    return _years_evidence(np.array(years), False, "age-distribution")


def _confidence(ev: _Evidence, hint: float) -> float | None:
    if ev.info_type == "FREE_TEXT_WITH_PII":  # its own share threshold and test: classify/free_text.py
        from maskline.classify.free_text import free_text_confidence

        return free_text_confidence(ev.share, hint)
    if ev.needs_hint:
        if hint <= 0 or ev.share < 0.6:
            return None
        return min(0.97, 0.45 + 0.3 * hint + 0.2 * (ev.share - 0.6) / 0.4)
    # Chance alone must not explain the validated values; a name that agrees is prior evidence.
    significant = ev.p_value < 1e-3 or (ev.rate >= 0.9 and ev.p_value < 0.05) or \
        (hint > 0 and ev.rate >= 0.8 and ev.p_value < 0.25)
    if not significant or ev.rate < 0.5:
        return None
    if ev.share < MIN_SHARE and hint <= 0:
        return None
    value_conf = ev.strength * (0.6 + 0.4 * min(1.0, ev.share / 0.8))
    if ev.checked < 5:
        value_conf *= 0.85
    return 1 - (1 - value_conf) * (1 - 0.7 * hint)


def _decide(name: str, hints: Mapping[str, float], found: list[_Evidence], shown_type: str, evidence: list[str],
            custom: Sequence[CustomDetector], min_confidence: float, n: int) -> ColumnClassification:
    best: tuple[float, _Evidence] | None = None
    customs = {c.info_type for c in custom}
    for ev in found:
        conf = _confidence(ev, hints.get(ev.info_type, 0.0))
        if conf is None:
            continue
        if ev.info_type in customs:
            conf = min(0.99, conf + 0.02)  # the user's own type wins a tie with a built-in one
        if best is None or conf > best[0]:
            best = (conf, ev)
    hint_ev = [f"name:{t.lower()} ({s:.2f})" for t, s in hints.items()][:2]
    if best is None:
        strongest = max((ev for ev in found if not ev.needs_hint), key=lambda e: e.share, default=None)
        notes = list(evidence) + hint_ev + [f"type:{shown_type}"]
        if strongest is not None and strongest.share > 0:
            notes.append(f"weak:{strongest.detector} {strongest.share:.2f} validated, not enough")
        return ColumnClassification(name, None, 0.9 if not found else 0.75, None, tuple(notes), 0.0, shown_type)
    conf, ev = best
    conf = round(min(0.99, conf), 4)
    notes = [f"values:{ev.detector} {ev.share:.2f} validated ({ev.checked} checked)"]
    if ev.info_type in hints:
        notes.append(f"name:{ev.info_type.lower()} ({hints[ev.info_type]:.2f})")
    notes += list(evidence) + [f"type:{shown_type}"]
    if conf < min_confidence:
        notes.append(f"below min_confidence {min_confidence:.2f}: {ev.info_type} {conf:.2f}")
        return ColumnClassification(name, None, round(1 - conf, 4), None, tuple(notes), ev.share, shown_type)
    return ColumnClassification(name, ev.info_type, conf, _category(ev.info_type, custom), tuple(notes),
                                round(ev.share, 4), shown_type)


def _category(info_type: str, custom: Sequence[CustomDetector]) -> str:
    from maskline.infotypes import INFO_TYPES

    for c in custom:
        if c.info_type == info_type:
            return c.category
    return INFO_TYPES[info_type].category


def _name_only(name: str, hints: Mapping[str, float], shown_type: str, evidence: list[str],
               custom: Sequence[CustomDetector], min_confidence: float) -> ColumnClassification:
    notes = list(evidence) + ["values:none sampled", f"type:{shown_type}"]
    if not hints:
        return ColumnClassification(name, None, 0.5, None, tuple(notes), None, shown_type)
    info_type, score = next(iter(hints.items()))
    conf = round(0.55 * score, 4)
    notes.insert(0, f"name:{info_type.lower()} ({score:.2f})")
    if conf < min_confidence:
        notes.append(f"below min_confidence {min_confidence:.2f}: {info_type} {conf:.2f}")
        return ColumnClassification(name, None, round(1 - conf, 4), None, tuple(notes), None, shown_type)
    return ColumnClassification(name, info_type, conf, _category(info_type, custom), tuple(notes), None, shown_type)
