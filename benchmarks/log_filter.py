"""Throughput of maskline's log scrubber per core, next to earlier versions of it and Airflow's secrets masker.

    python -m benchmarks.log_filter [--lines 20000] [--repeat 3] [--log-file PATH ...]

Lines are :func:`benchmarks.log_lines.lines`: realistic Airflow task log lines (task runner, SQL hooks, S3
and HTTP clients, Spark, dbt, tracebacks), one in ten with a sensitive value. Every number is measured in
this run, on the same lines, as CPU time of this process (``time.process_time``), so it is per core and
does not count time spent waiting for a busy machine's CPU. MB/s counts the UTF-8 bytes of the line text.

- Airflow's secrets masker alone (``redact`` on the event dict: what a worker runs for every line);
- earlier scrubbers, loaded from git history (:mod:`benchmarks.scrubber_history`), and the current one;
- the current one with its validator answers forgotten before every line (as if no value ever repeated),
  and without its Hyperscan prefilter (the fallback when Hyperscan is not installed);
- the log filter end to end: ``scrub_event`` on the event dict, and a structlog pipeline rendering to a
  null stream without and with the scrubber.

A second table is measured on real Airflow 3 task logs: by default ``benchmarks/data/airflow_task_logs.log.gz``,
every third line of the 46 ``dag.test()`` logs one run of this project's test suite wrote (2026-12-01; temporary
paths shortened to ``/tmp/…``; nobody tuned the scrubber on them). ``--log-file PATH...`` measures other files
(plain or ``.gz``) instead, e.g. ``$AIRFLOW_HOME/logs/**/*.log``.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import scrubber_history
from benchmarks.log_lines import lines as make_lines

REAL_LOGS = Path(__file__).resolve().parent / "data" / "airflow_task_logs.log.gz"


def records(texts: list[str]) -> list[dict[str, Any]]:
    return [{"event": t, "timestamp": "2026-03-01T09:00:00.123456Z", "level": "info", "logger": "airflow.task",
             "loc": "task.py:42"} for t in texts]


def cpu_seconds(fn: Callable[[Any], Any], items: list[Any], repeat: int) -> float:
    """Median CPU seconds of one pass of ``fn`` over ``items``, after one warm-up pass (imports, caches)."""
    for item in items:
        fn(item)
    timings = []
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            fn(item)
        timings.append(time.process_time() - t0)
    return statistics.median(timings)



def pipeline_seconds(texts: list[str], scrub: bool, repeat: int) -> float:
    import structlog

    from airflow_plugin.log_filter import scrub_processor

    processors: list[Any] = [structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="iso")]
    if scrub:
        processors.append(scrub_processor)
    processors.append(structlog.processors.JSONRenderer())
    log = structlog.wrap_logger(structlog.PrintLogger(io.StringIO()), processors=processors)
    return cpu_seconds(lambda text: log.info(text, logger="airflow.task"), texts, repeat)


def _history_rows(texts: list[str], events: list[dict[str, Any]], repeat: int) -> list[tuple[str, float]]:
    from airflow_plugin.log_filter import STRUCTURAL_KEYS

    rows: list[tuple[str, float]] = []
    for commit, what in scrubber_history.VERSIONS.items():
        try:
            old = scrubber_history.load(commit)
            old.scrub(texts[0])  # old code runs against today's validators: a renamed one fails here
        except scrubber_history.HistoryUnavailable as e:
            print(f"  (scrubber at {commit}, {what}, not measured: {e.explanation})")
            continue
        except (ImportError, KeyError, AttributeError, NameError, TypeError) as e:
            print(f"  (scrubber at {commit}, {what}, not measured: it no longer runs with today's modules, "
                  f"{type(e).__name__})")
            continue
        rows.append((f"scrubber at {commit}, {what}", cpu_seconds(old.scrub, texts, repeat)))
        if commit == scrubber_history.PREVIOUS:
            def previous_event(event: dict[str, Any], old: Any = old) -> Any:
                return {k: (v if k in STRUCTURAL_KEYS else old.scrub_value(v)) for k, v in event.items()}

            rows.append((f"log filter at {commit} (event dict)", cpu_seconds(previous_event, events, repeat)))
    return rows


def read_log_files(paths: list[str]) -> list[str]:
    """The non-blank lines of real log files (e.g. ``$AIRFLOW_HOME/logs/**/*.log``), newline stripped."""
    import gzip

    texts: list[str] = []
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            texts += [line.rstrip("\n") for line in f if line.strip()]
    return texts


def table(texts: list[str], repeat: int, title: str) -> None:
    """Print one same-run table of MB/s per core and us/line for every implementation, on ``texts``."""
    from airflow.sdk._shared.secrets_masker import _secrets_masker

    from airflow_plugin.log_filter import scrub_event
    from maskline.text import prefilter, scrub
    from maskline.text.scrubber import forget_validator_answers

    events = records(texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    masker = _secrets_masker()
    masker.add_mask("s3cr3t-connection-password", None)
    load_before = os.getloadavg()

    def scrub_unseen(text: str) -> Any:
        forget_validator_answers()
        return scrub(text)

    rows: list[tuple[str, float]] = [
        ("Airflow secrets masker (redact)", cpu_seconds(lambda e: masker.redact(e), events, repeat)),
        *_history_rows(texts, events, repeat),
        ("maskline scrubber (scrub)", cpu_seconds(scrub, texts, repeat)),
        ("maskline scrubber, every value unseen", cpu_seconds(scrub_unseen, texts, repeat)),
    ]
    with prefilter.disabled():
        rows.append(("maskline scrubber, no Hyperscan", cpu_seconds(scrub, texts, repeat)))
    rows.append(("maskline log filter (scrub_event)", cpu_seconds(scrub_event, events, repeat)))
    load_after = os.getloadavg()
    with_findings = sum(bool(scrub(t)[1]) for t in texts)
    print(f"{title}: {len(texts)}, {megabytes * 1e6 / len(texts):.0f} bytes on average, {with_findings} with "
          f"findings; Hyperscan prefilter: {'on' if prefilter.engine() else 'NOT INSTALLED'}; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({os.cpu_count()} CPUs)")
    print(f"  {'':52} {'MB/s per core':>13} {'us/line':>9}")
    for name, seconds in rows:
        print(f"  {name:52} {megabytes / seconds:13.1f} {seconds / len(texts) * 1e6:9.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--log-file", nargs="*", default=[str(REAL_LOGS)], metavar="PATH",
                        help="real log files for the second table (plain or .gz; default: %(default)s)")
    args = parser.parse_args(argv)

    texts = make_lines(args.lines)
    table(texts, args.repeat, "generated log lines (1 in 10 with PII)")
    plain = pipeline_seconds(texts, scrub=False, repeat=args.repeat) / len(texts) * 1e6
    scrubbed = pipeline_seconds(texts, scrub=True, repeat=args.repeat) / len(texts) * 1e6
    print(f"  structlog JSON pipeline: {plain:.2f} us/line without the scrubber, {scrubbed:.2f} with it "
          f"({scrubbed / plain:.2f}x)")
    if args.log_file:
        table(read_log_files(args.log_file), args.repeat, f"real Airflow task log lines ({len(args.log_file)} file(s))")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
