"""Cost of loading a policy: importing ``maskline.policy``, the first load, each load after, and what a load imports.

    python -m benchmarks.policy_load [--loads 2000] [--runs 7]

Every policy is validated against the JSON Schema built from the method
definitions (:mod:`maskline.policy_schema`). A policy is loaded once per task,
CLI call or server start (and an Airflow DAG file may load one while it is
parsed), so the import and the first load are the numbers that matter; the
per-load figure bounds callers that reload a policy often.

Loading must not import what only compiling needs: the last lines list the
heavy modules in ``sys.modules`` after a valid policy is loaded, and after a
broken one is refused (explaining a refusal imports ``jsonschema``, by design).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

POLICY = {
    "version": 1, "key": {"env": "MASKLINE_KEY"}, "unclassified": "pass",
    "methods": {"EMAIL": {"method": "email"}, "US_SSN": {"method": "partial", "keep_last": 4}},
    "datasets": {"customers": {"columns": {
        "email": {"info_type": "EMAIL"}, "ssn": {"info_type": "US_SSN", "method": "hmac"},
        "notes": {"info_type": "FREE_TEXT_WITH_PII"}}}},
    "unmask_for": ["role:pii_reader"],
}
BROKEN = {**POLICY, "methods": {"EMAIL": {"method": "partial", "keep_lats": 4}}}
# Modules a plain load has no use for (sqlglot: only compiling builds expressions), and the validators.
HEAVY = ("sqlglot", "pandas", "pyarrow", "numpy", "duckdb", "jsonschema", "fastjsonschema", "yaml")
# Wall and CPU seconds: on a shared machine the CPU time is the steadier of the two.
IMPORT = ("import time; t, c = time.perf_counter(), time.process_time(); import maskline.policy; "
          "print(time.perf_counter() - t, time.process_time() - c)")
FIRST_LOAD = ("import time; from maskline.policy import load_policy; from benchmarks.policy_load import POLICY; "
              "t = time.perf_counter(); load_policy(POLICY); print(time.perf_counter() - t)")
LOADED = ("import json, sys; from maskline.errors import PolicyError; from maskline.policy import load_policy; "
          "from benchmarks.policy_load import HEAVY, {name} as raw\n"
          "try:\n    load_policy(raw)\nexcept PolicyError:\n    pass\n"
          "print(json.dumps([m for m in HEAVY if m in sys.modules]))")


def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def fresh_ms(code: str, runs: int = 7) -> list[float]:
    """Medians of the seconds ``code`` prints (one or more numbers), each run in a fresh process, in ms."""
    samples = [[float(x) for x in _fresh(code).split()] for _ in range(runs)]
    return [1000 * statistics.median(column) for column in zip(*samples, strict=True)]


def first_load_ms(runs: int = 5) -> float:
    """Median first load in a fresh process (imports of maskline.policy itself excluded)."""
    return fresh_ms(FIRST_LOAD, runs)[0]


def heavy_after_load(name: str = "POLICY") -> list[str]:
    """The :data:`HEAVY` modules a fresh process holds after loading ``POLICY`` (or refusing ``BROKEN``)."""
    return list(json.loads(_fresh(LOADED.format(name=name))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per median")
    args = parser.parse_args(argv)
    from maskline.policy import load_policy

    load_policy(POLICY)
    start = time.perf_counter()
    for _ in range(args.loads):
        load_policy(POLICY)
    per_load = (time.perf_counter() - start) / args.loads
    wall, cpu = fresh_ms(IMPORT, args.runs)
    print(f"import maskline.policy in a fresh process: {wall:.0f} ms, {cpu:.0f} ms CPU (median of {args.runs})")
    print(f"first load in a fresh process: {first_load_ms(args.runs):.0f} ms (median of {args.runs})")
    print(f"each load after: {per_load * 1e6:.0f} us ({args.loads} loads)")
    print(f"heavy modules after a load: {', '.join(heavy_after_load('POLICY')) or 'none'}")
    print(f"heavy modules after a refused load: {', '.join(heavy_after_load('BROKEN')) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
