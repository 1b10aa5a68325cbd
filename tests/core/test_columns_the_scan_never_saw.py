"""`unclassified: pass` passes what a scan judged; a column its table's scan never saw was judged by nobody.

A column added upstream after the stored scan (or missing from a live one) passed raw under `pass` on every face.
Now it is masked (the decision lives in :func:`maskline.classify.decision.decide_unnamed`); the controls show the
same column passes when the scan judged it, and every unnamed column passes when there is no scan at all.
"""

from __future__ import annotations

import pandas as pd

from maskline import mask_frame
from maskline.classify import classify
from maskline.classify.result import Classification
from maskline.plan import build_plan
from maskline.policy import load_policy

PASS = {"version": 1, "unclassified": "pass"}


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"order_id": range(1, 41), "amount": [float(i) * 1.5 for i in range(40)],
                         "contact": [f"user{i}@example.com" for i in range(40)]})


def _scan_without(frame: pd.DataFrame, *missing: str) -> Classification:
    scan = classify(frame.drop(columns=list(missing)), policy=load_policy(PASS))
    return Classification(scan.columns, table="orders")


def test_a_column_the_scan_never_saw_is_masked_under_pass() -> None:
    frame = _frame()
    out = mask_frame(frame, PASS, table="orders", classification=_scan_without(frame, "amount"))
    assert not set(out["amount"].dropna()) & set(frame["amount"])  # nobody judged it: masked, though harmless
    assert out["order_id"].tolist() == frame["order_id"].tolist()  # judged safe by the scan: unchanged
    plan = {c.name: c for c in build_plan(load_policy(PASS), "orders", [(c, None) for c in frame.columns],
                                         _scan_without(frame, "amount")).columns}
    assert plan["amount"].method is not None and "not in the table's scan" in plan["amount"].rule


def test_the_same_column_passes_when_the_scan_judged_it_or_when_there_is_no_scan() -> None:  # controls
    frame = _frame()
    judged = mask_frame(frame, PASS, table="orders", classification=_scan_without(frame))
    assert judged["amount"].tolist() == frame["amount"].tolist()
    # No scan at all (the plan of a table nothing classified): `pass` is the explicit choice, every column passes.
    no_scan = build_plan(load_policy(PASS), "orders", [(c, None) for c in frame.columns])
    assert [(c.name, c.method, c.rule) for c in no_scan.columns] == [(c, None, "pass") for c in frame.columns]
