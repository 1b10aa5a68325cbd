"""End to end in a real Marquez: the Airflow DAG runs and the dbt-ol build, read back through its REST API.

Runs when ``MARQUEZ_URL`` is set (``make test`` starts Marquez with scripts/marquez.sh, which also runs
a ``MARQUEZ_JAR`` built elsewhere) or when scripts/marquez.sh can start it; skipped with the script's
reason otherwise. tests/lineage/test_lineage_in_events.py asserts the same on the emitted events.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest

from tests.lineage.conftest import AIRFLOW_NAMESPACE, LineageRun
from tests.lineage.faces import GENERALIZED_OUTPUTS, MASKED_OUTPUTS, PASSED_OUTPUTS, output_of
from tests.lineage.marquez_api import column_inputs as _column_inputs
from tests.lineage.marquez_api import dataset as _dataset
from tests.lineage.marquez_api import eventually as _eventually
from tests.lineage.marquez_api import get as _get
from tests.lineage.marquez_api import masked_fields as _masked_fields
from tests.lineage.marquez_api import q as _q
from tests.lineage.marquez_api import run_in_state as _run_in_state
from tests.lineage.marquez_api import tagged as _tagged
from tests.lineage.marquez_api import versions as _versions

pytestmark = [pytest.mark.marquez, pytest.mark.airflow, pytest.mark.dbt, pytest.mark.postgres,
              pytest.mark.xdist_group("lineage")]


@pytest.fixture(scope="module")
def both_runs(marquez_url: str, airflow_lineage: LineageRun, dbt_lineage: LineageRun) -> dict[str, LineageRun]:
    return {"airflow": airflow_lineage, "dbt": dbt_lineage}


def test_the_run_links_its_raw_input_to_its_masked_output(marquez_url: str,
                                                         both_runs: dict[str, LineageRun]) -> None:
    """Read through this run's id: the job's *latest* version may come from another session on the same
    Marquez (make test shares one), so the job-level graph is not this run's."""
    event = both_runs["airflow"].for_job("maskline_lineage_test.mask_customers", "COMPLETE")[0]
    run = _run_in_state(marquez_url, event["run"]["runId"], "COMPLETED")
    outputs = {(v["datasetVersionId"]["namespace"], v["datasetVersionId"]["name"])
               for v in run["outputDatasetVersions"]}
    inputs = {v["datasetVersionId"]["name"] for v in run["inputDatasetVersions"]}
    out = output_of(both_runs["airflow"], "maskline_lineage_test.mask_customers")
    assert (out["namespace"], out["name"]) in outputs
    assert any(name.endswith("public.raw_customers") for name in inputs)
    graph = _get(marquez_url, "/api/v1/lineage?nodeId=" + _q(f"dataset:{out['namespace']}:{out['name']}"))
    assert f"dataset:{out['namespace']}:{out['name']}" in {n["id"] for n in graph["graph"]}


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_each_output_field_exists_once_with_its_type(marquez_url: str, both_runs: dict[str, LineageRun],
                                                     face: str) -> None:
    producer, job, _ = MASKED_OUTPUTS[face]
    out = output_of(both_runs[producer], job)
    fields = _dataset(marquez_url, out)["fields"]
    names = [f["name"] for f in fields]
    assert len(names) == len(set(names)), sorted(names)
    assert {f["name"] for f in out["facets"]["schema"]["fields"]} == set(names)
    assert all(f["type"] for f in fields), [f for f in fields if not f["type"]]


