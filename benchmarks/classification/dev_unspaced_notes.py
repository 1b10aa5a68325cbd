"""Dev-split tables of notes in Japanese, Chinese (simplified and traditional), Korean and Thai that name a person or
give a phone, an address or an e-mail, beside prose of the same languages that holds none (since the ``extcsv29``
round, issue 15).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(``SEED_OFFSET``), so the tables before them stay as they were. In these scripts a name has no capital letter and
(but for Korean) no space around it, so what a note says of a person is read by the honorific written with the name
and by the name lists.

Per locale, one table of five to seven columns:

- notes naming people (``FREE_TEXT_WITH_PII``): customer-service and handover sentences written here, and in a
  share of the rows (8% to 30%) a person named from the generator's own lists in its script, with the honorific
  the language uses (山田さん, 田中様, 伊藤先生; 刘先生, 王女士, 陈小姐; 조재현 씨, 김민준님; คุณสมชาย, นางสาว...),
  or a full name;
- notes with a phone (the generator's local formats) or an e-mail, and notes with an address;
- hard negatives (``None``): product reviews and recipes written here, encyclopedic sentences from mimesis (ja, zh,
  ko) or Faker's lorem (th, zh_TW), news-like sentences naming the locale's cities without any person, and notes
  using honorifics with no name (お客様, 皆様, 各位先生, 这位女士, 고객님, 선생님, คุณภาพ, คุณลูกค้า).

Names are honest (``notes``, ``comment``), in the language (``備考``, ``备注``, ``메모``, ``หมายเหตุ``) or opaque.
Names and addresses come from mimesis (ja, zh, ko; Faker's ja_JP addresses, as mimesis' are bare block numbers)
and Faker (th_TH, zh_TW); the sentences around them and the
negatives' templates are written here.

>>> cols = unspaced_note_tables(7, rows=30)
>>> len({c.table for c in cols}), sorted({c.label or "" for c in cols})
(5, ['', 'FREE_TEXT_WITH_PII'])
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 97  # its own generator (47-89 are other modules'): the tables before it stay as they were
LOCALES = ("ja", "zh", "zh-tw", "ko", "th")
OPAQUE = ("c{i}", "f{i}", "col{i}", "x{i}", "v{i:02d}", "field{i}")
HONEST = ("notes", "comment", "remarks", "memo", "agent_notes", "message", "handover_note", "description")
LOCAL_NAMES = {"ja": ("備考", "メモ", "コメント", "対応履歴"), "zh": ("备注", "留言", "客服记录"),
               "zh-tw": ("備註", "留言", "客服紀錄"), "ko": ("메모", "비고", "상담내용"), "th": ("หมายเหตุ", "บันทึก")}

# Sentences of a support desk's log that hold nothing about anyone.
FILLER = {
    "ja": ["本日は特に問題ありませんでした。", "請求書の再発行を依頼されました。", "商品が届いていないとの問い合わせ。",
           "配送が遅れているため確認中です。", "返品の手続きを案内しました。", "システム障害のため対応を保留中。",
           "在庫を確認して折り返し連絡します。", "支払い方法の変更について説明しました。"],
    "zh": ["今天没有问题。", "客户要求更改送货地址。", "已经处理完毕，等待回复。", "订单已发货，请注意查收。",
           "系统故障，稍后再处理。", "客户询问退款进度。", "已解释付款方式的变更。", "库存不足，预计下周到货。"],
    "zh-tw": ["今天沒有問題。", "客戶要求更改送貨地址。", "已經處理完畢，等待回覆。", "訂單已出貨，請注意查收。",
              "系統故障，稍後再處理。", "客戶詢問退款進度。", "已說明付款方式的變更。"],
    "ko": ["오늘은 특별한 문제가 없었습니다.", "배송이 늦어지고 있어 확인 중입니다.", "환불 요청이 접수되었습니다.",
           "결제 방법 변경에 대해 안내했습니다.", "재고 확인 후 다시 연락드리겠습니다.", "시스템 오류로 처리가 지연되었습니다."],
    "th": ["วันนี้ไม่มีปัญหาอะไรลูกค้าพอใจมาก", "สินค้าส่งช้ากว่ากำหนดกำลังตรวจสอบให้", "ลูกค้าขอคืนเงินเรียบร้อยแล้ว",
           "แจ้งเปลี่ยนวิธีการชำระเงินเรียบร้อย", "ระบบขัดข้องจะติดต่อกลับภายหลัง", "ตรวจสอบสต็อกแล้วจะแจ้งให้ทราบอีกครั้ง"],
}
# A person named with the honorific the language uses: {f} family name, {g} given name, {n} full name.
NAMED = {
    "ja": ["{f}さんから電話がありました。折り返し連絡します。", "{f}様より返品の依頼あり。", "担当の{f}先生に確認済み。",
           "{n}様の注文内容を変更しました。", "本件は{f}さんに引き継ぎました。", "{f}{g}様から住所変更の連絡あり。"],
    "zh": ["{f}先生来电询问订单。", "{f}女士要求退款。", "已转交{f}老师处理。", "{n}女士来电，要求明天送货。",
           "请{f}小姐回电确认。", "客户{n}先生投诉物流太慢。"],
    "zh-tw": ["{f}先生來電詢問訂單。", "{f}女士要求退款。", "已轉交{f}老師處理。", "{n}小姐來電，要求明天送貨。",
              "客戶{n}先生投訴物流太慢。"],
    "ko": ["{n} 씨가 전화했습니다. 다시 연락 바랍니다.", "{n}님이 반품을 요청했습니다.", "담당자 {n} 님에게 전달했습니다.",
           "{n} 고객님께 배송 일정을 안내했습니다.", "오늘 {n} 씨와 통화했습니다."],
    "th": ["คุณ{g}โทรมาสอบถามเรื่องสินค้าที่สั่งไว้", "ส่งต่อให้คุณ{g}ดำเนินการต่อแล้ว", "ลูกค้าชื่อ {n} ขอเปลี่ยนที่อยู่จัดส่ง",
           "คุณ{g} {f} แจ้งว่ายังไม่ได้รับสินค้า", "ติดต่อ {n} เรียบร้อยแล้ว"],
}
CONTACT = {
    "ja": ["お客様から電話あり。折り返しは{p}までお願いします。", "連絡先メールは{e}です。", "携帯{p}に連絡済み。"],
    "zh": ["客户来电，请回拨{p}。", "请将发票发送到{e}，谢谢。", "联系电话：{p}，下午方便。"],
    "zh-tw": ["客戶來電，請回撥{p}。", "請將發票寄到{e}，謝謝。", "聯絡電話：{p}，下午方便。"],
    "ko": ["고객 전화번호 {p} 로 연락 바랍니다.", "영수증은 {e} 로 보내 주세요.", "연락처 {p} 확인했습니다."],
    "th": ["ลูกค้าโทรมาจากเบอร์ {p} ขอให้ติดต่อกลับด่วน", "ส่งใบเสร็จไปที่ {e} ด้วยครับ", "เบอร์ติดต่อ {p} สะดวกช่วงบ่าย"],
}
ADDRESSED = {
    "ja": ["配送先を{a}に変更したいとのこと。", "届け先は{a}です。"],
    "zh": ["送货地址改为{a}。", "请寄到{a}，谢谢。"],
    "zh-tw": ["送貨地址改為{a}。", "請寄到{a}，謝謝。"],
    "ko": ["배송지를 {a}(으)로 변경 요청.", "주소는 {a} 입니다."],
    "th": ["ขอเปลี่ยนที่อยู่จัดส่งเป็น {a} ด้วยครับ", "ส่งของไปที่ {a} นะคะ"],
}
REVIEWS = {
    "ja": ["この商品はとても使いやすいです。", "色が写真と少し違いました。", "値段の割に品質が良いと思います。",
           "配送が早くて助かりました。", "サイズが小さすぎました。残念です。"],
    "zh": ["这个产品质量很好，物流很快。", "颜色和图片有点不一样。", "性价比很高，推荐购买。", "尺寸偏小，不太满意。"],
    "zh-tw": ["這個產品品質很好，物流很快。", "顏色和圖片有點不一樣。", "性價比很高，推薦購買。", "尺寸偏小，不太滿意。"],
    "ko": ["이 제품은 정말 사용하기 편합니다.", "색상이 사진과 조금 달라요.", "가격 대비 품질이 좋습니다.", "배송이 빨라서 좋았어요."],
    "th": ["สินค้าคุณภาพดีมากส่งเร็วทันใจ", "สีไม่ตรงกับรูปเลยผิดหวังนิดหน่อย", "ราคาถูกคุ้มค่ามากแนะนำเลย", "ขนาดเล็กกว่าที่คิดไว้"],
}
RECIPES = {
    "ja": ["玉ねぎを薄切りにして炒めます。", "鍋に水と醤油を入れて煮込みます。", "卵を割ってよく混ぜてください。"],
    "zh": ["先把洋葱切丝，用油炒香。", "锅中加水和酱油，小火煮十分钟。", "打两个鸡蛋，搅拌均匀。"],
    "zh-tw": ["先把洋蔥切絲，用油炒香。", "鍋中加水和醬油，小火煮十分鐘。", "打兩個雞蛋，攪拌均勻。"],
    "ko": ["양파를 얇게 썰어 볶습니다.", "냄비에 물과 간장을 넣고 끓입니다.", "달걀을 풀어서 잘 섞어 주세요."],
    "th": ["หั่นหอมใหญ่เป็นแว่นบางๆแล้วผัดให้หอม", "ใส่น้ำและซีอิ๊วลงในหม้อต้มไฟอ่อน", "ตอกไข่แล้วตีให้เข้ากัน"],
}
# Places in news-like prose, without a person: {c} a city of the locale.
PLACES = {
    "ja": ["{c}で新しい駅が開業しました。", "{c}の天気は明日から雨になる見込みです。", "{c}で花火大会が開催されます。"],
    "zh": ["{c}新建的地铁线路今天开通。", "{c}明天有雨，请注意出行。", "{c}举办了国际美食节。"],
    "zh-tw": ["{c}新建的捷運路線今天通車。", "{c}明天有雨，請注意出行。", "{c}舉辦了國際美食節。"],
    "ko": ["{c}에 새로운 지하철역이 개통했습니다.", "{c}는 내일부터 비가 올 예정입니다.", "{c}에서 불꽃 축제가 열립니다."],
    "th": ["ที่{c}มีฝนตกหนักตั้งแต่เมื่อวาน", "{c}จัดงานเทศกาลอาหารประจำปี", "ถนนใน{c}ปิดซ่อมแซมชั่วคราว"],
}
# Honorifics with no name: the words that a rule keyed on honorifics must not read as people.
UNNAMED = {
    "ja": ["お客様から電話がありました。", "皆様にご迷惑をおかけしました。", "担当者様へ資料を送付済み。", "お母さんが代理で来店。"],
    "zh": ["这位先生很满意。", "各位女士先生，欢迎光临。", "那位小姐已经付款。", "老师说明天再来。"],
    "zh-tw": ["這位先生很滿意。", "各位女士先生，歡迎光臨。", "那位小姐已經付款。"],
    "ko": ["고객님께 연락드렸습니다.", "선생님께서 다시 방문하신다고 합니다.", "이 고객님은 환불을 원하십니다."],
    "th": ["คุณภาพสินค้าดีมากลูกค้าพอใจ", "คุณลูกค้าแจ้งว่าสินค้าชำรุด", "คุณสมบัติของสินค้าตรงตามที่แจ้ง"],
}


@dataclass(frozen=True)
class People:
    """The locale's generators: a family name, a given name, a full name as the language writes it, a phone, an
    address, a city."""
    family: Callable[[], str]
    given: Callable[[], str]
    full: Callable[[], str]
    phone: Callable[[], str]
    address: Callable[[], str]
    city: Callable[[], str]


def _people(locale: str, rng: random.Random) -> People:
    if locale in ("ja", "zh", "ko"):
        from mimesis import Address, Person
        from mimesis.locales import Locale

        p = Person(locale=Locale(locale), seed=rng.getrandbits(32))
        a = Address(locale=Locale(locale), seed=rng.getrandbits(32))
        def full() -> str:  # family and given name written together, as all three languages write them
            return f"{p.last_name()}{p.first_name()}"
        if locale == "ja":  # mimesis' Japanese addresses are bare block numbers: Faker's have the units
            from faker import Faker

            f = Faker("ja_JP")
            f.seed_instance(rng.getrandbits(32))
            return People(p.last_name, p.first_name, full, p.phone_number, f.address, a.city)
        sep = " " if locale == "ko" else ""  # Korean sets its units apart with spaces
        return People(p.last_name, p.first_name, full, p.phone_number, lambda: f"{a.city()}{sep}{a.address()}",
                      a.city)
    from faker import Faker

    f = Faker({"th": "th_TH", "zh-tw": "zh_TW"}[locale])
    f.seed_instance(rng.getrandbits(32))
    if locale == "th":
        return People(f.last_name, f.first_name, lambda: f"{f.first_name()} {f.last_name()}", f.phone_number,
                      lambda: f.address().replace("\n", " "), f.province)
    return People(f.last_name, f.first_name, f.name, f.phone_number, lambda: f.address().replace("\n", " "), f.city)


def _email(rng: random.Random) -> str:
    user = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9)))
    return f"{user}{rng.randint(1, 999)}@{rng.choice(['gmail.com', 'yahoo.co.jp', 'qq.com', 'naver.com', 'example.org'])}"


def _notes(rng: random.Random, rows: int, filler: list[str], marked: Callable[[], str]) -> list[str]:
    share = rng.uniform(0.08, 0.3)
    return [marked() if rng.random() < share else rng.choice(filler) for _ in range(rows)]


def _fill(template: str, people: People, rng: random.Random) -> str:
    return template.format(f=people.family(), g=people.given(), n=people.full(), p=people.phone(), e=_email(rng),
                           a=people.address(), c=people.city())


def _columns(locale: str, rng: random.Random, rows: int) -> list[tuple[str | None, list[Any]]]:
    people = _people(locale, rng)
    filler = FILLER[locale]

    def marked(pool: dict[str, list[str]]) -> Callable[[], str]:
        return lambda: _fill(rng.choice(pool[locale]), people, rng)

    def prose(*pools: dict[str, list[str]]) -> Callable[[], str]:
        return lambda: _fill(rng.choice([t for pool in pools for t in pool[locale]]), people, rng)

    encyclopedic = _encyclopedic(locale, rng)
    negatives = [
        [prose(REVIEWS)() for _ in range(rows)],
        [prose(RECIPES, REVIEWS)() for _ in range(rows)],
        [prose(PLACES)() if rng.random() < 0.5 else rng.choice(filler) for _ in range(rows)],
        [prose(UNNAMED)() if rng.random() < 0.3 else rng.choice(filler) for _ in range(rows)],
        [encyclopedic() for _ in range(rows)],
    ]
    return ([("FREE_TEXT_WITH_PII", _notes(rng, rows, filler, marked(NAMED))),
             ("FREE_TEXT_WITH_PII", _notes(rng, rows, filler, marked(CONTACT))),
             ("FREE_TEXT_WITH_PII", _notes(rng, rows, filler, marked(ADDRESSED)))]
            + [(None, values) for values in negatives])


def _encyclopedic(locale: str, rng: random.Random) -> Callable[[], str]:
    """Sentences of mimesis' texts (ja, zh, ko: encyclopedic prose and proverbs) or Faker's lorem (th, zh_TW)."""
    if locale in ("ja", "zh", "ko"):
        from mimesis import Text
        from mimesis.locales import Locale

        text = Text(locale=Locale(locale), seed=rng.getrandbits(32))
        return text.sentence
    from faker import Faker

    f = Faker({"th": "th_TH", "zh-tw": "zh_TW"}[locale])
    f.seed_instance(rng.getrandbits(32))
    return lambda: str(f.sentence(nb_words=rng.randint(6, 12)))


def unspaced_note_tables(seed: int, rows: int) -> list[Column]:
    """One table per locale of :data:`LOCALES`: notes naming people, giving phones, e-mails or addresses, and prose
    holding none, shuffled.

    >>> sum(c.label is None for c in unspaced_note_tables(1, rows=5))
    25
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for li, locale in enumerate(LOCALES):
        table = f"du{li:02d}_{locale.replace('-', '_')}"
        entries = _columns(locale, rng, rows)
        rng.shuffle(entries)
        used: set[str] = set()
        for i, (label, values) in enumerate(entries):
            r = rng.random()
            if r < 0.4:
                name, style = rng.choice(OPAQUE).format(i=i + 1), "opaque"
            elif r < 0.7:
                name, style = rng.choice(LOCAL_NAMES[locale]), "foreign"
            else:
                name, style = rng.choice(HONEST), "honest"
            while name in used:
                name += "_2"
            used.add(name)
            columns.append(Column(table, name, label, style, values))
    return columns
