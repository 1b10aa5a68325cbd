"""maskline's OpenLineage facets, and builders that fill them (and the standard ones) from a plan.

Standard facets come first: ``columnLineage`` (with ``transformations[].masking``
and the older field-level ``transformationType: MASKED``, which Marquez reads)
and ``tags`` (key ``pii``, value the info type, per field). The custom facets,
each with a JSON schema in ``openlineage_ext/schemas/<version>/``:

- ``maskline_masking`` (output dataset): per field, info type, method, category
  and policy rule; the policy's source, version and hash; rows and cells masked.
- ``maskline_classification`` (input dataset): per field, info type, confidence, category.
- ``maskline_identity`` (run): who executed, who triggered, on whose behalf.

No facet ever holds a data value. Field names avoid the words Airflow's
redactor blanks (token, secret, key, password...), so the facets survive it.

>>> from maskline.policy import load_policy
>>> from maskline.plan import build_plan
>>> pol = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> plan = build_plan(pol, "customers", [("id", "integer"), ("email", "varchar")])
>>> facet = masking_facet(plan, rows=3)
>>> facet.fields["email"]["method"], facet.cellsMasked
('email', 3)
>>> facet._schemaURL.endswith("MasklineMaskingDatasetFacet.json#/$defs/MasklineMaskingDatasetFacet")
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attr
from openlineage.client.facet_v2 import DatasetFacet, RunFacet, column_lineage_dataset, tags_dataset

if TYPE_CHECKING:
    from maskline.classify.result import Classification
    from maskline.plan import ColumnPlan, Plan
    from openlineage_ext.identity import Identity

FACET_VERSION = "1-0-0"
PROJECT_URL = "https://github.com/maskline/maskline"
SCHEMA_DIR = Path(__file__).with_name("schemas") / FACET_VERSION
SCHEMA_BASE = f"https://raw.githubusercontent.com/maskline/maskline/main/openlineage_ext/schemas/{FACET_VERSION}/"

MASKING = "maskline_masking"
CLASSIFICATION = "maskline_classification"
IDENTITY = "maskline_identity"
PII_TAG_KEY = "pii"
TAG_SOURCE = "MASKLINE"
MASKED_TAG = "MASKED"
# Marquez knows two field tags (configured by scripts/marquez.sh); categories map onto them.
MARQUEZ_TAG_BY_CATEGORY = {"identifier": "PII", "quasi-identifier": "PII", "sensitive": "SENSITIVE",
                           "secret": "SENSITIVE"}


@cache
def producer() -> str:
    """The ``_producer`` of every maskline facet: the project at this version.

    >>> producer().startswith("https://github.com/maskline/maskline/tree/")
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("maskline")
    except PackageNotFoundError:  # running from a checkout that was never installed
        v = "main"
    return f"{PROJECT_URL}/tree/{v}/openlineage_ext"


def schema_url(facet_class: str) -> str:
    """The immutable, versioned ``_schemaURL`` of a maskline facet.

    >>> schema_url("MasklineIdentityRunFacet").split("/schemas/")[1]
    '1-0-0/MasklineIdentityRunFacet.json#/$defs/MasklineIdentityRunFacet'
    """
    return f"{SCHEMA_BASE}{facet_class}.json#/$defs/{facet_class}"


def schema(facet_class: str) -> dict[str, Any]:
    """The JSON schema shipped in the repo for a facet class.

    >>> schema("MasklineMaskingDatasetFacet")["$id"].endswith("1-0-0/MasklineMaskingDatasetFacet.json")
    True
    """
    return json.loads((SCHEMA_DIR / f"{facet_class}.json").read_text(encoding="utf-8"))


@attr.define
class MasklineMaskingDatasetFacet(DatasetFacet):
    """How each field of an output dataset was masked. See the JSON schema for field meanings."""

    policy: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    rowsMasked: int | None = attr.field(default=None)  # noqa: N815
    cellsMasked: int | None = attr.field(default=None)  # noqa: N815
    engine: str | None = attr.field(default=None)

    @staticmethod
    def _get_schema() -> str:
        return schema_url("MasklineMaskingDatasetFacet")


@attr.define
class MasklineClassificationDatasetFacet(DatasetFacet):
    """What the classifier found in each field of an input dataset."""

    fields: dict[str, dict[str, Any]]
    sampledRows: int | None = attr.field(default=None)  # noqa: N815

    @staticmethod
    def _get_schema() -> str:
        return schema_url("MasklineClassificationDatasetFacet")