@pytest.mark.parametrize("producer", ["airflow", "dbt"])
def test_no_dataset_the_runs_touched_has_a_field_twice_or_untyped(marquez_url: str,
                                                                  both_runs: dict[str, LineageRun],
                                                                  producer: str) -> None:
    """Inputs too: a table read by a SQL task (the provider's types) and by a mask task (ours) gets
    each field once only if both name its type alike."""
    touched = {(d["namespace"], d["name"]) for e in both_runs[producer].events
               for d in e.get("inputs", []) + e.get("outputs", [])}
    bad = {}
    for namespace, name in sorted(touched):
        try:
            fields = _dataset(marquez_url, {"namespace": namespace, "name": name})["fields"]
        except urllib.error.HTTPError:
            continue  # a dataset only named in a facet-less event (dbt test nodes) is not stored
        names = [f["name"] for f in fields]
        if len(names) != len(set(names)) or not all(f["type"] for f in fields):
            bad[name] = sorted((f["name"], f["type"]) for f in fields)
    assert bad == {}


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_column_lineage_records_the_masking(marquez_url: str, both_runs: dict[str, LineageRun], face: str) -> None:
    producer, job, columns = MASKED_OUTPUTS[face]
    out = output_of(both_runs[producer], job)
    for field in columns:
        node = f"datasetField:{out['namespace']}:{out['name']}:{field}"
        inputs = _column_inputs(marquez_url, out, field)
        assert inputs, node
        assert {i.get("transformationType") for i in inputs} == {"MASKED"}, (node, inputs)
        assert all("masked with" in (i.get("transformationDescription") or "") for i in inputs)


@pytest.mark.parametrize("face", sorted(PASSED_OUTPUTS))
def test_column_lineage_shows_passed_fields_as_identity(marquez_url: str, both_runs: dict[str, LineageRun],
                                                        face: str) -> None:
    """dbt-ol sends no transformation for a column it passes, which Marquez shows as null: each face shows
    IDENTITY for a column selected as is, and MASKED beside it for the masked ones."""
    producer, job, masked = MASKED_OUTPUTS[face]
    out = output_of(both_runs[producer], job)
    for field in PASSED_OUTPUTS[face]:
        inputs = _column_inputs(marquez_url, out, field)
        assert inputs and {i.get("transformationType") for i in inputs} == {"IDENTITY"}, (field, inputs)
    for field in masked:
        assert {i.get("transformationType") for i in _column_inputs(marquez_url, out, field)} == {"MASKED"}


def test_column_lineage_shows_every_dbt_column_transformation(marquez_url: str,
                                                              both_runs: dict[str, LineageRun]) -> None:
    out = output_of(both_runs["dbt"], ".customer_orders.build.run")
    shown = {field: {i.get("transformationType") for i in _column_inputs(marquez_url, out, field)}
             for field in ("customer_id", "customer_token", "birth_year", "orders", "revenue")}
    assert shown == {"customer_id": {"IDENTITY"}, "customer_token": {"IDENTITY"}, "birth_year": {"IDENTITY"},
                     "orders": {"AGGREGATION"}, "revenue": {"AGGREGATION"}}


@pytest.mark.parametrize("face", sorted(GENERALIZED_OUTPUTS))
def test_generalized_fields_name_their_own_form(marquez_url: str, both_runs: dict[str, LineageRun],
                                                face: str) -> None:
    producer, job, _ = MASKED_OUTPUTS[face]
    out = output_of(both_runs[producer], job)
    for field, described in GENERALIZED_OUTPUTS[face].items():
        inputs = _column_inputs(marquez_url, out, field)
        assert inputs and all((i.get("transformationDescription") or "").startswith(described) for i in inputs), \
            (field, inputs)
        assert not any("number to bucket" in (i.get("transformationDescription") or "") for i in inputs)


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_masked_fields_carry_tags_and_a_description(marquez_url: str, both_runs: dict[str, LineageRun],
                                                    face: str) -> None:
    producer, job, columns = MASKED_OUTPUTS[face]
    out = output_of(both_runs[producer], job)
    found = _masked_fields(marquez_url, out, columns)
    info_types = {t["field"]: t["value"] for t in out["facets"]["tags"]["tags"] if t["key"] == "pii"}
    for column in columns:
        assert found[column]["description"].startswith("masked: "), found[column]
        if column in info_types:
            assert {info_types[column], "MASKED"} <= set(found[column]["tags"])
    unmasked = [f for f in found.values() if f["name"] not in columns and "MASKED" in f["tags"]
                and out["facets"]["maskline_masking"]["fields"].get(f["name"], {}).get("masked") is False]
    assert unmasked == []


