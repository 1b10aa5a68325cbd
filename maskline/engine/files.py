"""Mask CSV and Parquet files on embedded DuckDB, writing atomically.

The output is written to a hidden temporary file beside the destination and
renamed over it only when the whole COPY succeeded, so a failure never leaves
a partial or unmasked file behind.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "people.csv").write_text("id,email\\n1,ann@example.com\\n")
>>> report = mask_file(d / "people.csv", d / "out.csv", {"datasets": {"people": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> (d / "out.csv").read_text().splitlines()[1]
'1,*****@example.com'
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from maskline.classify.result import Classification
from maskline.engine.frames import MaskReport, classify_for, key_for, needs_classification
from maskline.errors import InputError
from maskline.keys import KeyMaterial
from maskline.plan import build_plan
from maskline.policy import Policy, load_policy

READERS = {".csv": "read_csv", ".tsv": "read_csv", ".parquet": "read_parquet", ".pq": "read_parquet"}
WRITERS = {".csv": "(FORMAT csv, HEADER true)", ".tsv": "(FORMAT csv, HEADER true, DELIMITER '\t')",
           ".parquet": "(FORMAT parquet)", ".pq": "(FORMAT parquet)"}


def _suffix(path: Path, role: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(f"unsupported file type {suffix or '(none)'!r}", where=f"{role} {path}",
                         fix="use a .csv, .tsv or .parquet file")
    return suffix


def _check_paths(src: Path, dst: Path, overwrite: bool) -> None:
    if not src.is_file():
        raise InputError("input file not found", where=str(src), fix="check the path")
    if not os.access(src, os.R_OK):
        raise InputError("input file is not readable", where=str(src), fix="check its permissions")
    if src.stat().st_size == 0:
        raise InputError("input file is empty", where=str(src), fix="pass a file with a header and rows")
    if dst.exists() and not overwrite:
        raise InputError("output already exists", where=str(dst), fix="choose another path or pass --overwrite")
    if src.resolve() == dst.resolve():
        raise InputError("output is the input", where=str(dst), fix="write the masked copy to another path")
    if not dst.parent.is_dir():
        raise InputError("output directory does not exist", where=str(dst.parent), fix="create it first")


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def mask_file(
    src: str | Path,
    dst: str | Path,
    policy: Policy | Mapping[str, Any] | str | Path,
    *,
    overwrite: bool = False,
    key: KeyMaterial | None = None,
    table: str | None = None,
    classification: Classification | None = None,
    identities: Sequence[str] = (),
    progress: Callable[[float], None] | None = None,
) -> MaskReport:
    """Mask ``src`` (CSV/Parquet) into ``dst`` (CSV/Parquet, by extension), atomically.

    ``table`` (default: the file's stem) selects the policy's dataset entry;
    ``progress`` is called with the percentage done while DuckDB works.
    """
    from maskline.adapters.duckdb import columns_of, connect
    from maskline.engine.failures import explain_failure
    from maskline.sql.compile import compile_select
    from maskline.sql.session import apply_key_setup

    src, dst = Path(src), Path(dst)
    reader = READERS[_suffix(src, "input")]
    writer = WRITERS[_suffix(dst, "output")]
    _check_paths(src, dst, overwrite)
    pol = load_policy(policy)
    table = table or src.stem
    con = connect()
    try:
        try:
            con.execute(f"CREATE VIEW maskline_input AS SELECT * FROM {reader}({_literal(src)})").fetchall()
            cols = columns_of(con, "maskline_input")
        except Exception as e:  # noqa: BLE001 - unreadable input: say so without quoting its content
            from maskline.engine.failures import safe_engine_message

            raise InputError(f"cannot read input: {safe_engine_message(e)}", where=str(src),
                             fix="check that the file is valid CSV or Parquet") from None
        if not cols:
            raise InputError("input has no columns", where=str(src), fix="pass a file with a header")
        if classification is None and needs_classification(pol, table):
            classification = classify_for(src, pol, table)
        plan = build_plan(pol, table, cols, classification, identities)
        k = key_for(plan, pol, key)
        if k is not None:
            apply_key_setup(con, "duckdb", k)
        from maskline.engine.prose_pass import with_prose_pass

        select = with_prose_pass(con, compile_select(plan, "maskline_input", "duckdb").sql("duckdb"), plan, str(src))
        tmp = dst.with_name(f".{dst.name}.maskline-{uuid.uuid4().hex[:8]}.tmp")
        try:
            from maskline.engine.progress import execute_with_progress

            rows = execute_with_progress(con, f"COPY ({select}) TO {_literal(tmp)} {writer}", progress)[0][0]
            if rows == 0:
                raise InputError("input has no rows", where=str(src), fix="pass a file with data rows")
            os.replace(tmp, dst)
        except InputError:
            raise
        except Exception as e:  # noqa: BLE001 - engine errors are re-raised without values
            raise explain_failure(e, con, plan, "maskline_input", str(src)) from None
        finally:
            if tmp.exists():
                tmp.unlink()
        return MaskReport(plan, int(rows), str(dst))
    finally:
        con.close()  # an embedded connection holds memory until closed

