"""Column-name hints per info type, in English, German, French, Spanish, Italian, Dutch and Portuguese.

Hints are written folded (lower case, no accents, words separated by spaces).
A hint matches a column name when its words appear in order among the name's
words (``customer_e_mail`` -> ``customer e mail``), or, for hints of five or
more letters, inside the name with separators removed, which catches German and
Dutch compounds (``kundenemail``, ``telefoonnummer``).

>>> hint_score("correo_electronico")[0]
('EMAIL', 1.0)
>>> hint_score("Geburtsdatum")[0]
('DATE_OF_BIRTH', 1.0)
>>> hint_score("attr3")
[]
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

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
    ),
    "PERSON_NAME": (
        "name", "full name", "first name", "last name", "firstname", "lastname", "surname", "given name",
        "family name", "middle name", "forename", "customer name", "contact name", "person", "vorname",
        "nachname", "familienname", "prenom", "nom", "nom de famille", "nombre", "apellido", "apellidos",
        "nome", "cognome", "naam", "voornaam", "achternaam", "sobrenome", "nome completo", "author",
        "employee name", "patient name", "holder", "cardholder", "account holder", "contact person",
    ),
    "STREET_ADDRESS": (
        "address", "street", "street address", "address line", "addr", "adresse", "strasse", "anschrift",
        "hausnummer", "rue", "adresse postale", "direccion", "calle", "domicilio", "indirizzo", "via",
        "adres", "straat", "straatnaam", "endereco", "morada", "rua", "residence", "home address",
        "billing address", "shipping address",
    ),
    "POSTAL_CODE": (
        "zip", "zipcode", "zip code", "postal code", "postcode", "post code", "postleitzahl", "plz",
        "code postal", "cp", "codigo postal", "cap", "codice postale", "postcode nl", "cep",
    ),
    "DATE_OF_BIRTH": (
        "dob", "date of birth", "birth date", "birthdate", "birthday", "born", "born on", "geburtsdatum",
        "geburtstag", "geboren", "date de naissance", "naissance", "fecha de nacimiento", "nacimiento",
        "data di nascita", "nascita", "geboortedatum", "geboorte", "data de nascimento", "nascimento",
        "data nascimento", "birth",
    ),
    "US_SSN": ("ssn", "social security", "social security number", "ss number", "soc sec", "ssn number"),
    "NATIONAL_ID": (
        "national id", "national identity", "national number", "identity number", "id number", "id card",
        "citizen id", "citizen number", "personal id", "personal id number",
        "nin", "nino", "national insurance", "personal number", "personnummer", "cpr", "bsn",
        "burgerservicenummer", "personalausweis", "ausweisnummer", "steuer id", "steuerid", "idnr",
        "steueridentifikationsnummer", "sozialversicherungsnummer", "svnr", "insee", "nir",
        "numero de securite sociale", "secu", "carte d identite", "dni", "nie", "nif", "documento",
        "documento de identidad", "codice fiscale", "codicefiscale", "cf", "carta d identita", "cpf",
        "cartao de cidadao", "cc number", "numero de contribuinte", "tax id", "pesel", "aadhaar",
    ),
    "PASSPORT": (
        "passport", "passport number", "passport no", "reisepass", "reisepassnummer", "passnummer",
        "passeport", "numero de passeport", "pasaporte", "passaporto", "paspoort", "paspoortnummer",
        "passaporte", "travel document",
    ),
    "CREDIT_CARD": (
        "credit card", "card number", "cc", "ccn", "pan", "card", "creditcard", "kreditkarte",
        "kartennummer", "carte bancaire", "carte de credit", "numero de carte", "tarjeta",
        "tarjeta de credito", "carta di credito", "numero carta", "creditcardnummer", "cartao",
        "cartao de credito", "payment card", "debit card",
    ),
    "IBAN": ("iban", "iban number", "international bank account"),
    "BANK_ACCOUNT": (
        "bank account", "account number", "acct", "acct no", "account no", "bban", "routing number",
        "aba", "sort code", "kontonummer", "konto", "bankverbindung", "numero de compte", "compte bancaire",
        "rib", "cuenta", "numero de cuenta", "cuenta bancaria", "conto", "conto corrente", "numero conto",
        "rekeningnummer", "rekening", "bankrekening", "conta", "numero da conta", "conta bancaria",
    ),
    "IP_ADDRESS": (
        "ip", "ip address", "ipaddress", "ipv4", "ipv6", "client ip", "remote addr", "source ip",
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
        "breedtegraad", "lengtegraad", "coordinaten",
    ),
    "USERNAME": (
        "username", "user name", "login", "user login", "handle", "screen name", "nickname", "user id",
        "userid", "benutzername", "benutzer", "anmeldename", "nom d utilisateur", "identifiant", "pseudo",
        "usuario", "nombre de usuario", "nome utente", "utente", "gebruikersnaam", "gebruiker",
        "nome de usuario", "utilizador", "account name",
    ),
    "PASSWORD": (
        "password", "passwd", "pwd", "pass", "password hash", "passwordhash", "pw hash", "passcode", "pin",
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
    ),
    "ICD10_CODE": ("icd", "icd10", "icd 10", "icd code", "diagnosis", "diagnosis code", "dx", "dx code",
                   "diagnose", "diagnostic", "diagnostico", "diagnosi", "diagnosecode", "codigo cie", "cie10"),
    "FREE_TEXT_WITH_PII": (),
}

# Words that turn a matching hint into a different kind of column ("email_count", "phone_verified").
NEGATING_WORDS: frozenset[str] = frozenset({
    "count", "cnt", "num", "number of", "verified", "valid", "flag", "is", "has", "type", "status", "domain",
    "opt", "optin", "opt in", "consent", "sent", "at", "date", "ts", "length", "len", "hash", "hashed",
    "md5", "sha", "sha1", "sha256", "checksum", "enabled", "bounced", "format", "country", "prefix", "code",
    "template", "provider", "changed", "updated", "created", "expires", "expiry", "policy", "strength",
})
# Words whose hint is also a data type and must not be negated by them ("birth date", "zip code").
_KEEP_WITH: dict[str, frozenset[str]] = {
    "DATE_OF_BIRTH": frozenset({"date"}),
    "POSTAL_CODE": frozenset({"code"}),
    "ICD10_CODE": frozenset({"code"}),
    "PHONE": frozenset({"number", "code"}),
}

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


def fold(text: str) -> str:
    """Lower-case and strip accents: ``"Teléfono"`` -> ``"telefono"``.

    >>> fold("Straße Ñandú")
    'strasse nandu'
    """
    text = text.replace("ß", "ss").replace("ẞ", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(column: str) -> tuple[str, ...]:
    """Split a column name into folded words (snake, kebab, camel case and digits).

    >>> name_words("customerEMailAddress_2")
    ('customer', 'e', 'mail', 'address', '2')
    """
    spaced = _CAMEL.sub(" ", column)
    folded = _DIGITS.sub(" ", fold(spaced))
    return tuple(w for w in _NON_ALNUM.split(folded) if w)


@cache
def _compiled() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    out = []
    for info_type, hints in NAME_HINTS.items():
        for hint in hints:
            words = tuple(hint.split())
            out.append((info_type, words, "".join(words)))
    return tuple(out)


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
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
    >>> hint_score("email_verified")
    []
    """
    frozen = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))
    return list(_hint_score(column, frozen))


