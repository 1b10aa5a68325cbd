"""Safe kinds that a column's values and its name prove together: the common columns of a warehouse.

:mod:`maskline.classify.safe_kinds` reads kinds whose values alone prove them (money amounts, event epochs, ISBNs).
The kinds here are the everyday columns whose values alone do not: ``7`` is a quantity or a door code, ``2021`` a
model year or a PIN, ``yes`` a flag or an answer. Each kind needs both halves, and neither is enough alone:

- the **values** (this module, at scan time, on the values left once placeholders such as ``N/A`` and ``—`` are
  dropped: a placeholder says nothing about what a column holds) all pass a strict test of their own;
- the **name** (:func:`name_says`, read by the fail-closed decision) says the same kind, from an allow-list of words
  per kind, with no word of a person's role (``owner``, ``customer``) in it.

The kinds (:class:`~maskline.classify.safe_kinds.SafeKind` members, stored like the others):

- ``COUNTS``: whole numbers of at most :data:`MAX_COUNT_DIGITS` digits without sign or leading zero, not of one
  width beyond two digits (:func:`counts_of_things`: fixed widths are codes), under a name
  that says a count (``qty``, ``quantity``, ``page_views``, ``anzahl``);
- ``FLAGS``: yes/no values (``Y``, ``N``, ``true``, ``ja``, ``oui``...) under a flag's name (``is_active``,
  ``has_discount``, ``deleted_flag``);
- ``STATUS_WORDS``: workflow states from a fixed vocabulary (:data:`STATUS_VOCABULARY`: ``pending``, ``shipped``,
  ``storniert``, ``annulé``, ``tertunda``) under a name that says status, state or stage. A fixed vocabulary keeps
  out what a small set of words could otherwise be: religions, ethnicities, diagnoses, marital states, first names;
- ``HTTP_STATUSES``: registered HTTP status codes (the standard library's :class:`http.HTTPStatus`) under a name
  that says status, response or HTTP (``status_code`` too: the registry, not the word ``code``, decides);
- ``MEASUREMENTS``: a number and a unit from a fixed list (``12.5 kg``, ``256 MB``, ``30 min``, ``15%``) under a
  name that says a measure of a thing (``weight``, ``file_size``, ``duration``, ``discount``);
- ``YEARS``: four-digit years from :data:`FIRST_YEAR` to next year, their middle 80% within
  :data:`MAX_YEAR_SPAN` years, under a name that says year (``model_year``, ``fiscal_year``). Years of birth are
  spread over a lifetime and their names say birth (a suspect word the decision never passes).

>>> from maskline.classify.safe_kinds import SafeKind
>>> named_kind(["3", "12", "N/A", "7", "1"] * 6), name_says(SafeKind.COUNTS, "order_qty")
(<SafeKind.COUNTS: 'counts'>, True)
>>> name_says(SafeKind.COUNTS, "c7"), name_says(SafeKind.COUNTS, "customer_count")
(False, False)
"""

from __future__ import annotations

import datetime as dt
import re
from http import HTTPStatus
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maskline.classify.safe_kinds import SafeKind

MAX_COUNT_DIGITS = 6  # a million items in one row is already rare; wider numbers are ids or accounts
MAX_FIXED_COUNT_WIDTH = 2  # counts of one width only when small (ratings 1-5, quantities 10-99); wider: codes
FIRST_YEAR = 1950  # years of events a warehouse holds; earlier ones are history or births
MAX_YEAR_SPAN = 20  # as safe_kinds.MAX_EVENT_SPAN_YEARS: a span a lifetime's years (births) would exceed
MIN_STATUS_WORDS = 2  # distinct states a status column needs: one word repeated proves no vocabulary

