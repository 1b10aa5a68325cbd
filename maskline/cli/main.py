"""The ``maskline`` command line: a registry of subcommand modules.

Each module in :data:`COMMANDS` has ``register(subparsers)``, which adds its
parser and sets ``run=func`` with ``func(args) -> int``. Every maskline error
becomes one line on stderr and its exit code; never a bare traceback. A typo
gets the closest valid name (:mod:`maskline.cli.parser`), and output piped to
a reader that stops early (``| head``) ends quietly.

>>> main(["--version"])  # doctest: +ELLIPSIS
maskline ...
0
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from maskline.cli.parser import MasklineArgumentParser

# What a shell reports for a process ended by SIGPIPE (128 + 13), as `yes | head` does.
EXIT_BROKEN_PIPE = 141

COMMANDS: tuple[str, ...] = (
    "maskline.cli.mask",
    "maskline.cli.sql",
    "maskline.cli.protect",
    "maskline.cli.scan",
    "maskline.cli.policy_cmd",
    "maskline.cli.dbt",
    "maskline.cli.lineage",
    "maskline.cli.demo",
    "maskline.cli.mcp",
)


def build_parser() -> argparse.ArgumentParser:
    """The ``maskline`` parser with every subcommand registered.

    >>> build_parser().parse_args(["scan", "x.csv"]).command
    'scan'
    """
    parser = MasklineArgumentParser(
        prog="maskline",
        description="Mask PII and secrets at transform time: scan, mask, compile masking SQL, audit lineage.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code.

    >>> main([])  # doctest: +ELLIPSIS
    usage: maskline ...
    2
    """
    from maskline.errors import MasklineError, structured_message

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.version:
            import maskline

            print(f"maskline {maskline.__version__}")
            return 0
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        return int(args.run(args) or 0)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except MasklineError as e:
        from maskline.cli.output import err_console

        # told from its fields (what, where, fix): a subclass's str() could carry other text
        err_console().print(f"[bold red]error:[/] {structured_message(e)}", markup=True, highlight=False)
        return e.exit_code
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush does not fail on the closed pipe again."""
    with contextlib.suppress(OSError, ValueError):  # stdout replaced by something without a descriptor
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    """Console-script entry point.

    >>> import sys; from unittest import mock
    >>> with mock.patch.object(sys, "argv", ["maskline", "--version"]):  # prints the version, exits 0
    ...     run()
    Traceback (most recent call last):
    SystemExit: 0
    """
    sys.exit(main())
