"""Run the shop example end to end: sync check, dbt deps, dbt build on DuckDB, `maskline dbt check`, rows.

    MASKLINE_KEY=<secret> .venv/bin/python examples/dbt_project/run_example.py
    .venv/bin/python examples/dbt_project/run_example.py --demo-key    # a throwaway key, for `make demo`

The data is made up; printing raw rows next to masked ones is the point of the demo.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO_KEY = "maskline-demo-key-not-a-secret"


def dbt(project_dir: Path, *args: str, env: dict[str, str]) -> None:
    # dbt-ol wraps `dbt build` and emits OpenLineage events when a client config is present (make demo).
    lineage = os.environ.get("OPENLINEAGE_CONFIG") and args[0] == "build"
    exe = Path(sys.executable).with_name("dbt-ol" if lineage else "dbt")
    # dbt colours its log even into a pipe; without colour codes and its time stamp, the summary line reads clean.
    env = {**env, "DBT_USE_COLORS": env.get("DBT_USE_COLORS", "false")}
    proc = subprocess.run([str(exe), *args], cwd=project_dir, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-2000:])
        raise SystemExit(f"dbt {args[0]} failed in {project_dir}")
    summary = [line for line in proc.stdout.splitlines() if "Done." in line or "Installed" in line]
    print(f"dbt {args[0]}: " + (_without_stamp(summary[-1]) if summary else "ok"))


def _without_stamp(line: str) -> str:
    """dbt's log line without its colour codes and its leading time stamp.

    >>> _without_stamp("\\x1b[0m14:54:23  Done. PASS=11 WARN=0 ERROR=0")
    'Done. PASS=11 WARN=0 ERROR=0'
    """
    return re.sub(r"^\d{2}:\d{2}:\d{2}\s+", "", re.sub(r"\x1b\[[0-9;]*m", "", line)).strip()


def show(db: Path) -> None:
    import duckdb
    from rich.console import Console
    from rich.table import Table

    con = duckdb.connect(str(db), read_only=True)
    try:
        for title, raw_sql, masked_sql in (
            ("customers", "select customer_id, full_name, email, birth_date from raw.customers order by 1 limit 3",
             "select customer_id, full_name, email, birth_date from main.stg_customers order by 1 limit 3"),
            ("support_tickets", "select ticket_id, notes from raw.support_tickets order by 1 limit 3",
             "select ticket_id, notes from main.stg_support_tickets order by 1 limit 3"),
        ):
            for label, sql in (("before (source)", raw_sql), ("after (masked model)", masked_sql)):
                rel = con.execute(sql)
                table = Table(title=f"{title}: {label}")
                for d in rel.description:
                    table.add_column(d[0], overflow="fold")
                for row in rel.fetchall():
                    table.add_row(*("NULL" if v is None else str(v) for v in row))
                Console().print(table)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project-dir", type=Path, default=HERE)
    parser.add_argument("--demo-key", action="store_true", help="use a throwaway key when MASKLINE_KEY is unset")
    parser.add_argument("--no-show", action="store_true", help="skip printing before/after rows")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if not env.get("MASKLINE_KEY"):
        if not args.demo_key:
            print("error: MASKLINE_KEY is not set. Fix: export MASKLINE_KEY=<a long random secret>, or pass --demo-key",
                  file=sys.stderr)
            return 2
        env["MASKLINE_KEY"] = DEMO_KEY
    project = args.project_dir.resolve()
    env["DBT_PROFILES_DIR"] = str(project)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    from maskline.cli.main import main as maskline_main

    # policy.yml is what masks the sources; dbt reads it as compiled by `maskline dbt sync`, so a stale copy
    # (the policy or its stored scan edited since) stops the run before anything is built.
    rc = maskline_main(["dbt", "sync", "--check", "--project-dir", str(project)])
    if rc != 0:
        return rc
    dbt(project, "deps", env=env)
    dbt(project, "build", env=env)

    rc = maskline_main(["dbt", "check", "--project-dir", str(project)])
    if rc != 0:
        return rc
    if not args.no_show:
        show(project / "target" / "shop.duckdb")
    return 0


if __name__ == "__main__":
    sys.exit(main())
