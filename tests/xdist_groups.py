"""Keep each ``xdist_group`` on one worker under ``--dist loadgroup`` with pytest 9's structured node ids.

pytest-xdist 3.8 tells the controller a test's group by appending ``@<group>`` to the test's node id in the
worker, through ``item._nodeid``. pytest 9 reads a node id from ``item._id`` (a ``NodeId``), so that write no
longer reaches the id: every test became its own work unit and the groups were dealt to both workers (reported as
pytest-dev/pytest-xdist#1386, fix open in #1388). Each session fixture of a group (the one ``dag.test()`` process,
the dbt builds, the Spark session) was then built once per worker, twice in a two-worker ``make test``.

:func:`keep_groups_together` writes the suffix where pytest 9 reads it, and does nothing where xdist's own
suffix arrived (an xdist with the fix, or a pytest that still reads ``_nodeid``).
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest


def group_suffix(names: Iterable[str]) -> str:
    """The suffix xdist's loadgroup scheduler reads a test's group from (its names sorted, joined by ``_``).

    >>> group_suffix({"spark", "dbt"})
    '@dbt_spark'
    >>> group_suffix([])
    ''
    """
    names = sorted(set(names))
    return "@" + "_".join(names) if names else ""


def keep_groups_together(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Give each grouped test the node id xdist's loadgroup scheduler splits its group from (workers only: the
    controller does not collect, and without ``--dist loadgroup`` nothing changes)."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        suffix = group_suffix(str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                              for m in item.iter_markers("xdist_group"))
        if suffix and not item.nodeid.endswith(suffix):
            from _pytest.nodeid import NodeId  # only where pytest has structured ids (9 and later)

            item._id = NodeId.parse(item.nodeid + suffix)  # type: ignore[attr-defined]


# Doctests cannot carry a marker, so the group of those that share a costly per-process cache with a grouped
# test module is named here: compiling the dbt package's generated macro file (maskline.dbt.generate's
# render_file, cached per process) costs about 20 CPU seconds, and tests/dbt/test_generated_templates.py's two
# tests and these doctests each asked for it on whichever worker they landed, up to once per worker.
DOCTEST_GROUPS = {
    "maskline/dbt/generate.py::maskline.dbt.generate.render_file": "dbt_generate",
    "maskline/dbt/generate.py::maskline.dbt.generate.main": "dbt_generate",
}


def doctest_group(nodeid: str) -> str | None:
    """The ``xdist_group`` a doctest joins (:data:`DOCTEST_GROUPS`), or None.

    >>> doctest_group("maskline/dbt/generate.py::maskline.dbt.generate.main")
    'dbt_generate'
    >>> doctest_group("maskline/dbt/generate.py::maskline.dbt.generate.catalogue") is None
    True
    """
    return DOCTEST_GROUPS.get(nodeid)
