"""Hide the secrets registered with Airflow's secrets maskers (``mask_secret``) wherever maskline scrubs.

Airflow hides a registered secret (maskline's key, once read; a connection's password; a sensitive Variable) only
where it puts its masker: a worker's supervisor, as it writes the task's log, and the rendered template fields it
stores. A task run in the process that writes its log (``dag.test()``, ``airflow tasks test``) has no masker in its
log pipeline, and no Airflow run masks an XCom: there a key a task read was written as typed. Maskline's log
scrubber (:mod:`airflow_plugin.log_filter`) and XCom backend (:mod:`airflow_plugin.xcom`) hide them first.
"""

from __future__ import annotations

import sys
from typing import Any

MASKER_MODULES = (
    "airflow.sdk._shared.secrets_masker.secrets_masker",
    "airflow._shared.secrets_masker.secrets_masker",
)


# The texts of maskline's own keys this process read and registered (:func:`note_key`). Maskline's log scrubber,
# XCom backend and lineage transport hide these only, which are long and random: hiding every registered secret
# would rewrite any text holding a common word used as a password (a test login's ``maskline`` turned a lineage
# namespace ``maskline-agents`` into ``***-agents`` and every "withheld by maskline" in a log into "by ***").
# Other registered secrets are Airflow's masker's to hide, as a worker's supervisor does in the task's log.
_KEYS: set[str] = set()
_KEY_REPLACER: list[Any] = []


def note_key(secret: str) -> None:
    """Remember one text of maskline's key (as read: env, connection, Variable), hidden from logs, XComs and
    lineage events from now on; the log scrubber forgets the values it had found clean.

    >>> note_key("doc-Key-noted-0c5e8a71"); hide_keys({"v": "k doc-Key-noted-0c5e8a71"})
    {'v': 'k ***'}
    """
    import re

    if secret and secret not in _KEYS:
        _KEYS.add(secret)
        from airflow_plugin.log_filter import forget_proven

        forget_proven()  # a value proven clean before may be this key
        # Longest first, so a key that contains another is hidden whole.
        _KEY_REPLACER[:] = [re.compile("|".join(re.escape(k) for k in sorted(_KEYS, key=len, reverse=True)))]


def hide_keys(value: Any) -> Any:
    """``value`` with every text of maskline's keys (:func:`note_key`) replaced by ``***``, at any depth;
    ``value`` itself when none is there.

    >>> text = "maskline_demo"; hide_keys(text) is text
    True
    """
    return _hidden(value, _KEY_REPLACER) if _KEY_REPLACER else value


# The maskers found so far, by module: each module's masker is a singleton, so it is looked up once (a lookup per
# log line cost more than the line's scrubbing).
_MASKERS: dict[str, Any] = {}


def _secret_replacers() -> list[Any]:
    """The compiled patterns of the secrets registered with Airflow's maskers in this process (the task SDK's,
    which ``mask_secret`` and connections fill, and the core's, a separate instance), those that have any."""
    if len(_MASKERS) < len(MASKER_MODULES):
        for module_name in MASKER_MODULES:
            module = sys.modules.get(module_name)
            if module is not None and module_name not in _MASKERS:
                _MASKERS[module_name] = module._secrets_masker()
    return [m.replacer for m in _MASKERS.values() if m.replacer is not None]


def hide_registered_secrets(value: Any) -> Any:
    """``value`` with every secret registered with Airflow's secrets maskers (``mask_secret``: maskline's key,
    connection passwords, sensitive Variables) replaced by ``***``, in texts at any depth of dicts, lists,
    tuples and sets; ``value`` itself when none is there.

    Only the maskers already imported are asked (looking must not import Airflow's core); a secret is
    registered through one of them, so it is imported.

    >>> from airflow.sdk.log import mask_secret
    >>> mask_secret("doc-Key-5f0c1e9a27")
    >>> hide_registered_secrets({"event": "key doc-Key-5f0c1e9a27", "n": 3})
    {'event': 'key ***', 'n': 3}
    >>> text = "nothing here"; hide_registered_secrets(text) is text
    True
    """
    replacers = _secret_replacers()
    if not replacers:
        return value
    return _hidden(value, replacers)


def _hidden(value: Any, replacers: list[Any]) -> Any:
    from airflow_plugin.leaves import map_leaves

    def text(v: Any) -> Any:
        if not isinstance(v, str):
            return v
        new = v
        for replacer in replacers:
            new = replacer.sub("***", new)
        return v if new == v else new

    return map_leaves(value, text)


def hide_registered_secrets_in_event(event: Any) -> Any:
    """An OpenLineage event (attrs objects, dicts, lists) with every text of maskline's keys (:func:`note_key`)
    hidden, in place (an event is data: a registered common password is not hidden there, see :data:`_KEYS`): the
    guarded transport hands it a copy it owns (:class:`openlineage_ext.guarded_transport.GuardedTransport`).
    An error facet keeps a Python exception's message, and the message of ``RuntimeError(f"bad key {key}")``
    is no detector's find.

    >>> from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    >>> from openlineage.client.facet_v2 import error_message_run
    >>> note_key("doc-Key-77e1b0c4d2")
    >>> error = error_message_run.ErrorMessageRunFacet(message="bad key doc-Key-77e1b0c4d2", programmingLanguage="python")
    >>> event = RunEvent(eventType=RunState.FAIL, eventTime="2026-01-01T00:00:00Z", producer="doctest",
    ...                  run=Run(runId="01890000-0000-7000-8000-000000000000", facets={"errorMessage": error}),
    ...                  job=Job("ns", "j"))
    >>> hide_registered_secrets_in_event(event).run.facets["errorMessage"].message
    'bad key ***'
    """
    return _hidden_in_place(event, _KEY_REPLACER) if _KEY_REPLACER else event


def _hidden_in_place(value: Any, replacers: list[Any]) -> Any:
    fields = getattr(type(value), "__attrs_attrs__", None)
    if fields is None:
        if isinstance(value, dict):
            for k, v in list(value.items()):
                value[k] = _hidden_in_place(v, replacers)
            hidden_keys = {k: _hidden(k, replacers) for k in value if isinstance(k, str)}
            if any(new is not k for k, new in hidden_keys.items()):
                items = list(value.items())
                value.clear()
                value.update((hidden_keys.get(k, k), v) for k, v in items)
            return value
        if isinstance(value, list):
            value[:] = [_hidden_in_place(v, replacers) for v in value]
            return value
        if isinstance(value, tuple):
            return tuple(_hidden_in_place(v, replacers) for v in value)
        return _hidden(value, replacers)
    for field in fields:
        current = getattr(value, field.name)
        updated = _hidden_in_place(current, replacers)
        if updated is not current:
            object.__setattr__(value, field.name, updated)  # attrs classes may be frozen; the copy is ours
    return value
