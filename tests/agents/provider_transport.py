"""Point the Airflow OpenLineage provider of this test process at a transport, as a deployment's config would."""

from __future__ import annotations

import json

import pytest


def use_transport(monkeypatch: pytest.MonkeyPatch, transport: dict[str, object]) -> None:
    """Set ``[openlineage] transport`` and enable lineage for this test, clearing the options the provider caches
    per process so that the next client it builds reads them."""
    from airflow.providers.openlineage import conf

    monkeypatch.setenv("AIRFLOW__OPENLINEAGE__TRANSPORT", json.dumps(transport))
    monkeypatch.delenv("AIRFLOW__OPENLINEAGE__DISABLED", raising=False)
    for name in dir(conf):  # the provider caches its options per process
        clear = getattr(getattr(conf, name), "cache_clear", None)
        if clear:
            clear()
