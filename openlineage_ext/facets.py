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
>>> pol = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
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
from openlineage.client.facet_v2 import (
    DatasetFacet,
    RunFacet,
    column_lineage_dataset,
    schema_dataset,
    tags_dataset,
)

if TYPE_CHECKING:
    from maskline.classify.result import Classification
    from maskline.plan import ColumnPlan, Plan
    from openlineage_ext.identity import Identity

PROJECT_URL = "https://github.com/maskline/maskline"
# Each facet's schema lives at <base><version>/<Class>.json, in the package under schemas/ and at the
# same path under the base URL. A released version never changes; a new shape gets a new version.
FACET_VERSIONS: dict[str, str] = {
    "MasklineMaskingDatasetFacet": "2-0-0",  # 2-0-0: keyCheck, which key masked (1-0-0 events still validate)
    "MasklineClassificationDatasetFacet": "1-0-0",
    "MasklineIdentityRunFacet": "2-0-0",  # 2-0-0: no triggeredBy, no owners (Airflow's own facets hold them)
}
FACET_VERSION = FACET_VERSIONS["MasklineMaskingDatasetFacet"]  # kept for callers of the single-version days
SCHEMAS_ROOT = Path(__file__).with_name("schemas")
SCHEMA_DIR = SCHEMAS_ROOT / FACET_VERSION
DEFAULT_SCHEMA_BASE_URL = "https://raw.githubusercontent.com/maskline/maskline/main/openlineage_ext/schemas/"
ENV_SCHEMA_BASE_URL = "MASKLINE_FACET_SCHEMA_BASE_URL"

MASKING = "maskline_masking"
CLASSIFICATION = "maskline_classification"
IDENTITY = "maskline_identity"
PII_TAG_KEY = "pii"
TAG_SOURCE = "MASKLINE"
MASKED_TAG = "MASKED"
# The type of a field whose type cannot be known. Never NULL: Marquez treats NULL types as distinct,
# adds a copy of the field on every event, and its column lineage then fails (its issues #2651, #3083).
UNKNOWN_TYPE = "UNKNOWN"
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


def schema_base_url(environ: Mapping[str, str] | None = None) -> str:
    """The one base URL every maskline ``_schemaURL`` starts with: ``MASKLINE_FACET_SCHEMA_BASE_URL``
    (read at call time: a mirror, an internal host), else the project's repository.

    >>> schema_base_url({"MASKLINE_FACET_SCHEMA_BASE_URL": "https://schemas.example.com/maskline"})
    'https://schemas.example.com/maskline/'
    """
    import os

    env = os.environ if environ is None else environ
    base = (env.get(ENV_SCHEMA_BASE_URL) or "").strip() or DEFAULT_SCHEMA_BASE_URL
    return base if base.endswith("/") else base + "/"


def schema_path(facet_class: str) -> str:
    """The path of a facet's schema, relative to the base URL and to the package's ``schemas/``.

    >>> schema_path("MasklineIdentityRunFacet")
    '2-0-0/MasklineIdentityRunFacet.json'
    """
    return f"{FACET_VERSIONS[facet_class]}/{facet_class}.json"


def schema_url(facet_class: str, environ: Mapping[str, str] | None = None) -> str:
    """The immutable, versioned ``_schemaURL`` of a maskline facet.

    >>> schema_url("MasklineIdentityRunFacet", {}).split("/schemas/")[1]
    '2-0-0/MasklineIdentityRunFacet.json#/$defs/MasklineIdentityRunFacet'
    """
    return f"{schema_base_url(environ)}{schema_path(facet_class)}#/$defs/{facet_class}"


def schema(facet_class: str) -> dict[str, Any]:
    """The JSON schema shipped in the package for a facet class (at :func:`schema_path` under ``schemas/``).

    >>> schema("MasklineMaskingDatasetFacet")["$id"].endswith("2-0-0/MasklineMaskingDatasetFacet.json")
    True
    """
    return json.loads((SCHEMAS_ROOT / schema_path(facet_class)).read_text(encoding="utf-8"))


