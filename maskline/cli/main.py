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
import signal
import sys
from collections.abc import Sequence
from typing import Any

from maskline.cli.parser import MasklineArgumentParser

# What a shell reports for a process ended by SIGPIPE (128 + 13), as `yes | head` does.
EXIT_BROKEN_PIPE = 141
# 128 + SIGTERM's number, as a shell reports a process SIGTERM ended
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread as Ctrl-C is: the same unwinding (an engine query interrupted, a
    temporary output removed) runs for both, where Python's default for SIGTERM ends the process at once and leaves
    the half-written temporary files behind.

    >>> isinstance(Terminated(), KeyboardInterrupt)
    True
    """

# Each command's name and the module that registers it, in the order ``maskline --help`` lists them.
COMMANDS: dict[str, str] = {
    "mask": "maskline.cli.mask",
    "sql": "maskline.cli.sql",
    "protect": "maskline.cli.protect",
    "scan": "maskline.cli.scan",
    "policy": "maskline.cli.policy_cmd",
    "dbt": "maskline.cli.dbt",
    "lineage": "maskline.cli.lineage",
    "demo": "maskline.cli.demo",
    "mcp": "maskline.cli.mcp",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``maskline`` parser with every subcommand registered, or only ``command``'s when it names one.

    A command line that opens with a command's name is parsed by that command's parser alone, so ``maskline scan
    x.csv`` neither imports the other commands' modules nor builds their parsers (a tenth of a small scan's time
    went there). Its result is the full parser's: the other commands' parsers never see its arguments.

    >>> build_parser().parse_args(["scan", "x.csv"]).command
    'scan'
    >>> list(build_parser("scan")._subparsers._group_actions[0].choices)
    ['scan']
    """
    parser = MasklineArgumentParser(
        prog="maskline",
        description="Mask PII and secrets at transform time: scan, mask, compile masking SQL, audit lineage.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if command in (None, name) or command not in COMMANDS:
            importlib.import_module(module).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code.

    >>> main([])  # doctest: +ELLIPSIS
    usage: maskline ...
    2
    """
    from maskline.errors import MasklineError

    if argv is None:
        argv = sys.argv[1:]
    # Only the named command's parser when the line opens with one; else (help, a typo) every command's.
    parser = build_parser(argv[0] if argv else None)
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
        return _report(e)
    except ModuleNotFoundError as e:
        from maskline.extras import missing_extra

        # an extra's module, wherever the command imported it: the pip install that adds it, not a traceback
        missing = missing_extra(e)
        if missing is None:
            raise
        return _report(missing)
    except KeyboardInterrupt as e:
        return EXIT_TERMINATED if isinstance(e, Terminated) else 130


def _report(e: Any) -> int:
    """Print a maskline error as one line on stderr and return its exit code."""
    from maskline.cli.output import err_console, labelled
    from maskline.errors import structured_message

    # told from its fields (what, where, fix): a subclass's str() could carry other text; printed as written,
    # so a fix such as pip install 'maskline[ner]' or a column named [x] is not read as a style tag
    err_console().print(labelled("error:", "bold red", structured_message(e)), highlight=False)
    return int(e.exit_code)


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
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: signals cannot be handled there
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        code = main()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(code)


def _terminate(signum: int, frame: Any) -> None:
    """The SIGTERM handler of the command (not of :func:`main`, which a host process may call)."""
    raise Terminated
