"""Which extra installs each optional module, so that a missing one is told as the ``pip install`` that adds it.

The ``maskline`` command turns a ``ModuleNotFoundError`` for one of these modules, wherever it is raised, into one
error line naming the extra (:func:`missing_extra`), where a ``postgresql://`` scan without psycopg2 ended in a
traceback. The table is checked against pyproject.toml's extras by a test.

>>> missing_extra(ModuleNotFoundError("No module named 'psycopg2'", name="psycopg2")).fix
"pip install 'maskline[postgres]'"
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
}


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
