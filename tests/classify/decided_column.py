"""One column of a frame as ``maskline scan`` types it and the fail-closed default decides it, for the tests of
tables people wrote in their own language."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy


def decided(frame: pd.DataFrame, name: str, tmp_path: Path | None = None,
            table: str = "table") -> tuple[str | None, bool, tuple[str, ...]]:
    """Column ``name``'s info type, whether the default policy masks it, and its evidence; through a CSV file
    ``<table>.csv`` when ``tmp_path`` is given (what ``maskline scan file.csv`` reads: DuckDB's text forms; the
    file's name is the table's, which the classifier reads as ``escala`` or ``departments``).

    >>> decided(pd.DataFrame({"email": ["ann@example.org", "bo@example.net", "cy@example.com"]}), "email")[:2]
    ('EMAIL', True)
    """
    source: pd.DataFrame | str = frame
    if tmp_path is not None:
        source = str(tmp_path / f"{table}.csv")
        frame.to_csv(source, index=False)
    column = next(c for c in classify(source).columns if c.name == name)
    decision = decide_unnamed(load_policy({}), name, column)
    return column.info_type, decision.method is not None, tuple(column.evidence)
