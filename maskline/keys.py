"""Key references and key material for keyed methods (hmac, hash, fake).

How a method turns the key into tokens is the policy's *key derivation*
(``key: {env: MASKLINE_KEY, derivation: 2}``), see :data:`DERIVATIONS`:

* ``1`` (the default, maskline's first tokens): ``hmac`` is HMAC-SHA256 of the
  value; ``hash`` and ``fake`` read SHA-256 of ``key || value``, one digest for
  both, so a value's hash token and its fake are linkable;
* ``2``: every keyed method computes HMAC-SHA256 under the key in its own
  domain. ``hmac`` stays HMAC of the value's UTF-8 (its tokens do not change);
  ``hash`` and ``fake`` put a label that starts with byte 0xFF in front of the
  value (:func:`domain_label`). No UTF-8 text holds 0xFF, so no ``hmac`` token
  (nor a token of the other method) is ever the token of a ``hash`` or ``fake``
  input, and HMAC has no length extension.

A policy names *where* the key lives (``key: {env: MASKLINE_KEY}``); the key
itself is only ever held by :class:`KeyMaterial`, whose ``repr`` and ``str``
never show it.

Key material must be 16 to 64 bytes and not only whitespace: shorter keys
are guessed, longer ones are not supported by every engine's HMAC (the dbt
macros work on one 64-byte block).

>>> km = KeyMaterial(b"s3cret-s3cret-s3cret")
>>> "s3cret" in repr(km) or "s3cret" in str(km)
False
>>> KeyMaterial(b"short")
Traceback (most recent call last):
...
maskline.errors.KeyMissingError: the key is too short: 5 bytes, at least 16 are needed (at unknown). Fix: generate one with: python -c "import secrets; print(secrets.token_hex(32))"
"""

from __future__ import annotations

import hashlib
import hmac as _hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from maskline.errors import KeyMissingError

# The key derivations a policy may name (``key.derivation``): what each one computes is said above.
DERIVATIONS = (1, 2)
DEFAULT_DERIVATION = 1  # a policy that names none: its tokens stay those maskline wrote before derivation 2
LATEST_DERIVATION = 2  # what the policies maskline writes (policy init, the demo, examples) name
BLOCK_SIZE = 64  # SHA-256 block size, fixed by RFC 2104 for HMAC-SHA256
MIN_KEY_BYTES = 16  # below this a key is guessable by brute force
MAX_KEY_BYTES = BLOCK_SIZE  # longer keys are hashed first (RFC 2104), which the dbt macros cannot do
GENERATE_KEY = 'generate one with: python -c "import secrets; print(secrets.token_hex(32))"'


def check_key_bytes(secret: bytes, where: str) -> None:
    """Refuse key material that is empty, whitespace only, shorter than 16 or longer than 64 bytes.

    >>> check_key_bytes(b"0123456789abcdef", "test")
    >>> check_key_bytes(b" " * 20, "environment variable K")
    Traceback (most recent call last):
    ...
    maskline.errors.KeyMissingError: the key is only whitespace (at environment variable K). Fix: generate one with: python -c "import secrets; print(secrets.token_hex(32))"
    """
    if not secret:
        raise KeyMissingError("the key is empty", where=where, fix=GENERATE_KEY)
    if not secret.strip():
        raise KeyMissingError("the key is only whitespace", where=where, fix=GENERATE_KEY)
    if len(secret) < MIN_KEY_BYTES:
        raise KeyMissingError(f"the key is too short: {len(secret)} bytes, at least {MIN_KEY_BYTES} are needed",
                              where=where, fix=GENERATE_KEY)
    if len(secret) > MAX_KEY_BYTES:
        raise KeyMissingError(f"the key is too long: {len(secret)} bytes, at most {MAX_KEY_BYTES} are supported",
                              where=where, fix=GENERATE_KEY)


# The names maskline itself defines are shown in messages; a name a policy gives is not. A key pasted where its
# name belongs (``key: {env: <the secret>}``) would otherwise be printed by the very error saying it is missing,
# and no test of a name's shape tells a secret from a variable's name.
SHOWN_NAMES = frozenset({"MASKLINE_KEY", "maskline_default"})
NAMES_NOT_SHOWN = "maskline does not print a name the policy gives for its key: a key pasted there would be printed"


