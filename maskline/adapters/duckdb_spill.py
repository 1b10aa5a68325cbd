"""Where embedded DuckDB spills to disk while it masks: a private directory of this process, never the working one.

An in-memory DuckDB connection spills large sorts, joins and aggregates to ``./.tmp`` by default, a
directory in whatever the working directory is (an Airflow DAGs folder, a dbt project, a repository
checkout that may be synced or committed). The spill files hold the rows being masked, raw. This
module gives each process one directory made by :func:`tempfile.mkdtemp`, so only its owner can read
it (mode 0700), in the system's temporary directory; it is removed when the process exits normally.
DuckDB deletes its own spill files when a query ends; the directory is what would otherwise linger.

>>> import os, stat
>>> stat.S_IMODE(os.stat(spill_directory()).st_mode) == 0o700
True
"""

from __future__ import annotations

import os
import threading
from typing import Any

_LOCK = threading.Lock()
_MADE: dict[int, str] = {}  # by process id: a forked child makes its own (the parent's exit removes the parent's)


def spill_directory() -> str:
    """This process's private spill directory (mode 0700), made on first use and removed at exit.

    >>> spill_directory() == spill_directory()
    True
    >>> os.path.basename(spill_directory()).startswith("maskline-spill-")
    True
    """
    pid = os.getpid()
    with _LOCK:
        made = _MADE.get(pid)
        if made is None or not os.path.isdir(made):  # a temp cleaner may have removed it under a long process
            import atexit
            import shutil
            import tempfile

            made = tempfile.mkdtemp(prefix="maskline-spill-")
            _MADE[pid] = made
            atexit.register(shutil.rmtree, made, True)
        return made


def spill_privately(connection: Any) -> None:
    """Point a DuckDB connection's spill files at :func:`spill_directory`.

    >>> import duckdb
    >>> con = duckdb.connect(); spill_privately(con)
    >>> con.execute("SELECT current_setting('temp_directory')").fetchone()[0] == spill_directory()
    True
    """
    # SET takes no bound parameter; the path is mkdtemp's (the system's temp dir and a random suffix), quoted
    # as a SQL string literal all the same.
    quoted = spill_directory().replace("'", "''")
    connection.execute(f"SET temp_directory = '{quoted}'")
