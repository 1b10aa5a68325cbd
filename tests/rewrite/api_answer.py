"""What the Python API (``rewrite`` + ``run_masked``, with the test key) hands back for a query, as one text: the
red-team tests look for planted values in it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from maskline.errors import MasklineError


def api_answer(connection: Any, dialect: str, sql: str, policy: Mapping[str, Any],
               error_text: Callable[[MasklineError], str] = lambda e: f"error: {e}") -> str:
    """The masked result's column names and rows, or ``error_text`` of the maskline error that stopped ``sql``."""
    from maskline.keys import KeyMaterial
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.rewrite.run import run_masked
    from tests.conftest import TEST_KEY

    key = KeyMaterial(TEST_KEY.encode(), source="test")
    try:
        result = run_masked(connection, rewrite(sql, load_policy(policy), dialect, connection=connection, key=key),
                            key)
    except MasklineError as e:
        return error_text(e)
    return f"{result.columns} {result.rows}"
