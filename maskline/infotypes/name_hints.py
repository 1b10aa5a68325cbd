"""Column-name hints per info type: English, German, French, Spanish, Italian, Dutch, Portuguese, and (from
``name_hints_scripts``) Russian, Ukrainian, Greek, Persian and Arabic in their scripts and in transliteration, and
(from ``name_hints_cjk``) Japanese, Chinese and Korean.

Hints are written folded (lower case, no accents, words separated by spaces).
A hint matches a column name when its words appear in order among the name's
words (``customer_e_mail`` -> ``customer e mail``), or, for hints of five or
more letters, inside the name with separators removed, which catches German and
Dutch compounds (``kundenemail``, ``telefoonnummer``). Japanese, Chinese and Korean
hints match anywhere inside the name (``顧客メールアドレス``), since those scripts do
not separate words; a two-character CJK word is as specific as a five-letter Latin one.
Names keep the letters of every script (``телефон``, ``τηλέφωνο`` -> ``τηλεφωνο``, ``شماره_تلفن``).

>>> hint_score("correo_electronico")[0]
('EMAIL', 1.0)
>>> hint_score("Geburtsdatum")[0]
('DATE_OF_BIRTH', 1.0)
>>> hint_score("attr3")
[]
>>> hint_score("номер_телефона")[0]
('PHONE', 1.0)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache

from maskline.infotypes.italian_postal_codes import outside_italian_codes
from maskline.infotypes.name_hints_cjk import CJK_NAME_HINTS, CJK_NEGATING, CJK_NOT_WITH
from maskline.infotypes.name_hints_sap import SAP_NAME_HINTS, SAP_RECORD_KEYS, SAP_WORD_ONLY
from maskline.infotypes.name_hints_scripts import (
    SCRIPT_GENERIC_NAME_WORDS,
    SCRIPT_NAME_HINTS,
    SCRIPT_NEGATING_WORDS,
    SCRIPT_NOT_PEOPLE,
    SCRIPT_THING_WORDS,
    WORD_ONLY_HINTS,
)
from maskline.infotypes.name_hints_seasia import (
    SEASIA_NAME_HINTS,
    SEASIA_PLAIN_WORDS,
    SEASIA_WORD_ONLY,
    not_account_digits,
)
from maskline.infotypes.phone_writing import not_written_as_phones

# The word for a contact in English, French and Dutch, Spanish, Italian and Portuguese (not "kontakt": German
# shares it with the test split's Nordic and Slavic languages).
CONTACT_WORDS = ("contact", "contacto", "contatto", "contato")

NAME_HINTS: dict[str, tuple[str, ...]] = {
    "EMAIL": (
        "email", "e mail", "mail", "email address", "mail address", "emailadresse", "mailadresse",
        "courriel", "adresse mail", "adresse email", "correo", "correo electronico", "posta elettronica",
        "indirizzo email", "emailadres", "mailadres", "correio eletronico", "endereco de email",
    ),
    "PHONE": (
        "phone", "telephone", "tel", "phone number", "mobile", "cell", "cellphone", "fax", "msisdn",
        "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer", "rufnummer", "telephone fixe",
        "portable", "numero de telephone", "telefono", "movil", "celular", "cellulare", "numero di telefono",
        "telefoon", "telefoonnummer", "mobiel", "gsm", "telemovel", "telefone", "contact number",
        "tel no", "ph", "ph no", "mob", "mob no",
        # WhatsApp's ids are phone numbers; FHIR's ContactPoint list is "telecom" (phones first, e-mail beside them).
        "whatsapp", "whatsapp number", "telecom",
        "mobiil", "mobiiltelefon",  # Estonian
        # "contact" alone: a phone far more often than a person, an e-mail or a channel; the values decide
        # (VALUE_REFUTABLE_HINTS below), and only as a whole word (contacts, contacted read nothing).
        *CONTACT_WORDS,
    ),
    "PERSON_NAME": (
        "name", "full name", "first name", "last name", "firstname", "lastname", "surname", "given name",
        "family name", "middle name", "forename", "customer name", "contact name", "person", "vorname",
        "nachname", "familienname", "prenom", "nom", "nom de famille", "nombre", "apellido", "apellidos",
        "nome", "cognome", "naam", "voornaam", "achternaam", "sobrenome", "nome completo", "author",
        "employee name", "patient name", "holder", "cardholder", "account holder", "contact person",
        "fname", "lname", "nm", "cust nm", "full nm",
    ),
    "STREET_ADDRESS": (
        "address", "street", "street address", "address line", "addr", "adresse", "strasse", "anschrift",
        "hausnummer", "rue", "adresse postale", "direccion", "calle", "domicilio", "indirizzo", "via",
        "adres", "straat", "straatnaam", "endereco", "morada", "rua", "residence", "home address",
        "billing address", "shipping address", "addr1", "addr line",
        # Epic Clarity's address lines (ADD_LINE_1, ADD_LINE_2).
        "add line",
    ),
    "POSTAL_CODE": (
        "zip", "zipcode", "zip code", "postal code", "postcode", "post code", "postleitzahl", "plz",
        "postal", "code postal", "cp", "codigo postal", "cap", "codice postale", "postcode nl", "cep", "pc", "zip5",
        "pcode",
        # India's postal codes are PIN codes (Postal Index Number): "pincode" is an address column there, while a
        # bare "pin" stays a secret (PASSWORD).
        "pincode", "pin code",
        # Icelandic, Hungarian, Estonian, Croatian: Iceland's three-digit codes are told from counts by the name only.
        "póstnúmer", "irányítószám", "postiindeks", "poštanski broj",
    ),
    "DATE_OF_BIRTH": (
        "dob", "date of birth", "birth date", "birthdate", "birthday", "born", "born on", "geburtsdatum",
        "geburtstag", "geboren", "date de naissance", "naissance", "fecha de nacimiento", "nacimiento",
        "data di nascita", "nascita", "geboortedatum", "geboorte", "data de nascimento", "nascimento",
        "data nascimento", "birth", "bdate", "bday", "dt birth", "birth dt",
        # French schemas cut naissance to naiss beside a date word (DateNaiss, dt_naiss); naiss alone is left out:
        # lieu_naiss is the place of birth, a town (as the Indonesian tempat lahir).
        "date naiss", "dt naiss",
        # A person's "dob" written into one word with the person (Patientdob, empdob): "dob" is too short to be read
        # inside a longer word (it ends other words), so the whole word is the hint.
        "patient dob", "pat dob", "student dob", "emp dob", "employee dob", "member dob", "customer dob",
        "cust dob", "client dob", "user dob", "child dob", "person dob", "staff dob",
    ),
    "US_SSN": ("ssn", "social security", "social security number", "ss number", "soc sec", "ssn number"),
    "NATIONAL_ID": (
        "national id", "national identity", "national number", "identity number", "id number", "id card",
        "citizen id", "citizen number", "personal id", "personal id number",
        "nin", "nino", "national insurance", "personal number", "personnummer", "cpr", "bsn",
        "burgerservicenummer", "personalausweis", "ausweisnummer", "steuer id", "steuerid", "idnr",
        "steueridentifikationsnummer", "sozialversicherungsnummer", "svnr", "insee", "nir",
        "numero de securite sociale", "secu", "num secu", "num ss", "no ss", "numero ss",
        # France's health insurance card, which carries the holder's NIR (see _NOT_WITH's "vitale").
        "carte vitale", "num carte vitale", "no carte vitale",
        "carte d identite", "dni", "nie", "nif", "documento",
        "documento de identidad", "codice fiscale", "codicefiscale", "cf", "carta d identita", "cpf",
        "cartao de cidadao", "cc number", "numero de contribuinte", "tax id", "pesel", "aadhaar",
        # The personal numbers of English-speaking countries under their own names (each validated by
        # python-stdnum where it has the country: us.itin, ca.sin, au.tfn, nz.ird, ie.pps).
        "itin", "tin", "taxpayer id", "taxpayer identification number", "sin", "sin number", "sin no",
        "social insurance number", "tfn", "tax file number", "ird number", "pps number", "ppsn", "ni number",
        "ni no", "nric",
        # Spanish-speaking South America's identity numbers under their own names: the cédula (de identidad, de
        # ciudadanía: Colombia, Chile), Chile's RUT, Argentina's CUIL and CUIT (python-stdnum has cl.rut, co.nit,
        # ar.cuit). On extcsv5 a Colombian register's Cedula and a Chilean library's RUT were read as nothing.
        "cedula", "cedula de identidad", "cedula de ciudadania", "rut", "cuil", "cuit",
    ),
    "PASSPORT": (
        "passport", "passport number", "passport no", "reisepass", "reisepassnummer", "passnummer",
        "passeport", "numero de passeport", "pasaporte", "passaporto", "paspoort", "paspoortnummer",
        "passaporte", "travel document", "ppt", "ppt no", "pass no", "passport nr", "passnr", "pp no",
        "passport id", "travel doc", "reisepass", "n passeport", "num pasaporte", "nr paszportu", "passnummer",
        # German "Pass" is the passport (Reisepass); in English a pass is a password or a ticket. Both types are
        # hinted and the values decide (a password reading is refuted by values of one document template).
        "pass",
        # "pasport": the Latin spelling of паспорт (Russian, Ukrainian, Kazakh, Bulgarian, Serbian, Macedonian,
        # Uzbek, Azerbaijani), also inside compounds (zagranpasport, pasportnomer).
        "pasport",
        # Vietnamese hộ chiếu (số hộ chiếu: passport number), a cue of the scrubber's too (text_cues.PASSPORT_CUES)
        "ho chieu", "so ho chieu",
        # "pp" before a number word, as "pp no" above; Hungarian útlevél (útlevélszám), which no spelling rule reads
        # as passport (Romanian pașaport and Indonesian paspor are read so, at a cognate's weight: cognates.py).
        "pp num", "pp nbr", "utlevel", "utlevelszam", "utlevel szam",
        # "psp" before a number word (alone it is a payment service provider: Adyen's pspReference); Czech and Slovak
        # cestovní pas / číslo pasu, Lithuanian paso numeris ("pas" and "pasas" alone are a step, a pass, a belt).
        "psp no", "psp nr", "psp num", "psp number", "cestovni pas", "cislo pasu", "cislo cestovniho pasu",
        "paso numeris", "paso nr",
    ),
    "CREDIT_CARD": (
        "credit card", "card number", "cc", "ccn", "pan", "card", "creditcard", "kreditkarte",
        "kartennummer", "carte bancaire", "carte de credit", "numero de carte", "tarjeta",
        "tarjeta de credito", "carta di credito", "numero carta", "creditcardnummer", "cartao",
        "cartao de credito", "payment card", "debit card", "carte", "numero carte", "karte", "kartnr",
        # "num" alone counts things (num_orders); before "carte" it is the French abbreviation of "numéro".
        "num carte",
    ),
    "IBAN": ("iban", "iban number", "international bank account"),
    "BANK_ACCOUNT": (
        # Not routing numbers, ABA or sort codes: those name a bank branch, which is public, not a person's account.
        "bank account", "account number", "acct", "acct no", "account no", "bban",
        # The initials of "bank account" before a number word (ba_no, ba_nr, ba_num); "ba" alone says nothing.
        "ba number",
        "kontonummer", "konto", "bankverbindung", "numero de compte", "compte bancaire",
        "rib", "cuenta", "numero de cuenta", "cuenta bancaria", "conto", "conto corrente", "numero conto",
        "rekeningnummer", "rekening", "bankrekening", "conta", "numero da conta", "conta bancaria",
        # Accounts named by their use or their holder's side (an account word alone names logins too).
        "checking account", "savings account", "deposit account", "direct deposit", "beneficiary account",
        "payee account", "payout account", "destination account", "settlement account", "acc no", "acc number", "ac no", "ac number",
        # Domestic names in countries without IBAN: Argentina's CBU, Nigeria's NUBAN, Spanish and Portuguese
        # abbreviations, Indonesian, Vietnamese, Hindi, Hebrew (transliterated), Malay and Swahili words for the
        # account number.
        "cbu", "nuban", "nro cta", "num cta", "cta bancaria", "cta cte", "dados bancarios", "no rek", "norek",
        "so tai khoan", "tai khoan ngan hang", "khata sankhya", "khata number", "bank khata", "mispar heshbon",
        "heshbon bank", "no akaun", "nombor akaun", "akaun bank", "namba ya akaunti", "akaunti ya benki",
        # German "Kto." is the written abbreviation of Konto (Kto.-Nr.); Dutch "reknr" of rekeningnummer; English
        # run-together forms. Hungarian bankszámla(szám) and folyószámla (current account), Romanian cont bancar
        # and număr de cont. Not the bare Hungarian "számlaszám" (an invoice number as often), nor the French "cpte"
        # (ledger accounts of a chart of accounts, 411000).
        "kto nr", "ktonr", "kontonr", "konto nr", "reknr", "rek nr", "rek no", "acctnum", "acctno",
        "bankacc", "bankacct", "bank acc", "bank acct", "bankszamla", "bankszamlaszam", "folyoszamla",
        "cont bancar", "numar cont", "numar de cont", "nr cont",
        # Turkish hesap numarası (hesap no); the English "a/c" written before a number word; German "Kto" alone is
        # the written abbreviation of Konto; Sweden's Bankgiro and Plusgiro numbers, Mexico's CLABE.
        "hesap no", "hesap numarasi", "hesap numarası", "hesap nr", "banka hesabi", "a c no", "a c number", "a c nr", "kto",
        "bankgiro", "bankgironummer", "plusgiro", "plusgironummer", "clabe", "cta clabe",
    ),
    "IP_ADDRESS": (
        "ip", "ip address", "ipaddress", "ipv4", "ipv6", "ip4", "ip6", "client ip", "remote addr", "source ip",
        "ip adresse", "adresse ip", "direccion ip", "indirizzo ip", "ip adres", "endereco ip",
    ),
    "MAC_ADDRESS": ("mac", "mac address", "macaddress", "hw address", "hardware address", "mac adresse",
                    "adresse mac", "direccion mac", "indirizzo mac", "endereco mac"),
    "URL": ("url", "uri", "website", "web site", "homepage", "link", "webseite", "site web", "sitio web",
            "pagina web", "sito web", "webpagina", "site", "profile url"),
    "GEO_COORDINATE": (
        "lat", "lng", "lon", "latitude", "longitude", "coordinates", "coords", "geo", "location", "gps",
        "latlng", "latlon", "geolocation", "breitengrad", "laengengrad", "breite", "laenge", "koordinaten",
        "coordonnees", "latitud", "longitud", "coordenadas", "latitudine", "longitudine", "coordinate",
        "breedtegraad", "lengtegraad", "coordinaten", "long", "latlong",
    ),
    "USERNAME": (
        "username", "user name", "login", "user login", "handle", "screen name", "nickname", "user id",
        "userid", "usr", "usr name", "user nm", "benutzername", "benutzer", "anmeldename", "nom d utilisateur", "identifiant", "pseudo",
        "usuario", "nombre de usuario", "nome utente", "utente", "gebruikersnaam", "gebruiker",
        "nome de usuario", "utilizador", "account name",
        # Who did something: these hold a login (or a name or an e-mail, which their own detectors find).
        "created by", "updated by", "modified by", "changed by", "deleted by", "owner", "reviewer", "sender",
        "recipient", "assignee", "approver", "requester", "requested by", "reporter", "submitter",
        "submitted by", "uploader", "uploaded by", "author", "auteur", "approved by", "assigned to", "posted by", "actor",
        "opened by", "closed by", "resolved by", "handled by", "performed by", "edited by",
        "committed by", "committer", "maintainer", "moderator",
        # The clerks, nurses, pharmacists, librarians and officers who sign a record of a hospital, a laboratory, a
        # pharmacy, a payroll, a school or a library: a name or a login, repeated over the rows they handled.
        "prepared by", "checked by", "verified by", "noted by", "encoded by", "entered by", "recorded by",
        "registered by", "received by", "issued by", "collected by", "dispensed by", "released by", "signed by",
        "authorized by", "authorised by", "certified by", "confirmed by", "validated by", "inspected by",
        "audited by", "processed by", "reported by", "cancelled by", "canceled by", "accepted by", "rejected by",
        "added by", "attended by", "examined by", "prescribed by", "referred by", "borrowed by", "returned by",
        # The same actors in the hint languages (German, French, Spanish, Italian, Dutch, Portuguese).
        "erstellt von", "geaendert von", "bearbeitet von", "bearbeiter", "besitzer", "cree par", "modifie par",
        "expediteur", "proprietaire", "creado por", "modificado por", "remitente", "propietario", "creato da",
        "modificato da", "mittente", "proprietario", "aangemaakt door", "gewijzigd door", "afzender", "eigenaar",
        "criado por", "remetente",
    ),
    "PASSWORD": (
        "password", "passwd", "pwd", "pass", "password hash", "passwordhash", "pw hash", "passcode", "pin",
        # Card security codes and one-time codes: secrets a merchant must never keep (PCI DSS 3.3.1.2).
        "cvv", "cvv2", "cvc", "cvc2", "cvn", "card security code", "security code", "card verification code",
        "card verification value", "otp", "otp code", "one time password", "one time code", "pin number",
        "passwort", "kennwort", "mot de passe", "mdp", "contrasena", "clave", "password utente",
        "parola d ordine", "wachtwoord", "senha",
    ),
    "API_KEY": (
        "api key", "apikey", "api token", "access key", "access token", "secret", "secret key", "token",
        "auth token", "bearer", "client secret", "refresh token", "session token", "private token",
        "schluessel", "cle api", "clave api", "chiave api", "sleutel", "chave api", "webhook secret",
    ),
    "JWT": ("jwt", "id token", "json web token"),
    "PRIVATE_KEY": ("private key", "privkey", "ssh key", "pem", "rsa key", "signing key", "privater schluessel",
                    "cle privee", "clave privada", "chiave privata", "prive sleutel", "chave privada"),
    "CONNECTION_STRING": ("connection string", "conn str", "dsn", "database url", "db url", "jdbc url",
                          "connstr", "verbindungszeichenfolge", "chaine de connexion", "cadena de conexion"),
    "MEDICAL_RECORD_NUMBER": (
        "mrn", "medical record", "medical record number", "patient id", "patient chart", "patient number", "chart number",
        "health record", "patientennummer", "krankenakte", "dossier medical", "numero de dossier",
        "historia clinica", "numero de historia", "cartella clinica", "patientnummer", "dossiernummer",
        "prontuario", "numero do prontuario", "nhs number",
        "med rec", "med rec no", "medrec", "med record", "chart no", "chart num", "hospital number", "hosp no",
        "hospital no", "hospital nr", "hospital id", "hosp nr", "hrn",
        "ur number", "urn", "unit number", "emr id", "ehr id", "emr number", "ehr number",
        # OMOP CDM's link back to the patient in the source system (an MRN or a key derived from one).
        "person source value", "patient no", "pat no", "pt id", "pat id",
        "patient identifier", "nhc", "ipp", "numero patient", "krankenblattnummer", "patienten id",
        "cartella", "nosologico", "kaartnummer", "zorgnummer",
        "patientennr", "pat nr", "patnr", "patientnr", "ziekenhuisnummer", "fallnummer",
        # "MR No." is the medical record number on hospital registration slips in South Asia; German "Fallnr."
        # (Fallnummer). Indonesian rekam medis ("nomor RM"; not "no rm", which run together is "norm") and pasien
        # (patient), Hungarian betegazonosító (patient identifier) and kórlap (the patient's chart), Romanian fișă
        # medicală. Not "pacient" (Romanian, Catalan): a hint word is never read as a cognate, and cognates.py
        # reads it as patient already (pacient_id, num_pacient).
        "mr no", "mr nr", "mr num", "mr number", "mrno", "fallnr", "fall nr",
        "rekam medis", "nomor rm", "betegazonosito", "korlap", "korlapszam", "fisa medicala",
        "id pasien", "pasien id", "no pasien", "nomor pasien",
        # Sri Lanka's hospital information systems number patients by a HIN (hospital/health identification number):
        # patient_HIN, hin_no. Not "hin" alone: run together, h_in (a height in inches) is "hin" too; and whole words
        # only (_WORD_ONLY): "hin" opens "hinge" and ends "chin" and "shin".
        "hin no", "hin number", "patient hin",
        # Abbreviations of patient and hospital numbers in clinical exports (ptNo, HOSPNUM: one word in older
        # patient administration systems).
        "pt no", "pt nr", "pt num", "hospnum", "hosp num",
        # Names hospital systems and health services give the patient's number: HL7 v2's PID-3 (the patient
        # identifier list), an enterprise master patient index (EMPI), New Zealand's National Health Index and
        # Scotland's Community Health Index numbers. Not "pid" alone (process ids) nor "mpi" or "chi" alone
        # (message passing, the chi-square statistic).
        "pid 3", "pid3", "patient identifier list", "empi", "empi id", "empi number", "mpi id", "mpi number",
        "master patient index", "enterprise mpi", "nhi", "nhi number", "nhi no", "chi number", "chi no",
    ),
    "ICD10_CODE": ("icd", "icd10", "icd 10", "icd code", "diagnosis", "diagnosis code", "dx", "dx code",
                   "diagnose", "diagnostic", "diagnostico", "diagnosi", "diagnosecode", "codigo cie", "cie10"),
    "FREE_TEXT_WITH_PII": (),
}

_LATIN_NEGATING_WORDS = frozenset({
    "count", "cnt", "num", "number of", "verified", "valid", "flag", "is", "has", "type", "status", "domain",
    "opt", "optin", "opt in", "consent", "sent", "at", "date", "ts", "length", "len", "hash", "hashed",
    "md5", "sha", "sha1", "sha256", "checksum", "enabled", "bounced", "format", "country", "prefix", "code",
    "template", "provider", "changed", "updated", "created", "expires", "expiry", "policy", "strength",
    "routing", "aba", "swift", "bic", "transit", "version", "ver", "build", "release", "isbn", "sku",
    # Rates and averages of a hinted word (pass_rate, natl_avg, pass_pct): measures, not the thing.
    "rate", "ratio", "pct", "avg",
})
# Words whose hint is also a data type and must not be negated by them ("birth date", "zip code").
_KEEP_WITH: dict[str, frozenset[str]] = {
    "DATE_OF_BIRTH": frozenset({"date"}),
    "POSTAL_CODE": frozenset({"code"}),
    "ICD10_CODE": frozenset({"code"}),
    "PHONE": frozenset({"number", "code"}),
}
# Words naming another kind of the hint's thing: a SIM, loyalty, library or gift card is no payment card, whatever
# digits it carries. They negate that one hint, even where the rest of the name is the whole hint ("sim card").
_NOT_WITH: dict[str, frozenset[str]] = {
    "CREDIT_CARD": frozenset({
        "sim", "iccid", "loyalty", "library", "member", "membership", "gift", "bonus", "club", "reward", "rewards",
        "points", "payback", "student", "health", "insurance", "transit", "metro", "key", "access", "business",
        "memory", "sd", "graphics", "video", "sound", "network", "report", "score", "post", "greeting", "game",
        "playing", "trading",
        # A card's brand or issuer (Visa, a bank) is public, not the card's number.
        "brand", "issuer",
        # France's health insurance card (carte Vitale) carries the holder's social security number (NIR), a
        # national id: NumCarteVitale is read as one (NATIONAL_ID's "carte vitale"), never as a payment card.
        "vitale",
    }),
    # A site's, a link's or a page's name or title is words, not the address (care_site_name, website_title).
    "URL": frozenset({"name", "names", "nm", "title", "label"}),
}

# A pass is also a play (American football, soccer, basketball) and an exam result: beside the words of game
# statistics and of marks (pass_yds, pass_att, pass_completions, pass_rating, pass_fail) it is counted, not a
# document or a secret. Only the bare "pass" hint yields; passport and password stand whatever follows them.
_PLAY_STATS = frozenset({
    "yds", "yd", "yards", "yard", "att", "atts", "attempts", "attempted", "cmp", "comp", "comps", "completions",
    "completed", "completion", "rating", "rtg", "td", "tds", "touchdowns", "int", "ints", "interceptions", "rush",
    "rushing", "rec", "receiving", "lng", "sack", "sacks", "success", "accuracy", "fail", "failed", "mark",
    "marks", "grade", "score", "percentage", "pctg", "totals", "season", "stats",
})

# Words that turn one hint, not its whole type, into another kind of column. A numbered or identified "pass"
# (pass_no, passNum, pass_id) is a document or a ticket: a secret is neither numbered nor looked up by an id.
_CONTACT_NOT_PHONE = frozenset({
    "id", "ids", "key", "pk", "fk", "uuid", "ref", "type", "kind", "method", "channel", "mode", "preference",
    "source", "reason", "status", "date", "time", "at", "on", "count", "tipo", "data", "fecha", "stato", "estado",
})
_HINT_NOT_WITH: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {
    ("PASSWORD", ("pass",)): frozenset({"no", "nr", "num", "nbr", "number", "id"}) | _PLAY_STATS,
    ("PASSPORT", ("pass",)): _PLAY_STATS,
    # A contact's key, kind or date is no phone number (contact_id, contact_type, contact_date).
    **{("PHONE", (w,)): _CONTACT_NOT_PHONE for w in CONTACT_WORDS},
    # Vietnamese "nhi" is children's (khoa nhi: the paediatrics department; bệnh viện nhi: a children's hospital;
    # nhi đồng), not New Zealand's National Health Index, beside the words of a Vietnamese hospital's register.
    ("MEDICAL_RECORD_NUMBER", ("nhi",)): frozenset({"khoa", "benh", "vien", "dong", "giuong", "tre", "phong",
                                                    "kham", "bv"}),
    # A URN is the unique reference number of many registers (England's schools, Ofsted's providers, charities) and a
    # URI scheme (urn:uuid); a hospital's UR number is not written beside those.
    ("MEDICAL_RECORD_NUMBER", ("urn",)): frozenset({"school", "schools", "establishment", "academy", "college",
                                                    "ofsted", "dfe", "provider", "charity", "uuid", "uri", "oid",
                                                    "isbn", "nbn", "doi", "lsid", "ukprn", "laestab"}),
}

# Words of an identity or travel document, in a column name, that are not themselves a passport hint (those give
# PASSPORT from the name); classify/document_series.py reads one-letter document series under them. Account, card, member, policy and contract words are left out on purpose: their numbers
# behind one letter (a policy P and eight digits) are not passports.
IDENTITY_DOCUMENT_WORDS = frozenset({
    "doc", "docs", "document", "documents", "dokument", "dokumen", "travel", "visa", "identity", "iddoc", "docno",
    "docnum", "docnr", "traveldoc",
})

# Words and abbreviations of personal documents, accounts and patient numbers. A number under such a column
# name, or behind such a prefix in its values (``PAT-004411``, ``NHS-…``), identifies a person even when its
# shape says nothing, so neither passes as a mere key. One list for both uses: a word that marks a document in
# a name marks it in a prefix too.
PERSONAL_DOCUMENT_WORDS = frozenset({
    "license", "licence", "passport", "permit", "tax", "vat", "national", "social", "insurance", "nhs", "health",
    "medicare", "medicaid", "visa", "badge", "account", "iban", "card", "ssn", "steuer", "ausweis", "pass",
    "patient", "member", "membership", "policy", "contract", "vertrag", "versicherung", "voter", "student",
    "pat", "pt", "pid", "dl", "pp", "nin", "tin", "bsn", "cpf", "dni", "nie", "nif", "ppsn", "sin", "ahv", "avs",
    "pesel", "cnp", "emp", "cedula", "rut", "cuil", "cuit",
    # A health plan's or benefit programme's person: its id is on the card they carry, as a member's is (CMS's
    # BENE_ID and MBI, X12's subscriber and insured ids, HICN), not a key of the plan's own rows.
    "beneficiary", "bene", "subscriber", "enrollee", "insured", "policyholder", "mbi", "hicn",
})

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Anything but a letter (with its marks: Devanagari and Thai vowel signs are marks inside a word), a digit, or the
# postal mark 〒 separates words. "_" is a word character to \w, so it is listed.
_NON_WORD = re.compile(r"[^\w\u0300-\u036f\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3012]+|_+")
# An apostrophe between Cyrillic letters belongs to the word (Ukrainian ім'я, м'ясо): dropped, not split on.
_CYRILLIC_APOSTROPHE = re.compile(r"(?<=[\u0400-\u04ff])['\u02bc\u2019](?=[\u0400-\u04ff])")
# Letters written two ways: Arabic yeh and kaf as Persian ones (names mix keyboards), Greek final sigma as sigma,
# and the Arabic tatweel, a stretch of the line, dropped.
_SCRIPT_VARIANTS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u03c2": "\u03c3",
                                  "\u0640": None})
# Japanese, Chinese and Korean do not separate words, so their hints match anywhere in a name. Thai, Lao, Khmer and
# Burmese do not either, but their characters are letters, not words: a hint there is as weak as a Latin one of as
# many letters, so they match inside a name through the compound rule (five letters and more), not through this.
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3012\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def _words(folded: str) -> tuple[str, ...]:
    """Folded text split into words of any script; hints and names go through the same steps."""
    text = _CYRILLIC_APOSTROPHE.sub("", folded).translate(_SCRIPT_VARIANTS)
    return tuple(w for w in _NON_WORD.split(text) if w)


def _folded_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for word in words for w in _words(fold(word)))


_OWN_LETTERS = str.maketrans({"ß": "ss", "ẞ": "ss"})
# The Vietnamese (and Croatian, Serbian) đ is a letter of its own to Unicode, not a d and a mark, so NFKD leaves it
# whole and a column named "SĐT" (số điện thoại) would never meet its hint. Column names only: fold() also keys
# the name lexicons, character by character (person_names.name_key), where Đorđe stays as spelled.
_STROKED_D = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case and strip accents: ``"Teléfono"`` -> ``"telefono"``.

    >>> fold("Straße Ñandú")
    'strasse nandu'
    """
    if text.isascii():  # most names and values: nothing to decompose, and this runs on every sampled value
        return text.lower()
    text = text.translate(_OWN_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(column: str) -> tuple[str, ...]:
    """Split a column name into folded words (snake, kebab, camel case and digits).

    >>> name_words("customerEMailAddress_2")
    ('customer', 'e', 'mail', 'address', '2')
    >>> name_words("Номер_Телефона"), name_words("τηλέφωνο"), name_words("ім'я"), name_words("SĐT")
    (('номер', 'телефона'), ('τηλεφωνο',), ('імя',), ('sdt',))
    """
    spaced = _CAMEL.sub(" ", column.translate(_STROKED_D))
    folded = _DIGITS.sub(" ", fold(spaced))
    return _words(folded)


# Words that turn a matching hint into a different kind of column ("email_count", "phone_verified").
NEGATING_WORDS: frozenset[str] = _LATIN_NEGATING_WORDS | _folded_words(SCRIPT_NEGATING_WORDS)


# Name words that say a column holds a measure (an amount, a count, a duration): its numbers are not codes, whatever
# their widths. Digit rules that read numbers as codes (postal codes that lost their zeros) check it; a name hint
# of the type still wins.
MEASURE_WORDS = frozenset({
    "amount", "amt", "price", "cost", "costs", "total", "sum", "subtotal", "balance", "revenue", "salary", "income",
    "fee", "fees", "tax", "qty", "quantity", "count", "cnt", "num", "views", "clicks", "units", "stock", "weight",
    "size", "length", "height", "width", "duration", "ms", "seconds", "secs", "minutes", "bytes", "score", "rank",
    "betrag", "preis", "summe", "anzahl", "menge", "gewicht", "montant", "prix", "quantite", "importe", "precio",
    "cantidad", "importo", "prezzo", "quantita", "bedrag", "prijs", "aantal", "valor", "quantidade",
    # Pay and consumption in the hint languages: a salary of 25,000-55,000 or a count of 400,000-700,000 has the
    # digits of a postal code and nothing in its values says otherwise; only the name does (extcsv5's Salaire,
    # hendl_konsum, both read as postal codes on main).
    "salaire", "salario", "gehalt", "lohn", "stipendio", "salaris", "loon", "konsum", "verbrauch", "consumo",
    "consommation", "verbruik",
})
# Name words that say a column holds keys of records (``customer_id``, ``orderKey``): a sample of a fact table's
# foreign keys is uniform over the parent's ids, which is the very shape of codes that lost their leading zeros.
# SAP's record keys (material, customer, vendor, personnel and document numbers) are keys, under their own names.
# Romance registration numbers (matrícula, matricola, matricule) key a school's or a firm's own records of students
# and staff, as SAP's personnel numbers do: six digits under them are no postal code (extcsv5's aluno_matricula).
KEY_WORDS = frozenset({"id", "ids", "key", "fk", "pk", "uid", "idx", "seq", "ref", "matricula", "matricola",
                       "matricule"}) | SAP_RECORD_KEYS


# English abbreviations of measures and counts that statistical tables use (``pop``, ``wght``, ``faminc``'s ``inc``),
# and words that say a row's group or label (``class``, ``cohort``, R's ``rownames``): their numbers are no codes
# either. Kept apart from :data:`MEASURE_WORDS`, which the hint rules also read as "means itself": these only stop
# digit rules. Not ``val``/``value``/``var``: they say "a column" as much as ``c3`` does.
MEASURE_ABBREVIATIONS = frozenset({
    "pop", "population", "inc", "wt", "wgt", "wght", "avg", "mean", "median", "dist", "distance", "sal", "exp",
    "expend", "expenditure", "spend", "sales", "wage", "wages", "pay", "earnings", "area", "sqft", "acres", "lot",
    "votes", "freq", "rate", "pct", "percent", "ratio", "volume", "vol", "capacity",
})
GROUPING_WORDS = frozenset({"class", "cohort", "cluster", "batch", "wave", "row", "rows", "rownames", "rowname",
                            "rownum", "idno", "idnr", "serial", "seqno", "seqn"})
# Leading parts of a run-together name that say "an aggregate of" or "a sequence of" (``avgsal``, ``totpop``,
# ``seqn``), and trailing heads that say what it is (``fincome``, ``inexp``, ``distid``, ``dcode``): English puts the
# head last, so ``distid`` is a district's id and ``faminc`` a family's income.
# Both are abbreviations, not whole words, which end and open many an English word (ac-count, tur-key, min-istry).
AGGREGATE_PREFIXES = ("avg", "tot", "cnt", "seq", "max")
RUN_TOGETHER_HEADS = ("income", "inc", "exp", "pop", "wgt", "wght", "amt", "cnt", "qty", "cost", "price", "num",
                      "seq", "idx", "code")


def _run_together_measure_or_key(word: str) -> bool:
    """Whether one run-together name word ends in a measure or key head, or opens with an aggregate prefix.

    >>> [_run_together_measure_or_key(w) for w in ("faminc", "avgben", "distid", "dcode", "inexp", "tailnum", "seqn")]
    [True, True, True, True, True, True, True]
    >>> [_run_together_measure_or_key(w) for w in ("pid", "zip", "extra", "attr", "field", "column", "misc")]
    [False, False, False, False, False, False, False]
    """
    if any(word.startswith(p) and len(word) > len(p) for p in AGGREGATE_PREFIXES):
        return True
    if word.endswith("id") and len(word) >= 5:  # a thing's id (distid, schoolid), not a word ending so (pid, paid)
        return True
    return any(word.endswith(h) and len(word) > len(h) for h in RUN_TOGETHER_HEADS)


def names_measure_or_key(column: str) -> bool:
    """Whether the column's name says it holds a measure (amount, count, duration) or keys of records, not codes.

    Whole words of :data:`MEASURE_WORDS`, :data:`KEY_WORDS`, :data:`MEASURE_ABBREVIATIONS` and
    :data:`GROUPING_WORDS`; run-together words (:func:`_run_together_measure_or_key`); and a name that is the one
    letter ``n``, the statistician's count (``n3`` is a numbered opaque name, as ``x3`` is). A name that hints a
    type is read by that hint first: callers check it.

    >>> names_measure_or_key("unit_cost"), names_measure_or_key("totalAmount"), names_measure_or_key("customerId")
    (True, True, True)
    >>> names_measure_or_key("fincome"), names_measure_or_key("wght"), names_measure_or_key("N")
    (True, True, True)
    >>> names_measure_or_key("c7"), names_measure_or_key("plz"), names_measure_or_key("n3"), names_measure_or_key("x4")
    (False, False, False, False)
    """
    if column.strip().lower() == "n":
        return True
    words = name_words(column)
    fixed = MEASURE_WORDS | KEY_WORDS | MEASURE_ABBREVIATIONS | GROUPING_WORDS
    return any(w in fixed or len(w) >= 4 and _run_together_measure_or_key(w) for w in words)


# Words that say a column numbers things (``store_no``, ``door_code``, ``pin``): its digits are that thing's
# number, whatever their shape. Readings that come from a column's table, not its name, check it.
NUMBERING_WORDS = frozenset({"no", "nr", "num", "nbr", "number", "code", "pin"})


def names_a_numbering(column: str) -> bool:
    """Whether the column's name says its values number something (a word such as ``no``, ``number``, ``code``).

    >>> names_a_numbering("store_no"), names_a_numbering("doorCode"), names_a_numbering("pin")
    (True, True, True)
    >>> names_a_numbering("unnamed_1"), names_a_numbering("extra12")
    (False, False)
    """
    return bool(set(name_words(column)) & NUMBERING_WORDS)


def names_identity_document(column: str) -> bool:
    """Whether a column name carries a word of an identity or travel document (:data:`IDENTITY_DOCUMENT_WORDS`).

    >>> names_identity_document("doc_no"), names_identity_document("travelId"), names_identity_document("c4")
    (True, True, False)
    >>> names_identity_document("product_code")
    False
    """
    return bool(column) and bool(set(name_words(column)) & IDENTITY_DOCUMENT_WORDS)


def names_personal_document(column: str) -> bool:
    """Whether the column name carries a word of a personal document or account (:data:`PERSONAL_DOCUMENT_WORDS`).

    >>> names_personal_document("passport_no"), names_personal_document("accountNumber"), names_personal_document("c7")
    (True, True, False)
    """
    return bool(column) and bool(set(name_words(column)) & PERSONAL_DOCUMENT_WORDS)


# Hints that match only as a whole word of a name, never inside a longer one: FHIR's "telecom" opens
# "telecommunication", and SAP's five-letter field names open other words (bankn, bankname).
_WORD_ONLY = WORD_ONLY_HINTS | SAP_WORD_ONLY | frozenset({"telecom", "hin", "hinno", *CONTACT_WORDS}) | SEASIA_WORD_ONLY

# What an address is the address of, when the word before "address" or "addr" says it: a network's end points,
# mail servers, web pages and devices have addresses too. Each becomes a hint of its own type ("dst addr" is an IP
# address, "smtp addr", SAP's e-mail field, an e-mail), which the street reading of the address word inside it
# yields to (_outranked); modifiers of no type here (a wallet's or a contract's address on a blockchain, a memory
# address) only take the street reading away. Not "source", "destination", "origin" or "local": spelled out, they
# are a shipment's ends and a person's local (as against permanent) address; nor a client, a site, a sender, a recipient or a return
# address, which are streets as often as not.
ADDRESS_KINDS: dict[str, str | None] = {
    **dict.fromkeys(("ip", "ipv4", "ipv6", "ip4", "ip6", "src", "dst", "peer", "remote", "gateway", "gw", "host", "net",
                     "network", "server", "node", "bind", "listen", "broadcast", "multicast", "nat",
                     "loopback", "subnet", "router"), "IP_ADDRESS"),
    **dict.fromkeys(("mac", "hw", "hardware", "ether", "ethernet", "bluetooth", "bt", "wifi"), "MAC_ADDRESS"),
    **dict.fromkeys(("email", "smtp", "mail"), "EMAIL"),
    **dict.fromkeys(("web", "url", "http", "website"), "URL"),
    **dict.fromkeys(("wallet", "contract", "token", "bitcoin", "btc", "eth", "ethereum", "crypto", "memory", "mem",
                     "pointer", "ptr"), None),
}
_ADDRESS_WORDS = ("address", "addr")


@cache
def _compiled() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    out = []
    for info_type in NAME_HINTS.keys() | SCRIPT_NAME_HINTS.keys() | CJK_NAME_HINTS.keys():
        for hint in NAME_HINTS.get(info_type, ()) + SCRIPT_NAME_HINTS.get(info_type, ()) + \
                CJK_NAME_HINTS.get(info_type, ()) + SAP_NAME_HINTS.get(info_type, ()) + \
                SEASIA_NAME_HINTS.get(info_type, ()):
            words = _words(fold(hint))  # hints of every script fold like the names they are matched against
            out.append((info_type, words, "".join(words)))
            # An identifier is an id written out (NATIONAL_IDENTIFIER in Oracle HR, patient_identifier).
            if len(words) > 1 and words[-1] == "id":
                out.append((info_type, words[:-1] + ("identifier",), "".join(words[:-1]) + "identifier"))
    for modifier, kind in ADDRESS_KINDS.items():
        if kind is not None:
            out.extend((kind, (modifier, a), modifier + a) for a in _ADDRESS_WORDS)
    return tuple(dict.fromkeys(out))


# Account words that also open unrelated words (container, contato, contador, kontor): inside a compound they
# count only as its head, at the end (bankkonto, girokonto); as a word of their own they count as before.
_HEAD_ONLY = frozenset({"conta", "conto", "konto"})


def contains_words(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    """Whether the words ``sub`` stand, in order and adjacent, among a name's words ``seq``.

    >>> contains_words(("card", "security", "code"), ("security", "code")), contains_words(("security",), ("code",))
    (True, False)
    """
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def hint_score(column: str, extra: dict[str, tuple[str, ...]] | None = None) -> list[tuple[str, float]]:
    """Info types a column name suggests, best first, with a strength in (0, 1].

    1.0: the whole name is the hint; 0.9: the hint's words appear in the name;
    0.75: a long hint is part of a compound word. Names carrying a negating
    word (``email_count``, ``phone_verified``) lose the hint.

    >>> hint_score("Telefonnummer")[0]
    ('PHONE', 1.0)
    >>> hint_score("kontakttelefon")[0]
    ('PHONE', 0.75)
    >>> hint_score("email_verified"), hint_score("owner_group"), hint_score("group_contact_email")[0]
    ([], [], ('EMAIL', 0.9))
    """
    frozen = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))
    return list(_hint_score(column, frozen))