@attr.define
class MasklineIdentityRunFacet(RunFacet):
    """Who executed the run, who triggered it, and on whose behalf an agent acted."""

    executedBy: dict[str, Any]  # noqa: N815
    principals: list[dict[str, Any]]
    naming: str = "name"
    triggeredBy: dict[str, Any] | None = attr.field(default=None)  # noqa: N815
    onBehalfOf: dict[str, Any] | None = attr.field(default=None)  # noqa: N815

    @staticmethod
    def _get_schema() -> str:
        return schema_url("MasklineIdentityRunFacet")


def _method_fields(col: ColumnPlan) -> dict[str, Any]:
    from maskline.methods.registry import METHODS

    method = col.method
    return {
        "masked": method is not None,
        "infoType": col.info_type,
        "category": col.category,
        "method": method.name if method else None,
        "methodDescription": method.describe() if method else None,
        "keyed": bool(method and METHODS[method.name].keyed),
        "rule": col.rule,
        "confidence": round(col.confidence, 4) if col.confidence is not None else None,
    }


def masking_facet(plan: Plan, *, rows: int | None = None, cells: int | None = None,
                  engine: str | None = None) -> MasklineMaskingDatasetFacet:
    """``maskline_masking`` for the output of ``plan``: every column's decision, never a value.

    ``cells`` defaults to ``rows`` times the number of masked columns.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> plan = build_plan(load_policy({"unclassified": "mask"}), "t", [("note", "text")])
    >>> masking_facet(plan).fields["note"]["rule"]
    'unclassified: mask'
    """
    if cells is None and rows is not None:
        cells = rows * len(plan.masked)
    return MasklineMaskingDatasetFacet(
        policy={"source": plan.policy_source, "version": 1, "hash": plan.policy_hash},
        fields={c.name: _method_fields(c) for c in plan.columns},
        rowsMasked=rows, cellsMasked=cells, engine=engine, producer=producer(),
    )


def classification_facet(classification: Classification) -> MasklineClassificationDatasetFacet:
    """``maskline_classification`` for an input dataset.

    >>> from maskline.classify.result import Classification, ColumnClassification
    >>> c = Classification((ColumnClassification("email", "EMAIL", 0.97, "identifier", ("name",)),), sampled_rows=50)
    >>> classification_facet(c).fields["email"]["confidence"]
    0.97
    """
    return MasklineClassificationDatasetFacet(
        fields={
            c.name: {"infoType": c.info_type, "confidence": round(float(c.confidence), 4), "category": c.category,
                     "evidence": [str(e) for e in c.evidence]}
            for c in classification.columns
        },
        sampledRows=classification.sampled_rows or None,
        producer=producer(),
    )


def identity_facet(identity: Identity) -> MasklineIdentityRunFacet:
    """``maskline_identity`` from a resolved :class:`~openlineage_ext.identity.Identity`.

    >>> from openlineage_ext.identity import Principal, resolve_identity
    >>> f = identity_facet(resolve_identity([Principal("user", "alice", "airflow.triggering_user")], naming="name"))
    >>> f.executedBy["name"], f.triggeredBy["origin"]
    ('alice', 'airflow.triggering_user')
    """
    body = identity.as_dict()
    return MasklineIdentityRunFacet(
        executedBy=body["executedBy"], principals=body["principals"], naming=body["naming"],
        triggeredBy=body["triggeredBy"], onBehalfOf=body["onBehalfOf"], producer=producer(),
    )


def masked_transformation(col: ColumnPlan) -> column_lineage_dataset.Transformation:
    """The standard transformation entry of a masked column: ``masking: true``, described by its method.

    >>> from maskline.plan import ColumnPlan
    >>> from maskline.methods.registry import method_spec
    >>> t = masked_transformation(ColumnPlan("ssn", "US_SSN", "identifier", method_spec("partial", {"keep_last": 4}), "r"))
    >>> t.masking, t.description
    (True, 'masked with partial(keep_last=4): keep the first/last N characters and mask the rest (US_SSN)')
    """
    from maskline.methods.registry import METHODS

    assert col.method is not None
    what = f" ({col.info_type})" if col.info_type else ""
    return column_lineage_dataset.Transformation(
        type="DIRECT", subtype="TRANSFORMATION", masking=True,
        description=f"masked with {col.method.describe()}: {METHODS[col.method.name].summary}{what}",
    )


