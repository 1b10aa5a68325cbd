"""Old spellings kept for one release: they still work, and say what to write instead.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as w:
...     warnings.simplefilter("always")
...     renamed("table", "dataset", None, "customers", "MaskFileOperator")
'customers'
>>> with warnings.catch_warnings(record=True) as w:
...     warnings.simplefilter("always")
...     value = renamed("table", "dataset", "customers", None, "MaskFileOperator")
>>> value, str(w[0].message)
('customers', "MaskFileOperator: 'table' is deprecated and will be removed in the next release; write 'dataset'")
"""

from __future__ import annotations

import warnings
from typing import Any


def renamed(old: str, new: str, old_value: Any, new_value: Any, where: str) -> Any:
    """The value given under ``new``, else the one under ``old`` (with a DeprecationWarning); not both.

    >>> renamed("table", "dataset", None, "customers", "MaskFileOperator")
    'customers'
    >>> renamed("table", "dataset", "a", "b", "MaskFileOperator")
    Traceback (most recent call last):
    maskline.errors.InputError: both 'table' and 'dataset' are given, with different values (at MaskFileOperator)...
    """
    if old_value is None:
        return new_value
    if new_value is not None and new_value != old_value:
        from maskline.errors import InputError

        raise InputError(f"both {old!r} and {new!r} are given, with different values", where=where,
                         fix=f"give only {new!r} ({old!r} is its deprecated spelling)")
    warnings.warn(f"{where}: {old!r} is deprecated and will be removed in the next release; write {new!r}",
                  DeprecationWarning, stacklevel=3)
    return old_value
