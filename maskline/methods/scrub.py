"""``scrub``: replace sensitive spans inside free text with ``[TYPE]`` labels. Output: text.

The SQL patterns come from the info type catalogue, so the dbt macros, the GX
expectations and the Python scrubber share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from maskline.methods.base import MaskContext, MethodDef


@dataclass(frozen=True)
class ScrubParams:
    info_types: tuple[str, ...] | list[str] | None = None  # default: every type with a SQL pattern

    def check(self, where: str) -> None:
        if self.info_types is not None:
            from maskline.errors import PolicyError, did_you_mean
            from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

            known = {name for name, _ in SQL_SCRUB_PATTERNS}
            for t in self.info_types:
                if t not in known:
                    raise PolicyError(f"scrub has no SQL pattern for {t!r}", where=f"{where}.info_types",
                                      fix=did_you_mean(t, known))


def build(column: exp.Expression, p: ScrubParams, ctx: MaskContext) -> exp.Expression:
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    wanted = set(p.info_types) if p.info_types else None
    out = ctx.as_text(column)
    for name, pattern in SQL_SCRUB_PATTERNS:
        if wanted is None or name in wanted:
            out = ctx.dialect.regexp_replace_all(out, pattern, f"[{name}]")
    return out


METHOD = MethodDef("scrub", ScrubParams, build, keyed=False, output="text with spans replaced by [TYPE]",
                   summary="replace PII spans inside free text")