@cache
def _hint_score(column: str, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, float], ...]:
    words = name_words(column)
    if not words:
        return ()
    compact = "".join(words)
    table: list[tuple[str, tuple[str, ...], str]] = list(_compiled())
    for info_type, hints in extra:
        for hint in hints:
            hw = tuple(w for w in _NON_ALNUM.split(fold(hint)) if w)
            table.append((info_type, hw, "".join(hw)))
    best: dict[str, float] = {}
    for info_type, hw, hc in table:
        if not hw:
            continue
        if words == hw or compact == hc:
            score = 1.0
        elif _contains(words, hw):
            score = 0.9
        elif len(hc) >= 5 and hc in compact:
            score = 0.75
        else:
            continue
        rest = set(words) - set(hw)
        keep = _KEEP_WITH.get(info_type, frozenset())
        if score < 1.0 and (rest & NEGATING_WORDS) - keep:
            continue
        if score > best.get(info_type, 0.0):
            best[info_type] = score
    # "name" alone is weak: it yields to longer, more specific hints such as "user name" or "company name".
    if "PERSON_NAME" in best and _generic_name_only(words):
        best["PERSON_NAME"] = min(best["PERSON_NAME"], 0.9)
        if set(words) & _NOT_PEOPLE:
            del best["PERSON_NAME"]
    return tuple(sorted(best.items(), key=lambda kv: (-kv[1], kv[0])))


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
})


def _generic_name_only(words: tuple[str, ...]) -> bool:
    return bool({"name", "nom", "nombre", "nome", "naam"} & set(words))
