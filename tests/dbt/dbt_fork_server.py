"""Run the ``dbt`` command as a fresh process forked from one that imported dbt already (a fork server).

Each ``dbt`` process spends about 4 CPU seconds importing dbt-core and its adapters before it reads the project,
and the suite starts a few hundred of them. The server imports them once per test process; every dbt command
then runs in a child forked from it: a process of its own, with its own working directory, environment, stdout
and stderr files and exit status, exactly as the ``dbt`` script would run (``sys.exit(cli())``). Nothing of one
command reaches the next: the server never runs dbt itself, and nothing of maskline is imported before the fork
(the child imports this checkout's code, as a new process would).

Run as ``python tests/dbt/dbt_fork_server.py``: requests come as JSON lines on stdin, answers go out as JSON lines
on stdout (the child's pid, then its wait status).
"""

from __future__ import annotations

import atexit
import json
import locale
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

# What the dbt script imports before it reads a project; the adapters each take about a second more.
PRELOAD = ("dbt.cli.main", "dbt.adapters.duckdb", "dbt.adapters.postgres", "dbt.task.build", "dbt.parser.manifest")


def _child(request: dict[str, Any], protocol: tuple[int, int]) -> None:
    """In the forked child: become the ``dbt`` process of ``request`` and exit with its status (never returns)."""
    code: int = 1
    try:
        for fd in protocol:
            os.close(fd)
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        for src, dest in ((null, 0), (out, 1), (err, 2)):
            os.dup2(src, dest)
            os.close(src)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import random

        random.seed()  # a new process would not share the server's random state
        sys.argv = list(request["argv"])
        from dbt.cli.main import cli

        try:
            cli()
            code = 0
        except SystemExit as e:  # how the dbt script ends: sys.exit(cli())
            if e.code is None or isinstance(e.code, int):
                code = e.code or 0
            else:
                print(e.code, file=sys.stderr)
                code = 1
    except BaseException:  # noqa: BLE001  # an uncaught exception ends a Python process with a traceback, status 1
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve() -> None:
    """Import dbt, then fork one child per request line until stdin closes."""
    # The protocol moves off fds 0 and 1, so that nothing an import prints can corrupt it.
    requests, answers = os.fdopen(os.dup(0), "r"), os.fdopen(os.dup(1), "w")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(2, 1)
    # The dbt script's own directory heads sys.path, not this file's.
    sys.path[0] = os.path.dirname(sys.executable)
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    # The code under test is imported by each child, fresh, as a new dbt process would.
    assert not [m for m in sys.modules if m.split(".")[0] in ("maskline", "openlineage_ext", "tests")], PRELOAD
    answers.write(json.dumps({"ready": True}) + "\n")
    answers.flush()
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request, (requests.fileno(), answers.fileno()))
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()
        _, status, usage = os.wait4(pid, 0)
        answers.write(json.dumps({"status": status, "cpu": usage.ru_utime + usage.ru_stime}) + "\n")
        answers.flush()


class ForkServer:
    """One fork server process, started with ``env`` (its PYTHONPATH fixes what the children can import)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.pythonpath = env.get("PYTHONPATH")
        self.lock = threading.Lock()
        self.proc = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=env, text=True, bufsize=1)
        self.tmp = Path(tempfile.mkdtemp(prefix="dbt_fork_server_"))
        self.calls = 0
        self.cpu = 0.0  # CPU seconds of the children so far (what `time` counts once the server is waited for)
        self._answer(None)

    def _answer(self, deadline: float | None) -> dict[str, Any]:
        import time

        out: IO[str] = self.proc.stdout  # type: ignore[assignment]
        if deadline is not None:
            ready, _, _ = select.select([out], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError
        line = out.readline()
        if not line:
            raise RuntimeError(f"the dbt fork server ended (status {self.proc.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def run(self, argv: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
        """``subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)`` of the
        ``dbt`` script, in a child of the server."""
        import time

        with self.lock:
            self.calls += 1
            stdout, stderr = self.tmp / f"{self.calls}.out", self.tmp / f"{self.calls}.err"
            request = {"argv": argv, "cwd": str(cwd), "env": env, "stdout": str(stdout), "stderr": str(stderr)}
            deadline = time.monotonic() + timeout
            assert self.proc.stdin is not None
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            pid = self._answer(None)["pid"]
            try:
                answer = self._answer(deadline)
                status = answer["status"]
                self.cpu += answer["cpu"]
            except TimeoutError:
                os.kill(pid, signal.SIGKILL)
                self._answer(None)
                raise subprocess.TimeoutExpired(argv, timeout, _read(stdout), _read(stderr)) from None
            try:
                return subprocess.CompletedProcess(argv, os.waitstatus_to_exitcode(status), _read(stdout),
                                                   _read(stderr))
            finally:
                stdout.unlink(missing_ok=True)
                stderr.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop the server: it ends when its stdin closes."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)
        import shutil

        shutil.rmtree(self.tmp, ignore_errors=True)


def _read(path: Path) -> str:
    """A child's output as ``subprocess.run(text=True)`` decodes it (locale encoding, universal newlines)."""
    data = path.read_bytes() if path.exists() else b""
    return data.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


_SERVER: ForkServer | None = None


def run_dbt(argv: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run the ``dbt`` script ``argv`` as ``subprocess.run`` would, through this process's fork server (started on
    first use, with ``env``). An ``env`` whose PYTHONPATH differs from the server's runs as a plain subprocess:
    what a process can import is fixed when it starts. ``MASKLINE_TEST_DBT_FORK=0`` runs every command as a plain
    subprocess (to compare)."""
    global _SERVER
    if os.environ.get("MASKLINE_TEST_DBT_FORK") == "0":
        return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if _SERVER is None:
        _SERVER = ForkServer({k: v for k, v in env.items() if not k.startswith("DBT_") and k != "MASKLINE_KEY"})
        atexit.register(_SERVER.close)
    if env.get("PYTHONPATH") != _SERVER.pythonpath:
        return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    return _SERVER.run(argv, cwd, env, timeout)


if __name__ == "__main__":
    serve()
