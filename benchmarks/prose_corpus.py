"""A generated corpus of prose with PII at known spans, in seven languages, for recall and precision.

Names, streets and dates come from Faker or mimesis (``generator=``), the
sentences from templates per language. Each sample records the character span
of every embedded value, so recall is exact. Negatives hold brand and product
names, places that are not addresses, and dates that are not birth dates.

>>> s = samples("faker", "de", 3, seed=1)[0]
>>> all(s.text[a:b] for _, a, b in s.spans)
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LOCALES = {"en": ("en_US", "EN"), "de": ("de_DE", "DE"), "fr": ("fr_FR", "FR"), "es": ("es_ES", "ES"),
           "it": ("it_IT", "IT"), "nl": ("nl_NL", "NL"), "pt": ("pt_BR", "PT_BR")}
TYPES = ("PERSON_NAME", "STREET_ADDRESS", "DATE_OF_BIRTH", "ICD10_CODE", "MEDICAL_RECORD_NUMBER")

# {name} {address} {dob} {icd} {mrn}: one sentence per type and language, so each type is measured alone too.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {"PERSON_NAME": ["Yesterday {name} called about the invoice.", "The ticket was opened by {name} this morning.",
                           "Please ask {name} to confirm the order."],
           "STREET_ADDRESS": ["The parcel goes to {address} next week.", "She moved to {address} in spring."],
           "DATE_OF_BIRTH": ["Patient born on {dob}, seen for a follow-up.", "DOB: {dob}. No allergies known."],
           "ICD10_CODE": ["Diagnosis {icd} was confirmed at the visit.", "Billing uses ICD-10 code {icd} for this stay."],
           "MEDICAL_RECORD_NUMBER": ["Chart updated, MRN {mrn}, no changes.", "Medical record number: {mrn}."]},
    "de": {"PERSON_NAME": ["Gestern hat {name} wegen der Rechnung angerufen.", "Das Ticket wurde von {name} eröffnet.",
                           "Bitte {name} zurückrufen, es geht um die Lieferung."],
           "STREET_ADDRESS": ["Die Lieferung geht an {address} in der nächsten Woche.", "Neue Anschrift: {address}."],
           "DATE_OF_BIRTH": ["Die Patientin ist geboren am {dob} und kam zur Kontrolle.", "Geburtsdatum {dob}, keine Allergien."],
           "ICD10_CODE": ["Diagnose {icd} wurde bestätigt.", "Abrechnung mit ICD-10 {icd} für den Aufenthalt."],
           "MEDICAL_RECORD_NUMBER": ["Akte aktualisiert, Patientennummer {mrn}.", "Fallnummer: {mrn}, keine Änderungen."]},
    "fr": {"PERSON_NAME": ["Hier, {name} a appelé au sujet de la facture.", "Le ticket a été ouvert par {name} ce matin.",
                           "Merci de rappeler {name} pour la livraison."],
           "STREET_ADDRESS": ["Le colis part pour {address} la semaine prochaine.", "Nouvelle adresse : {address}."],
           "DATE_OF_BIRTH": ["Patiente née le {dob}, vue pour un suivi.", "Date de naissance : {dob}, pas d'allergie."],
           "ICD10_CODE": ["Le diagnostic {icd} a été confirmé.", "Codage CIM-10 {icd} pour ce séjour."],
           "MEDICAL_RECORD_NUMBER": ["Dossier mis à jour, numéro de dossier {mrn}.", "IPP : {mrn}, sans changement."]},
    "es": {"PERSON_NAME": ["Ayer {name} llamó por la factura.", "El ticket lo abrió {name} esta mañana.",
                           "Por favor, llamar a {name} por el pedido."],
           "STREET_ADDRESS": ["El paquete va a {address} la próxima semana.", "Nueva dirección: {address}."],
           "DATE_OF_BIRTH": ["Paciente nacida el {dob}, acude a control.", "Fecha de nacimiento: {dob}. Sin alergias."],
           "ICD10_CODE": ["Se confirmó el diagnóstico {icd} en la consulta.", "Codificación CIE-10 {icd} para el ingreso."],
           "MEDICAL_RECORD_NUMBER": ["Historia clínica {mrn} actualizada.", "NHC: {mrn}, sin cambios."]},
    "it": {"PERSON_NAME": ["Ieri {name} ha chiamato per la fattura.", "Il ticket è stato aperto da {name} stamattina.",
                           "Per favore richiamare {name} per la consegna."],
           "STREET_ADDRESS": ["Il pacco va a {address} la prossima settimana.", "Nuovo indirizzo: {address}."],
           "DATE_OF_BIRTH": ["Paziente nata il {dob}, visita di controllo.", "Data di nascita: {dob}, nessuna allergia."],
           "ICD10_CODE": ["Diagnosi {icd} confermata alla visita.", "Codice ICD-10 {icd} per il ricovero."],
           "MEDICAL_RECORD_NUMBER": ["Cartella clinica {mrn} aggiornata.", "Codice paziente: {mrn}, nessuna modifica."]},
    "nl": {"PERSON_NAME": ["Gisteren belde {name} over de factuur.", "Het ticket is vanochtend geopend door {name}.",
                           "Graag {name} terugbellen over de levering."],
           "STREET_ADDRESS": ["Het pakket gaat volgende week naar {address}.", "Nieuw adres: {address}."],
           "DATE_OF_BIRTH": ["Patiënt geboren op {dob}, komt voor controle.", "Geboortedatum: {dob}, geen allergieën."],
           "ICD10_CODE": ["Diagnose {icd} is bevestigd.", "Declaratie met ICD-10 code {icd} voor de opname."],
           "MEDICAL_RECORD_NUMBER": ["Dossier bijgewerkt, patiëntnummer {mrn}.", "Patiëntnummer: {mrn}, geen wijzigingen."]},
    "pt": {"PERSON_NAME": ["Ontem {name} ligou sobre a fatura.", "O chamado foi aberto por {name} hoje cedo.",
                           "Por favor, retornar a ligação para {name} sobre a entrega."],
           "STREET_ADDRESS": ["O pacote vai para {address} na próxima semana.", "Novo endereço: {address}."],
           "DATE_OF_BIRTH": ["Paciente nascida em {dob}, veio para retorno.", "Data de nascimento: {dob}, sem alergias."],
           "ICD10_CODE": ["Diagnóstico {icd} confirmado na consulta.", "Código CID-10 {icd} para a internação."],
           "MEDICAL_RECORD_NUMBER": ["Prontuário {mrn} atualizado.", "Número do prontuário: {mrn}, sem alterações."]},
}

# Negatives: prose with no PII. Brands and products, places that are not addresses, dates that are not birth dates,
# code-like tokens with no diagnosis cue.
NEGATIVES: dict[str, list[str]] = {
    "en": ["We drove the Ford Focus to Lake Geneva last summer.", "The Apple Watch and the Samsung Galaxy are on sale.",
           "Our office in New York opened on 3 March 2024.", "The invoice dated 2023-01-05 was paid by Wells Fargo.",
           "Flights from Paris to Berlin are delayed on Main Street Airport routes.",
           "Version 3 of Microsoft Teams ships with Google Maps support.", "Take the E45 north towards Copenhagen.",
           "Order 4471923 shipped via Amazon Prime on June 12, 2023.", "The meeting with Toyota Motor moved to Friday.",
           "Room B12 on the 2nd floor is booked until 2025-11-30.", "Coca-Cola Zero was out of stock in Chicago."],
    "de": ["Wir sind mit dem Volkswagen Golf nach München gefahren.", "Die Rechnung vom 05.01.2023 wurde bezahlt.",
           "Der Termin in Berlin ist am 3. März 2024.", "Die Deutsche Bahn fährt ab Hamburg Hauptbahnhof.",
           "Bestellung 4471923 wurde von der Telekom geliefert.", "Das Angebot von Siemens Energy gilt bis Ende Mai."],
    "fr": ["Nous avons pris la Renault Clio pour aller à Lyon.", "La facture du 05/01/2023 a été réglée.",
           "Le rendez-vous à Paris est le 3 mars 2024.", "Air France annonce des retards à Marseille.",
           "La commande 4471923 est partie avec Chronopost.", "Le magasin Carrefour Market ferme à 20 heures."],
    "es": ["Fuimos en el Seat Ibiza a Valencia.", "La factura del 05/01/2023 está pagada.",
           "La reunión en Madrid es el 3 de marzo de 2024.", "El Corte Inglés abre los domingos en Sevilla.",
           "El pedido 4471923 salió con Correos Express.", "Banco Santander cambió las condiciones en mayo."],
    "it": ["Siamo andati a Torino con la Fiat Panda.", "La fattura del 05/01/2023 è stata pagata.",
           "La riunione a Roma è il 3 marzo 2024.", "Trenitalia annuncia ritardi a Milano Centrale.",
           "L'ordine 4471923 è partito con Poste Italiane.", "Il negozio Esselunga chiude alle 21."],
    "nl": ["We reden met de Opel Corsa naar Utrecht.", "De factuur van 05-01-2023 is betaald.",
           "De afspraak in Amsterdam is op 3 maart 2024.", "Albert Heijn opent een winkel in Rotterdam.",
           "Bestelling 4471923 is verzonden met PostNL.", "De NS meldt vertraging bij Den Haag Centraal."],
    "pt": ["Fomos de Fiat Uno para Campinas.", "A fatura de 05/01/2023 foi paga.",
           "A reunião em São Paulo é em 3 de março de 2024.", "O Banco do Brasil abriu uma agência em Recife.",
           "O pedido 4471923 saiu pelos Correios.", "As Lojas Americanas fecham às 22 horas."],
}

MONTHS = {"en": "January February March April May June July August September October November December",
          "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
          "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
          "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
          "nl": "januari februari maart april mei juni juli augustus september oktober november december",
          "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"}
ICD_CODES = ("E11.9", "I10", "J45.909", "K21.9", "M54.5", "F32.1", "C50.911", "N39.0", "S72.001A", "Z00.00", "R51",
             "G43.909", "E78.5", "J06.9", "A09")


@dataclass(frozen=True)
class Sample:
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (type, start, end)
    language: str


class _Source:
    def __init__(self, generator: str, language: str, seed: int) -> None:
        self.generator, self.language = generator, language
        self.rng = random.Random(seed)
        if generator == "faker":
            from faker import Faker

            self.faker = Faker(LOCALES[language][0])
            self.faker.seed_instance(seed)
        else:
            from mimesis import Address, Locale, Person

            loc = getattr(Locale, LOCALES[language][1])
            self.person, self.address = Person(loc, seed=seed), Address(loc, seed=seed)

    def name(self) -> str:
        if self.generator == "faker":
            return f"{self.faker.first_name()} {self.faker.last_name()}"
        return f"{self.person.first_name()} {self.person.last_name()}"

    def street(self) -> str:
        if self.generator == "faker":
            return self.faker.street_address()
        return self.address.address()

    def dob(self) -> str:
        y, m, d = self.rng.randint(1930, 2005), self.rng.randint(1, 12), self.rng.randint(1, 28)
        style = self.rng.randrange(3)
        if style == 0:
            return f"{y}-{m:02d}-{d:02d}"
        if style == 1:
            return f"{d:02d}.{m:02d}.{y}" if self.language in ("de", "nl") else f"{d:02d}/{m:02d}/{y}"
        month = MONTHS[self.language].split()[m - 1]
        if self.language == "en":
            return f"{month} {d}, {y}"
        if self.language in ("es", "pt"):
            return f"{d} de {month} de {y}"
        return f"{d}. {month} {y}" if self.language == "de" else f"{d} {month} {y}"

    def value(self, info_type: str) -> str:
        if info_type == "PERSON_NAME":
            return self.name()
        if info_type == "STREET_ADDRESS":
            return self.street()
        if info_type == "DATE_OF_BIRTH":
            return self.dob()
        if info_type == "ICD10_CODE":
            return self.rng.choice(ICD_CODES)
        return str(self.rng.randint(10**5, 10**9 - 1)).zfill(self.rng.choice((6, 7, 8, 9)))


def samples(generator: str, language: str, n: int, seed: int = 0) -> list[Sample]:
    """``n`` positive samples per type, one embedded value each, at a known span."""
    src = _Source(generator, language, seed)
    out: list[Sample] = []
    for info_type, templates in TEMPLATES[language].items():
        for i in range(n):
            template = templates[i % len(templates)]
            value = src.value(info_type)
            placeholder = "{" + {"PERSON_NAME": "name", "STREET_ADDRESS": "address", "DATE_OF_BIRTH": "dob",
                                 "ICD10_CODE": "icd", "MEDICAL_RECORD_NUMBER": "mrn"}[info_type] + "}"
            start = template.index(placeholder)
            text = template.replace(placeholder, value)
            out.append(Sample(text, ((info_type, start, start + len(value)),), language))
    return out


def negatives(language: str) -> list[Sample]:
    """Prose with no PII in ``language``."""
    return [Sample(t, (), language) for t in NEGATIVES[language]]
