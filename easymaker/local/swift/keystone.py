"""Keystone v2's ``POST /v2.0/tokens`` for EasyMaker Local's Object Storage: a token for one tenant, issued for the
home's credentials (``<home>/credentials``) or for the access token with Keystone's ``token`` method, living
``token_ttl`` seconds. Secrets are compared in constant time."""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from easymaker.local.swift.http_wire import swift_response
from easymaker.local.swift.records import ObjectStoreError
from easymaker.local.swift.store import ObjectStore

MAX_BODY = 64 * 1024  # a token request is a few hundred bytes
_TOKEN_TIME = "%Y-%m-%dT%H:%M:%SZ"
_TENANT = re.compile(r"[A-Za-z0-9_.\-]{1,128}")
_KEYSTONE_401 = {
    "error": {
        "code": 401,
        "title": "Unauthorized",
        "message": "The request you have made requires authentication: EasyMaker Local accepts the credentials in "
        "<home>/credentials (or its access token with the token method)",
    }
}


def same(given: str, expected: str) -> bool:
    """``given == expected`` in a time that does not tell where they differ."""
    return secrets.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class Keystone:
    """Who may have a token: ``master_token`` (the access token) and ``credentials`` (``{"username",
    "password"}``, or ``None``: none)."""

    store: ObjectStore
    master_token: str
    token_ttl: float
    credentials: dict[str, str] | None

    async def issue(self, request: Request) -> Response:
        if request.method != "POST":
            raise ObjectStoreError(405, "use POST /v2.0/tokens")
        body = await _small_body(request, MAX_BODY)
        try:
            doc = json.loads(body)
            auth = doc["auth"]
            tenant = auth.get("tenantId") or auth.get("tenantName")
            if "token" in auth:
                username, password = None, auth["token"]["id"]
            else:
                creds = auth["passwordCredentials"]
                username, password = creds["username"], creds["password"]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ObjectStoreError(
                400, 'expected {"auth": {"tenantId": ..., "passwordCredentials": {"username": ..., "password": ...}}}'
            ) from exc
        if not isinstance(username, str | None) or not isinstance(password, str) or username == "":
            raise ObjectStoreError(400, "auth.passwordCredentials.username and password must be strings")
        if not isinstance(tenant, str) or not tenant or _TENANT.fullmatch(tenant) is None:
            raise ObjectStoreError(400, "auth.tenantId is required: letters, digits, '_', '.' and '-', at most 128")
        if not self._credentials_valid(username, password):
            return swift_response(
                401,
                json.dumps(_KEYSTONE_401).encode(),
                "POST",
                content_type="application/json",
                extra=[("www-authenticate", 'Keystone uri="/v2.0"')],
            )
        token, expires = self.store.issue_token(tenant, self.token_ttl)
        doc = {
            "access": {
                "token": {
                    "id": token,
                    "expires": time.strftime(_TOKEN_TIME, time.gmtime(expires)),
                    "tenant": {"id": tenant, "name": tenant},
                },
                "user": {"name": username},
                "serviceCatalog": [],
            }
        }
        return swift_response(200, json.dumps(doc).encode(), "POST", content_type="application/json")

    def _credentials_valid(self, username: str | None, password: str) -> bool:
        """The local credentials (``<home>/credentials``), or the access token with Keystone's token method."""
        if username is None:
            return same(password, self.master_token)
        creds = self.credentials
        if creds is None:
            return False
        # both compared, always: the time taken does not tell which one was wrong
        user_ok = same(username, creds["username"])
        return same(password, creds["password"]) & user_ok


async def _small_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes."""
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise ObjectStoreError(413, f"request body larger than {limit} bytes")
    except ClientDisconnect as exc:
        raise ObjectStoreError(400, "client disconnected") from exc
    return bytes(body)
