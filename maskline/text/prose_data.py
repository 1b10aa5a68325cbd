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
    # the rest of USPS Publication 28, appendix C1 (suffixes and their standard abbreviations)
    "Alley", "Aly", "Anex", "Annex", "Arcade", "Arc", "Bayou", "Byu", "Beach", "Bch", "Bend", "Bnd", "Bluff", "Blf",
    "Bluffs", "Bottom", "Btm", "Branch", "Br", "Bridge", "Brg", "Brook", "Brk", "Brooks", "Burg", "Burgs", "Byp",
    "Cswy", "Ctr", "Cirs", "Circles", "Clf", "Clfs", "Clb", "Cmn", "Commons", "Cor", "Cors", "Crse", "Cts", "Courts",
    "Cv", "Coves", "Crk", "Cres", "Crst", "Xrd", "Crossroad", "Crossway", "Curve", "Curv", "Drs",
    "Drives", "Est", "Ests", "Expy", "Ext", "Exts", "Fall", "Fls", "Fry", "Fld", "Flds", "Flt", "Flts", "Frd",
    "Fords", "Frst", "Frg", "Forges", "Frk", "Frks", "Ft", "Gdn", "Gtwy", "Gln", "Glens", "Grn", "Grv", "Hbrs",
    "Harbors", "Hvn", "Holw", "Inlt", "Jcts", "Kys", "Keys", "Knl", "Knls", "Lk", "Lks", "Lndg",
    "Lgt", "Lgts", "Lck", "Lcks", "Ldg", "Mall", "Mnr", "Mnrs", "Mdw", "Mdws", "Ml", "Mls", "Msn", "Mtwy",
    "Mt", "Mtn", "Mtns", "Mountains", "Nck", "Orch", "Opas", "Pkwys", "Parkways", "Psge", "Passage", "Pne", "Pnes",
    "Pln", "Plns", "Plz", "Pts", "Points", "Prt", "Prts", "Radl", "Rnch", "Rpd", "Rpds", "Rapid", "Rst",
    "Rdg", "Rdgs", "Ridges", "Riv", "Rds", "Shl", "Shls", "Shr", "Shrs", "Skwy", "Spg", "Spgs", "Sqs",
    "Sta", "Stra", "Strm", "Sts", "Smt", "Ter", "Trwy", "Throughway", "Trce", "Trak", "Trfy", "Trlr", "Trailer",
    "Tunl", "Tpke", "Upas", "Vly", "Vlys", "Valleys", "Via", "Vw", "Vws", "Vlg", "Vlgs", "Vis", "Wls",
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
    # the other common types de voie of the national address base (BAN/FANTOIR), full and abbreviated
    "grand rue", "grand-rue", "grande rue", "grand'rue", "ruelle", "venelle", "sente", "traverse", "montée",
    "parc", "prom.", "pl.", "ch.", "imp.", "all.", "rte", "rte.", "fg", "fbg", "sq.", "carrefour", "rond-point",
    "parvis", "lotissement", "résidence", "clos", "domaine", "galerie", "levée", "rampe", "rocade", "tertre",
    "côte", "chaussée", "cheminement", "allées", "quartier", "boulevard périphérique",
)
ROMANCE_STREET_TYPES: tuple[str, ...] = FR_STREET_TYPES + (
    # es
    "calle", "c/", "avenida", "avda.", "avda", "paseo", "plaza", "pza.", "camino", "carrera", "ronda", "travesía",
    "travesia", "callejón", "glorieta", "rambla", "vía", "urbanización", "cañada", "acceso", "alameda", "bajada",
    "cuesta", "pasaje", "carretera", "senda", "vereda", "partida", "c.",
    # es: abbreviations without the dot, and the Galician, Catalan and Basque types used in Spanish addresses
    "av", "avd", "avda", "cl", "cl.", "ctra", "ctra.", "pº", "p.º", "pza", "pl.", "bulevar", "calzada", "subida",
    "carril", "polígono", "rúa", "praza", "avenida", "estrada", "corredoira", "carrer", "avinguda", "passeig",
    "plaça", "travessera", "camí", "passatge", "kalea", "etorbidea", "plaza mayor",
    # it
    "via", "viale", "v.le", "piazza", "p.za", "piazzale", "corso", "c.so", "largo", "vicolo", "strada", "contrada",
    "borgo", "lungomare", "lungotevere", "vico", "salita", "traversa", "rotonda", "incrocio", "canale", "stretto",
    "piazzetta",
    # pt
    "rua", "r.", "travessa", "tv.", "praça", "praca", "estrada", "rodovia", "beco", "calçada", "vila", "viela",
    "ladeira", "quadra", "setor", "lagoa", "passarela", "parque", "conjunto", "núcleo", "residencial", "rotunda",
    "aeroporto", "chácara", "colônia", "condomínio", "distrito", "esplanada", "favela", "fazenda", "feira", "jardim",
    "lago", "loteamento", "morro", "pátio", "recanto", "sítio", "trecho", "trevo", "vale", "via", "área", "campo",
    # the other logradouro types of the Brazilian postal service's table (DNE), and Portugal's
    "av.", "al.", "alameda", "largo", "lgo.", "escadaria", "escadinha", "túnel", "viaduto", "servidão", "vereda",
    "balão", "boulevard", "caminho", "galeria", "marginal", "ponte", "rampa", "retorno", "subida", "via expressa",
    "acesso", "anel viário", "contorno", "praceta", "urbanização", "bairro",
)
# Words right before a phone number (lower case; matched as whole words at most ~30 characters before it): with one,
# a number that is valid in the text's own numbering plan is a phone, however it is grouped (983.552.783 looks
# like a thousands-grouped amount without it).
# Words after which a capitalised name with a house number is an address even with no street word ("lives at
# Kreek 395", "Anschrift: Pichelswerder 153"): many streets are bare names (Dutch, German, Spanish "Huertas, 13").
# Nouns and verbs of residence in each language, and the English "at" that introduces a place.
ADDRESS_CUES: tuple[str, ...] = (
    "at", "address", "addr", "addr.", "lives at", "living at", "located at", "resides at", "residing at",
    "ship to", "deliver to", "moved to", "home address", "mailing address",
    "adresse", "anschrift", "wohnhaft", "wohnhaft in", "wohnt", "wohnt in", "wohnt an", "lieferadresse",
    "domicile", "domicilié", "domiciliée", "demeurant", "habite", "habite au", "adresse postale",
    "dirección", "direccion", "domicilio", "vive en", "reside en", "con domicilio en",
    "indirizzo", "residente in", "abita in", "domiciliato", "domiciliata",
    "adres", "woonadres", "woont", "woont aan", "woont op", "woonachtig",
    "endereço", "endereco", "morada", "mora em", "reside em", "residente em",
)
# A preposition that may stand between an address cue and the street ("domicilio en", "wohnt in der").
ADDRESS_PREPOSITIONS: tuple[str, ...] = ("in", "in der", "im", "an", "an der", "am", "aan", "aan de", "op", "en",
                                         "em", "na", "no", "à", "au", "a", "in via", "on")
