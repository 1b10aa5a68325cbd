"""The scrubber's compiled Hyperscan database, kept on disk between processes.

Compiling the scrubber's patterns costs about half a second, and every new process paid it on its first scrubbed
text: a ``maskline scan`` of a 30-row CSV spent two thirds of its time there (its header check asks whether a cell
is prose with PII), and every Airflow task process paid it once for its log filter. Hyperscan serialises a compiled
database (``dumpb``/``loadb``), so the first process writes it to the user's cache directory and later ones load it
in about a millisecond.

Safety, by construction rather than by checks on what was loaded:

- The file's name is the sha256 of everything the database is built from (each pattern and its flags, the
  Hyperscan version, the machine), so a changed rule, library or platform never meets a database built for another.
- The file carries the sha256 of its payload, checked before Hyperscan sees it: a torn or corrupted file is
  compiled anew, never scanned with (Hyperscan does not check a payload's integrity itself).
- Any failure to read, check or write falls back to compiling: the cache can make a scrub faster, never weaker.
- It is trusted as Python trusts its ``__pycache__``: whoever can write it can also write the installed code.

``MASKLINE_CACHE_DIR`` moves the cache (default ``$XDG_CACHE_HOME/maskline``, else ``~/.cache/maskline``); set to
the empty string it turns the cache off.

The cache stays small: a load marks its file used (its modification time), and writing a new database removes the
databases no process has loaded for ``STALE_AFTER_DAYS`` (each is about 1.3 MB, and every upgrade that changes a
rule writes a new one). Removing one that another install still uses costs that install one compile, nothing more.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.atomic_output import atomic_output

_MAGIC = b"maskline-hyperscan-1\n"
STALE_AFTER_DAYS = 30


@dataclass(frozen=True)
class Compiled:
    """A compiled database, which of the patterns it holds (their positions), and the patterns it could not hold."""

    database: Any
    accepted: tuple[int, ...]
    rejected: frozenset[int]


def cache_dir() -> Path | None:
    """Where compiled databases are kept, or None when ``MASKLINE_CACHE_DIR`` is set empty (no cache).

    >>> import os
    >>> os.environ["MASKLINE_CACHE_DIR"] = "/tmp/ml-cache"; str(cache_dir())
    '/tmp/ml-cache'
    >>> os.environ["MASKLINE_CACHE_DIR"] = ""; cache_dir() is None
    True
    >>> del os.environ["MASKLINE_CACHE_DIR"]
    """
    configured = os.environ.get("MASKLINE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "maskline"
    try:
        return Path.home() / ".cache" / "maskline"
    except (RuntimeError, KeyError):  # no home directory (a bare service account): no cache, not a failure
        return None


def cache_key(hs: Any, patterns: Sequence[tuple[bytes, int]]) -> str:
    """The sha256 naming the database built from ``patterns`` ((expression, flags) pairs) on this library and machine.

    >>> import hyperscan as hs
    >>> cache_key(hs, [(b"a+", 0)]) == cache_key(hs, [(b"a+", 0)]) != cache_key(hs, [(b"a*", 0)])
    True
    """
    digest = hashlib.sha256()
    version = getattr(hs, "__version__", "") or str(getattr(hs, "HS_VERSION", ""))
    digest.update(json.dumps([version, platform.machine(), platform.system()]).encode())
    for expression, flags in patterns:
        digest.update(len(expression).to_bytes(8, "big") + expression + flags.to_bytes(8, "big"))
    return digest.hexdigest()


def load(hs: Any, key: str) -> Compiled | None:
    """The database cached under ``key``, with a scratch space ready, or None if absent, torn or unreadable.

    >>> import hyperscan as hs, os, tempfile
    >>> os.environ["MASKLINE_CACHE_DIR"] = tempfile.mkdtemp()
    >>> load(hs, "0" * 64) is None
    True
    >>> del os.environ["MASKLINE_CACHE_DIR"]
    """
    path = _path(key)
    if path is None:
        return None
    try:
        raw = path.read_bytes()
        if not raw.startswith(_MAGIC):
            return None
        meta_line, _, payload = raw[len(_MAGIC):].partition(b"\n")
        meta = json.loads(meta_line)
        if hashlib.sha256(payload).hexdigest() != meta["payload_sha256"]:
            return None
        database = hs.loadb(payload, hs.HS_MODE_BLOCK)
        database.scratch = hs.Scratch(database)
        _mark_used(path)
        return Compiled(database, tuple(int(i) for i in meta["accepted"]), frozenset(int(i) for i in meta["rejected"]))
    except (OSError, ValueError, KeyError, TypeError, hs.error):
        return None


def store(hs: Any, key: str, compiled: Compiled) -> None:
    """Write ``compiled`` under ``key`` atomically (a temporary file renamed into place); failures are ignored.

    >>> import hyperscan as hs, os, tempfile
    >>> os.environ["MASKLINE_CACHE_DIR"] = tempfile.mkdtemp()
    >>> db = hs.Database(); db.compile(expressions=[b"foo"], ids=[0], elements=1, flags=[0])
    >>> store(hs, "1" * 64, Compiled(db, (0,), frozenset()))
    >>> load(hs, "1" * 64).accepted
    (0,)
    >>> del os.environ["MASKLINE_CACHE_DIR"]
    """
    path = _path(key)
    if path is None:
        return
    try:
        payload = hs.dumpb(compiled.database)
        meta = {"payload_sha256": hashlib.sha256(payload).hexdigest(), "accepted": list(compiled.accepted),
                "rejected": sorted(compiled.rejected)}
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(path) as tmp:  # a torn file left by a killed process is pruned as `.hyperscan-*.tmp`
            tmp.write_bytes(_MAGIC + json.dumps(meta).encode() + b"\n" + payload)
    except (OSError, hs.error):
        return  # a read-only home or a full disk: the next process compiles again
    prune(path.parent, keep=path)


def prune(directory: Path, keep: Path, now: float | None = None) -> list[Path]:
    """Remove the databases in ``directory`` not used for ``STALE_AFTER_DAYS`` days, except ``keep``; return them.

    Only this module's own files (``hyperscan-*.db`` and torn ``.hyperscan-*.tmp``) are touched, and a file that
    cannot be removed is left: pruning saves disk, it is never needed for a scrub.

    >>> import os, tempfile, time
    >>> d = Path(tempfile.mkdtemp()); old, new = d / "hyperscan-old.db", d / "hyperscan-new.db"
    >>> _ = old.write_bytes(b"x"), new.write_bytes(b"y"), (d / "notes.txt").write_text("mine")
    >>> os.utime(old, (time.time() - 40 * 86400,) * 2)
    >>> [p.name for p in prune(d, keep=new)], sorted(p.name for p in d.iterdir())
    (['hyperscan-old.db'], ['hyperscan-new.db', 'notes.txt'])
    """
    cutoff = (time.time() if now is None else now) - STALE_AFTER_DAYS * 86400
    removed: list[Path] = []
    try:
        candidates = [*directory.glob("hyperscan-*.db"), *directory.glob(".hyperscan-*.tmp")]
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if candidate != keep and candidate.stat().st_mtime < cutoff:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue  # removed by another process meanwhile, or not ours to remove
    return removed


def _mark_used(path: Path) -> None:
    """Set the file's modification time to now, which ``prune`` reads as "still used"; a read-only cache is fine."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _path(key: str) -> Path | None:
    directory = cache_dir()
    return None if directory is None else directory / f"hyperscan-{key}.db"
