"""Masking evaluation: what a new user gets from ``maskline policy init`` + ``maskline mask``, beside presidio-structured.

    python -m benchmarks.masking_eval [--rows 300] [--no-presidio] [--json out.json] [--nested | --nested-only]

On the mimesis corpus of :mod:`benchmarks.masking_eval.corpus` (the classifier was tuned on Faker data), each
CSV is masked as a new user would: ``maskline policy init FILE > policy.yml`` then ``maskline mask FILE OUT
--policy policy.yml``, with no hand edit. presidio-structured masks the same files (read as text) with its
``PandasAnalysisBuilder`` and ``StructuredEngine`` defaults. Reported:

- **readable**: the share of sensitive values still readable in the output: the whole raw value (compared
  case-insensitively; for numbers, phones, cards, IBANs and SSNs with separators removed) appears in the output
  cell; for free text, each embedded PII span counts once;
- **changed**: the share of cells of non-sensitive columns whose text changed, and how many columns the tool
  passed through but still altered (a format change);
- **scrubber recall**: per info type, the share of embedded spans that ``maskline.text.scrub`` removes, with
  its defaults (the log filter's detectors) and with ``prose=True`` (what free-text columns get).

``--nested`` adds a second section (``--nested-only`` runs it alone): the same default masking on
:mod:`benchmarks.masking_eval.nested_corpus` (Parquet STRUCT, LIST and MAP columns, JSON text, key=value
strings, URLs, base64 of JSON), measured per shape by :mod:`benchmarks.masking_eval.nested_eval`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchmarks.masking_eval.corpus import DEFAULT_SEED, Table, build

COMPACT = {"PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "POSTAL_CODE", "MEDICAL_RECORD_NUMBER"}
KEY = "masking-eval-key-not-a-secret-0123456789"


def _norm(value: str, info_type: str) -> str:
    v = value.strip().casefold()
    return re.sub(r"[^0-9a-z]", "", v) if info_type in COMPACT else v


def read_cells(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter=delimiter))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``maskline`` command line in this process (the same code path, without a start-up per file)."""
    import contextlib
    import io

    from maskline.cli.main import main

    os.environ["MASKLINE_KEY"] = KEY
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(["maskline", *args], code, out.getvalue(), err.getvalue())


def init_and_mask(src: Path, work: Path, name: str, fmt: str) -> tuple[Path, Path]:
    """What a new user runs on ``src``: ``maskline policy init``, then ``maskline mask`` with that policy, unedited.
    Returns the policy and the masked file."""
    init = _cli("policy", "init", str(src))
    if init.returncode != 0:
        raise SystemExit(f"policy init failed on {src.name}: {init.stderr[-500:]}")
    policy = work / f"{name}.policy.yml"
    policy.write_text(init.stdout)
    out = work / f"{name}.masked.{fmt}"
    masked = _cli("mask", str(src), str(out), "--policy", str(policy), "--overwrite")
    if masked.returncode != 0:
        raise SystemExit(f"mask failed on {src.name}: {masked.stderr[-500:]}")
    return policy, out


def run_maskline(tables: list[Table], work: Path) -> tuple[dict[str, list[list[str]]], dict[str, set[str]], float]:
    """policy init + mask per file; the output cells and the columns each plan passed."""
    outputs: dict[str, list[list[str]]] = {}
    passed: dict[str, set[str]] = {}
    started = time.perf_counter()
    for t in tables:
        policy, out = init_and_mask(t.write(work), work, t.name, "csv")
        outputs[t.name] = read_cells(out, t.delimiter)[1:]
        from maskline.policy import load_policy

        ds = load_policy(policy).dataset(t.name)
        named = ds.columns if ds else {}
        passed[t.name] = {c for c, cp in named.items() if cp.info_type is None and cp.method is None}
    return outputs, passed, time.perf_counter() - started


