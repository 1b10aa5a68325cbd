"""A checkpoint saved with maskline expectations never reports success in a process that did not register them.

GX drops unregistered expectations while loading a suite and validates the rest. Each scenario runs in its own
process, because registration is per process and the point is a process that never imported maskline's
expectations.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "examples" / "gx_checkpoint.py"

RUN = """
import json
import pandas as pd
import great_expectations as gx
PREPARE
frame = pd.DataFrame({"notes": ["call me at ada@example.com", "no pii here"]})
try:
    context = gx.get_context(mode="file", project_root_dir=ROOT)
    result = context.checkpoints.get("customers").run(batch_parameters={"dataframe": frame})
    (run,) = result.run_results.values()
    print(json.dumps({"success": result.success, "ran": sorted(r.expectation_config.type for r in run.results)}))
except Exception as e:
    print(json.dumps({"error": type(e).__name__, "message": str(e)}))
"""


def _python(code: str, root: Path, prepare: str = "") -> dict:
    code = textwrap.dedent(code).replace("ROOT", repr(str(root))).replace("PREPARE", prepare)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def saved_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's checkpoint setup (examples/gx_checkpoint.py), saved to a file project."""
    root = tmp_path_factory.mktemp("gx_project")
    done = subprocess.run([sys.executable, str(EXAMPLE), str(root)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("success=False")  # the frame holds an email address
    # the example says which check failed and shows the value as its pseudonym, never raw
    assert "expect_column_values_to_not_contain_pii: failed, values shown as EMAIL:" in done.stdout
    assert "expect_column_values_to_not_be_null: passed" in done.stdout
    assert "ada@example.com" not in done.stdout + done.stderr
    return root


def test_reloading_in_a_process_without_maskline_fails_and_says_what_to_call(saved_project: Path) -> None:
    found = _python(RUN, saved_project)
    assert "success" not in found
    assert "maskline.expectations.load_all()" in found["message"]


def test_after_load_all_the_saved_checkpoint_runs_every_maskline_expectation(saved_project: Path) -> None:
    found = _python(RUN, saved_project, prepare="import maskline.expectations; maskline.expectations.load_all()")
    assert found == {"success": False, "ran": ["expect_column_values_to_not_be_null",
                                               "expect_column_values_to_not_contain_pii"]}


def test_the_guard_fails_a_run_in_which_a_declared_maskline_expectation_did_not_run() -> None:
    import great_expectations as gx
    import pandas as pd

    from maskline.expectations import ExpectationsNotRegistered, MasklineGuardAction

    context = gx.get_context(mode="ephemeral")
    batch = (context.data_sources.add_pandas("frames").add_dataframe_asset("customers")
             .add_batch_definition_whole_dataframe("all"))
    # The suite as GX leaves it after dropping an unregistered maskline expectation: only the built-in one.
    suite = context.suites.add(gx.ExpectationSuite(name="customers"))
    suite.add_expectation(gx.expectations.ExpectColumnValuesToNotBeNull(column="notes"))
    definition = context.validation_definitions.add(gx.ValidationDefinition(name="v", data=batch, suite=suite))
    guard = MasklineGuardAction(name="guard", expectations={"customers": ["expect_column_values_to_not_contain_pii"]})
    checkpoint = context.checkpoints.add(gx.Checkpoint(name="c", validation_definitions=[definition],
                                                       actions=[guard]))
    with pytest.raises(ExpectationsNotRegistered, match="expect_column_values_to_not_contain_pii"):
        checkpoint.run(batch_parameters={"dataframe": pd.DataFrame({"notes": ["no pii here"]})})
