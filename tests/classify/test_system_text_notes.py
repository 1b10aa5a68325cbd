"""Free text as systems write it (issue 15, ``extcsv39``): notes columns that hold codes in half their rows, short
notes naming someone in three to six words, and Korean notes naming a colleague by a one-syllable family name and a
title (박 과장님께) are FREE_TEXT_WITH_PII; chats, e-mail headers, log lines, JSON blobs, HTML, OCR'd forms and commit
trailers stay so. Each has a look-alike that must not be: firm names after a founder, names in a name cell, notes
without a name, Korean determiners before a title (전 과장님 "the former manager"), and system text holding nobody
(templates with placeholders, error messages, headlines, id-only logs, a card's last four digits).

People, addresses and cards are drawn from Faker here; the words around them are written by hand.
"""

from __future__ import annotations

import json
import random

import pytest
from faker import Faker

from maskline.classify import classify_column

ROWS = 300


def _fk(seed: int, locale: str = "en_US") -> Faker:
    fk = Faker(locale)
    fk.seed_instance(seed)
    return fk


def _mixed_codes_and_notes(seed: int) -> list[str]:
    """Order codes in half the rows, notes in the rest, a third of the notes naming whom a replacement went to."""
    fk, rng = _fk(seed), random.Random(seed)
    out = []
    for _ in range(ROWS):
        if rng.random() < 0.55:
            out.append(f"ORD-{rng.randint(10**5, 10**6)}")
        elif rng.random() < 0.35:
            out.append(f"Replacement sent to {fk.name()} at {fk.address().replace(chr(10), ', ')}")
        else:
            out.append(rng.choice(("Replacement sent, old unit not returned", "Customer will pick up in store",
                                   "Refund approved by the shift lead")))
    return out


def _short_notes(seed: int, named: bool) -> list[str]:
    fk, rng = _fk(seed), random.Random(seed)
    forms = ("call {n} back", "{n} prefers e-mail", "{n} called twice", "email {n} today")
    plain = ("no answer", "sent the quote", "waiting for stock", "follow up next week", "closed, duplicate ticket",
             "needs manager approval")
    return [rng.choice(forms).format(n=fk.name()) if named and rng.random() < 0.25 else rng.choice(plain)
            for _ in range(ROWS)]


def test_codes_in_half_the_rows_and_notes_naming_people_in_the_rest_are_free_text() -> None:
    # On main a column had to be half prose: 55% order codes left these notes unread (NONE).
    c = classify_column("resolution", _mixed_codes_and_notes(1))
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_codes_beside_notes_naming_nobody_are_not_free_text() -> None:
    rng = random.Random(2)
    values = [f"ORD-{rng.randint(10**5, 10**6)}" if rng.random() < 0.55 else
              rng.choice(("Replacement sent, old unit not returned", "Customer will pick up in store",
                          "Refund approved by the shift lead")) for _ in range(ROWS)]
    assert classify_column("resolution", values).info_type != "FREE_TEXT_WITH_PII"


def test_short_notes_naming_someone_are_free_text() -> None:
    # "call Anna Meier back": two words around the name, where main asked for three.
    c = classify_column("remark", _short_notes(3, named=True))
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_short_notes_naming_nobody_are_not_free_text() -> None:
    assert classify_column("remark", _short_notes(3, named=False)).info_type is None


@pytest.mark.parametrize("form", ["{n} Consulting Ltd", "{n} Holding GmbH", "{n}, {c}, {k}", "Dr. {n} (Sales)"])
def test_names_followed_by_capitalised_words_are_not_short_notes(form: str) -> None:
    # A firm's name after its founder, a name cell with a town: what follows the name is capitalised, not a verb.
    fk = _fk(4)
    values = [form.format(n=fk.name(), c=fk.city(), k=fk.country()) for _ in range(ROWS)]
    assert classify_column("c3", values).info_type != "FREE_TEXT_WITH_PII"


def _korean_notes(seed: int, forms: tuple[str, ...]) -> list[str]:
    rng = random.Random(seed)
    plain = ("문 앞에 놓아 주세요", "배송 전에 연락 주세요", "경비실에 맡겨 주세요", "초인종을 누르지 마세요")
    family = ("김", "박", "최", "정", "강", "조", "윤", "장", "임", "오", "서", "권", "황", "안", "송", "홍")
    return [rng.choice(forms).format(l=rng.choice(family)) if rng.random() < 0.3 else rng.choice(plain)
            for _ in range(ROWS)]


def test_korean_notes_naming_someone_by_a_family_name_and_a_title_are_free_text() -> None:
    forms = ("부재 시 옆집 {l} 선생님께 맡겨 주세요", "경비실에 맡기고 {l} 과장님께 연락 주세요", "{l} 씨가 대신 받을 예정입니다")
    c = classify_column("remarks", _korean_notes(5, forms))
    assert c.info_type == "FREE_TEXT_WITH_PII", c.evidence


