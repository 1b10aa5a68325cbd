"""``make bench``: run every benchmark in turn, each in its own process, and print what it prints.

    python -m benchmarks.run [NAME ...]     # e.g. masking classification
"""

from __future__ import annotations

import argparse
import subprocess
import sys

BENCHMARKS = {
    "masking": "benchmarks.masking",                  # maskline vs hand-written SQL, copy, presidio-structured
    "classification": "benchmarks.classification",    # accuracy and speed vs presidio-structured, datahub-classify
    "masking_eval": "benchmarks.masking_eval",        # policy init + mask on a mimesis corpus: leaks, edits
    "real_tables": "benchmarks.real_tables",          # false positives on 2,293 real tables (the R datasets)
    "rewrite": "benchmarks.rewrite_bench",            # cost of rewriting a 5-table query
    "query_path": "benchmarks.query_path",            # a query over raw tables vs pre-masked vs mask-then-query
    "airflow_parse": "benchmarks.airflow_parse",      # DAG parse time with and without maskline operators
    "log_filter": "benchmarks.log_filter",            # cost per log line of the PII log filter
    "gx_checks": "benchmarks.gx_checks",              # maskline expectations vs GX's regex expectation
    "policy_load": "benchmarks.policy_load",          # first and repeated policy loads (schema validation)
    "scale": "benchmarks.scale",                      # 1M-100M rows on DuckDB, Spark, Trino vs hand-written SQL
}


def main(argv: list[str] | None = None) -> int:
    """Run the named benchmarks (all when none is named); an unknown name is refused with the known ones.

    >>> main(["--help"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    SystemExit: 0
    """
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run",
                                     description="Run every benchmark (make bench), or the ones named, each in its "
                                                 "own process.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    names = parser.parse_args(argv).names or list(BENCHMARKS)
    if unknown := [n for n in names if n not in BENCHMARKS]:  # a KeyError traceback told the user nothing
        parser.error(f"no benchmark called {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    failed = []
    for name in names:
        print(f"\n===== {name} =====", flush=True)
        if subprocess.run([sys.executable, "-m", BENCHMARKS[name]]).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
