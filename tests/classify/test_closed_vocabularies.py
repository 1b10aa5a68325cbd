"""Closed public vocabularies vouch for a column under the fail-closed default, but only as a whole value set.

Time zones, ISO countries and currencies, language tags, media types, CSS colours and HTTP words leave no free
choice for personal data; every value must belong to one of them, and a name hint or a column of given names that
happen to be countries keeps the column masked. Scores in [0, 1] are not coordinates; real coordinates still are.
"""

from __future__ import annotations

import http
import random
import zoneinfo

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.infotypes.validators import password_complex
from maskline.infotypes.vocabularies import members
from maskline.policy import load_policy

N = 300


def _decide(name: str, values: list) -> str:
    """'pass' or the masking rule of the default policy's decision for one column."""
    decision = decide_unnamed(load_policy({}), name, classify_column(name, values))
    return "pass" if decision.method is None else decision.rule


def _draw(pool: list[str], seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(pool) for _ in range(N)]


ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
ALPHA2 = sorted(v.upper() for v in members("countries") if len(v) == 2)
COUNTRY_NAMES = sorted(v.title() for v in members("countries") if len(v) > 3)[:200]
CURRENCIES = sorted(v.upper() for v in members("currencies"))[:150]
COLOURS = sorted(members("colours"))
MEDIA = sorted(members("media types"))[:400]

def _country_names_in_every_language() -> list[str]:
    import gzip
    from importlib.resources import files

    data = files("maskline.infotypes").joinpath("data", "vocabulary_country_names.txt.gz").read_bytes()
    return [line for line in gzip.decompress(data).decode("utf-8").splitlines()[1:] if line]


LOCAL_COUNTRY_NAMES = _country_names_in_every_language()[::97]  # about 340 names, in many languages
LANGUAGE_TAGS = ["en", "de", "fr", "es", "it", "nl", "pt", "ja", "ar", "hi", "pt-BR", "pt-PT", "en-GB", "en-US",
                 "zh-Hans", "zh-Hant-TW", "sr-Latn-RS", "es-419", "fr-CH", "de_CH", "fil", "haw", "yue", "ca-ES",
                 "gsw", "uk-UA", "ru-RU", "sw-KE", "ms-MY", "he-IL"]


@pytest.mark.parametrize(("name", "pool"), [
    ("timezone", ZONES), ("country", ALPHA2), ("country", COUNTRY_NAMES), ("land", LOCAL_COUNTRY_NAMES),
    ("currency", CURRENCIES),
    ("colour", COLOURS), ("content_type", MEDIA), ("locale", LANGUAGE_TAGS),
])
def test_many_distinct_values_of_one_closed_vocabulary_pass(name: str, pool: list[str]) -> None:
    # Hundreds of distinct values: no longer a few repeated labels, so only the vocabulary vouches for them (a
    # neutral column name, as the values alone decide; each of these was masked before).
    assert _decide(name, _draw(pool)) == "pass"
    assert _decide("attr_3", _draw(pool)) == "pass"


def test_one_free_text_value_among_time_zones_keeps_the_column_masked() -> None:
    values = _draw(ZONES)
    values[17] = "Anna Kowalczyk, call after 6"
    assert _decide("timezone", values) != "pass"


def test_country_codes_under_a_code_name_pass_and_one_postal_code_keeps_them_masked() -> None:
    codes = _draw(["US", "DE", "FR", "GB", "JP", "BR", "IN", "MX", "ES", "IT", "NL", "CH"])
    assert _decide("country_code", codes) == "pass"
    assert _decide("country_code", [*codes[:-1], "80331"]) != "pass"


def test_given_names_that_are_also_countries_stay_masked() -> None:
    # Chad, Jordan, Georgia, India, Israel, Kenya... are given names and countries: every value a country, yet
    # nearly all are known first names, which the vocabulary refuses; a name hint refuses it too.
    names = _draw(["Chad", "Jordan", "Georgia", "India", "Israel", "China", "Cuba", "Niger", "Mali", "Oman",
                   "Dominica", "Argentina", "Liberia", "Armenia", "Syria", "Montserrat", "France"])
    assert _decide("attr_3", names) != "pass"
    assert _decide("first_name", names) != "pass"
    # A real country column holding a few of them among other countries passes.
    assert _decide("attr_3", _draw(["Germany", "Jordan", "Japan", "Brazil", "Chad", "Canada", "Peru", "Kenya",
                                    "Norway", "Egypt", "Spain", "Vietnam"] + COUNTRY_NAMES[:40])) == "pass"


def test_time_zones_are_not_password_complex() -> None:
    assert not password_complex("Etc/GMT+10") and not password_complex("Etc/GMT-14")
    assert password_complex("Qx7!vLp2#Rw")  # control: a generated password still is


def test_http_methods_and_status_phrases_pass() -> None:
    words = [m.value for m in http.HTTPMethod] + [s.phrase for s in http.HTTPStatus]
    assert _decide("response", _draw(words)) == "pass"


