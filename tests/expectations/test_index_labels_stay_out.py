"""A DataFrame indexed by a sensitive column: its labels never reach a maskline expectation's result.

GX puts the index labels of failing rows in ``unexpected_index_list`` and quotes them in
``unexpected_index_query`` (``df.filter(items=[...])``). The canaries are made up for this test.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

from maskline.keys import KeyMaterial

CANARY_EMAIL = "zq.canary7731@leakcheck.example"
CANARY_NAME = "Quillon Vexbridge"
RESULT_FORMATS = ["COMPLETE", {"result_format": "COMPLETE", "include_unexpected_rows": True,
                               "return_unexpected_index_query": True}]


def _indexed_by_owner() -> pd.DataFrame:
    return pd.DataFrame({"email": [CANARY_EMAIL, "ann@example.com", "x@y.org"]},
                        index=pd.Index([CANARY_EMAIL, "k2", CANARY_NAME], name="owner"))


@pytest.mark.parametrize("result_format", RESULT_FORMATS, ids=["complete", "complete_with_query"])
def test_index_labels_of_failing_rows_are_not_in_the_result(gx_context: Any, result_format: Any) -> None:
    import maskline.expectations as mx
    from maskline.expectations.batches import pandas_batch

    batch = pandas_batch(gx_context, _indexed_by_owner(), asset="owners")
    result = batch.validate(mx.ExpectColumnValuesToBeMasked(column="email", method="redact"),
                            result_format=result_format)
    text = json.dumps(result.to_json_dict(), default=str)
    assert not result.success and result.result["unexpected_count"] == 3
    assert "canary7731" not in text and CANARY_NAME not in text


def test_what_gx_puts_in_the_index_query_is_the_labels_themselves() -> None:
    from maskline.expectations.value_free import WITHHELD, redact_result

    # The control, without GX's cost: the shape GX 1.24 returns for the DataFrame above.
    gx_result = {"unexpected_count": 3, "element_count": 3,
                 "unexpected_index_list": [CANARY_EMAIL, "k2", CANARY_NAME],
                 "unexpected_index_query": f"df.filter(items=[{CANARY_EMAIL!r}, 'k2', {CANARY_NAME!r}], axis=0)"}
    out = redact_result(gx_result, KeyMaterial(b"k" * 16), labeller=lambda v: "VALUE", column="email")
    assert out["unexpected_count"] == 3 and out["unexpected_index_query"] == WITHHELD
    assert "canary7731" not in json.dumps(out) and CANARY_NAME not in json.dumps(out)
    assert redact_result({"unexpected_index_list": [3, 5]}, None)["unexpected_index_list"] == [3, 5]  # row numbers
    assert redact_result({"some_new_key": "a@b.c"}, None) == {"some_new_key": WITHHELD}  # unknown keys: withheld