def schema_for_url(url: str, environ: Mapping[str, str] | None = None) -> tuple[dict[str, Any], str] | None:
    """The shipped schema a ``_schemaURL`` under the base URL names, and its ``$defs`` entry; None otherwise.

    >>> schema_for_url(schema_url("MasklineIdentityRunFacet", {}), {})[1]
    'MasklineIdentityRunFacet'
    >>> schema_for_url("https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json", {}) is None
    True
    """
    base = schema_base_url(environ)
    if not url.startswith(base):
        return None
    path, _, fragment = url[len(base):].partition("#")
    file = (SCHEMAS_ROOT / path).resolve()
    if SCHEMAS_ROOT.resolve() not in file.parents or not file.is_file():
        return None
    return json.loads(file.read_text(encoding="utf-8")), fragment.rsplit("/", 1)[-1]


@attr.define
class MasklineMaskingDatasetFacet(DatasetFacet):
    """How each field of an output dataset was masked. See the JSON schema for field meanings."""

    policy: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    rowsMasked: int | None = attr.field(default=None)
    cellsMasked: int | None = attr.field(default=None)
    engine: str | None = attr.field(default=None)
    # Which key masked the keyed fields: a check value, never the key (key_check).
    keyCheck: dict[str, Any] | None = attr.field(default=None)

    @staticmethod
    def _get_schema() -> str:
        return schema_url("MasklineMaskingDatasetFacet")


@attr.define
class MasklineClassificationDatasetFacet(DatasetFacet):
    """What the classifier found in each field of an input dataset."""

    fields: dict[str, dict[str, Any]]
    sampledRows: int | None = attr.field(default=None)

    @staticmethod
    def _get_schema() -> str:
        return schema_url("MasklineClassificationDatasetFacet")


