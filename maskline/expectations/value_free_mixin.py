"""The mixin every maskline expectation uses so GX never stores a raw value in a result."""

from __future__ import annotations

from typing import Any

from maskline.expectations.value_free import label_of, pseudonym_key, redact_result


class ValueFreeResults:
    """Wraps ``_validate``: the result GX stores, renders and returns has pseudonyms, not values.

    Subclasses may override :meth:`_value_label` (the type shown before the
    token) and :meth:`_pseudonym_key_ref` (whose key makes the tokens).
    """

    def _value_label(self, value: Any) -> str:
        return label_of(value)

    def _pseudonym_key_ref(self) -> Any:
        return None  # MASKLINE_KEY

    def _validate(self, metrics: dict, runtime_configuration: dict | None = None,
                  execution_engine: Any = None) -> Any:
        out = super()._validate(metrics, runtime_configuration, execution_engine)  # type: ignore[misc]
        if isinstance(out, dict) and isinstance(out.get("result"), dict):
            key = pseudonym_key(self._pseudonym_key_ref())
            out = {**out, "result": redact_result(out["result"], key, self._value_label,
                                                       column=getattr(self, "column", None))}
        return out