@dataclass(frozen=True)
class ValueRefutableHint:
    """A hint word that is also an everyday word of another language: the name cannot say which is meant, the
    column's values can. ``refuted_by`` reads the column's distinct values and says why they are not ``meaning``,
    or returns None."""

    info_type: str
    meaning: str
    refuted_by: Callable[[Sequence[str]], str | None]


# Hint words the column's values may refute. ``cap`` is Italy's word for its postal code (codice di avviamento
# postale) and English for a capacity, a limit or a capitalisation (market_cap, a reactor's cap). Other countries'
# postal words (plz, cep, pincode) are not English words, so the name settles them. A second such word is one line.
VALUE_REFUTABLE_HINTS: dict[str, ValueRefutableHint] = {
    "cap": ValueRefutableHint("POSTAL_CODE", "Italy's postal code", outside_italian_codes),
    # A contact is a phone, a person, an e-mail address, a channel or a date: only phone-written values keep it.
    **{w: ValueRefutableHint("PHONE", "a phone number", not_written_as_phones) for w in CONTACT_WORDS},
    # Vietnamese STK (số tài khoản) is German Stk. (Stück, pieces) too: only account-length digits keep it.
    "stk": ValueRefutableHint("BANK_ACCOUNT", "Vietnamese số tài khoản (an account number)", not_account_digits),
}


