"""The exfiltrating-agent Airflow DAGs, one per connection in ``MASKLINE_AGENT_TEST_CONNS`` (see tests/agents/agent_dags.py).

``dag.test()`` syncs the DAGs folder to the metadata database before a run, so the
DAGs it runs must also be found here.
"""

from __future__ import annotations

import os

from agent_dags import build_dag

for _conn in filter(None, os.environ.get("MASKLINE_AGENT_TEST_CONNS", "").split(",")):
    globals()[f"agent_exfiltration_{_conn}"] = build_dag(_conn)
