"""dbt-ol's DuckDB namespaces, named by maskline's rule: the file's absolute path.

dbt-ol names a dbt-duckdb dataset ``duckdb://{path}``, with ``path`` as profiles.yml spells it
(``DbtArtifactProcessor.extract_namespace``): the usual ``path: dev.duckdb`` gives ``duckdb://dev.duckdb``, while
maskline's operators and MCP server name the same file by its absolute path
(:func:`maskline.lineage_names.table_namespace`), and Marquez would draw two nodes for one file.

A relative ``path`` is the file DuckDB opened against the working directory of the dbt process: dbt-duckdb hands
it to ``duckdb.connect`` as written, dbt 1.11 changes directory neither to ``--project-dir`` nor to the profiles
directory, and dbt-ol starts dbt in its own working directory. The event transformer runs in the dbt-ol process,
so the shared rule, which resolves a relative path against the working directory, names that very file.

The names follow the same rule: dbt-ol writes ``shop.main.stg_customers`` (the file's catalog, ``shop`` for
``shop.duckdb``, then schema and table), maskline's operators and MCP server ``main.stg_customers`` (a file
database's file is its namespace, so its names carry no database: :func:`maskline.lineage_names.table_dataset_name`).
One table read by an agent after dbt built it was two nodes in Marquez; the file's own catalog is dropped here. A
table of another catalog (an attached file) keeps its three parts.
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


def file_dataset_name(namespace: str, name: str) -> str:
    """``name`` as maskline names a table of a DuckDB file: without the file's own catalog (its file name's stem,
    as DuckDB names it), since the file is the namespace; other names and namespaces unchanged.

    >>> file_dataset_name("duckdb:///data/shop.duckdb", "shop.main.stg_customers")
    'main.stg_customers'
    >>> file_dataset_name("duckdb:///data/shop.duckdb", "other.main.t")  # an attached file's table
    'other.main.t'
    >>> file_dataset_name("postgres://db:5432", "shop.public.t"), file_dataset_name("duckdb://:memory:", "memory.main.t")
    ('shop.public.t', 'memory.main.t')
    """
    from pathlib import PurePosixPath

    if not namespace.startswith(PREFIX):
        return name
    path = namespace[len(PREFIX):]
    if not path.startswith("/"):
        return name  # in-memory or remote: no file names the catalog
    parts = name.split(".")
    if len(parts) == 3 and parts[0].strip('"').lower() == PurePosixPath(path).stem.lower():
        return ".".join(parts[1:])
    return name


def absolute_duckdb_namespaces(event: Any) -> int:
    """Name, in place, every DuckDB dataset of a dbt-ol event by :func:`absolute_namespace` and
    :func:`file_dataset_name`: its inputs and outputs, the datasets their column lineage reads from, and their
    ``dataSource`` facets; how many changed.

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

    def rename_dataset(holder: Any) -> None:
        nonlocal changed
        rename(holder, "namespace")
        namespace, name = getattr(holder, "namespace", None), getattr(holder, "name", None)
        if isinstance(namespace, str) and isinstance(name, str) and (new := file_dataset_name(namespace, name)) != name:
            holder.name = new
            changed += 1

    for dataset in [*(getattr(event, "inputs", None) or ()), *(getattr(event, "outputs", None) or ())]:
        rename_dataset(dataset)
        facets = getattr(dataset, "facets", None) or {}
        lineage = facets.get("columnLineage")
        # The column lineage names its input datasets: the same node as the inputs, so the same name.
        for field in (getattr(lineage, "fields", None) or {}).values():
            for ref in getattr(field, "inputFields", None) or ():
                rename_dataset(ref)
        for ref in getattr(lineage, "dataset", None) or ():
            rename_dataset(ref)
        source = facets.get("dataSource")
        if source is not None:
            rename(source, "name")
            rename(source, "uri")
    return changed
