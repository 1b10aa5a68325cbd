"""dag.test() of one DAG file in a throwaway Airflow of its own, and what that run left behind.

For the tests that need a run apart from the shared one (:func:`tests.airflow.conftest.airflow_runs`): DAGs kept
out of the shared folder, or other settings (a control run without the log filter).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class OneDagRun:
    """One DAG's run: its states, the child process's output (the task logs) and its metadata database."""

    result: dict[str, Any]
    log: str
    metadata_db: Path
    others: dict[str, Any] = field(default_factory=dict)  # the results of the DAGs run beside it (``also``)

    def text(self, sql: str, *parameters: Any) -> str:
        """The first column of ``sql``'s rows over the metadata database, as one text (XCom values are bytes)."""
        con = sqlite3.connect(self.metadata_db)
        try:
            rows = con.execute(sql, parameters).fetchall()
        finally:
            con.close()
        return " ".join(r[0] if isinstance(r[0], str) else bytes(r[0]).decode("utf-8") for r in rows)


def run_one_dag(workdir: Path, dag_file: Path, dag_id: str, settings: Mapping[str, str] | None = None,
                also: Sequence[tuple[Path, str]] = ()) -> OneDagRun:
    """``dag.test()`` of ``dag_id`` from ``dag_file`` alone in a DAG folder under ``workdir``, with the plugin's
    defaults (log filter, masking XCom backend) unless ``settings`` changes them; ``also``: more (DAG file, DAG id)
    pairs run in the same process, after it, for a control run that serves several tests."""
    from airflow_plugin.demo import airflow_env, run_dags

    dags = workdir / "dags"
    dags.mkdir()
    for source in {dag_file, *(f for f, _ in also)}:
        shutil.copy(source, dags / source.name)
    env = airflow_env(workdir / "airflow_home", dags, settings)
    results = run_dags([dag_id, *(d for _, d in also)], env, workdir)
    return OneDagRun(results[dag_id], (workdir / "dag_test.log").read_text(errors="replace"),
                     workdir / "airflow_home" / "airflow.db", {d: results[d] for _, d in also})
