"""Golden SQL per dialect for every method case; regenerate with MASKLINE_UPDATE_GOLDEN=1.

Each golden statement must also parse back in its own dialect (sqlglot), so a
typo in a dialect table shows up even for engines that cannot run here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from maskline.dialects import DIALECTS
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression
from tests.core.cases import CASES, SQL_TYPES

GOLDEN = Path(__file__).with_name("golden")


def render(dialect: str) -> str:
    parts = []
    for name, method, params, kind in CASES:
        e = mask_expression(exp.column("v"), method_spec(method, params), dialect, source_type=SQL_TYPES[kind])
        parts.append(f"-- case: {name}\nSELECT {e.sql(DIALECTS[dialect].sqlglot_name)} AS v FROM t;\n")
    return "\n".join(parts)


def parse_golden(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for block in text.split("-- case: ")[1:]:
        name, sql = block.split("\n", 1)
        out[name.strip()] = sql.strip()
    return out


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_generated_sql_matches_golden(dialect: str) -> None:
    path = GOLDEN / f"{dialect}.sql"
    text = render(dialect)
    if os.environ.get("MASKLINE_UPDATE_GOLDEN"):
        path.write_text(text)
    assert path.is_file(), f"missing {path}: run with MASKLINE_UPDATE_GOLDEN=1"
    expected, actual = parse_golden(path.read_text()), parse_golden(text)
    assert actual.keys() == expected.keys()
    for name in expected:
        assert actual[name] == expected[name], f"{dialect}/{name} changed; review and regenerate"


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_golden_sql_parses_in_its_own_dialect(dialect: str) -> None:
    for name, sql in parse_golden((GOLDEN / f"{dialect}.sql").read_text()).items():
        tree = sqlglot.parse_one(sql, read=DIALECTS[dialect].sqlglot_name)
        assert isinstance(tree, exp.Select), f"{dialect}/{name} did not parse to a SELECT"
