"""Mask CSV and Parquet files on embedded DuckDB, writing atomically.

The output is written to a hidden temporary file beside the destination and
renamed over it only when the whole COPY succeeded, so a failure never leaves
a partial or unmasked file behind.

CSV (and gzip CSV, ``.csv.gz``) is read through :func:`maskline.engine.csv_read.open_csv`, the
reader the scan uses too: as text (every column VARCHAR, a quoted empty string
kept apart from an empty field, which is NULL), so the columns that are not
masked come out with exactly the text they went in with: dates, booleans,
``1.10``, ``0x1F`` and ``007`` are not reformatted. A CSV written from a CSV
keeps its delimiter, and an output named ``.csv.gz`` is gzip-compressed.
Parquet columns keep their types and values.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "people.csv").write_text("id,email\\n1,ann@example.com\\n")
>>> policy = {"datasets": {"people": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"}}}}}
>>> report = mask_file(d / "people.csv", d / "out.csv", policy)
>>> (d / "out.csv").read_text().splitlines()[1]
'1,*****@example.com'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from maskline.atomic_output import atomic_output
from maskline.classify.result import Classification
from maskline.engine import csv_read
from maskline.engine.frames import MaskReport, classify_for, key_for, needs_classification
from maskline.errors import InputError, MasklineError
from maskline.keys import KeyMaterial
from maskline.plan import build_plan
from maskline.policy import Policy, load_policy

# CSV by suffix, longest first: ".csv.gz" is gzip CSV, not a file of type ".gz".
CSV_SUFFIXES = (".csv.gz", ".tsv.gz", ".csv", ".tsv")
PARQUET_SUFFIXES = (".parquet", ".pq")
# The temporary output's name does not end like the output's, so the compression is named, never inferred.
WRITERS = {".csv": "(FORMAT csv, HEADER true, COMPRESSION none)",
           ".tsv": "(FORMAT csv, HEADER true, DELIMITER '\t', COMPRESSION none)",
           ".csv.gz": "(FORMAT csv, HEADER true, COMPRESSION gzip)",
           ".tsv.gz": "(FORMAT csv, HEADER true, DELIMITER '\t', COMPRESSION gzip)",
           ".parquet": "(FORMAT parquet)", ".pq": "(FORMAT parquet)"}


def _suffix(path: Path, role: str) -> str:
    name = path.name.lower()
    for suffix in CSV_SUFFIXES + PARQUET_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    raise InputError(f"unsupported file type {path.suffix.lower() or '(none)'!r}", where=f"{role} {path}",
                     fix="use a .csv, .tsv, .csv.gz, .tsv.gz or .parquet file")


def dataset_name(path: str | Path) -> str:
    """The policy's dataset a file is masked by when no table is named: its name without its extension, both of
    a gzip CSV's.

    >>> dataset_name("in/people.csv.gz"), dataset_name("people.parquet")
    ('people', 'people')
    """
    path = Path(path)
    return path.name[: -len(_suffix(path, "input"))]


def _refuse_uris(src: str | Path, dst: str | Path) -> None:
    """Refuse a database URI as the input or the output by what it is, naming its scheme alone.

    ``maskline mask`` reads and writes files only. A ``postgresql://user:secret@host/db::public.customers`` given
    as IN was read as a path, so the error was an "unsupported file type '.customers'" and printed the URI,
    its password included (``Path`` had folded its ``//``). Only the scheme is named: the rest can hold a password.

    >>> _refuse_uris("people.csv", "out.parquet")
    >>> _refuse_uris("postgresql://admin:pw@db/shop::public.customers", "out.parquet")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: the input is a postgresql:// URI, and maskline mask reads and writes files only (at input). Fix: ...
    """
    import re

    for role, given in (("input", src), ("output", dst)):
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", str(given)) if isinstance(given, str) else None
        if scheme:
            raise InputError(f"the {role} is a {scheme[1].lower()}:// URI, and maskline mask reads and writes files "
                             "only", where=role,
                             fix="mask a table where it lives: `maskline sql --table NAME` prints the SELECT that "
                                 "masks it, `maskline protect` builds masked views (PostgreSQL); or export it to "
                                 ".csv or .parquet and mask that file")


def _check_not_directories(src: Path, dst: Path) -> None:
    """Refuse a directory as the input or the output, by that name: one file is masked into one file.

    Without this, an input directory was "not found" or of an "unsupported file type", and an output directory
    given with ``--overwrite`` failed mid-write as a masking failure naming the column types.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _check_not_directories(d, d / "out.csv")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: the input is a directory (at ...). Fix: pass one file (.csv, .tsv, .csv.gz, .tsv.gz or .parquet); to mask a directory's files, run once per file
    """
    if src.is_dir():
        raise InputError("the input is a directory", where=str(src),
                         fix="pass one file (.csv, .tsv, .csv.gz, .tsv.gz or .parquet); to mask a directory's "
                             "files, run once per file")
    if dst.is_dir():
        raise InputError("the output is a directory", where=str(dst),
                         fix=f"name the file to write, e.g. {dst / (src.name or 'masked.csv')}")


def _check_paths(src: Path, dst: Path, overwrite: bool) -> None:
    if not src.is_file():
        raise InputError("input file not found", where=str(src), fix="check the path")
    if not os.access(src, os.R_OK):
        raise InputError("input file is not readable", where=str(src), fix="check its permissions")
    if src.stat().st_size == 0:
        from maskline.engine.csv_read import empty_file

        raise empty_file(src)
    if dst.exists() and not overwrite:
        raise InputError("output already exists", where=str(dst), fix="choose another path or pass --overwrite")
    if src.resolve() == dst.resolve():
        raise InputError("output is the input", where=str(dst), fix="write the masked copy to another path")
    if not dst.parent.is_dir():
        raise InputError("output directory does not exist", where=str(dst.parent), fix="create it first")


def _literal(path: Path) -> str:
    return _literal_text(str(path))


def _literal_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _parquet_schema(src: Path) -> Any:
    """The Arrow schema of a Parquet file DuckDB has already read."""
    import pyarrow.parquet as pq

    try:
        return pq.read_schema(src)
    except Exception:  # noqa: BLE001 - only whether it fails matters; its text may quote the file
        pass  # the error is raised below, outside the handler, so that no library error rides along
    raise InputError("cannot read the input's Parquet schema", where=str(src), fix="check that the file is valid Parquet")


def _check_dataset(policy: Policy, table: str | None, src: Path) -> None:
    """Refuse a file whose name matches none of the policy's datasets (it would be masked by the scan alone).

    A policy without datasets is a deliberate choice and is not checked; so is an explicit ``table`` that names a
    dataset, or the file's own name (masked by a scan alone). Any other ``table`` is a typo that would drop
    every rule of the dataset it meant, its masked columns included: refused with the closest name.
    """
    name = dataset_name(src)
    from maskline.errors import did_you_mean

    if table is not None:
        if not policy.datasets or table == name or policy.dataset(table) is not None:
            return
        # the file's own name masks by a scan alone only when no dataset has it; one that does is the policy's
        alone = (f"; or leave --table out: the file's name, {name!r}, is a dataset of the policy"
                 if policy.dataset(name) is not None
                 else f"; or pass --table {name} (the file's name) to mask it by a scan alone")
        raise InputError(f"the policy has no dataset named {table!r} (--table/table=)",
                         where=f"{src} with {policy.source}", fix=did_you_mean(table, list(policy.datasets)) + alone)
    if not policy.datasets or policy.dataset(name) is not None:
        return
    raise InputError(f"the policy has no dataset named {name!r} (the input file's name)",
                     where=f"{src} with {policy.source}",
                     fix=did_you_mean(name, list(policy.datasets)) + "; or pass --table/table= with the "
                         "dataset's name, or --table with the file's name to mask it by a scan alone")


def _unwritable(error: OSError, directory: Path) -> InputError:
    """The error for an output directory maskline cannot write in, named as such before any work.

    Found by the engine instead, it is an IOException raised mid-statement, which reads like a masking failure.

    >>> _unwritable(PermissionError("denied"), Path("/ro")).where
    '/ro'
    """
    return InputError(f"cannot write the output: {type(error).__name__}", where=str(directory),
                      fix="check that the directory is writable and has free space, or choose another one")


def _text_kind(suffix: str) -> str | None:
    """The CSV layout a suffix names, compressed or not (``.csv.gz``: ``.csv``); ``None`` for Parquet."""
    plain = suffix.removesuffix(".gz")
    return plain if plain in CSV_SUFFIXES else None


def _open_input(con: Any, src: Path, csv: bool) -> csv_read.CsvInput | None:
    """Read ``src`` as the view ``maskline_input``: a CSV through :func:`open_csv` (returned), Parquet as it is."""
    if csv:
        source = csv_read.open_csv(con, src)  # raises the file's fault, built from its structure
        source.relation.create_view("maskline_input")
        return source
    from maskline.engine.parquet_faults import parquet_fault

    fault = parquet_fault(src)  # named, where DuckDB's class alone says only that the input is invalid
    if fault is not None:
        raise fault
    unreadable: str | None = None
    try:
        con.execute(f"CREATE VIEW maskline_input AS SELECT * FROM read_parquet({_literal(src)})").fetchall()
    except Exception as e:  # noqa: BLE001 - unreadable input: say so without quoting its content
        from maskline.engine.failures import safe_engine_message

        unreadable = safe_engine_message(e)
    if unreadable is not None:  # raised outside the handler: no engine error (quoting the file) rides along
        raise InputError(f"cannot read input: {unreadable}", where=str(src),
                         fix="check that the file is valid CSV or Parquet")
    return None


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
    """Mask ``src`` (CSV, gzip CSV or Parquet) into ``dst`` (the same kinds, by extension), atomically.

    ``table`` (default: the file's name without its extension) selects the policy's dataset entry;
    ``progress`` is called with the percentage done while DuckDB works. An input with columns and no row (a
    pipeline's empty day) gives an output with the same columns and no row: a scan of no rows vouches for nothing,
    so the columns the policy does not name are masked as unclassified ones are.

    >>> import pathlib, tempfile; d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "t.csv").write_text("email\\nann@ex.org\\n")
    >>> pol = {"datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}}
    >>> mask_file(d / "t.csv", d / "out.csv", pol).rows
    1
    >>> (d / "out.csv").read_text().splitlines()
    ['email', '*****@ex.org']
    """
    from maskline.adapters.duckdb import columns_of, connect
    from maskline.engine.failures import explain_failure
    from maskline.sql.compile import compile_select
    from maskline.sql.session import apply_key_setup

    _refuse_uris(src, dst)  # before Path(): it folds "//" and would print the URI, its password included
    src, dst = Path(src), Path(dst)
    _check_not_directories(src, dst)  # before the suffix: a directory has none, or one that misleads (x.csv/)
    src_kind, dst_kind = _suffix(src, "input"), _suffix(dst, "output")
    writer = WRITERS[dst_kind]
    _check_paths(src, dst, overwrite)
    pol = load_policy(policy)
    _check_dataset(pol, table, src)
    table = table or dataset_name(src)
    con = connect()
    try:
        csv = src_kind in CSV_SUFFIXES
        source = _open_input(con, src, csv)  # before any column name is shown or written
        cols = columns_of(con, "maskline_input")
        if not cols:
            raise InputError("input has no columns", where=str(src), fix="pass a file with a header")
        if source is not None and _text_kind(dst_kind) == _text_kind(src_kind):  # CSV to CSV keeps its delimiter
            compression = "gzip" if dst_kind.endswith(".gz") else "none"
            writer = (f"(FORMAT csv, HEADER true, DELIMITER {_literal_text(source.delimiter)}, "
                      f"COMPRESSION {compression})")
        if classification is None:  # the stored scan beside the policy, else the classifier
            from maskline.classify.stored import stored_classification

            classification = stored_classification(pol, table)
        if classification is None and needs_classification(pol, table):
            # The CSV opened above (sniffed, its gzip stream and header checked) is classified as it is: a file
            # masked without a policy is opened once.
            classification = classify_for(source if source is not None else src, pol, table)
        plan = build_plan(pol, table, cols, classification, identities)
        if not csv and writer != WRITERS[".parquet"]:  # Parquet to CSV: a value DuckDB cannot hold is refused
            from maskline.engine.wide_decimals import check_text_output

            check_text_output(_parquet_schema(src), plan, str(src))
        k = key_for(plan, pol, key)
        if k is not None:
            apply_key_setup(con, "duckdb", k)
        from maskline.engine.prose_pass import with_prose_pass

        select = with_prose_pass(con, compile_select(plan, "maskline_input", "duckdb").sql("duckdb"), plan, str(src))
        failure: MasklineError | None = None
        try:
            with atomic_output(dst, on_unwritable=_unwritable) as tmp:
                from maskline.engine.progress import execute_with_progress

                if not csv and writer == WRITERS[".parquet"]:
                    from maskline.engine.parquet_out import write_parquet_keeping_types

                    rows = write_parquet_keeping_types(con, select, src, tmp, plan, progress)
                else:
                    rows = execute_with_progress(con, f"COPY ({select}) TO {_literal(tmp)} {writer}", progress)[0][0]
        except InputError:
            raise
        except Exception as e:  # noqa: BLE001 - engine errors are rebuilt without values
            failure = explain_failure(e, con, plan, "maskline_input", str(src))
        if failure is not None:  # raised outside the handler: it holds no engine error, whose text quotes values
            fault = source.fault() if source is not None and isinstance(failure, InputError) else None
            raise fault or failure  # a fault past the rows read when opened: the write had started
        return MaskReport(plan, int(rows), str(dst))
    finally:
        con.close()  # an embedded connection holds memory until closed

