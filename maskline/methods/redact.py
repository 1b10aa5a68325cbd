"""``redact``: a constant label such as ``[EMAIL]``; NULL stays NULL. Output: text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape, literal

if TYPE_CHECKING:
    from sqlglot import exp


@dataclass(frozen=True)
class RedactParams:
    label: str | None = param(None, 'the constant; default "[<INFO_TYPE>]", or "[REDACTED]"')


def build(column: exp.Expression, p: RedactParams, ctx: MaskContext) -> exp.Expression:
    """A constant label; the compiler keeps NULL as NULL.

    >>> from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, info_type="EMAIL")
    >>> build(exp.column("c"), RedactParams(), ctx).sql("duckdb")
    "'[EMAIL]'"
    """
    from maskline.dialects.base import lit

    label = p.label or (f"[{ctx.info_type}]" if ctx.info_type else "[REDACTED]")
    return lit(label)


def shape(p: RedactParams, info_type: str | None) -> MaskedShape:
    """The pattern of the label: the given one, the info type's, or any ``[TYPE]``.

    >>> import re; p = shape(RedactParams(), "EMAIL").pattern
    >>> bool(re.fullmatch(p, "[EMAIL]")), bool(re.fullmatch(p, "[PHONE]"))
    (True, False)
    """
    if p.label:
        return MaskedShape("redact", f"the label {p.label}", pattern=f"^{literal(p.label)}$")
    if info_type:
        return MaskedShape("redact", f"the label [{info_type}]", pattern=f"^{literal(f'[{info_type}]')}$")
    return MaskedShape("redact", "a [TYPE] label", pattern="^\\[[A-Z][A-Z0-9_]*\\]$")


METHOD = MethodDef("redact", RedactParams, build, keyed=False, output="text",
                   summary="replace with a constant label such as [EMAIL]", shape=shape, opaque=True)
