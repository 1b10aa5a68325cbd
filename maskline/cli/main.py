"""The ``maskline`` command line: a registry of subcommand modules.

Each module in :data:`COMMANDS` has ``register(subparsers)``, which adds its
parser and sets ``run=func`` with ``func(args) -> int``. Every maskline error
becomes one line on stderr and its exit code; never a bare traceback.

>>> main(["--version"])
maskline 0.1.0
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: tuple[str, ...] = (
    "maskline.cli.mask",
    "maskline.cli.sql",
    "maskline.cli.protect",
    "maskline.cli.scan",
    "maskline.cli.policy_cmd",
    "maskline.cli.dbt",
    "maskline.cli.lineage",
    "maskline.cli.demo",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maskline",
        description="Mask PII and secrets at transform time: scan, mask, compile masking SQL, audit lineage.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from maskline.errors import MasklineError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import version

        print(f"maskline {version('maskline')}")
        return 0
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except MasklineError as e:
        from maskline.cli.output import err_console

        err_console().print(f"[bold red]error:[/] {e}", markup=True, highlight=False)
        return e.exit_code
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
