"""A dbt project whose keyed methods (hash, hmac, fake) read columns of every kind of type, beside columns passed
and masked to a typed NULL; and the core's masking of the same table.

The model ``things`` holds typed values whose engine text is not their canonical text (:mod:`maskline.dialects.
canonical`): a ``numeric(10,2)`` ``17.50`` (canonical ``17.5``), a double ``1e20``, an instant, a date, a boolean.
``things_masked`` masks it with ``maskline.masked_columns`` under the column meta below; the core masks ``things``
from its own reading of the table's types (:meth:`maskline.adapters.base.EngineAdapter.columns`) with
:func:`maskline.sql.compile.compile_select` and the same key into ``core_masked``. The tests compare values and
types exactly, and the passed and NULL-masked columns' types with the source's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.dbt.parity_harness import build, rows_sql

PROFILE = "keyed"
# column -> (SQL type, values (SQL literals, one per row: ids 1..3), method entry or None for a passed column)
COLUMNS: dict[str, tuple[str, tuple[str, ...], dict[str, Any] | None]] = {
    "amount": ("numeric(10,2)", ("17.50", "-0.01", "1234.00"), {"method": "hash"}),
    "whole": ("numeric(9,0)", ("17", "-3", "120"), {"method": "hmac", "length": 16}),
    "ratio": ("double precision", ("1e20", "0.1", "-7.25"), {"method": "hash", "length": 16}),
    "qty": ("integer", ("37", "-7", "40"), {"method": "fake", "kind": "word"}),
    "flag": ("boolean", ("true", "false", "true"), {"method": "hmac"}),
    "born": ("date", ("'1985-07-21'", "'1990-12-31'", "'2000-01-01'"), {"method": "fake", "kind": "name"}),
    "seen": ("timestamp with time zone",
             ("'2024-03-01 02:00:00+00'", "'2024-01-01 03:00:00.5+00'", "'2023-12-31 20:00:00+00'"), {"method": "hash"}),
    "person": ("varchar(20)", ("'Ada Lovelace'", "'Grace Hopper'", "'Alan Turing'"),
               {"method": "fake", "kind": "name"}),
    # passed, and masked to a typed NULL: the masked column keeps the source's type, modifiers and all
    "code": ("varchar(12)", ("'A-1'", "'B-22'", "'C-333'"), None),
    "price": ("numeric(10,2)", ("1.25", "2.50", "3.75"), None),
    "salary": ("numeric(12,3)", ("1000.125", "2000.5", "3"), {"method": "null"}),
    "nick": ("varchar(15)", ("'ada'", "'grace'", "'alan'"), {"method": "null"}),
}
KEYED = ("amount", "whole", "ratio", "qty", "flag", "born", "seen", "person")
# Values whose engine text differs from their canonical text, so an untyped token differs from the core's.
UNTYPED_DIFFERS = ("amount", "ratio", "seen")
TYPE_KEPT = ("code", "price", "salary", "nick")


def policy() -> dict[str, Any]:
    """The column meta, as a core policy; id and the passed columns pass."""
    columns = {name: {"method": method} for name, (_, _, method) in COLUMNS.items() if method is not None}
    return {"version": 1, "unclassified": "pass", "datasets": {"things": {"columns": columns}}}


def keyed_project(root: Path, outputs: dict[str, dict[str, Any]], target: str) -> int:
    """The project at ``root``, built once (``dbt build``): ``things`` and ``things_masked``; dbt's exit code."""
    meta = [{"name": name, "meta": {"maskline": {"method": method}}}
            for name, (_, _, method) in COLUMNS.items() if method is not None]
    files = {
        "models/things.sql": rows_sql(COLUMNS),
        "models/schema.yml": yaml.safe_dump({"version": 2, "models": [{"name": "things", "columns": meta}]},
                                            sort_keys=False),
        "models/things_masked.sql": "select {{ maskline.masked_columns(ref('things')) }} from {{ ref('things') }}\n",
        # the untyped templates (mask() is given no type): the tokens dbt wrote for every keyed column before
        "models/things_untyped.sql": "select id, " + ", ".join(
            f"{{{{ maskline.mask('{name}', '{method['method']}'"
            + "".join(f", {k}={v!r}" for k, v in method.items() if k != "method") + f") }}}} as {name}"
            for name, (_, _, method) in COLUMNS.items() if name in KEYED and method is not None)
            + " from {{ ref('things') }}\n",
    }
    return build(root, PROFILE, {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}, files,
                 outputs, target).returncode
