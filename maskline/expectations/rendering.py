"""Data Docs sentences for maskline's expectations (GX's legacy prescriptive renderer).

Without them, Data Docs print ``expect_...(**kwargs)``, including a whole policy
dict. The sentences name columns, info types and shapes, never a value.
"""

from __future__ import annotations

from typing import Any


def string_template(template: str, params: dict[str, Any]) -> list[Any]:
    """One GX string-template block with ``$name`` parameters.

    >>> string_template("$column is masked", {"column": "email"})[0].to_json_dict()["string_template"]["template"]
    '$column is masked'
    """
    from great_expectations.render import RenderedStringTemplateContent

    return [RenderedStringTemplateContent(content_block_type="string_template",
                                          string_template={"template": template, "params": params,
                                                           "styling": {"params": {k: {"classes": ["badge",
                                                                                                  "badge-secondary"]}
                                                                                  for k in params}}})]


def mostly_suffix(kwargs: dict[str, Any], params: dict[str, Any]) -> str:
    """``, at least $mostly_pct % of the time`` when ``mostly`` < 1.

    >>> p = {}; mostly_suffix({"mostly": 0.95}, p), p
    (', at least $mostly_pct % of the time', {'mostly_pct': '95'})
    """
    mostly = kwargs.get("mostly")
    if isinstance(mostly, (int, float)) and mostly < 1.0:
        params["mostly_pct"] = f"{mostly * 100:g}"
        return ", at least $mostly_pct % of the time"
    return ""


def policy_label(policy: Any) -> str:
    """A short, value-free name for a policy argument: its file, or its fingerprint.

    >>> policy_label("policies/customers.yml")
    'policies/customers.yml'
    >>> policy_label({"version": 1})[:7]
    'policy '
    """
    if isinstance(policy, str) and "\n" not in policy:
        return policy
    try:
        from maskline.policy import load_policy

        return f"policy {load_policy(policy).fingerprint()[:12]}"
    except Exception:  # noqa: BLE001 - a label must not fail rendering
        return "the policy"
