"""Run the real-table false-positive benchmark: ``python -m benchmarks.real_tables``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict

from benchmarks.real_tables import ColumnResult, datasets, scan_dataset
from benchmarks.real_tables.labels import load_labels


def report(results: list[ColumnResult], n_datasets: int, failed: list[str]) -> None:
    """Print counts, flagged columns by type, precision and FP rate from the labels, and the masked share."""
    labels = load_labels()
    flagged = [r for r in results if r.info_type]
    masked = sum(r.masked for r in results)
    print(f"\n{n_datasets} datasets ({len(failed)} failed to load), {len(results)} columns, "
          f"{len(flagged)} flagged ({len(flagged) / max(len(results), 1):.2%}), "
          f"fail-closed masks {masked} ({masked / max(len(results), 1):.1%})")
    by_type: dict[str, list[ColumnResult]] = defaultdict(list)
    for r in flagged:
        by_type[r.info_type or ""].append(r)
    for info_type, rows in sorted(by_type.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{info_type}: {len(rows)}")
        for r in rows:
            label = labels.get(r.key, ("?", ""))[0]
            print(f"  [{label:>6}] {r.key} ({r.confidence:.2f}): {' | '.join(r.examples)}")
    reasons = Counter(r.why_masked.split(":")[0] for r in results if r.masked and not r.info_type)
    if reasons:
        print("\nuntyped columns the fail-closed default masks, by reason:")
        for reason, n in reasons.most_common(12):
            print(f"  {n:6d} {reason}")
    labelled = [r for r in flagged if r.key in labels]
    fps = [r for r in labelled if labels[r.key][0] != "ok"]
    unlabelled = len(flagged) - len(labelled)
    print(f"\nlabelled {len(labelled)} of {len(flagged)} flagged; unlabelled {unlabelled}")
    if labelled:
        print(f"precision {1 - len(fps) / len(labelled):.3f} ({len(labelled) - len(fps)}/{len(labelled)}), "
              f"FP rate {len(fps) / max(len(results), 1):.4f} ({len(fps)}/{len(results)} columns)")
        classes = Counter(labels[r.key][0] for r in fps)
        for cls, n in classes.most_common():
            print(f"  {n:4d} {cls}")
    stale = set(labels) - {r.key for r in flagged}
    if stale and n_datasets > 2000:
        print(f"labels no longer flagged: {len(stale)}")


def main(argv: list[str] | None = None) -> int:
    """Scan the R datasets and print the report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_tables", description=__doc__)
    parser.add_argument("--package", action="append", help="only these R packages (repeatable)")
    parser.add_argument("--limit", type=int, help="only the first N datasets")
    parser.add_argument("--json", help="write every column's result to this file")
    parser.add_argument("--from-json", help="report on a file --json wrote, without scanning (after relabelling)")
    args = parser.parse_args(argv)
    if args.from_json:
        with open(args.from_json) as fh:
            saved = [ColumnResult(**{**row, "dataset": row["dataset"].split(" (")[0],
                                     "examples": tuple(row["examples"])}) for row in json.load(fh)]
        report(saved, len({r.dataset for r in saved}), [])
        return 0
    results: list[ColumnResult] = []
    failed: list[str] = []
    rows_total, n = 0, 0
    start = time.perf_counter()
    for package, item, _ in datasets(args.package, args.limit):
        n += 1
        try:
            columns, rows = scan_dataset(package, item)
        except Exception as exc:  # noqa: BLE001 - a dataset that will not load is counted, not fatal
            # The exception's class only: a loader's message can quote a cell of the table it failed on.
            failed.append(f"{package}.{item}: {type(exc).__name__}")
            continue
        results.extend(columns)
        rows_total += rows
        if n % 100 == 0:
            took = time.perf_counter() - start
            print(f"{n} datasets, {len(results)} columns, {rows_total / took:,.0f} rows/s, {took:.0f}s",
                  file=sys.stderr, flush=True)
    took = time.perf_counter() - start
    print(f"scanned {rows_total:,} rows in {took:.0f}s ({rows_total / max(took, 1e-9):,.0f} rows/s)")
    for line in failed:
        print(f"  failed {line}")
    report(results, n, failed)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([asdict(r) for r in results], fh, indent=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
