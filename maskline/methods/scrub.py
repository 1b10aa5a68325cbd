"""``scrub``: replace sensitive spans inside free text with ``[TYPE]`` labels. Output: text.

The SQL patterns (:mod:`maskline.infotypes.sql_patterns`) are shared by the dbt
macros and the GX expectations. They cover every type the Python scrubber
finds, by shape only: what SQL cannot do (checksums, numbering plans, decoding,
entropy, token boundaries) is listed per type in ``SQL_SCRUB_LIMITS``.
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

            from maskline.infotypes import INFO_TYPES

            known = {name for name, _ in SQL_SCRUB_PATTERNS}
            for t in self.info_types:
                if t in INFO_TYPES and t not in known:
                    raise PolicyError(f"scrub cannot find {t!r} inside free text (no span pattern, in SQL or "
                                      "Python)", where=f"{where}.info_types",
                                      fix=f"mask such columns whole with their own method; scrub finds "
                                          f"{', '.join(sorted(known))}")
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
