"""Values the default scrubber (the log filter's) finds only after a cue that names them, and their controls.

Passports, bank accounts and medical record numbers have no checksum that proves them in a log line, and a
bare phone number has no shape that tells it from an order number: only a cue that names the thing does.
Each positive has a control beside it: the same value after a word that does not name the thing ("call" before
an order, bare "account", "pass" before a product code) or after its cue but far away, behind other words.
"""

from __future__ import annotations

import pytest

from maskline.infotypes.text_cues import (
    BANK_ACCOUNT_CUES,
    MRN_LOG_CUES,
    PASSPORT_CUES,
    PHONE_NOUN_CUES,
    SPACED_PHONE_CUES,
    UNSPACED_PHONE_CUES,
)
from maskline.text import DEFAULT_TYPES, prefilter, scrub
from maskline.text.prose_data import MRN_CUES
from maskline.text.spans import _UNSPACED_LETTER, SPAN_RULES

CUED = [
    # phones after a Japanese, Chinese, Korean or Thai cue, the cue touching the number or the letters around it
    ("请拨打13812345678联系", "请拨打[PHONE]联系"),
    ("客户手机：13912345678", "客户手机：[PHONE]"),
    ("電話番号は09012345678です", "電話番号は[PHONE]です"),
    ("연락처 01012345678", "연락처 [PHONE]"),
    ("휴대폰번호: 01098765432 입니다", "휴대폰번호: [PHONE] 입니다"),
    ("โทร 0812345678 ได้เลย", "โทร [PHONE] ได้เลย"),
    ("โทรศัพท์มือถือ 0812345678", "โทรศัพท์มือถือ [PHONE]"),  # a longer word that still names a phone
    ("โทรสาร 021234567", "โทรสาร [PHONE]"),  # fax
    # a cue of an unspaced script before a number in full-width forms, as Japanese and Chinese text writes it
    ("電話０９０１２３４５６７８", "電話[PHONE]"),
    ("请拨打１３８１２３４５６７８联系", "请拨打[PHONE]联系"),
    ("パスポート番号：ＴＫ１２３４５６７", "パスポート番号：[PASSPORT]"),
    ("口座番号１２３４５６７です", "口座番号[BANK_ACCOUNT]です"),
    ("患者番号１２３４５６７", "患者番号[MEDICAL_RECORD_NUMBER]"),
    # bare phones of unusual length after a spaced cue: a trunk zero, valid where that length is real
    ("Rufnummer 015112345678", "Rufnummer [PHONE]"),
    ("Handynummer: 015712345678 bitte", "Handynummer: [PHONE] bitte"),
    ("tel 030901820", "tel [PHONE]"),
    ("call me at 07911123456", "call me at [PHONE]"),  # as before
    # spaced phone cues of more languages, abbreviations, and a trunk prefix with a dash after the cue
    ("mob: 07911123456", "mob: [PHONE]"),
    ("Tél. 0612345678", "Tél. [PHONE]"),
    ("telefonszám 06301234567", "telefonszám [PHONE]"),
    ("τηλέφωνο 6912345678", "τηλέφωνο [PHONE]"),
    ("телефон 89161234567", "телефон [PHONE]"),
    ("הטלפון שלי 0521234567", "הטלפון שלי [PHONE]"),
    ("טלפון: 052-1234567", "טלפון: [PHONE]"),
    ("جوال: 0551234567", "جوال: [PHONE]"),
    ("मोबाइल नंबर 9876543210", "मोबाइल नंबर [PHONE]"),
    ("telepon 081234567890", "telepon [PHONE]"),
    ("SĐT: 0912345678", "SĐT: [PHONE]"),
    ("TEL03-1234-5678", "TEL[PHONE]"),
    ("Tel.03-1234-5678", "Tel.[PHONE]"),
    # France's five pairs, whole (the fifth pair was left in clear)
    ("téléphone : 06 12 34 56 78", "téléphone : [PHONE]"),
    ("portable 06.12.34.56.78", "portable [PHONE]"),
    # nine bare digits with no trunk zero, as Spain and Portugal dial their whole national numbers (plans that dial
    # no trunk prefix and have only nine-digit numbers); grouped 3-3-3 and 3-2-2-2 as before
    ("teléfono 612345678", "teléfono [PHONE]"),
    ("telefone 912345678", "telefone [PHONE]"),
    ("móvil 712345678", "móvil [PHONE]"),
    ("Tel.612345678", "Tel.[PHONE]"),
    ("telemóvel: 932123456.", "telemóvel: [PHONE]."),
    ("Teléfono fijo 912345678, gracias", "Teléfono fijo [PHONE], gracias"),
    ("Tel. 612 345 678", "Tel. [PHONE]"),
    ("móvil 712 34 56 78", "móvil [PHONE]"),
    # passports
    ("passport X1234567 expired", "passport [PASSPORT] expired"),
    ("Passport number: 123456789", "Passport number: [PASSPORT]"),
    ("Reisepassnummer C01X00T47", "Reisepassnummer [PASSPORT]"),
    ("n° de passeport 12AB34567", "n° de passeport [PASSPORT]"),
    ("PASAPORTE AAA123456", "PASAPORTE [PASSPORT]"),
    # lower-cased by the log: one case, at most three letters, five digits or more
    ("passport x1234567", "passport [PASSPORT]"),
    ("Reisepass c01x00t47", "Reisepass [PASSPORT]"),
    ("pasaporte aaa123456", "pasaporte [PASSPORT]"),
    ("útlevélszám: BA1234567", "útlevélszám: [PASSPORT]"),
    ("pașaport 051234567", "pașaport [PASSPORT]"),
    ("διαβατήριο AK1234567", "διαβατήριο [PASSPORT]"),
    ("паспорт 4509 123456", "паспорт [PASSPORT]"),  # a Russian series and number
    ("דרכון 12345678", "דרכון [PASSPORT]"),
    ("جواز سفر A12345678", "جواز سفر [PASSPORT]"),
    ("पासपोर्ट नंबर J8369854", "पासपोर्ट नंबर [PASSPORT]"),
    ("paspor B1234567", "paspor [PASSPORT]"),
    ("hộ chiếu C1234567", "hộ chiếu [PASSPORT]"),
    ("护照号码E12345678已过期", "护照号码[PASSPORT]已过期"),
    ("パスポート番号：TK1234567", "パスポート番号：[PASSPORT]"),
    ("여권번호: M12345678", "여권번호: [PASSPORT]"),
    # bank accounts
    ("account number 12345678", "account number [BANK_ACCOUNT]"),
    ("acct no. 000123456789 debited", "acct no. [BANK_ACCOUNT] debited"),
    ("Kontonummer 1234567890", "Kontonummer [BANK_ACCOUNT]"),
    ("numéro de compte 12345678901", "numéro de compte [BANK_ACCOUNT]"),
    ("NÚMERO DE CUENTA 2100 0418 45 0200051332", "NÚMERO DE CUENTA [BANK_ACCOUNT]"),
    ("rekeningnummer: 123456789", "rekeningnummer: [BANK_ACCOUNT]"),
    ("bankszámlaszám: 11773016-11111018", "bankszámlaszám: [BANK_ACCOUNT]"),
    ("număr de cont 1234567890", "număr de cont [BANK_ACCOUNT]"),
    ("расчетный счет 40702810400000012345", "расчетный счет [BANK_ACCOUNT]"),
    ("מספר חשבון 123456789", "מספר חשבון [BANK_ACCOUNT]"),
    ("رقم الحساب 1234567890", "رقم الحساب [BANK_ACCOUNT]"),
    ("nomor rekening 1234567890", "nomor rekening [BANK_ACCOUNT]"),
    ("số tài khoản 0123456789", "số tài khoản [BANK_ACCOUNT]"),
    ("口座番号1234567です", "口座番号[BANK_ACCOUNT]です"),
    ("银行账号6222021234567890123", "银行账号[BANK_ACCOUNT]"),
    ("계좌번호 110-123-456789", "계좌번호 [BANK_ACCOUNT]"),
    ("account number DE89 3704 0044 0532 0130 00", "account number [IBAN]"),  # the IBAN rule's, as before
    # medical record numbers
    ("MRN 00123456", "MRN [MEDICAL_RECORD_NUMBER]"),
    ("medical record no. A1234567", "medical record no. [MEDICAL_RECORD_NUMBER]"),
    ("Patientennummer 12345678", "Patientennummer [MEDICAL_RECORD_NUMBER]"),
    ("patient id: PT-123456", "patient id: [MEDICAL_RECORD_NUMBER]"),
    ("患者番号 1234567", "患者番号 [MEDICAL_RECORD_NUMBER]"),
    ("病历号：20231234", "病历号：[MEDICAL_RECORD_NUMBER]"),
    ("환자번호 12345678", "환자번호 [MEDICAL_RECORD_NUMBER]"),
]

