"""Object Storage tokens: Keystone v2 (username/password) or an injected provider, cached and refreshed."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from easymaker.storage.errors import StorageAuthError

logger = logging.getLogger("easymaker.storage")

IDENTITY_URLS = {
    "public": "https://api-identity-infrastructure.nhncloudservice.com/v2.0/tokens",
    "gov": "https://api-identity-infrastructure.gov-nhncloudservice.com/v2.0/tokens",
}
REFRESH_MARGIN = 600.0  # seconds: a token with less left is replaced before use
KEYSTONE_TIME_FORMATS = ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z")

Expiry = datetime | float | int | str
TokenProvider = Callable[[str], tuple[str, Expiry]]
"""Called with the tenant id of the URI; returns ``(token, expires)``. ``expires`` is an aware ``datetime``, epoch
seconds, or an ISO-8601 string such as Keystone's ``2099-01-01T00:00:00Z``."""


def expiry_epoch(value: Expiry) -> float:
    """Epoch seconds of a token expiry given as datetime (naive = UTC), number or timestamp string."""
    if isinstance(value, bool):
        raise StorageAuthError(f"token expiry must be a datetime, number or string, got {value!r}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()
    if isinstance(value, str):
        for fmt in KEYSTONE_TIME_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
            except ValueError:
                continue
            return expiry_epoch(parsed)
        try:
            return expiry_epoch(datetime.fromisoformat(value))
        except ValueError:
            pass
    raise StorageAuthError(f"cannot read token expiry {value!r}")


def identity_url_for(environment_type: str | None = None, identity_url: str | None = None) -> str:
    """Explicit ``identity_url``, else ``EM_IDENTITY_URL``, else the public/gov Keystone URL."""
    if identity_url:
        return identity_url
    env = os.environ.get("EM_IDENTITY_URL")
    if env:
        return env
    kind = (environment_type or os.environ.get("EM_ENVIRONMENT_TYPE") or "public").lower()
    if kind not in IDENTITY_URLS:
        raise StorageAuthError(f"environment_type must be one of {sorted(IDENTITY_URLS)}, got {environment_type!r}")
    return IDENTITY_URLS[kind]


class KeystoneTokenProvider:
    """Keystone v2 ``POST /v2.0/tokens`` with username/password (or, with ``token=``, Keystone's token method)
    and the URI's tenant id.

    Uses its own ``httpx.Client`` (no default headers), so no other credential ever reaches the identity host."""

    def __init__(
        self,
        identity_url: str,
        username: str | None,
        password: str | None,
        *,
        token: str | None = None,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if token is None and (not username or not password):
            raise StorageAuthError(
                "Object Storage needs username and password (the NHN Cloud API password) or a token provider"
            )
        self.identity_url = identity_url
        self._username = username
        self._password = password
        self._token = token
        self._timeout = timeout
        self._transport = transport

    def __call__(self, tenant: str) -> tuple[str, Expiry]:
        method: dict[str, Any] = (
            {"token": {"id": self._token}}
            if self._token is not None
            else {"passwordCredentials": {"username": self._username, "password": self._password}}
        )
        body = {"auth": {"tenantId": tenant, **method}}
        try:
            with httpx.Client(timeout=self._timeout, transport=self._transport) as client:
                r = client.post(self.identity_url, json=body)
        except httpx.HTTPError as exc:
            raise StorageAuthError(f"cannot reach identity service {self.identity_url}: {exc}") from exc
        if r.status_code != 200:
            raise StorageAuthError(
                f"identity service {self.identity_url} refused the token request for tenant {tenant!r} "
                f"(HTTP {r.status_code}): {r.text[:300]}"
            )
        try:
            token = r.json()["access"]["token"]
            return str(token["id"]), str(token["expires"])
        except (ValueError, KeyError, TypeError) as exc:
            raise StorageAuthError(
                f"identity service {self.identity_url} answered without access.token.id/expires: {r.text[:300]}"
            ) from exc


class TokenCache:
    """Per-tenant token cache around a provider. Thread-safe: one fetch at a time; refreshed when fewer than
    ``refresh_margin`` seconds remain; ``invalidate`` drops a token the server rejected."""

    def __init__(self, provider: TokenProvider, refresh_margin: float = REFRESH_MARGIN) -> None:
        self._provider = provider
        self._margin = refresh_margin
        self._lock = threading.Lock()
        self._tokens: dict[str, tuple[str, float]] = {}

    def get(self, tenant: str) -> str:
        with self._lock:
            cached = self._tokens.get(tenant)
            if cached is not None and cached[1] - time.time() > self._margin:
                return cached[0]
            token, expires = self._provider(tenant)
            if not token:
                raise StorageAuthError("token provider returned an empty token")
            epoch = expiry_epoch(expires)
            self._tokens[tenant] = (token, epoch)
            logger.debug("obtained Object Storage token for tenant %s (expires in %.0f s)", tenant, epoch - time.time())
            return token

    def invalidate(self, tenant: str, token: str) -> None:
        with self._lock:
            if self._tokens.get(tenant, ("", 0.0))[0] == token:
                del self._tokens[tenant]
