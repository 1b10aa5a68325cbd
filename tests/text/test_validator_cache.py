"""Validator answers are remembered for repeated values, under salted digests: the cache holds no raw value."""

from __future__ import annotations

from maskline.infotypes import answer_memo
from maskline.text import scrub, scrubber


def test_a_repeated_value_is_validated_once() -> None:
    calls: list[str] = []

    def check(value: str) -> bool:
        calls.append(value)
        return value.endswith("ok")

    remembered = scrubber._remembered(check)
    assert [remembered(v) for v in ("a-ok", "a-ok", "b-no", "a-ok", "b-no")] == [True, True, False, True, False]
    assert calls == ["a-ok", "b-no"]  # the cache is used: without it, five calls


def test_the_cache_holds_digests_not_values() -> None:
    seen: list[dict[bytes, bool]] = []
    value = "ana.lopez@correo.es"
    assert scrub(f"mail {value}")[0] == "mail [EMAIL]"
    for forget in answer_memo.FORGETTERS:
        answers = forget.__self__  # type: ignore[attr-defined]
        seen.append(answers)
    keys = [k for answers in seen for k in answers]
    assert keys, "the e-mail's answer was remembered"
    assert all(isinstance(k, bytes) and len(k) == 16 for k in keys)
    assert not any(value.encode() in k or k in value.encode() for k in keys)


def test_forgetting_the_answers_changes_no_finding() -> None:
    text = "call +1 415 555 0100 or write ana@correo.es, card 4111 1111 1111 1111"
    warm = scrub(text)
    scrubber.forget_validator_answers()
    assert scrub(text) == warm


def test_forgetting_empties_every_cache_that_holds_an_answer() -> None:
    scrubber.forget_validator_answers()
    texts = ["mail ana@correo.es", "card 4111 1111 1111 1111", "call +1 415 555 0100", "ip 81.2.69.160",
             "iban DE89 3704 0044 0532 0130 00", "ssn 536-90-4399"]
    for _ in range(2):  # the second time, the caches are refilled after being emptied
        for text in texts:
            scrub(text)
        caches = [forget.__self__ for forget in answer_memo.FORGETTERS]  # type: ignore[attr-defined]
        assert sum(bool(answers) for answers in caches) >= len(texts)
        scrubber.forget_validator_answers()
        assert not any(caches) and not answer_memo.FILLED


def test_phone_checks_are_remembered_under_digests_and_forgotten() -> None:
    # The phone check kept an lru_cache of raw numbers; its answers now live in the digest caches like the rest.
    from maskline.infotypes.validators import phone_digits

    scrubber.forget_validator_answers()
    number = "3306317069"
    assert phone_digits(number)
    caches = [forget.__self__ for forget in answer_memo.FORGETTERS]  # type: ignore[attr-defined]
    keys = [k for answers in caches for k in answers]
    assert keys and all(isinstance(k, bytes) and number.encode() not in k for k in keys)
    scrubber.forget_validator_answers()
    assert not any(caches)
