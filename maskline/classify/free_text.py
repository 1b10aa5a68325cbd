"""Is a free-text column sensitive? It is when a meaningful share of its values contain PII, whatever their length.

A value counts as prose when it has three words (holding a letter) or more, however long it is
(long values are scanned whole: NER cuts them in pieces, the rules read them
all). A column is free text when ``PROSE_COLUMN_SHARE`` (30%) of its values are prose: a resolution or reference
column holds order codes in half its rows and notes in the rest ("Replacement sent to Anna Meier at ..."), and a
column of codes, numbers or labels has no prose at all. Each sampled
prose value is scanned by the scrubber's validated detectors and by the prose
pass (:mod:`maskline.text.prose`). A value *holds PII* when it has a validated
span (an e-mail, a phone, an IBAN...), a cue-based span (a date after a birth
cue, a record number after its cue), or a name or an address mentioned in
prose (:func:`_counts`: embedded among other words; a name found by NER alone
must also not be the capitalised word opening a sentence, which an English
model reads as a person in any other language). The column is
FREE_TEXT_WITH_PII when

- at least ``FREE_TEXT_MIN_SHARE`` (5%) of its prose values hold PII, and
- chance alone cannot explain the hits: the one-sided binomial tail at
  ``NOISE_RATE`` (the share of PII-free prose values in which a span is still
  found, 2% on the negatives of ``tests/text/prose_corpus.py``) is below 1e-3.

That noise rate is the prose pass's (names and addresses found by rules and NER). Spans the scrubber *validates*
(an e-mail address, a phone its numbering plan accepts, an IBAN) are far rarer in prose that holds no PII: none in
7,173 PII-free prose values of 59 columns of the tune and dev splits (reviews, descriptions, order comments,
encyclopedic text, user agents). So a sparse notes column (a few dozen values) that mentions three different
addresses or numbers is tested against ``VALIDATED_NOISE_RATE`` instead: the same 5% share, the same 1e-3 bound,
and at least ``MIN_DISTINCT_SPANS`` distinct spans (one support address repeated in every description is the
company's, not people's).

Why 5%: one note in twenty naming a person is dozens of people per thousand
rows, too many to pass raw; below it, the hits approach what detection finds
in prose that holds no PII, and the binomial test refuses what the sample
cannot tell apart from that noise.

The NER model (about 1.5 s to load) reads only the distinct prose values the rules left without PII, and of those
only the ones where a name it tags could count (:func:`ner_could_count`); and not at all when, even if it found one
in each of them, the column would still fail the test above (a few short notes repeated over many rows) and no value
holds a validated span (whose weak evidence records the share). Skipped so, it could change neither the verdict nor
what the evidence records.

>>> import pyarrow as pa, pyarrow.compute as pc
>>> notes = [f"Called Anna Meier about refund {i}" for i in range(6)] + [f"Order {i} shipped on time" for i in range(34)]
>>> counts = pc.value_counts(pa.array(notes))
>>> ev = free_text_evidence(counts.field("values"), counts.field("counts").to_numpy(), 40)
>>> ev[0].info_type, ev[0].share
('FREE_TEXT_WITH_PII', 0.15)
"""

from __future__ import annotations

import random
import re
from itertools import islice
from typing import Any

from maskline.classify.caseless_names import CJK_SENTENCE_MARK, unspaced_prose, unspaced_words
from maskline.classify.title_columns import names_a_person_in_titles, title_column
from maskline.infotypes.binomial import tail_at_least

FREE_TEXT_MIN_SHARE = 0.05
NOISE_RATE = 0.02
MAX_P_VALUE = 1e-3
VALIDATED_NOISE_RATE = 0.002  # validated spans in PII-free prose: 0 of 7,173 values on tune and dev, so 0.2% is generous
MIN_DISTINCT_SPANS = 3  # different validated spans (addresses, numbers) before they can decide a column
PROSE_MIN_WORDS = 3
PROSE_COLUMN_SHARE = 0.3  # of the rows that must be prose: codes in half the rows and notes in the rest is free text
TEXT_CAP = 200  # distinct prose values scanned per column
BATCH = 50  # prose values scanned before the verdict may be settled early
WEAK_DETECTOR = "prose-spans-below-test"  # validated spans in prose, too few for the verdict (see column._confidence)
EMBEDDED_WORDS = 3  # words around a name or an address for it to be a mention in prose, not the value itself
SHORT_NOTE_WORDS = 2  # lower-case words around a name the rules found, in a short note ("call Anna Meier back")


