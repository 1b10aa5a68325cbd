"""Failure paths with canary values: every error, output and console line is grepped for them.

Each canary is made up for these tests, so finding one anywhere but the input is a leak. Every test has a
control showing that the canary really reaches the failing component (and would show if its text were forwarded).
"""

from __future__ import annotations

import traceback

import pandas as pd
import pyarrow as pa
import pytest

from maskline.engine.frames import mask_frame
from maskline.errors import InputError

CANARY_EMAIL = "zq.canary7731@leakcheck.example"
CANARIES = (CANARY_EMAIL, "canary7731")


def everything_about(err: BaseException) -> str:
    """The error's text, its full printed traceback (causes and contexts included) and the reprs of both links."""
    return "".join(traceback.format_exception(err)) + repr(err.__cause__) + repr(err.__context__)


def assert_no_canary(text: str) -> None:
    leaked = [c for c in CANARIES if c in text]
    assert not leaked, "a canary leaked"


# --- a DataFrame column Arrow cannot convert ------------------------------------------------------------------

def _mixed_frame() -> pd.DataFrame:
    return pd.DataFrame({"id": [1, 2], "contact": pd.array([1, CANARY_EMAIL], dtype=object)})


def test_arrows_own_message_quotes_the_value_it_could_not_convert() -> None:
    with pytest.raises(pa.ArrowException) as e:  # the control: forwarding this text would leak
        pa.Table.from_pandas(_mixed_frame(), preserve_index=False)
    assert CANARY_EMAIL in str(e.value)


@pytest.mark.parametrize("policy", [
    {"datasets": {"t": {"columns": {"id": {"pass": True}, "contact": {"info_type": "EMAIL"}}}}},
    {"datasets": {"t": {"columns": {"id": {"pass": True}, "contact": {"pass": True}}}}},
    {"version": 1},  # classified first
])
def test_a_column_arrow_cannot_convert_is_named_without_its_value_or_a_chained_cause(policy) -> None:
    with pytest.raises(InputError) as e:
        mask_frame(_mixed_frame(), policy, table="t")
    assert "column 'contact'" in e.value.what and "column 2" in (e.value.where or "")
    assert "astype" in (e.value.fix or "")
    assert e.value.__cause__ is None and e.value.__context__ is None  # nothing holding the value rides along
    assert_no_canary(everything_about(e.value))
