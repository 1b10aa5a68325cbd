"""A CSV whose every row is safe but the last, which holds a secret in every column past the scan's sample; and the
check that `maskline mask` redacted that row and passed every other row unchanged (the row guard tests share it)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from maskline.cli.main import main


def write_with_secret_last(path: Path, columns: Sequence[str], row: Callable[[int], list[Any]], rows: int,
                           secret: str) -> Path:
    """``id`` plus ``columns``: rows 1..``rows`` from ``row(i)``, then one row of ``secret`` in every column.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_with_secret_last(p, ["tier"], lambda i: [str(i), "gold"], 2, "a@b.example").read_text().splitlines()
    ['id,tier', '1,gold', '2,gold', '3,a@b.example']
    """
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", *columns])
        w.writerows(row(i) for i in range(1, rows + 1))
        w.writerow([str(rows + 1), *([secret] * len(columns))])
    return path


def assert_mask_redacts_only_the_secret_row(source: Path, out: Path, columns: Sequence[str],
                                            row: Callable[[int], list[Any]], rows: int, secret: str) -> None:
    """`maskline mask source out` redacts the last row's every column and passes every other row unchanged."""
    assert main(["mask", str(source), str(out)]) == 0
    with out.open(newline="") as f:
        got = {int(r["id"]): r for r in csv.DictReader(f)}
    last = got.pop(rows + 1)
    assert secret not in str(last)
    assert all(last[name] == "[REDACTED]" for name in columns)
    # Control: every other row passes unchanged (the columns were passed, and their values have the form).
    assert len(got) == rows
    assert all(r[name] == row(i)[1 + k] for i, r in got.items() for k, name in enumerate(columns))


def policy_file(tmp_path: Path, columns: str = "") -> Path:
    """A policy keyed by ``MASKLINE_KEY``, with ``columns`` (YAML text) appended: every other column is the scan's.

    >>> import tempfile; policy_file(Path(tempfile.mkdtemp())).read_text()
    'version: 1\\nkey: {env: MASKLINE_KEY}\\n'
    """
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nkey: {env: MASKLINE_KEY}\n" + columns)
    return policy


def masked_runner(policy: Path, connection: Any, dialect: str) -> Callable[[str], list[list[object]]]:
    """A function running SQL through the safe query path (rewrite, then run masked) on ``connection``."""
    from maskline.keys import resolve_key
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.rewrite.run import run_masked

    pol = load_policy(policy)

    def run(sql: str) -> list[list[object]]:
        return [list(r) for r in run_masked(connection, rewrite(sql, pol, dialect, connection=connection),
                                            resolve_key(pol.key)).rows]

    return run


def policy_init_text(path: Path, columns: Sequence[str], row: Callable[[int], list[Any]], rows: int,
                     capsys: Any) -> str:
    """The policy `maskline policy init` prints (read through pytest's ``capsys``) for a CSV at ``path`` of ``id``
    plus ``columns``, rows 1..``rows`` from ``row(i)``: every row safe, since what the scan passes, and with which
    form, is the test's question."""
    with path.open("w", newline="") as f:
        csv.writer(f).writerows([["id", *columns], *(row(i) for i in range(1, rows + 1))])
    capsys.readouterr()
    assert main(["policy", "init", str(path)]) == 0
    return str(capsys.readouterr().out)
