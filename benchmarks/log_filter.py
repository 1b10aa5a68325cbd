"""Throughput of maskline's log scrubber per core, next to the previous scrubber and Airflow's secrets masker.

    python -m benchmarks.log_filter [--lines 20000] [--repeat 3]

Lines are :func:`benchmarks.log_lines.lines`: realistic Airflow task log lines (task runner, SQL hooks, S3
and HTTP clients, Spark, dbt, tracebacks), one in ten with a sensitive value. Every number is measured in
this run, on the same lines, as CPU time of this process (``time.process_time``), so it is per core and
does not count time spent waiting for a busy machine's CPU. MB/s counts the UTF-8 bytes of the line text.

- Airflow's secrets masker alone (``redact`` on the event dict: what a worker runs for every line);
- the previous scrubber (a frozen copy in ``benchmarks/previous_scrubber``) and the current one, on the text;
- the current one without its Hyperscan prefilter (the fallback when Hyperscan is not installed);
- the log filter end to end: ``scrub_event`` on the event dict, and a structlog pipeline rendering to a
  null stream without and with the scrubber.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from benchmarks.log_lines import lines as make_lines


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


@contextmanager
def without_prefilter() -> Iterator[None]:
    from maskline.text import prefilter

    engine = prefilter.engine
    prefilter.engine = lambda: None  # type: ignore[assignment]
    try:
        yield
    finally:
        prefilter.engine = engine  # type: ignore[assignment]


def pipeline_seconds(texts: list[str], scrub: bool, repeat: int) -> float:
    import structlog

    from airflow_plugin.log_filter import scrub_processor

    processors: list[Any] = [structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="iso")]
    if scrub:
        processors.append(scrub_processor)
    processors.append(structlog.processors.JSONRenderer())
    log = structlog.wrap_logger(structlog.PrintLogger(io.StringIO()), processors=processors)
    return cpu_seconds(lambda text: log.info(text, logger="airflow.task"), texts, repeat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from airflow.sdk._shared.secrets_masker import _secrets_masker

    from airflow_plugin.log_filter import STRUCTURAL_KEYS, scrub_event
    from benchmarks.previous_scrubber.scrubber import scrub as previous_scrub
    from benchmarks.previous_scrubber.scrubber import scrub_value as previous_scrub_value
    from maskline.text import prefilter, scrub

    texts = make_lines(args.lines)
    events = records(texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    masker = _secrets_masker()
    masker.add_mask("s3cr3t-connection-password", None)

    def previous_event(event: dict[str, Any]) -> Any:
        return {k: (v if k in STRUCTURAL_KEYS else previous_scrub_value(v)) for k, v in event.items()}

    rows: list[tuple[str, float]] = [
        ("Airflow secrets masker (redact)", cpu_seconds(lambda e: masker.redact(e), events, args.repeat)),
        ("previous scrubber (scrub)", cpu_seconds(previous_scrub, texts, args.repeat)),
        ("maskline scrubber (scrub)", cpu_seconds(scrub, texts, args.repeat)),
    ]
    with without_prefilter():
        rows.append(("maskline scrubber, no Hyperscan", cpu_seconds(scrub, texts, args.repeat)))
    rows += [
        ("previous log filter (event dict)", cpu_seconds(previous_event, events, args.repeat)),
        ("maskline log filter (scrub_event)", cpu_seconds(scrub_event, events, args.repeat)),
    ]
    print(f"log lines: {len(texts)}, {megabytes * 1e6 / len(texts):.0f} bytes on average, 1 in 10 with PII; "
          f"Hyperscan prefilter: {'on' if prefilter.engine() else 'NOT INSTALLED'}")
    print(f"  {'':38} {'MB/s per core':>13} {'us/line':>9}")
    for name, seconds in rows:
        print(f"  {name:38} {megabytes / seconds:13.1f} {seconds / len(texts) * 1e6:9.2f}")
    plain = pipeline_seconds(texts, scrub=False, repeat=args.repeat) / len(texts) * 1e6
    scrubbed = pipeline_seconds(texts, scrub=True, repeat=args.repeat) / len(texts) * 1e6
    print(f"  structlog JSON pipeline: {plain:.2f} us/line without the scrubber, {scrubbed:.2f} with it "
          f"({scrubbed / plain:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
