"""The agent toolset's lineage names the key its keyed methods masked with, as every other face does.

Each table an agent's query read carries ``maskline_masking``; since facet 2-0-0 its ``keyCheck`` is the key's check
value (``maskline.keys.key_check_value``), the value the Airflow operators, dbt-ol and ``maskline mcp`` record for the
same key (tests/lineage/test_key_check.py), so a user can tell the agent read tokens comparable to the tables the
pipeline wrote. A table whose masked columns read no key names none. The key itself, its hex and its base64 appear
in no event. Real ``dag.test()`` runs (the suite's shared agent run).
"""

from __future__ import annotations

import pytest

from maskline.keys import KeyMaterial, key_check_value
from tests.agents.conftest import AgentRun
from tests.conftest import TEST_KEY
from tests.lineage.test_key_check import KEYED, leaks

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("agents")]


def test_agent_calls_name_the_suites_key_by_its_check_value(agent_run: AgentRun) -> None:
    expected = key_check_value(KeyMaterial(TEST_KEY.encode()))
    keyed = 0
    for event in agent_run.events:
        for dataset in event.get("inputs", []):
            masking = dataset.get("facets", {}).get("maskline_masking")
            if masking is None:
                continue
            if any(f.get("masked") and f.get("method") in KEYED for f in masking["fields"].values()):
                keyed += 1
                assert masking["keyCheck"]["value"] == expected, event["job"]["name"]
            else:
                assert masking.get("keyCheck") is None, event["job"]["name"]
    assert keyed  # the control: agents did read tables masked under the key
    assert leaks(agent_run.lineage_text, TEST_KEY) == []
