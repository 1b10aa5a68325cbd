"""`maskline COMMAND ...` is parsed by that command's parser alone, and parses as the full parser does.

Building every command's parser imported all nine command modules and built some twenty parsers on each run, a
tenth of a small scan's time. Each command's own parser must give the same help and the same parse.
"""

from __future__ import annotations

import pytest

from maskline.cli.main import COMMANDS, build_parser


def _choices(parser) -> dict:
    return parser._subparsers._group_actions[0].choices


def test_the_full_parser_registers_exactly_the_listed_commands_in_order() -> None:
    assert list(_choices(build_parser())) == list(COMMANDS)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_commands_own_parser_is_the_full_parsers(command: str) -> None:
    alone, full = _choices(build_parser(command)), _choices(build_parser())
    assert list(alone) == [command]
    assert alone[command].format_help() == full[command].format_help()


def test_a_parse_through_the_command_alone_equals_the_full_parse() -> None:
    argv = ["scan", "x.csv", "--format", "json", "--sample", "500"]
    assert vars(build_parser("scan").parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("first", [None, "--help", "scna", "--version"])
def test_a_line_not_opening_with_a_command_gets_every_command(first: str | None) -> None:
    # Help and typo suggestions list every command.
    assert list(_choices(build_parser(first))) == list(COMMANDS)