def test_run_facets_hold_the_identity(marquez_url: str, both_runs: dict[str, LineageRun]) -> None:
    runs = [both_runs["airflow"].for_job(job, "COMPLETE")[0] for _, job, _ in
            (v for v in MASKED_OUTPUTS.values() if v[0] == "airflow")]
    runs.append(both_runs["dbt"].for_job(".stg_customers.build.run", "COMPLETE")[0])
    for run in runs:
        facets = _get(marquez_url, f"/api/v1/jobs/runs/{run['run']['runId']}/facets?type=run")["facets"]
        assert facets["maskline_identity"]["executedBy"] == run["run"]["facets"]["maskline_identity"]["executedBy"]


def test_no_raw_value_is_stored_in_marquez(marquez_url: str, both_runs: dict[str, LineageRun]) -> None:
    airflow, dbt = both_runs["airflow"], both_runs["dbt"]
    stored = json.dumps(_get(marquez_url, "/api/v1/events/lineage?limit=5000"))
    assert airflow.for_job("maskline_lineage_test.mask_customers")[0]["run"]["runId"] in stored
    assert dbt.for_job(".stg_customers.build.run")[0]["run"]["runId"] in stored
    leaked = [v for v in airflow.raw_values | dbt.raw_values if v in stored]
    assert leaked == [], f"{len(leaked)} raw values are stored in Marquez"


def test_lineage_show_reads_marquez(marquez_url: str, both_runs: dict[str, LineageRun]) -> None:
    from maskline.cli.lineage import fetch_marquez_events, summarize

    runs = summarize(fetch_marquez_events(marquez_url, 5000), AIRFLOW_NAMESPACE)
    mask = next(r for r in runs if r.job_name == "maskline_lineage_test.mask_customers")
    assert mask.executed_by and "db.login" in mask.executed_by
    assert {c.field for o in mask.outputs for c in o.masked} >= {"email", "ssn", "credit_card"}


def _show(marquez_url: str, namespace: str) -> list[str]:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "MARQUEZ_URL", "OPENLINEAGE_URL")}
    env["OPENLINEAGE_URL"] = marquez_url  # no --url: show falls back to MARQUEZ_URL, then OPENLINEAGE_URL
    proc = subprocess.run([sys.executable, "-m", "maskline", "lineage", "show", "--namespace", namespace,
                           "--limit", "5000"], env=env, capture_output=True, text=True, check=True)
    return proc.stdout.splitlines()


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(" │├└─"))


def test_lineage_show_prints_tasks_under_their_dag_run_uncut(marquez_url: str,
                                                             both_runs: dict[str, LineageRun]) -> None:
    lines = _show(marquez_url, AIRFLOW_NAMESPACE)
    dag = next(i for i, line in enumerate(lines) if f"{AIRFLOW_NAMESPACE}/maskline_lineage_test " in line)
    task = next(i for i, line in enumerate(lines) if "/maskline_lineage_test.mask_customers " in line)
    assert task > dag and _depth(lines[task]) > _depth(lines[dag])
    out = output_of(both_runs["airflow"], "maskline_lineage_test.mask_customers")
    assert any(line.rstrip().endswith(f"{out['namespace']}/{out['name']}: 9 masked column(s), 12 rows")
               or f"{out['namespace']}/{out['name']}: " in line for line in lines)  # the full name: nothing cut


def test_lineage_show_prints_models_under_their_dbt_run(marquez_url: str, both_runs: dict[str, LineageRun]) -> None:
    from tests.lineage.conftest import DBT_NAMESPACE

    lines = _show(marquez_url, DBT_NAMESPACE)
    model = next(i for i, line in enumerate(lines) if ".stg_customers.build.run " in line)
    parent = max(i for i in range(model) if _depth(lines[i]) < _depth(lines[model]) and f"{DBT_NAMESPACE}/" in lines[i])
    assert "stg_customers" not in lines[parent]


def _status(url: str, method: str, content_type: str | None, body: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=body, method=method)
    if content_type is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=15) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


