"""The fail-closed decision reads the verdict's typed signals and shape, never its evidence strings.

Evidence strings are for people and may be reworded; rewording one must not change what is masked. Each test
builds the same verdict twice: once with a typed signal and evidence that says nothing, once with the old
evidence text and no typed signal. Only the first may change the decision. The last tests check the other half:
the classifier records every signal it puts into words, and a stored scan keeps them.
"""

from __future__ import annotations

import json
import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed, vouched_text, why_not_safe
from maskline.classify.result import Classification, ColumnClassification
from maskline.classify.shape import ValueShape
from maskline.classify.signals import IdentifyingShape, NearMiss, Signals
from maskline.classify.stored import SCHEMA_PATH, load_scan, save_scan
from maskline.policy import load_policy

POLICY = load_policy({"version": 1})
LABELS = ValueShape("categorical", facts=("short labels", "no first names", "repeated values"))
PRODUCTS = ValueShape("text", facts=("short labels", "no first names", "repeated values"))
NO_SIGNALS = Signals()


def _verdict(name: str, shape: ValueShape, evidence: tuple[str, ...] = (), signals: Signals = NO_SIGNALS,
             confidence: float = 0.8) -> ColumnClassification:
    return ColumnClassification(name, None, confidence, None, evidence, shape=shape, signals=signals)


def _passes(v: ColumnClassification) -> bool:
    return decide_unnamed(POLICY, v.name, v).method is None


def test_a_typed_person_shape_masks_a_categorical_column_whose_evidence_says_nothing() -> None:
    typed = _verdict("status", LABELS, signals=Signals(identifying_shape=IdentifyingShape.LOWER_CASE_NAMES))
    assert why_not_safe("status", typed) == "values are shaped like people's names"
    assert _passes(_verdict("status", LABELS))  # control: the same verdict without the signal passes


@pytest.mark.parametrize("text", ["shape:lower-case names, no detector confirmed it",
                                  "shape:name-like words, no detector confirmed it"])
def test_person_shape_in_words_alone_does_not_change_the_decision(text: str) -> None:
    assert _passes(_verdict("status", LABELS, (text,)))


def test_a_typed_near_miss_masks_and_its_words_alone_do_not() -> None:
    typed = _verdict("qty", ValueShape("numeric"), signals=Signals((NearMiss("PHONE", 0.4),)))
    assert decide_unnamed(POLICY, "qty", typed).rule == "unclassified: mask (near miss: PHONE 0.40)"
    weak = _verdict("qty", ValueShape("numeric"),
                    signals=Signals((NearMiss("PERSON_NAME", 0.12, weak=True, detector="first-name"),)))
    assert decide_unnamed(POLICY, "qty", weak).rule == "unclassified: mask (near miss: first-name)"
    worded = _verdict("qty", ValueShape("numeric"), ("below min_confidence 0.60: PHONE 0.40",
                                                     "weak:first-name 0.12 validated, not enough"))
    assert _passes(worded)


def test_a_typed_person_refutation_masks_labels_with_first_names_and_its_words_alone_do_not() -> None:
    with_first_names = ValueShape("categorical", facts=("short labels", "repeated values"))
    typed = _verdict("storm", with_first_names, signals=Signals(refuted=("PERSON_NAME",)))
    assert why_not_safe("storm", typed) == "values hold first names; only the column's or the table's name says they are things"
    worded = _verdict("storm", with_first_names, ("refuted:person_name (the name says these are things)",))
    assert _passes(worded)
    # Another type's refutation is not a person's.
    assert _passes(_verdict("storm", with_first_names, signals=Signals(refuted=("POSTAL_CODE",))))


@pytest.mark.parametrize("signals", [
    Signals(prose=True),
    Signals((NearMiss("PERSON_NAME", 0.12, weak=True, detector="first-name"),)),
    Signals(identifying_shape=IdentifyingShape.DATES_OVER_DECADES),
])
def test_typed_prose_weak_values_and_dates_over_decades_never_vouch_for_text(signals: Signals) -> None:
    assert vouched_text("product", _verdict("product", PRODUCTS, signals=signals)) is None
    assert not _passes(_verdict("product", PRODUCTS, signals=signals))


