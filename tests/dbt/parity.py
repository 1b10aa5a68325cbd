"""Compare what the dbt package wrote with what the Python core (mask_frame) gives on the same input."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from typing import Any

import yaml

from tests.dbt.dbt_harness import INTEGRATION, TEST_KEY


def cases() -> list[dict[str, Any]]:
    """The method cases of the integration project (var maskline_cases)."""
    return yaml.safe_load((INTEGRATION / "dbt_project.yml").read_text())["vars"]["maskline_cases"]


def case_policy() -> dict[str, Any]:
    cols: dict[str, Any] = {}
    for c in cases():
        spec: dict[str, Any] = {"method": {"method": c["method"], **c.get("params", {})}}
        if c.get("info_type"):
            spec["info_type"] = c["info_type"]
        cols[c["name"]] = spec
    # The parity tests compare methods; columns no case names (id) pass in both faces by saying so.
    return {"version": 1, "unclassified": "pass", "datasets": {"cases": {"columns": cols}}}


def case_frame(raw: Any) -> Any:
    """One column per case, each a copy of its source column, plus id."""
    import pandas as pd

    return pd.DataFrame({"id": raw["id"], **{c["name"]: raw[c["column"]] for c in cases()}})


def seed_meta_policy() -> dict[str, Any]:
    """The seed's schema.yml meta.maskline, written as a core policy."""
    doc = yaml.safe_load((INTEGRATION / "seeds" / "raw_customers.yml").read_text())
    cols: dict[str, Any] = {}
    for col in doc["seeds"][0]["columns"]:
        cols[col["name"]] = dict(col["meta"]["maskline"])  # meta is written in the policy's spelling
    # Meta alone (no synced policy) names what to mask and passes the rest: the same, said explicitly.
    return {"version": 1, "unclassified": "pass", "datasets": {"raw_customers": {"columns": cols}}}


def core_masked(raw: Any, policy: dict[str, Any], table: str) -> Any:
    from maskline.engine import mask_frame
    from maskline.keys import KeyMaterial

    return mask_frame(raw, policy, table=table, key=KeyMaterial(TEST_KEY.encode()))


def normalize(v: Any) -> Any:
    """One comparable form per value across engines: None, str, float or ISO date."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    try:
        import pandas as pd

        if v is pd.NaT or (not isinstance(v, (str, bytes)) and pd.isna(v)):
            return None
        if isinstance(v, pd.Timestamp):
            v = v.to_pydatetime()
    except (TypeError, ValueError):
        pass
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (int, float, decimal.Decimal)) and not isinstance(v, bool):
        return float(v)
    return str(v)


def mismatches(actual: Any, expected: Any, key: str = "id") -> list[str]:
    """Cells that differ, as 'column @ id' (values are left out: raw ones must not reach test logs)."""
    a = {normalize(r[key]): r for r in actual.to_dict("records")}
    e = {normalize(r[key]): r for r in expected.to_dict("records")}
    assert set(a) == set(e), "row ids differ"
    out = []
    for col in expected.columns:
        assert col in actual.columns, f"column {col} missing from the dbt output"
        for k in e:
            if normalize(a[k][col]) != normalize(e[k][col]):
                out.append(f"{col} @ id {k}: dbt={normalize(a[k][col])!r} core={normalize(e[k][col])!r}")
    return out
