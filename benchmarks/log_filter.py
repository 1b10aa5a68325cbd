"""Cost per log line of maskline's log scrubber, next to Airflow's own secrets masker.

    python -m benchmarks.log_filter [--lines 20000]

Lines are typical task log events: most carry no PII ("Task started",
"Rows written: 40"), one in five carries an email, a phone number or a card.
Three numbers per line:

- Airflow's secrets masker alone (``redact`` on the event dict, what a worker runs for every line);
- maskline's scrubber alone (:func:`airflow_plugin.log_filter.scrub_event`);
- a structlog pipeline rendering to a null stream, without and with the scrubber installed
  (the cost a task pays per line end to end).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from typing import Any

CLEAN = ("Task started", "Rows written: %d", "Opening DuckDB database /tmp/x.duckdb", "::group::Pre Execute",
         "Marking task as SUCCESS. dag_id=etl, task_id=load")
WITH_PII = ("Sending receipt to ann.lee@example.com", "Customer called from +1 415 555 0100",
            "Card 4111 1111 1111 1111 declined for order 42")


def events(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        text = WITH_PII[i % len(WITH_PII)] if i % 5 == 0 else CLEAN[i % len(CLEAN)]
        out.append({"event": text.replace("%d", str(i)), "timestamp": "2024-03-01T09:00:00.123456Z",
                    "level": "info", "logger": "airflow.task", "loc": "task.py:42"})
    return out


def per_line_us(fn: Callable[[dict[str, Any]], Any], lines: list[dict[str, Any]], repeat: int = 3) -> float:
    timings = []
    for _ in range(repeat):
        batch = [dict(e) for e in lines]
        t0 = time.perf_counter()
        for e in batch:
            fn(e)
        timings.append((time.perf_counter() - t0) / len(batch) * 1e6)
    return statistics.median(timings)


def pipeline_us(lines: list[dict[str, Any]], scrub: bool) -> float:
    import structlog

    from airflow_plugin.log_filter import scrub_processor

    processors: list[Any] = [structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="iso")]
    if scrub:
        processors.append(scrub_processor)
    processors.append(structlog.dev.ConsoleRenderer(colors=False))
    sink = io.StringIO()
    log = structlog.wrap_logger(structlog.PrintLogger(sink), processors=processors)
    texts = [e["event"] for e in lines]
    timings = []
    for _ in range(3):
        sink.seek(0)
        sink.truncate()
        t0 = time.perf_counter()
        for text in texts:
            log.info(text, logger="airflow.task")
        timings.append((time.perf_counter() - t0) / len(texts) * 1e6)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args(argv)

    from airflow.sdk._shared.secrets_masker import _secrets_masker

    from airflow_plugin.log_filter import scrub_event

    lines = events(args.lines)
    masker = _secrets_masker()
    masker.add_mask("s3cr3t-connection-password", None)
    airflow_us = per_line_us(lambda e: masker.redact(e), lines)
    scrub_us = per_line_us(scrub_event, lines)
    plain = pipeline_us(lines, scrub=False)
    scrubbed = pipeline_us(lines, scrub=True)
    print(f"log lines: {args.lines} (1 in 5 with PII)")
    print(f"  Airflow secrets masker (redact)      {airflow_us:8.1f} us/line")
    print(f"  maskline scrubber (scrub_event)      {scrub_us:8.1f} us/line  ({scrub_us / airflow_us:.1f}x the masker)")
    print(f"  structlog pipeline, no scrubber      {plain:8.1f} us/line")
    print(f"  structlog pipeline, with scrubber    {scrubbed:8.1f} us/line  (+{scrubbed - plain:.1f} us, "
          f"{scrubbed / plain:.2f}x)")
    print(f"  lines/s with the scrubber            {1e6 / scrubbed:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