@dataclass(frozen=True)
class KeyRef:
    """Where a key comes from: an environment variable or an Airflow connection.

    >>> KeyRef(env="MASKLINE_KEY").describe()
    'environment variable MASKLINE_KEY'
    >>> KeyRef(env="PII_KEY").describe()
    'the environment variable named at key.env in the policy'
    """

    env: str | None = None
    airflow_conn: str | None = None
    derivation: int = DEFAULT_DERIVATION

    @property
    def policy_path(self) -> str:
        """Where in the policy the name is written: ``key.env`` or ``key.airflow_conn``.

        >>> KeyRef(airflow_conn="maskline_default").policy_path, KeyRef(env="K").policy_path
        ('key.airflow_conn', 'key.env')
        """
        return "key.airflow_conn" if self.airflow_conn else "key.env"

    @property
    def name_shown(self) -> bool:
        """Whether messages may print the name: only maskline's own defaults.

        >>> KeyRef(env="MASKLINE_KEY").name_shown, KeyRef(env="MY_KEY").name_shown
        (True, False)
        """
        return (self.airflow_conn or self.env or "") in SHOWN_NAMES

    def describe(self) -> str:
        """Where the key comes from, in words; a name the policy gives is not printed.

        >>> KeyRef(airflow_conn="maskline_default").describe()
        "Airflow connection 'maskline_default' (password field)"
        """
        if self.airflow_conn:
            if self.name_shown:
                return f"Airflow connection {self.airflow_conn!r} (password field)"
            return f"the Airflow connection named at {self.policy_path} in the policy (password field)"
        if self.name_shown:
            return f"environment variable {self.env}"
        return f"the environment variable named at {self.policy_path} in the policy"


DEFAULT_KEY_REF = KeyRef(env="MASKLINE_KEY")


@dataclass(frozen=True)
class KeyMaterial:
    """The secret bytes of a key. Never printed: repr and str are redacted."""

    secret: bytes = field(repr=False)
    source: str = "unknown"

    def __post_init__(self) -> None:
        check_key_bytes(self.secret, self.source)

    def __repr__(self) -> str:
        return f"KeyMaterial(<redacted>, source={self.source!r})"

    __str__ = __repr__

    def block_key(self) -> bytes:
        """The key padded (or hashed, if longer than a block) to 64 bytes, as RFC 2104 says.

        >>> KeyMaterial(b"k" * 16).block_key() == b"k" * 16 + bytes(48)
        True
        """
        k = self.secret
        if len(k) > BLOCK_SIZE:
            k = hashlib.sha256(k).digest()
        return k.ljust(BLOCK_SIZE, b"\0")

    def inner_pad(self) -> bytes:
        """``K xor ipad``: lets SQL engines without an HMAC function compute one with sha256.

        >>> pad = KeyMaterial(b"k" * 16).inner_pad(); pad[:2], pad[-1:], len(pad)
        (b']]', b'6', 64)
        """
        return bytes(b ^ 0x36 for b in self.block_key())

    def outer_pad(self) -> bytes:
        """``K xor opad``: see :meth:`inner_pad`.

        >>> pad = KeyMaterial(b"k" * 16).outer_pad(); pad[:2], len(pad)
        (b'77', 64)
        """
        return bytes(b ^ 0x5C for b in self.block_key())


