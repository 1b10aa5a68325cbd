"""People named with an honorific in scripts without capitals or word spaces: Japanese, Chinese, Korean, Thai.

A note in these languages names a person without a capital letter, and (but for Korean) without a space around the
name, so neither the prose pass's capitals (:mod:`maskline.text.names`) nor a given and a family name side by side
(:mod:`maskline.text.caseless_names`) find it. What sets a name apart there is the honorific people write with it,
which no thing takes: a reviewer can follow each rule, and each still asks the name lists (``first_names.txt``,
``family_names.txt``, built from the national statistics behind Faker's person providers):

- Japanese: a known family name, or a family name then a given name, right before さん, 様, さま, 先生, くん or
  ちゃん (山田さん, 田中太郎様), with no other Han letter before it (担当の山田さん); after お or ご the word is a
  kinship or politeness noun (お母さん, お客様), never a name;
- Chinese: a known family name, or a full name, right before 先生, 女士, 小姐 or 老师 (刘先生, 王秀英女士); a few
  one-character family names are also the measure words and pronouns that open "this gentleman" (这位先生,
  各位女士), so those characters before the honorific do not count;
- Korean: a family name then a known given name (one word, 조재현) with 씨 or 님 attached or as the next word
  (조재현 씨, 조재현님께); or any three-syllable word opening with a family name, with 씨 or a title in 님 as the
  next word (용한래 씨, 소민식 고객님); a family name alone before 고객님 is also "this customer" (이 고객님), so it
  is not read; and a family name of one syllable alone, with 씨 or a workplace title as the next word (박 과장님께,
  김 씨가), as Korean notes name colleagues and neighbours, but for the syllables that are also determiners
  before a noun (전 "former", 현 "current", 모 "a certain", 그 "that"...): 이 ("this") counts only before 씨, 한
  ("one") not before 선생님 ("a teacher");
- Thai: คุณ, นาย, นาง or นางสาว then a known given name, written together or apart (คุณสมชาย, นางสาว สุดา); the
  nouns that open with คุณ (คุณภาพ "quality", คุณสมบัติ "qualification") are no titles.

Without an honorific, a Chinese or Japanese name inside a sentence cannot be told from the words around it by
rules; that is left to the NER model where one is installed.

>>> text = "担当の山田さんから電話がありました。"
>>> [text[a:b] for a, b in honorific_name_spans(text)]
['山田']
>>> text = "客户刘先生来电询问订单。"
>>> [text[a:b] for a, b in honorific_name_spans(text)]
['刘']
>>> honorific_name_spans("お客様から電話がありました。"), honorific_name_spans("这位先生很满意。")
([], [])
>>> t = "ส่งต่อให้คุณณัฐธิตาดำเนินการ"
>>> [t[a:b] for a, b in honorific_name_spans(t)]
['ณัฐธิตา']
>>> honorific_name_spans("คุณภาพสินค้าดีมาก")
[]
"""

from __future__ import annotations

