"""dbt-ol's DuckDB namespaces, named by maskline's rule: the file's absolute path.

dbt-ol names a dbt-duckdb dataset ``duckdb://{path}``, with ``path`` as profiles.yml spells it
(``DbtArtifactProcessor.extract_namespace``): the usual ``path: dev.duckdb`` gives ``duckdb://dev.duckdb``, while
maskline's operators and MCP server name the same file by its absolute path
(:func:`maskline.lineage_names.table_namespace`), and Marquez would draw two nodes for one file.

A relative ``path`` is the file DuckDB opened against the working directory of the dbt process: dbt-duckdb hands
it to ``duckdb.connect`` as written, dbt 1.11 changes directory neither to ``--project-dir`` nor to the profiles
directory, and dbt-ol starts dbt in its own working directory. The event transformer runs in the dbt-ol process,
so the shared rule, which resolves a relative path against the working directory, names that very file.
"""

from __future__ import annotations

from typing import Any

PREFIX = "duckdb://"


def absolute_namespace(namespace: str) -> str:
    """``namespace``, a DuckDB one of a file named by the shared rule (the file's absolute path, ``~`` and ``..``
    resolved); others unchanged. In-memory and remote (``md:``) databases keep their name, by the rule itself.

    >>> import os
    >>> absolute_namespace("duckdb://dev.duckdb") == "duckdb://" + os.path.join(os.getcwd(), "dev.duckdb")
    True
    >>> absolute_namespace("duckdb:///data/dev.duckdb"), absolute_namespace("duckdb://:memory:")
    ('duckdb:///data/dev.duckdb', 'duckdb://:memory:')
    >>> absolute_namespace("duckdb://md:shop"), absolute_namespace("postgres://db:5432")
    ('duckdb://md:shop', 'postgres://db:5432')
    >>> absolute_namespace("duckdb://~/dev.duckdb") == "duckdb://" + os.path.expanduser("~/dev.duckdb")
    True
    >>> absolute_namespace("duckdb:///data/raw/../dev.duckdb")  # one file, one name, however it is spelled
    'duckdb:///data/dev.duckdb'
    """
    from maskline.lineage_names import table_namespace

    if not namespace.startswith(PREFIX):
        return namespace
    path = namespace[len(PREFIX):]
    if not path:
        return namespace
    return table_namespace("duckdb", None, None, path)


def absolute_duckdb_namespaces(event: Any) -> int:
    """Name, in place, every DuckDB dataset of a dbt-ol event by :func:`absolute_namespace`: its inputs and
    outputs, the datasets their column lineage reads from, and their ``dataSource`` facets; how many changed.

    >>> from openlineage.client.event_v2 import InputDataset
    >>> class Event: inputs, outputs = [InputDataset("duckdb://:memory:", "main.t")], []
    >>> absolute_duckdb_namespaces(Event())
    0
    """
    changed = 0

    def rename(holder: Any, attribute: str) -> None:
        nonlocal changed
        old = getattr(holder, attribute, None)
        if isinstance(old, str) and (new := absolute_namespace(old)) != old:
            setattr(holder, attribute, new)
            changed += 1

    for dataset in [*(getattr(event, "inputs", None) or ()), *(getattr(event, "outputs", None) or ())]:
        rename(dataset, "namespace")
        facets = getattr(dataset, "facets", None) or {}
        lineage = facets.get("columnLineage")
        # The column lineage names its input datasets: the same node as the inputs, so the same name.
        for field in (getattr(lineage, "fields", None) or {}).values():
            for ref in getattr(field, "inputFields", None) or ():
                rename(ref, "namespace")
        for ref in getattr(lineage, "dataset", None) or ():
            rename(ref, "namespace")
        source = facets.get("dataSource")
        if source is not None:
            rename(source, "name")
            rename(source, "uri")
    return changed