def resolve_key(ref: KeyRef | None, environ: Mapping[str, str] | None = None) -> KeyMaterial:
    """Resolve a key reference from the environment, failing closed.

    Airflow connections are resolved by the Airflow face, which passes the
    secret in ``environ`` under the connection name.

    >>> resolve_key(KeyRef(env="MASKLINE_KEY"), {"MASKLINE_KEY": "0123456789abcdef"}).source
    'environment variable MASKLINE_KEY'
    >>> resolve_key(KeyRef(env="MASKLINE_KEY"), {})
    Traceback (most recent call last):
    ...
    maskline.errors.KeyMissingError: no masking key: environment variable MASKLINE_KEY is not set (at policy key: {env: MASKLINE_KEY}). Fix: export MASKLINE_KEY=<a long random secret>, or point 'key' in the policy at another variable

    A name the policy gives is not printed (it may be the key itself, pasted in the wrong place):

    >>> resolve_key(KeyRef(env="K"), {})
    Traceback (most recent call last):
    ...
    maskline.errors.KeyMissingError: no masking key: the environment variable named at key.env in the policy is not set (at policy key.env). Fix: set the variable that key.env names to a long random secret, or point 'key' at another one (maskline does not print a name the policy gives for its key: a key pasted there would be printed)
    """
    ref = ref or DEFAULT_KEY_REF
    env = os.environ if environ is None else environ
    name = ref.airflow_conn or ref.env or DEFAULT_KEY_REF.env
    assert name is not None
    value = env.get(name)
    if not value:
        if not ref.name_shown:
            thing = "Airflow connection" if ref.airflow_conn else "variable"
            raise KeyMissingError(f"no masking key: {ref.describe()} is not set", where=f"policy {ref.policy_path}",
                                  fix=f"set the {thing} that {ref.policy_path} names to a long random secret, or "
                                      f"point 'key' at another one ({NAMES_NOT_SHOWN})")
        where = f"policy key: {{airflow_conn: {name}}}" if ref.airflow_conn else f"policy key: {{env: {name}}}"
        fix = (
            f"create the Airflow connection {name!r} with the key as its password"
            if ref.airflow_conn
            else f"export {name}=<a long random secret>, or point 'key' in the policy at another variable"
        )
        raise KeyMissingError(f"no masking key: {ref.describe()} is not set", where=where, fix=fix)
    try:
        secret = value.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 (os.environ escapes them): no face could use the key alike
        secret = None
    if secret is None:  # raised outside the handler, whose error would carry the key's characters
        raise KeyMissingError("the key is not UTF-8 text", where=ref.describe(), fix=GENERATE_KEY)
    check_key_bytes(secret, ref.describe())
    return KeyMaterial(secret, source=ref.describe())


def hmac_hex(key: KeyMaterial, value: str, length: int | None = None) -> str:
    """Python reference for the ``hmac`` method: HMAC-SHA256 of UTF-8 text, lower hex.

    Every SQL dialect must give this exact token.

    >>> hmac_hex(KeyMaterial(b"k" * 16), "x", length=8)
    '10a2f7df'
    """
    digest = _hmac.new(key.secret, value.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:length] if length else digest


def salted_sha256_hex(key: KeyMaterial, value: str, length: int | None = None) -> str:
    """Python reference for the ``hash`` method: SHA-256 of salt || UTF-8 text, lower hex.

    >>> salted_sha256_hex(KeyMaterial(b"s" * 16), "x", length=8)
    '1623d926'
    """
    digest = hashlib.sha256(key.secret + value.encode("utf-8")).hexdigest()
    return digest[:length] if length else digest


def domain_label(method: str) -> bytes:
    """The bytes derivation 2 puts before a value for ``method``: 0xFF (never in UTF-8 text), a name, 0x00.

    The 0xFF keeps every labelled message apart from every text (``hmac``'s messages); the 0x00 ends the
    name, so no label is the start of another.

    >>> domain_label("hash")
    b'\\xffmaskline/v2/hash\\x00'
    """
    return b"\xff" + f"maskline/v2/{method}".encode("ascii") + b"\x00"


def labelled_hmac_hex(key: KeyMaterial, method: str, value: str, length: int | None = None) -> str:
    """Derivation 2's token of ``value`` for ``method``: HMAC-SHA256 of its label and the value's UTF-8.

    >>> k = KeyMaterial(b"k" * 16)
    >>> labelled_hmac_hex(k, "hash", "x", 8), hmac_hex(k, "x", 8)  # one value, two methods, unrelated tokens
    ('32135da6', '10a2f7df')
    """
    digest = _hmac.new(key.secret, domain_label(method) + value.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:length] if length else digest


