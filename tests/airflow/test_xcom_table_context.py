"""A table pushed to XCom is classified as ``classify()`` classifies the whole table, and under no table name.

Through the backend's own entry point (:func:`airflow_plugin.xcom.scrub_xcom_value`) with the real classifier.
The decision of every column must be the one :func:`maskline.classify.decision.decide_unnamed` takes on
``classify(frame)``'s verdict: the readings that need the other columns hold (four-digit codes beside people's
names and addresses are their postal codes), and a task id or XCom key is not read as the table's name, so a
``name`` column of a task about storms stays a person's name (masked) rather than risk passing people's names.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from airflow_plugin.xcom import scrub_xcom_value
from airflow_plugin.xcom_tables import decide_columns, xcom_policy
from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from tests.context_tables import residents, storms


def _decisions_of_classify(frame: pd.DataFrame) -> list[Any]:
    policy = xcom_policy()
    verdicts = classify(frame, policy).by_name()
    return [decide_unnamed(policy, c, verdicts[c]) for c in frame.columns]


def test_an_xcom_frame_is_decided_on_the_whole_tables_verdicts() -> None:
    for frame in (residents(), storms()):
        assert decide_columns(frame, xcom_policy()) == _decisions_of_classify(frame)


def test_four_digit_codes_beside_people_are_masked_as_postal_codes_in_frames_and_records() -> None:
    frame = residents()
    assert decide_columns(frame, xcom_policy())[2].info_type == "POSTAL_CODE"
    assert scrub_xcom_value(frame)["extra12"].isna().all()
    assert {r["extra12"] for r in scrub_xcom_value(frame.head(50).to_dict("records"))} == {None}
    # Control: alone, the codes are no postal codes (an uncertain near miss, which the decision masks too).
    assert classify(frame[["extra12"]]).by_name()["extra12"].info_type is None


def test_no_task_id_or_key_is_read_as_the_table_name() -> None:
    frame = storms()
    assert decide_columns(frame, xcom_policy())[0].info_type == "PERSON_NAME"
    assert set(scrub_xcom_value(frame)["name"]) == {"[PERSON_NAME]"}
    # Control: under the table's name the column is a storm's; XComs never claim that name.
    assert classify(frame, table="storms").by_name()["name"].info_type is None