def test_scores_in_the_unit_interval_pass_and_real_coordinates_stay_masked() -> None:
    rng = random.Random(8)
    # Four decimals in every value (the last one never 0), as a score rounded for display.
    scores = [(rng.randrange(0, 1000) * 10 + rng.randrange(1, 10)) / 10_000 for _ in range(N)]
    assert _decide("score", scores) == "pass"
    # Six decimals, which the coordinate detector matches: its refutation (scores over [0, 1]) leaves no near miss.
    assert _decide("score", [round(rng.random(), 6) for _ in range(N)]) == "pass"
    assert _decide("attr_9", [round(rng.uniform(0, 0.6), 6) for _ in range(N)]) != "pass"  # not spread over it
    latitudes = [round(rng.uniform(47.9, 48.3), 6) for _ in range(N)]
    assert "coordinate" in _decide("attr_9", latitudes)
    # Near the equator (Kampala, 0.31 to 0.35): inside [0, 1] but not spread over it.
    kampala = [round(rng.uniform(0.31, 0.35), 6) for _ in range(N)]
    assert "coordinate" in _decide("attr_9", kampala)
    assert _decide("lat", scores) != "pass"  # a coordinate's name still decides


PROBE = {
    "timezone": (ZONES, "pass"),
    "currency": (["USD", "EUR", "GBP", "JPY", "CHF", "SEK", "NOK", "PLN", "CAD", "AUD"], "pass"),
    "country_code": (["US", "DE", "FR", "GB", "JP", "PL", "SE", "NO", "CA", "AU", "BR", "IN"], "pass"),
    "language": (["en", "de", "fr", "ja", "pl", "sv", "es", "pt-BR", "zh-Hans"], "pass"),
    "status": (["active", "pending", "cancelled", "refunded"], "pass"),
    "color": (["red", "blue", "green", "black", "white", "navy", "teal", "maroon", "olive", "silver", "gold",
               "beige"], "pass"),
    "http_method": (["GET", "POST", "PUT", "DELETE", "PATCH"], "pass"),
    "content_type": (["application/json", "text/html", "image/png", "text/csv", "application/pdf"], "pass"),
    # Left masked: only the column name says these are places and departments, and their values hold first names
    # (Austin, Dallas; Sales? no: "Legal", "Support"); a browser list and campaign words are no closed vocabulary.
    "city": (["Berlin", "Paris", "Lyon", "Madrid", "Boston", "Austin", "Denver", "Leeds", "Porto", "Milan",
              "Osaka", "Perth", "Dallas", "Houston", "Seattle", "Chicago", "Toronto", "Munich", "Hamburg",
              "Vienna"], "mask"),
    "plan": (["free", "pro", "team", "enterprise"], "pass"),
    "browser": (["Chrome", "Firefox", "Safari", "Edge", "Opera"], "mask"),
    "os": (["Windows 11", "macOS 14.2", "Ubuntu 22.04", "iOS 17.1", "Android 14"], "pass"),
    "department": (["Sales", "Marketing", "Engineering", "Finance", "HR", "Legal", "Support"], "mask"),
    "utm_source": (["google", "newsletter", "twitter", "linkedin", "partner_x"], "mask"),
    "event": (["page_view", "signup", "login", "logout", "purchase", "add_to_cart"], "mask"),
}


def test_the_over_masking_probe_table() -> None:
    """A realistic events table: what the default passes and what it still masks (see the comments above)."""
    import pandas as pd

    from maskline.classify import classify
    from maskline.engine.frames import plan_for_frame

    rng = random.Random(5)
    frame = {name: [rng.choice(pool) for _ in range(N)] for name, (pool, _) in PROBE.items()}
    frame["sku"] = [f"SKU-{rng.randint(10000, 99999)}" for _ in range(N)]
    frame["amount"] = [round(rng.uniform(1, 500), 2) for _ in range(N)]
    frame["score"] = [round(rng.random(), 4) for _ in range(N)]
    df = pd.DataFrame(frame)
    assert classify(df).columns  # the scan runs on the whole table, as mask and policy init do
    masked = {c.name: c.masked for c in plan_for_frame(df, {"version": 1}, table="events").columns}
    expected = {name: want == "mask" for name, (_, want) in PROBE.items()} | {"sku": False, "amount": False,
                                                                               "score": False}
    assert masked == expected


def test_the_shipped_lists_are_their_sources() -> None:
    from importlib.resources import files

    from benchmarks.classification import build_vocabularies as build

    def shipped(name: str) -> list[str]:
        text = files("maskline.infotypes").joinpath("data", name).read_text(encoding="utf-8")
        return [line for line in text.splitlines() if line and not line.startswith("#")]

    assert shipped("vocabulary_time_zones.txt") == build.time_zones()
    assert shipped("vocabulary_currencies.txt") == build.currencies()
    assert shipped("vocabulary_countries.txt") == build.countries()
    assert shipped("vocabulary_colours.txt") == sorted(build.CSS_NAMED_COLOURS)
    assert _country_names_in_every_language() == build.country_names_in_every_language()


def test_the_shipped_english_words_are_their_source() -> None:
    import gzip
    from importlib.resources import files

    from benchmarks.classification.build_english_words import english_words

    data = files("maskline.infotypes").joinpath("data", "english_words.txt.gz").read_bytes()
    assert gzip.decompress(data).decode("utf-8").splitlines()[1:] == english_words()


def test_event_names_made_of_dictionary_words_are_not_handles_with_names() -> None:
    from maskline.infotypes.validators import handle_with_name

    # "purchase" closes with Chase, "marketing" opens with Marke: words, not handles built on a name.
    for label in ("purchase", "add_to_cart", "page_view", "checkout_started", "marketing", "newsletter"):
        assert not handle_with_name(label), label
    # Controls: a name among the parts, or a name with digits, is still a handle; so is a column of them.
    for handle in ("mark_rose", "deborah47", "chase.page", "purchase_anna", "shell2088"):
        assert handle_with_name(handle), handle
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(4)
    handles = [f"{fake.first_name().lower()}{fake.random_int(10, 99)}" for _ in range(N)]
    assert _decide("attr_5", handles) != "pass"