def method_digest_hex(key: KeyMaterial, method: str, value: str, derivation: int,
                      length: int | None = None) -> str:
    """The lower-hex digest keyed ``method`` (hmac, hash or fake) reads for ``value`` under ``derivation``.

    The Python twin of :meth:`maskline.dialects.base.KeyRefs.method_digest_hex`: every engine gives these.

    >>> k = KeyMaterial(b"s" * 16)
    >>> method_digest_hex(k, "hash", "x", 1, 8) == salted_sha256_hex(k, "x", 8)  # derivation 1: today's tokens
    True
    >>> method_digest_hex(k, "hash", "x", 2) == method_digest_hex(k, "fake", "x", 2)  # 2: one domain each
    False
    """
    check_derivation(derivation, "method_digest_hex(derivation=...)")
    if method == "hmac":
        return hmac_hex(key, value, length)
    if derivation == 1:
        return salted_sha256_hex(key, value, length)
    return labelled_hmac_hex(key, method, value, length)


def check_derivation(derivation: object, where: str) -> None:
    """Refuse a key derivation maskline does not know: guessing one would write tokens nothing else joins.

    >>> check_derivation(2, "policy.yml: key.derivation")
    >>> check_derivation(3, "policy.yml: key.derivation")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: unknown key derivation 3 (at policy.yml: key.derivation). Fix: use derivation: 2 for new policies, or 1 (or none) to keep the tokens maskline wrote before derivation 2; a newer maskline may know more
    """
    if isinstance(derivation, bool) or derivation not in DERIVATIONS:
        from maskline.errors import PolicyError

        # Only a number is shown: text written there could be anything, a key pasted in the wrong place too.
        what = (f"unknown key derivation {derivation}" if isinstance(derivation, int) and not isinstance(derivation, bool)
                else "the key derivation must be a number")
        raise PolicyError(what, where=where, fix=DERIVATION_FIX)


DERIVATION_FIX = ("use derivation: 2 for new policies, or 1 (or none) to keep the tokens maskline wrote before "
                  "derivation 2; a newer maskline may know more")


# The key check value (KCV): what lineage records to say *which* key masked a table, so a person can tell
# whether two runs wrote comparable tokens after a rotation. It is HMAC-SHA256 under the key of this fixed label,
# cut to 64 bits. Why it is safe to publish:
# - HMAC is a pseudo-random function: its output says nothing about the key, and finding a key that gives a
#   value is a brute force over the keys (at least 16 bytes here, check_key_bytes), which the value cannot speed.
#   Anyone holding masked data already has such a test of a guessed key (an hmac token of a known value); this
#   one adds none.
# - The label starts with 0xFF, which no UTF-8 text holds, so the check is never the hmac token of any data
#   value; and it is no derivation-2 label (domain_label: 0xFF "maskline/v2/..."), so it is no hash or fake
#   digest either. The value carries no data and cannot be joined to any masked column.
# - Only 64 of the 256 bits are kept: enough that two keys never show one value by chance (about 1 in 2**64),
#   and the value cannot stand in for the key anywhere (it is no pad, salt or digest the methods read).
KEY_CHECK_LABEL = b"\xffmaskline/key-check/v1\x00"
KEY_CHECK_HEX_DIGITS = 16
KEY_CHECK_ALGORITHM = "hmac-sha256(key, 0xff 'maskline/key-check/v1' 0x00)[:8 bytes], lower hex"


def key_check_value(key: KeyMaterial) -> str:
    """The key's check value: a short fingerprint that names the key without revealing it (see the comment above).

    One key gives one value on every face; two keys give two. The value is neither the key, nor its hex, nor
    any token a method writes.

    >>> key_check_value(KeyMaterial(b"k" * 16))
    '2c0714e565f5fa50'
    >>> key_check_value(KeyMaterial(b"k" * 16)) == key_check_value(KeyMaterial(b"j" * 16))
    False
    """
    return _hmac.new(key.secret, KEY_CHECK_LABEL, hashlib.sha256).hexdigest()[:KEY_CHECK_HEX_DIGITS]


def key_check(key: KeyMaterial | None, derivation: int) -> dict[str, object] | None:
    """What lineage records of the key a run masked with (``maskline_masking.keyCheck``): its check value, how that
    is computed (so anyone holding the key can compare), and the key derivation; None without a key.

    >>> key_check(KeyMaterial(b"k" * 16), 2)["value"], key_check(None, 2)
    ('2c0714e565f5fa50', None)
    """
    if key is None:
        return None
    return {"value": key_check_value(key), "algorithm": KEY_CHECK_ALGORITHM, "derivation": int(derivation)}