def test_the_strict_double_answers_as_marquez_does(marquez_url: str) -> None:
    """tests/lineage/marquez_double.py stands in for Marquez where none runs: the same requests get the same
    answers from both, refusals included (a form content type, a dataset or field Marquez does not have)."""
    import uuid

    from tests.lineage.marquez_double import serve_marquez_double

    namespace = f"maskline-double-check-{uuid.uuid4().hex[:8]}"
    schema = {"_producer": "https://example.com/p", "fields": [{"name": "email", "type": "text"}],
              "_schemaURL": "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"}
    event = json.dumps({
        "eventType": "COMPLETE", "eventTime": "2026-12-06T12:00:00Z", "producer": "https://example.com/p",
        "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
        "run": {"runId": str(uuid.uuid4())}, "job": {"namespace": namespace, "name": "j"}, "inputs": [],
        "outputs": [{"namespace": namespace, "name": "t", "facets": {"schema": schema}}]}).encode()
    field = f"/api/v1/namespaces/{namespace}/datasets/%s/fields/%s/tags/%s"
    requests = [
        ("/api/v1/lineage", "POST", "application/x-www-form-urlencoded", event),
        ("/api/v1/lineage", "POST", "application/json", event),
        ("/api/v1/tags/MASKED", "PUT", None, b'{"description": "d"}'),
        ("/api/v1/tags/MASKED", "PUT", "application/json", b'{"description": "d"}'),
        (field % ("t", "email", "MASKED"), "POST", "application/x-www-form-urlencoded", b""),
        (field % ("t", "email", "MASKED"), "POST", "application/json", None),
        (field % ("t", "email", "MASKED"), "POST", None, None),
        (field % ("t", "email", f"NEVER_PUT_{uuid.uuid4().hex[:6].upper()}"), "POST", "application/json", None),
        (field % ("t", "no_such_field", "MASKED"), "POST", "application/json", None),
        (field % ("no_such_table", "email", "MASKED"), "POST", "application/json", None),
    ]
    with serve_marquez_double() as (double_url, _):
        answers = [(path.rsplit("/", 3)[-3:], method, kind, _status(marquez_url + path, method, kind, body),
                    _status(double_url + path, method, kind, body)) for path, method, kind, body in requests]
    assert [a for a in answers if a[3] != a[4]] == [], answers


def _version_story(base: str, namespace: str) -> list[Any]:
    """Marquez's dataset versions through one writer and one early reader (dbt-ol sends every START before any
    COMPLETE), with field tags posted between: after each step, the dataset's status, who made its current
    version, and every version's field tags by who made it (``writer``, or ``None`` for a reader's version)."""
    import uuid

    writer, reader = str(uuid.uuid4()), str(uuid.uuid4())
    schema_url = "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"

    def send(kind: str, run: str, job: str, side: str, names: list[str]) -> None:
        dataset = {"namespace": namespace, "name": "t", "facets": {"schema": {
            "_producer": "https://example.com/p", "_schemaURL": schema_url,
            "fields": [{"name": n, "type": "text"} for n in names]}}}
        event = {"eventType": kind, "eventTime": "2026-12-06T12:00:00Z", "producer": "https://example.com/p",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": run}, "job": {"namespace": namespace, "name": job},
                 "inputs": [dataset] if side == "inputs" else [], "outputs": [dataset] if side == "outputs" else []}
        assert _status(base + "/api/v1/lineage", "POST", "application/json", json.dumps(event).encode()) == 201

    def tag(field: str, name: str) -> int:
        return _status(f"{base}/api/v1/namespaces/{_q(namespace)}/datasets/t/fields/{field}/tags/{name}", "POST",
                       "application/json")

    def seen() -> Any:
        path = f"/api/v1/namespaces/{_q(namespace)}/datasets/t"
        try:
            current = _get(base, path)["currentVersion"]
        except urllib.error.HTTPError as e:
            return e.code
        made_by = lambda v: "writer" if (v.get("createdByRun") or {}).get("id") == writer else None  # noqa: E731
        versions = {made_by(v): {f["name"]: sorted(f["tags"]) for f in v["fields"]}
                    for v in _get(base, path + "/versions")["versions"]}
        return (made_by(_get(base, f"{path}/versions/{current}")) if current else "none", versions)

    story = [seen()]
    send("START", writer, "writer", "outputs", ["a", "b"])
    story += [seen(), tag("a", "MASKED")]
    send("START", reader, "reader", "inputs", ["a"])
    story += [seen(), tag("a", "PII")]
    send("COMPLETE", writer, "writer", "outputs", ["a", "b"])
    story += [seen(), tag("b", "MASKED"), seen()]
    return story


