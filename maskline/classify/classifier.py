"""``classify()``: sample a table where it lives, then classify every column.

>>> import pandas as pd
>>> df = pd.DataFrame({"correo": ["ana@correo.es", "li@mail.cn"] * 20, "qty": range(40)})
>>> [(c.name, c.info_type) for c in classify(df).columns]
[('correo', 'EMAIL'), ('qty', None)]
"""

from __future__ import annotations

import logging
import time
from typing import Any

from maskline.classify.column import DEFAULT_MIN_CONFIDENCE, CustomDetector, classify_column
from maskline.classify.result import Classification, ColumnClassification
from maskline.classify.sources import sample_source
from maskline.classify.values import NumberHeads, with_ascii_digits
from maskline.errors import ClassificationError, MasklineError

log = logging.getLogger(__name__)


def _custom_detectors(policy: Any) -> tuple[CustomDetector, ...]:
    from maskline.infotypes.validators import VALIDATORS

    out = []
    for t in getattr(policy, "info_types", {}).values():
        out.append(CustomDetector(t.name, t.category, t.pattern, VALIDATORS[t.validator] if t.validator else None,
                                  tuple(t.name_hints)))
    return tuple(out)


def classify(data: Any, policy: Any = None, *, table: str | None = None, sample: int | None = None,
             progress: Any = None) -> Classification:
    """Classify every column of ``data``: info type, calibrated confidence, category, evidence.

    ``data`` is a pandas DataFrame, a pyarrow Table, a CSV/Parquet path, a URI
    (``duckdb:///x.db::schema.table``, ``postgresql://...::schema.table``,
    ``sqlite:///x.db::table``) or a DuckDB / DB-API / SQLAlchemy connection with
    ``table=``. Rows are sampled where they live (``sample`` rows, default the
    policy's ``classify.sample`` or 10,000). ``policy`` adds custom info types,
    the allow-list and ``classify.min_confidence``. ``progress``, if given, is
    called as ``progress(done, total)`` after each column (the CLI draws a bar with it).

    The table's name (``table=``, the table after ``::``, or a file's name without its extension) tells each
    column which table it is in: a column only called ``name`` in a table named for things (``storms``) holds
    the things' names (:mod:`maskline.infotypes.table_names`).

    ``confidence`` is the probability that the verdict is right: for a column
    with an info type, that it holds that type; for a column without one, that
    it holds none. Columns whose best guess falls below ``min_confidence`` get
    no info type, and their evidence says what the guess was. Each column's
    ``verdict`` is ``sensitive``, ``safe`` (confidently nothing sensitive) or
    ``uncertain``; a fail-closed policy passes only ``safe`` columns raw.

    Files and database tables are read without pandas or pyarrow (DuckDB
    samples and groups them); those load only for a DataFrame or Arrow input.

    The result never holds a sampled value; neither do logs or errors.

    >>> import pyarrow as pa
    >>> classify(pa.table({"iban": ["DE89 3704 0044 0532 0130 00"] * 3})).columns[0].category
    'sensitive'
    """
    pol = None
    if policy is not None:  # the policy module (and sqlglot) load only when a policy is given
        from maskline.policy import load_policy

        pol = load_policy(policy)
    # None alone means the default: --sample 0 is refused as -5 is, not read as "the default"
    n = sample if sample is not None else (pol.classify.sample if pol else 10_000)
    min_conf = pol.classify.min_confidence if pol else DEFAULT_MIN_CONFIDENCE
    custom = _custom_detectors(pol) if pol else ()
    allow = tuple(pol.allow_list) if pol else ()

    started = time.perf_counter()
    drawn = sample_source(data, table=table, sample=n)
    sampled_at = time.perf_counter()
    names = list(drawn.columns)
    # Digits of every script read as ASCII once, for the columns and for the table's context alike
    # (classify_column's own reading then finds nothing left to read).
    read = {n: with_ascii_digits(v) for n, v in drawn.columns.items()}
    columns: list[ColumnClassification] = []
    with _Progress(progress, len(names), drawn.name) as tick:
        for name in names:
            try:
                columns.append(classify_column(name, read[name], sql_type=drawn.sql_types.get(name),
                                               custom=custom, allow_list=allow, min_confidence=min_conf,
                                               table_rows=drawn.total_rows, table=drawn.name))
            except MasklineError:
                raise
            except Exception as e:  # noqa: BLE001 - fail closed on any failure
                # Fail closed, and say which column without repeating anything read from it.
                raise ClassificationError(f"classifying column {name!r} failed ({type(e).__name__})",
                                          where=drawn.name or "input",
                                          fix="report this with the column's SQL type; mask the column by policy "
                                              "meanwhile") from None
            tick()
    from maskline.classify.table_context import with_table_context

    # A few readings need the table: four-digit codes beside people's contact data are their postal codes, and a
    # number computed from two others in its row is a measurement.
    columns = list(with_table_context(columns, min_conf, {n: v.values for n, v in read.items()}, NumberHeads(read)))
    from maskline.classify.encounter_records import with_encounter_records

    # A patient's record number under an opaque name repeats over a stay table's rows exactly as the patient does.
    columns = list(with_encounter_records(columns, min_conf, read))
    from maskline.classify.document_companions import with_document_companions

    # Under opaque names a passport's or an account's number is read from what its record keeps beside it: a
    # nationality and a holder, or the codes that route payments to the account.
    from maskline.classify.document_types import with_document_types, without_unvouched_series

    # A document-type column (APIS, hotel registers, KYC) says what the number beside it is; it speaks first.
    columns = list(with_document_types(columns, min_conf, read))
    columns = list(with_document_companions(columns, min_conf, read))
    # A letter and drawn digits in a table of people speak for a passport only beside a document's companion.
    columns = list(without_unvouched_series(columns, read))
    from maskline.classify.name_parts import with_name_parts

    # People's records keep the parts of a name side by side: a family-name column is read beside its given names.
    columns = list(with_name_parts(columns, read, min_conf, drawn.name))
    elapsed = time.perf_counter() - started
    log.debug("classified %d columns of %s from %d sampled rows in %.3fs (sampling %.3fs)", len(columns),
              drawn.name or "input", drawn.rows, elapsed, sampled_at - started)
    return Classification(tuple(columns), table=drawn.name, sampled_rows=drawn.rows,
                          meta={"total_rows": drawn.total_rows, "seconds": round(elapsed, 4),
                                "min_confidence": min_conf})


class _Progress:
    def __init__(self, progress: Any, total: int, name: str | None) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __enter__(self) -> Any:
        return self.tick

    def tick(self) -> None:
        self.done += 1
        if callable(self.progress):
            self.progress(self.done, self.total)

    def __exit__(self, *exc: Any) -> None:
        return None
