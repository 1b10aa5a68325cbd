"""The optional Marquez field-tag sync, and the HTTP path, against a recording HTTP server.

The server is a strict TEST DOUBLE of the Marquez endpoints involved (``POST /api/v1/lineage``,
``PUT /api/v1/tags/{tag}`` and the field-tag POST), refusing what the real server refuses, so the
tests run where Marquez does not; test_marquez_e2e.py checks the same against the real one.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.transport import get_default_factory

from maskline.plan import build_plan
from maskline.policy import load_policy
from openlineage_ext.facets import input_dataset_facets, output_dataset_facets
from openlineage_ext.marquez_tags import TagSync
from openlineage_ext.transformer import transport_config
from tests.lineage.marquez_double import StrictMarquezDouble, serve_marquez_double


@pytest.fixture()
def marquez_double() -> Iterator[str]:
    with serve_marquez_double() as (url, _):
        yield url


def test_tags_are_set_on_marquez_fields_after_the_event_lands(marquez_double: str) -> None:
    policy = load_policy({"datasets": {"customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"},
                                                                 "password_hash": {"info_type": "PASSWORD"}}}}})
    plan = build_plan(policy, "customers", [("id", "int"), ("email", "text"), ("password_hash", "text")])
    event = RunEvent(
        eventType=RunState.COMPLETE, eventTime="2026-11-23T12:00:00Z",
        run=Run(runId="0190a4c2-1234-7000-8000-000000000003"), job=Job(namespace="crm", name="mask"),
        inputs=[InputDataset("postgres://db:5432", "crm.public.customers", facets=input_dataset_facets(plan))],
        outputs=[OutputDataset("postgres://db:5432", "crm.public.customers_masked",
                               facets=output_dataset_facets(plan, "postgres://db:5432", "crm.public.customers"))],
        producer="https://example.com/p",
    )
    config = transport_config({"type": "http", "url": marquez_double}, marquez_tag_sync=True,
                              marquez_url=marquez_double)
    OpenLineageClient(transport=get_default_factory().create(config)).emit(event)
    TagSync.for_url(marquez_double).flush()

    assert len(StrictMarquezDouble.lineage) == 1
    applied = sorted(p for p, status in StrictMarquezDouble.tag_posts if status == 200)
    ns = "postgres%3A%2F%2Fdb%3A5432"
    expected = [(ds, field, tag) for ds in ("crm.public.customers", "crm.public.customers_masked")
                for field, tags in (("email", ("EMAIL", "PII")), ("password_hash", ("PASSWORD", "SENSITIVE")))
                for tag in tags]
    expected += [("crm.public.customers_masked", field, "MASKED") for field in ("email", "password_hash")]
    assert applied == sorted(f"/api/v1/namespaces/{ns}/datasets/{ds}/fields/{field}/tags/{tag}"
                             for ds, field, tag in expected)
    assert StrictMarquezDouble.tags == {"EMAIL", "PII", "PASSWORD", "SENSITIVE", "MASKED"}
    assert StrictMarquezDouble.implicit_tags == set()  # each tag created first, with its description
    assert TagSync.for_url(marquez_double).failed == []


def test_the_double_refuses_a_form_content_type_like_marquez(marquez_double: str) -> None:
    url = marquez_double + "/api/v1/namespaces/ns/datasets/t/fields/f/tags/PII"
    request = urllib.request.Request(url, data=b"", method="POST")  # urllib adds a form content type
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 415


def test_without_the_flag_no_tag_is_posted(marquez_double: str) -> None:
    event = RunEvent(eventType=RunState.START, eventTime="2026-11-23T12:00:00Z",
                     run=Run(runId="0190a4c2-1234-7000-8000-000000000004"), job=Job(namespace="crm", name="j"),
                     producer="https://example.com/p")
    OpenLineageClient(transport=get_default_factory().create(
        transport_config({"type": "http", "url": marquez_double}))).emit(event)
    assert len(StrictMarquezDouble.lineage) == 1 and StrictMarquezDouble.tag_posts == []


def test_tags_land_on_the_version_the_masking_run_wrote(marquez_double: str) -> None:
    """dbt-ol sends every model's START before any COMPLETE, so a downstream model's START reads the masked table
    before its writer completed: Marquez makes that read a version of its own and current, and a field tag goes
    into whichever version is current when it is posted. The tags must show on the version the masking run
    wrote (Marquez's version history), so they wait for that version to be current; Marquez here is busy (each
    event takes a moment to store), as a real one is, so posting at once would miss it."""
    policy = load_policy({"datasets": {"customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"},
                                                                 "password_hash": {"info_type": "PASSWORD"}}}}})
    plan = build_plan(policy, "customers", [("id", "int"), ("email", "text"), ("password_hash", "text")])
    ns, masked = "postgres://db:5432", "crm.public.customers_masked"
    writer, reader = Run(runId="0190a4c2-1234-7000-8000-000000000011"), Run(runId="0190a4c2-1234-7000-8000-000000000012")
    output = OutputDataset(ns, masked, facets=output_dataset_facets(plan, ns, "crm.public.customers"))
    read = InputDataset(ns, masked, facets={"schema": output.facets["schema"]})
    source = InputDataset(ns, "crm.public.customers", facets=input_dataset_facets(plan))

    def event(kind: RunState, run: Run, job: str, inputs: list, outputs: list) -> RunEvent:
        return RunEvent(eventType=kind, eventTime="2026-12-06T12:00:00Z", run=run, job=Job(namespace="crm", name=job),
                        inputs=inputs, outputs=outputs, producer="https://example.com/p")

    config = transport_config({"type": "http", "url": marquez_double}, marquez_tag_sync=True,
                              marquez_url=marquez_double)
    client = OpenLineageClient(transport=get_default_factory().create(config))
    StrictMarquezDouble.store_delay = 0.3
    for e in (event(RunState.START, writer, "mask", [source], [output]),
              event(RunState.START, reader, "report", [read], []),
              event(RunState.COMPLETE, writer, "mask", [source], [output])):
        client.emit(e)
    TagSync.for_url(marquez_double).flush()

    versions = StrictMarquezDouble.versions[(ns, masked)]["versions"].values()
    (wrote,) = [v for v in versions if v["run"] == writer.runId]
    assert {f: sorted(t) for f, t in wrote["fields"].items()} == {
        "id": [], "email": ["EMAIL", "MASKED", "PII"], "password_hash": ["MASKED", "PASSWORD", "SENSITIVE"]}
    assert [v["run"] for v in versions] == [writer.runId, None]  # the control: the early read made its own version


@pytest.mark.parametrize("second_ends", [None, RunState.FAIL, RunState.COMPLETE])
def test_a_rebuild_leaves_the_earlier_version_its_own_tags(marquez_double: str, second_ends: RunState | None) -> None:
    """A table rebuilt after a policy change (phone newly masked): while the second run is open (or after it
    failed) the current version in Marquez is the first run's, so a tag posted then says the new policy on the old
    version. The first run's version keeps its own tags; the second's gets its own only once it is current."""
    ns, masked = "postgres://db:5432", "crm.public.customers_masked"
    columns = [("id", "int"), ("email", "text"), ("phone", "text")]

    def output(columns_policy: dict) -> OutputDataset:
        plan = build_plan(load_policy({"datasets": {"customers": {"columns": columns_policy}}}), "customers", columns)
        return OutputDataset(ns, masked, facets=output_dataset_facets(plan, ns, "crm.public.customers"))

    old = output({"id": {"pass": True}, "email": {"info_type": "EMAIL"}, "phone": {"pass": True}})
    new = output({"id": {"pass": True}, "email": {"info_type": "EMAIL"}, "phone": {"info_type": "PHONE"}})
    first, second = Run(runId="0190a4c2-1234-7000-8000-000000000021"), Run(runId="0190a4c2-1234-7000-8000-000000000022")

    def event(kind: RunState, run: Run, out: OutputDataset) -> RunEvent:
        return RunEvent(eventType=kind, eventTime="2026-12-07T02:00:00Z", run=run, job=Job(namespace="crm", name="mask"),
                        inputs=[], outputs=[out], producer="https://example.com/p")

    config = transport_config({"type": "http", "url": marquez_double}, marquez_tag_sync=True,
                              marquez_url=marquez_double)
    client = OpenLineageClient(transport=get_default_factory().create(config))
    sends = [event(RunState.START, first, old), event(RunState.COMPLETE, first, old), event(RunState.START, second, new)]
    sends += [event(second_ends, second, new)] if second_ends else []
    for e in sends:
        client.emit(e)
        TagSync.for_url(marquez_double).flush()

    versions = {v["run"]: {f: sorted(t) for f, t in v["fields"].items()}
                for v in StrictMarquezDouble.versions[(ns, masked)]["versions"].values()}
    assert versions[first.runId] == {"id": [], "email": ["EMAIL", "MASKED", "PII"], "phone": []}
    assert versions[second.runId] == ({"id": [], "email": ["EMAIL", "MASKED", "PII"], "phone": ["MASKED", "PHONE", "PII"]}
                                      if second_ends == RunState.COMPLETE else {"id": [], "email": [], "phone": []})


@pytest.mark.parametrize("second_ends", [RunState.COMPLETE, RunState.FAIL])
def test_a_column_the_policy_no_longer_masks_loses_masked_on_the_dataset_page(marquez_double: str,
                                                                              second_ends: RunState) -> None:
    """Marquez's dataset page shows a field's tags whatever version they were posted on: after a rebuild that
    passes phone raw, the page said MASKED on a raw column. The completed rebuild removes it (Marquez's DELETE
    takes it from every version, the first's too); a failed one changes nothing (its version never became current)."""
    ns, name = "postgres://db:5432", "crm.public.customers_masked"
    columns = [("id", "int"), ("email", "text"), ("phone", "text")]

    def output(phone: dict) -> OutputDataset:
        policy = load_policy({"datasets": {"customers": {"columns": {
            "id": {"pass": True}, "email": {"info_type": "EMAIL"}, "phone": phone}}}})
        plan = build_plan(policy, "customers", columns)
        return OutputDataset(ns, name, facets=output_dataset_facets(plan, ns, "crm.public.customers"))

    first, second = Run(runId="0190a4c2-1234-7000-8000-000000000031"), Run(runId="0190a4c2-1234-7000-8000-000000000032")
    config = transport_config({"type": "http", "url": marquez_double}, marquez_tag_sync=True,
                              marquez_url=marquez_double)
    client = OpenLineageClient(transport=get_default_factory().create(config))
    for kind, run, out in ((RunState.START, first, output({"info_type": "PHONE"})),
                           (RunState.COMPLETE, first, output({"info_type": "PHONE"})),
                           (RunState.START, second, output({"pass": True})), (second_ends, second, output({"pass": True}))):
        client.emit(RunEvent(eventType=kind, eventTime="2026-12-07T02:00:00Z", run=run,
                             job=Job(namespace="crm", name="mask"), inputs=[], outputs=[out],
                             producer="https://example.com/p"))
        TagSync.for_url(marquez_double).flush()

    page = StrictMarquezDouble.field_tags[(ns, name)]
    assert "MASKED" in page["email"]
    assert ("MASKED" in page["phone"]) is (second_ends == RunState.FAIL), page
    assert {"PHONE", "PII"} <= set(page["phone"])  # true still: a phone column, now raw
