"""``scripts/trino.sh``: each port's server keeps its own run directory (config, pid file, data).

With one ``run/`` for the whole cache, ``MASKLINE_TRINO_PORT=18479 scripts/trino.sh up`` beside a server on 18476
rewrote that server's config and, finding its pid file alive, took itself for running. The script's ``configure``
step is run here alone (no Java, no PostgreSQL): the catalog's connection settings it reads come from the
environment, as ``pg_database`` would set them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _script(command: str, cache: Path, port: int) -> str:
    env = {**os.environ, "MASKLINE_TRINO_CACHE": str(cache), "MASKLINE_TRINO_PORT": str(port),
           "PG_USER": "u", "PG_PASS": "p", "PG_HOSTPORT": "127.0.0.1:5432"}
    return subprocess.run(["bash", str(REPO / "scripts" / "trino.sh"), command], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def test_two_ports_keep_two_run_directories(tmp_path: Path) -> None:
    _script("configure", tmp_path, 18476)
    _script("configure", tmp_path, 18479)
    first, second = (Path(_script("dir", tmp_path, port)) for port in (18476, 18479))
    assert first != second
    assert "http-server.http.port=18476" in (first / "etc" / "config.properties").read_text()
    assert "http-server.http.port=18479" in (second / "etc" / "config.properties").read_text()
    # the data directory (pid file, logs) and the Iceberg and Hive files are the port's own too
    for run in (first, second):
        assert f"node.data-dir={run}/data" in (run / "etc" / "node.properties").read_text()
        assert f"local.location={run}/hive" in (run / "etc" / "catalog" / "hive.properties").read_text()
