"""What a query must be before it is read: Unicode text every engine reads, nested no deeper than the rewrite reads.

A Python ``str`` may hold lone surrogates (``'\\ud800'``): JSON's ``"\\ud800"`` (an MCP tool argument) and a command
line's undecodable bytes (``\\xff`` read with ``surrogateescape``) both give one. They are no Unicode characters, so
no engine, hash or driver can encode them, and each failed its own way after the parse (DuckDB's parser of the
printed SQL, the HMAC of a tokenized literal): a raw exception with the engine's or codec's text, and a traceback
from the CLI. The text the rewrite reads is therefore UTF-8-encodable text (the allowed set), checked once here,
and refused with the place of the first character outside it, never the character itself. U+0000 is outside it
too: PostgreSQL's text cannot hold it, and libpq ends the statement at it, so the engine would run a prefix of the
printed SQL that sqlglot never read (today always an unterminated string, an accident this does not rely on).

A query nested deeper than Python's recursion limit (a few thousand parentheses, a few hundred chained ``+``)
overflowed sqlglot's recursive parser, or a walk of the tree after it, after seconds to minutes of quadratic work
in sqlglot's scope analysis (4,000 chained terms: 19 s). The parsed tree's depth is measured once, without
recursion (:func:`check_depth`), before any step that recurses; :func:`too_deep` is also the refusal of a step that
still overflows (a caller whose own stack is deep).

>>> check_text("SELECT 'café' AS a")
>>> check_text("SELECT 1 AS a,\\n'\\ud800' AS b")
Traceback (most recent call last):
...
maskline.errors.RewriteRefused: the query's text at line 2, column 2 is no Unicode character (a lone surrogate) (at query). Fix: send the query as UTF-8 text; write a character the engine cannot read as chr(n) if it is needed
"""

from __future__ import annotations

from sqlglot import exp

from maskline.errors import RewriteRefused

# Levels of the parsed tree the rewrite reads. A chain of 250 ``+`` overflowed a recursive step after it (sqlglot
# parses a chain one level a term, an OR chain too: its fix is an IN list, which is flat); a query a person or an
# agent writes nests far less.
MAX_DEPTH = 200


def check_text(sql: str) -> None:
    """Refuse query text that is not UTF-8-encodable Unicode, placing the first character outside it.

    >>> check_text("SELECT 1")
    >>> check_text("\\udcff")
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query's text at line 1, column 1 is no Unicode character (a lone surrogate) (at query). Fix: send the query as UTF-8 text; write a character the engine cannot read as chr(n) if it is needed
    >>> check_text("SELECT 'a\\0b'")
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query's text at line 1, column 10 is U+0000, which PostgreSQL's text cannot hold (at query). Fix: remove the NUL character (U+0000) from the query (libpq ends a statement at it)
    """
    try:
        sql.encode("utf-8")
    except UnicodeEncodeError as e:
        failure = _refusal(sql, e.start, "is no Unicode character (a lone surrogate)",
                           fix="send the query as UTF-8 text; write a character the engine cannot read as chr(n) if "
                               "it is needed")
    else:
        if "\0" not in sql:
            return
        # U+0000 is valid UTF-8, so the surrogate's "send UTF-8" would not help: the character must go
        failure = _refusal(sql, sql.index("\0"), "is U+0000, which PostgreSQL's text cannot hold",
                           fix="remove the NUL character (U+0000) from the query (libpq ends a statement at it)")
    raise failure  # outside the handler: the codec's error quotes the character


def _refusal(sql: str, start: int, what: str, *, fix: str) -> RewriteRefused:
    before = sql[:start]
    line, column = before.count("\n") + 1, start - (before.rfind("\n") + 1) + 1
    return RewriteRefused(f"the query's text at line {line}, column {column} {what}", where="query", fix=fix)


def check_depth(tree: exp.Expr) -> None:
    """Refuse a parsed query nested more than :data:`MAX_DEPTH` levels, measured without recursion.

    >>> import sqlglot
    >>> check_depth(sqlglot.parse_one("SELECT a + b FROM t"))
    >>> check_depth(sqlglot.parse_one("SELECT " + " + ".join(["a"] * 300) + " FROM t"))
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query nests deeper than maskline can read (at query). Fix: ...
    """
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise too_deep()
        stack.extend((child, depth + 1) for child in node.iter_expressions())


def too_deep() -> RewriteRefused:
    """The refusal of a query nested deeper than the rewrite can read (a RecursionError on its way).

    >>> str(too_deep())
    'the query nests deeper than maskline can read (at query). Fix: flatten the nesting: fewer parentheses, subqueries or chained operators in one expression (x IN (...) for a chain of ORs)'
    """
    return RewriteRefused("the query nests deeper than maskline can read", where="query",
                          fix="flatten the nesting: fewer parentheses, subqueries or chained operators in one "
                              "expression (x IN (...) for a chain of ORs)")