def column_lineage_facet(plan: Plan, input_namespace: str, input_name: str,
                         sources: Mapping[str, Iterable[tuple[str, str, str]]] | None = None,
                         ) -> column_lineage_dataset.ColumnLineageDatasetFacet:
    """``columnLineage`` for the output of ``plan``: each output field from its input field(s).

    By default every output column comes from the same-named column of the input
    (what masking a table does); ``sources`` overrides that per output column with
    ``(namespace, name, field)`` triples (what a query rewrite or dbt lineage knows).

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> f = column_lineage_facet(build_plan(pol, "c", [("id", "int"), ("email", "text")]), "duckdb://x", "raw.c")
    >>> f.fields["email"].transformationType, f.fields["id"].transformationType
    ('MASKED', 'IDENTITY')
    >>> f.fields["email"].inputFields[0].transformations[0].masking
    True
    """
    fields: dict[str, column_lineage_dataset.Fields] = {}
    for col in plan.columns:
        triples = list(sources.get(col.name, ())) if sources else [(input_namespace, input_name, col.name)]
        if not triples:
            continue
        if col.masked:
            transformation = masked_transformation(col)
            kind, text = "MASKED", transformation.description
        else:
            transformation = column_lineage_dataset.Transformation(type="DIRECT", subtype="IDENTITY", masking=False)
            kind, text = "IDENTITY", "passed unmasked: " + col.rule
        fields[col.name] = column_lineage_dataset.Fields(
            inputFields=[column_lineage_dataset.InputField(namespace=ns, name=name, field=fld,
                                                           transformations=[transformation])
                         for ns, name, fld in triples],
            transformationType=kind, transformationDescription=text,
        )
    return column_lineage_dataset.ColumnLineageDatasetFacet(fields=fields, producer=producer())


def pii_tags(columns: Iterable[tuple[str, str | None]]) -> list[tags_dataset.TagsDatasetFacetFields]:
    """Field-level tags ``pii=<INFO_TYPE>`` for columns with an info type.

    >>> [(t.field, t.value) for t in pii_tags([("email", "EMAIL"), ("id", None)])]
    [('email', 'EMAIL')]
    """
    return [tags_dataset.TagsDatasetFacetFields(key=PII_TAG_KEY, value=it, source=TAG_SOURCE, field=name)
            for name, it in columns if it]


def tags_facet(columns: Iterable[tuple[str, str | None]],
               existing: tags_dataset.TagsDatasetFacet | None = None) -> tags_dataset.TagsDatasetFacet:
    """The standard ``tags`` dataset facet with a ``pii`` tag per sensitive field, kept beside existing tags.

    >>> len(tags_facet([("ssn", "US_SSN")]).tags)
    1
    """
    kept = [t for t in (existing.tags or []) if not (t.key == PII_TAG_KEY and t.source == TAG_SOURCE)] \
        if existing else []
    return tags_dataset.TagsDatasetFacet(tags=kept + pii_tags(columns), producer=producer())


def plan_tags(plan: Plan) -> tags_dataset.TagsDatasetFacet:
    """``tags`` for every column of a plan that has an info type.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> [t.value for t in plan_tags(build_plan(pol, "c", [("email", "text")])).tags]
    ['EMAIL']
    """
    return tags_facet((c.name, c.info_type) for c in plan.columns)


def output_dataset_facets(plan: Plan, input_namespace: str, input_name: str, *, rows: int | None = None,
                          engine: str | None = None) -> dict[str, DatasetFacet]:
    """Every facet maskline puts on a masked output, standard ones first.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> plan = build_plan(load_policy({}), "c", [("id", "int")])
    >>> list(output_dataset_facets(plan, "ns", "raw.c"))
    ['columnLineage', 'tags', 'maskline_masking']
    """
    return {
        "columnLineage": column_lineage_facet(plan, input_namespace, input_name),
        "tags": plan_tags(plan),
        MASKING: masking_facet(plan, rows=rows, engine=engine),
    }


def input_dataset_facets(plan: Plan, classification: Classification | None = None) -> dict[str, DatasetFacet]:
    """Facets for the raw input: ``tags`` for sensitive fields and, if classified, ``maskline_classification``.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> list(input_dataset_facets(build_plan(load_policy({}), "c", [("id", "int")])))
    ['tags']
    """
    facets: dict[str, DatasetFacet] = {"tags": plan_tags(plan)}
    if classification is not None:
        facets[CLASSIFICATION] = classification_facet(classification)
    return facets