def test_the_strict_double_keeps_dataset_versions_as_marquez_does(marquez_url: str) -> None:
    """The double's versions and where a field tag lands match the real server's, step by step: a write's version
    is current only from its COMPLETE, an earlier read makes a version of its own, and a field tag is written into
    the version current at the time (so one posted before the writer's COMPLETE never shows on its version)."""
    import uuid

    from tests.lineage.marquez_double import serve_marquez_double

    real = _version_story(marquez_url, f"maskline-double-versions-{uuid.uuid4().hex[:8]}")
    with serve_marquez_double() as (double_url, _):
        double = _version_story(double_url, f"maskline-double-versions-{uuid.uuid4().hex[:8]}")
    assert double == real
    # What the story shows (the double would agree on a wrong story too): the writer's version lacks the early tag.
    assert real[-1] == ("writer", {"writer": {"a": [], "b": ["MASKED"]}, None: {"a": ["PII"]}})


def _rebuild_story(base: str, namespace: str) -> list[Any]:
    """Marquez's versions of one table written by two runs of one job (a rebuild after a policy change), with field
    tags posted after the first run's COMPLETE, during the second run and after its COMPLETE: after each step,
    every version's fields (tags and description) by the run that made it."""
    import uuid

    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    schema_url = "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"

    def send(kind: str, run: str, described: dict[str, str | None]) -> None:
        fields = [{"name": n, "type": "text", **({"description": d} if d else {})} for n, d in described.items()]
        dataset = {"namespace": namespace, "name": "t", "facets": {"schema": {
            "_producer": "https://example.com/p", "_schemaURL": schema_url, "fields": fields}}}
        event = {"eventType": kind, "eventTime": "2026-12-07T02:00:00Z", "producer": "https://example.com/p",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": run}, "job": {"namespace": namespace, "name": "mask"}, "inputs": [],
                 "outputs": [dataset]}
        assert _status(base + "/api/v1/lineage", "POST", "application/json", json.dumps(event).encode()) == 201

    def tag(field: str, name: str) -> int:
        return _status(f"{base}/api/v1/namespaces/{_q(namespace)}/datasets/t/fields/{field}/tags/{name}", "POST",
                       "application/json")

    def seen() -> Any:
        versions = _get(base, f"/api/v1/namespaces/{_q(namespace)}/datasets/t/versions")["versions"]
        made_by = {first: "first", second: "second"}
        page = {f["name"]: sorted(f["tags"]) for f in _get(base, f"/api/v1/namespaces/{_q(namespace)}/datasets/t")["fields"]}
        return {"page": page, **{made_by.get((v.get("createdByRun") or {}).get("id")): {
            f["name"]: (sorted(f["tags"]), f.get("description")) for f in v["fields"]} for v in versions}}

    def untag(field: str, name: str) -> int:
        return _status(f"{base}/api/v1/namespaces/{_q(namespace)}/datasets/t/fields/{field}/tags/{name}", "DELETE",
                       None)

    old = {"email": "masked: hmac(length=16)", "phone": "masked: partial(keep_last=2)", "channel": None}
    new = {"email": "masked: null", "phone": None, "channel": "masked: redact"}
    send("START", first, old)
    send("COMPLETE", first, old)
    story = [tag("email", "MASKED"), tag("phone", "MASKED"), seen()]
    send("START", second, new)
    story += [seen(), tag("channel", "MASKED"), seen()]
    send("COMPLETE", second, new)
    story += [seen(), tag("email", "MASKED"), tag("channel", "MASKED"), seen()]
    story += [untag("phone", "MASKED"), seen(), untag("no_such_field", "MASKED")]
    return story


