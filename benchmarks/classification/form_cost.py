"""What the row guards cost: the clean values of a split's passed columns that their written forms would redact.

Every column the fail-closed decision passes is held, row by row, to the shape its pass rests on
(:mod:`maskline.sql.shape_guard`); a value without the form is redacted as unclassified. On data with no secret in
it, each such redaction is useful data lost. This writes each table of the split to Parquet (the path ``maskline
scan`` takes), classifies it, and runs every passed column's guard on real DuckDB over the same file, counting per
shape the values checked and the values redacted, apart for columns labelled non-sensitive (the cost) and
sensitive (passed by mistake: there a redaction is the guard catching what the sample missed).

``python -m benchmarks.classification.form_cost --split dev`` (or ``tune``; never the test split).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any


def form_cost(tables: dict[str, list[Any]], folder: str) -> dict[tuple[str, bool], Counter[str]]:
    """Per (held shape, labelled sensitive): values checked, values redacted, columns.

    >>> from benchmarks.classification.corpus import Column
    >>> t = {"t": [Column("t", "due", None, "honest", [f"{d:02d}.01.2024" for d in range(1, 31)])]}
    >>> dict(form_cost(t, tempfile.mkdtemp())[("calendar_dates", False)])
    {'checked': 30, 'redacted': 0, 'columns': 1, 'columns with a redaction': 0}
    """
    import duckdb
    from sqlglot import exp

    from benchmarks.classification.evaluate import parquet_frame
    from maskline.classify import classify
    from maskline.classify.decision import decide_unnamed
    from maskline.policy import load_policy
    from maskline.sql.shape_guard import shape_checked, shape_held

    policy = load_policy({})
    out: dict[tuple[str, bool], Counter[str]] = {}
    con = duckdb.connect()
    for name, cols in tables.items():
        path = Path(folder) / f"{name}.parquet"
        parquet_frame(cols).to_parquet(path, index=False)
        by = classify(str(path)).by_name()
        source = f"read_parquet('{path}')"
        types = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        for c in cols:
            decision = decide_unnamed(policy, c.name, by[c.name])
            if decision.method is not None or not shape_checked(decision.shape, types[c.name]):
                continue
            column = exp.column(c.name, quoted=True)
            held = shape_held(column, decision.shape, types[c.name], lambda _: exp.null())
            sql = exp.select(exp.Count(this=column.copy()), exp.Count(this=held)).from_(source).sql("duckdb")
            checked, kept = con.execute(sql).fetchone()
            tally = out.setdefault((str(decision.shape), c.label is not None), Counter())
            tally.update({"checked": checked, "redacted": checked - kept, "columns": 1,
                          "columns with a redaction": int(checked > kept)})
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the cost per held shape for ``--split tune`` or ``--split dev``."""
    from benchmarks.classification import corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("tune", "dev"), required=True)
    args = ap.parse_args(argv)
    if args.split == "tune":
        columns = corpus.build()
    else:
        from benchmarks.classification import dev_split

        columns = dev_split.build()
    with tempfile.TemporaryDirectory() as folder:
        cost = form_cost(corpus.tables_of(columns), folder)
    print(f"{args.split} split: passed columns held to a form, values redacted by it")
    for sensitive in (False, True):
        print("labelled sensitive (passed by mistake)" if sensitive else "labelled non-sensitive (the cost)")
        for (shape, s), t in sorted(cost.items()):
            if s == sensitive:
                print(f"  {shape:28} {t['columns']:4} columns, {t['redacted']:6} of {t['checked']:7} values redacted"
                      f" ({t['columns with a redaction']} columns with a redaction)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
