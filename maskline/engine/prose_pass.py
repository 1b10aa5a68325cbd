"""The prose pass of the ``scrub`` method, for masking that runs in-process on embedded DuckDB.

The ``scrub`` method is SQL (regular expressions), so it runs in every engine;
but person names, street addresses, birth dates, ICD-10 codes and record
numbers need context, lists and NER, which only Python has. When maskline
itself runs the masking (DataFrames, Arrow tables, CSV and Parquet files), each
``scrub`` column also goes through a DuckDB function backed by
:mod:`maskline.text.prose` and the Python scrubber, applied to the output of the
SQL. In a warehouse (SQL pushed down to PostgreSQL, Snowflake, ...) only the SQL
patterns run: mask free text there with ``redact`` if names must not survive.

The prose pass reads prose: a cell that is or holds a document (a JSON object or array, a Python or JS
literal) is not prose, since its keys give no context and any value may be a name or an address, so it is
replaced whole by :data:`DOCUMENT` rather than searched (:func:`is_document`).

>>> import pyarrow as pa
>>> scrub_batch(pa.array(["Patient Anna Meier called", None])).to_pylist()
['Patient [PERSON_NAME] called', None]
>>> scrub_batch(pa.array(['{"meta": {"x": "Anna Meier"}}'])).to_pylist()
['[REDACTED]']
"""

from __future__ import annotations

import json
import re
from typing import Any

from maskline.plan import Plan

UDF = "maskline_scrub_prose"
DOCUMENT = "[REDACTED]"  # what a document cell becomes: redact's own label for a value of no one type
# A quote right after an opening brace or bracket: a JSON or Python key or element, which prose does not write.
_EMBEDDED = re.compile(r"""[\[{]\s*["']""")


def is_document(text: str) -> bool:
    """Whether a cell is, or holds, a document rather than prose: a JSON object or array, text in braces, or a
    brace or bracket that opens a quoted key or element (a JSON or Python literal inside a sentence).

    >>> [is_document(t) for t in ('{"x": 1}', '[3, 4]', "{'n': 'Ann'}", 'see {"x": "Ann"} re: bill', "{Ann Lee}")]
    [True, True, True, True, True]
    >>> [is_document(t) for t in ("Patient Anna Meier called", "[EMAIL]", "[EMAIL] wrote to [PHONE]")]
    [False, False, False]
    """
    stripped = text.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        return True
    if stripped.startswith("[") and stripped.endswith("]"):
        try:
            if isinstance(json.loads(stripped), list):
                return True
        except ValueError:
            pass
    return _EMBEDDED.search(text) is not None


def prose_columns(plan: Plan) -> list[str]:
    """Columns the plan masks with ``scrub`` on every type (the prose types included).

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}})
    >>> prose_columns(build_plan(pol, "t", [("id", "integer"), ("notes", "varchar")]))
    ['notes']
    """
    return [c.name for c in plan.columns
            if c.method is not None and c.method.name == "scrub" and getattr(c.method.params, "info_types", None) is None]


def _require_ner(columns: list[str], where: str) -> None:
    """Fail closed: without the ``ner`` extra, names in these columns would be written as they are."""
    from maskline.text.ner import missing_packages

    missing = missing_packages()
    if missing:
        from maskline.errors import MaskingError

        raise MaskingError(f"column {columns[0]!r} is masked with 'scrub', whose prose pass (person names, "
                           f"addresses, birth dates, medical ids) needs the 'ner' extra ({', '.join(missing)} "
                           "not installed)", where=where,
                           fix="pip install 'maskline[ner]', or mask the column with 'redact'")


def scrub_batch(values: Any) -> Any:
    """Scrub a pyarrow string array: validated spans and prose spans become ``[TYPE]``; NULL stays NULL.

    Each distinct value is scanned once; NER runs batched per language, the
    language guessed per value, else from the whole batch.
    """
    import pyarrow as pa

    from maskline.text.language import guess_language, guess_language_of
    from maskline.text.prose import find_prose_many, merge_findings
    from maskline.text.scrubber import find

    items = values.to_pylist()
    distinct = list(dict.fromkeys(v for v in items if v and not is_document(v)))
    pooled = guess_language_of(w for v in distinct[:200] for w in v.lower().split())
    by_lang: dict[str | None, list[str]] = {}
    for v in distinct:
        by_lang.setdefault(guess_language(v) or pooled, []).append(v)
    scrubbed: dict[str, str] = {v: DOCUMENT for v in items if v and is_document(v)}
    for lang, texts in by_lang.items():
        for text, prose in zip(texts, find_prose_many(texts, language=lang, read_escapes=True), strict=True):
            scrubbed[text] = _replace(text, merge_findings(find(text), prose))
    return pa.array([v if not v else scrubbed[v] for v in items], type=pa.string())


def _replace(text: str, findings: list[Any]) -> str:
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts.append(text[pos:f.start])
        parts.append(f"[{f.type}]")
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def with_prose_pass(con: Any, select_sql: str, plan: Plan, where: str) -> str:
    """``select_sql`` with the prose pass applied to its ``scrub`` columns (unchanged when there are none).

    Registers the DuckDB function on ``con``; an error inside it fails the query, so nothing is written.

    >>> import duckdb; from maskline.policy import load_policy; from maskline.plan import build_plan
    >>> pol = load_policy({"datasets": {"t": {"columns": {"notes": {"method": "scrub"}}}}})
    >>> with_prose_pass(duckdb.connect(), "SELECT notes FROM t", build_plan(pol, "t", [("notes", "varchar")]), "t")
    'SELECT * REPLACE (maskline_scrub_prose("notes") AS "notes") FROM (SELECT notes FROM t) AS maskline_masked'
    """
    columns = prose_columns(plan)
    if not columns:
        return select_sql
    _require_ner(columns, where)
    con.create_function(UDF, _udf, ["VARCHAR"], "VARCHAR", type="arrow", null_handling="special",
                        side_effects=False)
    quoted = ['"' + c.replace('"', '""') + '"' for c in columns]
    replace = ", ".join(f"{UDF}({q}) AS {q}" for q in quoted)
    return f"SELECT * REPLACE ({replace}) FROM ({select_sql}) AS maskline_masked"


def _udf(values: Any) -> Any:
    import pyarrow as pa

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    return scrub_batch(values)