PHONE_CUES: tuple[str, ...] = (
    "phone", "telephone", "tel", "tel.", "mobile", "mob", "cell", "cellphone", "fax", "call", "ring", "dial",
    "whatsapp", "sms",
    "telefon", "tel.-nr", "telefonnummer", "handy", "mobil", "mobilnummer", "rufnummer", "anrufen", "erreichbar",
    "téléphone", "tél", "tél.", "portable", "mobile", "appeler", "joindre",
    "teléfono", "telefono", "tfno", "tfno.", "tlf", "móvil", "movil", "celular", "llamar",
    "cellulare", "cell.", "chiamare", "numero di telefono",
    "telefoon", "telefoonnummer", "mobiel", "gsm", "bellen",
    "telefone", "telemóvel", "ligar", "contato", "contacto",
)
# The numbering plans a text's language suggests (ISO 3166 regions, as phonenumbers names them), most likely
# first. A text whose language is not guessed is matched against every one of them.
LANGUAGE_REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("US", "GB", "CA", "AU", "IE", "NZ", "IN", "ZA"),
    "de": ("DE", "AT", "CH", "LU"),
    "fr": ("FR", "BE", "CH", "LU", "CA"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE"),
    "it": ("IT", "CH"),
    "nl": ("NL", "BE"),
    "pt": ("BR", "PT"),
}

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
    # the contact label in each language
    "kontakt", "kontaktperson", "contatto", "referente", "contacto", "persona de contacto", "contato",
    "contactpersoon", "interlocuteur", "interlocutrice",
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
