"""The masking key for an operator: an Airflow connection's password, else the environment.

Order, when the policy does not say: the ``[maskline] key_conn_id`` connection
(``maskline_default``), then the ``[maskline] key_env`` variable
(``MASKLINE_KEY``). A policy's explicit ``key: {airflow_conn: X}`` or
``key: {env: X}`` is the only place looked at. The key is registered with
Airflow's secrets masker as soon as it is read, so even a careless log line
cannot print it.
"""

from __future__ import annotations

from maskline.errors import KeyMissingError
from maskline.keys import KeyMaterial, KeyRef, resolve_key
from maskline.plan import Plan
from maskline.policy import Policy


def _connection_password(conn_id: str) -> str | None:
    from airflow_plugin.hooks.key import MasklineKeyHook

    try:
        return MasklineKeyHook(conn_id).get_conn()
    except Exception:  # noqa: BLE001 - a missing connection is not an error when the env may hold the key
        return None


def _register_secret(secret: str) -> None:
    try:
        from airflow.sdk.log import mask_secret

        mask_secret(secret, "maskline_key")
    except Exception:  # noqa: BLE001 - outside a task there is no masker to tell
        pass


def resolve_operator_key(policy: Policy) -> KeyMaterial:
    """Resolve the key the policy points at, via Airflow connections first; fail closed.

    >>> import os; os.environ["MASKLINE_KEY"] = "k" * 32
    >>> from maskline.policy import load_policy
    >>> resolve_operator_key(load_policy({})).source  # doctest: +SKIP
    'environment variable MASKLINE_KEY'
    """
    from airflow_plugin.config import option

    explicit = policy.raw.get("key") if isinstance(policy.raw, dict) else None
    ref = policy.key
    candidates: list[KeyRef]
    if explicit and ref.airflow_conn:
        candidates = [KeyRef(airflow_conn=ref.airflow_conn)]
    elif explicit:
        candidates = [KeyRef(env=ref.env)]
    else:
        candidates = [KeyRef(airflow_conn=option("key_conn_id")), KeyRef(env=option("key_env"))]
    for candidate in candidates:
        if candidate.airflow_conn:
            secret = _connection_password(candidate.airflow_conn)
            if secret:
                _register_secret(secret)
                return resolve_key(candidate, {candidate.airflow_conn: secret})
        else:
            try:
                material = resolve_key(candidate)
            except KeyMissingError:
                continue
            _register_secret(material.secret.decode("utf-8"))
            return material
    described = " or ".join(c.describe() for c in candidates)
    raise KeyMissingError(
        f"no masking key: {described} is not set", where=f"policy {policy.source}",
        fix="create the Airflow connection 'maskline_default' (type maskline) with the key as its password, "
            "or export MASKLINE_KEY",
    )


def optional_operator_key(policy: Policy) -> KeyMaterial | None:
    """The key if one is configured, else None: a task that may need no key must not fail for lack of one.

    Callers that turn out to need a key ask :func:`resolve_operator_key` (or the
    engine) again, which raises the clear ``KeyMissingError``.

    >>> from maskline.policy import load_policy
    >>> optional_operator_key(load_policy({"key": {"env": "MASKLINE_NO_SUCH_KEY"}})) is None
    True
    """
    try:
        return resolve_operator_key(policy)
    except KeyMissingError:
        return None


def key_for_plan(plan: Plan, policy: Policy) -> KeyMaterial | None:
    """The key when the plan uses a keyed method (hmac, hash, fake), else None (none is needed).

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> key_for_plan(build_plan(load_policy({}), "t", [("a", "text")]), load_policy({})) is None
    True
    """
    if not plan.keyed:
        return None
    try:
        return resolve_operator_key(policy)
    except KeyMissingError as e:
        keyed = plan.keyed_methods()  # only the methods that read the key, not every masked column's
        raise KeyMissingError(e.what + f"; methods {', '.join(keyed)} need it", where=e.where, fix=e.fix) from None
