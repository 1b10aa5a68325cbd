"""A column of few repeated values passes raw as "categorical" only when they are labels, not keys: a school
clinic's visits of mostly one student repeat that student's number, and few distinct values say nothing about
whose they are.

The categorical rule vouched for any column of at most twenty values repeated five times each; a name that says
key (``student_id``, ``member_no``, ``id_user``) or values written like keys (``18-0855``, ``GHCU12040155``) now
withhold that vouching, and such a column needs the evidence any text needs. Labels (``status``: three values)
and label-like short codes (``Q1``, ``A4``) pass as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy
from tests.classify.decided_column import decided

# Clinic visits: one student on most rows, four more once or twice (31 rows, five distinct values).
CLINIC_VISITS = ["18-0855"] * 24 + ["18-0412", "18-0412", "19-1107", "19-1107", "17-0093", "20-2231", "20-2231"]
# A university's admission numbers, three students over a fee ledger's rows.
ADMISSIONS = ["GHCU12040155"] * 10 + ["GHCU12040211"] * 8 + ["GHCU12040307"] * 7


def _decision(name: str, values: list[str]) -> tuple[bool, str]:
    decision = decide_unnamed(load_policy({}), name, classify_column(name, values))
    return decision.method is not None, decision.rule


def test_one_students_number_under_student_id_is_masked():
    masked, rule = _decision("student_id", CLINIC_VISITS)
    assert masked, rule
    assert "keys of people need strong evidence" in rule


def test_key_shaped_values_under_an_opaque_name_are_masked():
    masked, rule = _decision("c7", ADMISSIONS)
    assert masked, rule
    assert "values are shaped like keys" in rule


def test_key_named_columns_of_few_values_are_masked():
    # Values a label could be (letters only) but the name says key: a member's key in a language that puts it first.
    assert _decision("id_user", ["ALEX", "SAMI", "ALEX", "JO"] * 8)[0]
    assert _decision("studentNumber", ["18-0855", "18-0855", "17-0093"] * 10)[0]


def test_through_a_csv_file_as_maskline_scan_reads_it(tmp_path: Path):
    frame = pd.DataFrame({"student_id": CLINIC_VISITS, "visit_reason": ["headache", "fever", "check-up", "injury",
                                                                        "fever", "headache", "check-up"] * 4 + ["fever"] * 3})
    info_type, masked, _ = decided(frame, "student_id", tmp_path)
    assert info_type is None and masked


def test_labels_still_pass():
    # The control: a real categorical of three values, and short codes with one or two digits, pass raw.
    masked, rule = _decision("status", ["active", "closed", "pending"] * 12)
    assert not masked and rule.startswith("classifier: not sensitive (categorical"), rule
    assert not _decision("quarter", ["Q1", "Q2", "Q3", "Q4"] * 10)[0]
    assert not _decision("level", ["L1", "L2", "L3"] * 10)[0]


# Labels of few values that the key rule masked without cause: a period's label carries its year's digits, and a
# room's or a course's code is written like a key. Each is a short timetable's or ledger's column (30+ rows).
LABELS = {
    "school_year": ["2023-24"] * 12 + ["2022-23"] * 10 + ["2024-25"] * 8,
    "academic_year": ["2023/2024"] * 12 + ["2022/2023"] * 10 + ["1999/2000"] * 8,
    "fiscal_quarter": ["FY24Q1", "FY24Q2", "FY24Q3", "FY24Q4", "FY25Q1"] * 6,
    "term": ["2024S", "2024F", "2025S", "2023F"] * 8,
    "period": ["2024-Q1", "2024-Q2", "2024-Q3"] * 10,
    "billing_month": ["2024-01", "2024-02", "2024-03"] * 10,
    "room": ["B-204", "B-205", "A-101", "C-310"] * 8,
    "course": ["CS101", "CS102", "EE201"] * 10,
    "grade": (["K"] + [str(i) for i in range(1, 13)]) * 8,  # never key-shaped: one or two digits
}
# Keys of few values that must stay masked: a year's serial is no period, and a place's name does not vouch for a
# key the name itself says (room_id), nor for key-shaped values under a person's name (room_guest).
KEYS = {
    "c7": ["2019-0042"] * 12 + ["2019-0117"] * 10 + ["2020-0003"] * 8,
    "visitor": CLINIC_VISITS,
    "c9": ADMISSIONS,
    "room_id": ["B-204", "B-205", "A-101", "C-310"] * 8,
    "room_guest": ["18-0855", "18-0412", "19-1107"] * 10,
    "student_id": ["2023-24", "2022-23"] * 15,
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labels_written_like_keys_pass(name):
    masked, rule = _decision(name, LABELS[name])
    assert not masked and rule.startswith("classifier: not sensitive (categorical"), rule


@pytest.mark.parametrize("name", sorted(KEYS))
def test_keys_among_such_labels_are_masked(name):
    masked, rule = _decision(name, KEYS[name])
    assert masked and "keys of people need strong evidence" in rule, rule
