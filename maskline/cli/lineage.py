"""``maskline lineage show|audit``: recent runs, who ran them, and which columns they masked.

``show`` reads the events stored in Marquez (``GET /api/v1/events/lineage``) at
``--url``, else ``MARQUEZ_URL``, else ``OPENLINEAGE_URL``; ``audit`` reads a
JSONL file of OpenLineage events (what the file transport writes). Both print
a tree of runs, each under its parent (DAG run → tasks → their queries, dbt
run → models), or Graphviz DOT with ``--dot``. When stdout is not a terminal
nothing is wrapped or cut. Plain JSON over ``urllib``: the core never imports
OpenLineage.

>>> events = [{"eventType": "COMPLETE", "eventTime": "2026-01-01T00:00:00Z",
...            "run": {"runId": "r1", "facets": {"maskline_identity": {"executedBy": {"kind": "user",
...                    "name": "alice", "origin": "os.user", "pseudonymized": False}}}},
...            "job": {"namespace": "demo", "name": "mask_customers"}, "inputs": [],
...            "outputs": [{"namespace": "duckdb", "name": "main.customers_masked", "facets": {
...                "maskline_masking": {"fields": {"email": {"masked": True, "infoType": "EMAIL",
...                                     "method": "email", "methodDescription": "email", "rule": "r"}}}}}]}]
>>> runs = summarize(events)
>>> runs[0].executed_by, [(c.field, c.method) for c in runs[0].outputs[0].masked]
('user alice (os.user)', [('email', 'email')])
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maskline.errors import InputError

TERMINAL_STATES = ("COMPLETE", "FAIL", "ABORT")


@dataclass
class MaskedColumn:
    """One masked output column: from which input field, with which method, why."""

    field: str
    info_type: str | None
    method: str
    rule: str | None = None
    sources: tuple[str, ...] = ()


@dataclass
class OutputSummary:
    namespace: str
    name: str
    masked: list[MaskedColumn] = field(default_factory=list)
    policy_hash: str | None = None
    rows: int | None = None


@dataclass
class RunSummary:
    """What one run did, merged over its events (START, COMPLETE, ...)."""

    run_id: str
    job_namespace: str
    job_name: str
    state: str = "?"
    time: str = ""
    executed_by: str | None = None
    triggered_by: str | None = None
    on_behalf_of: str | None = None
    inputs: list[str] = field(default_factory=list)
    outputs: list[OutputSummary] = field(default_factory=list)
    parent_run_id: str | None = None


def _triggering_user(facets: Mapping[str, Any]) -> str | None:
    """Who triggered an Airflow run, from the provider's own run facets (maskline does not copy it)."""
    for name in ("airflow", "airflowDagRun"):
        dag_run = (facets.get(name) or {}).get("dagRun") or {}
        user = dag_run.get("triggering_user_name") if isinstance(dag_run, Mapping) else None
        if user:
            return f"user {user} (airflow.triggering_user)"
    return None


def _who(principal: Any) -> str | None:
    if not isinstance(principal, Mapping) or not principal.get("name"):
        return None
    return f"{principal.get('kind', '?')} {principal['name']} ({principal.get('origin', '?')})"


def _masked_columns(facets: Mapping[str, Any]) -> list[MaskedColumn]:
    masking = facets.get("maskline_masking") or {}
    lineage = (facets.get("columnLineage") or {}).get("fields") or {}
    out: dict[str, MaskedColumn] = {}
    for name, f in (masking.get("fields") or {}).items():
        if f.get("masked"):
            out[name] = MaskedColumn(name, f.get("infoType"), f.get("methodDescription") or f.get("method") or "?",
                                     f.get("rule"))
    for name, f in lineage.items():
        inputs = f.get("inputFields") or []
        masked = f.get("transformationType") == "MASKED" or any(
            t.get("masking") for i in inputs for t in (i.get("transformations") or []))
        if not masked:
            continue
        sources = tuple(f"{i.get('name')}.{i.get('field')}" for i in inputs)
        if name in out:
            out[name].sources = sources
        else:
            out[name] = MaskedColumn(name, None, f.get("transformationDescription") or "masked", None, sources)
    return list(out.values())


