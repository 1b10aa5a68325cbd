"""Lineage of one maskline operator run, in the shape Airflow's OpenLineage provider wants.

The Airflow face calls :func:`lineage_for_plan` from
``get_openlineage_facets_on_complete``. Airflow and OpenLineage are imported
inside the function, so importing this module costs nothing at DAG parse time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maskline.classify.result import Classification
    from maskline.plan import Plan
    from openlineage_ext.facets import IndirectField, SourceField
    from openlineage_ext.identity import Identity


def lineage_for_plan(plan: Plan, *, input_namespace: str, input_name: str, output_namespace: str,
                     output_name: str, classification: Classification | None = None, rows: int | None = None,
                     identity: Identity | None = None, engine: str | None = None,
                     output_fields: Iterable[tuple[str, str | None]] | None = None,
                     sources: Mapping[str, Iterable[SourceField]] | None = None,
                     indirect: Iterable[IndirectField] = (),
                     inputs: Iterable[tuple[str, str, Plan]] | None = None,
                     key_check: Mapping[str, Any] | None = None) -> Any:
    """An ``OperatorLineage``: the raw input (typed schema, tags, classification), the masked output
    (typed schema with masked fields described, column lineage with ``MASKED``, tags,
    ``maskline_masking``) and, if given, ``maskline_identity``.

    ``output_fields`` are the written columns and types; ``sources``/``indirect`` the column lineage of
    a query; ``inputs`` its input datasets, ``(namespace, name, plan of that table)`` (default: the one
    input, described by ``plan``); ``key_check`` names the key the output's keyed fields were masked with
    (:func:`maskline.keys.key_check`).

    Every task already gets ``maskline_identity`` through ``[openlineage] custom_run_facets``;
    pass ``identity`` only to override it.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> plan = build_plan(pol, "customers", [("id", "integer"), ("email", "varchar")])
    >>> lin = lineage_for_plan(plan, input_namespace="duckdb://demo", input_name="main.customers",
    ...                        output_namespace="duckdb://demo", output_name="main.customers_masked", rows=10)
    >>> lin.outputs[0].facets["columnLineage"].fields["email"].transformationType
    'MASKED'
    >>> lin.outputs[0].facets["maskline_masking"].cellsMasked
    10
    """
    from airflow.providers.openlineage.extractors import OperatorLineage
    from openlineage.client.event_v2 import InputDataset, OutputDataset

    from openlineage_ext.facets import IDENTITY, identity_facet, input_dataset_facets, output_dataset_facets

    run_facets: dict[str, Any] = {IDENTITY: identity_facet(identity)} if identity is not None else {}
    input_datasets = ([InputDataset(namespace=ns, name=name, facets=input_dataset_facets(p)) for ns, name, p in inputs]
                      if inputs is not None else
                      [InputDataset(namespace=input_namespace, name=input_name,
                                    facets=input_dataset_facets(plan, classification))])
    return OperatorLineage(
        inputs=input_datasets,
        outputs=[OutputDataset(namespace=output_namespace, name=output_name,
                               facets=output_dataset_facets(plan, input_namespace, input_name, rows=rows,
                                                            engine=engine, output_fields=output_fields,
                                                            sources=sources, indirect=indirect,
                                                            key_check=key_check))],
        run_facets=run_facets,
    )
