"""Messy, semi-structured tables for the masking evaluation: PII inside nested and encoded values.

Independent of :mod:`benchmarks.masking_eval.corpus` (no code or values shared) and of the classification
splits: mimesis in locales neither uses (hu, el, pt, en-gb, sk, ru, uk, et), its own seed, and IBANs and cards
built here with their check digits. Each table is written as a new user's file would be:

- ``nested.parquet``: Parquet STRUCT, LIST and MAP columns holding e-mails, phones, names, IBANs, cards and
  addresses, one and two levels deep, beside non-sensitive nested columns (a list of integers, a struct of
  booleans and an enum) and flat ones;
- ``docs.parquet`` and ``docs.csv``: JSON text (objects and arrays, PII under innocuous keys such as ``meta``
  and ``x``), cells that mix JSON and plain text, ``key=value`` strings, URLs carrying e-mails or tokens in
  their query strings, and base64 of JSON with PII.

Every column is labelled with its *shape* and, per row, the sensitive leaf values it holds (``[]`` for a
non-sensitive column). Column names say nothing (``payload``, ``x``, ``attrs``): PII in names is out of scope,
and the point is what the default does when a name gives no hint.
"""

from __future__ import annotations

import base64
import csv
import json
import random
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEED = 8675309
LOCALES = ("hu", "el", "pt", "en-gb", "sk", "ru", "uk", "et")
# IBAN country, BBAN length (digits only, which each of these admits)
IBAN_FORMATS = (("HU", 24), ("PT", 21), ("GR", 23), ("SK", 20), ("EE", 16))


@dataclass
class NestedColumn:
    name: str
    shape: str  # what the evaluation reports per: "struct", "list", "map", "nested x2", "json", ... or "plain"
    values: list[Any]  # Python values: dicts, lists, str, int, bool, None
    secrets: list[list[tuple[str, str]]] = field(default_factory=list)  # per row, (info type, raw text); [] = none
    arrow_type: Any = None  # a pyarrow type for Parquet, or None to infer

    @property
    def sensitive(self) -> bool:
        return any(self.secrets)