@pytest.mark.parametrize("text", ["prose: no validated span; names in prose need NER",
                                  "weak:first-name 0.12 validated, not enough",
                                  "shape:dates over decades, no detector confirmed it"])
def test_the_same_cautions_in_words_alone_leave_the_vouch_as_it_was(text: str) -> None:
    verdict = _verdict("product", PRODUCTS, (text,))
    assert vouched_text("product", verdict) == "repeated labels without first names, name says things"
    assert _passes(verdict)


def test_a_closed_vocabulary_is_read_from_the_shape_field_not_from_a_fact_in_words() -> None:
    typed = _verdict("attr", ValueShape("text", vocabulary="time zones"), confidence=0.75)
    assert decide_unnamed(POLICY, "attr", typed).rule == \
        "classifier: not sensitive (text: closed vocabulary: time zones, 0.75)"
    worded = _verdict("attr", ValueShape("text", facts=("closed vocabulary: time zones",)), confidence=0.75)
    assert not _passes(worded)


N = 120
_PEOPLE = ["Anna Meier", "Jan de Vries", "Marco Rossi", "Claire Moreau", "John Smith", "Maria Garcia",
           "Lukas Weber", "Sofia Costa", "Emma Jansen", "Pedro Alves", "Julia Fischer", "Luca Bianchi"]
_COUNTRIES = ["France", "Germany", "Spain", "Chile", "Jordan", "Georgia", "Chad", "Israel", "Kenya", "Victoria"]


def _columns() -> dict[str, list[str]]:
    """Real columns, one for each signal the classifier puts into words."""
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(21)
    rng = random.Random(4)
    return {
        "contact": [fake.name().lower() for _ in range(N)],  # lower-case names
        "storm": [rng.choice(_PEOPLE) for _ in range(N)],  # name-like words, PERSON_NAME refuted by the name
        "c4": [rng.choice(_COUNTRIES) for _ in range(N)],  # weak first names
        "c5": ["N" + "".join(rng.choice("0123456789") for _ in range(8)) for _ in range(N)],  # a guess too weak
        "notes": [fake.sentence(nb_words=8) for _ in range(N)],  # prose
        # Dates over decades, too many of them recent for birth dates of adults.
        "field_4": [f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1990, 2025)}" for _ in range(N)],
        "tz": [rng.choice(["Europe/Paris", "Asia/Tokyo", "America/New_York"]) for _ in range(N)],
    }


def test_the_classifier_records_every_caution_it_puts_into_words() -> None:
    """Each prefix the decision used to read has its typed twin on the same verdict, and the reverse."""
    seen = set()
    for name, values in _columns().items():
        v = classify_column(name, values)
        ev, s = v.evidence, v.signals
        below = [e.split(": ", 1)[1] for e in ev if e.startswith("below min_confidence")]
        assert below == [str(m) for m in s.near_misses if not m.weak], name
        assert [e[5:].split(" ", 1)[0] for e in ev if e.startswith("weak:")] == \
            [m.detector for m in s.near_misses if m.weak], name
        assert any(e.startswith("prose:") for e in ev) == s.prose, name
        assert any(e.startswith(("shape:lower-case names", "shape:name-like words")) for e in ev) == \
            s.person_shaped, name
        assert any(e.startswith("shape:dates over decades") for e in ev) == \
            (s.identifying_shape is IdentifyingShape.DATES_OVER_DECADES), name
        assert any(e.startswith("refuted:person_name") for e in ev) == ("PERSON_NAME" in s.refuted), name
        seen |= {k for k, on in [("below", below), ("weak", any(m.weak for m in s.near_misses)),
                                 ("prose", s.prose), ("person", s.person_shaped), ("refuted", s.refuted),
                                 ("decades", s.identifying_shape is IdentifyingShape.DATES_OVER_DECADES),
                                 ("vocabulary", v.shape is not None and v.shape.vocabulary)] if on}
    # Not trivially true: the columns raise every signal.
    assert seen == {"below", "weak", "prose", "person", "refuted", "decades", "vocabulary"}


