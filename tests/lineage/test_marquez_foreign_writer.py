"""A table maskline masked, then written by a job that is not maskline's: does Marquez still say ``MASKED``?

Marquez's dataset page shows a field's tags from the field, whichever version they were posted on, so a plain
write (another job's OpenLineage event, a dbt model without maskline) of a table whose fields maskline tagged
``MASKED`` left the tag on raw data. The story: maskline's masking run (START, COMPLETE, through maskline's
transport with the tag sync on), then another job's plain START and COMPLETE (a ``schema`` facet, nothing of
masking), sent either through maskline's transport or straight to Marquez. Checked on the real server when
``MARQUEZ_URL`` is set or scripts/marquez.sh can start it (tests/lineage/conftest.py), and the strict double
(tests/lineage/marquez_double.py) must tell the same story.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
import uuid
from typing import Any

import pytest
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import schema_dataset
from openlineage.client.transport import get_default_factory

from maskline.plan import build_plan
from maskline.policy import load_policy
from openlineage_ext.facets import output_dataset_facets
from openlineage_ext.marquez_tags import TagSync
from openlineage_ext.transformer import transport_config

COLUMNS = [("id", "int"), ("email", "text"), ("phone", "text")]


def _page(base: str, namespace: str, name: str) -> dict[str, list[str]]:
    path = f"/api/v1/namespaces/{urllib.parse.quote(namespace, safe='')}/datasets/{urllib.parse.quote(name, safe='')}"
    with urllib.request.urlopen(base + path, timeout=15) as resp:
        return {f["name"]: sorted(f["tags"]) for f in json.loads(resp.read().decode("utf-8"))["fields"]}


def _story(base: str, namespace: str, plain_through_maskline: bool) -> list[dict[str, list[str]]]:
    """The dataset page after maskline's masking run, and after another job's plain write of the same table."""
    name = "crm.public.customers_masked"
    policy = load_policy({"datasets": {"customers": {"columns": {
        "id": {"pass": True}, "email": {"info_type": "EMAIL"}, "phone": {"info_type": "PHONE"}}}}})
    masked = OutputDataset(namespace, name, facets=output_dataset_facets(
        build_plan(policy, "customers", COLUMNS), namespace, "crm.public.customers"))
    plain = OutputDataset(namespace, name, facets={"schema": schema_dataset.SchemaDatasetFacet(fields=[
        schema_dataset.SchemaDatasetFacetFields(name=n, type=t) for n, t in COLUMNS])})
    maskline = OpenLineageClient(transport=get_default_factory().create(transport_config(
        {"type": "http", "url": base}, marquez_tag_sync=True, marquez_url=base)))
    straight = OpenLineageClient(transport=get_default_factory().create({"type": "http", "url": base}))

    def run(client: OpenLineageClient, job: str, out: OutputDataset) -> None:
        r = Run(runId=str(uuid.uuid4()))
        for kind in (RunState.START, RunState.COMPLETE):
            client.emit(RunEvent(eventType=kind, eventTime="2026-12-07T05:00:00Z", run=r,
                                 job=Job(namespace="crm", name=job), inputs=[], outputs=[out],
                                 producer="https://example.com/p"))
        TagSync.for_url(base).flush()

    run(maskline, "mask", masked)
    story = [_page(base, namespace, name)]
    run(maskline if plain_through_maskline else straight, "plain_copy", plain)
    return story + [_page(base, namespace, name)]


MASKED_PAGE = {"id": [], "email": ["EMAIL", "MASKED", "PII"], "phone": ["MASKED", "PHONE", "PII"]}


def test_a_plain_write_through_maskline_takes_masked_off_the_page(marquez_double_url: str) -> None:
    """The plain write's COMPLETE says nothing of masking: MASKED goes from every field it wrote (the info types
    stay true, a raw e-mail column is still an e-mail column)."""
    assert _story(marquez_double_url, "postgres://db:5432", True) == [MASKED_PAGE, {
        "id": [], "email": ["EMAIL", "PII"], "phone": ["PHONE", "PII"]}]


@pytest.mark.marquez
@pytest.mark.xdist_group("lineage")
@pytest.mark.parametrize("through_maskline", [True, False], ids=["through-maskline", "straight-to-marquez"])
def test_a_plain_writer_and_masked_in_the_real_marquez(marquez_url: str, through_maskline: bool) -> None:
    """The real server, and the double told the same story. Straight to Marquez (a writer whose events never pass
    maskline's transformer) the page keeps MASKED on raw data: the limit openlineage_ext/README.md documents."""
    from tests.lineage.marquez_double import serve_marquez_double

    real = _story(marquez_url, f"postgres://foreign-{uuid.uuid4().hex[:8]}:5432", through_maskline)
    with serve_marquez_double() as (double_url, _):
        double = _story(double_url, f"postgres://foreign-{uuid.uuid4().hex[:8]}:5432", through_maskline)
    assert double == real
    after = {"id": [], "email": ["EMAIL", "PII"], "phone": ["PHONE", "PII"]} if through_maskline else MASKED_PAGE
    assert real == [MASKED_PAGE, after]


@pytest.fixture()
def marquez_double_url() -> Any:
    from tests.lineage.marquez_double import serve_marquez_double

    with serve_marquez_double() as (url, _):
        yield url
