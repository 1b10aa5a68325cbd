"""A stored scan's entry for a table is the one a policy's datasets would give it: one rule
(:func:`maskline.rewrite.table_names.best_entry`), the scan adding only its refusal of an unqualified entry read for
another schema's table (tests/rewrite/test_stored_scan_other_schema_red_team.py)."""

from __future__ import annotations

import pytest

from maskline.classify.result import Classification
from maskline.classify.stored import StoredScan
from maskline.errors import ClassificationError
from maskline.policy import load_policy

ENTRIES = ("t", "main.t", "db.main.t", "hr.t", "sales.u", "db.hr.u")
TABLES = ("t", "main.t", "db.main.t", "hr.t", "HR.T", "x.hr.t", "u", "sales.u", "hr.u", "db.hr.u", "nothing")


def _entry_of_scan(scan: StoredScan, table: str, default: str | None) -> str | None:
    found = scan.for_table(table, default)
    return None if found is None else next(n for n, c in scan.tables.items() if c is found)


def _entry_of_policy(entries: tuple[str, ...], table: str, default: str | None) -> str | None:
    policy = load_policy({"datasets": {e: {"columns": {}} for e in entries}})
    found = policy.dataset(table, default)
    return None if found is None else next(n for n, d in policy.datasets.items() if d is found)


@pytest.mark.parametrize("default", [None, "main", "hr"])
@pytest.mark.parametrize("entries", [ENTRIES, ENTRIES[::-1], ("db.main.t", "main.t"), ("main.t", "db.main.t")])
def test_the_scan_and_the_policy_pick_the_same_entry_for_every_table(entries: tuple[str, ...],
                                                                       default: str | None) -> None:
    scan = StoredScan({e: Classification((), table=e) for e in entries}, "p.scan.json", "")
    for table in TABLES:
        try:
            expected = _entry_of_policy(entries, table, default)
        except Exception as e:  # noqa: BLE001 - a tie the rule refuses: the scan refuses it too
            with pytest.raises(type(e)):
                scan.for_table(table, default)
            continue
        try:
            got = _entry_of_scan(scan, table, default)
        except ClassificationError:  # the scan's own refusal: an unqualified entry read for another schema's table
            assert expected is not None and "." not in expected and default is not None, (entries, table)
            continue
        assert got == expected, (entries, table, default)


def test_a_scan_of_another_schemas_table_is_no_verdict_on_the_default_schemas() -> None:
    """``hr.t`` scanned says nothing of ``main.t`` (the rule gives it no entry), as a policy entry ``hr.t`` is not
    ``main.t``'s; it was refused, naming ``hr.t`` as "the table of the default schema main", which it is not."""
    scan = StoredScan({"hr.t": Classification((), table="hr.t")}, "p.scan.json", "")
    assert scan.for_table("t", "main") is None and scan.for_table("main.t", "main") is None
    assert scan.for_table("t", "hr") is scan.tables["hr.t"]  # the control: the default schema's own table
