"""``maskline mask IN OUT [--policy P]``: mask a CSV, gzip CSV or Parquet file (classifying it first without a
policy)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

# Off a terminal, a progress line at most this often (seconds); PROGRESS_ENV overrides it.
PROGRESS_LOG_SECONDS = 30.0
PROGRESS_ENV = "MASKLINE_PROGRESS_SECONDS"


def register(sub: Any) -> None:
    """Add ``maskline mask IN OUT`` and its options to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> args = sub.choices["mask"].parse_args(["in.csv", "out.csv", "--overwrite"])
    >>> args.overwrite, args.run is run
    (True, True)
    """
    p = sub.add_parser(
        "mask",
        help="mask a CSV, gzip CSV or Parquet file",
        description="Mask IN into OUT (CSV, gzip CSV or Parquet, by extension: an OUT ending in .csv.gz is "
        "written gzip-compressed) on embedded DuckDB. Without --policy the input is classified first: each "
        "sensitive column gets its info type's default method, and every column the scan is not confident is "
        "safe is redacted (fail closed). Columns that are not masked come out unchanged: CSV is read as text, "
        "by the same reader as 'maskline scan', so a file either command cannot read is refused by both with the "
        "same fault and line. The output is written atomically: on any error nothing is written. "
        "Keyed methods read the key from MASKLINE_KEY (or the variable named by the policy's 'key'). "
        "What costs time: a 'scrub' column's prose pass loads spaCy's NER model (a few seconds, once per run) "
        "the first time a value with a capital letter could hold a name, and a column of lower-case notes, "
        "numbers or empty values never loads it; a scan (no --policy, or a column the policy leaves to it) "
        "reads a sample first. "
        "On a terminal a progress bar shows on stderr; elsewhere (a pipe, CI, a scheduler) a line such as "
        "'masking IN: 40% of the rows done, 60 s' is logged to stderr at most every "
        f"{PROGRESS_LOG_SECONDS:g} seconds ({PROGRESS_ENV} sets another interval), never a value.",
    )
    # shown as IN and OUT, the names the description and --overwrite use
    p.add_argument("input", metavar="IN", help="input file (.csv, .tsv, .csv.gz, .tsv.gz, .parquet)")
    p.add_argument("output", metavar="OUT", help="output file (.csv, .tsv, .csv.gz, .tsv.gz, .parquet)")
    p.add_argument("--policy", type=Path, help="policy YAML file; the scan stored beside it (maskline scan --save) is read "
                                    "too (default: classify the input)")
    p.add_argument("--table", help="dataset name to look up in the policy (default: the input file's name "
                                   "without its extension, people for people.csv.gz); the file's own name masks "
                                   "it by a scan alone, and any other name must be one of the policy's datasets")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Mask ``args.input`` into ``args.output`` (classified first when there is no ``--policy``); print the plan.

    >>> import contextlib, io, pathlib, tempfile; from maskline.cli.main import main
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.csv").write_text("email\\nann@ex.org\\n")
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     rc = main(["mask", str(d / "t.csv"), str(d / "o.csv")])  # no policy: classified, then masked
    >>> rc, (d / "o.csv").read_text().splitlines()
    (0, ['email', '*****@ex.org'])
    """
    from maskline.cli.output import console, err_console, progress
    from maskline.engine.files import mask_file
    from maskline.policy import load_policy

    policy = load_policy(args.policy) if args.policy else load_policy({"version": 1})
    with progress() as bar:
        task = bar.add_task(f"masking {args.input}", total=100)
        on_progress: Any = lambda pct: bar.update(task, completed=pct)  # noqa: E731 - the bar's own callback
        if not err_console().is_terminal:  # the bar is off there: log progress lines instead
            on_progress = _logged_progress(f"masking {args.input}")
        report = mask_file(args.input, args.output, policy, overwrite=args.overwrite, table=args.table,
                           progress=on_progress)
    from rich.table import Table

    table = Table(title=f"{report.rows:,} rows masked into {args.output}")
    for col in ("column", "info type", "method", "rule"):
        table.add_column(col)
    for c in report.plan.columns:
        table.add_row(c.name, c.info_type or "-", c.method.describe() if c.method else "pass", c.rule)
    console().print(table)
    return 0


def _logged_progress(label: str) -> Any:
    """A callback logging ``label``'s progress to stderr through the ``maskline.progress`` logger, at most every
    PROGRESS_LOG_SECONDS (or the seconds PROGRESS_ENV gives)."""
    import logging
    import sys

    from maskline.engine.progress import LoggedProgress
    from maskline.errors import InputError

    given = os.environ.get(PROGRESS_ENV, "").strip()
    try:
        every = float(given) if given else PROGRESS_LOG_SECONDS
    except ValueError:
        every = -1.0
    if not every >= 0:  # also NaN
        raise InputError(f"{PROGRESS_ENV} must be a number of seconds, at least 0", where=f"environment {PROGRESS_ENV}",
                         fix=f"set it to e.g. {PROGRESS_LOG_SECONDS:g}, or unset it")
    logger = logging.getLogger("maskline.progress")
    if not logger.handlers:  # the CLI's own process: one plain line per report on stderr
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return LoggedProgress(label, every=every, logger=logger)