def test_a_stored_scan_keeps_the_signals_so_its_decisions_are_the_same(tmp_path) -> None:
    verdicts = Classification(tuple(classify_column(n, v) for n, v in _columns().items()))
    path = save_scan(tmp_path / "policy.scan.json", "t", verdicts, POLICY)
    stored = load_scan(path, POLICY).tables["t"]
    for fresh, back in zip(verdicts.columns, stored.columns, strict=True):
        assert (back.signals, back.shape) == (fresh.signals, fresh.shape), fresh.name
        assert decide_unnamed(POLICY, fresh.name, back) == decide_unnamed(POLICY, fresh.name, fresh)


def test_a_column_stored_without_signals_is_masked_as_unscanned(tmp_path) -> None:
    """A scan saved before signals were kept has lost its cautions: its shape alone must not pass a column."""
    qty = ColumnClassification("qty", None, 0.95, None, ("type:BIGINT",), shape=ValueShape("numeric"))
    path = save_scan(tmp_path / "policy.scan.json", "t", Classification((qty,)), POLICY)
    assert _passes(load_scan(path, POLICY).tables["t"].columns[0])  # control: with its signals it passes
    data = json.loads(path.read_text())
    del data["tables"]["t"]["columns"][0]["signals"]
    path.write_text(json.dumps(data))
    back = load_scan(path, POLICY).tables["t"].columns[0]
    assert decide_unnamed(POLICY, "qty", back).rule == "unclassified: mask (no scan)"


ZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/Berlin"] * 10  # a closed vocabulary


def test_a_column_stored_without_its_name_hint_is_decided_as_before(tmp_path) -> None:
    # The decision reads the hint the classifier recorded; a scan stored before it was kept has none, and its
    # columns are decided from their names, as before: email_tz's name hints EMAIL, so its time zones stay masked
    # (read as "no hint", they would pass as a closed vocabulary). The control: tz, no hint, passes either way.
    verdicts = Classification((classify_column("email_tz", ZONES), classify_column("tz", ZONES)))
    assert [v.signals.name_hint for v in verdicts.columns] == [True, False]
    path = save_scan(tmp_path / "policy.scan.json", "t", verdicts, POLICY)
    data = json.loads(path.read_text())
    for column in data["tables"]["t"]["columns"]:
        del column["signals"]["name_hint"]
    path.write_text(json.dumps(data))
    old = load_scan(path, POLICY).tables["t"].columns
    assert [v.signals.name_hint for v in old] == [None, None]
    for fresh, back in zip(verdicts.columns, old, strict=True):
        assert decide_unnamed(POLICY, fresh.name, back) == decide_unnamed(POLICY, fresh.name, fresh)
    assert [_passes(v) for v in old] == [False, True]


def test_a_name_hint_of_the_policys_own_info_type_outweighs_a_closed_vocabulary() -> None:
    # The classifier records the custom info types' hints too, and the decision now reads that record: badge_zone
    # names the policy's BADGE_ID, so its values are not vouched for by their vocabulary (they passed when the
    # decision weighed only the built-in hints). The control: tz, under the same policy, passes.
    import pandas as pd

    from maskline.classify import classify

    policy = load_policy({"version": 1, "info_types": {"BADGE_ID": {
        "category": "identifier", "pattern": "^B-[0-9]{6}$", "name_hints": ["badge"], "method": {"method": "redact"}}}})
    scan = classify(pd.DataFrame({"badge_zone": ZONES, "tz": ZONES}), policy=policy)
    badge, tz = scan.columns
    assert badge.info_type is None and badge.signals.name_hint is True
    assert decide_unnamed(policy, "badge_zone", badge).method is not None
    assert decide_unnamed(policy, "tz", tz).method is None


def test_the_schema_lists_exactly_the_identifying_shapes() -> None:
    schema = json.loads(SCHEMA_PATH.read_text())
    listed = schema["$defs"]["column"]["properties"]["signals"]["properties"]["identifying_shape"]["enum"]
    assert set(listed) == {s.value for s in IdentifyingShape} | {None}
