"""A Korean note naming a colleague or a neighbour by a one-syllable family name and a title (박 과장님께, 김 씨가) is
masked by the prose pass (``scrub(prose=True)``, the DuckDB pass of ``maskline mask``), as a full name with a title
was (조재현 님); the determiners of the same shape (전 과장님 "the former manager", 이 고객님 "this customer") are
left. On main (cff3d378, the branch point of ``extcsv39``) the family names below passed raw. SQL ``scrub`` (the query
path) reads no names in prose at all (the prose pass is Python only), so it is unchanged: mask free text with
``redact`` there if names must not survive.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.text import scrub

NAMED = [  # (as written, the planted family name)
    ("경비실에 맡기고 박 과장님께 연락 주세요", "박"),
    ("부재 시 옆집 최 선생님께 맡겨 주세요", "최"),
    ("김 씨가 대신 받을 예정입니다", "김"),
]
UNNAMED = ["전 과장님께 보고했습니다", "이 고객님께 다시 연락 드렸습니다", "현 팀장님이 승인했습니다", "날씨가 좋아서 배송이 빨랐어요"]


@pytest.mark.parametrize(("text", "family"), NAMED)
def test_a_family_name_before_a_title_is_masked_by_the_prose_pass(text: str, family: str) -> None:
    out = scrub(text, prose=True)[0]
    assert "[PERSON_NAME]" in out and f"{family} " not in out, out


@pytest.mark.parametrize("text", UNNAMED)
def test_determiners_before_a_title_are_left(text: str) -> None:
    assert scrub(text, prose=True)[0] == text


def test_maskline_mask_writes_no_planted_family_name(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from tests.cli.test_cli import run_cli

    src, out, policy = tmp_path / "deliveries.csv", tmp_path / "masked.csv", tmp_path / "policy.yml"
    notes = [t for t, _ in NAMED] + UNNAMED
    pacsv.write_csv(pa.table({"id": list(range(len(notes))), "remarks": notes}), src)
    policy.write_text("version: 1\nkey: {env: MASKLINE_KEY, derivation: 2}\nunclassified: pass\n"
                      "datasets:\n  deliveries:\n    columns:\n      remarks: {info_type: FREE_TEXT_WITH_PII, "
                      "method: {method: scrub}}\n", encoding="utf-8")
    r = run_cli("mask", str(src), str(out), "--policy", str(policy))
    assert r.returncode == 0, r.stderr
    masked = pacsv.read_csv(out).column("remarks").to_pylist()
    for (text, family), row in zip(NAMED, masked, strict=False):
        assert f"{family} " not in row and "[PERSON_NAME]" in row, (text, row)
    assert masked[len(NAMED):] == UNNAMED
