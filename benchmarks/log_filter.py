"""Throughput of maskline's log scrubber per core, next to earlier versions of it and Airflow's secrets masker.

    python -m benchmarks.log_filter [--lines 20000] [--repeat 3] [--log-file PATH ...] [--commit C ...] [--exact-spans]

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

``--commit C`` (repeatable) measures the scrubber, its unseen-value path and the log filter's ``scrub_event`` as
they were at commit C (loaded from git history, with today's validators), each row just above today's.

``--exact-spans`` adds what exact Hyperscan spans (start of match) would cost on the generated lines, beside
the Python span work they would replace (:func:`exact_span_costs`).

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
from collections.abc import Callable, Sequence
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


def _commit_paths(commits: Sequence[str]) -> dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any], Callable[[Any], Any]]]:
    """For each commit (``--commit``): its scrub, its scrub with every value unseen (its own way of forgetting
    the validators' answers) and its log filter's ``scrub_event``, loaded from git history. The validators
    are today's (:mod:`benchmarks.scrubber_history`)."""
    paths = {}
    for commit in commits:
        try:
            old = scrubber_history.load(commit)
            log_filter = scrubber_history.load_log_filter(commit)
        except scrubber_history.HistoryUnavailable as e:
            print(f"  (commit {commit} not measured: {e.explanation})")
            continue

        def unseen(text: str, old: Any = old) -> Any:
            old.forget_validator_answers()
            return old.scrub(text)

        paths[commit] = (old.scrub, unseen, log_filter.scrub_event)
    return paths


def table(texts: list[str], repeat: int, title: str, commits: Sequence[str] = ()) -> None:
    """Print one same-run table of MB/s per core and us/line for every implementation, on ``texts``.

    Each ``commits`` entry adds its scrubber, its unseen-value path and its log filter, next to today's.
    """
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
    ]
    # Each row of today's code right after the same row at each --commit: the machine's load drifts less
    # between neighbours.
    at = _commit_paths(commits)
    for label, short, kind, fn in [("maskline scrubber (scrub)", "scrub", 0, scrub),
                                   ("maskline scrubber, every value unseen", "every value unseen", 1, scrub_unseen)]:
        for commit, paths in at.items():
            rows.append((f"  at {commit}: {short}", cpu_seconds(paths[kind], texts, repeat)))
        rows.append((label, cpu_seconds(fn, texts, repeat)))
    with prefilter.disabled():
        rows.append(("maskline scrubber, no Hyperscan", cpu_seconds(scrub, texts, repeat)))
    for commit, (_, _, old_event) in at.items():
        rows.append((f"  at {commit}: log filter (scrub_event)", cpu_seconds(old_event, events, repeat)))
    rows.append(("maskline log filter (scrub_event)", cpu_seconds(scrub_event, events, repeat)))
    load_after = os.getloadavg()
    with_findings = sum(bool(scrub(t)[1]) for t in texts)
    print(f"{title}: {len(texts)}, {megabytes * 1e6 / len(texts):.0f} bytes on average, {with_findings} with "
          f"findings; Hyperscan prefilter: {'on' if prefilter.engine() else 'NOT INSTALLED'}; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({os.cpu_count()} CPUs)")
    print(f"  {'':52} {'MB/s per core':>13} {'us/line':>9}")
    for name, seconds in rows:
        print(f"  {name:52} {megabytes / seconds:13.1f} {seconds / len(texts) * 1e6:9.2f}")


