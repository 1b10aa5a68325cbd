"""Login handles filled in on a few rows of a column with an opaque name (10 to 70 distinct values), and the
machine-made tokens of the same shapes that must stay unflagged (maskline.infotypes.single_template_handles,
maskline.infotypes.handles).

Values are drawn here with fixed seeds (mimesis in English, a development locale) or written out; none comes from
the benchmark's splits. Each column is a sparse one: the handles, then empty rows.
"""

from __future__ import annotations

import random

import pytest
from mimesis import Person
from mimesis.locales import Locale

from maskline.classify import classify_column
from maskline.infotypes.handles import handle_fit
from maskline.infotypes.single_template_handles import single_template_fit

ROWS = 300


def _sparse(values: list[str]) -> list[str | None]:
    return [*values, *([None] * (ROWS - len(values)))]


def _handles(mask: str | None, n: int, seed: int = 23) -> list[str]:
    person = Person(Locale.EN, seed=seed)
    out: list[str] = []
    while len(out) < n:  # distinct, as a column of logins is
        handle = person.username(mask=mask)
        if handle not in out:
            out.append(handle)
    return out


# -- one template with a number, too few values for the Poisson test -------------------------------------------------

@pytest.mark.parametrize(("mask", "n"), [(None, 15), ("ld", 18), ("C.d", 20), ("l.d", 23), (None, 45)])
def test_a_few_handles_of_one_template_with_a_number_are_usernames(mask: str | None, n: int) -> None:
    verdict = classify_column("c7", _sparse(_handles(mask, n)))
    assert verdict.info_type == "USERNAME"
    assert verdict.evidence[0].startswith("values:handle-vocabulary")


def test_eleven_handles_are_too_few_for_one_template() -> None:  # control: SMALL_MIN_VALUES
    assert single_template_fit(_handles(None, 11), [1] * 11) is None


_CITIES = ("berlin", "rome", "oslo", "paris", "vienna", "lisbon", "athens", "dublin", "prague", "madrid", "london",
           "warsaw", "zurich", "geneva", "munich", "milan")


def test_city_year_labels_repeat_their_cities() -> None:  # control: no equal pair at a word place
    rng = random.Random(7)
    labels = sorted({f"{rng.choice(_CITIES)}_{rng.randint(2000, 2025)}" for _ in range(24)})
    assert single_template_fit(labels, [1] * len(labels)) is None
    assert classify_column("edition", _sparse(labels)).info_type != "USERNAME"


def test_different_words_with_years_of_a_few_decades_are_model_years() -> None:  # control: the numbers' pool
    # Car models with their model year: each word once, but thirty years for twenty values repeat (and span less
    # than a counter's run would).
    models = ["Focus", "Courier", "Prelude", "Latitude", "Tahoe", "Alhambra", "Cabrio", "Combi", "Ranger", "Pilot",
              "Accord", "Civic", "Corolla", "Fiesta", "Mustang", "Explorer", "Escape", "Passat", "Golf", "Polo"]
    rng = random.Random(11)
    values = [f"{m}_{rng.randint(1995, 2025)}" for m in models]
    assert len(set(values)) == len(values)
    assert single_template_fit(values, [1] * len(values)) is None
    assert classify_column("c3", _sparse(values)).info_type != "USERNAME"


def test_words_without_a_number_are_schema_identifiers_when_few() -> None:  # control: the number is required
    identifiers = ["order_total", "created_at", "shipping_address", "billing_city", "customer_email", "tax_rate",
                   "discount_code", "payment_method", "delivery_window", "gift_message", "return_reason",
                   "loyalty_points", "warehouse_zone", "invoice_status", "currency_symbol"]
    keys = ["server.port", "logging.level", "cache.size", "database.url", "session.timeout", "thread.pool",
            "upload.limit", "mail.host", "queue.depth", "metrics.interval", "retry.count", "proxy.enabled"]
    for values in (identifiers, keys):
        assert single_template_fit(values, [1] * len(values)) is None
        assert classify_column("c3", _sparse(values)).info_type != "USERNAME"


