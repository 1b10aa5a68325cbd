"""Register an operator's masking key with Airflow's secrets masker before Airflow stores its rendered fields."""

from __future__ import annotations

from typing import Any


class KeyMaskedBeforeStoring:
    """Mixin for maskline's operators: the key is registered with Airflow's secrets masker right after rendering.

    Airflow redacts a task's rendered template fields with the masker before it stores them, but the operator
    reads its key only in ``execute``, after that: a field rendered from a Variable that holds the key under a
    name Airflow does not take for a secret (``{{ var.value.mask_key }}``) was stored and logged as typed.
    Reading the key here registers it first. A policy or key that cannot be read is left to ``execute``, which
    fails with its own error, naming the place.

    >>> KeyMaskedBeforeStoring.__mro__[-1] is object
    True
    """

    policy: Any

    def render_template_fields(self, context: Any, jinja_env: Any = None) -> None:
        """Render as the operator does, then read the key so Airflow's masker knows it before storing the fields.

        >>> import os; os.environ["MASKLINE_DOC_KEY"] = "doc-key-0123456789abcdef"
        >>> class Rendered:
        ...     def render_template_fields(self, context, jinja_env=None):
        ...         self.field = "rendered " + os.environ["MASKLINE_DOC_KEY"]
        >>> class Op(KeyMaskedBeforeStoring, Rendered):
        ...     policy = {"key": {"env": "MASKLINE_DOC_KEY"}}
        >>> op = Op(); op.render_template_fields({})
        >>> from airflow.sdk._shared.secrets_masker import redact
        >>> redact(op.field)
        'rendered ***'
        >>> del os.environ["MASKLINE_DOC_KEY"]
        """
        super().render_template_fields(context, jinja_env)  # type: ignore[misc]
        try:
            from airflow_plugin.key_source import optional_operator_key
            from airflow_plugin.policy_source import resolve_policy

            optional_operator_key(resolve_policy(self.policy))
        except Exception:  # noqa: BLE001 - execute reads the policy and the key again and raises the clear error
            pass
