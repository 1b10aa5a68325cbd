"""No sampled value appears in scan output (table and JSON), policy drafts, logs or exception messages."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.cli.main import main
from maskline.errors import MasklineError
from tests.classify.people import sample_values


def _assert_clean(text: str, values: list[str]) -> None:
    leaked = [v for v in values if len(v) >= 5 and v in text]
    assert not leaked, f"{len(leaked)} sampled values leaked"


def test_scan_outputs_logs_and_policy_drafts_hold_no_sampled_value(rows, tmp_path, capsys, caplog) -> None:
    path = tmp_path / "people.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    values = sample_values(rows)
    caplog.set_level(logging.DEBUG)
    for argv in (["scan", str(path)], ["scan", str(path), "--format", "json"], ["policy", "init", str(path)],
                 ["scan", str(path), "--progress"]):
        assert main(argv) == 0
        captured = capsys.readouterr()
        _assert_clean(captured.out + captured.err, values)
    _assert_clean(caplog.text, values)
    _assert_clean(repr(classify(str(path))), values)


def test_a_failing_validator_raises_without_the_value(monkeypatch, rows) -> None:
    from maskline.infotypes import validators

    def explode(value: str) -> bool:
        raise ValueError(f"cannot parse {value}")

    monkeypatch.setitem(validators.VALIDATORS, "email", explode)
    with pytest.raises(MasklineError) as info:
        classify(pd.DataFrame({"customer_email": rows["customer_email"]}))
    err = info.value
    _assert_clean(str(err), rows["customer_email"])
    assert err.__cause__ is None and err.__suppress_context__, "the original message must not be chained"
    assert "customer_email" in str(err)


def test_connection_errors_never_show_the_password(capsys) -> None:
    code = main(["scan", "postgresql://app:S3cretPassw0rd@127.0.0.1:1/nodb::public.t", "--format", "json"])
    err = capsys.readouterr().err
    assert code == 2 and "S3cretPassw0rd" not in err and "***" in err