_COUNT = re.compile(rf"0|[1-9]\d{{0,{MAX_COUNT_DIGITS - 1}}}")
_YEAR = re.compile(r"(19|20)\d\d")
FLAG_VALUES = frozenset({
    "true", "false", "t", "f", "yes", "no", "y", "n", "0", "1", "ja", "nein", "j", "oui", "non", "o", "si", "sí",
    "sim", "não", "nao", "s", "waar", "onwaar", "ya", "tidak", "vero", "falso", "verdadero", "wahr",
})
# Workflow states of orders, tickets, accounts and jobs, in the languages the name hints know (no test-split
# locale's). An allow-list: marital states, religions, diagnoses and sexes are absent by construction.
STATUS_VOCABULARY = frozenset({
    # en
    "new", "open", "opened", "closed", "pending", "active", "inactive", "enabled", "disabled", "draft",
    "submitted", "approved", "rejected", "declined", "accepted", "paid", "unpaid", "partially paid", "overdue",
    "refunded", "shipped", "delivered", "in transit", "out for delivery", "returned", "cancelled", "canceled",
    "completed", "complete", "done", "failed", "failure", "success", "succeeded", "error", "processing",
    "in progress", "on hold", "queued", "running", "scheduled", "waiting", "archived", "deleted", "expired",
    "suspended", "blocked", "resolved", "reopened", "backordered", "fulfilled", "unfulfilled", "ok", "skipped",
    "retrying", "timeout", "timed out", "confirmed", "unconfirmed", "verified", "unverified", "published",
    "unpublished", "hidden", "visible", "in stock", "out of stock", "discontinued", "available", "unavailable",
    # de
    "neu", "offen", "geschlossen", "ausstehend", "aktiv", "inaktiv", "bezahlt", "unbezahlt", "versandt",
    "versendet", "geliefert", "zugestellt", "storniert", "abgeschlossen", "erledigt", "fehlgeschlagen",
    "in bearbeitung", "abgelehnt", "genehmigt", "zurückgesendet", "archiviert", "gelöscht", "abgelaufen",
    # fr
    "nouveau", "ouvert", "fermé", "en attente", "actif", "inactif", "payé", "impayé", "expédié", "livré", "annulé",
    "terminé", "échoué", "en cours", "refusé", "approuvé", "retourné", "archivé", "supprimé", "expiré",
    # es, pt, it
    "nuevo", "abierto", "cerrado", "pendiente", "activo", "inactivo", "pagado", "enviado", "entregado",
    "cancelado", "completado", "fallido", "en proceso", "rechazado", "aprobado", "devuelto", "novo", "aberto",
    "fechado", "pendente", "ativo", "inativo", "pago", "entregue", "concluído", "concluido", "recusado",
    "aprovado", "nuovo", "aperto", "chiuso", "in attesa", "attivo", "inattivo", "pagato", "spedito", "consegnato",
    "annullato", "completato", "fallito", "in corso", "rifiutato", "approvato",
    # nl, id
    "nieuw", "gesloten", "actief", "inactief", "betaald", "onbetaald", "verzonden", "geleverd", "geannuleerd",
    "voltooid", "mislukt", "in behandeling", "afgewezen", "goedgekeurd", "baru", "aktif", "nonaktif",
    "tidak aktif", "tertunda", "batal", "dibatalkan", "selesai", "dibayar", "lunas", "dikirim", "diterima",
    "ditolak", "gagal", "diproses",
})
_HTTP_STATUSES = frozenset(str(s.value) for s in HTTPStatus)
# Units of measure, written as people and exports write them after a number.
# One list for the classifier and the row guard (maskline.sql.kind_shapes), so what one reads the other passes.
MEASURE_UNITS = ("mg", "g", "kg", "t", "lb", "lbs", "oz", "mm", "cm", "m", "km", "in", "ft", "mi", "ml", "cl", "l",
                 "L", "gal", "ms", "s", "sec", "secs", "min", "mins", "h", "hr", "hrs", "d", "day", "days", "B", "KB",
                 "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "W", "kW", "MW", "Wh", "kWh", "MWh", "V", "mA", "mAh",
                 "hp", "PS", "°C", "°F", "K", "Hz", "kHz", "MHz", "GHz", "%", "px", "pt", "dpi")
_UNIT = "(?:" + "|".join(map(re.escape, MEASURE_UNITS)) + ")"
_MEASURE = re.compile(rf"[-+]?\d{{1,7}}(?:[.,]\d{{1,4}})?\s?{_UNIT}")


def real_value(value: str, kind: str = "string") -> bool:
    """Whether a value says something: not empty, not a placeholder (``N/A``, ``—``, ``unknown``, and in a text
    column a bare ``0``; see :mod:`maskline.classify.placeholders`).

    >>> real_value("12 kg"), real_value("N/A"), real_value("—"), real_value("0"), real_value("0", "integer")
    (True, False, False, False, True)
    """
    from maskline.classify.placeholders import NULL_LIKE, is_placeholder

    s = value.strip()
    return bool(s) and any(ch.isalnum() for ch in s) and s.casefold() not in NULL_LIKE and not is_placeholder(s, kind)


