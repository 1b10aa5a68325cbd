"""Which stored scan entry vouches for the table a DAG's ``MaskTableOperator`` reads.

A stored scan entry (``maskline scan --save``) judged one thing. A database table's scan judged that table, in
its schema: ``maskline scan duckdb:///w.db --table t --save`` stores ``main.t``'s verdicts under ``t``, and they
say nothing of ``hr.t``, whose ``qty`` may hold SSNs. So, as on the query path
(:meth:`maskline.classify.stored.StoredScan.for_table`), an entry is matched with the schema spelled out (the
connection's default schema for an unqualified name), and an entry naming another schema's same-named table is
refused, not ignored (ignored, ``unclassified: pass`` would pass what the scan masks).

A file's scan (``maskline scan people.csv --save --dataset NAME``) is matched by the same rule: ``NAME`` is the
table it vouches for, an unqualified one being the connection's default schema's, as a policy entry's name is
(:func:`maskline.rewrite.table_names.best_entry`). Saved as ``people`` it vouches for ``main.people``, not
``hr.people``; save it as ``hr.people`` for that table.
"""

from __future__ import annotations

from typing import Any

from maskline.classify.result import Classification


def source_classification(policy: Any, table: str, default_schema: str | None) -> Classification | None:
    """The stored verdicts on the operator's ``table``: the entry naming that table (schema spelled out with
    ``default_schema``); None when the scan does not cover it. An entry naming another schema's same-named
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
        raise ClassificationError(
            refused.what, where=refused.where,
            fix=f"{refused.fix}; or, if a file's scan is loaded into this table, save it under the table's name "
                "with its schema: maskline scan FILE --policy POLICY --save --dataset SCHEMA.TABLE"
        ) from None
