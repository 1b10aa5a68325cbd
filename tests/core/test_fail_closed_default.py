"""The fail-closed default: a column the policy does not name passes raw only when a scan is confident it is safe."""

from __future__ import annotations

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed, why_not_safe
from maskline.engine.frames import mask_frame, plan_for_frame
from maskline.plan import build_plan
from maskline.policy import load_policy, load_policy_text

N = 60


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "order_id": range(1000, 1000 + N),
        "amount": [round(3.5 + i * 1.25, 2) for i in range(N)],
        "status": ["open", "closed", "shipped"] * (N // 3),
        "created_at": pd.date_range("2025-01-01", periods=N, freq="h"),
        # Words no name list knows: the scan finds nothing, which is not evidence of NONE.
        "attr7": [f"Zorq{i % 7}a Plim{i}ov" for i in range(N)],
        "area": [f"{i * 7919 % 9999991:07d}" for i in range(N)],  # zero-padded codes under a neutral name
        "loc": [48.137154 + i / 1000 for i in range(N)],  # coordinates under a neutral name
    })


def test_without_a_policy_rule_uncertain_columns_are_masked_and_confident_ones_pass() -> None:
    df = _frame()
    out = mask_frame(df, {"version": 1}, table="orders")
    # Confidently not sensitive: byte-for-byte the same.
    for col in ("order_id", "amount", "status", "created_at"):
        assert out[col].tolist() == df[col].tolist(), col
    # Not trivially true: each of these would pass raw under the old default (`unclassified: pass`).
    raw = mask_frame(df, {"unclassified": "pass"}, table="orders")
    for col in ("attr7", "area", "loc"):
        assert raw[col].tolist() == df[col].tolist()
        assert not set(map(str, out[col])) & set(map(str, df[col])), col


def test_reasons_name_what_makes_a_column_uncertain() -> None:
    result = classify(_frame())
    reasons = {c.name: why_not_safe(c.name, c) for c in result.columns}
    assert reasons["order_id"] is None and reasons["status"] is None
    assert "text without strong evidence" in reasons["attr7"]
    assert "fixed-width code" in reasons["area"] or "leading zeros" in reasons["area"]
    assert "coordinate" in reasons["loc"]


def test_a_number_named_like_a_code_or_coordinate_is_masked() -> None:
    df = pd.DataFrame({"zip_code": list(range(10_000, 10_000 + N * 37, 37)), "lat": [1.5 + i for i in range(N)],
                       "qty": range(N)})
    plan = plan_for_frame(df, {"version": 1}, table="t")
    assert {c.name: c.masked for c in plan.columns} == {"zip_code": True, "lat": True, "qty": False}


def test_unclassified_pass_is_an_explicit_choice() -> None:
    policy = load_policy({"unclassified": "pass"})
    assert policy.unclassified_explicit
    assert decide_unnamed(policy, "notes", None).method is None
    assert load_policy({}).unclassified == "mask"


