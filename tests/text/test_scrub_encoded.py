"""Values written in the encodings a log line carries are scrubbed as the line's reader reads them.

An access log or an HTTP client's debug line writes a URL percent-encoded (``ann%40example.org``), an error
page or a SOAP fault writes HTML character references (``ann&#64;example.org``), text pasted from a web page
or a document carries invisible format characters (a zero-width space, a soft hyphen) inside a value, and a
``data:`` URI carries text in base64. Whoever reads the line reads the value; on main 51038f7 every form below
passed raw (or, for ``%2B49...``, in part). The replacement covers the encoded span whole.

These texts are kept out of the SQL parity corpus (tests/core/test_sql_scrub_parity.py): SQL scrub reads
no encoding (its ``no_decoding`` limit).
"""

from __future__ import annotations

import base64

import pytest

from maskline.text import find, scrub
from maskline.text.scrubber import scrubbed

ENCODED = [  # (as written, as scrubbed)
    # Percent-encoding: a URL in an access log, requests' and urllib3's debug lines.
    ("GET /api?email=ann%40example.org&phone=%2B4915112345678", "GET /api?email=[EMAIL]&phone=[PHONE]"),
    ("card=4111%201111%201111%201111", "card=[CREDIT_CARD]"),
    ("DEBUG https://api.example.com:443 \"GET /v1/users?ssn=536%2D22%2D8417 HTTP/1.1\" 200",
     "DEBUG https://api.example.com:443 \"GET /v1/users?ssn=[US_SSN] HTTP/1.1\" 200"),
    ("redirect to /login?next=%2Fprofile%3Fmail%3Dann%2540example.org",  # encoded twice
     "redirect to /login?next=%2Fprofile%3Fmail%3D[EMAIL]"),
    # HTML and XML character references: error pages, SOAP faults.
    ("<p>No account for ann&#64;example.org</p>", "<p>No account for [EMAIL]</p>"),
    ("<faultstring>user ann&#x40;example.org locked</faultstring>", "<faultstring>user [EMAIL] locked</faultstring>"),
    ("contact ann&commat;example.org", "contact [EMAIL]"),
    ("iban&colon; GB82&#32;WEST&#32;1234&#32;5698&#32;7654&#32;32", "iban&colon; [IBAN]"),
    ("card &#52;&#49;&#49;&#49; 1111 1111 1111", "card [CREDIT_CARD]"),
    # Invisible format characters (Unicode Cf) inside a value.
    ("mail ann\u200b@example.org", "mail [EMAIL]"),
    ("mail ann@exa\u00admple.org", "mail [EMAIL]"),
    ("phone +49 151\u200c12345678", "phone [PHONE]"),
    ("card 4111\u200d1111 1111 1111", "card [CREDIT_CARD]"),
    ("iban GB82\u2060WEST12345698765432", "iban [IBAN]"),
    ("ssn 536\ufeff-22-8417", "ssn [US_SSN]"),
    # base64 where the carrier says it is text: a data: URI of a text media type.
    ("src=data:text/plain;base64," + base64.b64encode(b"ann@example.org").decode(), "src=data:text/plain;base64,[EMAIL]"),
]


