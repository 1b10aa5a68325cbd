"""Earlier versions of maskline's text scrubber, loaded from git history for same-run comparisons.

``make bench`` measures the scrubber beside the implementations it replaced. Rather than keep frozen copies
of old code in the tree, the old modules (``maskline/text/scrubber.py`` and the modules of ``maskline/text``
it imports: ``spans.py``, ``prefilter.py``) are read with ``git show COMMIT:PATH`` and run as a private
package. Everything else they import (validators, errors, keys) is today's code, so a comparison measures
the scrubber's engine, not old validators.

>>> PREVIOUS in VERSIONS
True
"""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

# commit -> what it was: the scrubber before the Hyperscan prefilter, before the speed work of issue 14, and
# before the scrubfast round (the prefilter's cheaper card and e-mail patterns, the clean line's shorter path).
PREVIOUS = "97c7f1a"
BEFORE_SPEED_WORK = "ddc67b4"
BEFORE_LAST_ROUND = "5fbda08"
VERSIONS = {PREVIOUS: "before the Hyperscan prefilter", BEFORE_SPEED_WORK: "before the speed work (issue 14)",
            BEFORE_LAST_ROUND: "before this round (scrubfast)"}
_MODULES = ("spans", "prefilter", "scrubber")  # in import order; a module missing at a commit is skipped
_ROOT = Path(__file__).resolve().parents[1]


class HistoryUnavailable(RuntimeError):
    """git, the repository's history or the commit is not there (a source archive, a shallow clone).

    ``missing`` is which one (``"git"`` or ``"commit"``): callers print their own message from it.
    """

    def __init__(self, missing: str) -> None:
        super().__init__(missing)
        self.missing = missing

    @property
    def explanation(self) -> str:
        """What is missing and how to get it, built from :attr:`missing` alone.

        >>> HistoryUnavailable("git").explanation
        'git is not installed'
        """
        return {"git": "git is not installed",
                "commit": "the commit is not in this checkout's history (a source archive or a shallow clone? "
                          "`git fetch --unshallow` fixes it)"}[self.missing]


def _source(commit: str, module: str, path: str = "maskline/text/{}.py") -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(_ROOT), "show", f"{commit}:{path.format(module)}"],
                              capture_output=True, text=True, check=False)
    except FileNotFoundError as e:
        raise HistoryUnavailable("git") from e
    if done.returncode != 0:
        if module in ("scrubber", "log_filter"):
            raise HistoryUnavailable("commit")
        return None
    return done.stdout


def load(commit: str) -> Any:
    """The ``maskline.text.scrubber`` module as it was at ``commit``, with ``find``, ``scrub`` and ``scrub_value``.

    Raises :class:`HistoryUnavailable` when git or the commit is missing.
    """
    package = f"_maskline_text_at_{commit}"
    if f"{package}.scrubber" in sys.modules:
        return sys.modules[f"{package}.scrubber"]
    sources = {m: _source(commit, m) for m in _MODULES}
    present = [m for m in _MODULES if sources[m] is not None]
    sys.modules[package] = types.ModuleType(package)
    sys.modules[package].__path__ = []  # type: ignore[attr-defined]
    for module in present:
        names = "|".join(present)
        code = re.sub(r"\bmaskline\.text\.(" + names + r")\b", package + r".\1", sources[module] or "")
        # `from maskline.text import prefilter` too: left alone, it ran the old scrubber on today's prefilter.
        code = re.sub(r"\bfrom maskline\.text import (" + names + r")\b", "from " + package + r" import \1", code)
        mod = types.ModuleType(f"{package}.{module}")
        mod.__file__ = f"<git {commit}:maskline/text/{module}.py>"
        sys.modules[mod.__name__] = mod
        exec(compile(code, mod.__file__, "exec"), mod.__dict__)  # our own code, from our own history
    return sys.modules[f"{package}.scrubber"]


def load_log_filter(commit: str) -> Any:
    """``airflow_plugin.log_filter`` as it was at ``commit``, running on the scrubber of that commit
    (:func:`load`): its ``scrub_event`` is the log filter's whole path then.

    Raises :class:`HistoryUnavailable` when git or the commit is missing.
    """
    scrubber = load(commit)
    package = scrubber.__name__.rpartition(".")[0]
    name = f"{package}.log_filter"
    if name in sys.modules:
        return sys.modules[name]
    code = _source(commit, "log_filter", "airflow_plugin/{}.py") or ""
    # Its imports of the core's text package (the scrubber's names) go to that commit's scrubber.
    code = re.sub(r"\bfrom maskline\.text(?:\.scrubber)? import ", f"from {package}.scrubber import ", code)
    code = re.sub(r"\bimport maskline\.text\b", f"import {package}.scrubber", code)
    mod = types.ModuleType(name)
    mod.__file__ = f"<git {commit}:airflow_plugin/log_filter.py>"
    sys.modules[name] = mod
    exec(compile(code, mod.__file__, "exec"), mod.__dict__)  # our own code, from our own history
    return mod
