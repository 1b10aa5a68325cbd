"""The argument parser every ``maskline`` command uses: typo suggestions and a description everywhere.

argparse (before Python 3.14) answers ``maskline scna`` with the list of every
command, and ``maskline scan x.csv --polcy p`` with "unrecognized arguments".
:class:`MasklineArgumentParser` adds the closest valid name, and gives each
subcommand its one-line ``help`` as its description when it has none, so
``maskline COMMAND --help`` always says what the command does.

>>> p = MasklineArgumentParser(prog="maskline")
>>> sub = p.add_subparsers(dest="command")
>>> scan = sub.add_parser("scan", help="classify the columns of a file or table")
>>> _ = scan.add_argument("--policy")
>>> scan.description
'classify the columns of a file or table'
>>> suggestion("invalid choice: 'scna' (choose from 'scan', 'mask')", p)
"did you mean 'scan'?"
>>> suggestion("unrecognized arguments: --polcy p.yml", scan)
"did you mean '--policy'?"
>>> print(suggestion("invalid choice: 'query' (choose from 'scan', 'sql')", p))
did you mean 'maskline sql --query "<SQL>"'?
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from maskline.errors import closest

_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)")
_UNRECOGNIZED = re.compile(r"unrecognized arguments: (?P<args>.*)")

# Words a user types as a command that are another command's option: the word -> (that command, its option, what
# the option takes). Only offered when that command is among the valid choices (a sub-parser's own choices differ).
_OPTION_WORDS: dict[str, tuple[str, str, str]] = {
    "query": ("sql", "--query", '"<SQL>"'),  # the README's `maskline sql --query`; there is no `maskline query`
}
# How many close commands a typo is offered: `maskline mas` could be mask or mcp.
_MAX_CLOSE = 3


def _close_choices(value: str, choices: list[str]) -> list[str]:
    """The valid choices close to ``value``, closest first (difflib's ratio, as :func:`closest` uses).

    >>> _close_choices("mas", ["mask", "mcp", "sql"])
    ['mask']
    >>> _close_choices("zzz", ["mask"])
    []
    """
    lowered = {c.lower(): c for c in choices}
    return [lowered[m] for m in difflib.get_close_matches(value.lower(), list(lowered), n=_MAX_CLOSE, cutoff=0.6)]


def suggestion(message: str, parser: argparse.ArgumentParser) -> str | None:
    """The "did you mean" line for an argparse error message, or None when nothing is close.

    >>> suggestion("unrecognized arguments: extra", argparse.ArgumentParser()) is None
    True
    """
    if m := _INVALID_CHOICE.search(message):
        choices = [c.strip().strip("'\"") for c in m["choices"].split(",")]
        word = _OPTION_WORDS.get(m["value"].lower())
        if word is not None and word[0] in choices:
            return f"did you mean {' '.join(('maskline', *word))!r}?"
        close = _close_choices(m["value"], choices)
        return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else None
    if m := _UNRECOGNIZED.search(message):
        options = [o for action in parser._actions for o in action.option_strings if o.startswith("--")]
        typed = [a.split("=", 1)[0] for a in m["args"].split() if a.startswith("--")]
        best = next((c for c in (closest(t, options) for t in typed) if c), None)
        return f"did you mean {best!r}?" if best else None
    return None


class _DescribedSubParsers(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Sub-parsers whose description defaults to their ``help`` line."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if kwargs.get("description") is None and kwargs.get("help"):
            kwargs["description"] = kwargs["help"]
        return super().add_parser(name, **kwargs)


class MasklineArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that suggests the closest command or option for a typo.

    >>> MasklineArgumentParser(prog="maskline").parse_args([])
    Namespace()
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _DescribedSubParsers)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse, and report unknown arguments in the innermost subcommand, whose options are the candidates.

        >>> MasklineArgumentParser(prog="x").parse_known_args([])
        (Namespace(), [])
        """
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        """Print usage, the error and, when a valid name is close, the suggestion; exit with code 2.

        >>> MasklineArgumentParser(prog="x").error("unrecognized arguments: --y")  # doctest: +SKIP
        """
        hint = suggestion(message, self)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n" + (f"{self.prog}: {hint}\n" if hint else ""))
