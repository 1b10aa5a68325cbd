"""Evaluate the classifier against presidio-structured, then time it: ``python -m benchmarks.classification``.

Options: ``--seed N`` (another corpus from the same recipe), ``--tables N``,
``--skip-presidio``, ``--skip-speed``, ``--presidio-rows N`` (rows per table
presidio analyses; maskline reads them all).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def _print_scores(title: str, s: dict, seconds: float) -> None:
    print(f"\n== {title}: {s['columns']} columns ({s['negatives']} non-sensitive), {seconds:.1f} s")
    print(f"{'info type':24s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>4s}")
    for t, v in sorted(s["per_type"].items()):
        print(f"{t:24s} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f} {v['support']:4d}")
    print(f"macro-F1 {s['macro_f1']:.3f}   false-positive rate on non-sensitive columns {s['fp_rate']:.3f}")


def main(argv: list[str] | None = None) -> int:
    from benchmarks.classification import corpus, evaluate

    ap = argparse.ArgumentParser(prog="python -m benchmarks.classification")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--tables", type=int, default=36)
    ap.add_argument("--presidio-rows", type=int, default=100)
    ap.add_argument("--skip-presidio", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args(argv)

    columns = corpus.build(seed=args.seed, tables=args.tables)
    tables = corpus.tables_of(columns)
    styles = {s: sum(1 for c in columns if c.style == s) for s in ("honest", "foreign", "opaque")}
    print(f"corpus: seed {args.seed}, {len(tables)} tables, {len(columns)} labelled columns, "
          f"{sum(1 for c in columns if c.label)} sensitive; names {styles}")

    pairs, seconds, confs = evaluate.run_maskline(tables)
    ours = evaluate.scores(pairs)
    _print_scores("maskline", ours, seconds)
    print("calibration of positive verdicts (bin, n, mean confidence, share correct):")
    for row in evaluate.calibration(confs):
        print(f"  {row[0]}  n={row[1]:4d}  conf={row[2]:.3f}  correct={row[3]:.3f}")

    if not args.skip_presidio:
        p_pairs, p_seconds = evaluate.run_presidio(tables, args.presidio_rows)
        theirs = evaluate.scores(p_pairs)
        _print_scores(f"presidio-structured ({args.presidio_rows} rows per table)", theirs, p_seconds)
        supported = set(evaluate.PRESIDIO_TO_MASKLINE.values())
        sub_ours = evaluate.scores([(g if g in supported else None, p if p in supported else None) for g, p in pairs])
        sub_theirs = evaluate.scores([(g if g in supported else None, p) for g, p in p_pairs])
        print(f"\nmacro-F1 maskline {ours['macro_f1']:.3f} vs presidio {theirs['macro_f1']:.3f}; "
              f"FP rate maskline {ours['fp_rate']:.3f} vs presidio {theirs['fp_rate']:.3f}")
        print(f"on the {len(supported)} types presidio can name: macro-F1 maskline {sub_ours['macro_f1']:.3f} "
              f"vs presidio {sub_theirs['macro_f1']:.3f}")

    if not args.skip_speed:
        from benchmarks.classification import speed

        print(f"\n== speed: {speed.ROWS:,} rows x 12 columns")
        df = speed.big_table()
        with tempfile.TemporaryDirectory() as tmp:
            parquet = Path(tmp) / "big.parquet"
            df.to_parquet(parquet)
            ours_t = speed.time_maskline(df, parquet)
            cli = speed.time_cli(parquet)
        print(f"maskline classify(DataFrame): cold {ours_t['dataframe_cold_s']:.3f} s, warm "
              f"{ours_t['dataframe_warm_s']:.3f} s ({ours_t['found']} sensitive columns found)")
        print(f"maskline classify(parquet file): {ours_t['parquet_warm_s']:.3f} s")
        print(f"`maskline scan big.parquet --format json` (new process, imports included): {cli:.3f} s")
        if not args.skip_presidio:
            p = speed.time_presidio(df)
            print(f"presidio-structured generate_analysis on a 1,000-row sample: {p:.2f} s")
            print(f"ratio (presidio 1k-row sample / maskline full-table scan, warm): "
                  f"{p / ours_t['dataframe_warm_s']:.0f}x; vs parquet {p / ours_t['parquet_warm_s']:.0f}x")
        s = speed.time_scrub()
        print(f"scrub(): {s['clean_log_line_ns']:,.0f} ns per clean log line, "
              f"{s['line_with_pii_ns']:,.0f} ns per line with PII")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