def summarize(events: Iterable[Mapping[str, Any]], namespace: str | None = None) -> list[RunSummary]:
    """Merge events into one summary per run, newest first; ``namespace`` keeps one job namespace."""
    runs: dict[str, RunSummary] = {}
    for ev in events:
        if not isinstance(ev, Mapping) or "run" not in ev or "job" not in ev:
            continue
        job = ev["job"]
        if namespace and job.get("namespace") != namespace:
            continue
        run_id = str(ev["run"].get("runId"))
        summary = runs.setdefault(run_id, RunSummary(run_id, job.get("namespace", "?"), job.get("name", "?")))
        state = ev.get("eventType") or "?"
        when = str(ev.get("eventTime") or "")
        if when >= summary.time or state in TERMINAL_STATES:
            summary.state = state if (state in TERMINAL_STATES or summary.state not in TERMINAL_STATES) \
                else summary.state
            summary.time = max(summary.time, when)
        run_facets = ev["run"].get("facets") or {}
        ident = run_facets.get("maskline_identity")
        if isinstance(ident, Mapping):
            # The run's final event says who ran it (an agent's call is known as the agent's only once it
            # ran); a START fills in only what no final event said. Marquez lists events newest first and a
            # file oldest first, so the order they come in decides nothing.
            final = state in TERMINAL_STATES
            for attr, key in (("executed_by", "executedBy"), ("triggered_by", "triggeredBy"),
                              ("on_behalf_of", "onBehalfOf")):
                who = _who(ident.get(key))
                if who and (final or getattr(summary, attr) is None):
                    setattr(summary, attr, who)
        summary.triggered_by = summary.triggered_by or _triggering_user(run_facets)
        parent = ((run_facets.get("parent") or {}).get("run") or {}).get("runId")
        if parent and str(parent) != run_id:
            summary.parent_run_id = str(parent)
        for ds in ev.get("inputs") or []:
            label = f"{ds.get('namespace')}/{ds.get('name')}"
            if label not in summary.inputs:
                summary.inputs.append(label)
        for ds in ev.get("outputs") or []:
            masked = _masked_columns(ds.get("facets") or {})
            existing = next((o for o in summary.outputs if (o.namespace, o.name) == (ds.get("namespace"),
                                                                                        ds.get("name"))), None)
            if existing is None:
                existing = OutputSummary(ds.get("namespace", "?"), ds.get("name", "?"))
                summary.outputs.append(existing)
            if masked:
                existing.masked = masked
            facet = (ds.get("facets") or {}).get("maskline_masking") or {}
            existing.policy_hash = (facet.get("policy") or {}).get("hash") or existing.policy_hash
            existing.rows = facet.get("rowsMasked") or existing.rows
    return sorted(runs.values(), key=lambda r: r.time, reverse=True)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Events from a JSONL file (one event per line; blank lines skipped).

    >>> read_jsonl("/nonexistent.jsonl")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: lineage file not found: /nonexistent.jsonl (at /nonexistent.jsonl). Fix: pass the file the OpenLineage file transport writes (log_file_path), with append: true
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"lineage file not found: {p}", where=str(p),
                         fix="pass the file the OpenLineage file transport writes (log_file_path), with append: true")
    events: list[dict[str, Any]] = []
    from maskline.yaml_errors import read_utf8

    for number, line in enumerate(read_utf8(p, what="the lineage file").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise InputError(f"line {number} is not a JSON event ({e.msg})", where=f"{p}:{number}",
                             fix="use a JSONL file: one OpenLineage event per line") from None
    return events


def fetch_marquez_events(url: str, limit: int = 200, timeout: float = 10.0) -> list[dict[str, Any]]:
    """The most recent events stored in Marquez (``GET /api/v1/events/lineage``).

    >>> fetch_marquez_events("http://127.0.0.1:9", timeout=1)  # nothing listens there: a fix, not a traceback
    Traceback (most recent call last):
    maskline.errors.InputError: cannot read lineage from Marquez: URLError (at http://127.0.0.1:9)...
    """
    import urllib.parse  # here, not at the top: every CLI command imports this module to register it
    import urllib.request

    query = urllib.parse.urlencode({"limit": limit})
    endpoint = f"{url.rstrip('/')}/api/v1/events/lineage?{query}"
    try:
        with urllib.request.urlopen(endpoint, timeout=timeout) as resp:
            body = json.loads(resp.read().decode("utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read lineage from Marquez: {type(e).__name__}", where=url,
                         fix="check --url (e.g. http://127.0.0.1:5000), or start it with 'make marquez-up'") from None
    return list(body.get("events") or [])


def children_of(runs: list[RunSummary]) -> dict[str | None, list[RunSummary]]:
    """Runs grouped under their parent run (None: runs whose parent is not among them), in the given order.

    >>> kids = children_of([RunSummary("d", "ns", "dag"), RunSummary("t", "ns", "dag.task", parent_run_id="d"),
    ...                     RunSummary("x", "ns", "other", parent_run_id="gone")])
    >>> [r.run_id for r in kids[None]], [r.run_id for r in kids["d"]]
    (['d', 'x'], ['t'])
    """
    ids = {r.run_id for r in runs}
    out: dict[str | None, list[RunSummary]] = {}
    for r in runs:
        parent = r.parent_run_id if r.parent_run_id in ids else None
        out.setdefault(parent, []).append(r)
    return out


def short_run_id(run_id: str) -> str:
    """A run id shortened for the tree: its last 8 characters, never its first.

    OpenLineage's run ids are UUIDv7, whose first 8 hex digits are the time to about a minute: every run of a
    DAG or a dbt build shared them, so the tree showed one id for all its tasks or models. The tail is random.

    >>> short_run_id("01a250fb-2c1e-7a10-9b8e-3f9a1c2d4e5f"), short_run_id("01a250fb-2c1f-7c42-8d00-71be0a93c6d1")
    ('1c2d4e5f', '0a93c6d1')
    >>> short_run_id("r1")
    'r1'
    """
    return run_id[-8:]


def dataset_label(namespace: str, name: str) -> str:
    """A dataset as the tree names it: its namespace and name, joined as one address.

    A local file's namespace is ``file`` and its name an absolute path (OpenLineage's naming): joined with ``/``,
    ``file//tmp/x.parquet`` read as a typo; ``file:/tmp/x.parquet`` is the file's URI.

    >>> dataset_label("file", "/tmp/x.parquet"), dataset_label("duckdb:///tmp/w.duckdb", "main.t")
    ('file:/tmp/x.parquet', 'duckdb:///tmp/w.duckdb/main.t')
    """
    if namespace == "file" and name.startswith("/"):
        return f"file:{name}"
    return f"{namespace}/{name}"


def render_tree(runs: list[RunSummary], title: str) -> Any:
    """A rich Tree of runs, each under its parent run (DAG run → task → query; dbt run → model) → identity →
    outputs → masked columns.

    >>> from rich.console import Console
    >>> c = Console(width=200, color_system=None)
    >>> with c.capture() as cap:
    ...     c.print(render_tree([RunSummary("d", "ns", "dag"), RunSummary("t", "ns", "dag.task", parent_run_id="d")], "x"))
    >>> [line.strip(" │├└─") for line in cap.get().splitlines() if "ns/" in line]
    ['ns/dag ?  run d', 'ns/dag.task ?  run t']
    """
    from rich.markup import escape
    from rich.text import Text
    from rich.tree import Tree

    # Labels are parsed as markup here, with every value escaped, because the consoles print strings as written.
    m = Text.from_markup
    tree = Tree(m(f"[bold]{escape(title)}[/]: {len(runs)} run(s)"))
    kids = children_of(runs)

    def add(parent: Any, r: RunSummary, depth: int) -> None:
        colour = {"COMPLETE": "green", "FAIL": "red", "ABORT": "red"}.get(r.state, "yellow")
        node = parent.add(m(f"[bold]{escape(r.job_namespace)}/{escape(r.job_name)}[/] [{colour}]{escape(r.state)}[/] "
                            f"[dim]{escape(r.time)} run {escape(short_run_id(r.run_id))}[/]".rstrip()))
        node.add(m(f"executed by: {escape(r.executed_by or 'unknown (no maskline_identity)')}"))
        if r.triggered_by:
            node.add(m(f"triggered by: {escape(r.triggered_by)}"))
        if r.on_behalf_of:
            node.add(m(f"on behalf of: {escape(r.on_behalf_of)}"))
        for o in r.outputs:
            rows = f", {o.rows:,} rows" if o.rows else ""
            policy = f" [dim]policy {escape(o.policy_hash[:12])}[/]" if o.policy_hash else ""
            out = node.add(m(f"output {escape(dataset_label(o.namespace, o.name))}: "
                             f"{len(o.masked)} masked column(s){rows}{policy}"))
            for c in o.masked:
                src = f" ← {escape(', '.join(c.sources))}" if c.sources else ""
                it = f"{escape(c.info_type)} " if c.info_type else ""
                out.add(m(f"[cyan]{escape(c.field)}[/]: {it}→ {escape(c.method)}{src}"))
        if depth < 32:  # a parent cycle in hand-made events must not recurse forever
            for child in kids.get(r.run_id, []):
                add(node, child, depth + 1)

    for r in kids.get(None, []):
        add(tree, r, 0)
    return tree


def to_dot(runs: list[RunSummary]) -> str:
    """Graphviz DOT: datasets and jobs as nodes, masked columns on the output edges.

    >>> print(to_dot([RunSummary("r", "ns", "job", inputs=["db/raw"], outputs=[OutputSummary("db", "clean")])]))
    digraph lineage {
      rankdir=LR;
      "job:ns/job" [shape=box, label="ns/job"];
      "ds:db/raw" [shape=cylinder, label="db/raw"];
      "ds:db/raw" -> "job:ns/job";
      "ds:db/clean" [shape=cylinder, label="db/clean"];
      "job:ns/job" -> "ds:db/clean" [label=""];
    }
    """
    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph lineage {", "  rankdir=LR;"]
    seen: set[str] = set()

    def node(key: str, line: str) -> None:
        if key not in seen:
            seen.add(key)
            lines.append(line)

    for r in runs:
        job = f"job:{r.job_namespace}/{r.job_name}"
        who = "\\n" + q(r.executed_by)[1:-1] if r.executed_by else ""  # \n: a line break inside a DOT label
        node(job, f"  {q(job)} [shape=box, label={q(f'{r.job_namespace}/{r.job_name}')[:-1]}{who}\"];")
        for i in r.inputs:
            node(f"ds:{i}", f"  {q('ds:' + i)} [shape=cylinder, label={q(i)}];")
            node(f"e:{i}>{job}", f"  {q('ds:' + i)} -> {q(job)};")
        for o in r.outputs:
            label = f"{o.namespace}/{o.name}"
            node(f"ds:{label}", f"  {q('ds:' + label)} [shape=cylinder, label={q(label)}];")
            masked = "\\n".join(q(f"{c.field}: {c.method}")[1:-1] for c in o.masked)
            node(f"e:{job}>{label}", f"  {q(job)} -> {q('ds:' + label)} [label=\"{masked}\"];")
    lines.append("}")
    return "\n".join(lines)


def register(sub: Any) -> None:
    """Add ``maskline lineage show|audit`` to the subcommands.

    >>> sub = argparse.ArgumentParser().add_subparsers(); register(sub)
    >>> args = sub.choices["lineage"].parse_args(["audit", "events.jsonl", "--dot"])
    >>> args.dot, args.run is run_audit
    (True, True)
    """
    p = sub.add_parser("lineage", help="show masked lineage: runs, who ran them, masked columns",
                       description="Print recent runs, who executed them and which columns they masked, from "
                                   "Marquez (show) or a JSONL file of OpenLineage events (audit).")
    lsub = p.add_subparsers(dest="lineage_command", metavar="show|audit", required=True)
    show = lsub.add_parser("show", help="read the events stored in Marquez")
    show.add_argument("--url", help="Marquez base URL, e.g. http://127.0.0.1:5000 "
                                    "(default: MARQUEZ_URL, else OPENLINEAGE_URL)")
    show.add_argument("--namespace", help="keep only jobs of this namespace")
    show.add_argument("--limit", type=int, default=200, help="how many recent events to read (default 200)")
    show.add_argument("--dot", action="store_true", help="print Graphviz DOT instead of a tree")
    show.set_defaults(run=run_show)
    audit = lsub.add_parser("audit", help="read a JSONL file of OpenLineage events")
    audit.add_argument("file", help="JSONL file written by the OpenLineage file transport")
    audit.add_argument("--namespace", help="keep only jobs of this namespace")
    audit.add_argument("--dot", action="store_true", help="print Graphviz DOT instead of a tree")
    audit.set_defaults(run=run_audit)


def _print(runs: list[RunSummary], title: str, dot: bool) -> int:
    from maskline.cli.output import console

    if dot:
        print(to_dot(runs))
    elif sys.stdout.isatty():
        console().print(render_tree(runs, title))
    else:
        # Piped or redirected: no terminal width to fit, so no line is wrapped or cut.
        from rich.console import Console

        Console(width=1_000_000, soft_wrap=True).print(render_tree(runs, title))
    return 0


def marquez_url(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``--url``, else ``MARQUEZ_URL``, else ``OPENLINEAGE_URL``.

    >>> marquez_url(None, {"OPENLINEAGE_URL": "http://lineage:5000/"})
    'http://lineage:5000'
    >>> marquez_url(None, {})
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: no Marquez URL (at maskline lineage show). Fix: pass --url http://127.0.0.1:5000, or set MARQUEZ_URL or OPENLINEAGE_URL
    """
    env = os.environ if environ is None else environ
    url = (explicit or env.get("MARQUEZ_URL") or env.get("OPENLINEAGE_URL") or "").strip().rstrip("/")
    if not url:
        raise InputError("no Marquez URL", where="maskline lineage show",
                         fix="pass --url http://127.0.0.1:5000, or set MARQUEZ_URL or OPENLINEAGE_URL")
    return url


def summarize_checked(events: Sequence[Mapping[str, Any]], namespace: str | None, where: str) -> list[RunSummary]:
    """:func:`summarize`, but an event whose parts have the wrong JSON types is an :class:`InputError` naming its
    position and the kind of mistake, never a traceback (or its content).

    >>> summarize_checked([{"run": {"runId": "r"}, "job": "not an object"}], None, "events.jsonl")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: event 1 does not have the shape of an OpenLineage event (AttributeError) (at events.jsonl). Fix: pass the events an OpenLineage transport wrote, unedited
    """
    bad: tuple[int, str] | None = None
    for number, event in enumerate(events, start=1):
        try:
            summarize([event], namespace)
        except (AttributeError, TypeError, KeyError, ValueError) as e:  # the shape's fault, not the code's
            bad = (number, type(e).__name__)
            break
    if bad is not None:  # raised outside the handler: nothing of the event rides along
        raise InputError(f"event {bad[0]} does not have the shape of an OpenLineage event ({bad[1]})", where=where,
                         fix="pass the events an OpenLineage transport wrote, unedited")
    return summarize(events, namespace)


def run_show(args: argparse.Namespace) -> int:
    """Print the runs of the events stored in Marquez (a tree, or DOT).

    >>> run_show(argparse.Namespace(url="http://127.0.0.1:9", limit=10, namespace=None, dot=True))
    Traceback (most recent call last):
    maskline.errors.InputError: cannot read lineage from Marquez: URLError (at http://127.0.0.1:9)...
    """
    url = marquez_url(args.url)
    events = fetch_marquez_events(url, args.limit)
    return _print(summarize_checked(events, args.namespace, f"Marquez {url}"), f"Marquez {url}", args.dot)


def run_audit(args: argparse.Namespace) -> int:
    """Print the runs of a JSONL file of OpenLineage events (a tree, or DOT).

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "e.jsonl"
    >>> event = {"eventType": "COMPLETE", "run": {"runId": "r1"}, "job": {"namespace": "ns", "name": "j"},
    ...          "outputs": [{"namespace": "db", "name": "t"}]}
    >>> _ = p.write_text(json.dumps(event))
    >>> run_audit(argparse.Namespace(file=p, namespace=None, dot=True))
    digraph lineage {
      rankdir=LR;
      "job:ns/j" [shape=box, label="ns/j"];
      "ds:db/t" [shape=cylinder, label="db/t"];
      "job:ns/j" -> "ds:db/t" [label=""];
    }
    0
    """
    events = read_jsonl(args.file)
    return _print(summarize_checked(events, args.namespace, str(args.file)), str(args.file), args.dot)
