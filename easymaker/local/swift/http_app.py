"""The HTTP face of EasyMaker Local's Object Storage, served through Starlette: a ``Router`` with Keystone v2's
``POST /v2.0/tokens`` (``keystone``) and the Swift API ``/v1/AUTH_<tenant>[/<container>[/<object>]]`` over an
``ObjectStore``: accounts and containers here, objects in ``http_objects``, archive extraction in ``http_bulk``.
Every refusal is an ``ObjectStoreError`` answered with its status and a one-line text body, as Swift answers.

The two routes match on the raw request path rather than with Starlette's path patterns: an object name may hold any
character (a newline, ``//``, ``%2F``...), which a pattern compiled without DOTALL does not match, and its
percent-encoded bytes must be valid UTF-8 (400 otherwise).
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, NoMatchFound, Router
from starlette.types import Receive, Scope, Send

from easymaker.local.home import DISK_FULL_MESSAGE, disk_full
from easymaker.local.swift.http_bulk import extract_route
from easymaker.local.swift.http_objects import object_route
from easymaker.local.swift.http_wire import header_dict, swift_response
from easymaker.local.swift.keystone import Keystone, same
from easymaker.local.swift.records import LISTING_LIMIT, ObjectStoreError, Subdir
from easymaker.local.swift.store import ObjectStore

logger = logging.getLogger("easymaker.local.swift")

_SWIFT_PATH = re.compile(r"^/v1/AUTH_(?P<tenant>[^/]+)(?:/(?P<container>[^/]*)(?:/(?P<obj>.*))?)?$", re.S)
_TOKENS_PATH = b"/v2.0/tokens"
_LISTING_TYPES = {"json": "application/json; charset=utf-8", "": "text/plain; charset=utf-8"}

Endpoint = Callable[[Request], Awaitable[Response]]


def _raw_path(scope: Scope) -> bytes:
    raw: bytes | None = scope.get("raw_path")
    return (raw if raw else scope["path"].encode("utf-8")).split(b"?", 1)[0]


class _RawPathRoute(BaseRoute):
    """Every HTTP request whose raw path ``accepts``, answered by ``endpoint``; an ``ObjectStoreError`` it raises
    (or a full disk: 507) becomes the answer."""

    def __init__(self, accepts: Callable[[bytes], bool] | None, endpoint: Endpoint) -> None:
        """``accepts``: ``None`` for every path."""
        self._accepts = accepts
        self._endpoint = endpoint

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and (self._accepts is None or self._accepts(_raw_path(scope))):
            return Match.FULL, {}
        return Match.NONE, {}

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            response = await self._endpoint(request)
        except ObjectStoreError as exc:
            response = swift_response(exc.status, str(exc).encode() + b"\n", request.method)
        except (OSError, sqlite3.OperationalError) as exc:
            if not disk_full(exc):
                raise
            logger.error("disk full: %s", exc)
            response = swift_response(507, DISK_FULL_MESSAGE.encode() + b"\n", request.method)
        await response(scope, receive, send)


class ObjectStoreApp(Router):
    """The ASGI app of ``create_object_store_app``; ``store`` is its engine."""

    def __init__(
        self, store: ObjectStore, master_token: str, token_ttl: float, credentials: dict[str, str] | None
    ) -> None:
        self.store = store
        self.master_token = master_token
        keystone = Keystone(store, master_token, token_ttl, credentials)
        super().__init__(
            routes=[
                _RawPathRoute(lambda path: path.rstrip(b"/") == _TOKENS_PATH, keystone.issue),
                _RawPathRoute(None, self._swift),  # any other path: 404 unless /v1/AUTH_...
            ]
        )

    async def _swift(self, request: Request) -> Response:
        try:
            path = unquote(_raw_path(request.scope).decode("ascii"), encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, UnicodeEncodeError) as exc:
            raise ObjectStoreError(400, "path is not valid percent-encoded UTF-8") from exc
        m = _SWIFT_PATH.match(path)
        if m is None:
            raise ObjectStoreError(404, "not found: expected /v1/AUTH_<tenant>/<container>[/<object>] or /v2.0/tokens")
        method = request.method
        headers = header_dict(request.scope)
        tenant = m.group("tenant")
        token = headers.get("x-auth-token") or headers.get("x-storage-token")
        if not token or not (same(token, self.master_token) or self.store.token_allows(token, tenant)):
            return swift_response(401, b"Unauthorized: X-Auth-Token missing, expired or not issued here\n", method)
        container = m.group("container") or ""
        obj = m.group("obj") or ""
        # the query as Swift reads it (a repeated parameter: its last value); a plain dict costs a third of a
        # Starlette QueryParams on every request
        query = dict(parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True))
        if method == "PUT" and "extract-archive" in query:
            if obj and not container:
                raise ObjectStoreError(404, "not found: empty container name")
            base = f"{container}/{obj}" if obj else container
            return extract_route(request, self.store, tenant, base, headers, query["extract-archive"])
        if not container:
            return self._account(method, tenant, query.get("format") == "json")
        if not obj:
            return self._container(method, tenant, container, query)
        return await object_route(request, self.store, tenant, container, obj, headers)

    def _account(self, method: str, tenant: str, as_json: bool) -> Response:
        if method not in ("GET", "HEAD"):
            raise ObjectStoreError(405, f"{method} not allowed on an account")
        names = self.store.list_containers(tenant)
        if as_json:
            body = json.dumps([{"name": n} for n in names]).encode()
            return swift_response(200, body, method, content_type=_LISTING_TYPES["json"])
        body = "".join(n + "\n" for n in names).encode()
        return swift_response(200 if body else 204, body, method, content_type=_LISTING_TYPES[""])

    def _container(self, method: str, tenant: str, container: str, query: dict[str, str]) -> Response:
        store = self.store
        if method == "PUT":
            created = store.create_container(tenant, container)
            return swift_response(201 if created else 202, b"", method)
        if method == "DELETE":
            store.delete_container(tenant, container)
            return swift_response(204, b"", method)
        if method not in ("GET", "HEAD"):
            raise ObjectStoreError(405, f"{method} not allowed on a container")
        stats = store.container_stats(tenant, container)
        if stats is None:
            raise ObjectStoreError(404, f"container {container!r} not found")
        extra = [("x-container-object-count", str(stats[0])), ("x-container-bytes-used", str(stats[1]))]
        if method == "HEAD":
            return swift_response(204, b"", method, extra=extra)
        try:
            limit = int(query.get("limit", LISTING_LIMIT))
        except ValueError as exc:
            raise ObjectStoreError(400, "limit must be an integer") from exc
        if limit < 0 or limit > LISTING_LIMIT:
            raise ObjectStoreError(412, f"limit must be between 0 and {LISTING_LIMIT}")
        items = store.list_objects(
            tenant,
            container,
            prefix=query.get("prefix", ""),
            marker=query.get("marker", ""),
            end_marker=query.get("end_marker", ""),
            limit=limit,
            delimiter=query.get("delimiter", ""),
        )
        if query.get("format") == "json":
            docs: list[dict[str, Any]] = []
            for it in items:
                if isinstance(it, Subdir):
                    docs.append({"subdir": it.subdir})
                else:
                    docs.append(
                        {
                            "name": it.name,
                            "bytes": it.stored_size if it.manifest else it.size,
                            "hash": it.stored_etag if it.manifest else it.etag,
                            "last_modified": it.last_modified_iso,
                            "content_type": it.content_type,
                        }
                    )
            body = json.dumps(docs, ensure_ascii=False).encode()
            return swift_response(200, body, method, content_type=_LISTING_TYPES["json"], extra=extra)
        body = "".join((it.subdir if isinstance(it, Subdir) else it.name) + "\n" for it in items).encode()
        return swift_response(200 if body else 204, body, method, content_type=_LISTING_TYPES[""], extra=extra)


def create_object_store_app(
    home: Path,
    master_token: str,
    token_ttl: float = 86400.0,
    *,
    store: ObjectStore | None = None,
    durable: bool = True,
    credentials: dict[str, str] | None = None,
) -> ObjectStoreApp:
    """The ASGI app serving ``/v1/AUTH_<tenant>/...`` (Swift subset) and ``POST /v2.0/tokens`` (Keystone v2).

    ``home`` is the EasyMaker Local home (data lives in ``home/objects``); ``master_token`` is accepted on every
    Swift call for any tenant. ``/v2.0/tokens`` issues a token only for ``credentials`` (``{"username",
    "password"}``, the home's credentials file) or for the master token (Keystone's ``token`` method); it lives
    ``token_ttl`` seconds and opens only the tenant it was issued for. Pass ``store`` to share one engine with
    in-process users; the app's ``.store`` attribute exposes it.
    """
    engine = store if store is not None else ObjectStore(Path(home) / "objects", durable=durable)
    return ObjectStoreApp(engine, master_token, token_ttl, credentials)
