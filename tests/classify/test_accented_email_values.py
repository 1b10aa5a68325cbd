"""E-mail addresses whose local part or domain is written beyond ASCII (RFC 6531, "EAI"), read as e-mails.

The validator (`validators.email`) took `josé.garcía@correo.es` and `用户@例子.广告` since the `clsacc` round, but the
`email` detector's pattern, which a value must match before the validator is asked, was ASCII only: a column of
such addresses was no e-mail to the classifier (the scrubber, whose own pattern is wider, found them). Round
`extcsv21` widens the pattern to every character from U+00C0 on and leaves the decision to the validator.

Controls: `@handles`, `user@localhost`, `a@b`, `müller@localhost` and accented text without an `@` stay no e-mail;
ASCII addresses match as before. Every value is written here (given and family names with their accents, made-up
domains); none comes from a probe or from the benchmark's splits.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.infotypes.detectors import detect_value, detector_accepts, detectors_for
from tests.classify.decided_column import decided

GIVEN = ["josé", "maría", "jürgen", "françois", "zoë", "søren", "łukasz", "ñuño", "ágnes", "çağla", "renée", "jörg",
         "inês", "dvořák", "mårten", "éloïse"]
FAMILY = ["garcía", "müller", "lefèvre", "øvrebø", "wałęsa", "peña", "kovács", "yılmaz", "brontë", "gonçalves",
          "núñez", "straße"]
DOMAINS = ["correo-ejemplo.es", "firma-beispiel.de", "société-exemple.fr", "eksempel.dk", "przykład.pl",
           "pelda.hu", "örnek.com.tr", "exemplo.com.br"]


def _addresses(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        local = rng.choice([f"{given}.{family}", f"{given}{i}", f"{given[0]}{family}", f"{family}.{given}"])
        out.append(f"{local}@{rng.choice(DOMAINS)}")
    return out


@pytest.mark.parametrize("value", ["josé.garcía@correo-ejemplo.es", "müller@firma-beispiel.de",
                                   "françois.lefèvre@société-exemple.fr", "用户@例子.广告", "søren.øvrebø@eksempel.dk"])
def test_an_address_beyond_ascii_is_an_email_value(value: str) -> None:
    detector = detectors_for("EMAIL")[0]
    assert detector_accepts(detector, value)
    assert detect_value(value) == "EMAIL"


@pytest.mark.parametrize("value", ["@josé", "@müller_fan", "user@localhost", "müller@localhost", "a@b", "josé@garcía",
                                   "josé garcía", "josé..garcía@correo.es", ".müller@firma.de", "straße@", "@"])
def test_handles_local_hosts_and_bare_words_are_no_email(value: str) -> None:
    assert not detector_accepts(detectors_for("EMAIL")[0], value)
    assert detect_value(value) != "EMAIL"


@pytest.mark.parametrize("name", ["c4", "contact", "email", "correo_electronico"])
def test_a_column_of_accented_addresses_is_email_and_masked(name: str, tmp_path) -> None:
    frame = pd.DataFrame({"id": range(60), name: _addresses(7, 60)})
    info_type, masked, _ = decided(frame, name, tmp_path)
    assert (info_type, masked) == ("EMAIL", True)


def test_a_column_mixing_ascii_and_accented_addresses_is_email(tmp_path) -> None:
    rng = random.Random(11)
    ascii_part = [f"user{i}@example-{rng.randint(1, 9)}.org" for i in range(30)]
    frame = pd.DataFrame({"c2": ascii_part + _addresses(12, 30)})
    assert decided(frame, "c2", tmp_path)[:2] == ("EMAIL", True)


def test_a_column_of_accented_handles_is_no_email(tmp_path) -> None:
    rng = random.Random(5)
    handles = [f"@{rng.choice(GIVEN)}_{rng.choice(FAMILY)}{rng.randint(1, 99)}" for _ in range(60)]
    frame = pd.DataFrame({"c3": handles})
    assert decided(frame, "c3", tmp_path)[0] != "EMAIL"


def test_ascii_addresses_are_read_as_before() -> None:
    detector = detectors_for("EMAIL")[0]
    assert detector_accepts(detector, "ana.lopez@correo.es")
    assert not detector_accepts(detector, "a..b@x.com")
