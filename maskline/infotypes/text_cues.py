"""Words in free text that name a sensitive identifier, for the Python scrubber and the SQL one alike.

The default scrubber (:mod:`maskline.text.spans`, the log filter's) and the SQL ``scrub`` patterns
(:mod:`maskline.infotypes.sql_patterns`) find a passport, a bank account or a medical record number only right
after one of these words, and a bare phone number after a phone cue: no checksum proves such a value in a log
line, only a cue that names it. Each cue names the thing itself: bare "account", "id", "pass" or "number" are
none, since every application log has account ids, product codes and order numbers after them.

They are not the column-name hints (:mod:`maskline.infotypes.name_hints`), which are broad on purpose ("konto",
"pass", "账号", "カルテ"): a column has its values to refute a hint, a log line has only the cue; and the log
filter must not load the hint tables. A test (``tests/text/test_cued_identifiers.py``) checks that every cue is
also a name hint of its type, but for the words of a sentence that no column is named (verbs of calling, Thai).

Words of Japanese, Chinese, Korean and Thai are matched without word boundaries (those scripts do not space
their words); the others as whole words, in any letter case. Languages: English, German, French, Spanish,
Italian, Dutch, Portuguese, Hungarian, Romanian, Greek, Russian, Hebrew, Arabic, Hindi, Indonesian, Vietnamese,
Japanese, Chinese, Korean, and Thai for phones. A Russian "номер счета" may be an invoice's, so only the names
of a bank account proper are cues.

>>> "kontonummer" in BANK_ACCOUNT_CUES, "pass" in PASSPORT_CUES, "account" in BANK_ACCOUNT_CUES
(True, False, False)
>>> "tel" in PHONE_NOUN_CUES, "call" in PHONE_NOUN_CUES, set(PHONE_VERB_CUES) <= set(SPACED_PHONE_CUES)
(True, False, True)
"""

from __future__ import annotations

