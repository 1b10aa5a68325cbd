"""``email``: mask the local part with a fixed run of ``*``, keep the domain. Output: text.

The run is fixed-length so the local part's length does not leak. Only a
value that is one plain address keeps its domain: a value with no ``@``, several
``@``, or a space, comma, semicolon, quote, parenthesis or angle bracket (several
addresses, ``Name <address>``) is masked whole, since what follows its first
``@`` could hold other addresses and names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape, literal

if TYPE_CHECKING:
    from sqlglot import exp

RUN = 5
SINGLE_ADDRESS_REST = r"""[^@\s<>,;:"'()]"""  # besides its "@", characters a plain address never has


@dataclass(frozen=True)
class EmailParams:
    keep_first: int = param(0, "characters of the local part kept", minimum=0, maximum=2,
                            what="keep_first must be 0, 1 or 2",
                            fix="keeping more of the local part would identify people")
    mask_char: str = param("*", "the character of the fixed-length run", length=1,
                           what="mask_char must be one character", fix="use e.g. '*'")


def build(column: exp.Expression, p: EmailParams, ctx: MaskContext) -> exp.Expression:
    """A fixed run of ``mask_char`` then the domain; anything that is not one plain address is masked whole.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="text")
    >>> sql = build(exp.column("c"), EmailParams(), ctx)
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (VALUES ('ann@ex.org'), ('a@b, c@d')) v(c)").fetchall()
    [('*****@ex.org',), ('********',)]
    """
    from sqlglot import exp

    from maskline.dialects.base import lit

    d = ctx.dialect
    s = ctx.as_text(column)
    at = d.strpos(s, "@")
    # Removing everything but "@" and separators leaves exactly "@" only for a single plain address.
    shape = d.regexp_replace_all(s.copy(), SINGLE_ADDRESS_REST, "")
    parts: list[exp.Expression] = []
    if p.keep_first:
        parts.append(d.substr(s, lit(1), lit(p.keep_first)))
    parts.append(lit(p.mask_char * RUN))
    parts.append(d.substr(s.copy(), at))
    masked = d.concat(*parts) if len(parts) > 1 else parts[0]
    return exp.Case(
        ifs=[exp.If(this=exp.and_(exp.GT(this=at.copy(), expression=lit(1)), exp.EQ(this=shape, expression=lit("@"))),
                    true=masked)],
        default=d.fill(d.length(s.copy()), p.mask_char),
    )


def shape(p: EmailParams, info_type: str | None) -> MaskedShape:
    """The pattern a masked address matches: the run then any domain, or a run alone.

    >>> import re; p = shape(EmailParams(keep_first=1), "EMAIL").pattern
    >>> [bool(re.fullmatch(p, v)) for v in ("a*****@ex.org", "*****", "ann@ex.org")]
    [True, True, False]
    """
    c = literal(p.mask_char)
    head = f".{{{p.keep_first}}}" if p.keep_first else ""
    return MaskedShape("email", f"{p.mask_char * RUN}@domain", pattern=f"^({head}{c}{{{RUN}}}@[^@]*|{c}*)$")


METHOD = MethodDef("email", EmailParams, build, keyed=False, output="text: *****@domain",
                   summary="mask the local part, keep the domain", shape=shape)