@attr.define
class MasklineIdentityRunFacet(RunFacet):
    """Who executed the run and on whose behalf an agent acted: what neither the standard ``ownership``
    facet nor Airflow's run facets (owners, ``run_as_user``, triggering user) record."""

    executedBy: dict[str, Any]
    principals: list[dict[str, Any]]
    naming: str = "name"
    onBehalfOf: dict[str, Any] | None = attr.field(default=None)

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
                  engine: str | None = None, key_check: Mapping[str, Any] | None = None,
                  ) -> MasklineMaskingDatasetFacet:
    """``maskline_masking`` for the output of ``plan``: every column's decision, never a value.

    ``rows`` are the rows masked, ``cells`` (by default ``rows`` times the number of masked columns) the cells.
    A plan that masks nothing (a read of ``unmask_for``) masked no row, whatever passed through it.
    ``key_check`` (from :func:`maskline.keys.key_check`) names the key the keyed fields were masked with; it is recorded only
    when a masked field reads a key, since tokens of no key need none.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> plan = build_plan(load_policy({"unclassified": "mask"}), "t", [("note", "text")])
    >>> masking_facet(plan).fields["note"]["rule"]
    'unclassified: mask (no scan)'
    >>> raw = build_plan(load_policy({"unclassified": "pass"}), "t", [("n", "int")])
    >>> masking_facet(raw, rows=3).rowsMasked, masking_facet(plan, rows=3).rowsMasked
    (0, 3)
    """
    if rows is not None and not plan.masked:
        rows, cells = 0, 0
    if cells is None and rows is not None:
        cells = rows * len(plan.masked)
    return MasklineMaskingDatasetFacet(
        policy={"source": plan.policy_source, "version": 1, "hash": plan.policy_hash},
        fields={c.name: _method_fields(c) for c in plan.columns},
        rowsMasked=rows, cellsMasked=cells, engine=engine,
        keyCheck=dict(key_check) if key_check is not None and plan.keyed else None, producer=producer(),
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


# Origins the facet records: the identities the standard ownership facet and Airflow's run facets lack.
IDENTITY_FACET_ORIGINS = ("db.login", "dbt.target_user", "os.user", "agent", "agent.on_behalf_of", "environment")


def identity_facet(identity: Identity) -> MasklineIdentityRunFacet:
    """``maskline_identity`` from a resolved :class:`~openlineage_ext.identity.Identity`: the executing
    database login, the OS user, the agent and the person it acted for. Owners, ``run_as_user`` and the
    triggering user are left to ``ownership`` and Airflow's run facets, which already hold them.

    >>> from openlineage_ext.identity import Principal, resolve_identity
    >>> f = identity_facet(resolve_identity([Principal("user", "alice", "airflow.triggering_user"),
    ...                                      Principal("service", "etl", "db.login")], naming="name"))
    >>> f.executedBy["name"], [p["origin"] for p in f.principals]
    ('etl', ['db.login'])
    """
    body = identity.as_dict()
    principals = [p for p in body["principals"] if p["origin"] in IDENTITY_FACET_ORIGINS]
    executed = body["executedBy"]
    if executed["origin"] not in IDENTITY_FACET_ORIGINS:
        # Known only from Airflow's own facets (run_as_user): name the OS account the task actually ran as.
        executed = next((p for p in principals if p["origin"] == "os.user"), executed)
    return MasklineIdentityRunFacet(executedBy=executed, principals=principals, naming=body["naming"],
                                    onBehalfOf=body["onBehalfOf"], producer=producer())


def masked_description(col: ColumnPlan, source: str | None) -> str:
    """What a person reads on a masked field in Marquez's UI: the method and the source column.

    >>> from maskline.plan import ColumnPlan
    >>> from maskline.methods.registry import method_spec
    >>> masked_description(ColumnPlan("email", "EMAIL", "identifier", method_spec("hmac", {"length": 16}), "r"),
    ...                    "raw.customers.email")
    'masked: hmac(length=16) of raw.customers.email'
    """
    assert col.method is not None
    return f"masked: {col.method.describe()} of {source}" if source else f"masked: {col.method.describe()}"


def schema_facet(fields: Iterable[tuple[str, str | None, str | None]]) -> schema_dataset.SchemaDatasetFacet:
    """The standard ``schema`` facet: ``(name, type, description)`` per field, never a NULL type.

    Marquez creates a dataset's fields only from this facet, once per (name, type). A type is shown as
    :func:`maskline.shown_types.shown_type` shows it: an engine's type can spell values (DuckDB's ``ENUM('Ada
    Lovelace', ...)``), and lineage keeps its name and numeric parameters only.

    >>> [(f.name, f.type) for f in schema_facet([("id", "integer", None), ("note", None, None)]).fields]
    [('id', 'integer'), ('note', 'UNKNOWN')]
    >>> schema_facet([("name", "ENUM('Ada Lovelace', 'Grace Hopper')", None)]).fields[0].type
    'ENUM(...)'
    """
    from maskline.shown_types import shown_type

    return schema_dataset.SchemaDatasetFacet(
        fields=[schema_dataset.SchemaDatasetFacetFields(name=name, type=(shown_type(type_) or UNKNOWN_TYPE),
                                                        description=desc)
                for name, type_, desc in fields],
        producer=producer())


def input_schema_facet(plan: Plan) -> schema_dataset.SchemaDatasetFacet:
    """``schema`` of a plan's input: every column with the type it was read with.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> [f.type for f in input_schema_facet(build_plan(load_policy({}), "c", [("id", "integer")])).fields]
    ['integer']
    """
    return schema_facet((c.name, c.source_type, None) for c in plan.columns)


def output_schema_facet(plan: Plan, sources: Mapping[str, str | None],
                        output_fields: Iterable[tuple[str, str | None]] | None = None,
                        ) -> schema_dataset.SchemaDatasetFacet:
    """``schema`` of a masked output: the written columns and types (``output_fields``, read back from
    the target), else the plan's columns with their input types; each masked field described by
    :func:`masked_description`, ``sources`` naming its source column.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> f = output_schema_facet(build_plan(pol, "c", [("id", "int"), ("email", "text")]), {"email": "raw.c.email"})
    >>> [(x.name, x.type, x.description) for x in f.fields]
    [('id', 'int', None), ('email', 'text', 'masked: email of raw.c.email')]
    """
    by_name = {c.name.lower(): c for c in plan.columns}
    written = list(output_fields) if output_fields else [(c.name, c.source_type) for c in plan.columns]
    rows: list[tuple[str, str | None, str | None]] = []
    for name, type_ in written:
        col = by_name.get(name.lower())
        desc = masked_description(col, sources.get(col.name)) if col is not None and col.masked else None
        rows.append((name, type_, desc))
    return schema_facet(rows)


def masked_transformation(col: ColumnPlan, subtype: str = "TRANSFORMATION") -> column_lineage_dataset.Transformation:
    """The standard transformation entry of a masked column: ``masking: true``, described by its method.

    ``subtype`` is what the query did to the value before it was masked (``AGGREGATION`` for
    ``min(email)``); masking itself changes the value, so a bare column counts as ``TRANSFORMATION``.

    >>> from maskline.plan import ColumnPlan
    >>> from maskline.methods.registry import method_spec
    >>> t = masked_transformation(ColumnPlan("ssn", "US_SSN", "identifier", method_spec("partial", {"keep_last": 4}), "r"))
    >>> t.masking, t.subtype, t.description
    (True, 'TRANSFORMATION', 'masked with partial(keep_last=4): keep the first/last N characters and mask the rest (US_SSN)')
    """
    from maskline.methods.registry import METHODS

    assert col.method is not None
    what = f" ({col.info_type})" if col.info_type else ""
    return column_lineage_dataset.Transformation(
        type="DIRECT", subtype="TRANSFORMATION" if subtype == "IDENTITY" else subtype, masking=True,
        description=f"masked with {col.method.describe()}: {METHODS[col.method.name].summary_of(col.method.params)}{what}",
    )


# (namespace, dataset, field) of an input field, optionally with the DIRECT subtype the query applied
# (IDENTITY, TRANSFORMATION, AGGREGATION); without it the field passes as is (IDENTITY) or is masked.
SourceField = tuple[str, str, str] | tuple[str, str, str, str]
# (namespace, dataset, field, INDIRECT subtype: FILTER, JOIN, GROUP_BY, SORT, WINDOW, CONDITIONAL)
IndirectField = tuple[str, str, str, str]
_SUBTYPE_RANK = {"IDENTITY": 0, "TRANSFORMATION": 1, "AGGREGATION": 2}


def strongest_subtype(subtypes: Iterable[str]) -> str:
    """The strongest DIRECT subtype of an output column's inputs (IDENTITY < TRANSFORMATION < AGGREGATION); an
    unknown one counts as TRANSFORMATION.

    >>> strongest_subtype(["IDENTITY", "AGGREGATION", "TRANSFORMATION"]), strongest_subtype([])
    ('AGGREGATION', 'IDENTITY')
    """
    return max(subtypes, key=lambda s: _SUBTYPE_RANK.get(s, 1), default="IDENTITY")


def column_lineage_facet(plan: Plan, input_namespace: str, input_name: str,
                         sources: Mapping[str, Iterable[SourceField]] | None = None,
                         indirect: Iterable[IndirectField] = (),
                         ) -> column_lineage_dataset.ColumnLineageDatasetFacet:
    """``columnLineage`` for the output of ``plan``, after the OpenLineage column-lineage spec.

    By default every output column comes from the same-named column of the input
    (what masking a table does); ``sources`` overrides that per output column
    (what a query's lineage knows). An output with no input column (``count(*)``,
    a literal) has no entry. Each input field carries a ``DIRECT`` transformation
    with ``masking`` set; the field-level ``transformationType`` (what Marquez
    reads) is ``MASKED`` for masked fields, else the strongest subtype.
    ``indirect`` fields (filters, joins, ...) go in the facet's ``dataset`` list.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> f = column_lineage_facet(build_plan(pol, "c", [("id", "int"), ("email", "text")]), "duckdb://x", "raw.c")
    >>> f.fields["email"].transformationType, f.fields["id"].transformationType
    ('MASKED', 'IDENTITY')
    >>> f.fields["email"].inputFields[0].transformations[0].masking
    True
    """
    fields: dict[str, column_lineage_dataset.Fields] = {}
    for col in plan.columns:
        refs = list(sources.get(col.name, ())) if sources is not None else [(input_namespace, input_name, col.name)]
        if not refs:
            continue
        inputs: list[column_lineage_dataset.InputField] = []
        strongest = "IDENTITY"
        for ref in refs:
            ns, name, fld = ref[0], ref[1], ref[2]
            subtype = ref[3] if len(ref) > 3 else "IDENTITY"  # type: ignore[misc]
            strongest = strongest_subtype((strongest, subtype))
            transformation = (masked_transformation(col, subtype) if col.masked
                              else column_lineage_dataset.Transformation(type="DIRECT", subtype=subtype,
                                                                         masking=False))
            inputs.append(column_lineage_dataset.InputField(namespace=ns, name=name, field=fld,
                                                            transformations=[transformation]))
        if col.masked:
            kind, text = "MASKED", inputs[0].transformations[0].description  # type: ignore[index]
        else:
            kind, text = strongest, "passed unmasked: " + col.rule
        fields[col.name] = column_lineage_dataset.Fields(inputFields=inputs, transformationType=kind,
                                                         transformationDescription=text)
    dataset = [column_lineage_dataset.InputField(
        namespace=ns, name=name, field=fld,
        transformations=[column_lineage_dataset.Transformation(type="INDIRECT", subtype=subtype, masking=False)])
        for ns, name, fld, subtype in indirect]
    return column_lineage_dataset.ColumnLineageDatasetFacet(fields=fields, dataset=dataset, producer=producer())


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
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> [t.value for t in plan_tags(build_plan(pol, "c", [("email", "text")])).tags]
    ['EMAIL']
    """
    return tags_facet((c.name, c.info_type) for c in plan.columns)


def output_dataset_facets(plan: Plan, input_namespace: str, input_name: str, *, rows: int | None = None,
                          engine: str | None = None, output_fields: Iterable[tuple[str, str | None]] | None = None,
                          sources: Mapping[str, Iterable[SourceField]] | None = None,
                          indirect: Iterable[IndirectField] = (),
                          key_check: Mapping[str, Any] | None = None) -> dict[str, DatasetFacet]:
    """Every facet maskline puts on a masked output, standard ones first: a typed ``schema`` (the written
    columns, ``output_fields``, else the plan's), ``columnLineage``, ``tags`` and ``maskline_masking`` (with
    ``key_check``, the key's check value).

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> plan = build_plan(load_policy({}), "c", [("id", "int")])
    >>> list(output_dataset_facets(plan, "ns", "raw.c"))
    ['schema', 'columnLineage', 'tags', 'maskline_masking']
    """
    if sources is None:
        described: dict[str, str | None] = {c.name: f"{input_name}.{c.name}" for c in plan.columns}
    else:
        described = {name: ", ".join(f"{r[1]}.{r[2]}" for r in refs) or None
                     for name, refs in ((n, list(r)) for n, r in sources.items())}
    return {
        "schema": output_schema_facet(plan, described, output_fields),
        "columnLineage": column_lineage_facet(plan, input_namespace, input_name, sources, indirect),
        "tags": plan_tags(plan),
        MASKING: masking_facet(plan, rows=rows, engine=engine, key_check=key_check),
    }


def input_dataset_facets(plan: Plan, classification: Classification | None = None) -> dict[str, DatasetFacet]:
    """Facets for the raw input: a typed ``schema``, ``tags`` for sensitive fields and, if classified,
    ``maskline_classification``.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> list(input_dataset_facets(build_plan(load_policy({}), "c", [("id", "int")])))
    ['schema', 'tags']
    """
    facets: dict[str, DatasetFacet] = {"schema": input_schema_facet(plan), "tags": plan_tags(plan)}
    if classification is not None:
        facets[CLASSIFICATION] = classification_facet(classification)
    return facets
