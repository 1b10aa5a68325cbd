"""The masking key for an operator: an Airflow connection's password, else the environment.

Order, when the policy does not say: the ``[maskline] key_conn_id`` connection
(``maskline_default``), then the ``[maskline] key_env`` variable
(``MASKLINE_KEY``). A policy's explicit ``key: {airflow_conn: X}`` or
``key: {env: X}`` is the only place looked at. A place that
holds a key that cannot be used (too short, too long, whitespace) is an error
naming that place: the next place is tried only when this one is empty. The key is registered with
Airflow's secrets masker as soon as it is read, so even a careless log line
cannot print it.
"""

from __future__ import annotations

from maskline.errors import KeyMissingError
from maskline.keys import SHOWN_NAMES, KeyMaterial, KeyRef, resolve_key
from maskline.plan import Plan
from maskline.policy import Policy


def _connection_password(conn_id: str) -> str | None:
    from airflow_plugin.hooks.key import MasklineKeyHook

    try:
        return MasklineKeyHook(conn_id).get_conn()
    except Exception:  # noqa: BLE001 - a missing connection is not an error when the env may hold the key
        return None


def _register_secret(secret: str) -> None:
    from airflow_plugin.registered_secrets import note_key

    note_key(secret)  # hidden from XComs and lineage events too, which Airflow's masker never sees
    try:
        from airflow.sdk.log import mask_secret

        # No name: Airflow masks a named secret only when the name reads as sensitive ("maskline_key" does not),
        # so a name would make this a no-op and a key read from the environment would print in logs.
        mask_secret(secret)
    except Exception:  # noqa: BLE001 - outside a task there is no masker to tell
        pass


def _candidates(policy: Policy) -> tuple[list[KeyRef], bool]:
    """Where to look for the key, in order, and whether the policy named the place itself."""
    from airflow_plugin.config import option

    explicit = policy.raw.get("key") if isinstance(policy.raw, dict) else None
    ref = policy.key
    if explicit and ref.airflow_conn:
        return [KeyRef(airflow_conn=ref.airflow_conn)], True
    if explicit:
        return [KeyRef(env=ref.env)], True
    return [KeyRef(airflow_conn=option("key_conn_id")), KeyRef(env=option("key_env"))], False


def _configured(candidate: KeyRef) -> str | None:
    """The secret held where ``candidate`` points, or None when nothing is there (unset, empty, no connection)."""
    import os

    if candidate.airflow_conn:
        return _connection_password(candidate.airflow_conn)
    return os.environ.get(candidate.env or "") or None


def optional_operator_key(policy: Policy) -> KeyMaterial | None:
    """The key if one is configured, else None: a task that may need no key must not fail for lack of one.

    Only a key that is *absent* gives None. A key that is there but unusable (too short, too long, only
    whitespace) raises its own error, naming where it is: passing over it would hide the mistake, or mask
    with the next place's key (a file's tokens would then differ from a table's).

    Callers that turn out to need a key ask :func:`resolve_operator_key` (or the
    engine) again, which raises the clear ``KeyMissingError``.

    >>> from maskline.policy import load_policy
    >>> optional_operator_key(load_policy({"key": {"env": "MASKLINE_NO_SUCH_KEY"}})) is None
    True
    >>> import os; os.environ["MASKLINE_SHORT_KEY"] = "abc"
    >>> optional_operator_key(load_policy({"key": {"env": "MASKLINE_SHORT_KEY"}}))
    Traceback (most recent call last):
    ...
    maskline.errors.KeyMissingError: the key is too short: 3 bytes, at least 16 are needed (at the environment variable named at key.env in the policy). Fix: ...
    >>> del os.environ["MASKLINE_SHORT_KEY"]
    """
    candidates, _ = _candidates(policy)
    for candidate in candidates:
        secret = _configured(candidate)
        if secret is None:
            continue
        name = candidate.airflow_conn or candidate.env or ""
        # resolve_key checks the secret (length, whitespace, UTF-8) and raises naming the place, never the value.
        material = resolve_key(candidate, {name: secret})
        _register_secret(material.secret.decode("utf-8"))
        return material
    return None


def _ignored_connection(named: KeyRef) -> str:
    """A hint when the policy names an environment variable but the key connection holds a key: the README's
    policies write ``key: {env: MASKLINE_KEY, derivation: 2}``, and a user who created ``maskline_default`` would
    otherwise not learn why it was passed over. Empty when there is nothing to say.

    >>> _ignored_connection(KeyRef(airflow_conn="maskline_default"))
    ''
    """
    from airflow_plugin.config import option

    conn_id = option("key_conn_id")
    if named.airflow_conn or not conn_id or _connection_password(conn_id) is None:
        return ""
    # Only maskline's default name is printed: a name set in airflow.cfg could be a pasted key (as in the policy).
    shown = conn_id in SHOWN_NAMES
    return (f". The Airflow connection {conn_id if shown else 'named by [maskline] key_conn_id'} holds a key, but a "
            "policy that names its key's place is read there only: to use the connection, write key: {airflow_conn: "
            f"{conn_id if shown else '<that connection>'}}} in the policy "
            "(keeping its derivation)")


def resolve_operator_key(policy: Policy) -> KeyMaterial:
    """Resolve the key the policy points at, via Airflow connections first; fail closed.

    A policy that names the key's place (``key: {env: X}`` or ``key: {airflow_conn: X}``) is told how to
    fill that place; otherwise the error names both default places.

    >>> import os; os.environ["MASKLINE_KEY"] = "k" * 32
    >>> from maskline.policy import load_policy
    >>> resolve_operator_key(load_policy({})).source  # doctest: +SKIP
    'environment variable MASKLINE_KEY'
    >>> resolve_operator_key(load_policy({"key": {"env": "MASKLINE_NO_SUCH_KEY"}}))
    Traceback (most recent call last):
    ...
    maskline.errors.KeyMissingError: no masking key: the environment variable named at key.env in the policy is not set (at policy key.env). Fix: set the variable that key.env names to a long random secret, or point 'key' at another one ...
    """
    material = optional_operator_key(policy)
    if material is not None:
        return material
    candidates, explicit = _candidates(policy)
    if explicit:
        try:
            resolve_key(candidates[0], {})  # raises the policy's own "not set" error, with its fix
        except KeyMissingError as e:
            raise KeyMissingError(e.what, where=e.where, fix=(e.fix or "") + _ignored_connection(candidates[0])) from None
    described = " or ".join(c.describe() for c in candidates)
    raise KeyMissingError(
        f"no masking key: {described} is not set", where=f"policy {policy.source}",
        fix="create the Airflow connection 'maskline_default' (type maskline) with the key as its password, "
            "or export MASKLINE_KEY",
    )


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