CONTROLS = [
    # order numbers after "call": no trunk zero, or no plan has the number
    "call 12345678 orders",
    "call order 123456789",
    "call 00123456 queued",
    # nine digits after a phone cue but valid in no nine-digit plan without a trunk prefix, or after no phone cue
    "call 123456789",
    "phone order 112345678",
    "order 612345678",
    "ticket 912345678 closed",
    "hotel 612345678",
    "Intel 712345678",
    "id 612345678",
    "user id 912345678",
    "took 612345678 ms",
    "call took 123456789 ms",
    "phone 61234567890123",  # fourteen digits: longer than any national number the noun rule takes
    # account ids after bare "account", "id" or "user"
    "account 12345678",
    "account id 12345678",
    "Account 987654321 locked after 3 attempts",
    "user_id=12345678 account=987654",
    "account no longer active since 1234567",
    # product codes after "pass"
    "pass X1234567",
    "pass PROD123456",
    "boarding pass 1234567890",
    # the cue far away, behind other words
    "passport checked, order 12345678",
    "MRN verified for order 12345678",
    "account number was updated for invoice 12345678",
    "请拨打客服热线以后再查询订单13812345678",
    # not a value of the thing
    "passport expires 2027-01-01",
    "passport number ABCDEFGHI",
    "MRN 2024-06-19",
    "Kontonummer 12345",
    # a lower-case word with digits after a passport cue: a file, a step, a scan; mixed case is no issued number
    "passport image001",
    "passport scan20240101 uploaded",
    "passport step1234 done",
    "passport Xy123456",
    # a Thai phone cue beginning a longer word that means something else: television, telescope, telegraph,
    # telecommunications, telepathy, "in a row"
    "โทรทัศน์ 0812345678",
    "โทรทัศน์รุ่น 0812345678",
    "กล้องโทรทรรศน์ 0812345678",
    "โทรเลข 0812345678",
    "บริษัทโทรคมนาคม 0812345678",
    "โทรจิต 0812345678",
    "ติดต่อกัน 0812345678",
    # full-width digits of what is no phone
    "注文番号１２３４５６７８",
    # bare "account" in other languages, an invoice's number ("счет" is a bill too), a balance
    "λογαριασμός 1234567890",
    "rekening 1234567890",
    "номер счета 40817810099910004312",
    # durations, versions, timestamps, sizes and counts after a phone cue
    "call took 12345678 ms",
    "phone service version 10.0.19045.3693",
    "tel 2026-11-23T19:23:55Z",
    "Rufnummer geändert am 2026-11-23 19:23:55",
    "phone batch 20261123 processed",
    "SMS sent in 1234567 µs",
    "fax queue size 1234567",
    "tel duration 0:12:34.567",
    "phone 1.2345678",
    "τηλέφωνο έκδοση 1.2.3",
    "мобильный трафик 1234567 байт",
    "passport photo 1024x768",
    "passport scan 20240101.pdf",
    "Reisepass gültig bis 12.03.2031",
    "pass-nr. 1.5",
]


