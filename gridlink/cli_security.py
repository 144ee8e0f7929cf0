"""Sub-commands for credentials and the operation allow-list: token, api-key, persist.

gridlink token --role grid_worker --scope g-1 --sub p-wang   # prints a signed token
gridlink api-key --role admin --name nightly-import --file keys.json
gridlink persist ops/*.graphql --out persisted.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gridlink import config
from gridlink.cli import command
from schema.core.auth import hash_api_key, mint_token, new_api_key
from schema.core.limits import operation_hash
from schema.core.viewer import ROLES, Grant, GrantError


def _grants(args: argparse.Namespace) -> list[Grant]:
    raw = [{"role": args.role, "scope": args.scope}]
    for extra in args.grant or []:
        role, _, scope = extra.partition(":")
        raw.append({"role": role, "scope": scope or None})
    try:
        return [Grant.parse(g) for g in raw]
    except GrantError as exc:
        raise SystemExit(f"gridlink: {exc}") from None


@command("token")
def cmd_token(args: argparse.Namespace) -> int:
    settings = config.from_env()
    if not settings.jwt_secret:
        print(
            "gridlink: no GRIDLINK_JWT_SECRET is configured here; tokens come from your identity "
            "provider (GRIDLINK_JWKS_FILE) or use an API key",
            file=sys.stderr,
        )
        return 2
    grants = _grants(args)
    sub = args.sub or f"{grants[0].role}:{grants[0].scope or 'all'}"
    token = mint_token(
        settings.jwt_secret,
        sub,
        grants,
        ttl_s=int(args.ttl_hours * 3600),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )
    print(token)
    return 0


@command("api-key")
def cmd_api_key(args: argparse.Namespace) -> int:
    grants = _grants(args)
    key, digest = new_api_key()
    entry = {
        "name": args.name,
        "sha256": digest,
        "sub": args.sub or f"key:{args.name}",
        "grants": [g.as_claim() for g in grants],
    }
    if args.file:
        path = Path(args.file)
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"keys": []}
        data["keys"].append(entry)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"[gridlink] added {args.name!r} to {path}; the key is shown once:", file=sys.stderr)
    else:
        print("[gridlink] add this entry to the API keys file:", file=sys.stderr)
        print(json.dumps(entry, ensure_ascii=False), file=sys.stderr)
    assert hash_api_key(key) == digest
    print(key)
    return 0


@command("persist")
def cmd_persist(args: argparse.Namespace) -> int:
    allowed: dict[str, str] = {}
    out = Path(args.out)
    if out.exists():
        allowed.update(json.loads(out.read_text(encoding="utf-8")))
    for name in args.files:
        text = Path(name).read_text(encoding="utf-8")
        digest = operation_hash(text)
        allowed[digest] = text
        print(f"{digest}  {name}")
    out.write_text(json.dumps(allowed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"[gridlink] {len(allowed)} operations in {out}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def grant_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument(
            "--scope", default=None, help="the place id (a party organisation id for a secretary)"
        )
        parser.add_argument(
            "--grant",
            action="append",
            metavar="ROLE[:SCOPE]",
            help="a further grant (repeatable)",
        )
        parser.add_argument("--sub", default=None, help="the actor id writes record")

    token = sub.add_parser("token", help="print a signed bearer token for a role (and scope)")
    grant_options(token)
    token.add_argument("--ttl-hours", type=float, default=12.0)

    key = sub.add_parser("api-key", help="make an API key for a script; only its hash is stored")
    grant_options(key)
    key.add_argument("--name", required=True)
    key.add_argument("--file", default=None, help="the API keys file to add the entry to")

    persist = sub.add_parser("persist", help="add .graphql operations to a persisted allow-list")
    persist.add_argument("files", nargs="+")
    persist.add_argument("--out", required=True)
