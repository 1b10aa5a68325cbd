"""Storage locations: object-store URIs and file paths that name no person.

Pipelines pass file locations between tasks (``s3://lake/orders/dt=2026-12-03/part-0.parquet``,
``raw/orders.csv``) and keep them in ingestion tables. Such a column is text, which the fail-closed decision
masks without strong evidence of NONE; masking it breaks the pipeline that reads the location. This module
says whether a value is a location built from structure alone, and refuses every form in which a location can
carry someone's data:

- a scheme other than an object store's or a file system's (``https://`` is a URL, its own info type; ``sftp://``
  may hold a user name);
- whitespace, ``@``, a query or a fragment (``?``, ``#``), ``;`` or ``,``: file names of people's documents
  (``CV Anna Meier.pdf``), e-mails, signed URLs' tokens;
- a home directory (``/home/<user>``, ``C:\\Users\\<user>``), which names its user;
- a digit run of nine or more (phones, accounts, national ids; dates are eight);
- a given name beside a family name (``anna_meier.pdf``, ``meier.anna/``);
- a last part that is neither a prefix (ending in ``/``) nor a file with a known extension.

>>> storage_location("s3://lake/orders/dt=2026-12-03/part-00000.snappy.parquet")
True
>>> storage_location("raw/orders.csv"), storage_location("a.csv"), storage_location("gs://bucket/exports/")
(True, True, True)
>>> storage_location("/home/jsmith/orders.csv"), storage_location("uploads/cv/anna_meier.pdf")
(False, False)
>>> storage_location("https://example.com/x.csv"), storage_location("orders"), storage_location("CV 2026.pdf")
(False, False, False)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

# Object stores and distributed file systems; web and remote-login schemes are left out on purpose.
STORAGE_SCHEMES = frozenset({"s3", "s3a", "s3n", "gs", "gcs", "abfs", "abfss", "wasb", "wasbs", "adl", "az", "hdfs",
                             "file", "dbfs", "oss", "cos", "r2", "hf", "viewfs", "webhdfs"})
# Data formats the media-type registry (maskline.infotypes.file_extensions) has no entry for.
DATA_EXTENSIONS = frozenset({"parquet", "avro", "jsonl", "ndjson", "yaml", "yml", "log", "feather", "pkl", "pickle",
                             "db", "duckdb", "bz2", "snappy", "ipynb", "crc", "ipc", "lz4", "toml", "ini", "cfg"})
HOME_DIRECTORIES = frozenset({"home", "users", "user", "u"})
LONG_DIGITS = 9  # a digit run this long may be a phone, an account or an id; dates (20261203) are eight

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://(.*)", re.S)
_REFUSED_CHARACTERS = re.compile(r"[\s@?#;,]")
_LONG_DIGIT_RUN = re.compile(rf"\d{{{LONG_DIGITS},}}")
_WORDS = re.compile(r"[^\W\d_]+")


def storage_location(value: str) -> bool:
    """Whether ``value`` is an object-store URI or a file path that carries no one's name or number.

    >>> storage_location(r"C:\\data\\2026\\sales.xlsx"), storage_location(r"C:\\Users\\ameier\\sales.xlsx")
    (True, False)
    >>> storage_location("s3://b/calls/4155550100.wav"), storage_location("sftp://host/in/a.csv")
    (False, False)
    """
    if not value or _REFUSED_CHARACTERS.search(value) or _LONG_DIGIT_RUN.search(value):
        return False
    scheme = _SCHEME.fullmatch(value)
    if scheme and scheme.group(1).lower() not in STORAGE_SCHEMES:
        return False
    rest = scheme.group(2) if scheme else value
    parts = re.split(r"[/\\]", rest)
    if any(p.casefold() in HOME_DIRECTORIES for p in parts[:-1]):
        return False
    if not (parts[-1] == "" and (scheme or len(parts) > 1)) and not _file_name(parts[-1]):
        return False
    return not _names_someone(rest)


# Why a column of storage locations is not of addresses (a settled refutation: maskline.infotypes.shape_checks).
NOT_ADDRESSES = "storage paths: every distinct value is an object-store URI or a file path that names no one"
MIN_PATHS = 8  # distinct values: fewer prove nothing about the column


def storage_paths(values: Sequence[str], rows: int = 0) -> str | None:
    """Why a column whose every distinct value is a storage location is not of street addresses, or None: a street
    word and a number (``/data/mill/orders/12/export.parquet``, ``gs://b/park-sales/204.json``) read as an
    address's, but an address is never written without spaces as a path to a file or a prefix. Every value, not a
    share (one address among paths defeats it); ``rows`` is unused (a shape check's signature).

    >>> storage_paths([f"/data/mill/orders/{i}/export.parquet" for i in range(10)])
    'storage paths: every distinct value is an object-store URI or a file path that names no one'
    >>> storage_paths([f"{i} Mill Road" for i in range(10)]) is None
    True
    """
    distinct = {v.strip() for v in values if v and v.strip()}
    if len(distinct) < MIN_PATHS or not all(storage_location(v) for v in distinct):
        return None
    return NOT_ADDRESSES


def _file_name(part: str) -> bool:
    from maskline.infotypes.file_extensions import registered_extension

    if "." not in part.strip("."):
        return False
    ext = part.rsplit(".", 1)[1].lower()
    return ext in DATA_EXTENSIONS or registered_extension(ext)


def _names_someone(text: str) -> bool:
    """A known given name next to a known family name, in either order (``anna_meier``, ``meier-anna``)."""
    from maskline.infotypes.person_names import name_key, surnames
    from maskline.text.names import first_names

    given, family = first_names(), surnames()
    words = [name_key(w) for w in _WORDS.findall(text)]
    return any((a in given and b in family) or (a in family and b in given) for a, b in itertools.pairwise(words))
