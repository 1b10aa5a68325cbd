"""General evidence added while tuning on the dev split (issue 15): each rule with a control showing the rule does not
simply switch a type off.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from stdnum import luhn as stdnum_luhn
from stdnum.nl import bsn

from maskline.classify import classify_column
from maskline.infotypes.validators import card_number

RNG = random.Random(1511)


def _luhn_complete(body: str) -> str:
    return body + stdnum_luhn.calc_check_digit(body)


def _imei() -> str:
    return _luhn_complete(RNG.choice(["35", "01", "86"]) + "".join(RNG.choice("0123456789") for _ in range(12)))


def test_luhn_valid_fifteen_digit_device_serials_are_not_cards() -> None:
    imeis = [_imei() for _ in range(200)]
    assert classify_column("device_serial", imeis).info_type is None
    assert not card_number(_luhn_complete("35391805971477"))  # a JCB prefix is issued with 16 to 19 digits, never 15


def test_the_scrubber_still_masks_a_luhn_valid_number_of_another_length() -> None:
    # The column's type is not a card, but text is masked unless confidently safe: an IMEI is personal too.
    from maskline.text import scrub

    imei = _luhn_complete("35391805971477")
    assert imei not in scrub(f"device {imei} paired")[0]
    wrong = imei[:-1] + str((int(imei[-1]) + 1) % 10)
    assert wrong in scrub(f"device {wrong} paired")[0]  # control: the same number with a failing check digit stays


def test_fifteen_digit_amex_numbers_are_still_cards() -> None:  # control: the length rule is per issuer
    amex = [_luhn_complete(RNG.choice(["34", "37"]) + "".join(RNG.choice("0123456789") for _ in range(12)))
            for _ in range(200)]
    assert classify_column("c7", amex).info_type == "CREDIT_CARD"


def _isbn10() -> str:
    from stdnum import isbn

    body = "".join(RNG.choice("0123456789") for _ in range(9))
    return body + isbn._calc_isbn10_check_digit(body)


def _bsn() -> str:
    while True:
        v = "".join(RNG.choice("0123456789") for _ in range(9))
        if v[0] != "0" and bsn.is_valid(v):
            return v


def test_a_column_of_isbns_is_books_not_national_ids() -> None:
    from stdnum import ean

    def isbn13() -> str:
        body = RNG.choice(["978", "979"]) + "".join(RNG.choice("0123456789") for _ in range(9))
        return body + ean.calc_check_digit(body)

    values = [RNG.choice([_isbn10, isbn13])() for _ in range(300)]
    verdict = classify_column("q8", values)
    assert verdict.info_type is None
    assert any("ISBN" in e for e in verdict.evidence)


def test_checksummed_national_ids_without_a_name_are_still_found() -> None:  # control for the ISBN refutation
    assert classify_column("q8", [_bsn() for _ in range(300)]).info_type == "NATIONAL_ID"


def _version() -> str:
    return ".".join(str(RNG.randint(0, RNG.choice([9, 30, 200]))) for _ in range(RNG.choice([3, 3, 4])))


def test_versions_mixing_three_and_four_parts_are_not_ip_addresses() -> None:
    values = [_version() for _ in range(300)]
    assert classify_column("firmware", values).info_type is None
    assert classify_column("c9", [v if RNG.random() < 0.1 else None for v in values]).info_type is None


def test_ip_addresses_are_still_ip_addresses() -> None:  # control: quads only
    ips = [".".join(str(RNG.randint(1, 254)) for _ in range(4)) for _ in range(300)]
    assert classify_column("c9", ips).info_type == "IP_ADDRESS"


def test_zero_padded_row_ids_under_a_record_name_are_row_ids() -> None:
    rows = [f"{i:07d}" for i in range(1, 301)]
    assert classify_column("patient_id", rows, table_rows=300).info_type is None


def test_zero_padded_record_numbers_spread_over_a_range_are_record_numbers() -> None:  # control
    numbers = [f"{RNG.randint(1, 9_999_999):07d}" for _ in range(300)]
    assert classify_column("medical_record_number", numbers, table_rows=300).info_type == "MEDICAL_RECORD_NUMBER"


def _digits(n: int) -> str:
    return "".join(RNG.choice("0123456789") for _ in range(n))


def test_unnamed_digit_groups_a_phone_library_accepts_are_not_phones() -> None:
    issns = [f"{_digits(4)}-{_digits(4)}" for _ in range(300)]
    accounts = [f"{_digits(3)}/{_digits(6)}-{_digits(2)}" for _ in range(300)]
    assert classify_column("issn", issns).info_type is None
    # Unnamed, the accounts' uneven template reads as accounts (classify/account_groups.py), never as phones.
    assert classify_column("c4", accounts).info_type != "PHONE"


def test_international_notation_is_a_phone_without_a_name() -> None:  # control: the notation is the evidence
    values = [f"+{RNG.choice(['7', '36', '380'])}-({_digits(3)})-{_digits(3)}-{_digits(2)}-{_digits(2)}"
              for _ in range(300)]
    assert classify_column("c4", values).info_type == "PHONE"


def test_national_notation_that_a_numbering_plan_explains_is_a_phone_without_a_name() -> None:  # control
    import phonenumbers

    values: list[str] = []
    while len(values) < 200:
        num = phonenumbers.parse(f"+1{RNG.choice(['212', '415', '646', '312'])}{RNG.randint(2, 9)}{_digits(6)}")
        if phonenumbers.is_valid_number(num):
            values.append(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL))
    verdict = classify_column("c4", values)
    assert verdict.info_type == "PHONE"
    assert "phone-plan" in verdict.evidence[0]


def test_placeholders_without_letters_or_digits_do_not_dilute_a_named_column() -> None:
    codes = [f"{RNG.randint(10000, 99999)}" if RNG.random() < 0.4 else RNG.choice(["—", "?", "...", "xxx", "not set"])
             for _ in range(300)]
    assert classify_column("zip_code", codes).info_type == "POSTAL_CODE"


def test_a_column_of_placeholders_only_is_given_no_type() -> None:  # control: placeholders are not evidence
    verdict = classify_column("zip_code", [RNG.choice(["—", "?", "...", "xxx"]) for _ in range(300)])
    assert verdict.info_type is None


def test_account_numbers_with_slashes_are_accounts_under_an_account_name() -> None:
    values = [f"{_digits(3)}/{_digits(6)}-{_digits(2)}" for _ in range(300)]
    named, unnamed = classify_column("account_number", values), classify_column("c4", values)
    assert named.info_type == "BANK_ACCOUNT"
    # Without the name, only the column's template speaks (classify/account_groups.py): the same type, less sure.
    assert unnamed.info_type == "BANK_ACCOUNT" and unnamed.confidence < named.confidence


_WORDS = ("river", "maple", "orbit", "lumen", "cobalt", "tango", "pixel", "harbor", "quartz", "meadow", "signal",
          "falcon", "copper", "violet", "summit", "ember", "glacier", "walnut", "cinder", "tundra")


def _word() -> str:
    return RNG.choice(_WORDS)


def _handle() -> str:
    return RNG.choice([
        lambda: f"{_word()}_{RNG.randint(1950, 2010)}", lambda: f"{_word()}.{_word()}",
        lambda: f"{_word()}{RNG.randint(1, 99)}", lambda: f"{RNG.choice('abcdefgh')}{_word()}{_word()}",
        lambda: f"{_word().capitalize()}{RNG.randint(1950, 2010)}",
    ])()


def test_a_column_mixing_the_templates_people_choose_handles_by_is_usernames() -> None:
    verdict = classify_column("c5", [_handle() for _ in range(300)])
    assert verdict.info_type == "USERNAME"
    assert "handle-templates" in verdict.evidence[0]


def test_machine_made_tokens_of_one_or_two_templates_are_not_usernames() -> None:  # controls
    slugs = [f"{_word()}-{_word()}-{_word()}" for _ in range(300)]
    codes = [f"{RNG.choice('ABCDEFGH')}{RNG.choice('KLMNP')}{RNG.randint(1000000, 9999999)}" for _ in range(300)]
    words_and_numbers = [f"{_word()}{RNG.randint(1, 999)}" for _ in range(300)]
    for values in (slugs, words_and_numbers):
        assert classify_column("c5", values).info_type is None
    # Letter series and seven digits read as document numbers (classify/document_numbers.py), not handles.
    assert classify_column("c5", codes).info_type != "USERNAME"


def test_slugs_joining_two_to_four_words_are_not_usernames() -> None:  # control: one family of templates
    # a-a, a-a-a and a-a-a-a were three templates, so a column of slugs read as handles (Faker's slugs did).
    rng = random.Random(21)
    slugs = ["-".join(rng.choice(_WORDS) for _ in range(rng.choice([2, 3, 3, 4]))) for _ in range(300)]
    assert classify_column("c5", slugs).info_type is None
    assert classify_column("url_slug", slugs).info_type is None


def test_handles_mostly_of_one_template_beside_several_others_are_usernames() -> None:
    # Nearly two thirds word_year (a site's suggested form), the rest three other templates people choose.
    rng = random.Random(22)
    others = [lambda: f"{rng.choice(_WORDS)}.{rng.choice(_WORDS)}", lambda: f"{rng.choice(_WORDS)}{rng.randint(1, 99)}",
              lambda: f"{rng.choice('abcdefgh')}{rng.choice(_WORDS)}{rng.choice(_WORDS)}"]
    values = [f"{rng.choice(_WORDS)}_{rng.randint(1950, 2010)}" if i % 100 < 64 else rng.choice(others)()
              for i in range(300)]
    assert classify_column("c5", values).info_type == "USERNAME"


def test_file_names_mixed_with_handle_like_tokens_are_not_usernames() -> None:  # control: extensions mark files
    values = [RNG.choice([_handle(), f"{_word()}_{RNG.randint(1, 99)}.{RNG.choice(['pdf', 'csv', 'png', 'txt'])}"])
              for _ in range(300)]
    assert classify_column("c5", values).info_type is None


def _oib() -> str:
    from stdnum.iso7064 import mod_11_10

    body = _digits(10)
    return body + mod_11_10.calc_check_digit(body)


def _birth_number() -> str:
    while True:
        v = f"{RNG.randint(54, 99):02d}{RNG.choice([RNG.randint(1, 12), RNG.randint(51, 62)]):02d}" \
            f"{RNG.randint(1, 28):02d}{_digits(4)}"
        if int(v) % 11 == 0:
            return f"{v[:6]}/{v[6:]}"


def test_more_countries_national_ids_are_found_by_their_check_digits() -> None:
    assert classify_column("q10", [_oib() for _ in range(300)]).info_type == "NATIONAL_ID"
    assert classify_column("pers_id_no", [_birth_number() for _ in range(300)]).info_type == "NATIONAL_ID"


def test_random_digits_of_the_same_lengths_are_not_national_ids() -> None:  # control: check digits decide
    assert classify_column("q10", [_digits(11) for _ in range(300)]).info_type is None
    assert classify_column("q10", [f"{_digits(6)}/{_digits(4)}" for _ in range(300)]).info_type is None


def _hu_block() -> str:
    body = _digits(7)
    check = (10 - sum(int(c) * w for c, w in zip(body, (9, 7, 3, 1, 9, 7, 3), strict=True)) % 10) % 10
    return body + str(check)


def test_hungarian_accounts_are_found_by_their_block_check_digits() -> None:
    values = ["-".join(_hu_block() for _ in range(RNG.choice([2, 3]))) for _ in range(300)]
    assert classify_column("c7", values).info_type == "BANK_ACCOUNT"


def test_blocks_of_eight_random_digits_are_not_accounts() -> None:  # control: the check digits decide
    values = ["-".join(_digits(8) for _ in range(RNG.choice([2, 3]))) for _ in range(300)]
    assert classify_column("c7", values).info_type is None


def test_a_closing_number_word_reads_as_number_when_nothing_else_matched() -> None:
    from maskline.infotypes.name_hints import hint_score

    assert hint_score("unit_no") == [("MEDICAL_RECORD_NUMBER", 0.9)]  # "unit number", read from its closing word
    assert hint_score("hospital_no") == [("MEDICAL_RECORD_NUMBER", 1.0)]  # a hint of its own wins
    assert hint_score("pcode") == [("POSTAL_CODE", 1.0)]


def test_number_words_do_not_create_hints_for_other_numbers() -> None:  # control
    from maskline.infotypes.name_hints import hint_score

    assert hint_score("order_no") == [] and hint_score("ref_no") == [] and hint_score("num_emails") == []
    assert hint_score("cc_num")[0][0] == "CREDIT_CARD"  # a name that already matched keeps its own reading


def test_eleven_character_postal_codes_are_read_under_a_postal_name() -> None:
    values = [f"{_digits(5)}-{_digits(5)}" for _ in range(300)]  # Iran's format
    assert classify_column("postalCd", values).info_type == "POSTAL_CODE"
    assert classify_column("c8", values).info_type is None  # control: without the name, no postal code


def test_phones_in_a_permissive_plan_are_read_by_how_the_country_groups_them() -> None:
    french = [" ".join([f"0{RNG.randint(1, 5)}"] + [f"{RNG.randint(10, 99)}" for _ in range(4)]) for _ in range(300)]
    verdict = classify_column("c4", french)
    assert verdict.info_type == "PHONE"
    assert "phone-format FR" in verdict.evidence[0]  # the plan alone cannot tell: any nine digits are French


def test_the_same_digits_grouped_as_no_country_writes_phones_are_not_phones() -> None:  # control
    regrouped = [f"{_digits(4)}-{_digits(2)}-{_digits(4)}" for _ in range(300)]
    assert classify_column("c4", regrouped).info_type is None


def _user_agent() -> str:
    product = RNG.choice(["Chrome", "WebVideo", "Firefox", "Edge"])
    return (f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/{RNG.randint(500, 600)}.{RNG.randint(1, 40)} "
            f"(KHTML, like Gecko) {product}/{RNG.randint(20, 120)}.0.{RNG.randint(0, 9)}.{RNG.randint(1, 200)} "
            f"Safari/{RNG.randint(500, 600)}.{RNG.randint(1, 40)}")


def test_versions_in_user_agents_are_not_addresses_in_prose() -> None:
    assert classify_column("c2", [_user_agent() for _ in range(200)]).info_type is None


def test_log_lines_naming_an_address_are_still_free_text_with_pii() -> None:  # control
    lines = [f"Login failed for the account from {RNG.randint(11, 200)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}."
             f"{RNG.randint(1, 254)} after {RNG.randint(2, 9)} attempts today" for _ in range(200)]
    assert classify_column("c2", lines).info_type == "FREE_TEXT_WITH_PII"


def test_superscript_digits_do_not_break_the_postal_shape_check() -> None:
    # str.isdigit() takes "19²0", int() refuses it: the check must read ASCII digits only, not raise.
    from maskline.classify.postal_shape import postal_code_evidence

    codes = [f"{1000 + 37 * i:04d}" for i in range(60)]
    values = ["19²0", "20²1"] + codes
    assert postal_code_evidence(values, [1.0] * len(values), float(len(values)), len(values))[0].info_type == \
        "POSTAL_CODE"  # control: the same column is still read, the superscript value is simply not a code
