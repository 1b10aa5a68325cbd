"""The query a person or an agent sends reaches no log record through sqlglot (red team, round 2).

sqlglot warns with the whole statement when it falls back on an opaque command
(``'PREPARE p AS SELECT ... '219-09-9999'' contains unsupported syntax``). The MCP server and the Airflow log
filter withheld those records, but ``rewrite()`` itself did not: the library path and ``maskline sql --query``
wrote the statement, with the literal compared with a sensitive column, to the log (and, without a logging
setup, to stderr) before refusing it. The parse of the safe query path now withholds sqlglot's records itself.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from tests.rewrite.pii_data import COLUMNS, POLICY

SSN = "219-09-9999"
# Statements sqlglot keeps only as opaque commands, each holding a literal compared with a sensitive column.
FALLBACKS = [
    f"PREPARE p AS SELECT id FROM customers WHERE ssn = '{SSN}'",
    f"EXECUTE p('{SSN}')",
    f"VACUUM customers -- where ssn = '{SSN}'",
]
SCHEMA = {t: {n: d for n, d, _ in cols} for t, cols in COLUMNS.items()}
REPO = Path(__file__).resolve().parents[2]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())


@pytest.fixture()
def sqlglot_records() -> Iterator[_Records]:
    """What sqlglot's logger emits, with its filters set aside, as in a fresh process (the CLI's, a notebook)."""
    logger = logging.getLogger("sqlglot")
    saved = list(logger.filters)
    for f in saved:
        logger.removeFilter(f)
    handler = _Records()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        for f in list(logger.filters):
            logger.removeFilter(f)
        for f in saved:
            logger.addFilter(f)


@pytest.mark.parametrize("sql", FALLBACKS)
def test_sqlglot_alone_logs_the_statement(sql: str, sqlglot_records: _Records) -> None:
    """The control: these statements do make sqlglot log the SSN."""
    import sqlglot

    sqlglot.parse(sql, read="duckdb")
    assert any(SSN in t for t in sqlglot_records.texts)


@pytest.mark.parametrize("sql", FALLBACKS)
def test_a_refused_statement_reaches_no_log_record(sql: str, sqlglot_records: _Records) -> None:
    with pytest.raises(RewriteRefused) as info:
        rewrite(sql, load_policy(POLICY), "duckdb", schema=SCHEMA)
    assert SSN not in str(info.value)
    assert sqlglot_records.texts, "sqlglot said nothing: the control above no longer holds"
    assert not any(SSN in t for t in sqlglot_records.texts)


def test_maskline_sql_prints_no_query_text_on_stderr(tmp_path: Path) -> None:
    """A real ``maskline sql --query`` process: refused (exit 3), and the SSN is on neither stream."""
    policy, schema = tmp_path / "policy.yml", tmp_path / "schema.yml"
    policy.write_text(yaml.safe_dump(POLICY))
    schema.write_text(yaml.safe_dump(SCHEMA))
    done = subprocess.run([sys.executable, "-m", "maskline", "sql", "--dialect", "duckdb", "--policy", str(policy),
                           "--schema-from", str(schema), "--query", FALLBACKS[0]],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 3, done.stderr[-500:]
    assert "PREPARE" in done.stdout + done.stderr  # the refusal names the statement kind
    assert SSN not in done.stdout and SSN not in done.stderr
