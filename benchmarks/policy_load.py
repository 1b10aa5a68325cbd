"""Cost of loading a policy: the first load (schema build and ``jsonschema`` import) and each load after.

    python -m benchmarks.policy_load [--loads 2000]

Every policy is validated against the JSON Schema built from the method
definitions (:mod:`maskline.policy_schema`). A policy is loaded once per task,
CLI call or server start, so the first load is the number that matters; the
per-load figure bounds callers that reload a policy often.
"""

from __future__ import annotations

import argparse
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
FIRST_LOAD = ("import time; from maskline.policy import load_policy; from benchmarks.policy_load import POLICY; "
              "t = time.perf_counter(); load_policy(POLICY); print(time.perf_counter() - t)")


def first_load_ms(runs: int = 5) -> float:
    """Median first load in a fresh process (imports of maskline.policy itself excluded)."""
    times = [float(subprocess.run([sys.executable, "-c", FIRST_LOAD], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return 1000 * statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=2000)
    args = parser.parse_args(argv)
    from maskline.policy import load_policy

    load_policy(POLICY)
    start = time.perf_counter()
    for _ in range(args.loads):
        load_policy(POLICY)
    per_load = (time.perf_counter() - start) / args.loads
    print(f"first load in a fresh process: {first_load_ms():.0f} ms (median of 5)")
    print(f"each load after: {per_load * 1e6:.0f} us ({args.loads} loads)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
