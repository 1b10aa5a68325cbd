"""``maskline scan PATH_OR_URI [--format table|json] [--sample N] [--policy P --save [--dataset NAME]]``.

Classify a table's columns; with ``--save``, store the verdicts beside the policy
(``policy.yml`` -> ``policy.scan.json``, see :mod:`maskline.classify.stored`) for
every face to read.

>>> from maskline.cli.main import build_parser
>>> build_parser().parse_args(["scan", "x.csv", "--format", "json"]).format
'json'
>>> build_parser().parse_args(["scan", "x.csv", "--policy", "p.yml", "--save", "--dataset", "raw.x"]).dataset
'raw.x'
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

SOURCES_HELP = (
    "PATH_OR_URI is a .csv, .tsv, .csv.gz, .tsv.gz or .parquet file, or a database table written as URI::table: "
    "duckdb:///path/to.db::main.customers, postgresql://user@host:5432/db::public.customers, "
    "sqlite:///path/to.db::customers, trino://user@host:8080/catalog/schema::customers (the trino extra; a "
    "password in the URI is never printed; prefer PGPASSWORD). Rows are sampled where they live, the same rows on "
    "every run (Parquet: runs of rows at seeded places; CSV and DuckDB: a seeded Bernoulli sample; PostgreSQL: "
    "TABLESAMPLE ... REPEATABLE; SQLite: a fixed scramble of rowids), but on Trino, whose TABLESAMPLE takes no seed; "
    "whole tables are never pulled."
)
LARGE_INPUT_BYTES = 10 * 1024 * 1024


def add_source_arguments(p: argparse.ArgumentParser, *, many: bool = False) -> None:
    """The input arguments shared by ``scan`` and ``policy init`` (``many``: one or more sources, a list).

    >>> p = argparse.ArgumentParser(); add_source_arguments(p)
    >>> vars(p.parse_args(["x.csv", "--sample", "500"]))
    {'source': 'x.csv', 'table': None, 'sample': 500, 'policy': None}
    >>> p = argparse.ArgumentParser(); add_source_arguments(p, many=True); p.parse_args(["a.csv", "b.csv"]).source
    ['a.csv', 'b.csv']
    """
    if many:
        p.add_argument("source", metavar="PATH_OR_URI", nargs="+",
                       help="files or URI::tables to classify, one dataset each")
    else:
        p.add_argument("source", metavar="PATH_OR_URI", help="file or URI::table to classify")
    p.add_argument("--table", help="table to read when the URI does not name one after '::' (not for a file)")
    p.add_argument("--sample", type=int, default=None, metavar="N",
                   help="rows to sample (default: the policy's classify.sample, or 10000)")
    p.add_argument("--policy", type=Path, help="policy YAML file adding custom info types, an allow-list and min_confidence")


def register(sub: Any) -> None:
    """Add ``maskline scan`` and its options to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> args = sub.choices["scan"].parse_args(["x.csv"]); args.format, args.save, args.run is run
    ('table', False, True)
    """
    p = sub.add_parser("scan", help="classify the columns of a file or table",
                       description="Classify every column: info type, confidence, category and evidence (which "
                                   "signals fired, the share of sampled values that validated). Sampled values "
                                   "are never printed. " + SOURCES_HELP)
    add_source_arguments(p)
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help='table (rich) or json: {"columns": [{"name", "info_type", "confidence", "category", '
                        '"verdict", "evidence"}]}; verdict is sensitive, safe (confidently nothing sensitive: what '
                        'masking passes raw by default) or uncertain')
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: on for large inputs and databases, table format only)")
    p.add_argument("--save", action="store_true",
                   help="store the verdicts beside --policy (policy.yml -> policy.scan.json, other datasets kept); "
                        "the Airflow operators, dbt (after `maskline dbt sync`), `maskline sql` and `maskline mcp` "
                        "read it instead of classifying again")
    p.add_argument("--dataset", metavar="NAME",
                   help="the dataset name to store the verdicts under, matched like the policy's datasets "
                        "(default: the table after '::', or the file's name without its extension)")
    p.set_defaults(run=run)


def is_large(source: str) -> bool:
    """Whether a progress bar is worth showing: a big file, or a database round trip.

    >>> is_large("duckdb:///x.db::t"), is_large("/nonexistent.csv")
    (True, False)
    """
    if "::" in source:
        return True
    path = Path(source[len("file://"):] if source.startswith("file://") else source)
    return path.is_file() and path.stat().st_size >= LARGE_INPUT_BYTES


def classify_source(args: argparse.Namespace, show_progress: bool) -> Any:
    """Run the classifier on the command's source with its policy and sample size.

    >>> import pathlib, tempfile; d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.csv").write_text("email\\nann@ex.org\\n")
    >>> args = argparse.Namespace(source=str(d / "t.csv"), policy=None, table=None, sample=None)
    >>> classify_source(args, show_progress=False).columns[0].info_type
    'EMAIL'
    """
    refuse_table_for_a_file(args.source, args.table)
    from maskline.classify import classify
    policy = None
    if args.policy:  # the policy module (and sqlglot) load only when a policy is given
        from maskline.policy import load_policy

        policy = load_policy(args.policy)
    if not show_progress:
        return classify(args.source, policy, table=args.table, sample=args.sample)
    from maskline.cli.output import progress

    with progress() as bar:
        task = bar.add_task("classifying columns", total=None)
        return classify(args.source, policy, table=args.table, sample=args.sample,
                        progress=lambda done, total: bar.update(task, completed=done, total=total))


def run(args: argparse.Namespace) -> int:
    """Classify ``args.source``, print the verdicts (a table, or JSON); ``--save`` stores them beside the policy.

    >>> import pathlib, tempfile; from maskline.cli.main import main; d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.csv").write_text("email\\nann@ex.org\\nbob@ex.org\\n")
    >>> main(["scan", str(d / "t.csv"), "--format", "json"])
    {"columns": [{"name": "email", "info_type": "EMAIL", ...}]}
    0
    """
    from maskline.cli.output import console

    show = args.progress if args.progress is not None else (args.format == "table" and is_large(args.source))
    if args.save or args.dataset:
        from maskline.errors import InputError

        if not args.save:
            raise InputError("--dataset names what --save stores, and --save was not given", where="maskline scan",
                             fix="add --save, or drop --dataset")
        if not args.policy:
            raise InputError("--save stores the scan beside a policy, and no --policy was given",
                             where="maskline scan", fix="add --policy policy.yml (start one with `maskline policy init`)")
    result = classify_source(args, bool(show))
    # Stored before anything is printed (a scan that cannot be saved prints no verdicts), said after them: the
    # verdicts once, then one line saying where they went, in that order on a terminal where both streams meet.
    saved = save(args, result) if args.save else None
    if args.format == "json":
        # Plain print: rich would wrap or colour the JSON.
        print(json.dumps({"columns": [shown_column(c) for c in result.columns]}, ensure_ascii=False))
    else:
        console().print(render_table(result))
    if saved is not None:
        from maskline.cli.output import err_console

        sys.stdout.flush()  # a pipe buffers stdout: the verdicts first, then the line on stderr
        err_console().print(f"saved the verdicts on {saved[0]} in {saved[1]}", highlight=False, markup=False)
    return 0


def save(args: argparse.Namespace, result: Any) -> tuple[str, Path]:
    """Store ``result`` beside ``args.policy``; returns the dataset name and the file, which :func:`run` says on
    stderr after the verdicts (stdout stays the scan's output)."""
    from maskline.classify.sources import redact_uri
    from maskline.classify.stored import save_scan, scan_path_for
    from maskline.policy import load_policy

    dataset = args.dataset or result.table or Path(args.source).stem
    path = save_scan(scan_path_for(args.policy), dataset, result, load_policy(args.policy),
                     source=redact_uri(args.source))
    return dataset, path


def render_table(result: Any) -> Any:
    """A rich table of a classification (no values, only verdicts and evidence).

    >>> from maskline.classify.result import Classification, ColumnClassification
    >>> result = Classification((ColumnClassification("email", "EMAIL", 0.97, "identifier"),), table="t")
    >>> t = render_table(result)
    >>> t.title, [c.header for c in t.columns][:3], t.row_count
    ('maskline scan: t', ['column', 'info type', 'confidence'], 1)
    """
    from rich.table import Table

    total = result.meta.get("total_rows")
    caption = f"{result.sampled_rows:,} rows sampled" + (f" of {total:,}" if total is not None else "")
    table = Table(title=f"maskline scan: {result.table or 'input'}", caption=caption)
    for col, style in (("column", "bold"), ("info type", "magenta"), ("confidence", ""), ("category", "cyan"),
                       ("verdict", ""), ("evidence", "dim")):
        # Names and verdicts stay whole on a narrow terminal; only the evidence wraps.
        table.add_column(col, style=style or None, overflow="fold", no_wrap=col != "evidence")
    for c in result.columns:
        shown = shown_column(c)
        table.add_row(c.name, c.info_type or "-", f"{c.confidence:.2f}", c.category or "-", shown["verdict"],
                      "; ".join(shown["evidence"]), style=None if c.info_type else "dim")
    return table


def shown_column(c: Any) -> dict[str, Any]:
    """One column's verdict as the scan prints it: ``safe`` exactly when the fail-closed default passes it raw.

    The classifier's confidence alone would call a struct of e-mails ``safe`` while ``maskline mask`` redacts it
    (nested values are not inspected); the printed verdict comes from the decision every face applies to a
    column the policy does not name (:func:`maskline.classify.decision.why_not_safe`), with its reason.

    >>> from maskline.classify.result import ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> nested = ColumnClassification("contact", None, 0.95, None, ("type:STRUCT(email VARCHAR)",),
    ...                               shape=ValueShape("nested"))
    >>> shown_column(nested)["verdict"], shown_column(nested)["evidence"][-1]
    ('uncertain', 'masked by default: nested values are not inspected')
    >>> shown_column(ColumnClassification("qty", None, 0.95, None, shape=ValueShape("numeric")))["verdict"]
    'safe'
    """
    from maskline.classify.decision import why_not_safe

    shown = c.as_dict()
    if c.info_type is None:
        reason = why_not_safe(c.name, c)
        shown["verdict"] = "safe" if reason is None else "uncertain"
        if reason is not None and c.verdict == "safe":
            shown["evidence"] = [*shown["evidence"], f"masked by default: {reason}"]
    return shown


def refuse_table_for_a_file(source: str, table: str | None) -> None:
    """Refuse ``--table`` beside a file: it names a database's table, and a file was read whole while the flag was
    silently dropped (``policy init x.csv --table customers`` still named the dataset ``x``).

    >>> refuse_table_for_a_file("duckdb:///w.db", "main.customers"); refuse_table_for_a_file("x.csv", None)
    >>> refuse_table_for_a_file("x.csv", "customers")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: --table names a table of a database URI, and x.csv is a file (at --table). Fix: ...
    """
    from maskline.classify.sources import DB_SCHEMES
    from maskline.errors import InputError

    if table is None or "::" in source or (source.split(":", 1)[0].lower() in DB_SCHEMES and "://" in source):
        return
    raise InputError(f"--table names a table of a database URI, and {Path(source).name} is a file",
                     where="--table", fix="drop --table; name the dataset with --dataset (scan --save) or --name "
                                          "(policy init)")