@pytest.mark.parametrize(("text", "expected"), ENCODED, ids=[t[:40] for t, _ in ENCODED])
def test_an_encoded_value_is_scrubbed_as_read(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected
    assert scrubbed(text) == expected  # the log filter's path


PLAIN = [  # Control: the same values written plainly, masked before this round and still
    ("GET /api?email=ann@example.org&phone=+4915112345678", "GET /api?email=[EMAIL]&phone=[PHONE]"),
    ("card=4111 1111 1111 1111", "card=[CREDIT_CARD]"),
    ("GET /v1/users?ssn=536-22-8417 HTTP/1.1", "GET /v1/users?ssn=[US_SSN] HTTP/1.1"),
    ("<p>No account for ann@example.org</p>", "<p>No account for [EMAIL]</p>"),
    ("iban: GB82 WEST 1234 5698 7654 32", "iban: [IBAN]"),
    ("phone +49 15112345678", "phone [PHONE]"),
    ("ssn 536-22-8417", "ssn [US_SSN]"),
    ("q=jos%C3%A9%40correo.es", "q=[EMAIL]"),  # the e-mail rule's own %40, as before
]


@pytest.mark.parametrize(("text", "expected"), PLAIN, ids=[t[:40] for t, _ in PLAIN])
def test_the_unencoded_value_is_scrubbed_alike(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


def test_the_replacement_covers_the_encoded_span_whole() -> None:
    text = "to=ann%40example.org&n=1 via ann&#64;example.org and ann\u200b@example.org"
    assert [text[f.start:f.end] for f in find(text)] == [
        "ann%40example.org", "ann&#64;example.org", "ann\u200b@example.org"]


def test_an_allowed_value_stays_allowed_as_written() -> None:
    """Control: the allow-list names values as written, and an encoded one it names is not masked in its reading."""
    assert scrub("to ann%40example.org", allow_list=["ann%40example.org"])[0] == "to ann%40example.org"
    assert scrub("to ann%40example.org, bob%40example.org", allow_list=["ann%40example.org"])[0] == (
        "to ann%40example.org, [EMAIL]")


def test_a_colour_code_splitting_a_value_in_two_sequences_leaves_none_of_it() -> None:
    assert scrub("\x1b[1m4111 1111\x1b[0m 1111 1111")[0] == "\x1b[1m[CREDIT_CARD]"
    assert scrub("iban \x1b[1mGB82 WEST\x1b[0m 1234 5698 7654 32\x1b[0m")[0] == "iban \x1b[1m[IBAN]\x1b[0m"


@pytest.mark.parametrize("credential", [b"ann:p\xe4ss", b"service-token-without-colon", b"ann:pa\tss"])
def test_a_basic_authorization_header_is_masked_whole_whatever_it_decodes_to(credential: bytes) -> None:
    token = base64.b64encode(credential).decode()
    for line in (f"Authorization: Basic {token}", f"-H 'Proxy-Authorization: Basic {token}'",
                 f'{{"Authorization": "Basic {token}"}}'):
        out = scrub(line)[0]
        assert token not in out and "[PASSWORD]" in out


def test_a_percent_encoded_basic_credential_is_masked() -> None:
    assert scrub("authorization=Basic%20dXNlcjpwYXNzd29yZA%3D%3D")[0] == "authorization=Basic%20[PASSWORD]"


@pytest.mark.parametrize("text", [
    "50% off", "CPU at 93% (limit 100%)", "progress %2d%% done", "AT&T", "R&D&QA", "a&#38;b", "x &amp; y",
    "GET /search?q=caf%C3%A9&page=2 200", "Tom&nbsp;Smith", "emoji \U0001f469\u200d\U0001f4bb ok",
    "\ufeffGET / 200", "a soft\u00adhyphen", "GET /a%2Fb%2Fc 404",
])
def test_text_with_percent_ampersand_or_format_characters_and_no_value_passes_unchanged(text: str) -> None:
    """Control: reading the encodings finds nothing where the reading holds nothing."""
    assert scrub(text) == (text, [])
    assert scrubbed(text) == text


def test_base64_is_decoded_only_where_its_carrier_says_it_is_text() -> None:
    """A run of base64 letters is as often a hash, a key or an image as text: it is not decoded generically,
    and a data: URI whose media type is not text is not decoded (by construction, not by a list of values)."""
    payload = base64.b64encode(b"ann@example.org").decode()
    assert scrub(f"etag {payload}")[0] == f"etag {payload}"
    assert scrub(f"data:image/png;base64,{payload}")[0] == f"data:image/png;base64,{payload}"
    assert scrub(f"data:application/json;base64,{payload}")[0] == "data:application/json;base64,[EMAIL]"


def test_a_deeply_nested_encoding_is_read_a_bounded_number_of_times() -> None:
    """An escape nested two thousand times over (``\\u005cu005c...u0031``: each reading decodes one layer) is not
    read two thousand times: each reading recursed, and on main 51038f7 this line raised RecursionError."""
    text = "\\u005c" + "u005c" * 2000 + "u0031"
    assert scrub(text)[0] == text
    nested = "x %" + "25" * 3000 + "40 y"
    assert scrub(nested)[0] == nested
