"""Which type names hold text: the one list the masking methods, the classifier and its decision read.

Type names come from engines (``information_schema``, ``DESCRIBE``: ``VARCHAR(20)``, ``character varying``,
``bpchar``, ``STRING``), from DuckDB's CSV sniffer, and from Arrow for DataFrames (``large_string``, a category's
``dictionary<values=string, ...>``). No sqlglot here: the classifier reads it on the scan's fast path.

>>> text_type("VARCHAR(20)"), text_type("character varying"), text_type("bigint"), text_type(None)
(True, True, False, None)
>>> text_type("dictionary<values=large_string, indices=int8, ordered=0>")
True
"""

from __future__ import annotations

TEXT_TYPE_PREFIXES: tuple[str, ...] = ("text", "varchar", "char", "string", "nvarchar", "nchar", "bpchar", "clob",
                                       "name", "large_string", "utf8", "large_utf8")
"""Lower-case openings of text type names (``char`` covers ``character`` and ``character varying``; ``name`` is
PostgreSQL's identifier type)."""
_ARROW_DICTIONARY = "dictionary<values="  # a pandas category: its values' type is what is stored


def text_type(type_name: str | None) -> bool | None:
    """Whether a column of type ``type_name`` holds text; None when the type is not known.

    >>> text_type("NVARCHAR(MAX)"), text_type("double"), text_type("")
    (True, False, None)
    """
    if not type_name:
        return None
    name = type_name.strip().lower()
    return name.removeprefix(_ARROW_DICTIONARY).startswith(TEXT_TYPE_PREFIXES)
