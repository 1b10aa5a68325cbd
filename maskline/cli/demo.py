"""``maskline demo``: generate sample customers, mask them on DuckDB, show before and after."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

DEMO_KEY_NOTE = "MASKLINE_KEY is not set: the demo uses a throwaway key generated for this run"


def register(sub: Any) -> None:
    """Add ``maskline demo`` and its options to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> args = sub.choices["demo"].parse_args(["--rows", "10"]); args.rows, args.show, args.run is run
    (10, 5, True)
    """
    p = sub.add_parser("demo", help="mask a generated sample table and show before/after",
                       description="Generate a sample customers table with realistic PII, mask it on embedded "
                       "DuckDB with the demo policy, and print a few rows before and after.")
    p.add_argument("--rows", type=int, default=1000, help="rows to generate (default 1000)")
    p.add_argument("--show", type=int, default=5, help="rows to print (default 5)")
    p.add_argument("--out", default="demo_out", help="directory for the generated files (default demo_out)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write ``--rows`` sample customers and their masked copy under ``--out``; print some before and after.

    >>> import contextlib, io, tempfile; from unittest import mock; d = tempfile.mkdtemp()
    >>> with mock.patch.dict(os.environ, {"MASKLINE_KEY": "k" * 32}), contextlib.redirect_stdout(io.StringIO()) as o:
    ...     rc = run(argparse.Namespace(rows=20, show=1, out=d))
    >>> rc, sorted(os.listdir(d)), "masked 9 of 12 columns in 20 rows" in o.getvalue()
    (0, ['customers.csv', 'customers_masked.csv'], True)
    >>> run(argparse.Namespace(rows=0, show=1, out=d))
    Traceback (most recent call last):
    maskline.errors.InputError: --rows must be at least 1 and --show at least 0 (at maskline demo). Fix: e.g. --rows 200 --show 2
    """
    import secrets

    import pyarrow as pa
    import pyarrow.csv as pacsv
    from rich.table import Table

    from maskline.atomic_output import atomic_output
    from maskline.cli.output import console, err_console, labelled
    from maskline.demo.sample import sample_customers
    from maskline.engine.files import mask_file
    from maskline.errors import InputError

    # Checked before anything is written: --rows 0 wrote an empty sample and then blamed "the input file", which
    # the user never named, and a negative --show printed an empty table.
    if args.rows < 1 or args.show < 0:
        raise InputError("--rows must be at least 1 and --show at least 0", where="maskline demo",
                         fix="e.g. --rows 200 --show 2")
    if not os.environ.get("MASKLINE_KEY"):
        os.environ["MASKLINE_KEY"] = secrets.token_hex(32)
        err_console().print(labelled("note:", "yellow", DEMO_KEY_NOTE))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    raw, masked = out / "customers.csv", out / "customers_masked.csv"
    with atomic_output(raw) as tmp:  # whole or not at all, as every file maskline writes
        pacsv.write_csv(pa.Table.from_pylist(sample_customers(args.rows)), tmp)
    policy = Path(__file__).resolve().parent.parent / "demo" / "customers_policy.yml"
    report = mask_file(raw, masked, policy, overwrite=True, table="customers")
    before = pacsv.read_csv(raw).slice(0, args.show).to_pylist()
    after = pacsv.read_csv(masked).slice(0, args.show).to_pylist()
    table = Table(title="customers: before → after", show_lines=False)
    for col in ("row", "column", "info type", "method", "before", "after"):
        table.add_column(col, overflow="fold")
    methods = {c.name: c for c in report.plan.masked}
    for i, (b, a) in enumerate(zip(before, after, strict=True), start=1):
        for name, c in methods.items():
            table.add_row(str(i), name, c.info_type or "-", c.method.describe() if c.method else "",
                          str(b[name]), str(a[name]))
        table.add_section()
    console().print(table)
    console().print(f"masked {len(report.plan.masked)} of {len(report.plan.columns)} columns in {report.rows:,} rows "
                    f"→ {masked} (the demo's own policy, {policy}, hash {report.plan.policy_hash[:12]}; "
                    f"'maskline policy init {raw}' drafts one for your data)")  # the full path: it is not in --out
    return 0
