"""Which stored scan entry vouches for the table a DAG's ``MaskTableOperator`` reads.

A stored scan entry (``maskline scan --save``) judged one thing. A database table's scan judged that table, in
its schema: ``maskline scan duckdb:///w.db --table t --save`` stores ``main.t``'s verdicts under ``t``, and they
say nothing of ``hr.t``, whose ``qty`` may hold SSNs. So, as on the query path
(:meth:`maskline.classify.stored.StoredScan.for_table`), an entry is matched with the schema spelled out (the
connection's default schema for an unqualified name), and an entry naming another schema's same-named table is
refused, not ignored (ignored, ``unclassified: pass`` would pass what the scan masks).

A file's scan (``maskline scan people.csv --save --dataset people``) judged no table of any schema: it judged the
dataset it was saved as. It vouches for the table the policy's entry of that same dataset name describes (the
entry the operator decides the table's columns by), which is the user's own statement that the file is loaded
there. Not for any table of that last name: with no policy entry of the dataset's name, or an entry of another
name (``hr.people`` where the scan is ``people``), the schema-spelled rule alone decides.
"""

from __future__ import annotations

from typing import Any

from maskline.classify.result import Classification


def is_file_source(source: Any) -> bool:
    """Whether a stored entry's ``source`` is a file ``maskline scan`` reads (CSV, TSV, Parquet), not a database
    table (a URI, ``x.db::t``, or a name the Python API was given): anything else is taken for a table.

    >>> is_file_source("people.csv"), is_file_source("file:///d/p.parquet"), is_file_source("duckdb:///w.db::t")
    (True, True, False)
    >>> is_file_source("duckdb:///w.csv"), is_file_source("raw.customers"), is_file_source(None)
    (False, False, False)
    """
    from maskline.classify.sources import DB_SCHEMES, FILE_SUFFIXES

    if not isinstance(source, str) or "::" in source:
        return False
    scheme, sep, _ = source.partition("://")
    if sep and scheme.lower() != "file":
        return False
    return scheme.lower() not in DB_SCHEMES and source.lower().endswith(FILE_SUFFIXES)


def file_entry_for(scan: Any, policy: Any, table: str) -> str | None:
    """The name of the file's scan entry that vouches for ``table``: saved under the very name of the policy's
    entry for ``table``; None when there is none.

    >>> from maskline.classify.stored import StoredScan
    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"people": {"columns": {}}}})
    >>> c = Classification((), table="people")
    >>> def scan(source): return StoredScan({"people": c}, "p.scan.json", "", {"tables": {"people": {"source": source}}})
    >>> file_entry_for(scan("people.csv"), pol, "hr.people"), file_entry_for(scan("duckdb:///w.db"), pol, "hr.people")
    ('people', None)
    >>> file_entry_for(scan("people.csv"), load_policy({}), "hr.people") is None
    True
    """
    from maskline.rewrite.table_names import name_parts

    ds = policy.dataset(table)
    if ds is None:
        return None
    entries = (scan.raw or {}).get("tables", {})
    for name in scan.tables:
        if name_parts(name) == name_parts(ds.name) and is_file_source(entries.get(name, {}).get("source")):
            return str(name)
    return None


def source_classification(policy: Any, table: str, default_schema: str | None) -> Classification | None:
    """The stored verdicts on the operator's ``table``: the entry naming that table (schema spelled out with
    ``default_schema``), else a file's entry saved under the name of the policy's entry for it
    (:func:`file_entry_for`); None when the scan covers neither. An entry naming another schema's same-named
    table is refused (:class:`~maskline.errors.ClassificationError`), with both fixes.

    >>> from maskline.policy import load_policy
    >>> source_classification(load_policy({}), "hr.people", "main") is None
    True
    """
    from maskline.classify.stored import scan_beside
    from maskline.errors import ClassificationError

    scan = scan_beside(policy)
    if scan is None:
        return None
    try:
        found: Classification | None = scan.for_table(table, default_schema)
        return found
    except ClassificationError as refused:
        name = file_entry_for(scan, policy, table)
        if name is None:
            raise ClassificationError(
                refused.what, where=refused.where,
                fix=f"{refused.fix}; or, if a file's scan is loaded into this table, save it under the name of "
                    "the policy's entry for the table: maskline scan FILE --policy POLICY --save --dataset ENTRY"
            ) from None
        out: Classification = scan.tables[name]
        return out
