"""The stored scan: `maskline scan --save` writes it beside the policy, and every face reads it, failing closed.

The faces are shown to read the *stored* verdicts, not a fresh classification: a verdict written into the
file by hand (``city`` as an EMAIL) is what they mask by.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maskline.classify.stored import SCHEMA_PATH, load_scan, scan_path_for
from maskline.cli.main import main
from maskline.errors import ClassificationError
from maskline.policy import load_policy

ROWS = [{"id": i, "email": f"person{i}@example.org", "city": ("Oslo", "Lima", "Pune")[i % 3],
         "phone": f"+1 312 555 {100 + i:04d}"} for i in range(30)]


@pytest.fixture()
def scanned(tmp_path: Path) -> Path:
    """customers.csv, policy.yml (naming nothing) and the scan `maskline scan --save` stored beside it."""
    import pandas as pd

    pd.DataFrame(ROWS).to_csv(tmp_path / "customers.csv", index=False)
    (tmp_path / "policy.yml").write_text("version: 1\nunclassified: pass\n")
    assert main(["scan", str(tmp_path / "customers.csv"), "--policy", str(tmp_path / "policy.yml"), "--save",
                 "--format", "json"]) == 0
    return tmp_path


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _mark_city_as_email(root: Path) -> None:
    def change(data):
        for c in data["tables"]["customers"]["columns"]:
            if c["name"] == "city":
                c.update(info_type="EMAIL", confidence=0.99, category="identifier")
    _edit(root / "policy.scan.json", change)


def test_save_writes_a_versioned_file_beside_the_policy_that_its_schema_accepts(scanned: Path) -> None:
    import jsonschema

    path = scan_path_for(scanned / "policy.yml")
    assert path == scanned / "policy.scan.json"
    data = json.loads(path.read_text())
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))
    assert data["version"] == 1
    verdicts = {c["name"]: c["info_type"] for c in data["tables"]["customers"]["columns"]}
    assert verdicts["email"] == "EMAIL" and verdicts["phone"] == "PHONE" and verdicts["city"] is None


def test_the_file_holds_verdicts_never_values(scanned: Path) -> None:
    text = (scanned / "policy.scan.json").read_text()
    assert not [r for r in ROWS if r["email"] in text or r["phone"] in text]
    assert "person0@example.org" in (scanned / "customers.csv").read_text()  # the search would find them


def test_a_second_dataset_is_added_and_the_first_kept(scanned: Path) -> None:
    policy = str(scanned / "policy.yml")
    assert main(["scan", str(scanned / "customers.csv"), "--policy", policy, "--save", "--dataset", "raw.other",
                 "--format", "json"]) == 0
    scan = load_scan(scanned / "policy.scan.json", load_policy(policy))
    assert sorted(scan.tables) == ["customers", "raw.other"]
    assert scan.for_table("warehouse.raw.other") is scan.tables["raw.other"]
    assert scan.for_table("main.customers") is scan.tables["customers"]


def test_save_without_a_policy_is_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "x.csv").write_text("a\n1\n")
    assert main(["scan", str(tmp_path / "x.csv"), "--save"]) == 2
    assert "--save stores the scan beside a policy" in capsys.readouterr().err


@pytest.mark.parametrize(("change", "what"), [
    (lambda d: d.update(version=2), "stored scan format version 2 is not supported"),
    (lambda d: d["tables"]["customers"]["columns"][0].update(confidence=7), "does not match its schema at"),
    (lambda d: d.update(surprise=True), "does not match its schema at top level"),
    (lambda d: d["tables"]["customers"]["columns"][0].update(info_type="NOT_A_TYPE"), "unknown info type"),
])
def test_a_broken_or_foreign_scan_fails_closed_naming_the_file_and_the_fix(scanned: Path, change, what) -> None:
    path = scanned / "policy.scan.json"
    _edit(path, change)
    with pytest.raises(ClassificationError) as e:
        load_scan(path, load_policy(scanned / "policy.yml"))
    assert what in e.value.what and e.value.where == str(path) and "maskline scan" in (e.value.fix or "")


def test_a_schema_error_names_the_key_path_but_never_the_value(scanned: Path) -> None:
    path = scanned / "policy.scan.json"
    _edit(path, lambda d: d["tables"]["customers"]["columns"][1].update(category=["person0@example.org"]))
    with pytest.raises(ClassificationError) as e:
        load_scan(path)
    assert "['tables']['customers']['columns'][1]['category']" in str(e.value)
    assert "person0@example.org" not in str(e.value)


def test_a_scan_made_under_other_classification_settings_is_stale(scanned: Path) -> None:
    (scanned / "policy.yml").write_text("version: 1\nunclassified: pass\nallow_list: [person1@example.org]\n")
    with pytest.raises(ClassificationError, match="stale"):
        load_scan(scanned / "policy.scan.json", load_policy(scanned / "policy.yml"))
    # Settings that do not change a classification (unclassified, methods) do not make it stale:
    (scanned / "policy.yml").write_text("version: 1\nunclassified: mask\nmethods: {EMAIL: {method: redact}}\n")
    load_scan(scanned / "policy.scan.json", load_policy(scanned / "policy.yml"))


def test_a_missing_scan_asked_for_fails_closed(tmp_path: Path) -> None:
    with pytest.raises(ClassificationError, match="stored scan not found"):
        load_scan(tmp_path / "policy.scan.json")


def test_mask_reads_the_stored_verdicts_not_a_fresh_classification(scanned: Path) -> None:
    import pandas as pd

    from maskline.engine import mask_frame
    from maskline.keys import KeyMaterial

    frame = pd.DataFrame(ROWS)
    key = KeyMaterial(b"k" * 32)
    before = mask_frame(frame, scanned / "policy.yml", table="customers", key=key)
    assert list(before["city"]) == [r["city"] for r in ROWS]  # the scan said: not sensitive
    _mark_city_as_email(scanned)
    after = mask_frame(frame, scanned / "policy.yml", table="customers", key=key)
    assert not {r["city"] for r in ROWS} & set(after["city"])  # the file, not the classifier, decided
    assert list(after["email"]) == list(before["email"]) and before["email"][0] != ROWS[0]["email"]


def test_the_query_path_and_the_mcp_tools_read_it(scanned: Path) -> None:
    import duckdb

    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools
    from maskline.rewrite.api import rewrite

    db = scanned / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE customers AS SELECT * FROM read_csv('{scanned / 'customers.csv'}')")
    _mark_city_as_email(scanned)
    policy = load_policy(scanned / "policy.yml")
    r = rewrite("SELECT city, id FROM customers", policy, "duckdb", connection=con)
    con.close()
    assert r.masked_columns == ("city",)  # stored verdicts vouch for id; without them, id would be masked too
    without = rewrite("SELECT city, id FROM customers", load_policy({"version": 1}), "duckdb",
                      schema={"customers": {"city": "varchar", "id": "bigint"}})
    assert without.masked_columns == ("city", "id")
    tools = MaskedTools(policy, Database.from_uri(f"duckdb:///{db}"), lineage=False)
    described = {c["name"]: c for c in tools.describe_table("customers", Caller("test"))["columns"]}
    assert described["city"]["info_type"] == "EMAIL" and described["phone"]["info_type"] == "PHONE"


def test_a_broken_scan_beside_the_policy_stops_every_face_before_anything_is_masked(scanned: Path) -> None:
    import pandas as pd

    from maskline.engine import mask_frame
    from maskline.keys import KeyMaterial
    from maskline.rewrite.api import rewrite

    (scanned / "policy.scan.json").write_text('{"version": 1, "tables": {}}')  # no policy_digest: schema-invalid
    policy = load_policy(scanned / "policy.yml")
    with pytest.raises(ClassificationError, match="does not match its schema"):
        mask_frame(pd.DataFrame(ROWS), policy, table="customers", key=KeyMaterial(b"k" * 32))
    with pytest.raises(ClassificationError, match="does not match its schema"):
        rewrite("SELECT id FROM customers", policy, "duckdb", schema={"customers": {"id": "bigint"}})
    assert main(["mask", str(scanned / "customers.csv"), str(scanned / "out.csv"), "--policy",
                 str(scanned / "policy.yml")]) == 1
    assert not (scanned / "out.csv").exists()


def test_a_scan_stored_before_name_hints_were_kept_is_read_and_decided_as_before(scanned: Path) -> None:
    # Signals now record whether the column's name hinted at a type; a scan stored without that key still
    # validates, reads it as false and gives the same plan (no decision reads it); a scan stored without signals
    # at all still passes nothing the signalled scan masks.
    from maskline.plan import build_plan

    policy = load_policy(scanned / "policy.yml")
    path = scan_path_for(scanned / "policy.yml")
    cols = [(c, "varchar") for c in ROWS[0]]
    stored = load_scan(path, policy).for_table("customers")
    assert any(c.signals.name_hint for c in stored.columns)  # the email and phone columns' names hint
    plan = [(c.name, c.masked, c.rule) for c in build_plan(policy, "customers", cols, stored).columns]

    _edit(path, lambda d: [c["signals"].pop("name_hint") for c in d["tables"]["customers"]["columns"]])
    older = load_scan(path, policy).for_table("customers")
    assert not any(c.signals.name_hint for c in older.columns)
    assert [(c.name, c.masked, c.rule) for c in build_plan(policy, "customers", cols, older).columns] == plan

    _edit(path, lambda d: [c.pop("signals") for c in d["tables"]["customers"]["columns"]])
    unsignalled = build_plan(policy, "customers", cols, load_scan(path, policy).for_table("customers"))
    masked = {name for name, is_masked, _ in plan if is_masked}
    assert {c.name for c in unsignalled.columns if c.masked} >= masked  # passes nothing more: fails closed
