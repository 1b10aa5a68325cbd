"""examples/dbt_project (the shop) runs end to end on DuckDB the way `make demo` runs it."""

from __future__ import annotations

import shutil

import pytest

from tests.dbt.dbt_harness import EXAMPLE, PACKAGE, TEST_KEY, key_exposures

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A copy of the example, run by its own runner with the test key; returns the project dir."""
    import importlib.util
    import os

    import yaml

    root = tmp_path_factory.mktemp("shop") / "dbt_project"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", "*.duckdb"))
    (root / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(PACKAGE)}]}))
    spec = importlib.util.spec_from_file_location("shop_runner", root / "run_example.py")
    runner = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(runner)
    old = os.environ.get("MASKLINE_KEY")
    os.environ["MASKLINE_KEY"] = TEST_KEY
    try:
        assert runner.main(["--project-dir", str(root), "--no-show"]) == 0
    finally:
        if old is None:
            os.environ.pop("MASKLINE_KEY", None)
        else:
            os.environ["MASKLINE_KEY"] = old
    return root


def _rows(root, sql):
    import duckdb

    con = duckdb.connect(str(root / "target" / "shop.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_staged_tables_match_the_core_on_the_same_sources(shop) -> None:
    import pandas as pd

    from maskline.engine import mask_frame
    from maskline.keys import KeyMaterial

    raw = pd.DataFrame(_rows(shop, "select * from raw.customers order by customer_id"),
                       columns=["customer_id", "full_name", "email", "phone", "birth_date", "postal_code", "signup_ip"])
    # The example's own policy file: dbt read it through `maskline dbt sync`, the core reads it directly.
    want = mask_frame(raw, shop / "policy.yml", table="raw.customers", key=KeyMaterial(TEST_KEY.encode()))
    got = _rows(shop, "select * from main.stg_customers order by customer_id")
    assert [tuple(str(v) for v in r) for r in got] == [tuple(str(v) for v in r) for r in want.itertuples(index=False)]


def test_free_text_notes_lose_their_pii_but_keep_the_prose(shop) -> None:
    notes = dict(_rows(shop, "select ticket_id, notes from main.stg_support_tickets"))
    assert notes[9001].startswith("Customer [EMAIL] says order 5002 never arrived")
    assert "[PHONE]" in notes[9001] and "+1 312" not in notes[9001]
    assert notes[9003] == "Package arrived damaged, photo attached"


def test_check_passes_and_catches_a_raw_column_added_to_the_mart(shop) -> None:
    import json

    from maskline.dbt.check import check_manifest, project_policy

    manifest = json.loads((shop / "target" / "manifest.json").read_text())
    policy, sensitive = project_policy(shop, manifest)  # policy.yml and its stored scan say what is sensitive
    assert "email" in sensitive["source.maskline_shop.shop.customers"]
    assert "card_number" in sensitive["source.maskline_shop.shop.orders"]
    assert check_manifest(manifest, classified=sensitive, policy=policy) == []
    view = manifest["nodes"]["model.maskline_shop.support_queue"]
    view["compiled_code"] = view["compiled_code"].replace("as notes", "as notes, c.phone as callback")
    leaks = [(f.node.rsplit(".", 1)[1], f.column) for f in check_manifest(manifest, classified=sensitive, policy=policy)]
    assert leaks == [("support_queue", "callback")]


def test_dynamic_view_unmasks_only_for_support_lead(shop) -> None:
    import duckdb

    con = duckdb.connect(str(shop / "target" / "shop.duckdb"), read_only=True)
    try:
        masked = con.execute("select customer_email from main.support_queue where ticket_id = 9001").fetchone()[0]
        con.execute("SET VARIABLE maskline_role = 'support_lead'")
        raw = con.execute("select customer_email from main.support_queue where ticket_id = 9001").fetchone()[0]
    finally:
        con.close()
    assert (masked, raw) == ("*****@example.com", "maria.lopez@example.com")


def test_no_key_material_in_target_or_logs(shop) -> None:
    # this project has no dbt-duckdb plugin: set_key() loads the key, as bound parameters dbt never logs
    assert (shop / "logs" / "dbt.log").read_text().count("SET VARIABLE maskline_ipad = system.main.unhex(?)") >= 1
    assert key_exposures(shop) == []


def test_suggest_classifies_the_sources_where_they_live(shop, capsys) -> None:
    import yaml

    from maskline.cli.main import main

    db = shop / "target" / "shop.duckdb"
    assert main(["dbt", "suggest", "--project-dir", str(shop), "--connect", f"duckdb:///{db}"]) == 0
    out = capsys.readouterr().out
    doc = yaml.safe_load(out)
    tables = {t["name"]: {c["name"]: c["meta"]["maskline"]["info_type"] for c in t["columns"]}
              for t in doc["sources"][0]["tables"]}
    assert tables["customers"]["email"] == "EMAIL"
    assert tables["support_tickets"]["notes"] == "FREE_TEXT_WITH_PII"
    assert "customer_id" not in tables["customers"]
    assert "maria.lopez@example.com" not in out


def test_the_runners_dbt_summary_lines_carry_no_colour_codes_or_time_stamps(shop, capsys) -> None:
    # make demo printed "dbt deps: \x1b[0m14:54:23  Installed from ...": dbt colours its log even into a pipe
    import importlib.util
    import os
    import re

    spec = importlib.util.spec_from_file_location("shop_runner_summary", shop / "run_example.py")
    runner = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(runner)
    env = {k: v for k, v in os.environ.items() if k != "DBT_USE_COLORS"}
    runner.dbt(shop, "deps", env={**env, "MASKLINE_KEY": TEST_KEY, "DBT_PROFILES_DIR": str(shop)})
    line = capsys.readouterr().out.strip()
    assert line.startswith("dbt deps: Installed"), line
    assert "\x1b" not in line and not re.search(r"\d\d:\d\d:\d\d", line)
