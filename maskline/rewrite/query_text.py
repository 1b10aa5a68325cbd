"""What a query's text must be before it is parsed: Unicode text every engine reads, nested no deeper than a parse.

A Python ``str`` may hold lone surrogates (``'\\ud800'``): JSON's ``"\\ud800"`` (an MCP tool argument) and a command
line's undecodable bytes (``\\xff`` read with ``surrogateescape``) both give one. They are no Unicode characters, so
no engine, hash or driver can encode them, and each failed its own way after the parse (DuckDB's parser of the
printed SQL, the HMAC of a tokenized literal): a raw exception with the engine's or codec's text, and a traceback
from the CLI. The text the rewrite reads is therefore UTF-8-encodable text (the allowed set), checked once here,
and refused with the place of the first character outside it, never the character itself.

A query nested deeper than Python's recursion limit (a few thousand parentheses) overflowed sqlglot's recursive
parser, or a walk of the tree after it: :func:`too_deep` is the refusal every step gives then.

>>> check_text("SELECT 'café' AS a")
>>> check_text("SELECT 1 AS a,\\n'\\ud800' AS b")
Traceback (most recent call last):
...
maskline.errors.RewriteRefused: the query's text at line 2, column 2 is no Unicode character (a lone surrogate) (at query). Fix: send the query as UTF-8 text; write a character the engine cannot read as chr(n) if it is needed
"""

from __future__ import annotations

from maskline.errors import RewriteRefused


def check_text(sql: str) -> None:
    """Refuse query text that is not UTF-8-encodable Unicode, placing the first character outside it.

    >>> check_text("SELECT 1")
    >>> check_text("\\udcff")
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query's text at line 1, column 1 is no Unicode character (a lone surrogate) (at query). Fix: send the query as UTF-8 text; write a character the engine cannot read as chr(n) if it is needed
    """
    try:
        sql.encode("utf-8")
    except UnicodeEncodeError as e:
        before = sql[:e.start]
        line, column = before.count("\n") + 1, e.start - (before.rfind("\n") + 1) + 1
        failure = RewriteRefused(f"the query's text at line {line}, column {column} is no Unicode character "
                                 "(a lone surrogate)", where="query",
                                 fix="send the query as UTF-8 text; write a character the engine cannot read as "
                                     "chr(n) if it is needed")
    else:
        return
    raise failure  # outside the handler: the codec's error quotes the character


def too_deep() -> RewriteRefused:
    """The refusal of a query nested deeper than the rewrite can read (a RecursionError on its way).

    >>> str(too_deep())
    'the query nests deeper than maskline can read (at query). Fix: flatten the nesting: fewer parentheses, subqueries or chained operators in one expression'
    """
    return RewriteRefused("the query nests deeper than maskline can read", where="query",
                          fix="flatten the nesting: fewer parentheses, subqueries or chained operators in one "
                              "expression")