def test_no_scan_means_masked_on_every_face() -> None:
    policy = load_policy({"datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
    plan = build_plan(policy, "t", [("id", "integer"), ("e", "varchar")])
    assert [(c.name, c.method.name if c.method else None) for c in plan.columns] == [("id", "redact"), ("e", "email")]
    from maskline.adapters.native import masked_columns

    assert [c.name for c in masked_columns(policy, "t", [("id", "number"), ("e", "varchar")])] == ["id", "e"]


def test_a_stored_scan_vouches_only_for_confident_columns() -> None:
    from maskline.rewrite.api import rewrite

    df = _frame()
    scan = classify(df)
    policy = load_policy({"version": 1})
    out = rewrite("SELECT * FROM orders", policy, "duckdb",
                  schema={"orders": {c: "varchar" for c in df.columns}}, classification={"orders": scan})
    masked = set(out.masked_columns)
    assert {"attr7", "area", "loc"} <= masked
    assert not {"order_id", "status"} & masked


@pytest.mark.parametrize("flag", [[], ["--unclassified", "mask"]])
def test_policy_init_writes_the_choice_and_every_column(tmp_path, capsys, flag) -> None:
    from maskline.cli.main import main

    src = tmp_path / "orders.csv"
    _frame().to_csv(src, index=False)
    assert main(["policy", "init", str(src), *flag]) == 0
    text = capsys.readouterr().out
    assert "\nunclassified: mask" in text
    policy = load_policy_text(text)
    columns = policy.dataset("orders").columns
    assert {n for n, c in columns.items() if c.info_type is None and c.method is None} >= {"order_id", "status"}
    for name in ("attr7", "area", "loc"):
        assert name not in columns and f"# review {name}: masked by 'unclassified: mask'" in text


def test_policy_init_then_mask_leaves_nothing_uncertain_raw(tmp_path, capsys) -> None:
    from maskline.cli.main import main

    src = tmp_path / "orders.csv"
    _frame().to_csv(src, index=False)
    assert main(["policy", "init", str(src)]) == 0
    (tmp_path / "policy.yml").write_text(capsys.readouterr().out)
    assert main(["mask", str(src), str(tmp_path / "out.csv"), "--policy", str(tmp_path / "policy.yml")]) == 0
    raw = src.read_text()
    out = (tmp_path / "out.csv").read_text()
    assert "Zorq0a Plim0ov" in raw and "Plim0ov" not in out
    assert "0007919" in raw and "0007919" not in out
    assert out.splitlines()[1].split(",")[:3] == raw.splitlines()[1].split(",")[:3]


def test_lower_cased_names_are_masked_by_default() -> None:
    """Names someone lower-cased found no detector (they need capitals) and no name-like shape: judged safe,
    they passed raw. They are uncertain now, so the default masks them."""
    from faker import Faker

    from maskline.classify import classify_column

    fake = Faker("en_US")
    fake.seed_instance(21)
    names = [fake.name().lower() for _ in range(N)]
    verdict = classify_column("contact", names)
    assert "shape:lower-case names, no detector confirmed it" in verdict.evidence
    out = mask_frame(pd.DataFrame({"contact": names}), {"version": 1}, table="people")
    assert not set(out["contact"]) & set(names)
    # Control: lower-case word pairs that are no names get no such shape (the rule is not "lower case").
    tags = [f"{fake.word()} {fake.word()}" for _ in range(N)]
    assert not any(e.startswith("shape:") for e in classify_column("tags", tags).evidence)


def test_template_ids_under_a_public_code_name_pass_and_under_a_neutral_name_are_masked() -> None:
    import random

    rng = random.Random(12)
    codes = [f"SKU-{rng.randint(10000, 99999)}" for _ in range(N)]
    out = mask_frame(pd.DataFrame({"sku": codes, "attr2": codes}), {"version": 1}, table="items")
    assert out["sku"].tolist() == codes
    # Control: the same codes under a name that says nothing are masked, so the name is what vouches.
    assert not set(out["attr2"]) & set(codes)


def test_review_comment_names_the_info_type_a_column_name_hints() -> None:
    """`policy init` says why it masks an uncertain column. A name that hints an info type its values did not
    confirm (`full_name`, `patient_id`) was explained as naming "a code, coordinate, card or date of birth"."""
    from maskline.classify.result import ColumnClassification
    from maskline.classify.shape import ValueShape

    text = ColumnClassification("full_name", None, 0.7, None, shape=ValueShape("text"))
    assert why_not_safe("full_name", text) == "name suggests PERSON_NAME, which the values did not confirm"
    # Control: a name word that hints no info type keeps the general reason.
    number = ColumnClassification("product_code", None, 0.9, None, shape=ValueShape("numeric"))
    assert why_not_safe("product_code", number) == "name suggests a code, coordinate, card or date of birth"


def test_policy_init_drafts_one_policy_for_several_sources(tmp_path, capsys) -> None:
    """A pipeline masks several tables by one policy; `policy init` took one source, so each table's draft had to be
    merged by hand (two `version:`, `methods:` and `datasets:` sections)."""
    from maskline.cli.main import main

    _frame().to_csv(tmp_path / "orders.csv", index=False)
    pd.DataFrame({"email": [f"user{i}@example.org" for i in range(N)]}).to_csv(tmp_path / "people.csv", index=False)
    assert main(["policy", "init", str(tmp_path / "orders.csv"), str(tmp_path / "people.csv")]) == 0
    policy = load_policy_text(capsys.readouterr().out)
    assert set(policy.datasets) == {"orders", "people"}
    assert policy.dataset("people").columns["email"].info_type == "EMAIL"
    order_id = policy.dataset("orders").columns["order_id"]
    assert order_id.info_type is None and order_id.method is None  # {pass: true}
    # Control: --name names one dataset, so it is refused beside two sources (exit 2, no draft).
    assert main(["policy", "init", str(tmp_path / "orders.csv"), str(tmp_path / "people.csv"), "--name", "x"]) == 2
    assert capsys.readouterr().out == ""
