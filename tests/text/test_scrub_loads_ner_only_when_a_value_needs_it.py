"""``maskline mask`` with a ``scrub`` column loads the NER model only when a value could give it a name to mask.

The prose pass keeps a person span the model tags only when it opens with a capital (``_plausible_name``), so a
value without a capital letter gains nothing from the model; a file whose ``scrub`` column holds only such values
("ok", "shipped late", empty) was masked after loading spaCy all the same (about 3 s of a CLI run). The control:
a value naming a person only the model knows still loads it, and the name is masked.

The observable is ``spacy`` in ``sys.modules`` of a new process (the model is imported only to be loaded).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import maskline
from maskline.text.ner import ner_available

REPO = Path(maskline.__file__).resolve().parents[1]
needs_ner = pytest.mark.skipif(not ner_available("en"), reason="the ner extra is not installed")

MASK = """
import json, sys
from maskline.cli.main import main
try:
    main(["mask", sys.argv[1], sys.argv[2], "--policy", sys.argv[3]])
except SystemExit as e:
    assert not e.code, e.code
print(json.dumps("spacy" in sys.modules))
"""
POLICY = "version: 1\nunclassified: pass\ndatasets:\n  orders: {columns: {notes: {method: scrub}}}\n"


def _mask(tmp_path: Path, notes: list[str]) -> tuple[list[str], bool]:
    src, dst, policy = tmp_path / "orders.csv", tmp_path / "out.csv", tmp_path / "policy.yml"
    src.write_text("id,notes\n" + "".join(f'{i},"{n}"\n' for i, n in enumerate(notes)))
    policy.write_text(POLICY)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", MASK, str(src), str(dst), str(policy)], capture_output=True,
                         text=True, env=env, check=True, cwd=tmp_path, timeout=300).stdout.strip().splitlines()
    masked = [line.split(",", 1)[1].strip('"') for line in dst.read_text().splitlines()[1:]]
    return masked, json.loads(out[-1])


@needs_ner
def test_a_scrub_column_without_a_capital_letter_is_masked_without_loading_the_ner_model(tmp_path) -> None:
    masked, loaded = _mask(tmp_path, ["ok", "shipped 3 days late", "", "mail ana@example.com"])
    assert masked == ["ok", "shipped 3 days late", "", "mail [EMAIL]"]
    assert not loaded, "no value holds a capital a kept person span could open with"


@needs_ner
def test_a_scrub_column_naming_a_person_only_the_model_knows_still_loads_it(tmp_path) -> None:
    from maskline.text.prose import find_prose_many

    note = "please ask Oluwaseun Adeyemi to sign for the parcel"
    assert not any(find_prose_many([note], ner=False)), "the rules alone do not find this name"
    masked, loaded = _mask(tmp_path, ["ok", note])
    assert loaded
    assert "Adeyemi" not in json.dumps(masked)