def free_text_evidence(uniques: Any, weights: Any, n: float) -> list[Any]:
    """FREE_TEXT_WITH_PII evidence for a string column's distinct values and their counts, or ``[]``.

    ``uniques`` and ``weights`` are sequences (or Arrow/numpy arrays) of the distinct values and their counts.
    """
    values = uniques.to_pylist() if hasattr(uniques, "to_pylist") else list(uniques)
    weights = [float(w) for w in weights]
    prose_idx = [i for i, v in enumerate(values) if _is_prose(v)]
    if not prose_idx or sum(weights[i] for i in prose_idx) < PROSE_COLUMN_SHARE * n:
        return []
    # Loaded only for a prose column: the prose pass (and any NER model) counts separately from the scan.
    from maskline.classify.evidence import Evidence
    from maskline.text.prose import find_prose_many
    from maskline.text.scrubber import find

    chosen = prose_idx if len(prose_idx) <= TEXT_CAP else random.Random(7).sample(prose_idx, TEXT_CAP)
    ner = _ner_installed()
    # In a column of titles (dishes, products, listings) every word has a capital, so a "name" in it must read as
    # a person's by the name lists, or be one that does not recur as a product's (title_columns).
    sample = [values[i] for i in chosen]
    titles = sample if title_column(sample) else None
    hit: list[bool] = []
    validated = 0  # prose values holding a span the scrubber validates (an e-mail, a phone, an IBAN)
    checked_spans: list[bool] = []  # per scanned value (in ``hit``'s order): holds a validated span
    distinct_spans: set[str] = set()
    # In batches, in the random order drawn above, stopping once the verdict is clear: NER costs about a
    # millisecond a value, and a column where one value in five already names someone needs no 200 of them.
    for start in range(0, len(chosen), BATCH):
        texts = [values[i] for i in chosen[start:start + BATCH]]
        rules = find_prose_many(texts, ner=False)
        span_texts = [[t[f.start:f.end].casefold() for f in find(t) if _not_a_version(t, f)] for t in texts]
        spans = [bool(f) for f in span_texts]
        validated += sum(spans)
        for f in span_texts:
            distinct_spans.update(f)
        batch = [v or any(_not_a_version(t, f) and _counts(t, f, r, titles) for f in r) or _caseless_mention(t)
                 for t, r, v in zip(texts, rules, spans, strict=True)]
        if _clearly_sensitive(sum(hit) + sum(batch), len(hit) + len(batch)):
            # The rules alone settle it: the model could only add hits, so it is not run, and the share below
            # is the rules' share, a lower bound (NER costs about a millisecond a value).
            hit += batch
            checked_spans += spans
            break
        if ner:  # the model reads only what the rules left without PII: it can add hits, never remove one
            # ... and only where a span it tags could count (ner_could_count); not at all when every such value
            # being a hit would still leave the column short of the test (_ner_cannot_decide). Either way what it
            # would find cannot change the verdict or what the evidence records, so the model is not loaded for it.
            rest = [k for k, h in enumerate(batch) if not h and ner_could_count(texts[k])]
            if rest and start + BATCH >= len(chosen) and not validated and \
                    _ner_cannot_decide(hit + batch, [len(hit) + k for k in rest], [float(weights[i]) for i in chosen]):
                rest = []
            modelled = find_prose_many([texts[k] for k in rest], ner=True) if rest else []
            for k, found in zip(rest, modelled, strict=True):
                batch[k] = any(_not_a_version(texts[k], f) and _counts(texts[k], f, rules[k], titles)
                               for f in found)
        hit += batch
        checked_spans += spans
        if len(hit) < len(chosen) and _clearly_sensitive(sum(hit), len(hit)):
            break
    hits, checked = sum(hit), len(hit)
    # The share is of values (rows), the test of distinct values: a repeated note is one observation.
    w = [float(weights[i]) for i in chosen[:checked]]
    share = sum(x for x, h in zip(w, hit, strict=True) if h) / sum(w)
    p_value = tail_at_least(hits, checked, NOISE_RATE)
    if not _passes(hits, share, p_value):
        span_hits = sum(checked_spans)
        span_share = sum(x for x, h in zip(w, checked_spans, strict=True) if h) / sum(w)
        span_p = tail_at_least(span_hits, checked, VALIDATED_NOISE_RATE)
        if len(distinct_spans) >= MIN_DISTINCT_SPANS and span_share >= FREE_TEXT_MIN_SHARE and span_p < MAX_P_VALUE:
            return [Evidence("FREE_TEXT_WITH_PII", "prose-validated-spans", round(span_share, 4), 1.0, checked,
                              span_hits, span_p, False, 0.9)]
        # Too few to call the column FREE_TEXT_WITH_PII, but prose that holds validated spans is not proof of
        # nothing: the evidence goes back as weak (never a type), which keeps the column from passing as safe.
        if not validated:  # the sample of TEXT_CAP values may have missed the one note holding an address:
            # the rules' validated spans are looked for in every prose value (about 3 us a value, no model), and
            # the share is of the rows holding them
            scanned = set(chosen[:checked])
            outside = [i for i in prose_idx if i not in scanned
                       and any(_not_a_version(values[i], f) for f in find(values[i]))]
            validated = len(outside)
            share = max(share, sum(weights[i] for i in outside) / n) if outside else share
        return [Evidence("FREE_TEXT_WITH_PII", WEAK_DETECTOR, round(share, 4), 1.0, checked, hits, p_value, False,
                          0.9)] if validated else []
    return [Evidence("FREE_TEXT_WITH_PII", "prose-spans", round(share, 4), 1.0, checked, hits, p_value, False, 0.9)]


