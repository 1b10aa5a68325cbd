"""Who executed a run: principals (user, service, agent), where each came from, and how names are recorded.

OpenLineage has no standard facet for this, so :mod:`openlineage_ext.facets`
writes it as ``maskline_identity``. This module is framework-free: the Airflow
reader (:mod:`openlineage_ext.airflow_identity`) and the dbt transformer collect the raw
principals and call :func:`resolve_identity`.

Names are recorded as they are (``naming="name"``) or as keyed HMAC pseudonyms
(``naming="pseudonym"``), so the lineage store can still tell runs by the same
person apart without learning who it was.

>>> ident = resolve_identity([Principal("user", "alice", "airflow.triggering_user"),
...                           Principal("service", "etl_svc", "db.login")], naming="name")
>>> ident.executed_by.name, ident.triggered_by.name
('etl_svc', 'alice')
"""

from __future__ import annotations

import fnmatch
import getpass
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Kind = Literal["user", "service", "agent"]
Naming = Literal["name", "pseudonym"]

ORIGINS: tuple[str, ...] = (
    "airflow.triggering_user", "airflow.dag_owner", "airflow.task_owner", "airflow.run_as_user",
    "db.login", "os.user", "dbt.target_user", "agent", "agent.on_behalf_of", "environment",
)
# Who acted on the data, most specific first: the agent itself, then the identity the
# database saw, then the OS account the task ran under.
EXECUTOR_PRECEDENCE: tuple[str, ...] = ("agent", "db.login", "dbt.target_user", "airflow.run_as_user", "os.user")
# Names that are accounts of software, not people (overridable with MASKLINE_SERVICE_ACCOUNTS).
SERVICE_PATTERNS: tuple[str, ...] = (
    "airflow", "root", "postgres", "dbt", "svc*", "*_svc", "*-svc", "svc-*", "sa-*", "*service*", "*bot",
    "*[_-]bot", "*@*.iam.gserviceaccount.com", "etl*", "*_etl", "scheduler", "system", "default",
)
PSEUDONYM_LENGTH = 16
ENV_NAMING = "MASKLINE_IDENTITY_NAMES"
ENV_AGENT = "MASKLINE_AGENT"
ENV_ON_BEHALF_OF = "MASKLINE_ON_BEHALF_OF"
ENV_SERVICE_ACCOUNTS = "MASKLINE_SERVICE_ACCOUNTS"


@dataclass(frozen=True)
class Principal:
    """One identity seen around a run, and where it was read.

    >>> Principal("user", "alice", "os.user").as_dict()
    {'kind': 'user', 'name': 'alice', 'pseudonymized': False, 'origin': 'os.user'}
    """

    kind: Kind
    name: str
    origin: str
    pseudonymized: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "pseudonymized": self.pseudonymized, "origin": self.origin}


@dataclass(frozen=True)
class Identity:
    """The resolved answer to "who ran this": executor, trigger, principal served, and every source."""

    executed_by: Principal
    triggered_by: Principal | None = None
    on_behalf_of: Principal | None = None
    principals: tuple[Principal, ...] = field(default=())
    naming: Naming = "name"

    def as_dict(self) -> dict[str, Any]:
        """The facet body (without ``_producer``/``_schemaURL``).

        >>> resolve_identity([Principal("user", "bob", "os.user")]).as_dict()["executedBy"]["name"]
        'bob'
        """
        return {
            "executedBy": self.executed_by.as_dict(),
            "triggeredBy": self.triggered_by.as_dict() if self.triggered_by else None,
            "onBehalfOf": self.on_behalf_of.as_dict() if self.on_behalf_of else None,
            "principals": [p.as_dict() for p in self.principals],
            "naming": self.naming,
        }


def kind_of(name: str, environ: Mapping[str, str] | None = None) -> Kind:
    """``service`` for names that look like software accounts, else ``user``.

    >>> kind_of("alice"), kind_of("svc_loader"), kind_of("airflow")
    ('user', 'service', 'service')
    >>> kind_of("reporting", {"MASKLINE_SERVICE_ACCOUNTS": "report*"})
    'service'
    """
    env = os.environ if environ is None else environ
    extra = tuple(p.strip() for p in env.get(ENV_SERVICE_ACCOUNTS, "").split(",") if p.strip())
    lowered = name.lower()
    return "service" if any(fnmatch.fnmatchcase(lowered, p.lower()) for p in SERVICE_PATTERNS + extra) else "user"


