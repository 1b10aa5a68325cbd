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

from tests.dbt.dbt_harness import copy_project, install_packages

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


def _people_sql() -> str:
    rows = []
    for i in range(3):
        cells = [f"cast({i + 1} as integer) as id"]
        cells += [f"cast({values[i]} as {sql_type}) as {name}" for name, (sql_type, values, _) in COLUMNS.items()]
        rows.append("select " + ", ".join(cells))
    return "\nunion all\n".join(rows) + "\n"


def policy() -> dict[str, Any]:
    """The column meta, as a core policy: generalize each column; id passes."""
    columns = {name: {"method": {"method": "generalize", **params}} for name, (_, _, params) in COLUMNS.items()}
    return {"version": 1, "unclassified": "pass", "datasets": {"people": {"columns": columns}}}


def typed_project(root: Path, outputs: dict[str, dict[str, Any]], target: str) -> int:
    """The project at ``root``, built once (``dbt build``): ``people``, ``people_masked`` and ``people_dynamic``;
    dbt's exit code (a model that fails leaves the others built, and its table missing)."""
    src = root.parent / "src"
    config = {"name": PROFILE, "version": "1.0", "config-version": 2, "profile": PROFILE,
              "models": {PROFILE: {"+materialized": "table"}},
              "vars": {"maskline_unclassified": "pass"}}
    meta = [{"name": name, "meta": {"maskline": {"method": {"method": "generalize", **params}}}}
            for name, (_, _, params) in COLUMNS.items()]
    files = {
        "dbt_project.yml": yaml.safe_dump(config, sort_keys=False),
        "models/people.sql": _people_sql(),
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
    for path, text in files.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text)
    project = copy_project(src, root, PROFILE, outputs, target)
    install_packages(project)
    return project.run("build", check=False).returncode


def core_masked(cur: Any, dialect: str, schema: str | None) -> None:
    """``core_masked``: ``people`` masked by the core under :func:`policy`, in the same session time zone."""
    from maskline.adapters import engine
    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.sql.compile import compile_select

    adapter = engine(dialect)
    source = adapter.table(f"{schema}.people" if schema else "people")
    columns = adapter.columns(cur, source)  # the core's own reading of the table's types
    plan = build_plan(load_policy(policy()), "people", columns)
    select = compile_select(plan, source, dialect).sql(dialect=adapter.dialect().sqlglot_name)
    cur.execute(f"set timezone = '{ZONE}'")
    cur.execute(f"drop table if exists {schema + '.' if schema else ''}core_masked")
    cur.execute(f"create table {schema + '.' if schema else ''}core_masked as {select}")


def described(cur: Any, table: str, schema: str | None) -> dict[str, Any] | None:
    """Each column's type (information_schema: name, precision, scale) and its values by id, exactly as read;
    None when dbt did not build the table."""
    where = f"table_schema = '{schema}' and " if schema else ""
    cur.execute("select column_name, data_type, numeric_precision, numeric_scale from information_schema.columns "
                f"where {where}table_name = '{table}' order by ordinal_position")
    types = {r[0]: tuple(r[1:]) for r in cur.fetchall()}
    if not types:
        return None
    cur.execute(f"select * from {schema + '.' if schema else ''}{table} order by id")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    out = {f"{name}_type": types[name] for name in names}
    out.update({f"{name}_values": [r[name] for r in rows] for name in names})
    return out
