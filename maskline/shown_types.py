"""A column type as maskline shows it outside the engine: its name and numeric parameters, nothing else.

An engine's type name can spell data: DuckDB's ``ENUM('Ada Lovelace', 'Grace Hopper')`` lists every value the
column may hold, so describing a table of names handed the names out (``maskline mcp``'s ``describe_table``, the
agent toolset's ``get_schema``, the ``schema`` facet of every lineage event). What a shown type keeps is an
allow-list, not a scrub: the leading name (letters, digits, ``_`` and spaces: ``character varying``, ``timestamp
with time zone``), then parameters only when they are numbers (``varchar(20)``, ``decimal(18,3)``) and array
brackets; any other parameter list is withheld as ``(...)``: an enum's labels, a struct's or union's fields,
a map's types. A type that does not start with a name is shown as ``unknown``.

>>> shown_type("ENUM('Ada Lovelace', 'Grace Hopper')"), shown_type("decimal(18,3)"), shown_type("INTEGER[]")
('ENUM(...)', 'decimal(18,3)', 'INTEGER[]')
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_ ]*")
# What may follow the name and still be shown: numeric parameters, then array brackets (with a size or none).
_SHOWN_SUFFIX = re.compile(r"(\(\s*\d+(\s*,\s*\d+)*\s*\))?(\s*\[\s*\d*\s*\])*")
WITHHELD = "(...)"
UNKNOWN = "unknown"


def shown_type(type_name: str | None) -> str | None:
    """``type_name`` as it may be shown: its name, numeric parameters and array brackets only.

    >>> shown_type("character varying(20)"), shown_type("STRUCT(ssn VARCHAR)"), shown_type("MAP(VARCHAR, INT)[]")
    ('character varying(20)', 'STRUCT(...)', 'MAP(...)')
    >>> shown_type("timestamp with time zone"), shown_type("'x' || y"), shown_type(None)
    ('timestamp with time zone', 'unknown', None)
    """
    if type_name is None:
        return None
    text = str(type_name).strip()
    name = _NAME.match(text)
    if name is None:
        return UNKNOWN if text else text
    rest = text[name.end():]
    shown = name.group().rstrip()
    if _SHOWN_SUFFIX.fullmatch(rest):
        return shown + rest
    return shown + WITHHELD
