"""Where an operator's policy comes from: a path, a dict, a ``Policy``, or an Airflow Variable.

A string is a path (or ``"variable:NAME"``); YAML text goes in as ``Policy.from_yaml(text)``.

``policy="variable:NAME"`` (or :class:`PolicyVariable`) reads the Variable at
run time, so a DAG file never touches the metadata database while it is parsed.
``policy=None`` falls back to ``[maskline] policy``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.errors import PolicyError
from maskline.policy import Policy, load_policy, load_policy_text

VARIABLE_PREFIX = "variable:"


@dataclass(frozen=True)
class PolicyVariable:
    """A policy held in the Airflow Variable ``name`` (YAML or JSON text).

    >>> PolicyVariable("maskline_policy").describe()
    "Airflow Variable 'maskline_policy'"
    """

    name: str

    def describe(self) -> str:
        return f"Airflow Variable {self.name!r}"


PolicyArg = str | Path | Mapping[str, Any] | Policy | PolicyVariable | None


def describe_policy_arg(policy: PolicyArg) -> str:
    """A short, value-free description of a policy argument, for errors and lineage.

    >>> describe_policy_arg({"version": 1}), describe_policy_arg("variable:p")
    ('<dict>', "Airflow Variable 'p'")
    """
    if isinstance(policy, PolicyVariable):
        return policy.describe()
    if isinstance(policy, str) and policy.startswith(VARIABLE_PREFIX):
        return PolicyVariable(policy[len(VARIABLE_PREFIX):]).describe()
    if isinstance(policy, Mapping):
        return "<dict>"
    if isinstance(policy, Policy):
        return policy.source
    if policy is None:
        return "[maskline] policy"
    return str(policy) if "\n" not in str(policy) else "<yaml string>"


def _from_variable(name: str) -> Policy:
    from airflow.sdk import Variable

    try:
        text = Variable.get(name)
    except Exception as e:  # Airflow raises KeyError or its own NotFound, by version
        raise PolicyError(f"Airflow Variable {name!r} holding the policy was not found",
                          where=f"policy=variable:{name}",
                          fix=f"create it: airflow variables set {name} \"$(cat policy.yml)\"") from e
    # YAML text by what a Variable is, never guessed from its content; errors name the Variable, not <string>.
    return load_policy_text(text, source=f"Airflow Variable {name!r}")


def resolve_policy(policy: PolicyArg) -> Policy:
    """Load the operator's policy, failing closed with a message naming where it came from.

    >>> resolve_policy({"unclassified": "mask"}).unclassified
    'mask'
    """
    if isinstance(policy, PolicyVariable):
        return _from_variable(policy.name)
    if isinstance(policy, str) and policy.startswith(VARIABLE_PREFIX):
        return _from_variable(policy[len(VARIABLE_PREFIX):])
    if policy is None or (isinstance(policy, str) and not policy.strip()):
        from airflow_plugin.config import option

        configured = option("policy")
        if not configured:
            raise PolicyError("no policy given", where="the operator's policy argument and [maskline] policy",
                              fix="pass policy='path/to/policy.yml', a dict, Policy.from_yaml(text) or 'variable:NAME', "
                                  "or set [maskline] policy")
        return load_policy(Path(configured))  # the policy file, as the README documents the option
    return load_policy(policy)
