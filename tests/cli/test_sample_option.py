"""``--sample N`` takes a positive number of rows: 0 is refused as a negative number is, never read as "the
default" (which sampled 10,000 rows where the user asked for none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.classify import classify
from maskline.errors import InputError
from tests.cli.test_first_use import run_cli


def test_a_sample_of_zero_rows_is_refused_as_a_negative_one_is(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("email\nann@example.com\n")
    for size in ("0", "-5"):
        r = run_cli("scan", str(source), "--sample", size)
        assert r.returncode == 2, (size, r.stdout)
        assert r.stderr.startswith(f"error: sample must be positive, got {size}"), r.stderr
    with pytest.raises(InputError, match="sample must be positive"):
        classify(str(source), sample=0)
