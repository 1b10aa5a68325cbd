"""Tables pushed to XCom are masked by the one fail-closed decision (``decide_unnamed``), not by the text scrubber.

Unit level, through the backend's own entry point (:func:`airflow_plugin.xcom.scrub_xcom_value`) with the real
classifier and Airflow's configuration; the stored XCom of a real ``dag.test()`` run is checked in
``test_dag_runs.py::test_a_frame_of_uncertain_columns_is_stored_masked``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import pytest

from airflow_plugin.xcom import MaskingXComBackend, scrub_xcom_value
from tests.airflow.dags.uncertain_table import (
    ROWS,
    SAFE,
    raw_uncertain_values,
    uncertain_columns,
    uncertain_frame,
    uncertain_rows,
)


def _cells(value: Any) -> list[str]:
    """Every cell of a frame, its index included, or of a list of records, as text."""
    if isinstance(value, pd.DataFrame):
        return [str(v) for v in value.reset_index().to_numpy().ravel().tolist()]
    return [str(v) for row in value for v in row.values()]


def _leaked(value: Any) -> set[str]:
    return raw_uncertain_values() & set(_cells(value))


def test_the_uncertain_columns_are_readable_in_the_raw_frame():
    # The control: the raw frame holds every value the masked one must not.
    assert _leaked(uncertain_frame()) == raw_uncertain_values()


def test_uncertain_lower_case_names_and_opaque_account_numbers_are_masked_whole():
    out = scrub_xcom_value(uncertain_frame())
    assert not _leaked(out)
    assert out["who"].tolist() == ["[MASKED]"] * ROWS
    assert out["c3"].tolist() == [None] * ROWS  # numbers: None, never a string in a number column


def test_confidently_safe_columns_pass_exactly_unchanged():
    frame = uncertain_frame()
    out = scrub_xcom_value(frame)
    assert list(out.columns) == list(frame.columns) and out.index.equals(frame.index)
    for column in SAFE:
        assert out[column].dtype == frame[column].dtype, column
        assert out[column].equals(frame[column]), column
    assert frame["who"].tolist() == uncertain_columns()["who"]  # the task's own frame is not modified


def test_a_text_column_keeps_its_dtype_and_its_missing_cells():
    frame = uncertain_frame()
    frame.loc[3, "who"] = None
    out = scrub_xcom_value(frame)
    assert out["who"].dtype == frame["who"].dtype
    assert out["who"].isna().tolist() == frame["who"].isna().tolist()


def test_records_are_masked_like_the_frame_and_keep_their_shape():
    rows = uncertain_frame().to_dict("records")
    out = scrub_xcom_value(rows)
    assert isinstance(out, list) and len(out) == ROWS and all(list(r) == list(rows[0]) for r in out)
    assert not _leaked(out)
    assert {r["who"] for r in out} == {"[MASKED]"} and {r["c3"] for r in out} == {None}
    for before, after in zip(rows, out, strict=True):
        assert all(after[c] == before[c] and type(after[c]) is type(before[c]) for c in SAFE)


def test_db_api_style_rows_of_plain_python_values_are_a_table_too():
    table = uncertain_columns()
    out = scrub_xcom_value(uncertain_rows())
    assert not _leaked(out) and [r["day"] for r in out] == table["day"] and [r["id"] for r in out] == table["id"]


def test_a_dict_of_column_lists_is_masked_as_a_table():
    table = uncertain_columns()
    out = scrub_xcom_value(table)
    assert list(out) == list(table) and all(len(v) == ROWS for v in out.values())
    assert out["who"] == ["[MASKED]"] * ROWS and out["c3"] == [None] * ROWS
    assert all(out[c] == table[c] for c in SAFE)


def test_a_single_record_and_nested_dicts_keep_the_text_scrubber():
    # One row has no column to decide: free text, scrubbed span by span as before.
    assert scrub_xcom_value([{"to": "ann@example.com", "n": 1}]) == [{"to": "[EMAIL]", "n": 1}]
    assert scrub_xcom_value({"to": "ann@example.com", "meta": {"n": 1}}) == {"to": "[EMAIL]", "meta": {"n": 1}}
    assert scrub_xcom_value("mail ann@example.com") == "mail [EMAIL]"


def test_records_with_different_keys_are_not_a_table():
    rows = [{"to": "ann@example.com"}, {"cc": "bob@example.org", "n": 2}]
    assert scrub_xcom_value(rows) == [{"to": "[EMAIL]"}, {"cc": "[EMAIL]", "n": 2}]


def test_a_named_index_of_emails_is_masked_and_a_range_index_is_kept():
    frame = uncertain_frame()[list(SAFE)].set_index(
        pd.Index([f"user{i}@example.com" for i in range(ROWS)], name="mail"))
    out = scrub_xcom_value(frame)
    assert out.index.name == "mail" and out.index.tolist() == ["[EMAIL]"] * ROWS
    assert all(out[c].reset_index(drop=True).equals(frame[c].reset_index(drop=True)) for c in SAFE)
    plain = uncertain_frame()[list(SAFE)]
    assert scrub_xcom_value(plain).index is not None and scrub_xcom_value(plain).index.equals(plain.index)


def test_a_multi_index_level_of_names_is_masked_and_a_date_level_kept():
    frame = uncertain_frame().set_index(["day", "who"])
    out = scrub_xcom_value(frame)
    assert out.index.names == ["day", "who"]
    assert out.index.get_level_values("who").tolist() == ["[MASKED]"] * ROWS
    assert out.index.get_level_values("day").equals(frame.index.get_level_values("day"))
    assert not _leaked(out)


def test_duplicate_and_non_string_column_names_are_decided_column_by_column():
    frame = uncertain_frame()
    odd = pd.DataFrame({0: frame["who"], 1: frame["id"]})
    odd.insert(2, "id", frame["c3"].to_numpy(), allow_duplicates=True)
    odd.insert(3, "id", frame["id"].to_numpy(), allow_duplicates=True)
    out = scrub_xcom_value(odd)
    assert list(out.columns) == [0, 1, "id", "id"]
    assert out.iloc[:, 0].tolist() == ["[MASKED]"] * ROWS and out.iloc[:, 2].tolist() == [None] * ROWS
    assert out.iloc[:, 1].equals(odd.iloc[:, 1]) and out.iloc[:, 3].equals(odd.iloc[:, 3])


def test_a_column_the_classifier_cannot_read_is_masked_not_raised():
    # Cells that are neither one type nor text (sets, a date beside a dict) leave nothing the classifier trusts.
    frame = pd.DataFrame({"id": range(4), "blob": [{"a"}, dt.date(2024, 1, 1), {"k": "ann@example.com"}, 3]})
    out = scrub_xcom_value(frame)
    assert out["blob"].tolist() == [None] * 4 and out["id"].equals(frame["id"])


def test_a_frame_masked_by_policy_keeps_its_tokens():
    from airflow_plugin.decorators.maskline import mask_returned_value

    policy = {"datasets": {"t": {"columns": {"who": {"method": "hmac"}, "c3": {"method": "redact"},
                                             **{c: {"pass": True} for c in SAFE}}}}}
    masked = mask_returned_value(uncertain_frame(), policy, "t", ())
    assert scrub_xcom_value(masked) is masked  # the very frame the decorator masked: its tokens stay


def test_a_frame_derived_from_a_masked_one_or_marked_as_masked_is_decided():
    from airflow_plugin.decorators.maskline import mask_returned_value

    policy = {"datasets": {"t": {"columns": {"who": {"method": "hmac"}, "c3": {"method": "redact"},
                                             **{c: {"pass": True} for c in SAFE}}}}}
    masked = mask_returned_value(uncertain_frame(), policy, "t", ())
    raw = uncertain_frame()
    put_back = masked.assign(who=raw["who"], c3=raw["c3"])  # pandas hands it masked's attrs
    forged = uncertain_frame()
    forged.attrs.update(masked.attrs)
    forged.attrs["maskline_policy_hash"] = "policy-hash"  # the marker the backend trusted before
    for frame in (put_back, forged, masked.copy()):
        assert _leaked(raw) and not _leaked(scrub_xcom_value(frame))
        assert scrub_xcom_value(frame)["id"].equals(raw["id"])  # confidently safe columns still pass unchanged


def test_the_configured_policy_decides_and_unclassified_pass_keeps_the_span_scrubber(monkeypatch, tmp_path):
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nunclassified: pass\n")
    monkeypatch.setenv("AIRFLOW__MASKLINE__POLICY", str(policy))
    frame = uncertain_frame().assign(note=[f"mail user{i}@example.com" for i in range(ROWS)])
    out = scrub_xcom_value(frame)
    assert out["who"].equals(frame["who"]) and out["c3"].equals(frame["c3"])  # the policy's explicit choice
    assert out["note"].tolist() == ["mail [EMAIL]"] * ROWS  # free text still loses its spans


def test_the_flag_off_leaves_frames_raw_and_records_to_the_text_scrubber(monkeypatch):
    monkeypatch.setenv("AIRFLOW__MASKLINE__SCRUB_XCOM_DATAFRAMES", "False")
    frame = uncertain_frame()
    assert scrub_xcom_value(frame) is frame
    rows = [{"to": "ann@example.com"}, {"to": "bob@example.org"}]
    assert scrub_xcom_value(rows) == [{"to": "[EMAIL]"}, {"to": "[EMAIL]"}]


def _stored(value: Any) -> Any:
    """What Airflow stores for ``value``, read back: a frame from its Parquet bytes, anything else as JSON."""
    import io
    import json

    import pyarrow.parquet as pq

    stored = MaskingXComBackend.serialize_value(value)
    data = json.loads(stored) if isinstance(stored, str) else stored
    if isinstance(data, dict) and data.get("__classname__") == "pandas.DataFrame":
        return pq.read_table(io.BytesIO(bytes.fromhex(data["__data__"]))).to_pandas()
    return data


def test_the_backend_stores_the_masked_frame_and_rows():
    frame = _stored(uncertain_frame())
    assert not _leaked(frame) and frame["who"].tolist() == ["[MASKED]"] * ROWS and frame["c3"].isna().all()
    assert frame["id"].tolist() == uncertain_columns()["id"]
    stored = str(_stored(uncertain_rows()))
    assert not [v for v in raw_uncertain_values() if v in stored] and "[MASKED]" in stored


LOCATIONS = [f"s3://lake/orders/dt=2026-12-{d:02d}/part-{i:05d}.snappy.parquet" for d in range(1, 11) for i in range(3)]


def test_xcom_records_of_locations_reach_mapped_tasks_unchanged():
    # What a task returns for expand_kwargs: a list of records. Masking the paths would break the mapped tasks.
    rows = [{"path": p, "src": f"raw/{i}.csv"} for i, p in enumerate(LOCATIONS[:6])]
    assert scrub_xcom_value(rows) == rows


def test_xcom_records_with_a_location_naming_someone_are_masked():
    rows = [{"path": p, "src": "raw/a.csv"} for p in LOCATIONS[:5]] + [{"path": "s3://b/cv/anna_meier.pdf",
                                                                    "src": "raw/b.csv"}]
    out = scrub_xcom_value(rows)
    assert [r["src"] for r in out] == [r["src"] for r in rows]
    assert {r["path"] for r in out} == {"[MASKED]"}


PIVOT_KEYS = ["ann.lee@example.com", "bob.ray@example.org"]  # a table pivoted by customer: one column per e-mail


def test_column_labels_that_are_values_are_scrubbed_in_frames_records_and_column_lists():
    frame = pd.DataFrame({"n": [1, 2], PIVOT_KEYS[0]: [3, 4], PIVOT_KEYS[1]: [5, 6]})
    stored = [
        list(scrub_xcom_value(frame).columns),
        list(scrub_xcom_value(frame.to_dict("records"))[0]),
        list(scrub_xcom_value(frame.to_dict("list"))),
    ]
    # Every column stays (numbered where two labels scrub alike), none under its raw label; "n" is the control.
    assert stored == [["n", "[EMAIL]", "[EMAIL] (2)"]] * 3
    assert scrub_xcom_value(frame)["[EMAIL] (2)"].tolist() == [5, 6]


def test_clean_duplicate_column_labels_are_kept_as_they_are():
    frame = pd.DataFrame([[1, 2], [3, 4]], columns=["n", "n"])
    assert list(scrub_xcom_value(frame).columns) == ["n", "n"]


@pytest.mark.parametrize("orient", ["dict", "index", "split", "tight"])
def test_a_frame_pushed_in_another_to_dict_shape_is_decided_and_keeps_its_shape(orient):
    import json

    raw = uncertain_frame().assign(day=[d.to_pydatetime() for d in uncertain_frame()["day"]])
    value = raw.to_dict(orient)
    pushed = json.dumps(value, default=str)
    assert all(v in pushed for v in raw_uncertain_values())  # the control: the value holds every uncertain cell
    out = scrub_xcom_value(value)
    stored = json.dumps(out, default=str)
    assert not [v for v in raw_uncertain_values() if v in stored]
    assert type(out) is dict and set(out) == set(value)  # the same shape, as to_dict wrote it
    back = pd.DataFrame.from_dict(out, orient="columns" if orient == "dict" else "index") \
        if orient in ("dict", "index") else pd.DataFrame(out["data"], index=out["index"], columns=out["columns"])
    for column in SAFE:  # confidently safe columns pass unchanged
        assert back[column].tolist() == raw[column].tolist(), column
    MaskingXComBackend.serialize_value(value)  # serde stores it (dates as Python's datetime)


@pytest.mark.parametrize("orient", ["dict", "index"])
def test_a_frame_with_text_row_labels_pushed_as_a_dict_of_dicts_is_decided(orient):
    """Text row labels (no level of integer ones) left the value to the text scrubber: names and bare account
    numbers were stored raw. Now read as the frame it came from (the reading whose columns hold one kind each)."""
    from tests.airflow.dags.uncertain_table import uncertain_labelled

    value = uncertain_labelled(orient)
    assert all(v in json.dumps(value, default=str) for v in raw_uncertain_values())  # the control
    out = scrub_xcom_value(value)
    assert not [v for v in raw_uncertain_values() if v in json.dumps(out, default=str)]
    back = pd.DataFrame.from_dict(out, orient="columns" if orient == "dict" else "index")
    assert len(back) == ROWS  # masked row labels are numbered apart: no row lost
    for column in SAFE:
        assert back[column].tolist() == [getattr(v, "to_pydatetime", lambda v=v: v)() for v in
                                         uncertain_frame()[column]], column
    MaskingXComBackend.serialize_value(value)  # serde stores it


def test_a_text_only_dict_of_dicts_is_decided_both_ways():
    """When both readings have columns of one kind (all text), neither may pass what the other masks."""
    from airflow_plugin.xcom_labelled import readings

    people = {f"p{i}": {"first": f, "last": last} for i, (f, last) in
              enumerate([("ann", "lee"), ("bo", "ray"), ("cy", "dunn"), ("di", "moss")])}
    assert readings(people) == ("dict", "index")
    out = scrub_xcom_value(people)
    assert not {v for row in people.values() for v in row.values()} & set(json.dumps(out).split('"'))
    assert len(out) == len(people) and all(len(r) == 2 for r in out.values())


def test_a_settings_dict_of_dicts_is_decided_as_a_table():
    """A dict of settings has a table's shape and nothing tells it from one: its columns are decided (fail closed),
    its shape and its keys' count kept."""
    settings = {"db": {"host": "db.internal", "port": 5432}, "cache": {"host": "cache.internal", "port": 6379}}
    out = scrub_xcom_value(settings)
    assert len(out) == 2 and all(set(r) == {"host", "port"} for r in out.values())
    assert scrub_xcom_value({"db": {"host": "h"}}) == {"db": {"host": "h"}}  # one row, one column: no table
