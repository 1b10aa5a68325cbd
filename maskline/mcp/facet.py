"""``maskline_mcp``: the run facet of one MCP tool call (tool, outcome, rows, masked cells per info type).

Its JSON schema ships beside this module, as the spec asks of custom facets.

>>> f = MasklineMcpRunFacet(tool="query", outcome="executed", cellsMaskedByInfoType={"EMAIL": 3})
>>> f.tool, f._get_schema().endswith("MasklineMcpRunFacet.json#/$defs/MasklineMcpRunFacet")
('query', True)
>>> sorted(facet_schema()["$defs"])
['MasklineMcpRunFacet']
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import attr
from openlineage.client.facet_v2 import RunFacet

FACET_VERSION = "1-0-0"
SCHEMA_DIR = Path(__file__).with_name("schemas") / FACET_VERSION
SCHEMA_URL = ("https://raw.githubusercontent.com/maskline/maskline/main/maskline/mcp/schemas/"
              f"{FACET_VERSION}/MasklineMcpRunFacet.json#/$defs/MasklineMcpRunFacet")


@attr.define
class MasklineMcpRunFacet(RunFacet):
    """One tool call: counts only, never a value. ``agentClaimed``: the agent's name is what its client said."""

    tool: str
    outcome: str
    rowsReturned: int = attr.field(default=0)
    cellsMasked: int = attr.field(default=0)
    cellsMaskedByInfoType: dict[str, int] = attr.field(factory=dict)
    agentClaimed: bool = attr.field(default=True)

    @staticmethod
    def _get_schema() -> str:
        return SCHEMA_URL


@cache
def facet_schema() -> dict[str, Any]:
    """The JSON schema of ``maskline_mcp``."""
    return json.loads((SCHEMA_DIR / "MasklineMcpRunFacet.json").read_text(encoding="utf-8"))