from maskline.lazy_regex import LazyRegex

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# Japanese honorifics after a name; Chinese ones (先生 is both: "Mr." in Chinese, "teacher, doctor" in Japanese).
_JA_HONORIFICS = ("さん", "様", "さま", "先生", "くん", "ちゃん")
_ZH_HONORIFICS = ("先生", "女士", "小姐", "老师")
_HAN_BEFORE_HONORIFIC = LazyRegex(f"([{_HAN}]{{1,4}})(?:{'|'.join(sorted(set(_JA_HONORIFICS + _ZH_HONORIFICS)))})")
# One-character family names that are also the measure word of "this/every/which gentleman" (这位先生, 各位女士),
# and the words before it; a name read after them is that phrase, not a person.
_NOT_A_NAME_BEFORE = frozenset("这那各哪每位某")
# Nouns that take 様 as names do ("the king", "god", "the lord"): their first character is a family name too.
_HONORIFIC_NOUNS = frozenset({"王様", "神様", "殿様", "仏様", "王さま", "神さま"})
_POLITE_PREFIX = frozenset("おご")  # お母さん, ご主人様: kinship and politeness nouns, not names
# Korean: a family and given name written as one word (two to four syllables), then 씨 or 님 (attached or the
# next word), then any particle.
_KO_NAME = LazyRegex("(?<![\uac00-\ud7af])([\uac00-\ud7af]{3,4}?)(?:\\s?(?:씨|님))")
# A three-syllable word, then 씨 or a title ending in 님 as the next word (용한래 씨, 소민식 고객님): set apart so, the
# word before is a name (씨 attached closes nouns too: 날씨 "weather", 아저씨), read by its family name alone, as
# given names are far more varied than the list holds.
_KO_NAME_APART = LazyRegex("(?<![\uac00-\ud7af])([\uac00-\ud7af]{3}) (?:씨|님|고객님|선생님|과장님|대리님|팀장님|사장님)"
                           "(?:께서|에게|[가는와과를의께도이은을]|(?![\uac00-\ud7af]))")
# A family name of one syllable alone, then 씨 or a title as the next word (박 과장님께, 김 씨가): how notes name a
# colleague or a neighbour. Read by the family name list, without the syllables that also open a noun phrase as
# determiners (_KO_DETERMINERS).
_KO_FAMILY_APART = LazyRegex("(?<![\uac00-\ud7af])([\uac00-\ud7af]) (씨|선생님|과장님|대리님|팀장님|부장님|사장님|실장님|"
                             "차장님|주임님|기사님)(?:께서|에게|[가는와과를의께도이은을]|(?![\uac00-\ud7af]))")
# Syllables that are family names and determiners too: 전 "former", 현 "current", 구 "old", 신 "new", 모 "a
# certain" (the way a name is withheld), 본 "this", 각 "each", 총 "total"; 그 and 저 "that". 이 "this" is read only
# before 씨 (이 고객님, 이 과장님 may be "this customer", "this manager"), 한 "one" not before 선생님 ("a teacher").
_KO_DETERMINERS = frozenset("전현구신모본각총그저")
_KO_DETERMINER_BEFORE = {"이": frozenset({"선생님", "과장님", "대리님", "팀장님", "부장님", "사장님", "실장님", "차장님",
                                         "주임님", "기사님"}),
                         "한": frozenset({"선생님"})}
# Thai titles before a given name; the longest first (นางสาว before นาง).
_TH_TITLE = LazyRegex("(?:นางสาว|นาย|นาง|คุณ)\\s?")
# Words opening with คุณ that are nouns, not a title before a name (quality, qualification, value, benefit, virtue,
# characteristic): a given name that happens to follow would be read inside them.
_TH_KHUN_WORDS = ("คุณภาพ", "คุณสมบัติ", "คุณค่า", "คุณประโยชน์", "คุณธรรม", "คุณลักษณะ", "คุณูปการ", "คุณวุฒิ")
TH_GIVEN_MIN = 3  # letters of a Thai given name read after a title: shorter prefixes are syllables of any word
TH_GIVEN_MAX = 14


def _han_name(run: str, honorific: str) -> str | None:
    """The name that ends ``run`` (the Han letters before ``honorific``): a known family name, or a family name and
    a given name, read from the end; None when none is."""
    from maskline.infotypes.person_names import _unspaced_full_name, family_names

    families = family_names()
    for size in range(min(4, len(run)), 0, -1):
        name = run[-size:]
        if size >= 2 and _unspaced_full_name(name) or name in families:
            if size == 1 and (name in _NOT_A_NAME_BEFORE or run[-2:-1] in _NOT_A_NAME_BEFORE):
                continue
            if name + honorific in _HONORIFIC_NOUNS:
                continue
            return name
    return None