def test_the_strict_double_keeps_a_rebuilds_versions_as_marquez_does(marquez_url: str) -> None:
    """A second write makes a version of its own from its own schema facet: no tag of the earlier version, its own
    descriptions; the earlier version keeps its own. A tag posted while the second run is open lands on the earlier
    version (the current one), which is why the tag sync posts an output's tags only for its run's COMPLETE."""
    import uuid

    from tests.lineage.marquez_double import serve_marquez_double

    real = _rebuild_story(marquez_url, f"maskline-double-rebuild-{uuid.uuid4().hex[:8]}")
    with serve_marquez_double() as (double_url, _):
        double = _rebuild_story(double_url, f"maskline-double-rebuild-{uuid.uuid4().hex[:8]}")
    assert double == real
    # The dataset page shows a field's tags whatever version they were posted on: phone, unmasked by the second
    # run, still shows MASKED there until the tag is deleted, which takes it from every version.
    assert real[-4] == {
        "page": {"email": ["MASKED"], "phone": ["MASKED"], "channel": ["MASKED"]},
        "second": {"email": (["MASKED"], "masked: null"), "phone": ([], None), "channel": (["MASKED"], "masked: redact")},
        "first": {"email": (["MASKED"], "masked: hmac(length=16)"), "phone": (["MASKED"], "masked: partial(keep_last=2)"),
                  "channel": (["MASKED"], None)}}  # the tag posted mid-run: on the old version, against its truth
    assert real[-2]["page"]["phone"] == [] and real[-2]["first"]["phone"] == ([], "masked: partial(keep_last=2)")
    assert real[-1] == 404


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_the_version_a_masking_run_wrote_shows_its_masking(marquez_url: str, both_runs: dict[str, LineageRun],
                                                           face: str) -> None:
    """Marquez's version history (the dataset page's Versions tab) shows each version's own field list: the version
    the masking run wrote carries MASKED on every masked field and its masked description. A field tag lands on
    the version current when it is posted, so tags sent before the run's COMPLETE was stored missed it."""
    producer, job, columns = MASKED_OUTPUTS[face]
    run_id = both_runs[producer].for_job(job, "COMPLETE")[0]["run"]["runId"]
    out = output_of(both_runs[producer], job)

    def shown() -> dict[str, dict]:
        (version,) = [v for v in _versions(marquez_url, out) if (v.get("createdByRun") or {}).get("id") == run_id]
        return _tagged({f["name"]: f for f in version["fields"]}, columns)

    fields = _eventually(shown)
    for column in columns:
        assert (fields[column]["description"] or "").startswith("masked: "), fields[column]


@pytest.mark.parametrize("producer", ["airflow", "dbt"])
def test_every_version_of_a_written_table_was_made_by_its_writer(marquez_url: str, both_runs: dict[str, LineageRun],
                                                                 producer: str) -> None:
    """No version of a table the runs wrote was made by a read (``createdByRun: null``, the reader's columns only,
    no masking facets or tags): dbt-ol sends every START before any COMPLETE, so a downstream model's START read
    its upstream table before Marquez had the upstream's version, and Marquez made the read a version of its own."""
    written = {(d["namespace"], d["name"]) for e in both_runs[producer].events for d in e.get("outputs", [])}
    made_by_a_read = sorted(name for namespace, name in written
                            for v in _versions(marquez_url, {"namespace": namespace, "name": name})
                            if not v.get("createdByRun"))
    assert made_by_a_read == []


