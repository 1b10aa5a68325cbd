"""File names are told from handles by a shipped list of extensions, not by the machine's ``/etc/mime.types``."""

from __future__ import annotations

import mimetypes
import random
from importlib.resources import files
from pathlib import Path

import pytest

from maskline.classify.column import classify_column
from maskline.infotypes.file_extensions import file_name

WORDS = ["river", "maple", "orbit", "lumen", "cobalt", "tango", "pixel", "harbor", "quartz", "meadow", "falcon",
         "ember", "delta", "sable", "willow", "cedar", "nova", "atlas", "juniper", "onyx"]


def _files(ext: str, n: int = 300) -> list[str]:
    rng = random.Random(5)
    return [rng.choice([f"{rng.choice(WORDS)}_{rng.randint(1, 999)}.{ext}", f"{rng.choice(WORDS)}{rng.randint(1, 99)}.{ext}",
                        f"{rng.choice(WORDS)}.{rng.choice(WORDS)}.{ext}", f"{rng.choice('abcdefgh')}{rng.choice(WORDS)}.{ext}"])
            for _ in range(n)]


def test_a_file_name_does_not_depend_on_the_machines_mime_types(monkeypatch: pytest.MonkeyPatch) -> None:
    # A machine without /etc/mime.types knows only Python's 149 extensions; "7z" and "mkv" are not among them.
    monkeypatch.setattr(mimetypes, "guess_type", lambda *a, **k: (None, None))
    assert file_name("backup_12.7z") and file_name("clip.mkv") and file_name("report.PDF")
    assert not file_name("anna.smith") and not file_name("jsmith")  # control: a dotted handle is no file


def test_a_column_of_file_names_is_not_handles_on_a_bare_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mimetypes, "guess_type", lambda *a, **k: (None, None))
    assert classify_column("c3", _files("7z")).info_type != "USERNAME"
    # Control: the same names without their extension read as handles, so the extension is what decides.
    stems = [v.rsplit(".", 1)[0] for v in _files("7z")]
    assert classify_column("c3", stems).info_type == "USERNAME"


def test_the_shipped_list_holds_pythons_table_and_the_systems() -> None:
    from benchmarks.classification.build_file_extensions import extensions

    shipped = [line for line in files("maskline.infotypes").joinpath("data/file_extensions.txt")
               .read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert {e.lstrip(".") for e in mimetypes.MimeTypes().types_map[True]} <= set(shipped)
    if Path("/etc/mime.types").is_file():
        assert shipped == extensions(Path("/etc/mime.types"))
