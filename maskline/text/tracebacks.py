"""Exceptions shown from their structure: a message is kept only when Python, Airflow or maskline wrote it.

A database driver's exception text is the engine's, and engines quote row values
in every spelling (``Duplicate key "name: ..."``, ``Failing row contains (...)``,
``invalid input syntax for type integer: "..."``, or the bare value of a failed
function), which no quote rule or detector catches. So an exception whose type
comes from any other package is shown by its type and origin alone
(:func:`withheld_message`); frames (file, line, function) are structure and stay.

The allow-list is of packages, not of drivers: an engine nobody listed is withheld too.
"""

from __future__ import annotations

import traceback

# Packages whose exception messages are written by code that builds them from structure, not by an engine.
# A type without a module (builtins, ``__main__``) is the task author's or Python's own.
OWN_PACKAGES = frozenset({"airflow", "maskline", "openlineage_ext", "airflow_plugin"})
CAUSE_SEPARATOR = "The above exception was the direct cause of the following exception:"
CONTEXT_SEPARATOR = "During handling of the above exception, another exception occurred:"


def qualified_name(exc_type: type) -> str:
    """The type's name as a traceback prints it: no module for builtins and ``__main__``.

    >>> qualified_name(ValueError), qualified_name(traceback.TracebackException)
    ('ValueError', 'traceback.TracebackException')
    """
    module = getattr(exc_type, "__module__", None) or ""
    name = getattr(exc_type, "__qualname__", None) or exc_type.__name__
    return name if module in ("builtins", "__main__", "") else f"{module}.{name}"


def is_own_text(exception_type: str) -> bool:
    """Whether a type's message was written by Python, Airflow or maskline, not by an engine.

    >>> is_own_text("ValueError"), is_own_text("airflow.exceptions.AirflowException")
    (True, True)
    >>> is_own_text("psycopg.errors.InvalidTextRepresentation")
    False
    """
    return "." not in exception_type or exception_type.split(".", 1)[0] in OWN_PACKAGES


def withheld_message(exception_type: str) -> str:
    """The message that stands for one whose text came from outside: its type and the package it came from.

    >>> withheld_message("duckdb.duckdb.ConstraintException")
    'ConstraintException raised by duckdb (message withheld by maskline: its text may quote values)'
    """
    module, _, name = exception_type.rpartition(".")
    return f"{name} raised by {module.split('.', 1)[0]} (message withheld by maskline: its text may quote values)"


def exception_line(exc: BaseException) -> str:
    """The last line of a traceback for ``exc``: Python's own for own types, the withheld message otherwise.

    >>> exception_line(ValueError("bad plan"))
    'ValueError: bad plan'
    >>> import json
    >>> exception_line(json.JSONDecodeError("Expecting value", "Jo Bloggs", 0))
    'json.decoder.JSONDecodeError: JSONDecodeError raised by json (message withheld by maskline: its text may quote values)'
    """
    name = qualified_name(type(exc))
    if is_own_text(name):
        return "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
    return f"{name}: {withheld_message(name)}"


def structural_traceback(exc: BaseException) -> str:
    """A traceback of ``exc`` and its chain, as Python formats it, with each exception line from :func:`exception_line`.

    >>> try:
    ...     try:
    ...         raise UnicodeDecodeError("utf-8", b"Jo", 0, 1, "bad")
    ...     except UnicodeDecodeError as e:
    ...         raise RuntimeError("load failed") from e
    ... except RuntimeError as e:
    ...     text = structural_traceback(e)
    >>> print(text.splitlines()[-1])
    RuntimeError: load failed
    >>> CAUSE_SEPARATOR in text and "File " in text
    True
    """
    chunks: list[str] = []
    seen: set[int] = set()

    def walk(e: BaseException) -> None:
        seen.add(id(e))
        if e.__cause__ is not None and id(e.__cause__) not in seen:
            walk(e.__cause__)
            chunks.append(f"\n{CAUSE_SEPARATOR}\n\n")
        elif e.__context__ is not None and not e.__suppress_context__ and id(e.__context__) not in seen:
            walk(e.__context__)
            chunks.append(f"\n{CONTEXT_SEPARATOR}\n\n")
        if e.__traceback__ is not None:
            chunks.append("Traceback (most recent call last):\n")
            chunks.extend(traceback.format_tb(e.__traceback__))
        chunks.append(exception_line(e) + "\n")

    walk(exc)
    return "".join(chunks)
