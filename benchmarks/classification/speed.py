"""Speed: scan a 30-row file, a 300-row sales file with a short notes column, and a 1,000,000-row, 12-column
table, and scrub log lines.

Run alone with ``python -m benchmarks.classification.speed`` (``make bench`` runs it after the accuracy).
``--compare DIR [DIR ...]`` times the 1M-row scan of this checkout and of each other checkout given (a
``git worktree`` of the commit to compare with), interleaved in new processes, so that the machine's load
weighs on all of them alike.

The table is drawn with a fixed seed from pools of Faker values (20,000 per
column) so that generating it takes seconds, not minutes.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

ROWS = 1_000_000
POOL = 20_000


def big_table(rows: int = ROWS, seed: int = 7) -> Any:
    import numpy as np
    import pandas as pd
    from faker import Faker

    fake = Faker(["en_US", "de_DE", "fr_FR"])
    fake.seed_instance(seed)
    rng = np.random.default_rng(seed)

    def pool(make: Any) -> Any:
        return np.array([make() for _ in range(POOL)], dtype=object)

    def draw(values: Any) -> Any:
        return pd.array(values[rng.integers(0, len(values), rows)], dtype="str")

    coin = random.Random(seed)  # seeded too: the same table on every run, so runs compare
    notes = pool(lambda: fake.sentence() + (f" Contact {fake.email()}" if coin.random() < 0.3 else ""))
    return pd.DataFrame({
        "customer_id": np.arange(1, rows + 1),
        "email": draw(pool(fake.email)),
        "full_name": draw(pool(fake.name)),
        "phone": draw(pool(fake.phone_number)),
        "ssn": draw(pool(fake["en_US"].ssn)),
        "card_number": draw(pool(fake.credit_card_number)),
        "iban": draw(pool(fake.iban)),
        "ip_address": draw(pool(fake.ipv4_public)),
        "birth_date": pd.to_datetime(pd.Series(pool(lambda: fake.date_of_birth(minimum_age=18, maximum_age=90))
                                               [rng.integers(0, POOL, rows)])).dt.date,
        "city": draw(pool(fake.city)),
        "amount": rng.uniform(1, 5000, rows).round(2),
        "notes": draw(notes),
    })


def time_maskline(df: Any, parquet: Path) -> dict[str, float]:
    from maskline.classify import classify

    out = {}
    started = time.perf_counter()
    classify(df)
    out["dataframe_cold_s"] = time.perf_counter() - started
    started = time.perf_counter()
    result = classify(df)
    out["dataframe_warm_s"] = time.perf_counter() - started
    started = time.perf_counter()
    classify(parquet)
    out["parquet_warm_s"] = time.perf_counter() - started
    out["found"] = sum(1 for c in result.columns if c.info_type)  # type: ignore[assignment]
    return out


def _cli_env() -> dict[str, str]:
    """The child's environment: this checkout first on the path, and bytecode cached as an installed package has
    it (a session with PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).resolve().parents[2]),
                                                    env.get("PYTHONPATH")) if p)
    return env


def time_cli(path: Path, repeat: int = 3, fmt: str = "table") -> tuple[float, float]:
    """Best of ``repeat`` runs of ``maskline scan PATH --format FMT`` in a new process (imports included), after
    one run that writes the bytecode cache: (wall seconds, CPU seconds of the child). On a shared machine the
    CPU time is the steadier number."""
    import resource
    import subprocess
    import sys

    command = [sys.executable, "-m", "maskline", "scan", str(path), "--format", fmt]
    env = _cli_env()
    subprocess.run(command, check=True, capture_output=True, env=env)
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu))
    return best


def time_ner_load() -> tuple[float, float] | None:
    """Loading spaCy and its English model in a new process, as the first free-text column does: (wall, CPU),
    or None when no model is installed."""
    import subprocess
    import sys

    code = ("import time, resource\n"
            "from maskline.text.ner import ner_available, pipeline\n"
            "if not ner_available('en'): print('none'); raise SystemExit\n"
            "w, c = time.perf_counter(), time.process_time()\n"
            "pipeline('en')\n"
            "print(time.perf_counter() - w, time.process_time() - c)\n")
    best = (float("inf"), float("inf"))
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                             env=_cli_env()).stdout.split()
        if out == ["none"]:
            return None
        best = min(best, (float(out[0]), float(out[1])))
    return best


def small_csv(path: Path, rows: int = 30) -> Path:
    """A 30-row, 6-column CSV: the smallest real scan."""
    import csv

    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "email", "full_name", "phone", "city", "amount"])
        for i in range(rows):
            w.writerow([i, f"user{i}@example.org", "Ana Lopez", f"+49 30 {901820 + i}", "Berlin", f"{i * 3.5:.2f}"])
    return path


NOTES = ("gift wrap", "deliver after 5pm", "call before delivery")