def exact_span_costs(texts: list[str], repeat: int) -> None:
    """Print what exact Hyperscan spans (HS_FLAG_SOM_LEFTMOST) would cost beside the Python work they would replace.

    Start-of-match reporting cannot be combined with prefilter mode, so the rules' prefilter patterns are
    compiled as exact patterns with SOM, each reporting every match (a span engine needs them all); a rule
    Hyperscan refuses that way is counted, not measured. On the lines the prefilter lets through, the scan is
    set against the Python span work it would replace (digit windows and the candidate rules' regexes, as
    ``find`` runs them; the validators run either way). Only a design whose scan costs less than that work
    can pay.
    """
    import hyperscan as hs

    from maskline.text import prefilter
    from maskline.text.scrubber import _DIGIT_RUN_RULES, _digit_windows, _trigger_tokens
    from maskline.text.spans import SPAN_RULES

    som = hs.HS_FLAG_SOM_LEFTMOST | hs.HS_FLAG_UTF8
    accepted, refused = [], []
    for index, (pattern, regex, _) in enumerate(prefilter._entries()):
        flags = som | (prefilter._flags(hs, regex) & (hs.HS_FLAG_CASELESS | hs.HS_FLAG_DOTALL))
        try:
            hs.Database().compile(expressions=[pattern], ids=[index], elements=1, flags=[flags])
            accepted.append((pattern, index, flags))
        except hs.error:
            refused.append(SPAN_RULES[index].info_type)
    database = hs.Database()
    database.compile(expressions=[a[0] for a in accepted], ids=[a[1] for a in accepted], elements=len(accepted),
                     flags=[a[2] for a in accepted])
    engine = prefilter.engine()
    assert engine is not None
    candidates = [t for t in texts if engine.scan(t)]

    def spans(text: str) -> None:
        reports: list[tuple[int, int, int]] = []
        database.scan(text.encode("utf-8"), lambda i, a, b, f, c: reports.append((i, a, b)), 0, None)

    def python_span_work(text: str) -> None:
        rules = engine.scan(text) or frozenset()
        windows = _digit_windows(text) if not rules.isdisjoint(_DIGIT_RUN_RULES) else []
        for index in rules:
            rule = SPAN_RULES[index]
            if rule.in_digit_runs:
                [m for a, b, d in windows if d >= rule.min_digits for m in rule.regex.finditer(text, a, b)]
            elif rule.within_token:
                [m for a, b in _trigger_tokens(text, rule.triggers) for m in rule.regex.finditer(text, a, b)]
            else:
                [*rule.regex.finditer(text)]

    def per_line(fn: Callable[[Any], Any], items: list[str]) -> float:
        return cpu_seconds(fn, items, repeat) / len(items) * 1e6

    print(f"exact Hyperscan spans (SOM), {len(accepted)} of {len(SPAN_RULES)} rules compile "
          f"(refused: {', '.join(refused) or 'none'}); us/line:")
    print(f"  all {len(texts)} lines: prefilter scan {per_line(engine.scan, texts):.2f}, SOM scan {per_line(spans, texts):.2f}")
    print(f"  the {len(candidates)} lines the prefilter lets through: prefilter scan "
          f"{per_line(engine.scan, candidates):.2f}, SOM scan {per_line(spans, candidates):.2f}, Python span work "
          f"it would replace (prefilter scan included) {per_line(python_span_work, candidates):.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--log-file", nargs="*", default=[str(REAL_LOGS)], metavar="PATH",
                        help="real log files for the second table (plain or .gz; default: %(default)s)")
    parser.add_argument("--commit", action="append", default=[], metavar="COMMIT",
                        help="also measure the scrubber and the log filter of COMMIT (from git history), each row "
                             "next to today's (repeatable)")
    parser.add_argument("--exact-spans", action="store_true",
                        help="also measure what exact Hyperscan spans (SOM) would cost (needs hyperscan)")
    args = parser.parse_args(argv)

    texts = make_lines(args.lines)
    table(texts, args.repeat, "generated log lines (1 in 10 with PII)", args.commit)
    plain = pipeline_seconds(texts, scrub=False, repeat=args.repeat) / len(texts) * 1e6
    scrubbed = pipeline_seconds(texts, scrub=True, repeat=args.repeat) / len(texts) * 1e6
    print(f"  structlog JSON pipeline: {plain:.2f} us/line without the scrubber, {scrubbed:.2f} with it "
          f"({scrubbed / plain:.2f}x)")
    if args.exact_spans:
        exact_span_costs(texts, args.repeat)
    if args.log_file:
        table(read_log_files(args.log_file), args.repeat, f"real Airflow task log lines ({len(args.log_file)} file(s))",
              args.commit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