def hints_refuted_by_values(column: str, hints: Collection[str], values: Sequence[str]) -> list[tuple[str, str]]:
    """The info types among ``hints`` that the column's name owes only to a refutable word
    (:data:`VALUE_REFUTABLE_HINTS`) and that its values refute, each with why. A name that says the type in another
    word too (``cap_zip``) keeps it whatever the values.

    >>> hints_refuted_by_values("market_cap", {"POSTAL_CODE"}, ["17700", "4340", "111210", "204770", "505330"])
    [('POSTAL_CODE', "the name's cap is not Italy's postal code: 3 of 5 numbers fall outside Italy's codes (00010-00199, 01000-99999)")]
    >>> hints_refuted_by_values("cap_zip", {"POSTAL_CODE"}, ["687", "514", "913"])
    []
    """
    out: list[tuple[str, str]] = []
    for word, hint in VALUE_REFUTABLE_HINTS.items():
        if hint.info_type not in hints:  # most columns: no hint to refute, and the name is not split
            continue
        words = name_words(column)
        if word not in words:
            continue
        rest = " ".join(w for w in words if w != word)
        if rest and hint.info_type in dict(hint_score(rest, {})):
            continue
        why = hint.refuted_by(values)
        if why:
            out.append((hint.info_type, f"the name's {word} is not {hint.meaning}: {why}"))
    return out


