"""Text columns whose cells are documents or records (JSON, literals inside a sentence, key=value), masked by default.

The ``scrub`` method's prose pass reads prose; a document's keys give it no context, so names and addresses under
keys such as ``meta`` or ``x`` were written as they were. A document cell is now replaced whole; prose cells of the
same column are still scrubbed span by span, and passed columns stay byte for byte. A few records repeated
(``owner=Ann Lee;team=ops``) are not a categorical column of labels, so they no longer pass on that shape.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from maskline.engine.files import mask_file

N = 40
NAMES = ["Μάκης Αποστολίδης", "Sándor Bottyán", "Romário Teixeira", "Roman Lukáč", "Пров Донцов"]
PLACES = ["Nyár köz 276, Kaba", "Rua Mestra 276, Gandra", "Repná ulica 12, Gabčíkovo"]


def _docs() -> list[str]:
    rows = []
    for i in range(N):
        doc = {"id": i, "meta": {"x": f"u{i}@posta.hu", "note": f"owner {NAMES[i % len(NAMES)]}"}, "ok": True}
        rows.append(json.dumps(doc, ensure_ascii=False) if i % 2 else json.dumps([i, {"x": PLACES[i % 3]},
                                                                                   f"u{i}@sapo.pt"], ensure_ascii=False))
    return rows


def _write(tmp_path, fmt: str, columns: dict[str, list]) -> tuple:
    src, dst = tmp_path / f"t.{fmt}", tmp_path / f"out.{fmt}"
    if fmt == "parquet":
        pq.write_table(pa.table(columns), src)
    else:
        import csv

        with src.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(list(columns))
            w.writerows(zip(*columns.values(), strict=True))
    return src, dst


def _read(dst, fmt: str) -> dict[str, list]:
    if fmt == "parquet":
        return pq.read_table(dst).to_pydict()
    import csv

    with dst.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {n: [r[j] for r in rows[1:]] for j, n in enumerate(rows[0])}


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_json_documents_in_a_text_column_are_masked_whole_by_default(tmp_path, fmt) -> None:
    payload = _docs()
    src, dst = _write(tmp_path, fmt, {"seq": list(range(N)), "payload": payload})
    if fmt == "csv":  # the file holds the documents as written
        assert _read(src, fmt)["payload"] == payload
    report = mask_file(src, dst, {"version": 1})  # what a new user gets: classified, nothing named
    assert {c.name: c.masked for c in report.plan.columns} == {"seq": False, "payload": True}
    out = _read(dst, fmt)
    text = "\n".join(out["payload"])
    for secret in [*NAMES, *PLACES, "Kaba", "Gabčíkovo", "posta.hu", "sapo.pt"]:  # towns leaked before
        assert secret not in text
    assert set(out["payload"]) == {"[REDACTED]"}
    assert [str(v) for v in out["seq"]] == [str(i) for i in range(N)]  # the passed column, unchanged


def test_prose_cells_beside_documents_are_still_scrubbed_span_by_span(tmp_path) -> None:
    # Control: the rule is about documents, not "redact every scrubbed cell".
    prose = [f"Patient Anna Meier called from u{i}@example.org about the invoice" for i in range(N // 2)]
    src, dst = _write(tmp_path, "parquet", {"notes": prose + _docs()[: N // 2]})
    mask_file(src, dst, {"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}})
    out = pq.read_table(dst).column("notes").to_pylist()
    assert out[: N // 2] == ["Patient [PERSON_NAME] called from [EMAIL] about the invoice"] * (N // 2)
    assert out[N // 2:] == ["[REDACTED]"] * (N // 2)


def test_a_document_inside_a_sentence_is_masked_whole(tmp_path) -> None:
    cells = [f'see {{"x": "{NAMES[i % 5]}", "n": {i}}} re: invoice' for i in range(N)]
    src, dst = _write(tmp_path, "parquet", {"notes": cells})
    mask_file(src, dst, {"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}})
    out = pq.read_table(dst).column("notes").to_pylist()
    assert out == ["[REDACTED]"] * N


@pytest.mark.parametrize("record", ["owner={};team=ops", '{{"owner": "{}", "tier": "a"}}'])
def test_a_few_records_repeated_are_not_labels_and_do_not_pass(tmp_path, record) -> None:
    # Six records repeated look categorical (a few repeated values); a label has no fields, so these need the
    # evidence any text needs, and are masked by default.
    cells = [record.format(NAMES[i % 5]) for i in range(N)]
    src, dst = _write(tmp_path, "parquet", {"seq": list(range(N)), "tag": cells})
    report = mask_file(src, dst, {"version": 1})
    assert {c.name: c.masked for c in report.plan.columns} == {"seq": False, "tag": True}
    out = "\n".join(pq.read_table(dst).column("tag").to_pylist())
    assert not [n for n in NAMES if n in out]


def test_repeated_labels_still_pass_unchanged(tmp_path) -> None:
    # Control: a few repeated labels, punctuation and all, are still categorical and pass byte for byte. (A label with
    # seven digits or more, a time slot "10:00-12:00", is redacted by the labels' row guard: maskline.sql.kind_shapes.)
    cells = [("Gold (EU)", "silver-2", "9-12h", "C#", "50%")[i % 5] for i in range(N)]
    src, dst = _write(tmp_path, "parquet", {"seq": list(range(N)), "tier": cells})
    report = mask_file(src, dst, {"version": 1})
    assert {c.name: c.masked for c in report.plan.columns} == {"seq": False, "tier": False}
    assert pq.read_table(dst).equals(pq.read_table(src))