def _korean_full_name(word: str) -> bool:
    """A Korean family name (one syllable, or two: 남궁) then a given name of the list (민준, 서연): the given name
    must be known whole, as single syllables of given names open many nouns (고객 "customer", 선생 "teacher").

    >>> _korean_full_name("조재현"), _korean_full_name("선생"), _korean_full_name("고객")
    (True, False, False)
    """
    from maskline.infotypes.person_names import family_names, first_names

    return any(word[:cut] in family_names() and word[cut:] in first_names() for cut in (1, 2) if len(word) - cut >= 2)


def _thai_given(text: str, start: int) -> int:
    """The end of the longest known Thai given name opening at ``start``, or -1."""
    from maskline.infotypes.person_names import first_names, name_key

    given = first_names()
    best = -1
    for end in range(start + TH_GIVEN_MIN, min(len(text), start + TH_GIVEN_MAX) + 1):
        if not "\u0e00" <= text[end - 1] <= "\u0e7f":
            break
        if name_key(text[start:end]) in given and (end == len(text) or not _thai_mark(text[end])):
            best = end  # a name never ends before a vowel or tone mark that belongs to its last letter
    return best


def _thai_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char).startswith("M")


def _korean_family_alone(syllable: str, title: str) -> bool:
    """Whether a syllable standing alone before 씨 or a title (``title``) is a family name, not a determiner.

    >>> _korean_family_alone("박", "과장님"), _korean_family_alone("전", "과장님"), _korean_family_alone("이", "씨")
    (True, False, True)
    >>> _korean_family_alone("이", "과장님"), _korean_family_alone("한", "선생님"), _korean_family_alone("한", "씨")
    (False, False, True)
    """
    from maskline.infotypes.person_names import family_names

    if syllable in _KO_DETERMINERS or title in _KO_DETERMINER_BEFORE.get(syllable, frozenset()):
        return False
    return syllable in family_names()


def honorific_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of people's names marked by an honorific, in Japanese, Chinese, Korean and Thai (the honorific itself
    is left out of the span).

    >>> t = "담당자 조재현 님에게 전달했습니다."
    >>> [t[a:b] for a, b in honorific_name_spans(t)]
    ['조재현']
    >>> honorific_name_spans("이 고객님께 연락했습니다."), honorific_name_spans("Call Anna about it")
    ([], [])
    >>> t = "경비실에 맡기고 박 과장님께 연락 주세요"
    >>> [t[a:b] for a, b in honorific_name_spans(t)], honorific_name_spans("전 과장님께 보고했습니다")
    (['박'], [])
    """
    if text.isascii():
        return []
    spans: list[tuple[int, int]] = []
    for m in _HAN_BEFORE_HONORIFIC.finditer(text):
        run, honorific = m.group(1), m.group()[len(m.group(1)):]
        name = _han_name(run, honorific)
        if name is None:
            continue
        start = m.end(1) - len(name)
        if start > 0 and text[start - 1] in _POLITE_PREFIX:
            continue
        if honorific in _JA_HONORIFICS and honorific not in _ZH_HONORIFICS and start > m.start(1):
            continue  # Japanese: other Han letters glued before the family name make one word of them
        spans.append((start, m.end(1)))
    if any("\uac00" <= c <= "\ud7af" for c in text):
        from maskline.infotypes.person_names import family_names

        spans += [m.span(1) for m in _KO_NAME.finditer(text) if _korean_full_name(m.group(1))]
        spans += [m.span(1) for m in _KO_NAME_APART.finditer(text) if m.group(1)[0] in family_names()]
        spans += [m.span(1) for m in _KO_FAMILY_APART.finditer(text) if _korean_family_alone(m.group(1), m.group(2))]
    if any("\u0e00" <= c <= "\u0e7f" for c in text):
        for m in _TH_TITLE.finditer(text):
            if text.startswith(_TH_KHUN_WORDS, m.start()):
                continue
            end = _thai_given(text, m.end())
            if end > 0:
                spans.append((m.end(), end))
    return sorted(set(spans))