# Phone cues of spaced scripts that name the number itself: nouns and abbreviations, the label of a phone field
# ("phone: 98765432", "Tel.-Nr. 5550199", "телефон 98765432"). Right before a number (nothing between but
# separators and the word for "number", spans._ID_GAP) one makes bare digits a phone without a trunk zero,
# since eight digits are a whole national number in many plans (validators.phone_digits_named).
PHONE_NOUN_CUES: tuple[str, ...] = (
    "phone", "telephone", "tel", "mob", "mobile", "cell", "cellphone", "fax", "whatsapp",
    "telefon", "rufnummer", "telefonnummer", "handy", "handynummer", "mobil", "mobilnummer",
    "téléphone", "tél", "portable",
    "teléfono", "telefono", "móvil", "movil", "celular",
    "cellulare",
    "telefone", "telemóvel", "telemovel",
    "telefoon", "telefoonnummer", "mobiel",
    "telefonszám", "mobilszám",  # Hungarian ("telefon", "mobil" as German)
    "τηλέφωνο", "τηλεφώνου", "τηλ", "κινητό",
    "телефон", "телефона", "тел", "моб", "мобильный",
    "טלפון", "הטלפון", "נייד",
    "هاتف", "الهاتف", "جوال", "الجوال", "موبايل",
    "\u095eोन", "फ़ोन", "फोन", "मोबाइल", "दूरभाष",  # फ़ोन precomposed (U+095E) and with a nukta
    "telepon", "telp", "ponsel", "no hp", "nomor hp",
    "điện thoại", "đt", "sđt", "di động",
)
# Words near a phone number that do not name it: verbs of calling ("call 12345678" may be an order's number) and
# "sms" (an SMS's code or message id follows it too). After one, as after a noun further off, a bare number is a
# phone only if valid in a plan (validators.phone_digits_cued).
PHONE_VERB_CUES: tuple[str, ...] = ("sms", "call", "called", "calling", "ring", "dial", "contact")
# Every phone cue of spaced scripts.
SPACED_PHONE_CUES: tuple[str, ...] = PHONE_NOUN_CUES + PHONE_VERB_CUES
# Japanese, Chinese, Korean and Thai phone cues.
UNSPACED_PHONE_CUES: tuple[str, ...] = (
    "電話", "携帯", "連絡先", "ファックス", "ケータイ",
    "电话", "手机", "拨打", "致电", "联系方式", "传真", "手機", "撥打", "致電", "聯絡", "傳真",
    "전화", "휴대폰", "핸드폰", "연락처", "팩스",
    "โทร", "มือถือ", "ติดต่อ",
)
# Longer words that begin with an unspaced cue and mean something else: the cue is matched without word boundaries,
# so "โทร" (to call) would cue the number after "โทรทัศน์" (television), "โทรทรรศน์" (telescope), "โทรคมนาคม"
# (telecommunications), "โทรเลข" (telegraph) or "โทรจิต" (telepathy), and "ติดต่อ" (to contact) the count after
# "ติดต่อกัน" (in a row). Words that begin with a cue and still name a phone ("โทรศัพท์", "โทรสาร" fax) stay cues.
UNSPACED_CUE_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "โทร": ("โทรทัศน์", "โทรทรรศน์", "โทรคมนาคม", "โทรเลข", "โทรจิต"),
    "ติดต่อ": ("ติดต่อกัน",),
}
PASSPORT_CUES: tuple[str, ...] = (
    "passport", "travel document", "reisepass", "reisepassnummer", "passnummer", "pass-nr", "passnr",
    "passeport", "pasaporte", "passaporto", "paspoort", "paspoortnummer", "passaporte",
    "旅券", "パスポート", "护照", "護照", "여권",
    "útlevél", "útlevélszám", "pașaport", "paşaport", "διαβατήριο", "διαβατηρίου", "паспорт", "загранпаспорт",
    "דרכון", "جواز السفر", "جواز سفر", "पासपोर्ट", "paspor", "hộ chiếu",
)
BANK_ACCOUNT_CUES: tuple[str, ...] = (
    "account number", "account no", "account nr", "acct no", "acct number", "acct #", "account #", "bank account",
    "checking account", "savings account",
    "kontonummer", "kontonr", "konto-nr", "kto-nr", "bankkonto", "bankverbindung",
    "numéro de compte", "n° de compte", "no de compte", "compte bancaire",
    "número de cuenta", "nº de cuenta", "n.º de cuenta", "cuenta bancaria",
    "numero di conto", "numero conto", "conto corrente",
    "rekeningnummer", "rekeningnr", "bankrekening",
    "número da conta", "numero da conta", "conta bancária", "conta corrente",
    "bankszámlaszám", "számlaszám", "număr de cont", "numar de cont", "cont bancar",
    "αριθμός λογαριασμού", "τραπεζικός λογαριασμός",
    "расчетный счет", "расчётный счёт", "лицевой счет", "лицевой счёт", "банковский счет", "банковский счёт",
    "מספר חשבון", "חשבון בנק", "رقم الحساب", "حساب بنكي", "खाता संख्या", "बैंक खाता",
    "nomor rekening", "no rekening", "no. rekening", "số tài khoản",
    "口座番号", "銀行口座", "银行账号", "银行账户", "銀行帳號", "銀行帳戶", "계좌번호", "계좌",
)
# The medical record cues of MRN_CUES that name a record and nothing else ("case number", "akte", "expediente",
# "ipp" and "nhc" mean other things in a log line; the prose pass reads them beside a patient's name).
MRN_LOG_CUES: tuple[str, ...] = (
    "mrn", "medical record", "medical record number", "med rec", "patient id", "patient number", "patient no",
    "hospital number", "patientennummer", "patienten-id", "patientenid", "dossier médical",
    "historia clínica", "historia clinica", "cartella clinica", "patiëntnummer", "patientnummer", "prontuário",
    "prontuario",
    "カルテ番号", "患者番号", "診察券番号", "病历号", "病案号", "住院号", "病歷號", "환자번호", "의무기록번호", "병록번호",
)


def camel_keys(cue: str) -> tuple[str, str] | None:
    """A cue as a camelCase key's first part and as a later, capitalised part, or None for a cue that is not ASCII
    letters and spaces only (keys are ASCII identifiers). The Python cue matcher (``spans._cue_words``) and SQL's
    (``sql_patterns._cued_id``) spell keys by it.

    >>> camel_keys("account number"), camel_keys("phone"), camel_keys("n° de compte"), camel_keys("téléphone")
    (('accountNumber', 'AccountNumber'), ('phone', 'Phone'), None, None)
    """
    pieces = cue.split(" ")
    if not cue.isascii() or not all(p.isalpha() for p in pieces):
        return None
    later = "".join(p[:1].upper() + p[1:] for p in pieces)
    return pieces[0] + later[len(pieces[0]):], later