def _kept(values: list[str]) -> list[str]:
    """The values that are not placeholders (:func:`real_value`), trimmed."""
    return [v.strip() for v in values if real_value(v)]


def named_kind(values: list[str], today: dt.date | None = None, counts: list[int] | None = None) -> SafeKind | None:
    """The kind of this module every distinct value (placeholders dropped) proves, or None; the name is read later.
    ``counts``: how often each value occurs (each once when None); the real values need
    :data:`~maskline.classify.safe_kinds.MIN_VALUES` occurrences in all.

    >>> named_kind(["shipped", "pending", "—", "cancelled"] * 8)
    <SafeKind.STATUS_WORDS: 'status_words'>
    >>> named_kind(["Catholic", "Muslim", "Jewish"] * 8) is None
    True
    """
    from maskline.classify.safe_kinds import MIN_VALUES, SafeKind

    kept = _kept(values)
    real = set(kept)
    if sum(c for v, c in zip(values, counts or [1] * len(values), strict=True) if v.strip() in real) < MIN_VALUES:
        return None  # placeholders prove nothing: the kind needs as many real values as any other
    distinct = set(kept)
    # Narrowest first: registered HTTP codes and years are whole numbers too, and 0/1 are flags before counts.
    if http_statuses(kept):
        return SafeKind.HTTP_STATUSES
    if years(distinct, today):
        return SafeKind.YEARS
    if all(v.casefold() in FLAG_VALUES for v in distinct):
        return SafeKind.FLAGS
    if counts_of_things(distinct):
        return SafeKind.COUNTS
    if status_words(distinct):
        return SafeKind.STATUS_WORDS
    if measurements(distinct):
        return SafeKind.MEASUREMENTS
    return None


def counts_of_things(values: set[str]) -> bool:
    """Whether every value is a whole number of at most :data:`MAX_COUNT_DIGITS` digits without sign or leading
    zero, and the numbers are not of one width above :data:`MAX_FIXED_COUNT_WIDTH` digits (fixed-width numbers are
    codes: postal codes, PINs, extensions; counts spread from small to large).

    >>> counts_of_things({"1", "3", "12", "140"}), counts_of_things({"10115", "80331", "20095"})
    (True, False)
    """
    if not values or not all(_COUNT.fullmatch(v) for v in values):
        return False
    widths = {len(v) for v in values}
    return len(widths) > 1 or max(widths) <= MAX_FIXED_COUNT_WIDTH


def years(values: set[str], today: dt.date | None = None) -> bool:
    """Whether every value is a year from :data:`FIRST_YEAR` to next year, the middle 80% within
    :data:`MAX_YEAR_SPAN` years (events, not births over a lifetime).

    >>> years({"2019", "2021", "2024", "2022"}), years({"1948", "1962", "1985", "2003", "1971"})
    (True, False)
    """
    last = (today or dt.date.today()).year + 1
    if not values or not all(_YEAR.fullmatch(v) and FIRST_YEAR <= int(v) <= last for v in values):
        return False
    ys = sorted(int(v) for v in values)
    return ys[int(0.9 * (len(ys) - 1))] - ys[int(0.1 * (len(ys) - 1))] < MAX_YEAR_SPAN


def status_words(values: set[str]) -> bool:
    """Whether every value is a workflow state of :data:`STATUS_VOCABULARY`, at least :data:`MIN_STATUS_WORDS` of
    them.

    >>> status_words({"Pending", "Shipped"}), status_words({"married", "single"})
    (True, False)
    """
    folded = {v.casefold().replace("_", " ").replace("-", " ") for v in values}
    return len(folded) >= MIN_STATUS_WORDS and folded <= STATUS_VOCABULARY


def measurements(values: set[str]) -> bool:
    """Whether every value is a number and a unit of measure (``12.5 kg``, ``256 MB``, ``15%``).

    >>> measurements({"1.2 kg", "30 kg", "0,5 kg"}), measurements({"12 Main St", "4 kg"})
    (True, False)
    """
    return bool(values) and all(_MEASURE.fullmatch(v) for v in values)


def http_statuses(values: list[str]) -> bool:
    """Whether every value (placeholders dropped) is a registered HTTP status code, at least two of them.

    >>> http_statuses(["200", "404", "500", "200"]), http_statuses(["1708", "6012", "345"])
    (True, False)
    """
    distinct = set(_kept(values))
    return len(distinct) >= 2 and distinct <= _HTTP_STATUSES