def small_sales_csv(path: Path, rows: int = 300) -> Path:
    """A 300-row, 8-column sales CSV whose ``notes`` column holds a few short phrases, a quarter of them empty: the
    smallest realistic table with a free-text column (issue 15), seeded so runs compare."""
    import csv

    rng = random.Random(3)
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_id", "order_date", "region", "product", "quantity", "unit_price", "status", "notes"])
        for i in range(rows):
            w.writerow([1000 + i, f"2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
                        rng.choice(["North", "South", "East", "West"]), rng.choice(["Widget", "Gadget", "Gizmo"]),
                        rng.randint(1, 20), f"{rng.uniform(2, 90):.2f}", rng.choice(["shipped", "pending", "returned"]),
                        "" if rng.random() < 0.24 else rng.choice(NOTES)])
    return path


def small_parquet(csv_path: Path) -> Path:
    """The same 30 rows as Parquet (written by DuckDB, which the scan reads it with anyway)."""
    import duckdb

    out = csv_path.with_suffix(".parquet")
    con = duckdb.connect()
    con.read_csv(str(csv_path)).write_parquet(str(out))
    con.close()
    return out


def _best(fn: Any, repeat: int = 3) -> tuple[float, float]:
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, (time.perf_counter() - started, time.process_time() - cpu))
    return best


def time_classify_file(path: Path, repeat: int = 3) -> dict[str, tuple[float, float]]:
    """In-process timings of a file scan, best of ``repeat`` after one warm-up call (which loads any NER model):
    the whole ``classify(path)``, its sampling alone (DuckDB draws and reads 10,000 rows), and the free-text
    columns' prose pass alone. Each is (wall, CPU) seconds; CPU counts DuckDB's threads too."""
    from maskline.classify import classify
    from maskline.classify.column import classify_column
    from maskline.classify.sources import sample_source

    result = classify(str(path))
    drawn = sample_source(str(path))
    prose = [c.name for c in result.columns if c.info_type == "FREE_TEXT_WITH_PII"]
    return {
        "classify": _best(lambda: classify(str(path)), repeat),
        "sample": _best(lambda: sample_source(str(path)), repeat),
        "free_text": _best(lambda: [classify_column(n, drawn.columns[n], table_rows=drawn.total_rows)
                                    for n in prose], repeat),
    }


def report(skip_presidio: bool = False) -> None:
    """Print the scan's speed: a small file and a 1M-row Parquet table, in process and as a new CLI process."""
    import os
    import tempfile

    load = os.getloadavg()[0]
    print(f"\n== speed (best of 3; wall and CPU seconds; load average {load:.1f} on {os.cpu_count()} cores; "
          "bytecode cached as installed)")
    with tempfile.TemporaryDirectory() as tmp:
        small = small_csv(Path(tmp) / "small.csv")
        for shown in (small, small_parquet(small)):
            wall, cpu = time_cli(shown)
            print(f"`maskline scan {shown.name}` (30 rows, new process, imports included): {wall:.3f} s wall, "
                  f"{cpu:.3f} s CPU (goal < 0.5 s)")
        wall, cpu = time_cli(small_sales_csv(Path(tmp) / "small_sales_notes.csv"))
        print(f"`maskline scan small_sales_notes.csv` (300 rows, a short free-text notes column, new process, imports "
              f"included): {wall:.3f} s wall, {cpu:.3f} s CPU (goal < 0.5 s)")
        df = big_table()
        parquet = Path(tmp) / "big.parquet"
        df.to_parquet(parquet)
        t = time_classify_file(parquet)
        (wall, cpu), (s_wall, s_cpu), (f_wall, f_cpu) = t["classify"], t["sample"], t["free_text"]
        print(f"classify(big.parquet), {ROWS:,} rows x 12 columns, in process: {wall:.3f} s wall, {cpu:.3f} s CPU "
              f"(goal < 0.5 s); of which sampling {s_wall:.3f} s wall, {s_cpu:.3f} s CPU, and the free-text "
              f"column's prose pass (NER) {f_wall:.3f} s wall, {f_cpu:.3f} s CPU")
        ner = time_ner_load()
        print("NER model load, once per process and only for a free-text column: " + (
            f"{ner[0]:.3f} s wall, {ner[1]:.3f} s CPU" if ner else "no spaCy model installed"))
        wall, cpu = time_cli(parquet)
        print(f"`maskline scan big.parquet` (new process, imports and NER model load included): {wall:.3f} s wall, "
              f"{cpu:.3f} s CPU")
        ours_t = time_maskline(df, parquet)
        print(f"classify(DataFrame of {ROWS:,} rows): cold {ours_t['dataframe_cold_s']:.3f} s, warm "
              f"{ours_t['dataframe_warm_s']:.3f} s ({ours_t['found']} sensitive columns found)")
        if not skip_presidio:
            p = time_presidio(df)
            print(f"presidio-structured generate_analysis on a 1,000-row sample: {p:.2f} s")
    s = time_scrub()
    print(f"scrub(): {s['clean_log_line_ns']:,.0f} ns per clean log line, {s['line_with_pii_ns']:,.0f} ns per line "
          f"with PII")