def _caseless_mention(text: str) -> bool:
    """Whether a given and a family name in a script without case
    (:func:`~maskline.text.caseless_names.caseless_name_pairs`), or a name marked by an honorific in Japanese,
    Chinese, Korean or Thai (:func:`~maskline.text.honorific_names.honorific_name_spans`), are mentioned in prose, by :func:`_counts`'s
    rule for names: words around them, not the value itself.

    >>> _caseless_mention("आज ग्राहक राजेश शर्मा से बात हुई"), _caseless_mention("राजेश शर्मा")
    (True, False)
    >>> _caseless_mention("担当の山田さんから電話がありました。"), _caseless_mention("山田様")
    (True, False)
    """
    from maskline.text.caseless_names import caseless_name_pairs
    from maskline.text.honorific_names import honorific_name_spans
    from maskline.text.scrubber import Finding

    pairs = [Finding("PERSON_NAME", a, b) for a, b in caseless_name_pairs(text) + honorific_name_spans(text)]
    return any(_counts(text, f, pairs) for f in pairs)


_PRODUCT_TOKEN = re.compile(r"(?:[A-Za-z][\w.-]*/|\brv:)$")
_DOTTED_NUMBER_TYPES = frozenset({"IP_ADDRESS", "PHONE"})


def _not_a_version(text: str, span: Any) -> bool:
    """Whether a span is evidence of PII, and not a dotted version number read as an IP address or a phone: a
    dotted number right after a product token (``Chrome/33.0.0.0``, ``Chrome/34.0.1847.76``, Gecko's
    ``rv:1.9.0.8``, the forms of user agents and ``User-Agent`` headers) names a software version. The scrubber
    still masks it; only the column's verdict ignores it.

    >>> from maskline.text.scrubber import Finding
    >>> ua = "Mozilla/5.0 (X11) Chrome/33.0.0.0 Safari/537.36"
    >>> _not_a_version(ua, Finding("IP_ADDRESS", 25, 33)), _not_a_version("from 81.2.69.160 at 9", Finding("IP_ADDRESS", 5, 16))
    (False, True)
    """
    return span.type not in _DOTTED_NUMBER_TYPES or not _PRODUCT_TOKEN.search(text[max(0, span.start - 40):span.start])