def naming_mode(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> Naming:
    """How names are recorded: the argument, else ``MASKLINE_IDENTITY_NAMES``, else ``name``.

    >>> naming_mode(environ={"MASKLINE_IDENTITY_NAMES": "pseudonym"})
    'pseudonym'
    >>> naming_mode("names")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: unknown identity naming 'names' (at MASKLINE_IDENTITY_NAMES or [maskline] identity_names). Fix: did you mean 'name'?
    """
    from maskline.errors import PolicyError, did_you_mean

    env = os.environ if environ is None else environ
    mode = (explicit or env.get(ENV_NAMING) or "name").strip().lower()
    if mode not in ("name", "pseudonym"):
        raise PolicyError(f"unknown identity naming {mode!r}", where=f"{ENV_NAMING} or [maskline] identity_names",
                          fix=did_you_mean(mode, ("name", "pseudonym")))
    return mode  # type: ignore[return-value]


def pseudonymize(principal: Principal, key: Any) -> Principal:
    """Replace the name with ``psn:`` and a keyed HMAC-SHA256 of ``kind:name`` (stable per key).

    >>> from maskline.keys import KeyMaterial
    >>> pseudonymize(Principal("user", "alice", "os.user"), KeyMaterial(b"k" * 16)).name
    'psn:9ec70a82e8b57423'
    """
    from maskline.keys import hmac_hex

    if principal.pseudonymized:
        return principal
    token = hmac_hex(key, f"{principal.kind}:{principal.name}", PSEUDONYM_LENGTH)
    return replace(principal, name=f"psn:{token}", pseudonymized=True)


def os_user() -> Principal | None:
    """The operating-system account of this process, if it can be read.

    >>> os_user().origin
    'os.user'
    """
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in some containers: identity is best effort
        return None
    return Principal(kind_of(name), name, "os.user") if name else None


def agent_principals(environ: Mapping[str, str] | None = None,
                     conf: Mapping[str, Any] | None = None) -> list[Principal]:
    """The AI agent (and the person it served) named by ``MASKLINE_AGENT`` / ``MASKLINE_ON_BEHALF_OF``
    or by ``{"maskline": {"agent": ..., "on_behalf_of": ...}}`` in a run's conf.

    >>> [p.origin for p in agent_principals({"MASKLINE_AGENT": "sql-copilot", "MASKLINE_ON_BEHALF_OF": "alice"})]
    ['agent', 'agent.on_behalf_of']
    """
    env = os.environ if environ is None else environ
    section = conf.get("maskline") if isinstance(conf, Mapping) else None
    section = section if isinstance(section, Mapping) else {}
    agent = section.get("agent") or env.get(ENV_AGENT)
    served = section.get("on_behalf_of") or env.get(ENV_ON_BEHALF_OF)
    out: list[Principal] = []
    if agent:
        out.append(Principal("agent", str(agent), "agent"))
    if served:
        out.append(Principal(kind_of(str(served), env), str(served), "agent.on_behalf_of"))
    return out


def resolve_identity(principals: Sequence[Principal], *, naming: str | None = None, key: Any = None,
                     environ: Mapping[str, str] | None = None) -> Identity:
    """Pick the executor, the trigger and the principal served, pseudonymizing names if asked.

    In ``pseudonym`` mode with no key, fails closed: names become ``unavailable``
    rather than being recorded in clear.

    >>> ident = resolve_identity([Principal("agent", "copilot", "agent"),
    ...                           Principal("user", "alice", "agent.on_behalf_of")])
    >>> ident.executed_by.kind, ident.on_behalf_of.name
    ('agent', 'alice')
    """
    mode = naming_mode(naming, environ)
    seen: list[Principal] = []
    for p in principals:
        if p.name and all((q.origin, q.name) != (p.origin, p.name) for q in seen):
            seen.append(p)
    if not seen:
        fallback = os_user()
        seen = [fallback] if fallback else [Principal("service", "unknown", "environment")]
    if mode == "pseudonym":
        if key is None:
            try:
                from maskline.keys import resolve_key

                key = resolve_key(None, environ)
            except Exception:  # noqa: BLE001 - no key: names stay unavailable
                key = None
        seen = ([pseudonymize(p, key) for p in seen] if key is not None
                else [replace(p, name="unavailable", pseudonymized=True) for p in seen])
    by_origin = {p.origin: p for p in reversed(seen)}  # first seen wins per origin
    executor = next((by_origin[o] for o in EXECUTOR_PRECEDENCE if o in by_origin), seen[0])
    trigger = by_origin.get("airflow.triggering_user")
    served = by_origin.get("agent.on_behalf_of")
    if served is None and executor.kind == "agent":
        served = trigger
    return Identity(executor, trigger, served, tuple(seen), mode)