def _everything_shown(base: str, runs: list[LineageRun]) -> dict[str, Any]:
    """Every answer the Marquez UI reads for what these runs touched: namespaces, jobs, runs and their facets,
    datasets and their versions, lineage and column-lineage graphs, tags."""
    shown: dict[str, Any] = {}

    def get(path: str) -> Any:
        shown[path] = _get(base, path)
        return shown[path]

    run_ids = {e["run"]["runId"] for r in runs for e in r.events}
    datasets = {(d["namespace"], d["name"]) for r in runs for e in r.events
                for d in e.get("inputs", []) + e.get("outputs", [])}
    get("/api/v1/namespaces")
    get("/api/v1/tags")
    jobs = set()  # as Marquez names them: a child job's name starts with its parent's (dbt's models)
    for run in sorted(run_ids):
        stored = get(f"/api/v1/jobs/runs/{run}")
        version = stored.get("jobVersion") or {}
        if version:
            jobs.add((version["namespace"], version["name"]))
        get(f"/api/v1/jobs/runs/{run}/facets?type=run")
        get(f"/api/v1/jobs/runs/{run}/facets?type=job")
    for namespace, job in sorted(jobs):
        get(f"/api/v1/namespaces/{_q(namespace)}/jobs/{_q(job)}")
        get(f"/api/v1/namespaces/{_q(namespace)}/jobs/{_q(job)}/versions?limit=100")
        get(f"/api/v1/namespaces/{_q(namespace)}/jobs/{_q(job)}/runs?limit=100")
        get("/api/v1/lineage?nodeId=" + _q(f"job:{namespace}:{job}") + "&depth=2")
    for namespace, name in sorted(datasets):
        base_path = f"/api/v1/namespaces/{_q(namespace)}/datasets/{_q(name)}"
        try:
            get(base_path)
        except urllib.error.HTTPError:
            continue  # named only in a facet-less event (dbt test nodes): not stored
        get(base_path + "/versions?limit=100")
        get("/api/v1/column-lineage?nodeId=" + _q(f"dataset:{namespace}:{name}") + "&depth=2&withDownstream=true")
    return shown


def test_nothing_marquez_shows_holds_a_raw_value_or_the_key(marquez_url: str,
                                                            both_runs: dict[str, LineageRun]) -> None:
    """Not only the stored events: every page's answer (run and job facets, dataset versions, field descriptions,
    tags, both lineage graphs) for what the runs touched."""
    from tests.conftest import TEST_KEY
    from tests.lineage.conftest import ROTATED_KEY

    runs = [both_runs["airflow"], both_runs["dbt"]]
    shown = _everything_shown(marquez_url, runs)
    text = json.dumps(shown)
    assert both_runs["airflow"].for_job("maskline_lineage_test.mask_customers")[0]["run"]["runId"] in text
    raw = set().union(*(r.raw_values for r in runs)) | {TEST_KEY, ROTATED_KEY}
    leaked = sorted(path for path, answer in shown.items() if any(v in json.dumps(answer) for v in raw))
    assert leaked == [], f"{len(leaked)} answers hold a raw value or key"


def test_failed_tasks_show_failed_with_an_error_facet_and_no_value(marquez_url: str,
                                                                   both_runs: dict[str, LineageRun]) -> None:
    """The failing tasks of the lineage DAG (a database error quoting a name, a Python error quoting an email, a mask
    task failing closed on a query whose WHERE quotes an email) show as FAILED runs whose ``errorMessage`` facet is
    there, with the executing identity, and without the value; the refusal keeps maskline's structured reason."""
    airflow = both_runs["airflow"]
    failed = [e for e in airflow.events if e["eventType"] == "FAIL" and e["job"]["name"] in
              ("maskline_lineage_test.cast_customer_name", "maskline_lineage_test.notify_customer",
               "maskline_lineage_test.mask_refused_query")]
    assert len(failed) == 3
    refused = next(e for e in failed if e["job"]["name"].endswith(".mask_refused_query"))
    facets = _get(marquez_url, f"/api/v1/jobs/runs/{refused['run']['runId']}/facets?type=run")["facets"]
    assert "cannot resolve the query's columns" in facets["errorMessage"]["message"], facets["errorMessage"]
    for event in failed:
        _run_in_state(marquez_url, event["run"]["runId"], "FAILED")
        facets = _get(marquez_url, f"/api/v1/jobs/runs/{event['run']['runId']}/facets?type=run")["facets"]
        assert facets["errorMessage"]["message"] and facets["errorMessage"]["stackTrace"].startswith("Traceback")
        assert facets["maskline_identity"]["executedBy"]["name"]
        assert [v for v in airflow.raw_values if v in json.dumps(facets)] == []
