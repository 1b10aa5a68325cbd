"""Words that announce PII in prose, per language, declared as data.

Prose detection (:mod:`maskline.text.prose`) reads these: the cues before a
birth date, a medical record number or an ICD-10 code, month names, the words
that make a street, and the titles before a name. Languages: English, German,
French, Spanish, Italian, Dutch, Portuguese.

They are curated here because no package on PyPI holds them for prose in these
languages (usaddress and pyap parse US, Canadian and British addresses only).

>>> "geburtsdatum" in BIRTH_CUES, "mars" in MONTHS
(True, True)
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pt")

# Words right before a date of birth (lower case; matched on word boundaries, at most ~40 characters before it).
BIRTH_CUES: tuple[str, ...] = (
    # en
    "dob", "d.o.b", "date of birth", "birth date", "birthdate", "birthday", "born", "b.",
    # de
    "geb.", "geboren", "geburtsdatum", "geburtstag", "geb",
    # fr
    "né", "née", "ne le", "nee le", "date de naissance", "naissance",
    # es
    "nacido", "nacida", "fecha de nacimiento", "nacimiento", "f. nac", "fnac",
    # it
    "nato", "nata", "data di nascita", "nascita",
    # nl
    "geboren op", "geboortedatum", "geb. datum",
    # pt
    "nascido", "nascida", "data de nascimento", "nascimento", "dn",
)

MONTHS: tuple[str, ...] = (
    # en
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # de
    "januar", "jänner", "februar", "märz", "maerz", "mai", "juni", "juli", "oktober", "dezember", "okt", "dez",
    # fr
    "janvier", "février", "fevrier", "mars", "avril", "juin", "juillet", "août", "aout", "septembre", "octobre",
    "novembre", "décembre", "decembre", "janv", "févr", "fevr", "juil",
    # es
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
    "noviembre", "diciembre", "ene", "dic", "ago",
    # it
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "gen",
    "giu", "lug", "ott",
    # nl
    "januari", "februari", "maart", "mei", "augustus", "oktober", "mrt",
    # pt
    "janeiro", "fevereiro", "março", "marco", "maio", "junho", "julho", "setembro", "outubro", "novembro",
    "dezembro", "fev", "out", "dez",
)

# Words right before a medical record number (lower case).
MRN_CUES: tuple[str, ...] = (
    "mrn", "mr#", "mr no", "mr nr", "medical record", "medical record number", "med rec", "record no", "record number",
    "patient id", "patient no", "patient number", "patient nr", "hospital number", "hospital no", "chart number",
    "chart no", "case number", "case no",
    "patientennummer", "patienten-id", "patientenid", "patient-id", "fallnummer", "fall-nr", "akte", "aktennummer",
    "n° de dossier", "numéro de dossier", "numero de dossier", "dossier médical", "dossier patient", "n° dossier", "ipp",
    "historia clínica", "historia clinica", "nhc", "número de historia", "numero de historia", "expediente",
    "cartella clinica", "n. cartella", "numero cartella", "codice paziente",
    "patiëntnummer", "patientnummer", "patiëntnr", "dossiernummer",
    "prontuário", "prontuario", "número do prontuário", "numero do prontuario", "processo clínico", "nº de processo",
)

# Words near an ICD-10 code (lower case).
ICD_CUES: tuple[str, ...] = (
    "icd", "icd-10", "icd10", "icd-10-cm", "icd-10-gm", "cim-10", "cim10", "cie-10", "cie10", "cid-10", "cid10",
    "diagnos", "dx", "diagnose", "diagnostic", "diagnóstico", "diagnostico", "diagnosi", "diagnosticado",
    "diagnosticada", "diagnosed", "condition code", "code", "codes", "código", "codigo", "codice", "kode",
)

# Words ending an English street name (USPS Publication 28, common suffixes, full and abbreviated).
EN_STREET_TYPES: tuple[str, ...] = (
    "Street", "St", "Avenue", "Ave", "Av", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court",
    "Ct", "Place", "Pl", "Way", "Terrace", "Ter", "Parkway", "Pkwy", "Circle", "Cir", "Highway", "Hwy", "Square",
    "Sq", "Trail", "Trl", "Crescent", "Close", "Alley", "Row", "Path", "Walk", "Plaza", "Loop", "Pike", "Turnpike",
    "Expressway", "Freeway", "Crossing", "Xing", "Heights", "Hts", "Gardens", "Gdns", "Grove", "Hill", "Hills",
    "Mews", "Park", "Ridge", "Run", "Point", "Pt", "Port", "Mission", "Village", "Vlg", "Ville", "Valley", "Vly",
    "View", "Vista", "Via", "Viaduct", "Station", "Summit", "Springs", "Spring", "Shore", "Shores", "Shoal",
    "Shoals", "Stream", "Stravenue", "Junction", "Jct", "Harbor", "Hbr", "Haven", "Hollow", "Inlet", "Island",
    "Isle", "Key", "Knoll", "Knolls", "Lake", "Lakes", "Landing", "Lodge", "Manor", "Manors", "Meadow", "Meadows",
    "Mill", "Mills", "Mount", "Mountain", "Orchard", "Oval", "Pass", "Pine", "Pines", "Plain", "Plains", "Prairie",
    "Ranch", "Rapids", "Rest", "River", "Route", "Rte", "Skyway", "Spur", "Track", "Trace", "Tunnel", "Union",
    "Bypass", "Camp", "Canyon", "Cape", "Causeway", "Center", "Centre", "Cliff", "Cliffs", "Club", "Common",
    "Corner", "Corners", "Course", "Cove", "Creek", "Crest", "Dale", "Dam", "Divide", "Estate", "Estates",
    "Extension", "Falls", "Ferry", "Field", "Fields", "Flat", "Flats", "Ford", "Forest", "Forge", "Fork", "Forks",
    "Fort", "Fwy", "Garden", "Gateway", "Glen", "Green", "Greens", "Neck", "Overpass", "Radial", "Ramp", "Trafficway",
    "Underpass", "Well", "Wells", "Wall", "Ways", "Views", "Villages", "Unions", "Streets", "Squares", "Roads",
    "Ports", "Parks", "Lights", "Light", "Lock", "Locks", "Loaf", "Motorway", "Junctions", "Islands", "Groves",
)
EN_UNIT_WORDS: tuple[str, ...] = ("Apt", "Apartment", "Suite", "Ste", "Unit", "Floor", "Fl", "Room", "Rm", "Bldg")

# German and Dutch street names end in one of these (Hauptstraße, Kerkstraat), or are followed by one as a word.
DE_STREET_SUFFIXES: tuple[str, ...] = (
    "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig",
    "pfad", "markt", "graben", "stieg", "kamp", "twiete", "promenade", "zeile", "gürtel", "wall",
)
NL_STREET_SUFFIXES: tuple[str, ...] = (
    "straat", "weg", "laan", "plein", "gracht", "kade", "singel", "dijk", "hof", "pad", "steeg", "dreef", "markt",
    "plantsoen", "boulevard", "baan", "wal", "ring", "hage", "veld", "burgwal", "haven", "park",
)
# French, Spanish, Italian and Portuguese streets start with their type (rue de la Paix, Calle Mayor, Via Roma).
# French addresses put the house number first (12, rue de la Paix).
FR_STREET_TYPES: tuple[str, ...] = (
    "rue", "avenue", "av.", "boulevard", "bd", "place", "chemin", "allée", "impasse", "quai", "route", "cours",
    "passage", "square", "voie", "faubourg", "sentier", "esplanade", "promenade", "villa", "cité", "hameau",
)
ROMANCE_STREET_TYPES: tuple[str, ...] = FR_STREET_TYPES + (
    # es
    "calle", "c/", "avenida", "avda.", "avda", "paseo", "plaza", "pza.", "camino", "carrera", "ronda", "travesía",
    "travesia", "callejón", "glorieta", "rambla", "vía", "urbanización", "cañada", "acceso", "alameda", "bajada",
    "cuesta", "pasaje", "carretera", "senda", "vereda", "partida", "c.",
    # it
    "via", "viale", "v.le", "piazza", "p.za", "piazzale", "corso", "c.so", "largo", "vicolo", "strada", "contrada",
    "borgo", "lungomare", "lungotevere", "vico", "salita", "traversa", "rotonda", "incrocio", "canale", "stretto",
    "piazzetta",
    # pt
    "rua", "r.", "travessa", "tv.", "praça", "praca", "estrada", "rodovia", "beco", "calçada", "vila", "viela",
    "ladeira", "quadra", "setor", "lagoa", "passarela", "parque", "conjunto", "núcleo", "residencial", "rotunda",
    "aeroporto", "chácara", "colônia", "condomínio", "distrito", "esplanada", "favela", "fazenda", "feira", "jardim",
    "lago", "loteamento", "morro", "pátio", "recanto", "sítio", "trecho", "trevo", "vale", "via", "área", "campo",
)
# Lower-case words inside a street or person name (rue de la Paix, Jan van Galen).
NAME_PARTICLES: tuple[str, ...] = (
    "de", "du", "des", "la", "le", "les", "l'", "d'", "l’", "d’", "del", "della", "dei", "delle", "degli", "di",
    "da", "do", "dos", "das", "e", "y", "van", "von", "der", "den", "ter", "ten", "te", "het", "zu", "am", "an",
    "im", "auf", "el", "los", "las", "sur", "sous", "et", "aux", "au", "à",
)

# Titles before a name (compared without a trailing dot, case-sensitive as written).
NAME_TITLES: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Herr", "Frau", "Hr", "Fr", "M", "Mme", "Mlle",
    "Monsieur", "Madame", "Mademoiselle", "Sr", "Sra", "Srta", "Señor", "Señora", "Don", "Doña", "Sig", "Sig.ra",
    "Signor", "Signora", "Signore", "Dott", "Dott.ssa", "Dhr", "Mevr", "Mevrouw", "Meneer", "Dona", "Senhor",
    "Senhora", "Pr", "Dra", "Doutor", "Doutora", "Doktor", "Dokter",
)
# Field names after which a name follows ("Patient: Anna Meier").
NAME_CUES: tuple[str, ...] = (
    "name", "patient", "customer", "client", "contact", "caller", "attn", "nom", "prénom", "nombre", "paciente",
    "cliente", "nome", "paziente", "naam", "patiënt", "klant", "kunde", "kundin", "patientin", "ansprechpartner",
)

# Distinctive function words per language, for guessing which NER pipeline fits a text.
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the", "and", "of", "with", "was", "is", "to", "for", "has", "he", "she", "her", "his", "on", "at",
           "called", "about", "this", "that", "from", "will", "not", "please"),
    "de": ("der", "die", "das", "und", "ist", "mit", "nicht", "ein", "eine", "wurde", "hat", "sich", "auf", "für",
           "den", "dem", "zu", "von", "bitte", "wir", "sie", "am"),
    "fr": ("le", "la", "les", "et", "est", "une", "avec", "pour", "des", "du", "au", "il", "elle", "sur", "pas",
           "dans", "qui", "que", "a été", "son", "sa"),
    "es": ("el", "los", "las", "y", "es", "con", "para", "una", "del", "por", "que", "su", "fue", "está", "en el",
           "se", "al", "ha"),
    "it": ("il", "gli", "della", "che", "è", "con", "per", "una", "sono", "di", "del", "alla", "ha", "stato",
           "nel", "si", "non", "lo"),
    "nl": ("de", "het", "een", "en", "van", "is", "met", "voor", "niet", "zijn", "op", "heeft", "wordt", "dat",
           "naar", "bij", "ook", "werd"),
    "pt": ("o", "os", "as", "e", "é", "com", "para", "uma", "do", "da", "não", "foi", "em", "no", "na", "ao",
           "pelo", "pela", "dos"),
}
