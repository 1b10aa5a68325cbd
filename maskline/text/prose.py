"""Prose detection: person names, street addresses, birth dates, ICD-10 codes, MRNs and local phones in free text.

An extra pass beside the scrubber's validated detectors (:mod:`maskline.text.scrubber`),
for what only context reveals:

- ``PERSON_NAME``: spaCy NER where PyPI serves a pipeline (English, French;
  the ``ner`` extra), and first-name lists, titles and name fields in every
  language (:mod:`maskline.text.names`), and in scripts without capitals (Thai, Devanagari, Arabic...) a known
  given name beside a known family name (:mod:`maskline.text.caseless_names`);
- ``STREET_ADDRESS``: a house number next to a street word of the language
  (``12 Main Street``, ``Hauptstraße 5``, ``12, rue de la Paix``, ``Via Roma 3``, ``ulica Długa 12``); street
  words are the hand lists of :mod:`maskline.text.prose_data` and Faker's words of every language
  (:mod:`maskline.infotypes.street_types`); in Japanese, Chinese and Korean, the units' words in order and a closing
  number (:mod:`maskline.infotypes.cjk_addresses`);
- ``DATE_OF_BIRTH``: a date (numeric or with a month name) after a birth cue;
- ``ICD10_CODE``: the ICD-10 shape near a diagnosis or ICD cue;
- ``MEDICAL_RECORD_NUMBER``: an id of five or more digits after a record cue;
- ``PHONE``: a number valid in a numbering plan of the text's language, after a
  phone cue (:mod:`maskline.text.local_phones`), for what the scrubber's
  validated phone rules cannot prove alone (``tel. 964102582``).

It never runs in the Airflow log filter: it is opt-in (``scrub(text,
prose=True)``), and runs on free-text columns (classification, the ``scrub``
method in-process).

>>> text = "Anna Meier (DOB 03.04.1985), Hauptstraße 5, MRN 4471923, ICD-10 E11.9"
>>> [(f.type, text[f.start:f.end]) for f in find_prose(text, ner=False)]
[('PERSON_NAME', 'Anna Meier'), ('DATE_OF_BIRTH', '03.04.1985'), ('STREET_ADDRESS', 'Hauptstraße 5'), ('MEDICAL_RECORD_NUMBER', '4471923'), ('ICD10_CODE', 'E11.9')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from maskline.lazy_regex import LazyRegex
from maskline.text.scrubber import Finding

PROSE_TYPES: frozenset[str] = frozenset({"PERSON_NAME", "STREET_ADDRESS", "DATE_OF_BIRTH", "ICD10_CODE", "PHONE",
                                         "MEDICAL_RECORD_NUMBER"})
CUE_WINDOW = 40  # characters before a date or code in which its cue must stand
_LABEL = re.compile(r"\[[A-Z][A-Z0-9_]*\]")  # a masked span's label, as the scrub method writes it: [EMAIL]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _rules() -> dict[str, LazyRegex]:
    # Each compiled on its first search: a column of short notes without digits searches none but the names.
    from maskline.infotypes.street_types import glued_words, words_at
    from maskline.text.prose_data import (
        ADDRESS_CUES,
        ADDRESS_PREPOSITIONS,
        BIRTH_CUES,
        DE_STREET_SUFFIXES,
        EN_STREET_TYPES,
        EN_UNIT_WORDS,
        FR_STREET_TYPES,
        ICD_CUES,
        MONTHS,
        MRN_CUES,
        NAME_PARTICLES,
        NL_STREET_SUFFIXES,
        ROMANCE_STREET_TYPES,
    )

    # Faker's street types of the same languages beside the hand lists (maskline/infotypes/street_types.py).
    # Faker's English words beside USPS's: the long ones (Esplanade, Promenade, Thoroughfare). Its short ones are
    # everyday words in prose (Top, End, Rise, Club: "in 2024 Apple Will Rise"); those heading a French or Romance
    # street (Rue, Via) stay with the rule that starts there.
    romance_types = {t.lower() for t in ROMANCE_STREET_TYPES}
    en_types = EN_STREET_TYPES + tuple(w for w in words_at("suffix", frozenset({"en"}))
                                       if len(w) >= 7 and w.isalpha() and w.lower() not in romance_types)
    glued = DE_STREET_SUFFIXES + NL_STREET_SUFFIXES + glued_words()
    cap = r"[^\W\d_a-zß-ÿ][\w'’.-]*"  # a capitalised word
    part = r"(?:" + _alt(NAME_PARTICLES) + r")"
    name_words = rf"{cap}(?:[ \t]+(?:{part}[ \t]+)*{cap}){{0,4}}"
    month = r"(?:" + _alt(MONTHS) + r")\.?"
    date = (r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"
            rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|°)?\.?[ \t]+(?:de[ \t]+)?{month},?[ \t]+(?:de[ \t]+)?\d{{4}}"
            rf"|{month}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})")
    house = r"\d{1,5}(?:[ \t]?[a-zA-Z](?![\w]))?(?:[ \t]?[-/][ \t]?\d{1,4}[a-zA-Z]?)?"
    # A numbered street is named by an ordinal ("350 5th Avenue", "966 North 15th Glen").
    ordinal = r"\d{1,3}(?i:st|nd|rd|th)(?![\w])"
    en = (rf"(?<![\w.,-])\d{{1,6}}[A-Za-z]?[ \t]+(?:(?:[NSEW]|North|South|East|West)\.?[ \t]+)?"
          rf"(?:(?:{cap}|{ordinal})[ \t]+){{1,3}}(?:{_alt(en_types)})\b\.?"
          rf"(?:,?[ \t]*(?:{_alt(EN_UNIT_WORDS)})\.?[ \t]*#?[ \t]*\w{{1,6}}\b)?")
    de_nl = (rf"(?:{cap}[ \t]+(?:{part}[ \t]+)*){{0,3}}[^\W\d_a-zß-ÿ][\w'’-]*"
             rf"(?i:{_alt(glued)})"
             rf"(?:[ \t]+(?:{_alt(w.capitalize() for w in glued)}))?"
             rf",?[ \t]+{house}(?![\w])")
    de_words = (rf"(?:{cap}[ \t]+){{1,3}}(?:{_alt(w.capitalize() for w in glued)})"
                rf",?[ \t]+{house}(?![\w])")
    unit = (r"(?:,?[ \t]+(?i:piso|puerta|planta|bajo|escalera|esc\.|piano|appartamento|interno|int\.|scala|"
            r"apto\.?|apartamento|andar|sala|bloco|casa|etage|étage|bus)[ \t]*\w{1,4}(?![\w]))*")
    # A house number before the street: "12, rue ..." in French; "276 Via Rossi" without the comma elsewhere (a
    # comma there would take the year of a date before it).
    romance = (rf"(?:(?<![\w-])\d{{1,5}}(?:[ \t]?(?:bis|ter|[A-Da-d]))?(?:,[ \t]*(?=(?i:{_alt(FR_STREET_TYPES)})[ \t])"
               rf"|[ \t]+(?=(?i:{_alt(ROMANCE_STREET_TYPES)})[ \t])))?"
               rf"(?<![\w])(?i:{_alt(ROMANCE_STREET_TYPES)})(?<=[\w./º])[ \t]+(?:{part}[ \t]+)*"
               # a date (Rua 25 de Março, Rúa dous de Maio, Avenida 9 de Julio), a name, or a number when a house
               # number follows (Rua 33, 90; Calle 5 12)
               rf"(?:(?:\d{{1,2}}|[^\W\d_A-ZÀ-Þ]+)[ \t]+(?:de|do|di|del|da)[ \t]+(?i:{month})(?![\w])"
               rf"|{name_words}|\d{{1,4}}(?=,?[ \t]+\d))"
               rf"(?:,?[ \t]+(?i:n[º°o.]?\.?[ \t]*|km[ \t]*)?{house}(?![\w]){unit})?")
    world = _world_streets(cap, part, name_words, house)
    from maskline.text.prose_data import PHONE_CUES

    mrn_id = r"(?:[A-Z]{1,4}[-/ ]?)?\d[\d-]{3,14}\d(?![\w])|\d{2,4}[-/]\d{3,10}(?![\w])"
    # After an address cue, a street that is a bare name: capitalised words then a house number ("at Kreek 395",
    # "Huertas, 1317"), or a house number then two capitalised words or more ("961 Saint De Provence").
    # Its words may sit in brackets (a lower-case one too: "Seebrücke (nördlich) 9"), end in a slash or be joined
    # by one, as written in address data ("Straße N (HOKA III) 1173", "Coelho Cintra/ 920", "Kolonie Nord/Süd 12").
    # A short lower-case word may open or join it ("de Distele 669", "'t Achterdorp 394", "A gen Giezen 1071"),
    # and so may a dash ("Rua Julio Ribeiro - Polo Moda 222"). After a street type, its words may be lower-case
    # ("Rúa do serán, 237").
    low = r"[’']?[^\W\d_A-ZÀ-Þ]{1,3}"
    # A German inflected adjective joins a name when a capitalised word follows it ("An der alten Gärtnerei 12",
    # "Zur grünen Wiese 4"); a lower-case word with no such ending ("at Paris last Friday 3") does not.
    adjective = r"[^\W\d_A-ZÀ-Þ]{2,}(?:en|er|em|es)(?=[ \t]+[^\W\d_a-zß-ÿ])"
    word = rf"(?:[(\[]?{cap}(?:/{cap})*[)\]]?/?|[(\[][^\W\d_][\w'’.-]*[)\]]|{adjective}|{low}|-)"
    typed = rf"(?i:{_alt(ROMANCE_STREET_TYPES + FR_STREET_TYPES)})(?:[ \t]+[^\W\d_][\w'’-]*){{1,5}}"
    street = rf"(?:(?:{low}[ \t]+){{0,2}}{cap}(?:[ \t]+{word}){{0,8}}|{typed})"
    # A street's name may end in a number of its own when a house number follows it: a numbered path or garden
    # colony ("Fußweg 475 12", "Kolonie Am Fenn 1 406"), a founding year ("Kolonie Sternwarte 1911 406"). The house
    # number after it is then no year, so "at Acme 2024" and "at Acme 12 2024" stay what they were.
    named_number = r"(?:[ \t]+\d{1,5}(?=,?[ \t]+(?!(?:19|20)\d\d(?![\w]))\d))?"
    cued = (rf"(?i:(?<![\w])(?:{_alt(ADDRESS_CUES)}))(?![\w])[ \t]*:?"
            rf"(?:[ \t]+(?:{_alt(ADDRESS_PREPOSITIONS)})(?![\w]))?[ \t]+"
            rf"(?P<addr>(?P<name>{street}){named_number},?[ \t]*(?<=[ \t/])(?P<no>\d{{1,5}})[a-zA-Z]?(?![\w.,]\d)(?![\w])"
            rf"|\d{{1,5}}[a-zA-Z]?[ \t]+(?P<after>{cap})(?:[ \t]+(?:{part}[ \t]+)*(?:\d{{1,4}}[ \t]+)?{cap}){{1,3}})")
    return {
        "STREET_ADDRESS": LazyRegex(f"{en}|{de_nl}|{de_words}|{romance}|{world}"),
        "CUED_ADDRESS": LazyRegex(cued),
        "DATE": LazyRegex(rf"(?i)(?<![\w.-])(?:{date})(?![\w])"),
        "BIRTH_CUE": LazyRegex(rf"(?i)(?<![\w])(?:{_alt(BIRTH_CUES)})(?![\w])"),
        "PHONE_CUE": LazyRegex(rf"(?i)(?<![\w])(?:{_alt(PHONE_CUES)})(?![\w])"),
        "ICD10": LazyRegex(r"(?<![\w.-])[A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?(?![\w-])"),
        "ICD_CUE": LazyRegex(rf"(?i)(?<![\w])(?:{_alt(ICD_CUES)})"),
        "MRN": LazyRegex(rf"(?i:(?<![\w])(?:{_alt(MRN_CUES)}))(?![\w])[^\w\n]{{0,6}}"
                         r"(?i:(?:number|no|nr|num|n[º°o]|nummer|numéro|numero|número|is|ist|est|es|é|id)\b\.?"
                         r"[^\w\n]{0,4}){0,2}"
                         rf"(?P<id>{mrn_id})"),
    }


# Languages whose streets the hand rules above cover; Faker's words of every other language get the rules below.
_HAND_RULE_LANGUAGES = frozenset({"en", "de", "nl", "fr", "es", "it", "pt"})


def _world_streets(cap: str, part: str, name_words: str, house: str) -> str:
    """Streets of the other languages Faker covers, always with a house number (a street type alone, such as
    Indonesian "Gang", is a common word elsewhere): a type before the name ("ulica Długa 12", "Strada Lungă 5",
    "Jalan Merdeka 10") or after it ("Kossuth Lajos utca 12", "Nizami küçəsi 4")."""
    from maskline.infotypes.street_types import street_types

    prefixes = {w for lang, pos, w in street_types() if pos == "prefix" and lang not in _HAND_RULE_LANGUAGES}
    suffixes = {w for lang, pos, w in street_types() if pos == "suffix" and lang not in _HAND_RULE_LANGUAGES}
    number = rf",?[ \t]+(?:(?i:n[º°o]|nr|no|д|буд)\.?[ \t]*)?{house}(?![\w])"
    before = rf"(?<![\w])(?i:{_alt(prefixes)})(?<=[\w.])[ \t]+(?:{part}[ \t]+)*{name_words}{number}"
    after = rf"(?:{cap}[ \t]+){{1,3}}(?i:{_alt(suffixes)})(?<=[\w.]){number}"
    return f"{before}|{after}"


def find_prose(text: str, *, language: str | None = None, ner: bool = True,
               names: Iterable[str] | None = None, read_escapes: bool = False) -> list[Finding]:
    """Prose spans in ``text``: PERSON_NAME, STREET_ADDRESS, DATE_OF_BIRTH, ICD10_CODE, MEDICAL_RECORD_NUMBER.

    ``language`` chooses the NER pipeline (guessed from the text when None);
    ``ner=False`` uses name lists, titles and field cues only, with no model.
    ``read_escapes`` also reads the text as a URL, JSON or HTML reader does (:mod:`maskline.text.escaped`), each
    span covering its encoded form whole: what the scrubber masks (``scrub(text, prose=True)``) reads so.

    >>> [f.type for f in find_prose("Née le 12 mars 1980, Mme Dubois habite 12, rue de la Paix.", ner=False)]
    ['DATE_OF_BIRTH', 'PERSON_NAME', 'STREET_ADDRESS']
    >>> find_prose("The E45 road to Paris opened on 3 March 2024.", ner=False)
    []
    >>> text = "GET /users?name=Anna+Meier&n=1"
    >>> [text[f.start:f.end] for f in find_prose(text, ner=False, read_escapes=True)]
    ['Anna+Meier']
    """
    return find_prose_many([text], language=language, ner=ner, names=names, read_escapes=read_escapes)[0]


def find_prose_many(texts: Sequence[str], *, language: str | None = None, ner: bool = True,
                    names: Iterable[str] | None = None, read_escapes: bool = False) -> list[list[Finding]]:
    """:func:`find_prose` for many texts, NER batched per language (a column's values, a DuckDB vector).

    >>> [len(f) for f in find_prose_many(["Call Anna Meier.", "All good."], ner=False)]
    [1, 0]
    """
    if read_escapes:
        return _with_escapes_read(texts, language=language, ner=ner, names=names)
    from maskline.script_digits import ascii_digits
    from maskline.text.language import guess_language
    from maskline.text.local_phones import local_phone_spans

    # The rules and the phone plans read digits of every script as ASCII (a birth date or a phone in Arabic-Indic
    # digits), as the span rules do; one code point for one, so the spans are the texts' own. NER reads the texts.
    read = [ascii_digits(t) for t in texts]
    out = [_rule_spans(r, names) for r in read]
    for t, r, found in zip(texts, read, out, strict=True):
        if t:
            found.extend(Finding("PHONE", a, b) for a, b in local_phone_spans(r, language or guess_language(t)))
    if ner:
        from maskline.text.ner import ner_available, person_spans

        by_lang: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            lang = language or guess_language(t) or "en"
            if _ner_could_matter(t) and ner_available(lang):
                by_lang.setdefault(lang, []).append(i)
        for lang, idx in by_lang.items():
            for i, spans in zip(idx, person_spans([texts[i] for i in idx], lang), strict=True):
                out[i].extend(Finding("PERSON_NAME", a, b) for a, b in spans if _plausible_name(texts[i][a:b]))
    return [_merge(f) for f in out]


def _with_escapes_read(texts: Sequence[str], *, language: str | None, ner: bool,
                       names: Iterable[str] | None) -> list[list[Finding]]:
    """The spans of ``texts`` as written and of their readings (:func:`maskline.text.escaped.reading`: ``%XX``,
    ``%uXXXX``, a form's ``+``, ``\\uXXXX``, character references), the latter mapped to the text as written. Where
    both found a value in part (``Ann`` after ``name=`` as written, ``Ann Lee Smith`` read), one span covers them:
    no part is left over. One reading, not the scrubber's nested ones: a name is rarely encoded twice.

    >>> text = "q=Anna%20Meier&who=Jean+Dupont"
    >>> [text[f.start:f.end] for f in _with_escapes_read([text], language=None, ner=False, names=None)[0]]
    ['Anna%20Meier', 'Jean+Dupont']
    """
    from maskline.text.escaped import reading, written_span
    from maskline.text.scrubber import _hull_union

    readings = [reading(t) if t else None for t in texts]
    read = [got[0] for got in readings if got is not None]
    found = find_prose_many([*texts, *read], language=language, ner=ner, names=names)
    out, more = found[:len(texts)], iter(found[len(texts):])
    for i, got in enumerate(readings):
        if got is not None:
            origin = got[1]
            written = [Finding(f.type, *written_span(origin, f.start, f.end)) for f in next(more)]
            out[i] = _hull_union(out[i], written)
    return out


def _ner_could_matter(text: str) -> bool:
    """Whether the model could find a span in ``text`` that :func:`_plausible_name` keeps: one opening with a capital.

    A text without a capital letter gains nothing from NER, so a column of such values never loads the model
    (about 3 s per process). The ``[EMAIL]`` labels the ``scrub`` method's SQL pass wrote before the prose pass
    reads its output are masking's own words, not a name's capitals. The rules still read every text.

    >>> [_ner_could_matter(t) for t in ("ok", "shipped 3 days late", "", "mail [EMAIL]", "Call Anna")]
    [False, False, False, False, True]
    """
    return any(c.isupper() for c in _LABEL.sub("", text))


def _plausible_name(value: str) -> bool:
    """An NER person span worth masking: two letters or more, capitalised, no digits or line breaks."""
    letters = sum(c.isalpha() for c in value)
    return letters >= 2 and value[:1].isupper() and not any(c.isdigit() for c in value) and "\n" not in value


def _rule_spans(text: str, names: Iterable[str] | None) -> list[Finding]:
    if not text:
        return []
    from maskline.text.names import person_spans

    rules = _rules()
    found = [Finding("PERSON_NAME", a, b) for a, b in person_spans(text, names)]
    if not text.isascii():  # scripts without capitals: a known given name and family name side by side
        from maskline.text.caseless_names import caseless_name_pairs

        found += [Finding("PERSON_NAME", a, b) for a, b in caseless_name_pairs(text)]
        from maskline.text.honorific_names import honorific_name_spans

        # Japanese, Chinese, Korean and Thai: a name marked by its honorific (山田さん, 刘先生, 조재현 씨, คุณสมชาย)
        found += [Finding("PERSON_NAME", a, b) for a, b in honorific_name_spans(text)]
    if any(c.isdigit() for c in text):  # an address, a date, a code and a record number all hold a digit
        streets = [Finding("STREET_ADDRESS", *_trim(text, m.span())) for m in rules["STREET_ADDRESS"].finditer(text)
                   if any(c.isdigit() for c in m.group())]
        # Where a street word found the street too, a cued span that opens with a lower-case word yields to it
        # ("wohnt in der Hauptstraße 5" masks "Hauptstraße 5", not the article); one that opens capitalised is the
        # longer name ("endereço: Quadrado Rua Alberto de Faria 83") and the longer span wins the merge.
        cued = [Finding("STREET_ADDRESS", *_trim(text, m.span("addr"))) for m in rules["CUED_ADDRESS"].finditer(text)
                if _bare_street(m)]
        found += streets + [c for c in cued if not text[c.start].islower()
                            or all(c.end <= s.start or c.start >= s.end for s in streets)]
        if not text.isascii():  # Japanese, Chinese and Korean addresses: units in order, no street word
            from maskline.infotypes.cjk_addresses import cjk_address_spans

            found += [Finding("STREET_ADDRESS", a, b) for a, b in cjk_address_spans(text)]
            from maskline.infotypes.thai_addresses import thai_address_spans

            # Thai: a house number, a unit word (ถนน, ต., จ.) and a five-digit postal code
            found += [Finding("STREET_ADDRESS", a, b) for a, b in thai_address_spans(text)]
        lowered = text.lower()
        for m in rules["DATE"].finditer(text):
            window = lowered[max(0, m.start() - CUE_WINDOW):m.start()]
            if rules["BIRTH_CUE"].search(window):
                found.append(Finding("DATE_OF_BIRTH", *m.span()))
        for m in rules["ICD10"].finditer(text):
            window = lowered[max(0, m.start() - 2 * CUE_WINDOW):m.start()]
            if rules["ICD_CUE"].search(window):
                found.append(Finding("ICD10_CODE", *m.span()))
        for m in rules["MRN"].finditer(text):
            if sum(c.isdigit() for c in m.group("id")) >= 5:
                found.append(Finding("MEDICAL_RECORD_NUMBER", *m.span("id")))
    return found


def _bare_street(m: re.Match[str]) -> bool:
    """Whether a cued name-and-number match reads as a street, not a date, a year or a time: its name is no
    month ("at March 12"), its number no year after a name ("at Acme 2024"), and a number first is followed by
    a word, not an abbreviation ("at 5 PM Tuesday").

    >>> rule = _rules()["CUED_ADDRESS"]
    >>> [_bare_street(rule.search(t)) for t in ("at Kreek 395", "at March 12", "at 5 PM Tuesday")]
    [True, False, False]
    """
    if m.group("name") is None:  # a number first: the street's first word is a word, not "PM" or "UTC"
        return any(c.islower() for c in m.group("after"))
    from maskline.text.prose_data import MONTHS

    number = m.group("no")
    first = m.group("name").split()[0].rstrip(".").lower()
    return first not in _months(MONTHS) and not (len(number) == 4 and number[:2] in ("19", "20"))


@cache
def _months(months: tuple[str, ...]) -> frozenset[str]:
    return frozenset(months)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while b > a and text[b - 1] in " \t,.":
        b -= 1
    return a, b


# When spans overlap, the more specific one wins: a birth date, a record number or a code over an address or a
# name that swallowed it.
_PRIORITY = {"DATE_OF_BIRTH": 0, "PHONE": 1, "MEDICAL_RECORD_NUMBER": 2, "ICD10_CODE": 3, "STREET_ADDRESS": 4,
             "PERSON_NAME": 5}


def _merge(findings: list[Finding]) -> list[Finding]:
    """Left to right without overlaps; of overlapping spans, the higher-priority (then longer) one is kept."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (_PRIORITY.get(f.type, 9), -(f.end - f.start), f.start)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def merge_findings(validated: list[Finding], prose: list[Finding]) -> list[Finding]:
    """The scrubber's validated spans plus the prose spans that do not overlap them, left to right.

    >>> merge_findings([Finding("EMAIL", 10, 20)], [Finding("PERSON_NAME", 0, 9), Finding("PERSON_NAME", 12, 15)])
    [Finding(type='PERSON_NAME', start=0, end=9), Finding(type='EMAIL', start=10, end=20)]
    """
    kept = list(validated)
    for f in prose:
        if all(f.end <= v.start or f.start >= v.end for v in validated):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
