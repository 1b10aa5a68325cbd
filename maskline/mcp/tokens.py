"""Who an agent acts for over HTTP: a bearer token verified with an HS256 secret or a JWKS file.

The person is the token's ``sub`` claim (or ``preferred_username``), and
only a token whose signature, expiry and (when configured) audience verify
names anyone. PyJWT does the checking; it comes with the MCP SDK. The
algorithms are fixed per verifier (HS256 for a secret, RS256/ES256 for keys
from the JWKS file), so a token cannot choose its own (``alg: none`` or an
HMAC signed with a public key are rejected).

>>> import jwt
>>> v = TokenVerifier.from_secret("s" * 32)
>>> v.person(jwt.encode({"sub": "alice"}, "s" * 32, algorithm="HS256"))
'alice'
>>> v.person(jwt.encode({"sub": "alice"}, "t" * 32, algorithm="HS256")) is None
True
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maskline.errors import InputError

ASYMMETRIC_ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "PS256")
MIN_SECRET_BYTES = 32  # RFC 7518 3.2: an HS256 key must be at least as long as the hash
PERSON_CLAIMS = ("sub", "preferred_username")


@dataclass(frozen=True)
class TokenVerifier:
    """Checks bearer tokens against one HS256 secret or the keys of a JWKS file."""

    secret: bytes | None = field(default=None, repr=False)
    keys: tuple[tuple[str | None, Any], ...] = field(default=(), repr=False)  # (kid, public key)
    audience: str | None = None
    issuer: str | None = None

    @classmethod
    def from_secret(cls, secret: str, *, audience: str | None = None, issuer: str | None = None) -> TokenVerifier:
        """A verifier for HS256 tokens signed with ``secret`` (at least 32 bytes)."""
        if len(secret.encode()) < MIN_SECRET_BYTES:
            raise InputError(f"the HS256 secret is shorter than {MIN_SECRET_BYTES} bytes", where="--jwt-secret-env",
                             fix="use a random secret of 32 bytes or more")
        return cls(secret=secret.encode(), audience=audience, issuer=issuer)

    @classmethod
    def from_env(cls, variable: str, **kwargs: Any) -> TokenVerifier:
        """A verifier for the HS256 secret held in the environment variable ``variable``.

        >>> TokenVerifier.from_env("MASKLINE_DOCTEST_UNSET")
        Traceback (most recent call last):
        ...
        maskline.errors.InputError: environment variable MASKLINE_DOCTEST_UNSET is not set (at --jwt-secret-env). Fix: export the HS256 secret in it before starting maskline mcp
        """
        value = os.environ.get(variable)
        if not value:
            raise InputError(f"environment variable {variable} is not set", where="--jwt-secret-env",
                             fix="export the HS256 secret in it before starting maskline mcp")
        return cls.from_secret(value, **kwargs)

    @classmethod
    def from_jwks_file(cls, path: str | Path, **kwargs: Any) -> TokenVerifier:
        """A verifier for tokens signed by any key of the JWKS file at ``path``.

        >>> import jwt, tempfile
        >>> from cryptography.hazmat.primitives.asymmetric import ec
        >>> private = ec.generate_private_key(ec.SECP256R1())
        >>> public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(private.public_key())) | {"kid": "k1"}
        >>> path = Path(tempfile.mkdtemp()) / "jwks.json"
        >>> _ = path.write_text(json.dumps({"keys": [public]}))
        >>> TokenVerifier.from_jwks_file(path).person(jwt.encode({"sub": "alice"}, private, "ES256", {"kid": "k1"}))
        'alice'
        >>> TokenVerifier.from_jwks_file(path.with_name("missing.json"))
        Traceback (most recent call last):
        ...
        maskline.errors.InputError: cannot read the JWKS file (FileNotFoundError) ...
        """
        from jwt import PyJWKSet

        try:
            jwks = PyJWKSet.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError, Exception) as e:  # noqa: BLE001 - PyJWKSetError is a plain Exception
            raise InputError(f"cannot read the JWKS file ({type(e).__name__})", where=f"--jwks {path}",
                             fix='give a JSON file {"keys": [...]} of public keys') from None
        return cls(keys=tuple((k.key_id, k.key) for k in jwks.keys), **kwargs)

    def person(self, token: str) -> str | None:
        """The person the verified ``token`` names, or None when it does not verify (never an exception)."""
        import jwt

        options: Any = {"verify_aud": self.audience is not None}
        claims: dict[str, Any] | None = None
        try:
            if self.secret is not None:
                claims = jwt.decode(token, self.secret, algorithms=["HS256"], audience=self.audience,
                                    issuer=self.issuer, options=options)
            else:
                kid = jwt.get_unverified_header(token).get("kid")
                candidates = [key for k, key in self.keys if kid is None or k == kid]
                for key in candidates:
                    try:
                        claims = jwt.decode(token, key, algorithms=list(ASYMMETRIC_ALGORITHMS),
                                            audience=self.audience, issuer=self.issuer, options=options)
                        break
                    except jwt.InvalidSignatureError:
                        continue
        except jwt.PyJWTError:
            return None
        if claims is None:
            return None
        for claim in PERSON_CLAIMS:
            value = claims.get(claim)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None
