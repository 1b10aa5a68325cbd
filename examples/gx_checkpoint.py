"""Great Expectations: a saved checkpoint with maskline's expectations that cannot pass by losing them.

Usage: python examples/gx_checkpoint.py [PROJECT_DIR]  (default: a new temporary directory)
"""

from __future__ import annotations

import sys
import tempfile

import great_expectations as gx
import pandas as pd

import maskline.expectations
from maskline.expectations import ExpectColumnValuesToNotContainPii, guarded_actions

root = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()

# Every process that loads saved suites or checkpoints: register maskline's expectations first.
maskline.expectations.load_all()
context = gx.get_context(mode="file", project_root_dir=root)
suite = context.suites.add(gx.ExpectationSuite(name="customers"))
suite.add_expectation(ExpectColumnValuesToNotContainPii(column="notes"))
suite.add_expectation(gx.expectations.ExpectColumnValuesToNotBeNull(column="notes"))
batch = context.data_sources.add_pandas("frames").add_dataframe_asset("customers").add_batch_definition_whole_dataframe("all")
definition = context.validation_definitions.add(gx.ValidationDefinition(name="customers", data=batch, suite=suite))
checkpoint = context.checkpoints.add(gx.Checkpoint(name="customers", validation_definitions=[definition],
                                                   actions=guarded_actions([suite])))

frame = pd.DataFrame({"notes": ["call me at ada@example.com", "no pii here"]})
result = checkpoint.run(batch_parameters={"dataframe": frame})
# success=False is the point: a note holds an e-mail address. The failing check shows it as a pseudonym only.
for run in result.run_results.values():
    for checked in run.results:
        shown = checked.result.get("partial_unexpected_list") or []
        print(f"{checked.expectation_config.type}: {'passed' if checked.success else 'failed'}"
              + (f", values shown as {', '.join(map(str, shown))}" if shown else ""))
print(f"saved in {root}; success={result.success}")
