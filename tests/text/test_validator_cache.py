"""Validator answers are remembered for repeated values, under salted digests: the cache holds no raw value."""

from __future__ import annotations

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
    for forget in scrubber._FORGETTERS:
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
        caches = [forget.__self__ for forget in scrubber._FORGETTERS]  # type: ignore[attr-defined]
        assert sum(bool(answers) for answers in caches) >= len(texts)
        scrubber.forget_validator_answers()
        assert not any(caches) and not scrubber._FILLED