def test_symbols_and_numbered_names_are_not_handles() -> None:  # control: dictionary words, a counter
    genes = ["abcb1", "cyp2d6", "brca2", "kras12", "tnfa3", "ugt1", "slco1", "nat2", "egfr19", "mthfr677", "comt158",
             "drd4", "htr2a", "vkor1", "apoe4"]
    # Surnames (several of them units: curie, pascal, tesla) numbered by a counter.
    containers = ["yonath_1", "meitner_2", "curie_3", "babbage_4", "lovelace_5", "turing_6", "hopper_7", "fermat_8",
                  "noether_9", "hypatia_10", "archimedes_11", "kepler_12", "tesla_13", "pascal_14"]
    # Made-up brand names with lot numbers spread wide: only the dictionary tells them from handles.
    brands = ["zorvex_4821", "quintara_1377", "lumitra_9052", "brevanox_2613", "calvora_7790", "dextrel_3148",
              "fenoryl_8406", "gavisto_5931", "halvena_1204", "ibrexa_6675", "jorveline_3380", "kestaro_9918",
              "loravin_2457", "mivexa_7036"]
    for values in (genes, containers, brands):
        assert single_template_fit(values, [1] * len(values)) is None
        assert classify_column("c3", _sparse(values)).info_type != "USERNAME"


def test_counters_run_names_and_product_codes_stay_unflagged() -> None:  # control: one word, padded, capitals
    rng = random.Random(5)
    for values in ([f"run_{rng.randint(0, 9999):04d}" for _ in range(20)],
                   [f"experiment_{rng.randint(1, 3000)}" for _ in range(20)],
                   [f"ACME-{rng.randint(1000, 9999)}" for _ in range(20)]):
        assert classify_column("c3", _sparse(sorted(set(values)))).info_type != "USERNAME"


def test_different_words_numbered_in_sequence_are_a_counter() -> None:  # control: the numbers' spread
    words = ["harbor", "maple", "orbit", "lumen", "cobalt", "tango", "pixel", "river", "summit", "canyon", "meadow",
             "garden", "bridge", "castle", "forest", "island"]
    for values in ([f"{w}_{2000 + i}" for i, w in enumerate(words)], [f"{w}{i + 1}" for i, w in enumerate(words)]):
        assert single_template_fit(values, [1] * len(values)) is None
        assert classify_column("c3", _sparse(values)).info_type != "USERNAME"


# -- a mix of templates in a few values, beside handles built on names -----------------------------------------------

_SPARSE_MIX = ["eduran", "high_2086", "dbuchanan", "site.shorter", "Safe1828", "ndorsey", "particles_fusion",
               "certificate2085", "temeka35", "Rhythm1930", "ghensley", "mlopez"]


def test_a_few_handles_of_several_templates_beside_name_built_ones_are_usernames() -> None:
    verdict = classify_column("c5", _sparse(_SPARSE_MIX))
    assert verdict.info_type == "USERNAME"
    assert verdict.evidence[0].startswith("values:handle-templates")


def test_codenames_in_several_spellings_are_no_sparse_handles() -> None:  # control: built on no name
    # Release codenames with years in three spellings mix templates in a few values; no name builds them, and
    # with under twenty values the pool test that refutes them in larger columns cannot.
    codenames = ["hardy2013", "Mantic-2026", "Quantal-2011", "Natty-2015", "impish_2009", "focal-2004",
                 "bionic_2019", "Xenial2001", "lunar_2022", "Jammy-2017", "noble2024", "zesty_2008", "eoan-2014"]
    assert handle_fit(codenames, [1] * len(codenames)) is None
    assert classify_column("c3", _sparse(codenames)).info_type != "USERNAME"


def test_file_stems_and_slugs_are_no_sparse_handles() -> None:  # control: built on no name
    stems = ["IMG_7079", "report_2019", "invoice_79773", "DSC36180", "scan271", "report_2026", "IMG_3161",
             "invoice_5521", "scan88", "DSC10438", "notes.final", "summary_q3"]
    tags = ["summer2020", "tbt", "throwback_thursday", "nofilter", "travel.diaries", "foodie", "sunset_vibes",
            "worldcup2018", "tokyo2020", "weekend.mood", "bookworm", "ootd"]
    for values in (stems, tags):
        assert handle_fit(values, [1] * len(values)) is None
        assert classify_column("c3", _sparse(values)).info_type != "USERNAME"
