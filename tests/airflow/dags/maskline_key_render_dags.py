"""A key read from the environment, and rendered into a template field from a Variable Airflow takes for no secret.

- ``mt_key_render``: ``@task.maskline`` with the policy's key at ``key.env`` (``MASKLINE_TEST_ENV_KEY``) gets the
  same key as an argument rendered from ``{{ var.value.mask_key }}`` (a name Airflow does not mask) and logs it
  carelessly. The stored rendered fields, the task log, the XComs and the lineage must hold no key.
"""

from __future__ import annotations

import logging
from typing import Any

import pendulum
from airflow.sdk import DAG

from airflow_plugin.decorators.maskline import maskline_task

ENV_KEY_POLICY = {"key": {"env": "MASKLINE_TEST_ENV_KEY"},
                  "datasets": {"people": {"columns": {"id": {"pass": True}, "email": {"method": "hmac"}}}}}

with DAG("mt_key_render", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as key_render_dag:

    @maskline_task(policy=ENV_KEY_POLICY, table="people")
    def keyed_people(token: str) -> Any:
        import pandas as pd

        logging.getLogger(__name__).info("careless: the token is %s", token)
        return pd.DataFrame({"id": [1], "email": ["ann@example.com"]})

    keyed_people(token="{{ var.value.mask_key }}")
