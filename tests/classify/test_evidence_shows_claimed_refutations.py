"""A verdict's evidence shows a refutation only of a type something claimed, and each only once.

A detector's pattern matches more than its type: a date's or a price's digits and dots fit a house number's pattern,
a status word a first name's shape. When no value validated and no name hinted the type, "refuted:street_address"
on a DATE column answers a question nobody asked, in words that make no sense for the column. The typed signals
(``Signals.refuted``, which the fail-closed decision reads) still record every refutation: only what people are
shown (the scan's table and JSON, the stored scan, GX results, all read ``evidence``) changes.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from maskline.classify import classify, classify_column
from maskline.cli.main import main

RNG = random.Random(20261205)
# The columns of an ordinary sales table no detector's values or name claim.
UNCLAIMED = ("order_date", "unit_price", "region", "product", "status", "notes", "store_code")


@pytest.fixture(scope="module")
def sales_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 orders with dates, prices, category labels, e-mails and store codes (``S37``), one newline style."""
    path = tmp_path_factory.mktemp("sales") / "sales.csv"
    rng = random.Random(7)
    notes = ["", "", "", "gift wrap", "call before delivery", "leave at door", "fragile", "expedite"]
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["order_id", "order_date", "region", "product", "quantity", "unit_price", "discount", "status",
                    "customer_email", "notes", "store_code", "rating"])
        for i in range(300):
            w.writerow([1000 + i, (date(2024, 1, 1) + timedelta(days=rng.randrange(365))).isoformat(),
                        rng.choice(["North", "South", "East", "West", "Central"]),
                        rng.choice(["Widget A", "Widget B", "Gadget Pro", "Gizmo Mini", "Sprocket XL"]),
                        rng.randint(1, 20), f"{rng.uniform(2, 250):.2f}", rng.choice(["0", "0.05", "0.1", "0.2"]),
                        rng.choice(["shipped", "pending", "cancelled"]),
                        f"{rng.choice(['ana', 'ben', 'eva', 'leo'])}.{rng.choice(['lopez', 'smith'])}"
                        f"{rng.randrange(100)}@example.com",
                        rng.choice(notes), f"S{rng.randint(1, 99)}", rng.randint(1, 5)])
    return path


def test_the_scan_shows_no_refutation_of_a_type_nothing_claimed(sales_csv: Path, capsys) -> None:
    assert main(["scan", str(sales_csv), "--format", "json"]) == 0
    evidence = {c["name"]: c["evidence"] for c in json.loads(capsys.readouterr().out)["columns"]}
    for name in UNCLAIMED:
        assert not [e for e in evidence[name] if e.startswith("refuted:")], name
    # Not trivially true: the scan still explains what it found.
    assert "values:email 1.00 validated (32 checked)" in evidence["customer_email"]


def test_the_refutations_are_still_recorded_for_the_decision(sales_csv: Path) -> None:
    """Only what is shown changes: the typed signals keep every refutation, and the verdicts stay what they were."""
    verdicts = classify(str(sales_csv)).by_name()
    assert "STREET_ADDRESS" in verdicts["order_date"].signals.refuted
    assert "PERSON_NAME" in verdicts["status"].signals.refuted
    assert [n for n, v in verdicts.items() if v.info_type] == ["customer_email"]


def test_the_stored_scan_keeps_the_signals_and_shows_no_unclaimed_refutation(sales_csv: Path, tmp_path: Path) -> None:
    data = tmp_path / "sales.csv"
    data.write_bytes(sales_csv.read_bytes())
    (tmp_path / "policy.yml").write_text("version: 1\n")
    assert main(["scan", str(data), "--policy", str(tmp_path / "policy.yml"), "--save", "--format", "json"]) == 0
    stored = {c["name"]: c for c in json.loads((tmp_path / "policy.scan.json").read_text())["tables"]["sales"]["columns"]}
    assert not [e for e in stored["order_date"]["evidence"] if e.startswith("refuted:")]
    assert "STREET_ADDRESS" in stored["order_date"]["signals"]["refuted"]


def test_a_refutation_is_shown_once_however_many_detectors_it_refuted() -> None:
    # Three first names repeated over the rows: two name detectors validate them, one check refutes both.
    verdict = classify_column("status", ["Grace", "Hope", "Joy"] * 100)
    shown = [e for e in verdict.evidence if e.startswith("refuted:person_name")]
    assert len(shown) == 1 and len(verdict.evidence) == len(set(verdict.evidence))
    assert verdict.signals.refuted.count("PERSON_NAME") == 2  # recorded as before, once per detector


def test_a_refutation_of_values_that_validated_or_of_the_name_is_still_shown() -> None:
    storms = ["Katrina", "Andrew", "Sandy", "Maria", "Irma", "Harvey", "Ida", "Wilma"] * 5
    assert "refuted:person_name (the name says these are things: storms, venues, products)" in \
        classify_column("hurricane_name", storms).evidence
    versions = [f"{RNG.randint(0, 12)}.{RNG.randint(0, 40)}.{RNG.randint(0, 60)}.{RNG.randint(0, 99)}"
                for _ in range(200)]
    for name in ("build", "ip_address"):  # values that validate as IPs; a name that says so as well
        assert any(e.startswith("refuted:ip_address (version strings") for e in classify_column(name, versions).evidence)


@pytest.mark.parametrize("name, values", [
    ("order_date", [(date(2024, 1, 1) + timedelta(days=i)).isoformat() for i in range(200)]),
    ("store_code", [f"S{i % 99 + 1}" for i in range(300)]),
    ("status", ["shipped", "pending", "cancelled"] * 100),
    ("region", ["North", "South", "East", "West", "Central"] * 60),
])
def test_every_shown_refutation_is_recorded_and_none_is_shown_unclaimed(name: str, values: list[str]) -> None:
    verdict = classify_column(name, values)
    shown = {e.split(" ", 1)[0].removeprefix("refuted:").upper() for e in verdict.evidence if e.startswith("refuted:")}
    assert shown <= set(verdict.signals.refuted)
    assert not shown and verdict.signals.refuted, name  # recorded, not shown
