"""Who runs an Airflow task: every identity Airflow can tell, resolved into one ``maskline_identity``.

Sources, each recorded with its origin:

- the user who triggered the DAG run (``dag_run.triggering_user_name``: the
  authenticated user for a UI/REST trigger, the OS user for a CLI trigger,
  ``dag_test`` under ``dag.test()``, None for scheduled runs);
- the task owner and the DAG owners;
- the task's ``run_as_user`` (impersonation), else ``[core] default_impersonation``;
- the login of every connection the operator uses (attributes ending in ``conn_id``);
- the OS account of the worker process;
- an AI agent and the person it served, from ``dag_run.conf["maskline"]`` or
  ``MASKLINE_AGENT`` / ``MASKLINE_ON_BEHALF_OF``.

Names are recorded as they are, or as keyed pseudonyms when ``[maskline]
identity_names = pseudonym`` (or ``MASKLINE_IDENTITY_NAMES=pseudonym``). The
module imports nothing from Airflow at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from openlineage_ext.identity import Identity, Principal, agent_principals, kind_of, os_user, resolve_identity

# Owners Airflow fills in when nobody set one: not a person.
PLACEHOLDER_OWNERS = frozenset({"airflow", ""})


def _conf_option(section: str, name: str) -> str | None:
    try:
        from airflow.sdk.configuration import conf
    except ImportError:  # outside Airflow
        return None
    try:
        value = conf.get(section, name, fallback=None)
    except Exception:  # noqa: BLE001 - a missing section must not break lineage
        return None
    return str(value) if value else None


def _owners(value: Any) -> list[str]:
    if not value:
        return []
    names = value if isinstance(value, (list, tuple, set)) else str(value).split(",")
    return [n.strip() for n in names if n and n.strip()]


def _lookup_would_hang() -> bool:
    """Whether asking Airflow for a connection here would wait forever: in a process forked from ``dag.test()``.

    ``dag.test()`` answers the task's requests (a connection, a variable) from the same process, through a
    thread that a forked process does not have. The OpenLineage listener forks to build each event (unless
    ``[openlineage] execute_in_thread``), so there a lookup never returns, the listener kills the process after
    ``execution_timeout`` and the task's START or COMPLETE event is lost. Skipping the lookup loses only the
    connection's login among the identities.

    >>> _lookup_would_hang()  # not inside a task at all
    False
    """
    import os

    try:
        from airflow.sdk.execution_time import task_runner
        from airflow.sdk.execution_time.supervisor import InProcessSupervisorComms
    except ImportError:  # outside Airflow, or another Airflow
        return False
    comms = getattr(task_runner, "SUPERVISOR_COMMS", None)
    if not isinstance(comms, InProcessSupervisorComms):
        return False
    pid = getattr(getattr(comms, "supervisor", None), "pid", None)
    return pid is not None and pid != os.getpid()


def _connection_logins(task: Any) -> list[tuple[str, str]]:
    """``(conn_id, login)`` of the connections an operator names; lookups that fail are skipped."""
    conn_ids: list[str] = []
    for attr in dir(task):
        if not attr.endswith("conn_id") or attr.startswith("__"):
            continue
        try:
            value = getattr(task, attr)
        except Exception:  # noqa: BLE001 - properties may need a context
            continue
        if isinstance(value, str) and value and value not in conn_ids:
            conn_ids.append(value)
    out: list[tuple[str, str]] = []
    if conn_ids and _lookup_would_hang():
        return out
    for conn_id in conn_ids:
        try:
            from airflow.sdk import BaseHook

            login = BaseHook.get_connection(conn_id).login
        except Exception:  # noqa: BLE001 - an unknown connection is the operator's error, not ours
            continue
        if login:
            out.append((conn_id, str(login)))
    return out


def task_principals(ti: Any, context: Mapping[str, Any] | None = None,
                    environ: Mapping[str, str] | None = None) -> list[Principal]:
    """Every identity around a running task instance, in precedence order.

    >>> from types import SimpleNamespace as NS
    >>> task = NS(owner="data-eng", run_as_user=None)
    >>> ctx = {"dag_run": NS(triggering_user_name="alice", conf={}), "task": task, "dag": NS(owner="data-eng")}
    >>> [(p.origin, p.name) for p in task_principals(NS(task=task), ctx, environ={})][:2]
    [('airflow.triggering_user', 'alice'), ('airflow.task_owner', 'data-eng')]
    """
    if context is None:
        try:
            context = ti.get_template_context()
        except Exception:  # noqa: BLE001 - a TI without a context still has its task
            context = {}
    dag_run = context.get("dag_run") or getattr(ti, "dag_run", None)
    task = context.get("task") or getattr(ti, "task", None)
    dag = context.get("dag") or getattr(task, "dag", None)
    out: list[Principal] = []

    trigger = getattr(dag_run, "triggering_user_name", None)
    if trigger:
        out.append(Principal(kind_of(str(trigger), environ), str(trigger), "airflow.triggering_user"))
    for owner in _owners(getattr(task, "owner", None)):
        if owner not in PLACEHOLDER_OWNERS:
            out.append(Principal(kind_of(owner, environ), owner, "airflow.task_owner"))
    for owner in _owners(getattr(dag, "owner", None)):
        if owner not in PLACEHOLDER_OWNERS:
            out.append(Principal(kind_of(owner, environ), owner, "airflow.dag_owner"))
    run_as = getattr(task, "run_as_user", None) or _conf_option("core", "default_impersonation")
    if run_as:
        out.append(Principal(kind_of(str(run_as), environ), str(run_as), "airflow.run_as_user"))
    for _conn_id, login in _connection_logins(task) if task is not None else ():
        out.append(Principal(kind_of(login, environ), login, "db.login"))
    me = os_user()
    if me:
        out.append(me)
    conf = getattr(dag_run, "conf", None)
    out.extend(agent_principals(environ, conf if isinstance(conf, Mapping) else None))
    return out


# The Airflow face registers how operators resolve the key (Airflow connection first), so pseudonyms
# match theirs; this face never imports it, because it also serves dbt-ol (where the environment holds the key).
_key_source: Callable[[], Any] | None = None


def use_key_source(source: Callable[[], Any] | None) -> None:
    """Resolve the pseudonym key with ``source`` (a no-argument callable returning key material, or raising).

    >>> use_key_source(None)
    """
    global _key_source
    _key_source = source


def _pseudonym_key() -> Any:
    try:
        if _key_source is not None:
            return _key_source()
        from maskline.keys import resolve_key

        return resolve_key(None)
    except Exception:  # noqa: BLE001 - no key: resolve_identity fails closed to "unavailable"
        return None


def task_identity(ti: Any, context: Mapping[str, Any] | None = None, *, naming: str | None = None,
                  environ: Mapping[str, str] | None = None) -> Identity:
    """The resolved identity of a task instance (see :func:`task_principals`).

    >>> from types import SimpleNamespace as NS
    >>> task = NS(owner="airflow", run_as_user="etl_svc")
    >>> ctx = {"dag_run": NS(triggering_user_name="alice", conf={}), "task": task, "dag": None}
    >>> ident = task_identity(NS(task=task), ctx, naming="name", environ={})
    >>> ident.executed_by.name, ident.executed_by.kind, ident.triggered_by.name
    ('etl_svc', 'service', 'alice')
    """
    mode = naming or _conf_option("maskline", "identity_names")
    principals = task_principals(ti, context, environ)
    from openlineage_ext.identity import naming_mode

    key = _pseudonym_key() if naming_mode(mode, environ) == "pseudonym" else None
    return resolve_identity(principals, naming=mode, key=key, environ=environ)