# Name words per kind: the name must say the kind its values prove. Allow-lists; a word of a person's role
# (decision.PERSON_ROLE_WORDS) in the name withholds every kind (customer_count, owner_status).
COUNT_WORDS = frozenset({
    "qty", "quantity", "quantities", "count", "counts", "cnt", "views", "pageviews", "clicks", "impressions",
    "downloads", "likes", "shares", "stock", "inventory", "units", "items", "pieces", "pcs", "rating", "stars",
    "attempts", "retries", "errors", "seats", "beds", "rooms", "menge", "anzahl", "stueck", "stück", "cantidad",
    "quantite", "quantité", "quantita", "quantità", "quantidade", "aantal", "jumlah", "visits", "sessions", "hits",
})
FLAG_LEADING_WORDS = frozenset({"is", "has", "can", "should", "was", "did", "allow", "allows", "ist", "hat", "est"})
FLAG_WORDS = frozenset({
    "flag", "flags", "yn", "bool", "active", "enabled", "disabled", "deleted", "archived", "verified", "visible",
    "published", "subscribed", "opted", "optin", "optout", "paid", "shipped", "returned", "refunded", "aktiv",
    "actif", "activo", "ativo", "attivo", "actief",
})
STATUS_NAME_WORDS = frozenset({
    "status", "state", "stage", "phase", "statut", "etat", "état", "estado", "estatus", "stato", "zustand",
    "situacao", "situação", "statusnya", "keadaan",
})
HTTP_NAME_WORDS = frozenset({"status", "http", "response", "resp", "statuscode", "httpstatus", "returncode"})
MEASURE_NAME_WORDS = frozenset({
    "weight", "wt", "mass", "size", "filesize", "length", "width", "height", "depth", "dimension", "dimensions",
    "distance", "volume", "capacity", "duration", "runtime", "elapsed", "latency", "timeout", "speed", "power",
    "energy", "consumption", "temperature", "temp", "memory", "ram", "storage", "disk", "bandwidth", "frequency",
    "battery", "load", "discount", "rate", "percent", "pct", "percentage", "vat", "tax", "margin", "progress",
    "humidity", "gewicht", "grosse", "größe", "laenge", "länge", "dauer", "poids", "taille", "longueur", "duree",
    "durée", "peso", "tamano", "tamaño", "longitud", "duracion", "duración", "dimensione", "durata", "lengte",
    "duur", "berat", "ukuran",
})
YEAR_NAME_WORDS = frozenset({
    "year", "years", "yr", "yyyy", "jahr", "annee", "année", "ano", "año", "anno", "jaar", "tahun",
})


def name_says(kind: SafeKind, name: str) -> bool:
    """Whether a column's name says the kind its values proved (see the word lists), with no person's role in it.

    >>> from maskline.classify.safe_kinds import SafeKind
    >>> name_says(SafeKind.FLAGS, "is_active"), name_says(SafeKind.STATUS_WORDS, "order_status")
    (True, True)
    >>> name_says(SafeKind.YEARS, "model_year"), name_says(SafeKind.MEASUREMENTS, "c4")
    (True, False)
    """
    from maskline.classify.decision import PERSON_ROLE_WORDS
    from maskline.classify.safe_kinds import SafeKind
    from maskline.infotypes.name_hints import name_words

    words = name_words(name)
    if not words or set(words) & PERSON_ROLE_WORDS:
        return False
    wanted = {
        SafeKind.COUNTS: COUNT_WORDS, SafeKind.FLAGS: FLAG_WORDS, SafeKind.STATUS_WORDS: STATUS_NAME_WORDS,
        SafeKind.HTTP_STATUSES: HTTP_NAME_WORDS, SafeKind.MEASUREMENTS: MEASURE_NAME_WORDS,
        SafeKind.YEARS: YEAR_NAME_WORDS,
    }.get(kind)
    if wanted is None:
        return False
    if kind is SafeKind.FLAGS and len(words) > 1 and words[0] in FLAG_LEADING_WORDS:
        return True
    if kind is SafeKind.STATUS_WORDS and any(w.endswith("status") for w in words):
        return True  # compounds: Bestellstatus, orderstatus
    return bool(set(words) & wanted)
