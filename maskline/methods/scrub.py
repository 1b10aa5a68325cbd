"""``scrub``: replace sensitive spans inside free text with ``[TYPE]`` labels. Output: text.

The SQL patterns (:mod:`maskline.infotypes.sql_patterns`) are shared by the dbt
macros and the GX expectations. They cover every type the Python scrubber
finds, by shape only: what SQL cannot do (checksums, numbering plans, decoding,
entropy, token boundaries) is listed per type in ``SQL_SCRUB_LIMITS``.

They match on the value as a reader sees it (:mod:`maskline.sql.scrub_reading`): without invisible format characters
(a zero-width space inside an e-mail) and with the digits of every script as ASCII digits (a card in Arabic-Indic
digits), as the Python scrubber reads digits. A value that holds neither is matched as it is written. One that holds
either and has no span to mask comes back as it is written; one with a span comes back as read, its spans replaced:
its other digits in ASCII and its format characters gone (SQL cannot rewrite the matched spans alone).
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
    text = ctx.as_text(column)
    read = ctx.dialect.scrub_reading(text)
    return chosen(text, read, chain(read, p, ctx))


def chain(text: exp.Expression, p: ScrubParams, ctx: MaskContext) -> exp.Expression:
    """``text`` with each wanted type's pattern replaced by its label, in :data:`SQL_SCRUB_PATTERNS
    <maskline.infotypes.sql_patterns.SQL_SCRUB_PATTERNS>`'s order.

    >>> from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="text")
    >>> chain(exp.column("c"), ScrubParams(["EMAIL", "IBAN"]), ctx).sql("duckdb").count("REGEXP_REPLACE(")
    2
    """
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    wanted = set(p.info_types) if p.info_types else None
    out = text.copy()
    for name, pattern in SQL_SCRUB_PATTERNS:
        if wanted is None or name in wanted:
            out = ctx.dialect.regexp_replace_all(out, pattern, f"[{name}]")
    return out


def chosen(text: exp.Expression, read: exp.Expression, scrubbed: exp.Expression) -> exp.Expression:
    """A row's output: ``scrubbed`` (the chain on ``read``, the value as read) where the chain replaced a span, else
    ``text``, the value as written, so that a clean value keeps its own digits and joiners. ``NULLIF`` names the
    chain once (a ``CASE`` would write it twice, and it is most of the SQL). The dbt package builds its scrub from
    this shape (``maskline.dbt.generate``).

    >>> from sqlglot import exp
    >>> chosen(exp.column("t"), exp.column("r"), exp.column("s")).sql("duckdb")
    'COALESCE(NULLIF(s, r), t)'
    """
    from sqlglot import exp

    return exp.Coalesce(this=exp.Nullif(this=scrubbed.copy(), expression=read.copy()), expressions=[text.copy()])


def shape(p: ScrubParams, info_type: str | None) -> MaskedShape:
    """Free text with none of the types left (all of scrub's types when none is given).

    >>> shape(ScrubParams(["EMAIL"]), None).no_pii_types
    ('EMAIL',)
    """
    types = tuple(p.info_types) if p.info_types else None
    return MaskedShape("scrub", "free text with no PII span left", no_pii_types=types, is_scrub=True)


METHOD = MethodDef("scrub", ScrubParams, build, keyed=False, output="text with spans replaced by [TYPE]",
                   summary="replace PII spans inside free text", shape=shape, propagates_null=True)
