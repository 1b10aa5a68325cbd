"""The package computes the bucket's bound (the least value whose bucket a column's type holds) as the core does.

The core guards ``generalize: {bucket}`` of an integer or decimal column with a bound computed from the width and the
type (:func:`maskline.dialects.type_bounds.least_bucketable`); dbt's typed templates learn both only when the macro
renders, so ``maskline._least_bucketable`` computes it in Jinja from the catalogue's table. One ``dbt compile
--inline`` renders it for every type and width here; each must equal the core's, exactly (on lead1955 the macro did
not exist and a typed bucket near a type's least value failed the model).
"""

from __future__ import annotations

import json

import pytest

from tests.dbt.dbt_harness import DbtProject
from tests.dbt.test_macro_rendering import _inline

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
TYPES = ("tinyint", "SMALLINT", "int2", "integer", "int4", "bigint", "int8", "hugeint", "utinyint", "ubigint",
         "numeric", "decimal", "numeric(6,2)", "DECIMAL(10,2)", "numeric(4,4)", "decimal(38,0)", "decimal(38, 10)",
         "numeric(18)", "double", "varchar", "date", "character varying(20)")
WIDTHS = (1, 2, 7, 10, 100, 70021, 100000, 10**12)


def test_the_macro_bound_equals_the_cores_for_every_type_and_width(duckdb_project: DbtProject,
                                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    from maskline.dialects import get_dialect
    from maskline.dialects.type_bounds import least_bucketable

    calls = [f"maskline._least_bucketable({t!r}, {w}, {d!r})" for d in ("duckdb", "postgres", "trino")
             for t in TYPES for w in WIDTHS]
    text = "{{ tojson([" + ", ".join(f"({c} | string)" for c in calls) + "]) }}"
    got = json.loads(_inline(duckdb_project, text, tmp_path_factory.mktemp("bound")))
    want = []
    for d in ("duckdb", "postgres", "trino"):
        bits = get_dialect(d).integer_bits
        for t in TYPES:
            for w in WIDTHS:
                least = least_bucketable(t, w, bits)
                want.append("None" if least is None else format(least, "f"))
    assert dict(zip(calls, got, strict=True)) == dict(zip(calls, want, strict=True))
    assert "-32760" in got and "None" in got  # control: both outcomes occur