@dataclass
class NestedTable:
    name: str
    fmt: str  # "parquet" or "csv"
    columns: list[NestedColumn]

    def write(self, directory: Path) -> Path:
        path = directory / f"{self.name}.{self.fmt}"
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            arrays = [pa.array(c.values, type=c.arrow_type) for c in self.columns]
            pq.write_table(pa.Table.from_arrays(arrays, names=[c.name for c in self.columns]), path)
        else:
            with path.open("w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow([c.name for c in self.columns])
                for i in range(len(self.columns[0].values)):
                    w.writerow(["" if c.values[i] is None else c.values[i] for c in self.columns])
        return path


class _People:
    """One seeded source of PII across the locales, with check digits computed here."""

    def __init__(self, seed: int) -> None:
        from mimesis import Address, Person
        from mimesis.locales import Locale

        self.rng = random.Random(seed)
        self.people = [Person(Locale(loc), seed=seed + i) for i, loc in enumerate(LOCALES)]
        self.places = [Address(Locale(loc), seed=seed + 100 + i) for i, loc in enumerate(LOCALES)]

    def _i(self) -> int:
        return self.rng.randrange(len(LOCALES))

    def name(self) -> str:
        return self.people[self._i()].full_name()

    def email(self) -> str:
        user = self.people[self._i()].username(mask="l_d").lower()
        return f"{user}@{self.rng.choice(('posta.hu', 'sapo.pt', 'otenet.gr', 'zoznam.sk', 'mail.ee', 'ukr.net'))}"

    def phone(self) -> str:
        return self.people[self._i()].phone_number()

    def address(self) -> str:
        p = self.places[self._i()]
        return f"{p.address()}, {p.city()}"

    def iban(self) -> str:
        cc, n = self.rng.choice(IBAN_FORMATS)
        bban = "".join(self.rng.choice(string.digits) for _ in range(n))
        digits = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
        return f"{cc}{98 - int(digits) % 97:02d}{bban}"

    def card(self) -> str:
        body = [self.rng.choice((4, 5))] + [self.rng.randrange(10) for _ in range(14)]
        total = 0
        for i, d in enumerate(reversed(body)):
            d = d * 2 if i % 2 == 0 else d
            total += d - 9 if d > 9 else d
        digits = "".join(map(str, body)) + str((10 - total % 10) % 10)
        return " ".join(digits[i:i + 4] for i in range(0, 16, 4)) if self.rng.random() < 0.5 else digits

    def ip(self) -> str:
        return f"10.{self.rng.randrange(256)}.{self.rng.randrange(256)}.{self.rng.randrange(1, 255)}"

    def token(self) -> str:
        return "tk_" + "".join(self.rng.choice(string.ascii_letters + string.digits) for _ in range(32))

    def pick(self, kinds: tuple[str, ...]) -> tuple[str, str]:
        kind = self.rng.choice(kinds)
        return kind, getattr(self, {"EMAIL": "email", "PHONE": "phone", "PERSON_NAME": "name", "IBAN": "iban",
                                    "CREDIT_CARD": "card", "STREET_ADDRESS": "address", "IP_ADDRESS": "ip",
                                    "API_KEY": "token"}[kind])()


def _nested(p: _People, rows: int) -> NestedTable:
    import pyarrow as pa

    rng = p.rng
    cols: list[NestedColumn] = []

    s_type = pa.struct([("a", pa.string()), ("b", pa.string()), ("c", pa.string())])
    vals, secs = [], []
    for _ in range(rows):
        mail, ph, nm = p.email(), p.phone(), p.name()
        vals.append({"a": mail, "b": ph, "c": nm})
        secs.append([("EMAIL", mail), ("PHONE", ph), ("PERSON_NAME", nm)])
    cols.append(NestedColumn("attrs", "struct", vals, secs, s_type))

    vals, secs = [], []
    for _ in range(rows):
        items = [p.pick(("EMAIL", "PHONE")) for _ in range(rng.randint(1, 3))]
        vals.append([v for _, v in items])
        secs.append(items)
    cols.append(NestedColumn("x", "list", vals, secs, pa.list_(pa.string())))

    vals, secs = [], []
    for _ in range(rows):
        i, c = p.iban(), p.card()
        vals.append([("k1", i), ("k2", c)])
        secs.append([("IBAN", i), ("CREDIT_CARD", c)])
    cols.append(NestedColumn("meta", "map", vals, secs, pa.map_(pa.string(), pa.string())))

    inner = pa.struct([("line", pa.string()), ("town", pa.string())])
    s2 = pa.struct([("who", pa.string()), ("where", inner), ("level", pa.int32())])
    vals, secs = [], []
    for _ in range(rows):
        nm = p.name()
        place = p.places[rng.randrange(len(LOCALES))]
        line, town = place.address(), place.city()
        vals.append({"who": nm, "where": {"line": line, "town": town}, "level": rng.randint(1, 5)})
        secs.append([("PERSON_NAME", nm), ("STREET_ADDRESS", line)])
    cols.append(NestedColumn("info", "nested x2", vals, secs, s2))

    ls = pa.list_(pa.struct([("n", pa.string()), ("acct", pa.string())]))
    vals, secs = [], []
    for _ in range(rows):
        items = [(p.name(), p.iban()) for _ in range(rng.randint(1, 2))]
        vals.append([{"n": n, "acct": a} for n, a in items])
        secs.append([s for n, a in items for s in (("PERSON_NAME", n), ("IBAN", a))])
    cols.append(NestedColumn("rel", "nested x2", vals, secs, ls))

    mp = pa.map_(pa.string(), pa.list_(pa.string()))
    vals, secs = [], []
    for _ in range(rows):
        mail, ph = p.email(), p.phone()
        vals.append([("c", [mail, ph])])
        secs.append([("EMAIL", mail), ("PHONE", ph)])
    cols.append(NestedColumn("kv", "nested x2", vals, secs, mp))

    none: list[list[tuple[str, str]]] = [[] for _ in range(rows)]
    cols.append(NestedColumn("row_id", "plain", list(range(1, rows + 1)), none, pa.int64()))
    cols.append(NestedColumn("scores", "plain nested", [[rng.randrange(100) for _ in range(3)] for _ in range(rows)],
                             none, pa.list_(pa.int32())))
    cols.append(NestedColumn("flags", "plain nested",
                             [{"active": rng.random() < 0.5, "tier": rng.choice(("gold", "silver", "bronze"))}
                              for _ in range(rows)], none,
                             pa.struct([("active", pa.bool_()), ("tier", pa.string())])))
    cols.append(NestedColumn("amount", "plain", [round(rng.uniform(1, 900), 2) for _ in range(rows)], none,
                             pa.float64()))
    return NestedTable("nested", "parquet", cols)


def _texts(p: _People, rows: int, name: str, fmt: str) -> NestedTable:
    rng = p.rng
    cols: list[NestedColumn] = []

    vals, secs = [], []
    for _ in range(rows):
        mail, nm = p.email(), p.name()
        doc = {"id": rng.randrange(10**6), "meta": {"x": mail, "note": f"owner {nm}"}, "ok": True}
        vals.append(json.dumps(doc, ensure_ascii=rng.random() < 0.5))
        secs.append([("EMAIL", mail), ("PERSON_NAME", nm)])
    cols.append(NestedColumn("payload", "json object", vals, secs))

    vals, secs = [], []
    for _ in range(rows):
        items = [p.pick(("PHONE", "IBAN", "STREET_ADDRESS")) for _ in range(2)]
        vals.append(json.dumps([rng.randrange(50), items[0][1], {"x": items[1][1]}]))
        secs.append(items)
    cols.append(NestedColumn("data", "json array", vals, secs))

    vals, secs = [], []
    for _ in range(rows):
        kind, v = p.pick(("EMAIL", "PHONE", "PERSON_NAME", "CREDIT_CARD"))
        if rng.random() < 0.5:
            vals.append(json.dumps({"x": v, "n": rng.randrange(9)}))
        else:
            vals.append(rng.choice(("see {} re: invoice", "{}", "fwd to {} asap", "ref {}")).format(v))
        secs.append([(kind, v)])
    cols.append(NestedColumn("extra", "json or text", vals, secs))

    vals, secs = [], []
    for _ in range(rows):
        mail, ip = p.email(), p.ip()
        vals.append(f"user={mail};ip={ip};v={rng.randrange(9)}" if rng.random() < 0.5 else f"u={mail}&src={ip}")
        secs.append([("EMAIL", mail), ("IP_ADDRESS", ip)])
    cols.append(NestedColumn("ctx", "key=value", vals, secs))

    vals, secs = [], []
    for _ in range(rows):
        if rng.random() < 0.5:
            mail = p.email()
            vals.append(f"https://shop.example.org/confirm?email={mail}&lang=hu")
            secs.append([("EMAIL", mail)])
        else:
            t = p.token()
            vals.append(f"https://api.example.net/v2/cb?access_token={t}&page={rng.randrange(9)}")
            secs.append([("API_KEY", t)])
    cols.append(NestedColumn("link", "url query", vals, secs))

    vals, secs = [], []
    for _ in range(rows):
        mail, ph = p.email(), p.phone()
        blob = json.dumps({"m": {"e": mail, "t": ph}})
        vals.append(base64.b64encode(blob.encode()).decode())
        secs.append([("EMAIL", mail), ("PHONE", ph)])
    cols.append(NestedColumn("blob", "base64 json", vals, secs))

    team = [(p.name(), p.email()) for _ in range(6)]  # a few records, repeated: a column of twenty labels in shape
    vals, secs = [], []
    for _ in range(rows):
        nm, mail = rng.choice(team)
        vals.append(f"owner={nm};mail={mail};team=ops" if fmt == "csv" else json.dumps({"owner": nm, "x": mail}))
        secs.append([("PERSON_NAME", nm), ("EMAIL", mail)])
    cols.append(NestedColumn("tag", "repeated records", vals, secs))

    none: list[list[tuple[str, str]]] = [[] for _ in range(rows)]
    cols.append(NestedColumn("seq", "plain", [str(i) for i in range(1, rows + 1)], none))
    cols.append(NestedColumn("state", "plain", [rng.choice(("new", "paid", "void")) for _ in range(rows)], none))
    cols.append(NestedColumn("cfg", "plain json",
                             [json.dumps({"retries": rng.randrange(5), "mode": rng.choice(("fast", "safe"))})
                              for _ in range(rows)], none))
    return NestedTable(name, fmt, cols)


def build(seed: int = SEED, rows: int = 200) -> list[NestedTable]:
    """The nested corpus: one Parquet table of nested columns and the same text shapes as Parquet and as CSV.

    >>> tables = build(rows=3)
    >>> [(t.name, t.fmt) for t in tables]
    [('nested', 'parquet'), ('docs', 'parquet'), ('docs_csv', 'csv')]
    >>> sorted({c.shape for t in tables for c in t.columns})[:4]
    ['base64 json', 'json array', 'json object', 'json or text']
    """
    p = _People(seed)
    return [_nested(p, rows), _texts(p, rows, "docs", "parquet"), _texts(p, rows, "docs_csv", "csv")]
