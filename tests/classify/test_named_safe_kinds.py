"""Everyday warehouse columns pass raw when their values and their name prove the same safe kind
(:mod:`maskline.classify.named_kinds`), and their look-alikes stay masked.

The fail-closed decision masked a quantity, a flag or an order status as soon as an export wrote ``N/A`` or ``—``
into a few rows (the values were no longer numbers or labels, so they needed free text's evidence), and masked
HTTP status codes and model years whatever their form (``status_code`` says code; years are numbers of one width,
as PINs are). Both halves are needed: the same values under a placeholder name, and look-alikes (PINs, postal
codes, years of birth, marital states, door codes) under the kind's name, stay masked.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy
from tests.classify.decided_column import decided

ROWS = 80
PLACEHOLDERS = ["", "N/A", "—", "unknown"]


def _with_placeholders(values: list[str], seed: int = 3) -> list[str]:
    """Every third row a placeholder, as exports write them."""
    r = random.Random(seed)
    return [r.choice(PLACEHOLDERS) if i % 3 == 0 else v for i, v in enumerate(values)]


def _draw(choices: list[str], seed: int = 5) -> list[str]:
    r = random.Random(seed)
    return [r.choice(choices) for _ in range(ROWS)]


def _decision(name: str, values: list) -> tuple[bool, str]:
    decision = decide_unnamed(load_policy({}), name, classify_column(name, values))
    return decision.method is not None, decision.rule


QUANTITIES = _with_placeholders([str(random.Random(i).randint(1, 40)) for i in range(ROWS)])
FLAGS = _with_placeholders(_draw(["Y", "N"]))
STATES = _with_placeholders(_draw(["pending", "shipped", "delivered", "cancelled", "returned"]))
WEIGHTS = [f"{random.Random(i).uniform(0.1, 30):.1f} kg" for i in range(ROWS)]
DISCOUNTS = _with_placeholders(_draw(["5%", "10%", "12.5%", "15%", "20%", "25%"]))
HTTP = [int(v) for v in _draw(["200", "200", "201", "204", "301", "304", "400", "404", "500", "503"])]
MODEL_YEARS = [random.Random(i).randint(2012, 2025) for i in range(ROWS)]


@pytest.mark.parametrize(("name", "values", "kind"), [
    ("order_qty", QUANTITIES, "counts"),
    ("page_views", _with_placeholders([str(random.Random(i).randint(0, 5000)) for i in range(ROWS)]), "counts"),
    ("is_active", FLAGS, "flags"),
    ("deleted_flag", _with_placeholders(_draw(["true", "false"])), "flags"),
    ("order_status", STATES, "status words"),
    ("status", _draw(["aktif", "nonaktif", "batal", "tertunda"]), "status words"),  # words a name lexicon knows
    ("Bestellstatus", _with_placeholders(_draw(["offen", "bezahlt", "versandt", "storniert"])), "status words"),
    ("status_code", HTTP, "http statuses"),
    ("weight", WEIGHTS, "measurements"),
    ("discount", DISCOUNTS, "measurements"),
    ("model_year", MODEL_YEARS, "years"),
])
def test_the_kind_passes_when_values_and_name_agree(name: str, values: list, kind: str):
    masked, rule = _decision(name, values)
    assert not masked, rule
    assert f"proven kind: {kind}, name agrees" in rule


def test_through_a_csv_file_as_maskline_scan_reads_it(tmp_path: Path):
    frame = pd.DataFrame({"order_qty": QUANTITIES, "order_status": STATES, "model_year": MODEL_YEARS})
    for name in frame.columns:
        info_type, masked, _ = decided(frame, name, tmp_path, table="orders")
        assert info_type is None and not masked, name


@pytest.mark.parametrize("name", ["c7", "fld_k", "value_2"])
def test_the_same_values_under_a_placeholder_name_stay_masked(name: str):
    # Values alone never pass these kinds: a quantity and a door code, a model year and a PIN share them. (Clean
    # integers of HTTP codes pass under any name by the numeric rule, as before: not this rule's to change.)
    for values in (QUANTITIES, FLAGS, STATES, DISCOUNTS, WEIGHTS, MODEL_YEARS):
        masked, rule = _decision(name, values)
        assert masked, (name, values[:3], rule)


@pytest.mark.parametrize(("name", "values"), [
    # Four-digit PINs under a count's name: one width, so codes, not counts.
    ("attempts", _with_placeholders([str(random.Random(i).randint(1000, 9999)) for i in range(ROWS)])),
    # Postal codes under a count's name.
    ("items", _with_placeholders([str(random.Random(i).randint(10000, 99999)) for i in range(ROWS)])),
    # Years of birth: spread over a lifetime, and under a name that says birth (written with placeholders: clean
    # integers are decided by the numeric rule, as before).
    ("year", _with_placeholders([str(random.Random(i).randint(1935, 2010)) for i in range(ROWS)])),
    ("birth_year", [random.Random(i).randint(1995, 2008) for i in range(ROWS)]),
    # Marital states and religions are no workflow's states: not in the vocabulary.
    ("marital_status", _with_placeholders(_draw(["married", "single", "divorced", "widowed"]))),
    ("status", _with_placeholders(_draw(["Catholic", "Protestant", "Muslim", "Jewish", "Hindu"]))),
    # A person's role in the name: the state of a customer, the count of a patient's visits to whom.
    ("customer_status", STATES),
    # Door codes under a status name: not registered HTTP codes.
    ("status", _with_placeholders([str(random.Random(i).randint(100, 999)) for i in range(ROWS)])),
    ("door_code", HTTP),  # the registry's codes under a name that says a door's code
    # Addresses are no measurements, whatever the name.
    ("size", _draw(["12 Main St", "4 Elm Rd", "7 High St", "31 Park Ave"])),
])
def test_look_alikes_under_the_kinds_names_stay_masked(name: str, values: list):
    masked, rule = _decision(name, values)
    assert masked, rule


def test_amounts_with_placeholders_pass_as_amounts_under_any_name():
    # A value-only kind (maskline.classify.safe_kinds) read on the values that are not placeholders: prices an
    # export wrote N/A into are still prices. Coordinates with placeholders stay coordinates (masked).
    r = random.Random(11)
    prices = _with_placeholders([f"{r.uniform(1, 900):.2f} €".replace(".", ",") for _ in range(ROWS)])
    masked, rule = _decision("c7", prices)
    assert not masked and "proven kind: money amounts" in rule, rule
    coords = _with_placeholders([f"{r.uniform(-90, 90):.2f}" for _ in range(ROWS)])
    assert _decision("c8", coords)[0]


def test_too_few_real_values_prove_nothing():
    # Placeholders say nothing: twenty rows of which fifteen are N/A hold five quantities, below MIN_VALUES.
    masked, rule = _decision("order_qty", ["N/A"] * 15 + ["3", "7", "12", "1", "4"])
    assert masked, rule


def test_unclassified_pass_policy_still_passes_everything():
    decision = decide_unnamed(load_policy({"unclassified": "pass"}), "c7", classify_column("c7", FLAGS))
    assert decision.method is None