_CLASSIFY_FILE = """
import json, sys, time
from maskline.classify import classify
from maskline.classify.sources import sample_source
path, repeat = sys.argv[1], int(sys.argv[2])
classify(path)
def best(fn):
    out = (float("inf"), float("inf"))
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        fn()
        out = min(out, (time.process_time() - cpu, time.perf_counter() - wall))
    return out
print(json.dumps({"classify": best(lambda: classify(path)), "sample": best(lambda: sample_source(path))}))
"""


def compare(checkouts: list[Path], rounds: int = 3, repeat: int = 5) -> None:
    """Time ``classify(big.parquet)`` and its sampling in each checkout (best CPU seconds of ``rounds`` new
    processes of ``repeat`` calls each), the checkouts taking turns so that a change in load hits them alike."""
    import json
    import os
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        parquet = Path(tmp) / "big.parquet"
        big_table().to_parquet(parquet)
        best: dict[Path, dict[str, tuple[float, float]]] = {c: {} for c in checkouts}
        loads = []
        for _ in range(rounds):
            for checkout in checkouts:
                env = {**_cli_env(), "PYTHONPATH": str(checkout)}
                out = subprocess.run([sys.executable, "-c", _CLASSIFY_FILE, str(parquet), str(repeat)], env=env,
                                     cwd=checkout, check=True, capture_output=True, text=True).stdout
                for key, (cpu, wall) in json.loads(out.strip().splitlines()[-1]).items():
                    best[checkout][key] = min(best[checkout].get(key, (cpu, wall)), (cpu, wall))
            loads.append(os.getloadavg()[0])
    print(f"\n== classify(big.parquet), {ROWS:,} rows x 12 columns: best of {rounds} interleaved processes x {repeat} "
          f"calls (load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores)")
    for checkout, times in best.items():
        (cpu, wall), (s_cpu, s_wall) = times["classify"], times["sample"]
        print(f"{checkout}: {cpu:.3f} s CPU ({wall:.3f} s wall), of which sampling {s_cpu:.3f} s CPU "
              f"({s_wall:.3f} s wall)")


def time_presidio(df: Any, n: int = 1000) -> float:
    from benchmarks.classification.evaluate import presidio_builder

    builder = presidio_builder()
    sample = df.sample(n, random_state=1).astype(object).astype(str)
    started = time.perf_counter()
    builder.generate_analysis(sample, n=n)
    return time.perf_counter() - started


LOG_LINES = (
    "[2026-11-23T19:23:55.123+0000] {taskinstance.py:1234} INFO - Marking task as SUCCESS. dag_id=example, "
    "task_id=load, run_id=manual__2026-11-23T19:20:00+00:00, start_date=20261123T192301",
    "INFO 2026-11-23 19:23:55,123 worker.py:88 processed 12345 rows in 3.21s from s3://bucket/path/file_0001.parquet",
    "DEBUG http.client: GET /api/v1/datasets?limit=100 returned 200 in 35 ms",
    "WARNING retrying connection to warehouse (attempt 2 of 5) after timeout",
    "Customer complained about late delivery; contact ana.lopez@correo.es or +34 612 345 678 for details.",
    "SELECT id, email FROM customers WHERE ssn = '536-90-4399' AND card = '4111 1111 1111 1111'",
    '{"event": "signup", "user": {"email": "jo@example.org", "ip": "81.2.69.160"}, "plan": "pro"}',
    "ERROR auth failed for postgresql://app:hunter2@db.internal:5432/sales (password authentication failed)",
)


def time_scrub(repeat: int = 2000) -> dict[str, float]:
    from maskline.text import scrub

    for line in LOG_LINES:
        scrub(line)
    out: dict[str, float] = {}
    clean = LOG_LINES[:4]
    dirty = LOG_LINES[4:]
    for label, lines in (("clean_log_line_ns", clean), ("line_with_pii_ns", dirty)):
        started = time.perf_counter_ns()
        for _ in range(repeat):
            for line in lines:
                scrub(line)
        out[label] = (time.perf_counter_ns() - started) / (repeat * len(lines))
    return out


def main(argv: list[str] | None = None) -> None:
    """Run the speed report, or ``--compare`` checkouts; ``--help`` lists the flags.

    >>> main(["--help"])
    Traceback (most recent call last):
    ...
    SystemExit: 0
    """
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.classification.speed",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--skip-presidio", action="store_true",
                        help="leave out presidio-structured's timing (it needs the bench extra)")
    parser.add_argument("--compare", nargs="*", metavar="DIR", default=None,
                        help="time the 1M-row scan of this checkout and of each checkout DIR, interleaved")
    args = parser.parse_args(argv)
    if args.compare is not None:
        here = Path(__file__).resolve().parents[2]
        compare([here, *(Path(a).resolve() for a in args.compare)])
    else:
        report(skip_presidio=args.skip_presidio)


if __name__ == "__main__":
    main()
