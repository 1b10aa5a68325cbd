"""The event transformer for openlineage-python's ``transform`` transport.

Every event, from Airflow, dbt-ol or anything else, passes through it before
the real transport sends it:

1. dbt-ol events name a DuckDB file by its absolute path, as every face does
   (:mod:`openlineage_ext.dbt_namespaces`), and get, from ``target/manifest.json``, the masking facets, field
   tags and masked column lineage of each model's output, and ``maskline_identity``;
   Airflow DAG-run events and the query jobs inside a task get ``maskline_identity``
   too (see :mod:`openlineage_ext.run_identity`);
2. every event is scrubbed of sensitive values (see :mod:`openlineage_ext.scrubbing`), and its
   column lineage keeps only fields the catalog proves (:mod:`openlineage_ext.proven_lineage`);
   for dbt-ol events that happens after step 1, against the manifest's and the built relations' columns;
   a dbt-ol START then drops the inputs another model of the build is still writing
   (:mod:`openlineage_ext.unwritten_inputs`: else Marquez makes the early read a version of its own);
3. optionally, Marquez field tags are set (``marquez_tag_sync: true``), each output's once Marquez's current
   version of it is the one its run wrote (:mod:`openlineage_ext.marquez_tags`).

If anything fails, the event is dropped, not sent unscrubbed (fail closed).

``openlineage.yml``::

    transport:
      type: transform
      transformer_class: openlineage_ext.transformer.MasklineTransformer
      transformer_properties:
        sql_literals: all          # or: detected
        user_inputs: redact        # conf and task params: redact every value, or: scrub
        marquez_tag_sync: false    # true: also set Marquez field tags (PII, SENSITIVE)
        marquez_url: http://127.0.0.1:5000
      transport:
        type: http
        url: http://127.0.0.1:5000

Properties may also come from ``MASKLINE_LINEAGE_SQL_LITERALS``,
``MASKLINE_MARQUEZ_TAG_SYNC`` and ``MARQUEZ_URL``.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from openlineage.client.transport.transform import EventTransformer

from openlineage_ext.config import transport_config
from openlineage_ext.scrubbing import scrub_event

__all__ = ["MasklineTransformer", "is_dbt_event", "transport_config"]

log = logging.getLogger(__name__)
DBT_INTEGRATION = "DBT"


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def is_dbt_event(event: Any) -> bool:
    """Whether dbt-ol produced the event (its ``jobType`` facet says integration DBT).

    >>> from openlineage.client.event_v2 import Job
    >>> from openlineage.client.facet_v2 import job_type_job
    >>> class E: job = Job("ns", "m", facets={"jobType": job_type_job.JobTypeJobFacet("BATCH", "DBT", "MODEL")})
    >>> is_dbt_event(E())
    True
    """
    facets = getattr(getattr(event, "job", None), "facets", None) or {}
    job_type = facets.get("jobType")
    return getattr(job_type, "integration", None) == DBT_INTEGRATION or "dbt_node" in facets


class MasklineTransformer(EventTransformer):
    """Scrubs every event, and adds maskline's facets to dbt-ol events. See the module docs for config.

    >>> from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    >>> from openlineage.client.facet_v2 import sql_job
    >>> def event():  # a query job whose SQL holds a customer's address
    ...     sql = sql_job.SQLJobFacet(query="SELECT id FROM t WHERE email = 'ann@example.com'")
    ...     return RunEvent(eventType=RunState.COMPLETE, eventTime="2026-01-01T00:00:00Z", producer="doctest",
    ...                     run=Run(runId="01890000-0000-7000-8000-000000000000"), job=Job("ns", "q", {"sql": sql}))
    >>> MasklineTransformer({}).transform(event()).job.facets["sql"].query
    "SELECT id FROM name_1 WHERE email = '[REDACTED]'"
    """

    def __init__(self, properties: dict[str, Any]) -> None:
        super().__init__(properties)
        from openlineage_ext.guarded_transport import silence_raw_event_logs

        # The transform transport that builds this transformer logs each event at DEBUG before calling it.
        silence_raw_event_logs()
        props = properties or {}
        self.sql_literals = str(props.get("sql_literals") or os.environ.get("MASKLINE_LINEAGE_SQL_LITERALS") or "all")
        self.user_inputs = str(props.get("user_inputs") or os.environ.get("MASKLINE_LINEAGE_USER_INPUTS") or "redact")
        self.tag_sync = _flag(props.get("marquez_tag_sync", os.environ.get("MASKLINE_MARQUEZ_TAG_SYNC", "false")))
        self.marquez_url = str(props.get("marquez_url") or os.environ.get("MARQUEZ_URL") or "")
        self.identity_names = props.get("identity_names")

    def transform(self, event: Any) -> Any:
        """The scrubbed (and, for dbt-ol, enriched) event, or None to drop it when scrubbing failed."""
        dbt = is_dbt_event(event)
        if dbt:
            # First: enrichment, pruning and scrubbing then see the datasets by the names every face gives them.
            self._absolute_namespaces(event)
        else:
            # Before scrubbing: a DAG run's identity is read from its airflowDagRun facet, whose user names
            # the scrubber may turn into "[EMAIL]", which would then name (or pseudonymize) every such user alike.
            self._complete_identity(event)
        try:
            # dbt-ol's column lineage is pruned after enrichment, against the manifest's columns (below).
            scrub_event(event, self.sql_literals, self.user_inputs, prune_lineage=not dbt)
        except Exception as e:  # noqa: BLE001 - never send an event that may still hold values
            log.error("maskline: dropped an OpenLineage event that could not be scrubbed (%s)", type(e).__name__)
            return None
        if dbt:
            try:
                from openlineage_ext.dbt_events import enrich_dbt_event

                enrich_dbt_event(event, self.properties or {}, identity_names=self.identity_names)
            except Exception as e:  # noqa: BLE001 - enrichment is best effort; the scrubbed event still goes
                # The type only: an exception's text may quote the manifest's SQL or meta, values included.
                log.warning("maskline: could not add masking facets to a dbt event (%s)", type(e).__name__)
            try:
                from openlineage_ext.dbt_events import prune_dbt_lineage

                prune_dbt_lineage(event, self.properties or {})
            except Exception as e:  # noqa: BLE001 - never send column lineage nothing proved
                log.error("maskline: dropped an OpenLineage event whose column lineage could not be checked (%s)",
                          type(e).__name__)
                return None
            self._complete_identity(event)  # after enrichment, which gives dbt runs their own identity
            try:
                from openlineage_ext.unwritten_inputs import hold_back_unwritten_inputs

                # dbt-ol sends every START before any COMPLETE: a read of a model not yet complete in the stream
                # would give Marquez a reader's version of the model's table (see the module).
                hold_back_unwritten_inputs(event)
            except Exception as e:  # noqa: BLE001 - best effort: the event still goes with the inputs dbt-ol gave
                log.warning("maskline: could not check a dbt event's inputs against open writes (%s)", type(e).__name__)
        if self.tag_sync and self.marquez_url:
            try:
                from openlineage_ext.marquez_tags import TagSync, tag_requests, untag_requests, written_by

                TagSync.for_url(self.marquez_url).submit(tag_requests(event), written_by(event),
                                                         untag_requests(event))
            except Exception as e:  # noqa: BLE001
                log.warning("maskline: Marquez tag sync failed (%s)", type(e).__name__)
        return event

    def _absolute_namespaces(self, event: Any) -> None:
        try:
            from openlineage_ext.dbt_namespaces import absolute_duckdb_namespaces

            absolute_duckdb_namespaces(event)
        except Exception as e:  # noqa: BLE001 - naming is best effort: the event still goes, as dbt-ol named it
            log.warning("maskline: could not name a dbt event's DuckDB datasets by their file (%s)", type(e).__name__)

    def _complete_identity(self, event: Any) -> None:
        try:
            from openlineage_ext.run_identity import complete_identity

            complete_identity(event, self.identity_names)
        except Exception as e:  # noqa: BLE001 - identity is best effort
            log.warning("maskline: no identity for a run event (%s)", type(e).__name__)


def main(argv: list[str] | None = None) -> int:
    """Print the transport JSON for ``AIRFLOW__OPENLINEAGE__TRANSPORT`` / ``OPENLINEAGE__TRANSPORT``.

    ``python -m openlineage_ext.transformer file PATH`` or ``... http URL``.

    >>> main(["file", "/tmp/lineage.jsonl"])
    {"type": "transform", "transformer_class": "openlineage_ext.transformer.MasklineTransformer", ...}
    0
    """
    import json

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in ("file", "http"):
        print("usage: python -m openlineage_ext.transformer file PATH | http URL", file=sys.stderr)
        return 2
    inner = ({"type": "file", "log_file_path": args[1], "append": True} if args[0] == "file"
             else {"type": "http", "url": args[1]})
    print(json.dumps(transport_config(inner)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
