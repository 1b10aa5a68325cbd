"""Which extra installs each optional module, so that a missing one is told as the ``pip install`` that adds it.

The ``maskline`` command turns a ``ModuleNotFoundError`` for one of these modules, wherever it is raised, into one
error line naming the extra (:func:`missing_extra`), where a ``postgresql://`` scan without psycopg2 ended in a
traceback. The table is checked against pyproject.toml's extras by a test.

>>> missing_extra(ModuleNotFoundError("No module named 'psycopg2'", name="psycopg2")).fix
"pip install 'maskline[postgres]'"

The packages a user imports from Python (the Airflow operators, the agent tools, the GX expectations) check
their framework when imported (:func:`require_extra`), so ``import`` without the extra names the ``pip install``
too, where it said only "No module named 'airflow'".
"""

from __future__ import annotations

from maskline.errors import InputError

# Top-level module -> the extra that installs it (the smallest one, as the README's table lists them).
EXTRA_OF_MODULE: dict[str, str] = {
    "psycopg2": "postgres",
    "trino": "trino",
    "mcp": "mcp",
    "great_expectations": "gx",
    "openlineage": "lineage",
    "spacy": "ner",
    "hyperscan": "fast-scrub",
    "airflow": "airflow",
    "dbt": "dbt",
    "pyspark": "dbt-spark",
    "pydantic_ai": "ai",
}


class MissingExtra(ModuleNotFoundError):
    """A module an extra installs is missing: the message names the face and the ``pip install``.

    A :class:`ModuleNotFoundError` whose ``name`` is the missing module, so ``except ImportError`` handlers and
    :func:`missing_extra` treat it as the import system's own.

    >>> e = MissingExtra("maskline's X needs the 'gx' extra", name="great_expectations")
    >>> isinstance(e, ImportError), e.name
    (True, 'great_expectations')
    """


def require_extra(face: str, extra: str, *modules: str) -> None:
    """Raise :class:`MissingExtra` when one of ``modules`` is not installed, naming ``face`` and the extra.

    Looked up with :func:`importlib.util.find_spec`, which loads none of the modules themselves (a dotted name
    loads its parent packages only), so the check costs nothing where the extra is installed.

    >>> require_extra("maskline's JSON tools", "none", "json")
    >>> require_extra("maskline's Airflow operators", "airflow", "no_such_framework_for_maskline")
    Traceback (most recent call last):
    ...
    maskline.extras.MissingExtra: maskline's Airflow operators need the 'airflow' extra: pip install 'maskline[airflow]' (no_such_framework_for_maskline is not installed)
    """
    from importlib.util import find_spec

    for module in modules:
        try:
            found = find_spec(module) is not None
        except (ModuleNotFoundError, ValueError):  # a parent package missing, or set to None in sys.modules
            found = False
        if not found:
            raise MissingExtra(f"{face} need the {extra!r} extra: pip install 'maskline[{extra}]' ({module} is not "
                               "installed)", name=module)


def missing_extra(error: ModuleNotFoundError) -> InputError | None:
    """The error for a module an extra installs that is missing, or None for any other module.

    Built from the module's name alone (the import system's field), never the error's text.

    >>> missing_extra(ModuleNotFoundError("No module named 'nosuch'", name="nosuch")) is None
    True
    >>> str(missing_extra(ModuleNotFoundError("x", name="great_expectations.core")))
    "great_expectations is not installed (at import great_expectations). Fix: pip install 'maskline[gx]'"
    """
    top = (error.name or "").partition(".")[0]
    extra = EXTRA_OF_MODULE.get(top)
    if extra is None:
        return None
    return InputError(f"{top} is not installed", where=f"import {top}", fix=f"pip install 'maskline[{extra}]'")
