"""``scrub``: replace sensitive spans inside free text with ``[TYPE]`` labels. Output: text.

The SQL patterns (:mod:`maskline.infotypes.sql_patterns`) are shared by the dbt
macros and the GX expectations. They cover every type the Python scrubber
finds, by shape only: what SQL cannot do (checksums, numbering plans, decoding,
entropy, token boundaries) is listed per type in ``SQL_SCRUB_LIMITS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape

if TYPE_CHECKING:
    from sqlglot import exp


def pattern_names() -> tuple[str, ...]:
    """The info types scrub has a SQL pattern for (read when a policy is checked, not at import).

    >>> "EMAIL" in pattern_names()
    True
    """
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    return tuple(name for name, _ in SQL_SCRUB_PATTERNS)


@dataclass(frozen=True)
class ScrubParams:
    info_types: tuple[str, ...] | list[str] | None = param(
        None, "the info types to replace; default: every type with a SQL pattern", choices=pattern_names,
        what="scrub has no SQL pattern for '{value}'", fix="use info types with a SQL pattern")


def build(column: exp.Expression, p: ScrubParams, ctx: MaskContext) -> exp.Expression:
    """Each wanted type's SQL pattern replaced by its ``[TYPE]`` label, in turn.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="text")
    >>> sql = build(exp.column("c"), ScrubParams(["EMAIL"]), ctx)
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (SELECT 'mail ann@ex.org now' AS c)").fetchall()
    [('mail [EMAIL] now',)]
    """
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    wanted = set(p.info_types) if p.info_types else None
    out = ctx.as_text(column)
    for name, pattern in SQL_SCRUB_PATTERNS:
        if wanted is None or name in wanted:
            out = ctx.dialect.regexp_replace_all(out, pattern, f"[{name}]")
    return out


def shape(p: ScrubParams, info_type: str | None) -> MaskedShape:
    """Free text with none of the types left (all of scrub's types when none is given).

    >>> shape(ScrubParams(["EMAIL"]), None).no_pii_types
    ('EMAIL',)
    """
    types = tuple(p.info_types) if p.info_types else None
    return MaskedShape("scrub", "free text with no PII span left", no_pii_types=types, is_scrub=True)


METHOD = MethodDef("scrub", ScrubParams, build, keyed=False, output="text with spans replaced by [TYPE]",
                   summary="replace PII spans inside free text", shape=shape, propagates_null=True)