def run_presidio(tables: list[Table], work: Path, sample: int) -> tuple[dict[str, list[list[str]]], dict[str, set[str]],
                                                                       float]:
    """presidio-structured on the same files, read as text, with its default operator (replace)."""
    import logging

    import pandas as pd
    from presidio_structured import PandasDataProcessor, StructuredEngine

    from benchmarks.classification.evaluate import presidio_builder

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    builder = presidio_builder()
    outputs, passed = {}, {}
    started = time.perf_counter()
    for t in tables:
        src = work / f"{t.name}.csv"
        df = pd.read_csv(src, sep=t.delimiter, dtype=str, keep_default_na=False).astype(object)
        analysis = builder.generate_analysis(df, n=min(sample, len(df)))
        out = StructuredEngine(PandasDataProcessor()).anonymize(df.copy(), analysis)
        outputs[t.name] = [[str(v) for v in row] for row in out.itertuples(index=False)]
        passed[t.name] = {c for c in df.columns if c not in analysis.entity_mapping}
    return outputs, passed, time.perf_counter() - started


def run_maskline_nested(seed: int, rows: int, work: Path) -> dict[str, Any]:
    """policy init + mask on each nested-corpus file; the readable and changed shares per shape."""
    from benchmarks.masking_eval import nested_corpus, nested_eval

    tables = nested_corpus.build(seed=seed, rows=rows)
    outputs = {}
    for t in tables:
        _, out = init_and_mask(t.write(work), work, t.name, t.fmt)
        outputs[t.name] = nested_eval.read_output(out, t)
    return nested_eval.measure(tables, outputs)


def measure(tables: list[Table], outputs: dict[str, list[list[str]]], passed: dict[str, set[str]]) -> dict[str, Any]:
    sensitive = readable = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cells = changed = 0
    altered_passed: list[str] = []
    for t in tables:
        rows = outputs[t.name]
        for j, col in enumerate(t.columns):
            outs = [r[j] if j < len(r) else "" for r in rows]
            if col.label is None:
                diff = sum(1 for v, o in zip(col.values, outs, strict=True) if (v or "") != o)
                cells += len(outs)
                changed += diff
                if diff and col.name in passed[t.name]:
                    altered_passed.append(f"{t.name}.{col.name}")
                continue
            if col.label == "FREE_TEXT":
                for spans, o in zip(col.spans, outs, strict=True):
                    for kind, value in spans:
                        leaked = _norm(value, kind) in _norm(o, kind)
                        sensitive += 1
                        readable += leaked
                        by_type[kind][0] += 1
                        by_type[kind][1] += leaked
                continue
            for v, o in zip(col.values, outs, strict=True):
                if v is None or v == "N/A" or not v.strip():
                    continue
                leaked = _norm(v, col.label) in _norm(o, col.label)
                sensitive += 1
                readable += leaked
                by_type[col.label][0] += 1
                by_type[col.label][1] += leaked
    return {"sensitive_values": sensitive, "readable": readable, "readable_share": readable / max(sensitive, 1),
            "non_sensitive_cells": cells, "changed": changed, "changed_share": changed / max(cells, 1),
            "passed_columns_altered": altered_passed,
            "readable_by_type": {k: {"values": v[0], "readable": v[1]} for k, v in sorted(by_type.items())}}