def _clearly_sensitive(hits: int, checked: int) -> bool:
    """Whether ``hits`` of ``checked`` prose values already settle FREE_TEXT_WITH_PII, whatever the rest holds:
    twice the minimum share, and far beyond the noise rate.

    >>> _clearly_sensitive(10, 50), _clearly_sensitive(3, 50), _clearly_sensitive(2, 4)
    (True, False, False)
    """
    return checked >= BATCH and hits >= 2 * FREE_TEXT_MIN_SHARE * checked and \
        tail_at_least(hits, checked, NOISE_RATE) < MAX_P_VALUE / 10


_SENTENCE_END = ".!?\n"


def _in_modelled_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding ``text[start:end]`` is in a language with an NER pipeline: an English
    model on a German or Russian sentence tags capitalised nouns as people, even when an English sentence
    follows in the same value."""
    from maskline.text.language import guess_language
    from maskline.text.ner import ner_available

    a = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    lang = guess_language(text[a:min(ends, default=len(text))], min_hits=1)
    return lang is not None and ner_available(lang)


def _counts(text: str, span: Any, rules: list[Any], titles: list[str] | None = None) -> bool:
    """Whether a prose span is evidence that the value holds PII, not noise of the prose pass.

    Cue- and shape-based spans (a date after a birth cue, a record number after its cue, an ICD-10 code near
    a diagnosis cue) count. A name or an address counts only when it is *embedded* in prose, with at least
    ``EMBEDDED_WORDS`` words around it: a value that is nothing but a name or an address belongs to a name or
    address column (its own detector's call), and a company named after its founder is not a note about
    someone; in a short note, a name the rules found counts with ``SHORT_NOTE_WORDS`` lower-case words around it
    (:func:`_short_note_mention`: "call Anna Meier back"). A name found by NER alone must also stand in a sentence whose language has an NER pipeline,
    have two words and not open a sentence: an English model reads the capitalised first
    word of a sentence in another language ("Volgorde stuk klok", "Veniam laborum") and German nouns
    ("Wald Klasse") as people; a name the rules found (a known first name, a title, a name field) needs no more.
    Neither counts when the span runs into a dictionary word (:func:`span_names_a_thing`: a dish, an organisation).
    In a column of titles (``titles``, the column's scanned values when
    :func:`~maskline.classify.title_columns.title_column` holds), a name must also read as a person's
    (:func:`~maskline.classify.title_columns.names_a_person_in_titles`): capitals there mark titles, not names.

    >>> from maskline.text.scrubber import Finding
    >>> t = "Spoke to Anna Meier about the refund today."
    >>> _counts(t, Finding("PERSON_NAME", 9, 19), [Finding("PERSON_NAME", 9, 19)])
    True
    >>> _counts("Anna Meier GmbH", Finding("PERSON_NAME", 0, 10), [Finding("PERSON_NAME", 0, 10)])
    False
    >>> _counts("Volgorde stuk klok heel wolk half klopt.", Finding("PERSON_NAME", 0, 18), [])
    False
    >>> t = "A laptop was stolen from the Beth Israel Medical Center last week."
    >>> _counts(t, Finding("PERSON_NAME", 29, 55), [Finding("PERSON_NAME", 29, 55)])
    False
    >>> t, titles = "Cheddar Cheese and Fresh Rosemary Biscuits", ["Chocolate Orange Cake", "Lemon Drizzle Loaf"]
    >>> _counts(t, Finding("PERSON_NAME", 25, 42), []), _counts(t, Finding("PERSON_NAME", 25, 42), [], titles)
    (True, False)
    """
    if span.type not in ("PERSON_NAME", "STREET_ADDRESS"):
        return True
    if span.type == "PERSON_NAME" and span_names_a_thing(text[span.start:span.end]):
        return False
    if span.type == "PERSON_NAME" and titles is not None and \
            not names_a_person_in_titles(text[span.start:span.end], titles):
        return False
    if span.type == "STREET_ADDRESS" and not text.isascii() and CJK_SENTENCE_MARK.search(text) and \
            unspaced_prose(text):
        # A Japanese or Chinese address inside a sentence: its span is widened over the Han letters before it
        # (cjk_addresses), which run the sentence's words in, so the words left around it undercount; the
        # sentence's own mark (。，) says the value is a note, not an address cell.
        return True
    if span.type == "STREET_ADDRESS" and _thai_letters_around(text, span) >= THAI_LETTERS_AROUND:
        return True
    around = unspaced_words(text[:span.start]) + unspaced_words(text[span.end:])
    by_rules = any(r.start == span.start and r.end == span.end for r in rules)
    if around < EMBEDDED_WORDS:
        return by_rules and span.type == "PERSON_NAME" and _short_note_mention(text, span, around)
    if span.type == "STREET_ADDRESS" or by_rules:
        return True
    return len(_words(text[span.start:span.end])) >= 2 and _mid_sentence(text, span.start) \
        and _in_modelled_sentence(text, span.start, span.end)


def _short_note_mention(text: str, span: Any, around: int) -> bool:
    """Whether a name the rules found, with fewer than ``EMBEDDED_WORDS`` words around it, is still a mention in a
    short note: ``SHORT_NOTE_WORDS`` words around it or more, each opening with a lower-case letter ("call Anna Meier
    back", "Anthony Hall called twice"). Verbs and prepositions are written so; what follows a name in a firm's or a
    place's name, or in a name cell, is capitalised or no word ("Anna Meier GmbH", "Anna Meier, Berlin", "Dr. Anna
    Meier (HR)").

    >>> from maskline.text.scrubber import Finding
    >>> _short_note_mention("call Anna Meier back", Finding("PERSON_NAME", 5, 15), 2)
    True
    >>> _short_note_mention("Anna Meier Consulting Ltd", Finding("PERSON_NAME", 0, 10), 2)
    False
    >>> _short_note_mention("Anna Meier, Berlin", Finding("PERSON_NAME", 0, 10), 1)
    False
    """
    if around < SHORT_NOTE_WORDS:
        return False
    words = _LETTER_WORD.findall(text[:span.start]) + _LETTER_WORD.findall(text[span.end:])
    return bool(words) and all(_opens_lower(w) for w in words)


def _opens_lower(word: str) -> bool:
    """Whether the first letter of ``word`` is lower-case ("e-mail", "(back"), not a capital or a caseless letter."""
    first = next((c for c in word if c.isalpha()), "")
    return first.islower()


THAI_LETTERS_AROUND = 12  # Thai (Lao, Khmer, Myanmar) letters outside an address: two words of a sentence around it
_SOUTHEAST_ASIAN_LETTER = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _thai_letters_around(text: str, span: Any) -> int:
    """Thai (Lao, Khmer, Myanmar) letters outside ``span``: a Thai address ends in its postal code and the sentence
    around it runs its words together (ส่งของไปที่ ... นะคะ), so its words are counted by letters.

    >>> from maskline.text.scrubber import Finding
    >>> t = "ส่งของไปที่ 937 ถ.เจริญรัมย์ จ.อ่างทอง 97770 นะคะ"
    >>> _thai_letters_around(t, Finding("STREET_ADDRESS", 12, 44))
    15
    """
    if text.isascii():
        return 0
    return len(_SOUTHEAST_ASIAN_LETTER.findall(text[:span.start])) + \
        len(_SOUTHEAST_ASIAN_LETTER.findall(text[span.end:]))


def _mid_sentence(text: str, start: int) -> bool:
    """Whether ``text[start:]`` opens neither the value nor a sentence: what an English model reads as a person in
    any language (a capitalised first word) is not a name found by the model alone.

    >>> _mid_sentence("Spoke to Anna", 9), _mid_sentence("Anna called", 0), _mid_sentence("Done.  Anna called", 7)
    (True, False, False)
    """
    j = start - 1
    while j >= 0 and text[j].isspace():  # the character before, spaces skipped (no copy: values may be long)
        j -= 1
    return j >= 0 and text[j] not in ".!?"


_CAPITAL_OR_CASELESS = re.compile(r"[^\W\d_a-z]")  # a letter that is not ASCII lower-case: where a name might open


def ner_could_count(text: str) -> bool:
    """Whether a person span the NER model alone tags in ``text`` could count as a mention (:func:`_counts`), so
    that the model must read it.

    Such a span opens with an upper-case letter (the prose pass keeps no other,
    :func:`~maskline.text.prose.find_prose_many`), not at the opening of the value or of a sentence
    (:func:`_mid_sentence`), holds two words and leaves ``EMBEDDED_WORDS`` words around it; for each capital, the
    shortest two-word span from it leaves the most words around, so it alone is tried. A value without such a
    capital ("gift wrap", "Deliver after 5pm") or with too few words beside it ("Call Before Delivery") cannot
    gain a hit from the model, whatever the model tags. A letter of a script without case (Han, Thai, Arabic,
    Hebrew, Devanagari) could open a name with no capital, so a value holding one is always read.

    >>> ner_could_count("gift wrap"), ner_could_count("Call Before Delivery"), ner_could_count("Spoke to Anna Meier today")
    (False, False, True)
    >>> ner_could_count("Deliver after 5pm. Ring twice"), ner_could_count("ติดต่อคุณสมชายก่อนส่งของ")
    (False, True)
    """
    for m in _CAPITAL_OR_CASELESS.finditer(text):
        c, a = m.group(), m.start()
        if c.islower() or not c.isalpha():  # an accented lower-case letter, a numeral such as ½
            continue
        if not c.isupper():  # no case at all: the model may tag a name there, as it may in any such text
            return True
        if not _mid_sentence(text, a):
            continue
        first_end = _SPACE.search(text, a)
        second = _LETTER_WORD.search(text, first_end.start()) if first_end else None  # up to its first letter
        if second and unspaced_words(text[:a]) + unspaced_words(text[second.end():]) >= EMBEDDED_WORDS:
            return True
    return False


_SPACE = re.compile(r"\s")


def _passes(hits: int, share: float, p_value: float) -> bool:
    """Whether ``hits`` prose values (``share`` of the rows; ``p_value`` the chance of as many from noise,
    ``tail_at_least(hits, checked, NOISE_RATE)``) make the column FREE_TEXT_WITH_PII: two hits or more,
    ``FREE_TEXT_MIN_SHARE`` of the rows, and beyond what the noise rate explains.

    >>> [_passes(h, s, tail_at_least(h, n, NOISE_RATE)) for h, s, n in ((3, 0.5, 3), (2, 0.6, 3), (10, 0.04, 100))]
    [True, False, False]
    """
    return hits >= 2 and share >= FREE_TEXT_MIN_SHARE and p_value < MAX_P_VALUE


def _ner_cannot_decide(hit: list[bool], rest: list[int], weights: list[float]) -> bool:
    """Whether the column fails the test (:func:`_passes`) even if the model found a name in every value it would
    read: ``hit`` is every scanned value's verdict so far (the last batch's included), ``rest`` the positions in
    ``hit`` of those the model would read, ``weights`` the rows of every scanned value. A few distinct notes repeated
    over many rows are such a column: with three of them, all three must hold PII, and one that cannot gain a name
    from the model (:func:`ner_could_count`) settles it without the model.

    >>> _ner_cannot_decide([False, False, False], [0, 1], [100.0, 80.0, 48.0])
    True
    >>> _ner_cannot_decide([False, False, True], [0, 1], [100.0, 80.0, 48.0])
    False
    """
    hits = sum(hit) + len(rest)
    share = (sum(w for w, h in zip(weights, hit, strict=True) if h) + sum(weights[k] for k in rest)) / sum(weights)
    return not _passes(hits, share, tail_at_least(hits, len(hit), NOISE_RATE))


THING_WORD_MIN = 3  # letters of a word read in the dictionary: initials ("J.") and "s" of a possessive are no nouns
_SPAN_WORD = re.compile(r"[^\W\d_]+")


def span_names_a_thing(span: str) -> bool:
    """Whether a person-name span runs into an English dictionary word that is no known given or family name: a
    dish, an organisation or a product named after (or like) a person ("Honey Custard Tart", "Beth Israel Medical
    Center", "Coconut Cake"), not a mention of someone.

    The prose pass reads a known given name and the capitalised words after it as a person; in titles and names of
    organisations those words are nouns. The dictionary (:mod:`maskline.infotypes.english_words`) holds no known
    name, so family names that are words too (Baker, Stone, Wood, Brown) never count here. The first word is not
    read (a given name such as Honey or Rose may be a word). The dictionary holds a few family names as lemmas
    (Trump, Pitt, Heard, Pershing), so a two-word span whose first word is a common given name (Donald, Brad,
    Amber) is still a person: only a word in third place or later, or after a rare opener, names a thing.

    >>> span_names_a_thing("Honey Custard Tart"), span_names_a_thing("Beth Israel Medical Center")
    (True, True)
    >>> span_names_a_thing("Coconut Cake"), span_names_a_thing("Donald Trump"), span_names_a_thing("Anna Baker")
    (True, False, False)
    >>> span_names_a_thing("John J. Pershing"), span_names_a_thing("Honey")
    (False, False)
    """
    from maskline.infotypes.english_words import dictionary_word
    from maskline.infotypes.person_names import common_first_names, name_key

    words = [w for w in _SPAN_WORD.findall(span) if len(w) >= THING_WORD_MIN]  # no initials, no possessive "s"
    if len(words) < 2:
        return False
    if any(dictionary_word(w.lower()) for w in words[2:]):
        return True
    return dictionary_word(words[1].lower()) and name_key(words[0]) not in common_first_names()


def _words(text: str) -> list[str]:
    return [w for w in text.split() if any(c.isalpha() for c in w)]


def _is_prose(value: str) -> bool:
    """Three words or more, a word holding a letter: grouped digits (``4624 8966 3951 3111``) are not prose; or a
    sentence in a script without word spaces (:func:`~maskline.classify.caseless_names.unspaced_prose`).

    >>> _is_prose("Called Anna about it"), _is_prose("4624 8966 3951 3111"), _is_prose("ใบไม้กับผลัดเจ็บไข้แจ่มใสหยอกรสชาติ")
    (True, False, True)
    """
    # One regex match per word that holds a letter, stopping at the third: every distinct value of a
    # string column goes through here, and this is twice as fast as splitting and testing each character.
    if next(islice(_LETTER_WORD.finditer(value), PROSE_MIN_WORDS - 1, None), None) is not None:
        return True
    # Thai (Lao, Khmer, Myanmar) runs a sentence's words together: one long run of letters is prose.
    return not value.isascii() and unspaced_prose(value)


_LETTER_WORD = re.compile(r"(?<!\S)\S*?[^\W\d_]")  # a word, up to its first letter (str.isalpha's letters)


def free_text_confidence(share: float, hint: float) -> float:
    """Confidence in a FREE_TEXT_WITH_PII verdict that passed the share and noise tests.

    It rises with the share but stays at most 0.85, below what a structured type
    reaches on a column of such values, so an address or name column is not
    called free text because its values contain an address or a name.

    >>> free_text_confidence(0.05, 0.0), free_text_confidence(0.9, 0.0)
    (0.715, 0.85)
    """
    conf = 0.7 + 0.15 * min(1.0, share / 0.5)
    return round(1 - (1 - conf) * (1 - 0.5 * hint), 4)


def _ner_installed() -> bool:
    from maskline.text.ner import ner_available

    return ner_available("en")