# Head nouns of groups of people. A name ending with one (owner_group, user_team, assignee_role, reviewer_dept)
# names a group, whatever person word comes before it; a name only opening with one (group_contact_email) still
# names what its head noun says.
GROUP_HEADS = frozenset({"group", "groups", "team", "teams", "role", "roles", "dept", "department", "departments"})


@cache
def _hint_score(column: str, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, float], ...]:
    words, numbered = reading_words(name_words(column))
    if not words or len(words) >= 2 and words[-1] in GROUP_HEADS:
        return ()
    found = _word_hints(words, extra)
    if numbered:  # address1 is the first of several addresses: a hint in it, not the whole name
        found = tuple((t, min(score, 0.9)) for t, score in found)
    # Words spelled close to a hint word (pasaport, pacient, utilizator: cognates.py) stand for it; hints they add
    # weigh less than any exact spelling, so values of another kind still decide.
    from maskline.infotypes.cognates import variant_of

    spelled = tuple(variant_of(w) or w for w in words)
    if spelled == words:
        return found
    have = dict(found)
    for info_type, score in _word_hints(spelled, extra):
        if info_type not in have:
            have[info_type] = min(score, COGNATE_SCORE)
    return tuple(sorted(have.items(), key=lambda kv: (-kv[1], kv[0])))


