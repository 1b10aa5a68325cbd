"""Text columns pass raw only on structural evidence of NONE, each fact backed by the column name.

Each passing case has a twin that must stay masked: the same values under a name that does not vouch, or
values of people under a name that would.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import why_not_safe
from maskline.engine.frames import mask_frame

N = 120
DISHES = ["Chimichanga", "Gyoza", "Tarte tropézienne", "Aïoli", "Polenta", "Cassoeula", "Ajoblanco", "Hornazo",
          "Springerle", "Buletten", "Bolinho De Chuva", "Carne De Cabra", "Sashimi", "Tiramisù", "Oreilette",
          "Polvorón", "Sonofabitch stew", "Birnen", "Gumbo", "Pierogi", "Moussaka", "Baklava", "Kimchi", "Ramen"]
PEOPLE = ["Anna Meier", "Jan de Vries", "Marco Rossi", "Claire Moreau", "John Smith", "Maria Garcia", "Lukas Weber",
          "Sofia Costa", "Emma Jansen", "Pedro Alves", "Julia Fischer", "Luca Bianchi"]


def _reason(name: str, values: list[str]) -> str | None:
    col = classify(pd.DataFrame({name: values})).columns[0]
    return why_not_safe(name, col)


def _ids(prefix: str) -> list[str]:
    rng = random.Random(7)
    return [f"{prefix}{n:06d}" for n in rng.sample(range(1_000_000), N)]


def test_product_names_in_a_products_column_pass_byte_for_byte() -> None:
    rng = random.Random(3)
    df = pd.DataFrame({"product": [rng.choice(DISHES) for _ in range(N)]})
    out = mask_frame(df, {"version": 1}, table="t")
    assert out["product"].tolist() == df["product"].tolist()
    # Not trivially true: the same values under a neutral name are masked, as before.
    neutral = mask_frame(df.rename(columns={"product": "attr"}), {"version": 1}, table="t")
    assert not set(neutral["attr"]) & set(DISHES)


def test_people_in_a_products_column_stay_masked() -> None:
    rng = random.Random(4)
    assert _reason("product", [rng.choice(PEOPLE) for _ in range(N)]) is not None  # a few, repeated: categorical
    many = [f"{f} {s}" for f in ("Anna", "Marco", "Claire", "John", "Maria", "Lukas") for s in ("Meier", "Rossi",
                                                                                        "Moreau", "Smith", "Weber")]
    assert _reason("product", [rng.choice(many) for _ in range(N)]) is not None  # first names give them away


def test_labels_under_a_role_name_stay_masked() -> None:
    rng = random.Random(5)
    values = [rng.choice(DISHES) for _ in range(N)]
    assert _reason("product", values) is None
    assert _reason("product_owner", values) is not None  # who, not what


def test_template_ids_under_an_id_name_pass() -> None:
    assert _reason("Kundennummer", _ids("K")) is None
    assert _reason("ticket_id", _ids("T-")) is None
    assert _reason("attr", _ids("K")) is not None  # the same values, a name that does not say identifier


@pytest.mark.parametrize(("name", "prefix"), [
    ("record_id", "MRN-"),  # the prefix names a sensitive type
    ("ref", "PAT"),  # a patient number's prefix
    ("passport_no", "C"),  # a personal document's number
    ("license_no", "D"),
    ("ref", "TAX-"),  # a document word as a prefix: one list serves names and prefixes
    ("pt_number", "R"),  # a patient abbreviation as a name word
])
def test_template_ids_of_people_stay_masked(name: str, prefix: str) -> None:
    assert _reason(name, _ids(prefix)) is not None


def test_ids_whose_prefix_varies_stay_masked() -> None:
    rng = random.Random(6)
    values = [rng.choice("ABCDEFGH") + f"{rng.randrange(10**7):07d}" for _ in range(N)]  # like a driver's licence
    assert _reason("order_id", values) is not None


def test_calendar_dates_in_a_local_format_pass_like_iso_dates() -> None:
    rng = random.Random(8)
    values = [f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2012, 2024)}" for _ in range(N)]
    assert _reason("Kunde seit", values) is None
    # Dates over decades may be births: masked, as before.
    births = [f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1940, 2004)}" for _ in range(N)]
    assert _reason("Kunde seit", births) is not None


def test_the_stored_scan_keeps_the_facts_so_every_face_decides_the_same(tmp_path) -> None:
    import json

    from maskline.cli.main import main

    rng = random.Random(9)
    df = pd.DataFrame({"product": [rng.choice(DISHES) for _ in range(N)], "ticket_id": _ids("T-")})
    df.to_csv(tmp_path / "t.csv", index=False)
    (tmp_path / "policy.yml").write_text("version: 1\n")
    assert main(["scan", str(tmp_path / "t.csv"), "--policy", str(tmp_path / "policy.yml"), "--save",
                 "--format", "json"]) == 0
    out = mask_frame(df, tmp_path / "policy.yml", table="t")  # decided from the stored scan
    assert out["product"].tolist() == df["product"].tolist() and out["ticket_id"].tolist() == df["ticket_id"].tolist()
    # Not trivially true: without the facts in the file, the stored verdicts mask both columns.
    path = tmp_path / "policy.scan.json"
    data = json.loads(path.read_text())
    for table in data["tables"].values():
        for col in table["columns"]:
            assert col["shape"].pop("facts")
    path.write_text(json.dumps(data))
    out = mask_frame(df, tmp_path / "policy.yml", table="t")
    assert not set(out["product"]) & set(df["product"]) and not set(out["ticket_id"]) & set(df["ticket_id"])


def test_month_name_dates_over_decades_under_a_neutral_name_stay_masked() -> None:
    rng = random.Random(10)
    months = ["Jan", "March", "Jul", "October", "Dec"]
    births = [f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1940, 2004)}" for _ in range(N)]
    assert _reason("field_4", births) is not None
    events = [f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(2018, 2024)}" for _ in range(N)]
    assert _reason("field_4", events) is None  # not trivially true: the same format over a few years passes
