"""A failing column-lineage fallback in the dbt-ol enrichment is logged by its class, and the masking facets stay.

The enrichment traces the compiled SQL itself when dbt-ol could not
(:func:`openlineage_ext.dbt_sql_lineage.complete_column_lineage`). That trace is best effort: whatever it raises,
the model's masking facets must still be written. It used to swallow the exception silently, which hid its bugs;
now it logs the exception's class and the model, never the exception's text, which can quote the model's SQL and
its literals.

The real transformer on the COMPLETE event dbt-ol emits for a model (tests/lineage/test_dbt_pinned_lineage.py's
manifest, catalog and dbt-ol's own parse); the one double is the fault injected into the fallback, a
``ValueError`` whose message carries a marker value, as a parser quoting a literal would.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from openlineage.client.serde import Serde

import openlineage_ext.dbt_sql_lineage as dbt_sql_lineage
from openlineage_ext.transformer import MasklineTransformer
from tests.lineage.test_dbt_pinned_lineage import MODEL, PINNED_SQL, _event, _project

MARKER = "zz.marker.4471@example.org"
LOGGER = "openlineage_ext.dbt_events"


def _transformed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> dict[str, Any]:
    manifest = _project(tmp_path, PINNED_SQL)
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        event = MasklineTransformer({"manifest_path": str(manifest), "dbt_catalog": "read"}).transform(
            _event(PINNED_SQL))
    assert event is not None
    return json.loads(Serde.to_json(event))


def _ours(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == LOGGER)


def test_a_failing_lineage_fallback_still_writes_the_masking_facets_and_logs_only_its_class(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def failing(*_a: Any, **_k: Any) -> None:  # the injected fault: a bug whose message quotes a value
        raise ValueError(f"cannot trace WHERE email = '{MARKER}'")

    monkeypatch.setattr(dbt_sql_lineage, "complete_column_lineage", failing)
    event = _transformed(tmp_path, caplog)
    out = event["outputs"][0]["facets"]
    masking = out["maskline_masking"]["fields"]
    assert masking["notes"]["masked"] is True and masking["customer_email"]["masked"] is True
    assert out["tags"]  # the field tags come from the same plan
    logged = _ours(caplog)
    assert "ValueError" in logged and MODEL in logged, logged
    assert MARKER not in caplog.text and "cannot trace" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records)  # no traceback (which would print the message)


def test_a_fallback_that_works_logs_nothing_and_writes_the_same_facets(tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    # The control: the same event without the fault traces its lineage, and nothing is logged.
    event = _transformed(tmp_path, caplog)
    out = event["outputs"][0]["facets"]
    assert out["maskline_masking"]["fields"]["notes"]["masked"] is True
    assert set(out["columnLineage"]["fields"]) == {"ticket_id", "opened_at", "customer_email", "notes"}
    assert "could not trace" not in _ours(caplog)