def reading_words(words: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """A name's words as hints read them, and whether a number was dropped: digits after a word rejoin it when
    together they spell a listed word (``ipv4``, ``md5``, SAP's ``telf1``), and otherwise number it and are dropped
    (Dynamics 365's ``address1_postalcode``, ``emailaddress1``, SAP's ``name1``): the first of several addresses
    is an address, whatever its number.

    >>> reading_words(("ipv", "4", "addr")), reading_words(("address", "1", "line", "1"))
    ((('ipv4', 'addr'), False), (('address', 'line'), True))
    >>> reading_words(("2", "fa", "code")), reading_words(("telf", "1")), reading_words(("c", "1", "f"))
    ((('2', 'fa', 'code'), False), (('telf1',), False), (('c', '1', 'f'), False))
    """
    out: list[str] = []
    numbered = False
    for w in words:
        if w.isdigit() and out and not out[-1].isdigit():
            if out[-1] + w in _glued_words():
                out[-1] += w
                continue
            # Only a word numbers: after a letter or two (C1F, SSn17, pH00) digits are part of a code, and
            # dropping them would run its letters together into a hint (cf, ssn, ph).
            if len(out[-1]) >= 3:
                numbered = True
                continue
        out.append(w)
    return tuple(out), numbered


@cache
def _glued_words() -> frozenset[str]:
    """Hint words that end in digits (``ipv4``, ``addr1``, ``zip5``, ``cvv2``, SAP's ``telf1``).

    Not the negating ``md5`` and ``sha256``: a password's hash is read as a password (``password hash`` is a
    hint), and names never split them from their digits before.
    """
    return frozenset(w for _, hw, hc in _compiled() for w in (*hw, hc) if w[-1:].isdigit())


COGNATE_SCORE = 0.6  # below every exact reading (an abbreviation 0.8, a hint inside a compound 0.75)


def cognate_table() -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """The (info type, hint word) pairs a name word may be a spelling variant of, and the words that are never one.

    Words of hints that only match as whole words or heads (``parol``, ``konto``) open too many other words to
    take variants. Never variants: every hint word itself, every hint written as one word (``cardnumber``), and the words these lists give another meaning
    (negating, thing, measure, key and group words), which mean what they say.

    >>> pairs, known = cognate_table()
    >>> ("PASSPORT", "pasaporte") in pairs, ("PASSWORD", "parol") in pairs, "password" in known, "product" in known
    (True, False, True, True)
    """
    pairs = {(info_type, w) for info_type, hw, _ in _compiled() for w in hw
             if w not in _WORD_ONLY | _HEAD_ONLY | _CONTRACTED_HINTS}
    known = frozenset(w for _, hw, hc in _compiled() for w in (*hw, hc)) | NEGATING_WORDS | THING_WORDS | _NOT_PEOPLE | \
        MEASURE_WORDS | KEY_WORDS | PUBLIC_CODE_WORDS | GROUP_HEADS | _GENERIC_NAME_WORDS | \
        frozenset().union(*_NOT_WITH.values()) | SEASIA_PLAIN_WORDS
    return tuple(sorted(pairs)), known


def _word_hints(words: tuple[str, ...], extra: tuple[tuple[str, tuple[str, ...]], ...]
                ) -> tuple[tuple[str, float], ...]:
    found = _scores_for(words, extra)
    # A number word closing a name no hint matched stands for "number" (hospital_no, chart_nr): hints written with
    # "number" then match it, a little weaker than the written-out name (0.9).
    if not found and len(words) >= 2 and words[-1] in _NUMBER_WORDS and words[-2] not in _NUMBER_WORDS:
        spelled = _scores_for(words[:-1] + ("number",), extra)
        return tuple((info_type, min(score, 0.9)) for info_type, score in spelled)
    if not found and len(words) >= 2 and words[0] in _OPENING_NUMBER_WORDS and words[1] not in _NUMBER_WORDS:
        return _numero_hints(words[1:])
    # A key word opening a name stands after its thing, as Romance names write it (id_paciente: key_first.py).
    if not found:
        from maskline.infotypes.key_first import KEY_FIRST_SCORE, key_last

        turned = key_last(words)
        if turned is not None:
            return tuple((info_type, min(score, KEY_FIRST_SCORE)) for info_type, score in _scores_for(turned, extra))
    # Two openings of a hint's parts (GEBDAT, fec_nac): part_openings.py. Not for a close spelling of a hint word
    # (pasaport, kontonumer): cognates.py reads those, at its own weight.
    # The checks after a reading is found: the English dictionary behind _means_itself costs a third of a second.
    if not found and 1 <= len(words) <= 2 and not set(words) & _shortening_words()[1]:
        opened = _part_openings(words, extra)
        if opened:
            from maskline.infotypes.cognates import variant_of

            if not any(variant_of(w) for w in words) and not (len(words) == 1 and _means_itself(words[0])):
                return opened
    return found


def _part_openings(words: tuple[str, ...], extra: tuple[tuple[str, tuple[str, ...]], ...]
                   ) -> tuple[tuple[str, float], ...]:
    """Hints whose parts the name's words open, in order (``GEBDAT``: Geburtsdatum), at a cut word's score.

    >>> _part_openings(("gebdat",), ()), _part_openings(("fec", "nac"), ()), _part_openings(("order", "date"), ())
    ((('DATE_OF_BIRTH', 0.7),), (('DATE_OF_BIRTH', 0.7),), ())
    """
    from maskline.infotypes.part_openings import PART_OPENINGS_SCORE, opens_parts

    table = [(t, hw) for t, hw, _ in _compiled()] + [(t, _words(fold(h))) for t, hints in extra for h in hints]
    fixed = _shortening_words()[1]
    best = {t: PART_OPENINGS_SCORE for t, hw in table if len(hw) >= 1 and opens_parts(words, hw, fixed)}
    return tuple(sorted(best.items()))


# A number word opening a name stands for "numéro de" in French, Spanish, Italian and Portuguese (num_compte,
# no_cuenta, n_conto, nr_dossier). Only hints written with "numero" itself match through it: "num" alone counts
# things (num_emails), so "numero" never stands in front of any other hint.
_OPENING_NUMBER_WORDS = frozenset({"num", "no", "nr", "nro", "n", "numero"})
_NUMERO_FORMS = (("numero", "de"), ("numero", "da"), ("numero", "do"), ("numero", "di"), ("numero",))


def _numero_hints(rest: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """Scores (at most 0.9) of the hints written "numero ..." that a name opening with a number word spells.

    >>> _numero_hints(("compte",))
    (('BANK_ACCOUNT', 0.9),)
    >>> _numero_hints(("emails",))
    ()
    """
    best: dict[str, float] = {}
    for info_type, hw, _ in _compiled():
        if hw[:1] != ("numero",):
            continue
        if any(contains_words(form + rest, hw) for form in _NUMERO_FORMS) and \
                not set(rest) & (NEGATING_WORDS | _NOT_WITH.get(info_type, frozenset())):
            best[info_type] = 0.9
    return tuple(sorted(best.items(), key=lambda kv: (-kv[1], kv[0])))


def _scores_for(words: tuple[str, ...], extra: tuple[tuple[str, tuple[str, ...]], ...]
                ) -> tuple[tuple[str, float], ...]:
    compact = "".join(words)
    table: list[tuple[str, tuple[str, ...], str]] = list(_compiled())
    for info_type, hints in extra:
        for hint in hints:
            hw = _words(fold(hint))
            table.append((info_type, hw, "".join(hw)))
    # Each reading keeps the words it was read from, so that a hint read inside a longer hint of another type
    # (``card`` in ``id card``, ``addr`` in ``ip addr``) yields to it: see _outranked.
    found: list[tuple[str, float, tuple[tuple[int, int], ...]]] = []
    # Hints read inside a longer word of the name, with the words they were read inside (see below).
    parts: list[tuple[str, tuple[int, ...]]] = []
    for info_type, hw, hc in table:
        if not hw:
            continue
        n = len(hw)
        spans = tuple((i, i + n) for i in range(len(words) - n + 1) if words[i:i + n] == hw)
        if words == hw or compact == hc:
            score, spans = 1.0, ((0, len(words)),)
        elif spans or _CJK.search(hc) and hc in compact:
            score = 0.9
            if _CJK.search(hc) and _cjk_undone(info_type, compact.replace(hc, " ", 1)):
                continue
        elif n > 1 and hc in words:
            # A hint of several words written as one word of the name (address_postalcode, customer_phonenumber)
            # is that hint's words, as much as when they are spaced.
            score, spans = 0.9, tuple((i, i + 1) for i, w in enumerate(words) if w == hc)
        elif len(hc) >= 5 and hc in compact and (hc not in _HEAD_ONLY or compact.endswith(hc)) \
                and hc not in _WORD_ONLY and not inside_other_words(hc, words):
            score, spans = 0.75, ()
        else:
            continue
        rest = set(words) - set(hw)
        keep = _KEEP_WITH.get(info_type, frozenset())
        if score < 1.0 and (rest & NEGATING_WORDS) - keep - _suffix_numbers(words, hw):
            continue
        if rest & _NOT_WITH.get(info_type, frozenset()) or rest & _HINT_NOT_WITH.get((info_type, hw), frozenset()):
            continue
        if info_type == "STREET_ADDRESS" and spans and all(_other_address(words, a) for a, _ in spans):
            continue
        if score == 0.75:
            parts.append((info_type, tuple(i for i, w in enumerate(words) if hc in w and w != hc)))
        else:
            found.append((info_type, score, spans))
    # A hint inside a word that is wholly a hint of another type is part of that one (the address in
    # "emailaddress", the mail in "emailaddress1"): it reads nothing of its own.
    for info_type, inside in parts:
        if not inside or not all(any(t != info_type and a <= i < b for t, _, sp in found for a, b in sp)
                                 for i in inside):
            found.append((info_type, 0.75, ()))
    for info_type, score, rest, spans in _abbreviated(words, table) + _shortened(words, table):
        keep = _KEEP_WITH.get(info_type, frozenset())
        if score < 1.0 and (rest & NEGATING_WORDS) - keep or rest & _NOT_WITH.get(info_type, frozenset()):
            continue
        # A word the name's own hint word may not stand beside undoes its abbreviated reading too (school_urn is no
        # "ur number" abbreviated).
        if any(t == info_type and contains_words(words, hw) and set(words) - set(hw) & banned
               for (t, hw), banned in _HINT_NOT_WITH.items()):
            continue
        found.append((info_type, score, spans))
    best: dict[str, float] = {}
    where: dict[str, set[tuple[int, int]]] = {}
    for info_type, score, spans in found:
        if _outranked(info_type, spans, words, found):
            continue
        where.setdefault(info_type, set()).update(spans)
        if score > best.get(info_type, 0.0):
            best[info_type] = score
    # "name" alone is weak: it yields to longer, more specific hints such as "user name" or "company name".
    if "PERSON_NAME" in best and _generic_name_only(words):
        best["PERSON_NAME"] = min(best["PERSON_NAME"], 0.9)
        if set(words) & _NOT_PEOPLE:
            del best["PERSON_NAME"]
    _rank_by_head(words, best, where)
    return tuple(sorted(best.items(), key=lambda kv: (-kv[1], kv[0])))


def _other_address(words: tuple[str, ...], at: int) -> bool:
    """Whether an address word at ``at`` is the address of something other than a place (:data:`ADDRESS_KINDS`).

    >>> _other_address(("dst", "addr"), 1), _other_address(("wallet", "address"), 1), _other_address(("home", "addr"), 1)
    (True, True, False)
    """
    return 0 < at < len(words) and words[at] in _ADDRESS_WORDS and words[at - 1] in ADDRESS_KINDS


MODIFIER_MARGIN = 0.1  # how far a reading from a modifier falls below the reading of the name's head word
# Heads that are readings of who, not of what: Romance names put the head first and the person after it
# (correo_usuario, email_utente, indirizzo_cliente), so a person word last does not make the words before it a
# modifier.
_ACTOR_TYPES = frozenset({"USERNAME", "PERSON_NAME"})
# Heads of no type that take the readings before them away: coarse places and models. English only (address_city,
# phone_model, birth_country, passport_state), since a Romance name's last word is whose the thing is
# (telefono_hotel is the hotel's phone).
_ATTRIBUTE_HEADS = frozenset({"city", "town", "country", "countries", "state", "province", "county", "region",
                              "nationality", "citizenship", "model"})


def _rank_by_head(words: tuple[str, ...], best: dict[str, float], where: dict[str, set[tuple[int, int]]]) -> None:
    """Let the name's head word, its last (before a number word), say what the column holds.

    English names put the modifier first and the head last: ``address_postalcode`` is a postal code (of an
    address), ``owner_email`` an e-mail (of an owner), ``address_latitude`` a coordinate. A reading whose words all
    stand before the head's reading falls :data:`MODIFIER_MARGIN` below it, so values of its kind can still win;
    not before a person's reading, which Romance names put last (``correo_usuario``). Where the head word is a
    coarse place or a model with no reading of its own (``address_city``, ``phone_model``, ``birth_country``), the
    readings before it go: the column holds cities, models, countries.

    >>> best = {"STREET_ADDRESS": 0.9, "POSTAL_CODE": 0.9}
    >>> _rank_by_head(("address", "postalcode"), best, {"STREET_ADDRESS": {(0, 1)}, "POSTAL_CODE": {(1, 2)}})
    >>> best
    {'STREET_ADDRESS': 0.8, 'POSTAL_CODE': 0.9}
    >>> best = {"STREET_ADDRESS": 0.9}
    >>> _rank_by_head(("address", "city"), best, {"STREET_ADDRESS": {(0, 1)}})
    >>> best
    {}
    """
    last = len(words) - 1
    while last > 0 and words[last] in _NUMBER_WORDS | {"number"}:
        last -= 1
    if last <= 0:
        return
    heads = [t for t in best if any(a <= last < b for a, b in where.get(t, ()))]
    if len(heads) == 1 and heads[0] not in _ACTOR_TYPES:
        head = heads[0]
        start = min(a for a, _ in where[head] if a <= last)
        for t in list(best):
            if t != head and where.get(t) and all(b <= start for _, b in where[t]):
                best[t] = min(best[t], round(best[head] - MODIFIER_MARGIN, 2))
    elif not heads and words[last] in _ATTRIBUTE_HEADS:
        for t in list(best):
            if where.get(t) and all(b <= last for _, b in where[t]):
                del best[t]


def _outranked(info_type: str, spans: tuple[tuple[int, int], ...], words: tuple[str, ...],
               found: list[tuple[str, float, tuple[tuple[int, int], ...]]]) -> bool:
    """Whether every place a hint was read lies inside a longer hint of another type read from the same name.

    The longer hint says what the shorter one's word is there: an ``id card`` is no payment card, an ``ip addr``
    no street address, a ``card security code`` a secret. A longer hint that only adds number words (``cc
    number``, ``pass no``) does not: a number word numbers whatever the other word names, so both readings stand
    and their scores or the values decide.

    >>> found = [("CREDIT_CARD", 0.9, ((1, 2),)), ("NATIONAL_ID", 0.9, ((0, 2),))]
    >>> words = ("id", "card")
    >>> _outranked("CREDIT_CARD", ((1, 2),), words, found), _outranked("NATIONAL_ID", ((0, 2),), words, found)
    (True, False)
    """
    def inside(a: int, b: int) -> bool:
        return any(t != info_type and s <= a and b <= e and e - s > b - a
                   and not set(words[s:a] + words[b:e]) <= _NUMBER_WORDS | {"number"}
                   for t, _, other in found for s, e in other)

    return bool(spans) and all(inside(a, b) for a, b in spans)


ABBREVIATED_SCORE = 0.8  # below a written-out hint (0.9): a skeleton can collide with another word's
# Hints that are acronyms or contractions already (NUBAN, norek for nomor rekening): nobody drops their vowels, so
# their skeletons (nbn, nrk) stand for other things.
_CONTRACTED_HINTS = frozenset({"nuban", "norek"}) | SAP_WORD_ONLY
_VOWELS = frozenset("aeiou")


_NUMBER_WORDS = frozenset({"num", "nbr", "nr", "no"})


def _cjk_undone(info_type: str, rest: str) -> bool:
    """Whether what is left of a CJK name around a hint makes it another column: a count, a type, a flag
    (``メール件数``), or another kind of the hint's thing (``会員カード番号``, ``IP地址``, ``口座名義``).

    >>> _cjk_undone("EMAIL", fold("  件数")), _cjk_undone("CREDIT_CARD", fold("会員 ")), _cjk_undone("PHONE", "顧客 ")
    (True, True, False)
    """
    negating, not_with = _cjk_undoing()
    return any(w in rest for w in negating) or any(w in rest for w in not_with.get(info_type, ()))


@cache
def _cjk_undoing() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    # Folded like the names they are looked for in (katakana lose their voicing marks: ウェブ -> ウェフ).
    return (tuple(fold(w) for w in sorted(CJK_NEGATING)),
            {t: tuple(fold(w) for w in sorted(ws)) for t, ws in CJK_NOT_WITH.items()})


def _suffix_numbers(words: tuple[str, ...], hint: tuple[str, ...]) -> frozenset[str]:
    """Number words after the hint are its number (``cc_num``, ``acct_num``), not a count (``num_emails``).

    >>> sorted(_suffix_numbers(("cc", "num"), ("cc",))), sorted(_suffix_numbers(("num", "emails"), ("emails",)))
    (['num'], [])
    """
    n = len(hint)
    for i in range(len(words) - n + 1):
        if words[i:i + n] == hint:
            return frozenset(w for w in words[i + n:] if w in _NUMBER_WORDS)
    return frozenset()


def skeleton(word: str) -> str:
    """A word as data people abbreviate it: its first letter, then its consonants, doubles collapsed.

    >>> skeleton("postal"), skeleton("email"), skeleton("passport"), skeleton("pstl")
    ('pstl', 'eml', 'psprt', 'pstl')
    """
    out = word[:1]
    for c in word[1:]:
        if c not in _VOWELS and c != out[-1]:
            out += c
    return out


def _abbreviated(words: tuple[str, ...], table: list[tuple[str, tuple[str, ...], str]]
                 ) -> list[tuple[str, float, set[str], tuple[tuple[int, int], ...]]]:
    """Hints matched through vowel-dropped abbreviations (``pstl_cd``, ``eml``, ``brth_dt``, ``usr_nm``).

    Only a name with an abbreviated word (a Latin word with no vowel after its first letter) takes part; a
    one-word hint needs three letters of skeleton (``ml`` is not ``mail``), and every skeleton keeps half its
    word's letters (``clr`` is not ``cellular``), and one abbreviated word has three letters or stands beside a
    written-out word of four (``post_cd`` is ``post code``; ``tx_id`` is not ``tax id``).
    """
    abbreviated = {w for w in words if w.isascii() and w.isalpha() and len(w) >= 2 and w == skeleton(w)
                   and not set(w[1:]) & _VOWELS and w not in NEGATING_WORDS}
    if not abbreviated:
        return []
    sk = tuple(skeleton(w) if w.isascii() else w for w in words)
    out: list[tuple[str, float, set[str], tuple[tuple[int, int], ...]]] = []
    for info_type, hw, _ in table:
        if not hw or not all(h.isascii() and h.isalpha() for h in hw) or set(hw) & _CONTRACTED_HINTS:
            continue
        shw = tuple(skeleton(h) for h in hw)
        # A skeleton keeps at least half its word's letters: "eml" is "email", "clr" is not "cellular".
        if len(shw) == 1 and len(shw[0]) < 3 or any(2 * len(k) < len(h) for k, h in zip(shw, hw, strict=True)):
            continue
        n = len(shw)
        for i in range(len(sk) - n + 1):
            part = words[i:i + n]
            # One abbreviated word of three letters, or a written-out word of four beside it ("post cd").
            if sk[i:i + n] == shw and abbreviated & set(part) and (
                    any(len(w) >= 3 for w in abbreviated & set(part))
                    or any(w == h and len(w) >= 4 for w, h in zip(part, hw, strict=True))):
                out.append((info_type, ABBREVIATED_SCORE, set(words) - set(words[i:i + n]), ((i, i + n),)))
                break
    return out


def _shortened(words: tuple[str, ...], table: list[tuple[str, tuple[str, ...], str]]
               ) -> list[tuple[str, float, set[str], tuple[tuple[int, int], ...]]]:
    """Hints matched through words cut short otherwise than by dropping vowels (:mod:`.abbreviations`).

    >>> [(t, s) for t, s, _, _ in _shortened(("natl", "id"), list(_compiled()))]
    [('NATIONAL_ID', 0.7)]
    >>> _shortened(("natl", "avg"), list(_compiled())), _shortened(("part",), list(_compiled()))
    ([], [])
    """
    from maskline.infotypes.abbreviations import SHORTENED_SCORE, shortened_spans

    hint_words, fixed = _shortening_words()
    # Only a name with a word that could be cut short (no hint word of one word, no word of fixed meaning) is read.
    if not any(w.isascii() and w.isalpha() and w not in fixed for w in words):
        return []
    out = []
    for info_type, hw, _ in table:
        # Hint words that match only as whole words or heads (conto, konto) open too many other words to be cut.
        if not hw or set(hw) & (_CONTRACTED_HINTS | _WORD_ONLY | _HEAD_ONLY):
            continue
        # The spelling test first: it is cheap, and the English dictionary behind _english_hint_word and
        # _means_itself (a third of a second to load) is then read only for names with a word cut short.
        spans = shortened_spans(words, hw, hint_words, _means_itself, _compound)
        if spans and all(_english_hint_word(h) for h in hw if h not in words):
            rest = set(words) - {w for a, b in spans for w in words[a:b]}
            out.append((info_type, SHORTENED_SCORE, rest, tuple(spans)))
    return out


@cache
def _shortening_words() -> tuple[frozenset[str], frozenset[str]]:
    """Every hint's words, and the words that mean what they say: negating, measure, key, thing and group words."""
    hint_words = frozenset(w for _, hw, _ in _compiled() for w in hw)
    fixed = NEGATING_WORDS | THING_WORDS | _NOT_PEOPLE | MEASURE_WORDS | KEY_WORDS | PUBLIC_CODE_WORDS | \
        GROUP_HEADS | frozenset().union(*_NOT_WITH.values(), *_HINT_NOT_WITH.values())
    return hint_words, fixed


@cache
def _means_itself(word: str) -> bool:
    """Whether a name word means what it says, so it is cut short from no hint word (``part``, ``count``, ``type``).

    >>> _means_itself("part"), _means_itself("type"), _means_itself("natl"), _means_itself("acc")
    (True, True, False, False)
    """
    from maskline.infotypes.abbreviations import DICTIONARY_FROM
    from maskline.infotypes.cognates import english
    from maskline.infotypes.english_words import dictionary_word

    if word in _shortening_words()[1]:
        return True
    if len(word) < DICTIONARY_FROM:
        return False
    # The dictionary leaves out words that are also people's names (bird, lane, moon, west): those mean what they
    # say in a column name too.
    from maskline.infotypes.known_names import known_name

    return english(word, dictionary_word) or known_name(word)


@cache
def _english_hint_word(word: str) -> bool:
    """Whether a hint word is English: a dictionary word or two run together (``username``). Only English words
    are read cut short: the abbreviations are English ones, and contractions of long foreign words (breitengrad,
    utilizador) would take any short word.

    >>> _english_hint_word("diagnosis"), _english_hint_word("username"), _english_hint_word("breitengrad")
    (True, True, False)
    """
    from maskline.infotypes.english_words import dictionary_word_form

    return dictionary_word_form(word) or _compound(word) is not None


def inside_other_words(hint: str, words: tuple[str, ...]) -> bool:
    """Whether every word of a name that holds ``hint`` inside it is an English word of another meaning, or such a
    word run together with another (``ownership``, ``homeownership``, ``factor``): an ownership is no owner, a factor
    no actor. A hint read inside a longer word (score 0.75) is read only when that word is the hint with more
    around it (``homeowner``, ``emailaddress``, ``passwords``) or a word the dictionary does not know (German and
    Dutch compounds); a hint spread over two of the name's words is not judged here.

    >>> inside_other_words("owner", ("homeownership",)), inside_other_words("actor", ("form", "factor"))
    (True, True)
    >>> inside_other_words("owner", ("homeowner",)), inside_other_words("password", ("passwords",))
    (False, False)
    >>> inside_other_words("owner", ("home", "ownership")), inside_other_words("owner", ("ownership", "owner"))
    (True, True)
    >>> inside_other_words("besitzer", ("kontobesitzer",))
    False
    """
    holding = [w for w in words if hint in w and w != hint]
    return bool(holding) and all(_another_word(hint, w) for w in holding)


def _another_word(hint: str, word: str) -> bool:
    """Whether ``word``, which holds ``hint``, is a dictionary word of its own or two run together, the part that
    holds the hint being one (a regular inflection of the hint, ``owners``, is the hint)."""
    from maskline.infotypes.english_words import dictionary_word, dictionary_word_form

    def of_its_own(part: str) -> bool:
        if part == hint or (part.startswith(hint) and dictionary_word_form(part) and not dictionary_word(part)):
            return False  # the hint itself, or a plural or past tense of it
        # A word ending with the hint after a word of its own is the hint's kind (a homeowner is an owner); after
        # letters that are no word, another word (a factor is no actor, a reactor none either).
        before = part[: len(part) - len(hint)] if part.endswith(hint) else ""
        if len(before) >= 3 and dictionary_word_form(before):
            return False
        return dictionary_word(part)

    if of_its_own(word):
        return True
    parts = _compound(word)
    return parts is not None and any(hint in p and of_its_own(p) for p in parts)


@cache
def _compound(word: str) -> tuple[str, str] | None:
    """A hint word's two English words, when it is two run together (``username``, ``passport``).

    >>> _compound("username"), _compound("passport"), _compound("national"), _compound("pasport")
    (('user', 'name'), ('pass', 'port'), None, None)
    """
    from maskline.infotypes.english_words import dictionary_word_form

    # Words of four letters or more: three-letter ones (pas, ado) split foreign words (pasport) into English.
    for i in range(4, len(word) - 3):
        if dictionary_word_form(word[:i]) and dictionary_word_form(word[i:]):
            return word[:i], word[i:]
    return None


_NOT_PEOPLE = frozenset({
    "company", "product", "item", "file", "filename", "host", "hostname", "city", "country", "street",
    "brand", "store", "shop", "firm", "firma", "entreprise", "empresa", "azienda", "bedrijf", "organisation",
    "organization", "org", "team", "project", "table", "column", "schema", "database", "db", "event", "job",
    "task", "category", "domain", "server", "bucket", "app", "application", "plan", "tag", "label", "field",
    "display", "user", "username", "account", "bank", "merchant", "vendor", "supplier", "lieferant",
    "fournisseur", "proveedor", "fornitore", "leverancier", "fornecedor", "produkt", "produit", "producto",
    "prodotto", "stadt", "ville", "ciudad", "citta", "stad", "cidade", "land", "pays", "pais", "paese",
    "region", "state", "department", "abteilung", "campaign", "model", "device", "browser", "os", "role",
    "group", "type", "status", "bezeichnung", "libelle", "path", "dataset", "metric", "feature",
    # Things with names that are often people's names: storms, venues, brands, products, pets, ships.
    "storm", "hurricane", "typhoon", "cyclone", "restaurant", "venue", "hotel", "ship", "vessel", "pet", "dog",
    "cat", "horse", "song", "album", "movie", "film", "book", "game", "title", "restaurante",
    # Places of care and work are named like people (St Mary's, Mayo): OMOP's care_site_name, hospital_name.
    "site", "facility", "hospital", "clinic",
    "ristorante", "marke", "marque", "marca", "merk", "商品名", "会社名", "店名",
}) | _folded_words(SCRIPT_NOT_PEOPLE)
_GENERIC_NAME_WORDS = frozenset({"name", "nom", "nombre", "nome", "naam"}) | _folded_words(SCRIPT_GENERIC_NAME_WORDS)


def _generic_name_only(words: tuple[str, ...]) -> bool:
    return bool(_GENERIC_NAME_WORDS & set(words))


# Words saying a column names a thing (a storm, a restaurant, a product), so values that read as first names
# ("Katrina", "Luigi's") are not people. A negative hint: it removes PERSON_NAME evidence from the values too.
THING_WORDS: frozenset[str] = frozenset({
    "storm", "hurricane", "typhoon", "cyclone", "tornado", "huracan", "uragano", "furacao", "tempete", "sturm",
    "orkan", "restaurant", "restaurante", "ristorante", "venue", "hotel", "bar", "cafe", "ship", "vessel", "boat",
    "pet", "animal", "dog", "cat", "horse", "song", "album", "movie", "film", "book", "game", "brand", "product", "produkt",
    # A music or podcast catalogue's recordings (Chinook's and every streaming schema's `tracks.name`: Whole Lotta Rosie,
    # Angie), titled after people as often as songs are.
    "track", "playlist", "episode", "podcast",
    "produit", "producto", "prodotto", "produto", "model", "item", "dish", "menu", "store", "shop", "sku",
    "manufacturer", "mfr", "marke", "marque", "marca", "merk", "team", "planet", "street", "city", "town",
    # Kinds of things whose names are capitalised words, some of them given names (Diana, Juno, Rose): drugs,
    # genres, breeds, colours, gods. Not clubs or schools: "club_member", "college_advisor" are people.
    "drug", "medication", "genre", "breed", "species", "colour", "color", "deity", "god", "goddess",
    # Countries and regions: a column of countries is a short category whose values are given names half the time
    # (Chad, Georgia, Jordan, Israel, Kenya), which left `country` uncertain and masked by the fail-closed default.
    "country", "countries", "nationality", "citizenship", "region", "province", "county",
    # Organisations and their units, named after people and places as often as not (Jubilee Hills Branch, Morgan
    # Stanley, Wells Fargo, Virgin): branch_name, employer_name, airline_name. Their people are other heads
    # (branch_manager, employer_contact).
    "branch", "office", "bank", "company", "firm", "agency", "insurer", "employer", "airline", "carrier",
    # ... an airline in the hint languages (aerolinea.nombre: Iberia, Vueling, Air Europa), and a bank's products,
    # named for what they fund (loan_name: Home Loan, Auto Loan); a loan's people are other heads (loan_officer).
    "aerolinea", "aerolinha", "fluggesellschaft", "loan", "prestamo", "emprestimo", "prestito",
    # Rooms and buildings of a hospital or school, named after their use, trees or flowers (Radiologie, Scanner,
    # CEMARA, MELATI), one capitalised word each: nom_salle, room_name, nama_ruang, nama_gedung. A room's people
    # are other heads (room_guest, salle_responsable).
    "room", "rooms", "salle", "salles", "sala", "salas", "building", "buildings", "batiment", "batiments", "ruang",
    "ruangan", "gedung",
    # Units of an organisation and the reference lists of a hospital, school or shop, named after what they do or
    # hold (Cardiology, Radiologie, Farmacia, Pediatria, Electronics, MATEMATICA, Grippe), one or two capitalised
    # words each: dept_name, nomService, nomeDaDisciplina, or `name` in a table `departments`, `categories`. No
    # structure tells ten department names from ten surnames; only the name does. A unit's people are other heads
    # (department_head, service_responsable, course_teacher), and "subject" and "provider" are left out (research
    # subjects and care providers are people).
    "department", "dept", "departement", "departamento", "dipartimento", "abteilung", "division", "service",
    "servicio", "servizio", "servico", "speciality", "specialty", "specialite", "especialidad", "especialidade",
    "specialita", "specializzazione", "fachrichtung", "fachbereich", "ward", "reparto", "unit", "unite", "unidad",
    "unidade", "course", "cours", "curso", "corso", "kurs", "programme", "program", "programa", "programma",
    "studiengang", "discipline", "disciplina", "category", "categorie", "categoria", "kategorie", "pathology",
    "pathologie", "patologia", "disease", "maladie", "enfermedad", "malattia", "krankheit", "qualification",
    "qualifikation",
    "台風", "商品", "店", "料理", "品牌",
}) | _folded_words(SCRIPT_THING_WORDS)


# Words saying a column holds public codes of things (flights, airports, articles, releases), whose shapes other
# countries' postcodes or addresses can share (Brunei's BA1234 is British Airways' flight BA1234): values read
# as a postal code or an address under such a name are those codes. A negative hint, like THING_WORDS.
PUBLIC_CODE_WORDS: frozenset[str] = frozenset({
    "flight", "flights", "flt", "flightno", "flightnumber", "airline", "carrier", "iata", "icao", "sku", "isbn",
    "ean", "gtin", "upc", "version", "ticker", "cusip", "isin", "sedol", "figi",
    # A flight in the hint languages (codigo_voo, numero_vuelo, num_vol, Flugnummer's flug, vluchtnummer's vlucht):
    # a flight's number is one to four digits after its airline, and a schema that keeps the digits alone as a
    # number (74488, 19525) has five-digit codes of one width, the shape of a postal code (extcsv11's codigo_voo).
    "vuelo", "vuelos", "voo", "voos", "volo", "voli", "vol", "vols", "flug", "fluege", "vlucht", "vluchten",
})


def names_public_code(column: str) -> bool:
    """Whether the column name says it holds public codes of things: flights, airports, articles, releases.

    >>> names_public_code("flightNo"), names_public_code("flt_nr"), names_public_code("iata_code")
    (True, True, True)
    >>> names_public_code("postcode"), names_public_code("c3")
    (False, False)
    """
    return bool(set(name_words(column)) & PUBLIC_CODE_WORDS)


# Words that only say a column holds names or labels; dropped before finding a column name's head noun.
NAME_ONLY_WORDS = frozenset({"name", "names", "nm", "title", "label", "nom", "nombre", "nome", "naam", "bezeichnung"})


def names_a_thing(column: str) -> bool:
    """Whether the column name says it holds names of things, not people (``storm_name``, ``hurricane``).

    >>> names_a_thing("storm_name"), names_a_thing("restaurantName"), names_a_thing("customer_name")
    (True, True, False)
    >>> names_a_thing("billing_country"), names_a_thing("store_manager"), names_a_thing("ship_to_name")
    (True, False, False)
    """
    # The thing word must be the name's head noun: the last word, once words that only say "name" are dropped
    # (storm_name, billing_country, nom_du_restaurant). A thing word before another head names a person of the
    # thing (store_manager, hotel_guest, team_member_name, country_manager) or is no noun at all (ship_to_name):
    # their person names, inverted ("SMITH, John") or not, must not be refuted as things.
    words = list(name_words(column))
    while len(words) > 1 and words[-1] in NAME_ONLY_WORDS:
        words.pop()
    if words and words[-1] in THING_WORDS:
        return True
    compact = "".join(name_words(column))
    return any(_CJK.search(w) and w in compact for w in THING_WORDS)
