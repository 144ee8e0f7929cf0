"""Credentials in, viewer out: tokens (secret and JWKS), API keys, and every way to fail."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import replace
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from gridlink.config import Settings, dev_jwt_secret, from_env
from schema.core.auth import (
    AuthError,
    hash_api_key,
    mint_token,
    new_api_key,
    viewer_from_credentials,
)
from schema.core.viewer import Grant

SECRET = "a-test-secret-that-is-long-enough-for-hs256-0123456789"
GRID = [Grant("grid_worker", "g-1")]


@pytest.fixture
def settings() -> Settings:
    return replace(from_env(), jwt_secret=SECRET, jwks_path=None, api_keys_path=None)


def bearer(token: str) -> str:
    return f"Bearer {token}"


def test_a_signed_token_gives_its_subject_and_grants(settings: Settings) -> None:
    viewer = viewer_from_credentials(bearer(mint_token(SECRET, "p-wang", GRID)), None, settings)
    assert viewer.actor_id == "p-wang"
    assert viewer.grants == (Grant("grid_worker", "g-1"),)
    assert viewer.method == "token"


def test_no_credential_is_anonymous_or_the_public_planner(settings: Settings) -> None:
    anonymous = viewer_from_credentials(None, None, settings)
    assert not anonymous.authenticated and anonymous.grants == ()
    public = viewer_from_credentials(None, None, replace(settings, public_api=True))
    assert public.grants == (Grant("planner", None),) and not public.may_write


def claims(**extra: object) -> dict[str, object]:
    now = int(time.time())
    return {"sub": "p-wang", "grants": [{"role": "admin"}], "iat": now, "exp": now + 60, **extra}


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: mint_token(SECRET, "p-wang", GRID, ttl_s=-120), "has expired"),
        (lambda: mint_token("another-secret-of-sufficient-length-000000", "p", GRID), "signature"),
        (lambda: jwt.encode(claims(), None, algorithm="none"), "'none' are not accepted"),
        (lambda: jwt.encode(claims(exp=None), SECRET), "'exp' claim"),
        (lambda: jwt.encode({"grants": [{"role": "admin"}], "exp": 2**40}, SECRET), "'sub' claim"),
        (lambda: jwt.encode(claims(grants=[]), SECRET), "carries no grants"),
        (lambda: jwt.encode(claims(grants=[{"role": "god"}]), SECRET), "unknown role 'god'"),
        (lambda: jwt.encode(claims(grants=[{"role": "coordinator"}]), SECRET), "needs a scope"),
        (lambda: "not-a-jwt", "not a JWT"),
        (lambda: "x" * 9000, "too long"),
    ],
    ids=[
        "expired",
        "other-secret",
        "alg-none",
        "exp-null",
        "no-sub",
        "no-grants",
        "unknown-role",
        "scope-missing",
        "garbage",
        "huge",
    ],
)
def test_a_token_that_does_not_verify_is_refused_with_why(
    settings: Settings, make: object, reason: str
) -> None:
    token = make()  # type: ignore[operator]
    with pytest.raises(AuthError, match=reason):
        viewer_from_credentials(bearer(token), None, settings)


def test_issuer_and_audience_are_checked_when_configured(settings: Settings) -> None:
    strict = replace(settings, jwt_issuer="gridlink", jwt_audience="gridlink-api")
    good = mint_token(SECRET, "p", GRID, issuer="gridlink", audience="gridlink-api")
    assert viewer_from_credentials(bearer(good), None, strict).actor_id == "p"
    foreign = mint_token(SECRET, "p", GRID, issuer="elsewhere", audience="gridlink-api")
    with pytest.raises(AuthError, match="another service"):
        viewer_from_credentials(bearer(foreign), None, strict)


def write_jwks(path: Path, keys: dict[str, object]) -> None:
    entries = []
    for kid, key in keys.items():
        public = json.loads(
            jwt.algorithms.get_default_algorithms()[
                "RS256" if isinstance(key, rsa.RSAPrivateKey) else "ES256"
            ].to_jwk(key.public_key())
        )  # type: ignore[attr-defined]
        entries.append({**public, "kid": kid, "use": "sig"})
    path.write_text(json.dumps({"keys": entries}))


def test_rs256_and_es256_tokens_verify_against_the_jwks_file(
    settings: Settings, tmp_path: Path
) -> None:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    jwks = tmp_path / "jwks.json"
    write_jwks(jwks, {"r1": rsa_key, "e1": ec_key})
    s = replace(settings, jwks_path=str(jwks))
    rs = jwt.encode(claims(sub="idp-rs"), rsa_key, algorithm="RS256", headers={"kid": "r1"})
    es = jwt.encode(claims(sub="idp-es"), ec_key, algorithm="ES256", headers={"kid": "e1"})
    assert viewer_from_credentials(bearer(rs), None, s).actor_id == "idp-rs"
    assert viewer_from_credentials(bearer(es), None, s).actor_id == "idp-es"
    # A key the file does not hold, and a known kid with the wrong key, are both refused.
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    unknown = jwt.encode(claims(), stranger, algorithm="RS256", headers={"kid": "r9"})
    with pytest.raises(AuthError, match="key id"):
        viewer_from_credentials(bearer(unknown), None, s)
    forged = jwt.encode(claims(), stranger, algorithm="RS256", headers={"kid": "r1"})
    with pytest.raises(AuthError, match="signature"):
        viewer_from_credentials(bearer(forged), None, s)


def test_a_verified_token_is_remembered_until_it_expires(settings: Settings) -> None:
    # Expired 29 s ago: within the 30 s leeway for about one more second.
    token = mint_token(SECRET, "p-cache", GRID, ttl_s=-29)
    first = viewer_from_credentials(bearer(token), None, settings)
    # Remembered: the same viewer object, not a second check.
    assert viewer_from_credentials(bearer(token), None, settings) is first
    # Past exp + leeway it is checked again, and refused as expired.
    time.sleep(1.5)
    with pytest.raises(AuthError, match="has expired"):
        viewer_from_credentials(bearer(token), None, settings)


def test_a_remembered_token_is_checked_again_when_the_key_changes(
    settings: Settings, tmp_path: Path
) -> None:
    token = mint_token(SECRET, "p-rotate", GRID)
    assert viewer_from_credentials(bearer(token), None, settings).actor_id == "p-rotate"
    rotated = replace(settings, jwt_secret="a-new-secret-that-is-long-enough-for-hs256-98765")
    with pytest.raises(AuthError, match="signature"):
        viewer_from_credentials(bearer(token), None, rotated)
    strict = replace(settings, jwt_audience="gridlink-api")
    with pytest.raises(AuthError, match="'aud' claim"):
        viewer_from_credentials(bearer(token), None, strict)
    # A JWKS key rotated out of the file stops a token it verified.
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwks = tmp_path / "jwks.json"
    write_jwks(jwks, {"r1": rsa_key})
    s = replace(settings, jwks_path=str(jwks))
    rs = jwt.encode(claims(sub="idp-rs"), rsa_key, algorithm="RS256", headers={"kid": "r1"})
    assert viewer_from_credentials(bearer(rs), None, s).actor_id == "idp-rs"
    time.sleep(0.01)
    write_jwks(jwks, {"r2": rsa.generate_private_key(public_exponent=65537, key_size=2048)})
    with pytest.raises(AuthError, match="key id"):
        viewer_from_credentials(bearer(rs), None, s)


def forge_hs256(secret: bytes, body: dict[str, object], header: dict[str, str]) -> str:
    # By hand: PyJWT itself refuses to use a public key as an HMAC secret.
    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    signing_input = ".".join(
        b64(json.dumps(part).encode()) for part in ({"alg": "HS256", "typ": "JWT", **header}, body)
    )
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def test_an_hs256_token_signed_with_the_public_key_is_refused(
    settings: Settings, tmp_path: Path
) -> None:
    # The classic algorithm confusion: HS256 "signed" with the JWKS's public key as secret.
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwks = tmp_path / "jwks.json"
    write_jwks(jwks, {"r1": rsa_key})
    s = replace(settings, jwt_secret=None, jwks_path=str(jwks))
    confused = forge_hs256(jwks.read_text().encode(), claims(), {"kid": "r1"})
    with pytest.raises(AuthError, match="'HS256' are not accepted"):
        viewer_from_credentials(bearer(confused), None, s)


def test_api_keys_are_looked_up_by_hash_and_revoked_by_editing_the_file(
    settings: Settings, tmp_path: Path
) -> None:
    key, digest = new_api_key()
    assert key.startswith("glk_") and digest == hash_api_key(key)
    keys = tmp_path / "keys.json"
    entry = {
        "name": "nightly",
        "sha256": digest,
        "sub": "script:nightly",
        "grants": [{"role": "admin"}],
    }
    keys.write_text(json.dumps({"keys": [entry]}))
    assert key not in keys.read_text()  # only the hash is stored
    s = replace(settings, api_keys_path=str(keys))
    for authorization, header in ((None, key), (bearer(key), None)):
        viewer = viewer_from_credentials(authorization, header, s)
        assert (viewer.actor_id, viewer.method, viewer.is_admin) == (
            "script:nightly",
            "api_key",
            True,
        )
    with pytest.raises(AuthError, match="not known"):
        viewer_from_credentials(None, key + "x", s)
    time.sleep(0.01)
    keys.write_text(json.dumps({"keys": []}))
    with pytest.raises(AuthError, match="not known"):
        viewer_from_credentials(None, key, s)
    with pytest.raises(AuthError, match="not enabled"):
        viewer_from_credentials(None, key, settings)
    with pytest.raises(AuthError, match="one credential"):
        viewer_from_credentials(bearer("a.b.c"), key, s)


def test_the_development_secret_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = dev_jwt_secret(tmp_path)
    assert len(first) >= 48 and dev_jwt_secret(tmp_path) == first
    assert (tmp_path / "dev-jwt-secret").stat().st_mode & 0o077 == 0


def test_production_refuses_to_start_without_a_credential_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GRIDLINK_ENV", "production")
    for name in ("GRIDLINK_JWT_SECRET", "GRIDLINK_JWKS_FILE", "GRIDLINK_API_KEYS_FILE"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit, match="production needs a credential source"):
        from_env()
    monkeypatch.setenv("GRIDLINK_JWT_SECRET", "short")
    with pytest.raises(SystemExit, match="at least 32 characters"):
        from_env()
    monkeypatch.setenv("GRIDLINK_JWT_SECRET", SECRET)
    production = from_env()
    assert (production.playground, production.introspection) == (False, False)
    assert production.jwt_secret_source == "env"