def test_korean_determiners_before_a_title_name_nobody() -> None:
    # 전 "former", 현 "current", 이 "this", 모 "a certain": the same shape, no family name.
    forms = ("전 과장님께 보고했습니다 내일 다시 연락", "현 팀장님이 승인했습니다 오늘 처리 완료", "이 고객님께 다시 연락 드렸습니다",
             "모 씨가 익명으로 문의했습니다 확인 필요")
    assert classify_column("remarks", _korean_notes(6, forms)).info_type != "FREE_TEXT_WITH_PII"


def _system_text(kind: str, seed: int) -> list[str]:
    fk, rng = _fk(seed, "de_DE"), random.Random(seed)
    out = []
    for _ in range(ROWS):
        named = rng.random() < 0.3
        if kind == "chat":
            out.append(f"[10:{rng.randint(10, 59)}] {fk.first_name()}: " +
                       (f"rufen Sie mich unter {fk.phone_number()} an" if named else "danke, das hilft"))
        elif kind == "email":
            out.append(f'From: "{fk.last_name()}, {fk.first_name()}" <{fk.email()}>\nSubject: Rechnung\n\nHallo')
        elif kind == "log":
            user = fk.email() if named else "svc-etl"
            out.append(f"2026-03-0{rng.randint(1, 9)}T10:11:12Z INFO login user={user} req={rng.randint(1, 10**6)}")
        elif kind == "json":
            event: dict[str, object] = {"event": "signup", "session": rng.randint(1, 10**9)}
            if named:
                event["customer"] = {"name": fk.name(), "email": fk.email()}
            out.append(json.dumps(event, ensure_ascii=False))
        elif kind == "html":
            out.append(f"<p>Dear {fk.name()},</p><p>your order has shipped.</p>" if named else
                       "<p>Your order has shipped.</p><p>Track it in your account.</p>")
        elif kind == "ocr":
            out.append(f"NAME: {fk.name().upper()} ADDRESS: {fk.address().replace(chr(10), ' ').upper()} SIGNED")
        elif kind == "commit":
            out.append(f"Fix the parser\n\nSigned-off-by: {fk.name()} <{fk.email()}>" if named else
                       f"Bump pyarrow (#{rng.randint(10, 9999)})")
        else:  # a card in a payment note, grouped
            digits = fk.credit_card_number(card_type="visa16")
            out.append("Kunde gab Karte " + " ".join(digits[i:i + 4] for i in range(0, 16, 4)) + " am Telefon"
                       if named else "Bezahlt per Überweisung")
    return out


@pytest.mark.parametrize("kind", ["chat", "email", "log", "json", "html", "ocr", "commit", "card"])
def test_system_text_carrying_personal_data_is_free_text(kind: str) -> None:
    c = classify_column("c1", _system_text(kind, 7))
    assert c.info_type == "FREE_TEXT_WITH_PII", (kind, c.evidence)


HARD_NEGATIVES = {
    "template": ("Dear {first_name}, your order {order_id} has shipped.", "Hi {{name}}, welcome to {{company}}!",
                 "Dear ${customer.firstName}, your invoice is attached.", "Dear <FIRST_NAME> <LAST_NAME>, thank you."),
    "error": ("Connection refused by upstream service", "NullPointerException in OrderService.process",
              "KeyError: 'customer_id' in the transform step", "TLS handshake failed: certificate expired"),
    "headline": ("Apple opens new store on the Champs-Élysées", "Volkswagen recalls 40,000 cars over brake fault",
                 "Louvre extends opening hours for the summer", "Record crowds at the Oktoberfest in Munich"),
    "last_four": ("Paid by card ending {d}", "Charged to Visa ending in {d}", "Card **** **** **** {d} declined"),
}


@pytest.mark.parametrize("kind", sorted(HARD_NEGATIVES) + ["id_log"])
def test_system_text_holding_nobody_is_not_free_text(kind: str) -> None:
    rng = random.Random(8)
    if kind == "id_log":
        values = [f"2026-03-0{rng.randint(1, 9)}T10:{rng.randint(10, 59)}:00Z INFO job={rng.getrandbits(32):08x} "
                  f"rows={rng.randint(0, 10**6)} took={rng.randint(1, 9000)}ms" for _ in range(ROWS)]
    else:
        values = [rng.choice(HARD_NEGATIVES[kind]).format(d=f"{rng.randint(0, 9999):04d}") if kind == "last_four"
                  else rng.choice(HARD_NEGATIVES[kind]) for _ in range(ROWS)]
    c = classify_column("message", values)
    assert c.info_type not in ("FREE_TEXT_WITH_PII", "CREDIT_CARD"), (kind, c.evidence)
