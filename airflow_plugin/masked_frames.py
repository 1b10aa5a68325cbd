"""The frames ``@task.maskline`` masked in this process, known by identity: the only frames the XCom backend keeps.

A frame masked by policy carries tokens (joinable HMACs, masked e-mails) that the backend's fail-closed decision
would replace with placeholders, so the backend lets it through unchanged. What vouches for it must be something
no other frame can carry. A marker in ``DataFrame.attrs`` cannot be that: pandas copies ``attrs`` to the frames
derived from it (``assign``, ``concat``) and Airflow's serde stores them in the XCom, so a downstream task that
put raw columns back into a masked frame returned a "masked" frame of raw values. Identity can: the masked frame
is created by the decorator and handed straight to the XCom push, with no user code in between, and any frame
derived from it, or read back from an XCom, is another object.

>>> import pandas as pd
>>> masked = pd.DataFrame({"email": ["*****@example.com"]})
>>> remember(masked)
>>> was_masked(masked), was_masked(masked.assign(email=["ann@example.com"])), was_masked(masked.copy())
(True, False, False)
"""

from __future__ import annotations

import weakref
from typing import Any

# id -> the frame itself, weakly: a frame that is gone leaves no entry, so a later frame given the same id is never
# taken for it (the lookup also compares identity).
_MASKED: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()


def remember(frame: Any) -> None:
    """Record ``frame`` (a pandas DataFrame just masked by policy) as masked.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"a": [1]}); remember(f); was_masked(f)
    True
    """
    _MASKED[id(frame)] = frame


def was_masked(frame: Any) -> bool:
    """Whether ``frame`` is itself a frame :func:`remember` recorded (not a copy, not one derived from it).

    >>> import pandas as pd
    >>> was_masked(pd.DataFrame({"a": [1]}))
    False
    """
    return _MASKED.get(id(frame)) is frame