@pytest.mark.parametrize(("text", "expected"), CUED)
def test_value_after_a_cue_naming_it_is_scrubbed(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("text", CONTROLS)
def test_value_without_a_cue_naming_it_stays(text: str) -> None:
    assert scrub(text) == (text, [])


def test_the_prefilter_changes_no_finding() -> None:
    texts = [t for t, _ in CUED] + CONTROLS
    with_prefilter = [scrub(t)[0] for t in texts]
    with prefilter.disabled():
        assert [scrub(t)[0] for t in texts] == with_prefilter


def test_the_new_types_are_default_types() -> None:
    assert {"PASSPORT", "BANK_ACCOUNT", "MEDICAL_RECORD_NUMBER"} <= DEFAULT_TYPES
    assert scrub("passport X1234567, MRN 00123456", info_types=["PASSPORT"])[0] == "passport [PASSPORT], MRN 00123456"


@pytest.mark.parametrize("info_type", ["PASSPORT", "BANK_ACCOUNT", "MEDICAL_RECORD_NUMBER"])
def test_a_cued_rule_is_skipped_on_a_line_without_its_cue(info_type: str) -> None:
    """A log line without the cue never makes the rule a candidate: the prefilter's scan, or else its triggers."""
    indexes = {i for i, r in enumerate(SPAN_RULES) if r.info_type == info_type}
    rule = SPAN_RULES[min(indexes)]
    assert rule.triggers and rule.ci_triggers
    line = "Processed batch 12/345: 12345678 rows in 1.2s, order 987654321, id 00123456"
    assert not any(t in line.lower() for t in rule.triggers)  # without Hyperscan: no trigger, the rule is skipped
    for text in (line, line + ", account 12345678, pass X1234567, patient 1234567"):  # with it: not a candidate
        candidates = prefilter.candidate_rules(text)
        assert candidates is None or not candidates & indexes


# Cues that are words of a sentence, not of a column name: verbs of calling, Thai (no hint language), and
# abbreviations that column names do not use. Every other cue is also a column-name hint of its type.
_TEXT_ONLY_CUES = {"account #", "kontonr", "kto-nr", "ケータイ", "拨打", "致电", "撥打", "致電", "聯絡", "โทร",
                   "มือถือ", "ติดต่อ"}
# Hungarian számlaszám names a bank account in a log line beside a transfer, but as a column name it is as often an
# invoice number (számla: account and invoice), so it hints nothing.
_UNHINTED_LANGUAGE_CUES = {"számlaszám"}


def test_every_cue_is_also_a_column_name_hint_of_its_type() -> None:
    from maskline.infotypes.name_hints import hint_score

    lists = {"PASSPORT": PASSPORT_CUES, "BANK_ACCOUNT": BANK_ACCOUNT_CUES, "MEDICAL_RECORD_NUMBER": MRN_LOG_CUES,
             "PHONE": UNSPACED_PHONE_CUES}
    for info_type, cues in lists.items():
        for cue in cues:
            if cue not in _TEXT_ONLY_CUES | _UNHINTED_LANGUAGE_CUES:
                assert hint_score(cue)[:1] and hint_score(cue)[0][0] == info_type, (info_type, cue)
    # The log path's record cues are those of the prose pass that name a record and nothing else.
    assert {c for c in MRN_LOG_CUES if not _UNSPACED_LETTER.search(c)} <= set(MRN_CUES)


def test_every_cue_holds_a_trigger_of_its_rule() -> None:
    """A rule whose triggers are all absent is skipped, so each cue word must hold one (lower-cased, as matched)."""
    rules = {("PASSPORT", "passport_number_cued"): PASSPORT_CUES, ("BANK_ACCOUNT", "bank_account"): BANK_ACCOUNT_CUES,
             ("MEDICAL_RECORD_NUMBER", "record_number"): MRN_LOG_CUES,
             ("PHONE", "phone_digits_east_asia"): UNSPACED_PHONE_CUES, ("PHONE", "phone_digits_cued"): SPACED_PHONE_CUES,
             ("PHONE", "phone_digits_named"): PHONE_NOUN_CUES}
    for (info_type, validator), cues in rules.items():
        # the spaced phone cues are two rules: the ASCII cues' and the others', whose triggers are all non-ASCII
        candidates = [r for r in SPAN_RULES if r.info_type == info_type and r.validator == validator]
        for cue in cues:
            rule = next(r for r in candidates if len(candidates) == 1 or all(t.isascii() for t in r.triggers)
                        == cue.isascii())
            assert any(t in cue.lower() for t in rule.triggers), (info_type, cue)
            assert any(t in cue.upper().lower() for t in rule.triggers), (info_type, cue)  # "NÚMERO" lowers back