def scrubber_recall(tables: list[Table], prose: bool = False) -> dict[str, dict[str, float]]:
    """Per type, the share of embedded spans ``maskline.text.scrub`` removes: its defaults (the log filter's
    detectors), or with ``prose=True`` (names, addresses, medical ids, local phones: what free-text columns get)."""
    from maskline.text import scrub

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for t in tables:
        for col in t.columns:
            if col.label != "FREE_TEXT":
                continue
            for value, spans in zip(col.values, col.spans, strict=True):
                cleaned, _ = scrub(value or "", prose=prose)
                for kind, span in spans:
                    total[kind] += 1
                    found[kind] += _norm(span, kind) not in _norm(cleaned, kind)
    return {k: {"spans": total[k], "recall": found[k] / total[k]} for k in sorted(total)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.masking_eval", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--presidio-sample", type=int, default=100, help="rows presidio-structured analyses per table")
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"the corpus' seed (default {DEFAULT_SEED}, the one the rules were read against; "
                             "another seed draws values no rule was written from)")
    parser.add_argument("--nested", action="store_true", help="add the nested and encoded values section")
    parser.add_argument("--nested-only", action="store_true", help="run only the nested section")
    parser.add_argument("--nested-seed", type=int, default=None,
                        help="the nested corpus' seed (default: its own, benchmarks.masking_eval.nested_corpus.SEED)")
    args = parser.parse_args(argv)
    if args.nested or args.nested_only:
        from benchmarks.masking_eval import nested_corpus, nested_eval

        seed = nested_corpus.SEED if args.nested_seed is None else args.nested_seed
        print(f"nested corpus: 3 files (Parquet nested, Parquet and CSV text shapes), {args.rows} rows each, "
              f"mimesis {', '.join(nested_corpus.LOCALES)}, seed {seed}")
        with tempfile.TemporaryDirectory() as d:
            nested = run_maskline_nested(seed, args.rows, Path(d))
        nested_eval.print_report(nested)
        if args.nested_only:
            if args.json:
                Path(args.json).write_text(json.dumps({"maskline_nested": nested}, indent=2))
            return 0

    tables = build(seed=args.seed, rows=args.rows)
    n_cols = sum(len(t.columns) for t in tables)
    print(f"corpus: {len(tables)} tables, {n_cols} columns, {args.rows} rows each (mimesis, 7 locales + 4 messy CSVs),"
          f" seed {args.seed}")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        outputs, passed, seconds = run_maskline(tables, work)
        results["maskline"] = {**measure(tables, outputs, passed), "seconds": round(seconds, 1)}
        if not args.no_presidio:
            outputs, passed, seconds = run_presidio(tables, work, args.presidio_sample)
            results["presidio-structured"] = {**measure(tables, outputs, passed), "seconds": round(seconds, 1)}
    results["scrubber_recall"] = scrubber_recall(tables)
    results["scrubber_recall_prose"] = scrubber_recall(tables, prose=True)

    print("\n| tool | sensitive values readable | non-sensitive cells changed | passed columns altered | seconds |")
    print("|---|---|---|---|---|")
    for tool in ("maskline", "presidio-structured"):
        if tool in results:
            r = results[tool]
            print(f"| {tool} | {r['readable_share']:.2%} ({r['readable']:,} of {r['sensitive_values']:,}) | "
                  f"{r['changed_share']:.2%} ({r['changed']:,} of {r['non_sensitive_cells']:,}) | "
                  f"{len(r['passed_columns_altered'])} | {r['seconds']} |")
    print("\nreadable values by info type (maskline / presidio-structured):")
    types = sorted(set(results["maskline"]["readable_by_type"]) |
                   set(results.get("presidio-structured", {}).get("readable_by_type", {})))
    for k in types:
        m = results["maskline"]["readable_by_type"].get(k, {"values": 0, "readable": 0})
        p = results.get("presidio-structured", {}).get("readable_by_type", {}).get(k)
        print(f"  {k:24s} {m['readable']:5d} / {m['values']:5d}" + (f"   {p['readable']:5d} / {p['values']:5d}" if p else ""))
    print("\nrecall on embedded spans: maskline.text.scrub defaults (the log filter's) / with prose=True:")
    for k, v in results["scrubber_recall"].items():
        p = results["scrubber_recall_prose"][k]
        print(f"  {k:24s} {v['recall']:6.1%} / {p['recall']:6.1%} of {v['spans']}")
    if results["maskline"]["passed_columns_altered"]:
        print("maskline passed but altered:", ", ".join(results["maskline"]["passed_columns_altered"]))
    if args.nested:
        results["maskline_nested"] = nested
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
