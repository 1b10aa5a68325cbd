"""What phonenumbers' metadata says about numbering plans: regions, calling codes, trunk prefixes, number patterns.

The one module that reads phonenumbers' metadata tables (``PhoneMetadata``, ``COUNTRY_CODE_TO_REGION_CODE``,
``SUPPORTED_REGIONS``). The readings of phone columns (:mod:`~maskline.infotypes.phone_plans`,
:mod:`~maskline.infotypes.trunk_mobiles`, :mod:`~maskline.infotypes.calling_code_forms`) ask it what a plan
allows, and parse and validate numbers through phonenumbers' functions. Answers are cached by region or calling
code, metadata only: nothing here sees a value but :func:`calling_code`, which caches nothing.

>>> national_shape("FR")[1], trunk_prefix("RU"), region_of_code("44"), calling_code("4420")
('0', '8', 'GB', '44')
"""

from __future__ import annotations

import re
from functools import cache


@cache
def every_region() -> tuple[str, ...]:
    """Every region phonenumbers has a plan for, in a fixed (sorted) order.

    >>> regions = every_region()
    >>> "FR" in regions, regions == tuple(sorted(regions)), len(regions) > 200
    (True, True, True)
    """
    import phonenumbers

    return tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


def trunk_prefix(region: str) -> str | None:
    """The region's national (trunk) prefix as its metadata writes it (``0`` for most, ``8`` in Russia), or None.

    >>> trunk_prefix("FR"), trunk_prefix("US"), trunk_prefix("IT")
    ('0', '1', None)
    """
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    return meta.national_prefix if meta is not None else None


@cache
def national_lengths(region: str) -> tuple[int, ...]:
    """The lengths a national number of the region may have (trunk prefix removed), as its metadata lists them.

    >>> national_lengths("ES"), national_lengths("FR"), 9 in national_lengths("IT")
    ((9,), (9,), True)
    """
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    desc = meta.general_desc if meta is not None else None
    return tuple(desc.possible_length) if desc is not None and desc.possible_length else ()


@cache
def national_shape(region: str) -> tuple[re.Pattern[str], str] | None:
    """The region's general national-number pattern and its plain trunk prefix, or None when the region parses
    national prefixes by rules a pattern cannot mirror (Argentina): then only phonenumbers decides.

    >>> pattern, prefix = national_shape("FR")
    >>> bool(pattern.fullmatch("612345678")), prefix, national_shape("AR")
    (True, '0', None)
    """
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.general_desc is None or meta.general_desc.national_number_pattern is None:
        return None
    prefix = meta.national_prefix or ""
    if meta.national_prefix_transform_rule or meta.national_prefix_for_parsing not in (None, prefix):
        return None
    return re.compile(meta.general_desc.national_number_pattern), prefix


@cache
def mobile_pattern(region: str) -> re.Pattern[str] | None:
    """The region's pattern for mobile national numbers (trunk prefix removed), or None when it has none.

    >>> bool(mobile_pattern("FR").fullmatch("612345678")), bool(mobile_pattern("FR").fullmatch("145678901"))
    (True, False)
    """
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    desc = meta.mobile if meta is not None else None
    return re.compile(desc.national_number_pattern) if desc is not None and desc.national_number_pattern else None


def calling_code(digits: str) -> str | None:
    """The country calling code ``digits`` open with (one to three digits), or None.

    >>> calling_code("3613949534"), calling_code("79994983292"), calling_code("2890123")
    ('36', '7', None)
    """
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    return next((digits[:n] for n in (1, 2, 3) if int(digits[:n]) in COUNTRY_CODE_TO_REGION_CODE), None)


def region_of_code(code: str) -> str:
    """The main region of a calling code (the first phonenumbers lists: the United States for 1).

    >>> region_of_code("1"), region_of_code("36"), region_of_code("7")
    ('US', 'HU', 'RU')
    """
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    return COUNTRY_CODE_TO_REGION_CODE[int(code)][0]


@cache
def regions_by_trunk() -> dict[str, tuple[str, ...]]:
    """Each trunk prefix the metadata writes (``0``, ``1``, ``06``, ``8``), with one region per calling code that
    dials it, in a fixed order: a number parsed in one region of a calling code is validated against all of them
    (``8`` is Russia's and Kazakhstan's, calling code 7, Belarus's and Turkmenistan's).

    >>> regions_by_trunk()["8"], regions_by_trunk()["06"], regions_by_trunk()["1"]
    (('BY', 'RU', 'TM'), ('HU',), ('MH', 'US'))
    """
    from phonenumbers import PhoneMetadata

    found: dict[str, dict[int, str]] = {}
    for region in every_region():
        meta = PhoneMetadata.metadata_for_region(region)
        prefix = trunk_prefix(region)
        if meta is not None and meta.country_code is not None and prefix and prefix.isdigit():
            main = region_of_code(str(meta.country_code))  # the code's main region, where it dials the same trunk
            found.setdefault(prefix, {}).setdefault(meta.country_code, main if trunk_prefix(main) == prefix else region)
    return {prefix: tuple(sorted(set(by_code.values()))) for prefix, by_code in sorted(found.items())}
