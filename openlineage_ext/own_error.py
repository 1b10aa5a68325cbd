"""The standard ``errorMessage`` facet as maskline's own code builds it: its type says the text is maskline's.

An ``errorMessage`` facet without a stack trace carries nothing that tells whose
text its message is: dbt-ol copies dbt's run result (which quotes the database's
error, row values included), the Airflow provider copies ``str(error)`` of an error
that has no traceback. So the scrubber withholds such a message
(:func:`openlineage_ext.error_structure.rebuild_error_facet`), unless the facet is
an :class:`OwnErrorMessageRunFacet`: a type only maskline's code constructs, for
the messages it writes from structure (a refused agent query and its reason). The
proof is the object's type, never its text, so no engine message can claim it.

It serializes exactly as the standard facet (same fields, same ``_schemaURL``), and
its message is still scrubbed like any error message.
"""

from __future__ import annotations

import attr
from openlineage.client.facet_v2 import error_message_run

from openlineage_ext.facets import producer


@attr.define
class OwnErrorMessageRunFacet(error_message_run.ErrorMessageRunFacet):
    """An ``errorMessage`` facet whose message maskline wrote; build it with :func:`own_error_message`."""


def own_error_message(message: str) -> OwnErrorMessageRunFacet:
    """The ``errorMessage`` facet for a message maskline's own code built from structure (no stack trace).

    >>> facet = own_error_message("maskline refused the agent's query: only SELECT is allowed")
    >>> facet.message, facet.stackTrace, facet._schemaURL.endswith("ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet")
    ("maskline refused the agent's query: only SELECT is allowed", None, True)
    """
    return OwnErrorMessageRunFacet(message=message, programmingLanguage="python", producer=producer())
