"""``redact``: a constant label such as ``[EMAIL]``; NULL stays NULL. Output: text."""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp  # type of builders

from maskline.dialects.base import lit
from maskline.methods.base import MaskContext, MethodDef


@dataclass(frozen=True)
class RedactParams:
    label: str | None = None  # default: "[<INFO_TYPE>]", or "[REDACTED]"

    def check(self, where: str) -> None:
        return None


def build(column: exp.Expression, p: RedactParams, ctx: MaskContext) -> exp.Expression:
    """A constant label; the compiler keeps NULL as NULL."""
    label = p.label or (f"[{ctx.info_type}]" if ctx.info_type else "[REDACTED]")
    return lit(label)


METHOD = MethodDef("redact", RedactParams, build, keyed=False, output="text",
                   summary="replace with a constant label such as [EMAIL]")
