"""A dbt project that generalizes columns of every kind of type, and the core's masking of the same table.

The model ``people`` holds typed values the templates built without types got wrong: a ``bigint`` past 2**53, a
``numeric(10,2)`` salary, an instant two hours after midnight UTC (read under a New York session, where it is still
the day before), a text date; ``people_masked`` masks it with ``maskline.masked_columns`` under the column meta
below, in that same session time zone. The core's face masks ``people`` from its own reading of the table's types
(:meth:`maskline.adapters.base.EngineAdapter.columns`) with :func:`maskline.sql.compile.compile_select`, in the
same session time zone, into ``core_masked``; the tests compare the two tables' values and types exactly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.dbt.parity_harness import build, rows_sql

PROFILE = "typed"
ZONE = "America/New_York"  # 2024-03-01 02:00 UTC is still February 29th here
# column -> (SQL type, values, generalize params). The values are SQL literals, one per row (ids 1..3).
COLUMNS: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {
    "big": ("bigint", ("9007199254740993", "-9007199254740993", "7"), {"bucket": 1}),
    "qty": ("integer", ("37", "-7", "40"), {"bucket": 10}),
    "salary": ("numeric(10,2)", ("12345.67", "-0.01", "99.99"), {"bucket": 100}),
    # A value whose bucket the type cannot hold (at a smallint's least value, or any negative one of a numeric(6,2)
    # by a width wider than the type) is NULL, as in the core: it failed the model on main.
    "low": ("smallint", ("-32768", "-32761", "5"), {"bucket": 10}),
    "narrow": ("numeric(6,2)", ("-0.01", "-9999.99", "12.50"), {"bucket": 100000}),
    "ratio": ("double precision", ("37.5", "-7.25", "40"), {"bucket": 10}),
    "label": ("varchar", ("'1985-07-21'", "'21.07.1990'", "'none'"), {"to": "year"}),
    "born": ("timestamp", ("'1985-07-21 10:00:00'", "'1990-12-31 23:30:00'", "'2000-01-01 00:00:00'"),
             {"to": "month"}),
    "seen": ("timestamp with time zone",
             ("'2024-03-01 02:00:00+00'", "'2024-01-01 03:00:00+00'", "'2023-12-31 20:00:00+00'"), {"to": "day"}),
}
# What a typed template changes: values and types the untyped one gave otherwise (on main, and before).
TYPED = ("big", "salary", "label", "seen", "low", "narrow")
# What a role-aware view (masked_columns(..., dynamic=true)) writes as the core does: its raw branch is the column as
# is, so an instant's masked DATE is widened back to the column's type there; a bucket and a text year are not.
DYNAMIC_ALIKE = ("big", "salary", "label", "low", "narrow")
# What the untyped template got right already: the control.
UNTYPED_ALIKE = ("qty_values", "ratio", "born")


def policy() -> dict[str, Any]:
    """The column meta, as a core policy: generalize each column; id passes."""
    columns = {name: {"method": {"method": "generalize", **params}} for name, (_, _, params) in COLUMNS.items()}
    return {"version": 1, "unclassified": "pass", "datasets": {"people": {"columns": columns}}}


def typed_project(root: Path, outputs: dict[str, dict[str, Any]], target: str) -> int:
    """The project at ``root``, built once (``dbt build``): ``people``, ``people_masked`` and ``people_dynamic``;
    dbt's exit code (a model that fails leaves the others built, and its table missing)."""
    meta = [{"name": name, "meta": {"maskline": {"method": {"method": "generalize", **params}}}}
            for name, (_, _, params) in COLUMNS.items()]
    files = {
        "models/people.sql": rows_sql(COLUMNS),
        "models/schema.yml": yaml.safe_dump({"version": 2, "models": [{"name": "people", "columns": meta}]},
                                            sort_keys=False),
        # `set timezone` is both engines' spelling; the masked model reads instants in that zone.
        "models/people_masked.sql": f"{{{{ config(pre_hook=\"set timezone = '{ZONE}'\") }}}}\n"
                                    "select {{ maskline.masked_columns(ref('people')) }} from {{ ref('people') }}\n",
        # the same as a role-aware table: nobody in this session holds the role, so every column is masked
        "models/people_dynamic.sql": f"{{{{ config(pre_hook=\"set timezone = '{ZONE}'\") }}}}\n"
                                     "select {{ maskline.masked_columns(ref('people'), dynamic=true, "
                                     "unmask_for=['role:maskline_typed_reader']) }} from {{ ref('people') }}\n",
    }
    return build(root, PROFILE, {"+materialized": "table"}, files, outputs, target).returncode
