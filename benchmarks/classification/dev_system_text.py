"""Dev-split tables of free text as real systems write it, some rows carrying a person's data, beside system text
that carries none (since the ``extcsv39`` round, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(``SEED_OFFSET``), so the tables before them stay as they were. Written without reading the frozen test split. The
people, e-mails, phones, addresses and cards are Faker's, in the locale of the table (Faker, where the other dev
modules draw mostly from mimesis); the prose around them is written here.

Per locale, one table drawn from these kinds:

- ``FREE_TEXT_WITH_PII``: chat transcripts (``[10:32] Anna: call me at ...``), e-mail headers
  (``From: "Müller, Jan" <jan@...>``) and bodies greeting and signed by a person, log lines with ``user=`` an e-mail
  and a client IP, JSON and ``key=value`` event blobs with a name or an e-mail in some rows, a CSV record in a
  cell, HTML fragments greeting someone, delivery instructions naming a neighbour, reviews signed with a name and
  a town (delivery instructions in Korean name a neighbour by a one-syllable family name and a title apart: 박 선생님),
  OCR'd form text in capitals, commit messages with a ``Signed-off-by`` trailer, payment notes with a
  full card number written with spaces or dashes, short notes (three to six words) naming someone, sparse notes
  (most rows ``n/a`` or empty), and mixed columns (order codes in half the rows, notes in the rest);
- ``None``: product descriptions, recipe steps, error messages without values, template strings with placeholders
  (``Dear {first_name}``), lorem ipsum, news headlines naming public places and brands, log lines holding only ids
  and timestamps, commit messages without a trailer, and payment notes giving only a card's last four digits.

Names are honest (``notes``, ``message``, ``payload``) or opaque (``c3``).

>>> cols = system_text_tables(7, rows=40)
>>> len({c.table for c in cols}), sorted({c.label or "" for c in cols})
(10, ['', 'FREE_TEXT_WITH_PII'])
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 139  # its own generator (15-131 are other modules'): the tables before it stay as they were
LOCALES = ("en_US", "de_DE", "fr_FR", "es_ES", "pl_PL", "ru_RU", "ko_KR", "ar_AA", "tr_TR", "sv_SE")
OPAQUE = ("c{i}", "f{i}", "col{i}", "x{i}", "v{i:02d}", "attr{i}")

Make = Callable[[Any, random.Random], str | None]  # (Faker, rng) -> one value

CHAT = {
    "en": ("call me at {p} after 5", "my email is {e}", "hi, I still have no refund", "thanks, that helps",
           "can you resend the invoice?", "ok"),
    "de": ("rufen Sie mich unter {p} an", "meine Mail ist {e}", "hallo, die Rückerstattung fehlt noch",
           "danke, das hilft", "können Sie die Rechnung nochmal schicken?", "ok"),
    "fr": ("appelez-moi au {p} après 17h", "mon mail est {e}", "bonjour, toujours pas de remboursement",
           "merci, c'est clair", "pouvez-vous renvoyer la facture ?", "ok"),
    "es": ("llámame al {p} por la tarde", "mi correo es {e}", "hola, sigo sin reembolso", "gracias",
           "¿puede reenviar la factura?", "vale"),
    "pl": ("proszę dzwonić pod {p}", "mój e-mail to {e}", "dzień dobry, nadal brak zwrotu", "dziękuję",
           "czy można ponownie wysłać fakturę?", "ok"),
    "ru": ("позвоните мне по номеру {p}", "моя почта {e}", "здравствуйте, возврата до сих пор нет", "спасибо",
           "пришлите, пожалуйста, счёт ещё раз", "ок"),
    "ko": ("{p}로 연락 주세요", "제 이메일은 {e} 입니다", "안녕하세요, 아직 환불이 안 됐어요", "감사합니다",
           "영수증 다시 보내 주실 수 있나요?", "네"),
    "ar": ("اتصل بي على {p} بعد الخامسة", "بريدي الإلكتروني {e}", "مرحبا، لم يصلني المبلغ بعد", "شكرا لك",
           "هل يمكنك إرسال الفاتورة مرة أخرى؟", "حسنا"),
    "tr": ("beni {p} numarasından arayın", "e-postam {e}", "merhaba, iade hâlâ gelmedi", "teşekkürler",
           "faturayı tekrar gönderir misiniz?", "tamam"),
    "sv": ("ring mig på {p} efter fem", "min mejl är {e}", "hej, återbetalningen har inte kommit", "tack",
           "kan ni skicka fakturan igen?", "ok"),
}
AGENT_LINES = ("Thanks for waiting, let me check.", "I have escalated this to billing.", "Is there anything else?",
               "Your case number is {c}.")
DELIVERY = {
    "en": (("Leave the parcel with {t} {l} next door", "If out, ask for {f} {l} at no. {d}"),
           ("Leave at the back door", "Ring twice, dog in garden", "Do not leave in the rain", "Call before delivery",
            "Parcel box at the gate", "Deliver after 5pm")),
    "de": (("Paket bitte bei {t} {l} nebenan abgeben", "Falls nicht da, bei {f} {l} im Erdgeschoss klingeln"),
           ("Bitte in die Garage stellen", "Zweimal klingeln, Hund im Garten", "Nicht vor die Tür legen",
            "Vor Zustellung anrufen", "Paketbox am Tor")),
    "fr": (("Laisser le colis chez {t} {l}, la voisine", "En cas d'absence, sonner chez {f} {l} au 2e"),
           ("Laisser devant le garage", "Sonner deux fois", "Ne pas laisser sous la pluie", "Appeler avant",
            "Boîte à colis près du portail")),
    "es": (("Dejar el paquete con {t} {l}, la vecina", "Si no estoy, entregar a {f} {l} en el 3º"),
           ("Dejar en la portería", "Llamar dos veces", "No dejar en la calle", "Avisar antes de llegar")),
    # A one-syllable family name and a title, apart (김 과장님, 박 선생님), as Korean notes name someone
    "ko": (("부재 시 옆집 {l} 선생님께 맡겨 주세요", "경비실에 맡기고 {l} 과장님께 연락 주세요", "{l} 씨가 대신 받을 예정입니다"),
           ("문 앞에 놓아 주세요", "배송 전에 연락 주세요", "경비실에 맡겨 주세요", "초인종을 누르지 마세요")),
}
DELIVERY_TITLES = {"en": ("Mrs", "Mr", "Ms"), "de": ("Frau", "Herrn"), "fr": ("Mme", "M."), "es": ("la Sra.", "el Sr."),
                   "ko": ("",)}
REVIEWS = ("Great quality, arrived two days early.", "Does what it says, a bit noisy.", "Battery life is superb.",
           "Packaging was damaged but the item is fine.", "Would buy again, good value for money.",
           "Colour is darker than in the photos.", "Customer service answered within an hour.")
SUBJECTS = ("Re: your order", "Invoice question", "Delivery delayed", "Fwd: contract draft", "Meeting on Monday",
            "Password reset request", "Complaint about the repair")
COMMIT_SUBJECTS = ("Fix null check in the invoice parser", "Bump pyarrow to 16.1", "Add retry to the uploader",
                   "Refactor the scheduler loop", "Remove dead code from the exporter", "Update README for v2",
                   "Handle empty payloads in the webhook", "Speed up the CSV reader")
PRODUCT_WORDS = (("Stainless", "Bamboo", "Wireless", "Ergonomic", "Compact", "Waterproof", "Organic", "Vintage"),
                 ("kettle", "desk lamp", "headphones", "backpack", "chopping board", "water bottle", "yoga mat"),
                 ("with a two-year warranty", "in three colours", "for home and office", "made from recycled steel",
                  "that fits any bag", "with a USB-C charger", "dishwasher safe"))
RECIPE_STEPS = ("Preheat the oven to 180°C.", "Whisk the eggs and sugar until pale.", "Fold in the flour gently.",
                "Simmer for 20 minutes, stirring now and then.", "Season with salt and pepper to taste.",
                "Chop the onions and fry them in butter.", "Let the dough rest for an hour.",
                "Serve warm with a dollop of cream.", "Bake for 35 minutes until golden.")
ERRORS = ("Connection refused by upstream service", "Timeout while waiting for the database lock",
          "NullPointerException in OrderService.process", "Invalid JSON payload: unexpected end of input",
          "Permission denied when writing the cache file", "Disk quota exceeded on the worker volume",
          "TLS handshake failed: certificate expired", "Rate limit exceeded, retry later",
          "KeyError: 'customer_id' in the transform step", "Out of memory while sorting the partition")
TEMPLATES = ("Dear {first_name}, your order {order_id} has shipped.", "Hi {{name}}, welcome to {{company}}!",
             "Hello %s, your code is %s.", "Dear ${customer.firstName}, your invoice is attached.",
             "Hi {name}, we miss you! Come back for {discount}% off.", "Dear <FIRST_NAME> <LAST_NAME>, thank you.",
             "Reminder: {first_name}, your appointment is on {date} at {time}.")
HEADLINES = ("Apple opens new store on the Champs-Élysées", "Storm closes roads around Lake Geneva",
             "Volkswagen recalls 40,000 cars over brake fault", "Tesla shares fall as Berlin plant pauses output",
             "New tram line links Central Station and the airport", "Louvre extends opening hours for the summer",
             "Amazon to build warehouse near Madrid", "Heathrow expansion approved by ministers",
             "Record crowds at the Oktoberfest in Munich", "Nike and Adidas report strong quarter in Asia",
             "Microsoft to invest in data centres in Sweden", "Eiffel Tower closed after strike by staff")
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "Sed do eiusmod tempor incididunt ut labore.",
         "Ut enim ad minim veniam, quis nostrud exercitation.", "Duis aute irure dolor in reprehenderit.",
         "Excepteur sint occaecat cupidatat non proident.", "Nulla facilisis at vero eros et accumsan.")
EVENTS = ("login_ok", "logout", "password_reset", "cart_add", "checkout", "signup", "profile_update")


def _stamp(rng: random.Random) -> str:
    """A time of 2026, drawn from ``rng`` (Faker's dates run up to today: the split must be the same on any day)."""
    return (dt.datetime(2026, 1, 1) + dt.timedelta(seconds=rng.randint(0, 330 * 86400))).isoformat()


def _lang(fk: Any) -> str:
    return str(fk.locales[0])[:2]


def _pii(fk: Any, rng: random.Random) -> dict[str, str]:
    first, last = fk.first_name(), fk.last_name()
    return {"f": first, "l": last, "n": f"{first} {last}", "e": fk.email(), "p": fk.phone_number(),
            "a": fk.address().replace("\n", ", "), "d": str(rng.randint(2, 80)), "c": str(rng.randint(10**6, 10**7))}


def _chat(fk: Any, rng: random.Random) -> str:
    lang = _lang(fk)
    lines, t = [], rng.randint(8 * 60, 18 * 60)
    customer, agent = fk.first_name(), rng.choice(("Support", "Agent", "Bot"))
    pii = _pii(fk, rng)
    for k in range(rng.randint(1, 3)):
        t += rng.randint(1, 4)
        if k % 2 == 0:
            line = rng.choice(CHAT.get(lang, CHAT["en"])).format(**pii)
            lines.append(f"[{t // 60:02d}:{t % 60:02d}] {customer}: {line}")
        else:
            lines.append(f"[{t // 60:02d}:{t % 60:02d}] {agent}: {rng.choice(AGENT_LINES).format(**pii)}")
    return "\n".join(lines)


def _email_header(fk: Any, rng: random.Random) -> str:
    p = _pii(fk, rng)
    sender = f'"{p["l"]}, {p["f"]}" <{p["e"]}>' if rng.random() < 0.5 else f'{p["n"]} <{p["e"]}>'
    return f"From: {sender}\nTo: support@example.com\nSubject: {rng.choice(SUBJECTS)}\n\n{rng.choice(REVIEWS)}"


def _email_body(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        body = f"{rng.choice(REVIEWS)} {rng.choice(ERRORS)}."
        if rng.random() < share:
            p = _pii(fk, rng)
            return f"Hi team,\n\n{body}\n\nBest regards,\n{p['n']}\n{p['p']}"
        return f"Hello,\n\n{body}\n\nThanks"
    return make


def _log_user(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        stamp = _stamp(rng) + "Z"
        user = fk.email() if rng.random() < share else f"svc-{rng.choice(('etl', 'cron', 'backup'))}"
        return (f"{stamp} INFO auth event={rng.choice(EVENTS)} user={user} ip={fk.ipv4_public()} "
                f"req_id={fk.uuid4()[:8]} latency_ms={rng.randint(3, 900)}")
    return make


def _json_blob(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        event: dict[str, Any] = {"event": rng.choice(EVENTS), "ts": _stamp(rng),
                                 "session": fk.uuid4()[:12]}
        if rng.random() < share:
            event["customer"] = {"name": fk.name(), "email": fk.email()}
        else:
            event["items"] = rng.randint(1, 9)
        return json.dumps(event, ensure_ascii=False)
    return make


def _kv_blob(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        parts = [f"event={rng.choice(EVENTS)}", f"ts={_stamp(rng)}"]
        if rng.random() < share:
            parts += [f'name="{fk.name()}"', f"phone={fk.phone_number().replace(' ', '')}"]
        parts.append(f"status={rng.choice(('ok', 'retry', 'failed'))}")
        return " ".join(parts)
    return make


def _csv_cell(fk: Any, rng: random.Random) -> str:
    sep = rng.choice((";", ",", "|"))
    return sep.join((fk.name(), fk.email(), fk.phone_number(), fk.city()))


def _html(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        order = rng.randint(10**5, 10**6)
        if rng.random() < share:
            return f"<p>Dear {fk.name()},</p><p>your order <b>#{order}</b> has shipped.</p>"
        return f"<p>Your order <b>#{order}</b> has shipped.</p><p>Track it in your account.</p>"
    return make


def _delivery(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        lang = _lang(fk) if _lang(fk) in DELIVERY else "en"
        named, plain = DELIVERY[lang]
        if rng.random() < share:
            return rng.choice(named).format(t=rng.choice(DELIVERY_TITLES[lang]), **_pii(fk, rng))
        return rng.choice(plain)
    return make


def _signed_review(fk: Any, rng: random.Random) -> str:
    sign = rng.choice(("— {n}, {c}", "- {n} ({c})", "{n} from {c}"))
    return f"{rng.choice(REVIEWS)} {sign.format(n=fk.name(), c=fk.city())}"


def _ocr_form(fk: Any, rng: random.Random) -> str:
    dob = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1936, 2006)}"
    text = f"NAME: {fk.name().upper()} DOB: {dob} ADDRESS: {fk.address().replace(chr(10), ' ').upper()} SIGNED"
    return "".join(c if rng.random() > 0.02 else rng.choice("|l1I0O") for c in text)  # OCR's confusions


def _commit(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        subject = rng.choice(COMMIT_SUBJECTS)
        if rng.random() < share:
            return f"{subject}\n\nSigned-off-by: {fk.name()} <{fk.email()}>"
        return f"{subject}\n\nCloses #{rng.randint(10, 9999)}"
    return make


def _card_note(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        if rng.random() < share:
            digits = fk.credit_card_number()
            sep = rng.choice((" ", "-"))
            number = sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))
            return rng.choice(("Paid by card {c}, exp {x}", "Customer gave card {c} over the phone",
                               "Charge {c} again next month")).format(c=number, x=f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}")
        return rng.choice(("Paid by bank transfer", "Paid in cash at the counter", "Refund issued to the card",
                           "Invoice sent, awaiting payment"))
    return make


def _last_four(fk: Any, rng: random.Random) -> str:
    return rng.choice(("Paid by card ending {d}", "Charged to Visa ending in {d}", "Card **** **** **** {d} declined",
                       "Mastercard ending {d}, approved")).format(d=f"{rng.randint(0, 9999):04d}")


def _short_note(share: float) -> Make:
    def make(fk: Any, rng: random.Random) -> str:
        if rng.random() < share:
            return rng.choice(("call {n} back", "{n} prefers e-mail", "ask {f} re invoice", "send samples to {n}",
                               "{n} called twice")).format(n=fk.name(), f=fk.first_name())
        return rng.choice(("no answer", "sent the quote", "waiting for stock", "follow up next week",
                           "closed, duplicate ticket", "needs manager approval"))
    return make


def _sparse_note(fk: Any, rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(("n/a", "N/A", "-", "none", ""))
    if roll < 0.85:
        return None
    if roll < 0.93:
        return rng.choice(("Customer prefers morning calls", "VIP, handle with care", "Asked for a paper invoice"))
    return rng.choice(("Reach {n} on {p}", "Backup contact: {n}, {e}", "Wife {f} picks up the order")).format(
        **_pii(fk, rng))


def _mixed(fk: Any, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"ORD-{rng.randint(10**5, 10**6)}"
    if rng.random() < 0.4:
        return f"Replacement sent to {fk.name()} at {fk.address().replace(chr(10), ', ')}"
    return rng.choice(("Replacement sent, old unit not returned", "Customer will pick up in store",
                       "Refund approved by the shift lead"))


def _product(fk: Any, rng: random.Random) -> str:
    a, b, c = (rng.choice(w) for w in PRODUCT_WORDS)
    return f"{a} {b} {c}."


def _id_log(fk: Any, rng: random.Random) -> str:
    return (f"{_stamp(rng)}Z {rng.choice(('INFO', 'WARN', 'DEBUG'))} job={fk.uuid4()[:8]} "
            f"step={rng.randint(1, 12)} rows={rng.randint(0, 10**6)} took={rng.randint(1, 9000)}ms")


def _plain_commit(fk: Any, rng: random.Random) -> str:
    return f"{rng.choice(COMMIT_SUBJECTS)} (#{rng.randint(10, 9999)})"


POSITIVE: dict[str, tuple[tuple[str, ...], Make | Callable[[float], Make]]] = {
    "chat": (("transcript", "chat_log", "conversation"), _chat),
    "email_header": (("raw_email", "message", "mail_source"), _email_header),
    "email_body": (("email_body", "body", "message_text"), _email_body),
    "log_user": (("log_line", "message", "raw_log"), _log_user),
    "json_blob": (("payload", "event_json", "data"), _json_blob),
    "kv_blob": (("attributes", "event", "details"), _kv_blob),
    "csv_cell": (("contact_row", "raw_record", "import_line"), _csv_cell),
    "html": (("body_html", "content", "html"), _html),
    "delivery": (("delivery_instructions", "instructions", "remarks"), _delivery),
    "review": (("review", "feedback", "testimonial"), _signed_review),
    "ocr": (("ocr_text", "scanned_text", "extracted_text"), _ocr_form),
    "commit": (("commit_message", "message", "description"), _commit),
    "card_note": (("payment_note", "notes", "comment"), _card_note),
    "short_note": (("note", "todo", "remark"), _short_note),
    "sparse_note": (("notes", "comments", "internal_note"), _sparse_note),
    "mixed": (("reference", "resolution", "note"), _mixed),
}
SHARED = {"email_body", "log_user", "json_blob", "kv_blob", "html", "delivery", "commit", "card_note", "short_note"}
NEGATIVE: dict[str, tuple[tuple[str, ...], Make]] = {
    "product": (("description", "product_text", "details"), _product),
    "recipe": (("instructions", "step", "method"), lambda fk, rng: rng.choice(RECIPE_STEPS)),
    "error": (("error_message", "message", "failure_reason"), lambda fk, rng: rng.choice(ERRORS)),
    "template": (("template", "body_template", "message"), lambda fk, rng: rng.choice(TEMPLATES)),
    "lorem": (("placeholder_text", "body", "content"), lambda fk, rng: " ".join(rng.sample(LOREM, 2))),
    "headline": (("headline", "title", "news"), lambda fk, rng: rng.choice(HEADLINES)),
    "id_log": (("log_line", "message", "raw_log"), _id_log),
    "plain_commit": (("commit_message", "subject", "message"), _plain_commit),
    "last_four": (("payment_note", "notes", "card_info"), _last_four),
}


def _column(kind: str, make: Any, fk: Any, rng: random.Random, rows: int) -> list[Any]:
    if kind in SHARED:
        make = make(rng.uniform(0.12, 0.4))
    return [make(fk, rng) for _ in range(rows)]


def system_text_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: eight kinds holding a person's data in some rows and five that hold
    none, each drawn at random.

    >>> sum(c.label is None for c in system_text_tables(1, rows=5))
    50
    """
    from faker import Faker

    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        fk = Faker(locale)
        fk.seed_instance(rng.getrandbits(32))
        table = f"dst{li:02d}_{locale.lower()}"
        kinds = [(k, "FREE_TEXT_WITH_PII") for k in rng.sample(sorted(POSITIVE), 8)] + \
            [(k, None) for k in rng.sample(sorted(NEGATIVE), 5)]
        used: set[str] = set()
        for i, (kind, label) in enumerate(kinds):
            names, make = POSITIVE[kind] if label else NEGATIVE[kind]
            if rng.random() < 0.3:
                name, style = rng.choice(OPAQUE).format(i=i + 1), "opaque"
            else:
                name, style = rng.choice(names), "honest"
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, _column(kind, make, fk, rng, rows)))
    return columns
