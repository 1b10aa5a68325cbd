"""Dev-split tables of labels that are no people's names beside notes that name people, in nine locales written with
spaces and in Japanese, Korean and Chinese (since the ``extcsv33`` round, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(``SEED_OFFSET``), so the tables before them stay as they were. Written without reading the frozen test split.

Per locale, one table of eleven columns drawn from these kinds:

- labels (``None``), each a column of few distinct values repeated over the rows, as a shop, a CRM or an HR system
  stores them: tags and themes (some of them given names: Holly, Ivy, Autumn, Jasmine), product categories, genres,
  departments, job titles (mimesis' occupations in the locale), companies (mimesis' in the locale), brands named
  after people (Ford, Dell, Ferrari, Wendy's, McDonald's), storms ("Hurricane Katrina", "Typhoon Haiyan": storms are
  given names), restaurants named after someone ("Luigi's Trattoria", "Chez Martine"), products named after people
  or places ("Ford Mustang", "Lincoln Navigator"), titles of works in capitalised English words, and the locale's
  cities;
- one column of the locale's full names (``PERSON_NAME``), as a control;
- notes (``FREE_TEXT_WITH_PII``) in the locale's language, written here: support tickets, call notes and handovers
  naming a person (full name, or a title and a family name), giving a phone or an e-mail glued to the words around
  it (Chinese mobiles without a space), or an address, in a share of the rows (8% to 35%), short or long (a ticket
  of several of mimesis' sentences), a third of them sparse (70% to 90% empty);
- prose holding nobody (``None``): mimesis' sentences of the locale, and reviews written here.

Names are honest (``tags``, ``category``, ``notes``), abbreviated or opaque (``c3``).

>>> cols = name_and_note_tables(7, rows=40)
>>> len({c.table for c in cols}), sorted({c.label or "" for c in cols})
(12, ['', 'FREE_TEXT_WITH_PII', 'PERSON_NAME'])
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 101  # its own generator (47-97 are other modules'): the tables before it stay as they were
LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt-br", "pl", "sv", "ja", "ko", "zh")
OPAQUE = ("c{i}", "f{i}", "col{i}", "x{i}", "v{i:02d}", "attr{i}")
SPARSE_SHARE = 0.33  # notes columns left 70% to 90% empty

TAGS = ("Sale", "New", "Bestseller", "Gift", "Eco", "Limited", "Holly", "Ivy", "Autumn", "Summer", "Jasmine",
        "Rose", "Winter", "Clearance", "Vintage", "Premium", "Handmade", "Organic", "Kids", "Outdoor")
CATEGORIES = ("Home & Garden", "Sports & Outdoors", "Toys & Games", "Health & Beauty", "Books", "Electronics",
              "Pet Supplies", "Office Products", "Baby", "Automotive", "Grocery", "Jewelry", "Garden Tools",
              "Kitchen & Dining", "Arts & Crafts")
GENRES = ("Drama", "Comedy", "Thriller", "Science Fiction", "Romance", "Horror", "Documentary", "Film Noir",
          "Western", "Jazz", "Hip Hop", "Country", "Soul", "Blues", "Indie Rock", "Bossa Nova", "Fantasy")
DEPARTMENTS = ("Human Resources", "Finance", "Legal", "Marketing", "Customer Success", "Research & Development",
               "Procurement", "Facilities", "Internal Audit", "Sales Operations", "Quality Assurance", "Logistics")
EPONYMOUS_BRANDS = ("Ford", "Dell", "Ferrari", "Porsche", "Chanel", "Dior", "Wendy's", "McDonald's", "Disney",
                    "Boeing", "Honda", "Hilton", "Marriott", "Philips", "Bosch", "Michelin", "Siemens", "Peugeot",
                    "Renault", "Cadbury", "Kellogg's", "Heinz", "Goodyear", "Gillette", "Levi's", "Tommy Hilfiger",
                    "Ralph Lauren", "Hugo Boss", "Calvin Klein", "Estée Lauder", "Ben & Jerry's", "Dr. Oetker")
STORM_NAMES = ("Katrina", "Sandy", "Harvey", "Irma", "Maria", "Andrew", "Ian", "Ida", "Laura", "Michael", "Dorian",
               "Florence", "Matthew", "Wilma", "Rita", "Ivan", "Camille", "Hugo", "Gilbert", "Allison", "Ciara",
               "Dennis", "Eunice", "Franklin", "Haiyan", "Idai", "Kyrill", "Lothar", "Xynthia", "Ophelia")
STORM_KINDS = ("Hurricane", "Tropical Storm", "Storm", "Typhoon", "Cyclone")
RESTAURANT_FORMS = ("{g}'s Trattoria", "Chez {g}", "{g}'s Diner", "Trattoria da {g}", "{g}'s Kitchen",
                    "Casa {g}", "{g}'s Bakery", "Bistro {g}", "{g}'s Pizzeria", "Café {g}")
EPONYMOUS_PRODUCTS = ("Ford Mustang", "Lincoln Navigator", "Tesla Model 3", "Dell XPS 13", "Mercedes-Benz Sprinter",
                      "Porsche Cayenne", "Ferrari Roma", "Chevrolet Camaro", "Ford Fiesta", "Renault Clio",
                      "Peugeot 208", "Opel Corsa", "Honda Civic", "Toyota Corolla", "Hyundai Elantra",
                      "Kia Sorento", "Chrysler Pacifica", "Dodge Durango", "Lamborghini Urus", "Maserati Ghibli")
TITLE_WORDS = ("Silent", "River", "Song", "Golden", "Hour", "Broken", "Crown", "Summer", "Rain", "Iron", "Garden",
               "Last", "Letter", "Northern", "Lights", "Paper", "Moon", "Wild", "Harbor", "Glass", "House", "Long",
               "Road", "Home", "Little", "Women", "Great", "Expectations", "Dark", "Tower", "Winter", "Tale")

# Notes of a support desk, a clinic or a sales team: {n} a full name, {t} a title and a family name, {p} a phone,
# {e} an e-mail, {a} an address. FILLER holds nobody.
NAMED = {
    "en": ["Spoke with {n} about the late refund, will call back tomorrow.", "Ticket reassigned after {t} complained "
           "about the delivery.", "Customer {n} asked for a new invoice copy.", "Left a voicemail for {n}, no answer."],
    "de": ["Rückruf von {n} wegen der verspäteten Lieferung.", "Kunde {n} bittet um eine neue Rechnung.",
           "Gespräch mit {t} über die Kündigung geführt.", "{n} hat heute wegen der Reparatur angerufen."],
    "fr": ["Appel de {n} au sujet du remboursement.", "Le client {n} demande une nouvelle facture.",
           "Rendez-vous avec {t} reporté à lundi.", "Message laissé à {n}, pas de réponse."],
    "es": ["Hablé con {n} sobre el reembolso pendiente.", "El cliente {n} pide una copia de la factura.",
           "Cita con {t} aplazada al lunes.", "Dejé un mensaje a {n}, sin respuesta."],
    "it": ["Parlato con {n} del rimborso in ritardo.", "Il cliente {n} chiede una nuova fattura.",
           "Appuntamento con {t} spostato a lunedì.", "Lasciato un messaggio a {n}, nessuna risposta."],
    "nl": ["Gesproken met {n} over de late terugbetaling.", "Klant {n} vraagt om een nieuwe factuur.",
           "Afspraak met {t} verzet naar maandag.", "Voicemail ingesproken voor {n}, geen reactie."],
    "pt-br": ["Falei com {n} sobre o reembolso atrasado.", "O cliente {n} pediu uma nova fatura.",
              "Reunião com {t} adiada para segunda.", "Deixei recado para {n}, sem resposta."],
    "pl": ["Rozmowa z {n} w sprawie zwrotu pieniędzy.", "Klient {n} prosi o nową fakturę.",
           "Spotkanie z {t} przełożone na poniedziałek.", "Zostawiono wiadomość dla {n}, brak odpowiedzi."],
    "sv": ["Pratade med {n} om den sena återbetalningen.", "Kunden {n} ber om en ny faktura.",
           "Mötet med {t} flyttat till måndag.", "Lämnade ett meddelande till {n}, inget svar."],
    "ja": ["{n}様から返金について問い合わせあり。", "担当を{f}さんに変更しました。", "{n}さんに折り返し電話済み。"],
    "ko": ["{n} 고객님이 환불을 문의했습니다.", "담당자를 {n} 님으로 변경했습니다.", "{n} 씨에게 다시 전화했습니다."],
    "zh": ["{n}先生询问退款进度。", "已转交{f}女士处理。", "客户{n}要求重新开发票。"],
}
CONTACT = {
    "en": ["Please call back on {p} after 5pm.", "Send the receipt to {e} please.", "New number: {p}."],
    "de": ["Bitte unter {p} zurückrufen.", "Rechnung bitte an {e} senden.", "Neue Nummer: {p}."],
    "fr": ["Merci de rappeler au {p}.", "Envoyer la facture à {e} svp.", "Nouveau numéro : {p}."],
    "es": ["Por favor llamar al {p}.", "Enviar la factura a {e}.", "Nuevo número: {p}."],
    "it": ["Richiamare al {p} per favore.", "Inviare la fattura a {e}.", "Nuovo numero: {p}."],
    "nl": ["Graag terugbellen op {p}.", "Factuur graag naar {e} sturen.", "Nieuw nummer: {p}."],
    "pt-br": ["Favor ligar para {p}.", "Enviar a nota fiscal para {e}.", "Novo número: {p}."],
    "pl": ["Proszę oddzwonić na {p}.", "Fakturę wysłać na {e}.", "Nowy numer: {p}."],
    "sv": ["Ring tillbaka på {p}.", "Skicka kvittot till {e}.", "Nytt nummer: {p}."],
    "ja": ["折り返しは{p}までお願いします。", "領収書は{e}に送付してください。"],
    "ko": ["연락처 {p} 로 전화 바랍니다.", "영수증은 {e} 로 보내 주세요."],
    "zh": ["请回拨{p}谢谢。", "客户手机{p}，下午联系。", "发票请发到{e}。"],
}
ADDRESSED = {
    "en": ["Deliver to {a} instead, customer moved.", "Parcel returned from {a}, wrong door."],
    "de": ["Bitte an {a} liefern, Kunde ist umgezogen.", "Paket kam von {a} zurück."],
    "fr": ["Livrer plutôt au {a}, le client a déménagé.", "Colis retourné depuis {a}."],
    "es": ["Entregar en {a}, el cliente se mudó.", "Paquete devuelto desde {a}."],
    "it": ["Consegnare in {a}, il cliente ha traslocato.", "Pacco tornato indietro da {a}."],
    "nl": ["Bezorgen op {a}, klant is verhuisd.", "Pakket retour van {a}."],
    "pt-br": ["Entregar na {a}, cliente mudou.", "Pacote devolvido de {a}."],
    "pl": ["Dostarczyć na {a}, klient się przeprowadził.", "Paczka wróciła z {a}."],
    "sv": ["Leverera till {a} istället, kunden har flyttat.", "Paketet kom tillbaka från {a}."],
    "ja": ["配送先を{a}に変更。", "届け先は{a}です。"],
    "ko": ["배송지를 {a}(으)로 변경 요청.", "주소는 {a} 입니다."],
    "zh": ["送货地址改为{a}。", "请寄到{a}。"],
}
FILLER = {
    "en": ["Order shipped on time.", "Customer satisfied, closing the ticket.", "Waiting for the warehouse.",
           "Refund processed.", "Item out of stock, offered a voucher."],
    "de": ["Bestellung pünktlich versendet.", "Kunde zufrieden, Ticket geschlossen.", "Warten auf das Lager.",
           "Erstattung veranlasst."],
    "fr": ["Commande expédiée à temps.", "Client satisfait, ticket fermé.", "En attente de l'entrepôt.",
           "Remboursement effectué."],
    "es": ["Pedido enviado a tiempo.", "Cliente satisfecho, ticket cerrado.", "Esperando al almacén.",
           "Reembolso procesado."],
    "it": ["Ordine spedito in tempo.", "Cliente soddisfatto, ticket chiuso.", "In attesa del magazzino.",
           "Rimborso effettuato."],
    "nl": ["Bestelling op tijd verzonden.", "Klant tevreden, ticket gesloten.", "Wachten op het magazijn.",
           "Terugbetaling verwerkt."],
    "pt-br": ["Pedido enviado no prazo.", "Cliente satisfeito, chamado encerrado.", "Aguardando o estoque.",
              "Reembolso processado."],
    "pl": ["Zamówienie wysłane na czas.", "Klient zadowolony, zgłoszenie zamknięte.", "Czekamy na magazyn.",
           "Zwrot zrealizowany."],
    "sv": ["Ordern skickades i tid.", "Kunden nöjd, ärendet stängt.", "Väntar på lagret.", "Återbetalning klar."],
    "ja": ["本日は特に問題なし。", "商品を発送しました。", "在庫確認中です。"],
    "ko": ["오늘은 문제가 없었습니다.", "상품을 발송했습니다.", "재고를 확인 중입니다."],
    "zh": ["今天没有问题。", "订单已发货。", "库存确认中。"],
}
TITLES = {"en": ("Mr.", "Ms.", "Dr."), "de": ("Herr", "Frau", "Dr."), "fr": ("M.", "Mme", "Dr"),
          "es": ("Sr.", "Sra.", "Dr."), "it": ("Sig.", "Sig.ra", "Dott."), "nl": ("dhr.", "mevr.", "dr."),
          "pt-br": ("Sr.", "Sra.", "Dr."), "pl": ("Pan", "Pani", "dr"), "sv": ("herr", "fru", "dr")}
REVIEWS = {
    "en": ["Great quality, fast delivery, would buy again.", "The colour is lighter than in the photo.",
           "Too small for my kitchen, returned it."],
    "de": ["Gute Qualität, schnelle Lieferung.", "Die Farbe ist heller als auf dem Foto.", "Zu klein, zurückgeschickt."],
    "fr": ["Très bonne qualité, livraison rapide.", "La couleur est plus claire que sur la photo.", "Trop petit, renvoyé."],
    "es": ["Muy buena calidad, envío rápido.", "El color es más claro que en la foto.", "Demasiado pequeño, devuelto."],
    "it": ["Ottima qualità, consegna veloce.", "Il colore è più chiaro che in foto.", "Troppo piccolo, reso."],
    "nl": ["Goede kwaliteit, snelle levering.", "De kleur is lichter dan op de foto.", "Te klein, teruggestuurd."],
    "pt-br": ["Ótima qualidade, entrega rápida.", "A cor é mais clara que na foto.", "Pequeno demais, devolvi."],
    "pl": ["Świetna jakość, szybka dostawa.", "Kolor jaśniejszy niż na zdjęciu.", "Za mały, odesłałem."],
    "sv": ["Bra kvalitet, snabb leverans.", "Färgen är ljusare än på bilden.", "För liten, skickade tillbaka."],
    "ja": ["とても使いやすいです。", "色が写真と少し違いました。", "配送が早くて助かりました。"],
    "ko": ["정말 사용하기 편합니다.", "색상이 사진과 조금 달라요.", "배송이 빨라서 좋았어요."],
    "zh": ["质量很好，物流很快。", "颜色和图片有点不一样。", "性价比很高，推荐购买。"],
}

LABEL_NAMES = {
    "tags": ("tags", "tag", "theme", "label"), "category": ("category", "product_category", "cat", "segment"),
    "genre": ("genre", "genre_name", "style"), "department": ("department", "dept", "owner_group", "team"),
    "job": ("job_title", "title", "position", "role"), "company": ("company", "employer", "account_name", "org"),
    "brand": ("brand", "make", "manufacturer", "name"), "storm": ("storm", "event_name", "name", "hazard"),
    "restaurant": ("restaurant", "venue", "name", "merchant"), "product": ("product", "model", "item_name", "name"),
    "work": ("title", "book_title", "name", "headline"), "city": ("city", "town", "location"),
    "person": ("full_name", "contact", "customer", "name"), "notes": ("notes", "comment", "remarks", "message",
                                                                     "ticket_text", "description"),
    "prose": ("description", "review", "comment", "summary", "body"),
}


def _repeat(pool: list[str], rng: random.Random, rows: int, kept: int | None = None) -> list[str]:
    """``rows`` values of a label column: ``kept`` of the pool (all when None), drawn with a skewed weight each, as
    a few labels carry most rows."""
    chosen = rng.sample(pool, min(len(pool), kept)) if kept else list(pool)
    weights = [rng.paretovariate(1.2) for _ in chosen]
    return rng.choices(chosen, weights, k=rows)


def _distinct(draw: Any, n: int) -> list[str]:
    """The distinct values of ``n`` draws, in the order drawn (a set's order changes with the string hash seed, and
    the split must be the same in every process)."""
    return list(dict.fromkeys(str(draw()) for _ in range(n)))


def _generators(locale: str, rng: random.Random) -> dict[str, Any]:
    from mimesis import Address, Finance, Person, Text
    from mimesis.locales import Locale

    loc = Locale(locale)
    seed = rng.getrandbits(32)
    return {"person": Person(loc, seed=seed), "address": Address(loc, seed=seed + 1),
            "finance": Finance(loc, seed=seed + 2), "text": Text(loc, seed=seed + 3)}


def _full_name(g: dict[str, Any], locale: str) -> str:
    p = g["person"]
    if locale in ("ja", "zh", "ko"):  # family name first, written together, as the three languages write them
        return f"{p.last_name()}{p.first_name()}"
    return str(p.full_name())


def _email(g: dict[str, Any], rng: random.Random) -> str:
    return str(g["person"].email()) if rng.random() < 0.7 else \
        f"{g['person'].last_name().lower()}{rng.randint(1, 99)}@example.org"


def _phone(g: dict[str, Any], locale: str, rng: random.Random) -> str:
    if locale == "zh":  # a Chinese mobile as written in a note: eleven digits, from a real mobile prefix
        return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + \
            "".join(rng.choice("0123456789") for _ in range(8))
    return str(g["person"].phone_number())


def _fill(template: str, g: dict[str, Any], locale: str, rng: random.Random) -> str:
    p = g["person"]
    title = rng.choice(TITLES.get(locale, ("",)))
    address = f"{g['address'].address()}, {g['address'].city()}" if locale not in ("ja", "zh", "ko") else \
        f"{g['address'].city()}{g['address'].address()}"
    return template.format(n=_full_name(g, locale), t=f"{title} {p.last_name()}".strip(), f=p.last_name(),
                           p=_phone(g, locale, rng), e=_email(g, rng), a=address)


def _notes(pool: dict[str, list[str]], g: dict[str, Any], locale: str, rng: random.Random, rows: int) -> list[Any]:
    """A notes column: a share of its rows from ``pool`` (8% to 35%), the rest filler; a long ticket (mimesis'
    sentences around the note) half the time; a third of the columns sparse."""
    share = rng.uniform(0.08, 0.35)
    long = rng.random() < 0.5
    sparse = rng.uniform(0.7, 0.9) if rng.random() < SPARSE_SHARE else 0.0
    out: list[Any] = []
    for _ in range(rows):
        if sparse and rng.random() < sparse:
            out.append(None)
            continue
        note = _fill(rng.choice(pool[locale]), g, locale, rng) if rng.random() < share else \
            rng.choice(FILLER[locale])
        if long:
            note = f"{g['text'].sentence()} {note} {rng.choice(FILLER[locale])}"
        out.append(note)
    return out


def _label_kinds(locale: str, g: dict[str, Any], rng: random.Random, rows: int) -> dict[str, list[Any]]:
    p, a, f = g["person"], g["address"], g["finance"]
    given = [p.first_name() for _ in range(30)] if locale not in ("ja", "ko", "zh") else \
        [n for n in ("Luigi", "Martine", "Wendy", "Carlo", "Rosa", "Sofia", "Pierre", "Hans") for _ in range(2)]
    storms = [f"{rng.choice(STORM_KINDS)} {n}" + (f" ({rng.randint(1980, 2024)})" if rng.random() < 0.3 else "")
              for n in STORM_NAMES]
    works = list(dict.fromkeys(" ".join(rng.sample(TITLE_WORDS, rng.randint(2, 4))) for _ in range(60)))
    return {
        "tags": _repeat(list(TAGS), rng, rows, rng.randint(8, len(TAGS))),
        "category": _repeat(list(CATEGORIES), rng, rows, rng.randint(6, len(CATEGORIES))),
        "genre": _repeat(list(GENRES), rng, rows, rng.randint(6, len(GENRES))),
        "department": _repeat(list(DEPARTMENTS), rng, rows, rng.randint(5, len(DEPARTMENTS))),
        "job": _repeat(_distinct(p.occupation, 80), rng, rows, 40),
        "company": _repeat(_distinct(f.company, 80), rng, rows, 40),
        "brand": _repeat(list(EPONYMOUS_BRANDS), rng, rows, rng.randint(10, len(EPONYMOUS_BRANDS))),
        "storm": _repeat(storms, rng, rows),
        "restaurant": _repeat([rng.choice(RESTAURANT_FORMS).format(g=n) for n in given], rng, rows),
        "product": _repeat(list(EPONYMOUS_PRODUCTS), rng, rows, rng.randint(8, len(EPONYMOUS_PRODUCTS))),
        "work": _repeat(works, rng, rows, min(len(works), 40)),
        "city": _repeat(_distinct(a.city, 60), rng, rows, 30),
    }


def _table(locale: str, rng: random.Random, rows: int) -> list[tuple[str, str | None, list[Any]]]:
    g = _generators(locale, rng)
    labels = _label_kinds(locale, g, rng, rows)
    kinds: list[tuple[str, str | None, list[Any]]] = [(k, None, v) for k, v in rng.sample(sorted(labels.items()), 7)]
    kinds.append(("person", "PERSON_NAME", [_full_name(g, locale) for _ in range(rows)]))
    notes = rng.choice([NAMED, NAMED, CONTACT, ADDRESSED])
    kinds.append(("notes", "FREE_TEXT_WITH_PII", _notes(notes, g, locale, rng, rows)))
    kinds.append(("notes", "FREE_TEXT_WITH_PII", _notes(NAMED, g, locale, rng, rows)))
    kinds.append(("prose", None, [rng.choice(REVIEWS[locale]) if rng.random() < 0.5 else str(g["text"].sentence())
                                  for _ in range(rows)]))
    rng.shuffle(kinds)
    return kinds


def name_and_note_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: seven label columns, a person-name control, two notes columns and
    one of prose holding nobody.

    >>> sum(c.label is None for c in name_and_note_tables(1, rows=5))
    96
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        table = f"dlb{li:02d}_{locale.replace('-', '_')}"
        used: set[str] = set()
        for i, (kind, label, values) in enumerate(_table(locale, rng, rows)):
            if rng.random() < 0.35:
                name, style = rng.choice(OPAQUE).format(i=i + 1), "opaque"
            else:
                name, style = rng.choice(LABEL_NAMES[kind]), "honest"
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, values))
    return columns
