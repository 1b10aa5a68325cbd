"""A CSV whose every row is safe but the last, which holds a secret in every column past the scan's sample; and the
check that `maskline mask` redacted that row and passed every other row unchanged (the row guard tests share it)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class SecretsPastSample:
    """A table of ``id`` plus ``columns``: rows 1..``rows`` from ``row(i)``, every value of its column's form, then
    one row from ``secret_row(rows)`` holding in each column a secret that fitted a form main held it to. The faces'
    checks the row guard tests share: `maskline mask` on CSV and Parquet, and the safe query path on DuckDB and
    PostgreSQL, each redacting the last row's every column and passing every other row unchanged.

    >>> t = SecretsPastSample("t", ("tier",), ("a@b.example",), lambda i: [str(i), "gold"],
    ...                       lambda n: [str(n + 1), "a@b.example"], rows=2)
    >>> t.all_rows()
    [['1', 'gold'], ['2', 'gold'], ['3', 'a@b.example']]
    """

    table: str
    columns: Sequence[str]
    secrets: Sequence[str]
    row: Callable[[int], list[str]]
    secret_row: Callable[[int], list[str]]
    rows: int = 50_000

    def all_rows(self) -> list[list[str]]:
        """Every row, the secret's last."""
        return [self.row(i) for i in range(1, self.rows + 1)] + [self.secret_row(self.rows)]

    def csv(self, path: Path) -> Path:
        """The table as a CSV at ``path`` (with its header)."""
        with path.open("w", newline="") as f:
            csv.writer(f).writerows([["id", *self.columns], *self.all_rows()])
        return path

    def assert_only_the_secrets_redacted(self, got: list[list[str]]) -> None:
        """``got`` (every row, as text) has the last row redacted whole and every other row unchanged."""
        assert got[-1] == [str(self.rows + 1), *["[REDACTED]"] * len(self.columns)], got[-1]
        assert not any(s in str(got[-1]) for s in self.secrets)
        # the control: every sampled value and every value of the form passes unchanged
        assert got[:-1] == self.all_rows()[:-1]

    def check_mask_csv(self, tmp_path: Path) -> None:
        """`maskline mask` of the table as CSV."""
        out = tmp_path / "out.csv"
        assert main(["mask", str(self.csv(tmp_path / f"{self.table}.csv")), str(out)]) == 0
        with out.open(newline="") as f:
            got = list(csv.reader(f))
        assert got[0] == ["id", *self.columns]
        self.assert_only_the_secrets_redacted(got[1:])

    def check_mask_parquet(self, tmp_path: Path) -> None:
        """`maskline mask` of the table as Parquet (every column text)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        source, out, rows = tmp_path / f"{self.table}.parquet", tmp_path / "out.parquet", self.all_rows()
        pq.write_table(pa.table({name: [r[k] for r in rows] for k, name in enumerate(["id", *self.columns])}), source)
        assert main(["mask", str(source), str(out)]) == 0
        self.assert_only_the_secrets_redacted([list(r.values()) for r in pq.read_table(out).to_pylist()])

    def check_query_path(self, policy: Path, connection: Any, dialect: str, filter_column: str) -> None:
        """Through the safe query path: the last row redacted, a filter on its secret finding nothing (the guard is
        below the query), and the first rows unchanged."""
        run = masked_runner(policy, connection, dialect)
        cols = ", ".join(self.columns)
        assert run(f"SELECT {cols} FROM {self.table} WHERE id = {self.rows + 1}") == [["[REDACTED]"] * len(self.columns)]
        secret = self.secrets[list(self.columns).index(filter_column)]
        assert run(f"SELECT count(*) FROM {self.table} WHERE {filter_column} = '{secret}'") == [[0]]
        assert run(f"SELECT {cols} FROM {self.table} WHERE id <= 2 ORDER BY id") == [self.row(1)[1:], self.row(2)[1:]]

    def check_duckdb(self, tmp_path: Path, filter_column: str) -> None:
        """The table in a DuckDB file (``id`` a BIGINT, every other column text), scanned and saved, then queried."""
        import duckdb

        db = tmp_path / "w.duckdb"
        con = duckdb.connect(str(db))
        con.execute(f"CREATE TABLE {self.table} AS SELECT * FROM read_csv('{self.csv(tmp_path / 's.csv')}', "
                    "all_varchar=true)")
        con.execute(f"ALTER TABLE {self.table} ALTER id TYPE BIGINT")
        con.close()
        policy = policy_file(tmp_path)
        assert main(["scan", f"duckdb:///{db}::main.{self.table}", "--policy", str(policy), "--save"]) == 0
        self.check_query_path(policy, duckdb.connect(str(db)), "duckdb", filter_column)

    def check_postgres(self, pg_dsn: str, tmp_path: Path, filter_column: str) -> None:
        """The table on PostgreSQL (``id`` a bigint, every other column text), scanned and saved, then queried."""
        import psycopg2

        con = psycopg2.connect(pg_dsn)
        con.autocommit = True
        try:
            with con.cursor() as cur, self.csv(tmp_path / "s.csv").open() as f:
                cur.execute(f"DROP TABLE IF EXISTS {self.table}")
                cur.execute(f"CREATE TABLE {self.table} (id bigint, " + ", ".join(f"{c} text" for c in self.columns)
                            + ")")
                cur.copy_expert(f"COPY {self.table} FROM STDIN WITH (FORMAT csv, HEADER true)", f)
                cur.execute(f"ANALYZE {self.table}")
            policy = policy_file(tmp_path)
            assert main(["scan", f"{pg_dsn}::public.{self.table}", "--policy", str(policy), "--save"]) == 0
            self.check_query_path(policy, con, "postgres", filter_column)
        finally:
            con.close()
