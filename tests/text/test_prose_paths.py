"""Where prose detection runs: free-text columns (classifier, in-process scrub) yes; the log filter never."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

from maskline.classify.column import classify_column

LOG_PATH = """
import sys
from airflow_plugin.log_filter import scrub_event, scrub_text
out = scrub_text("Patient Anna Meier, mail anna@correo.es, MRN 4471923")
scrub_event({"event": "call John Smith at 12 Main Street", "timestamp": "2024-01-01"})
assert "[EMAIL]" in out and "Anna Meier" in out, out
loaded = [m for m in ("spacy", "maskline.text.prose", "maskline.text.ner", "maskline.text.names") if m in sys.modules]
print(",".join(loaded) or "none")
"""


def test_the_log_filter_path_never_loads_prose_detection_or_ner() -> None:
    out = subprocess.run([sys.executable, "-c", LOG_PATH], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "none"


def test_opting_in_does_load_it_so_the_check_above_can_fail() -> None:
    code = LOG_PATH.replace("scrub_text(", "__import__('maskline.text', fromlist=['scrub']).scrub(", 1)
    code = code.replace(', MRN 4471923")', ', MRN 4471923", prose=True)[0]').replace(
        'and "Anna Meier" in out', 'and "Anna Meier" not in out')
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "maskline.text.prose" in out.stdout


def _notes(n: int, with_pii: int, long: bool = False) -> pa.Array:
    pad = " The customer asked again about the delivery window and the refund policy." * (60 if long else 0)
    clean = [f"Order {i} shipped on time, no issues reported.{pad}" for i in range(n - with_pii)]
    names = ["Anna Meier", "John Smith", "Claire Moreau", "Luca Bianchi", "Jan de Vries", "Ana Souza"]
    pii = [f"{pad} Call {names[i % len(names)]} back about order {i}." for i in range(with_pii)]
    return pa.array(clean + pii)


def test_a_notes_column_with_names_in_a_tenth_of_its_values_is_free_text_with_pii() -> None:
    c = classify_column("notes", _notes(200, 20))
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_long_values_count_as_much_as_short_ones() -> None:
    values = _notes(120, 12, long=True)
    assert min(len(v) for v in values.to_pylist()) > 4000
    assert classify_column("notes", values).info_type == "FREE_TEXT_WITH_PII"


def test_clean_notes_and_a_rare_name_are_not_free_text_with_pii() -> None:
    assert classify_column("notes", _notes(200, 0)).info_type is None
    assert classify_column("notes", _notes(200, 2)).info_type is None  # 1%: within detection noise


def test_the_in_process_scrub_method_masks_names_in_free_text() -> None:
    from maskline.engine.frames import mask_frame, plan_for_frame
    from maskline.sql.compile import compile_select

    df = pd.DataFrame({"id": [1, 2, 3], "notes": ["Anna Meier lives at Hauptstraße 5, mail anna@x.de",
                                                  "nothing to see", None]})
    policy = {"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}}
    # Not trivially true: the SQL alone (what a warehouse runs) leaves the name.
    import duckdb

    sql = compile_select(plan_for_frame(df, policy, table="t"), "df", "duckdb").sql("duckdb")
    assert "Anna Meier" in duckdb.sql(sql).fetchall()[0][1]
    out = mask_frame(df, policy, table="t")
    assert out["notes"].tolist()[:2] == ["[PERSON_NAME] lives at [STREET_ADDRESS], mail [EMAIL]", "nothing to see"]
    assert pd.isna(out["notes"].tolist()[2])


def test_the_in_process_scrub_method_masks_names_in_scripts_without_capitals() -> None:
    from maskline.engine.frames import mask_frame

    # Hindi and Thai notes: "today I spoke with Rajesh Sharma", "handed over to <Thai given and family name>".
    notes = ["आज राजेश शर्मा से बात हुई", "ส่งต่อให้ กิติกานต์ หิรัญสาลี แล้ว", "आज ग्राहक से बात हुई"]
    out = mask_frame(pd.DataFrame({"notes": notes}), {"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}},
                     table="t")["notes"].tolist()
    assert out == ["आज [PERSON_NAME] से बात हुई", "ส่งต่อให้ [PERSON_NAME] แล้ว", "आज ग्राहक से बात हुई"]


def test_control_a_caseless_given_name_alone_is_a_word_and_stays() -> None:
    from maskline.text import scrub

    # "आशा" (asha, hope) is a given name and a word: without a family name beside it nothing marks it as a person.
    # Not trivially true: with a family name beside it, the same word is masked.
    assert scrub("मुझे आशा है कि सामान आज आएगा", prose=True)[0] == "मुझे आशा है कि सामान आज आएगा"
    assert "[PERSON_NAME]" in scrub("आज राजेश शर्मा से बात हुई", prose=True)[0]


def test_the_scrub_method_fails_closed_without_the_ner_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from maskline.engine.frames import mask_frame
    from maskline.errors import MaskingError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "spacy" else real(name, *a))
    df = pd.DataFrame({"notes": ["Anna Meier called"]})
    with pytest.raises(MaskingError, match="ner") as e:
        mask_frame(df, {"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}}, table="t")
    assert "Anna" not in str(e.value)
