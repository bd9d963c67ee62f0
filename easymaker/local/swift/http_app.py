"""The HTTP face of EasyMaker Local's Object Storage: an ASGI application serving the Swift API
``/v1/AUTH_<tenant>[/<container>[/<object>]]`` (accounts, containers, objects, ranges, ``?extract-archive=``) and
Keystone v2's ``POST /v2.0/tokens`` over an ``ObjectStore``, with Swift's status codes and error bodies."""

from __future__ import annotations

import json
import logging
import re
import secrets
import sqlite3
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

from easymaker.local.home import DISK_FULL_MESSAGE, disk_full
from easymaker.local.swift.bodies import Opened, close_all, iter_ranges
from easymaker.local.swift.extraction import ExtractResult, archive_compression, status_line
from easymaker.local.swift.records import LISTING_LIMIT, READ_CHUNK, ObjectInfo, ObjectStoreError, Subdir
from easymaker.local.swift.store import ObjectStore

logger = logging.getLogger("easymaker.local.swift")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_GATHER = 1024 * 1024  # request body bytes handed to the extracting thread at once
_GATHER_WAIT = 0.02  # seconds to wait for more body before handing over what arrived

_ACCEPTABLE = ("text/plain", "application/json", "application/xml", "text/xml")


def _best_accept(accept: str | None) -> str | None:
    """The response format for an ``Accept`` header (highest quality, then the order above); None if none fits."""
    if not accept:
        return _ACCEPTABLE[0]
    best: tuple[float, int, str] | None = None
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    for order, fmt in enumerate(_ACCEPTABLE):
        major = fmt.split("/")[0]
        # the most specific matching range decides the quality of this format
        quality = None
        for spec in (fmt, f"{major}/*", "*/*"):
            found = [q for r, q in ranges if r == spec]
            if found:
                quality = max(found)
                break
        if quality is None or quality <= 0:
            continue
        if best is None or quality > best[0]:
            best = (quality, order, fmt)
    return best[2] if best else None


class _ClientGone(Exception):
    """The client disconnected while sending an archive."""


class _ReceiveReader:
    """A blocking, file-like view of an ASGI request body for a worker thread: each ``read`` takes what has
    arrived, pulling the next body message from the event loop when needed (never the whole body)."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._buf = b""
        self._pos = 0
        self._eof = False
        self.received = 0

    def read(self, n: int = -1) -> bytes:
        import anyio.from_thread

        while self._pos >= len(self._buf):
            if self._eof:
                return b""
            self._buf, self._pos = anyio.from_thread.run(self._gather), 0
            self.received += len(self._buf)
        if self._pos == 0 and (n < 0 or n >= len(self._buf)):
            out, self._buf = self._buf, b""
            return out
        end = len(self._buf) if n < 0 else min(len(self._buf), self._pos + n)
        out = self._buf[self._pos : end]
        self._pos = end
        return out

    async def _gather(self) -> bytes:
        """On the event loop: receive body messages until ``_GATHER`` bytes (or the end) are there, so the worker
        thread crosses over to the loop once per ``_GATHER`` bytes rather than once per network read."""
        import anyio

        parts: list[bytes] = []
        size = 0
        while size < _GATHER and not self._eof:
            if parts:  # more only if it comes at once: a slow sender's bytes are not held back
                msg = None
                with anyio.move_on_after(_GATHER_WAIT):
                    msg = await self._receive()
                if msg is None:
                    break
            else:
                msg = await self._receive()
            if msg["type"] == "http.disconnect":
                raise _ClientGone()
            body = msg.get("body", b"")
            if body:
                parts.append(body)
                size += len(body)
            if not msg.get("more_body", False):
                self._eof = True
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def drain(self) -> None:
        """Read and drop the rest of the body (the request is answered only once it was read)."""
        try:
            while self.read(READ_CHUNK):
                pass
        except _ClientGone:
            pass


_SWIFT_PATH = re.compile(r"^/v1/AUTH_(?P<tenant>[^/]+)(?:/(?P<container>[^/]*)(?:/(?P<obj>.*))?)?$", re.S)
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_TOKEN_TIME = "%Y-%m-%dT%H:%M:%SZ"
_EXTRACT_KEEPALIVE = 10.0  # seconds between the spaces sent while an archive is being extracted
_BUFFER_TO_THREAD = 1024 * 1024  # bodies are hashed and written off the event loop in chunks of this size


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in scope.get("headers", []):
        out[k.decode("latin-1").lower()] = v.decode("latin-1")
    return out


def _meta_from_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k[len("x-object-meta-") :]: v for k, v in headers.items() if k.startswith("x-object-meta-")}


def _object_headers(info: ObjectInfo) -> list[tuple[str, str]]:
    h = [
        ("etag", info.etag),
        ("last-modified", info.last_modified_http),
        ("x-timestamp", info.x_timestamp),
        ("content-type", info.content_type),
        ("accept-ranges", "bytes"),
    ]
    if info.manifest is not None:
        h.append(("x-object-manifest", info.manifest))
    for k, v in info.metadata.items():
        h.append((f"x-object-meta-{k}", v))
    return h


class _App:
    def __init__(
        self, store: ObjectStore, master_token: str, token_ttl: float, credentials: dict[str, str] | None
    ) -> None:
        self.store = store
        self.master_token = master_token
        self.token_ttl = token_ttl
        self.credentials = credentials

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                msg = await receive()
                if msg["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif msg["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        try:
            await self._dispatch(scope, receive, send)
        except ObjectStoreError as exc:
            await _respond(send, exc.status, str(exc).encode() + b"\n", method=scope["method"])
        except (OSError, sqlite3.OperationalError) as exc:
            if not disk_full(exc):
                raise
            logger.error("disk full: %s", exc)
            await _respond(send, 507, DISK_FULL_MESSAGE.encode() + b"\n", method=scope["method"])

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = scope.get("raw_path")
        path_bytes: bytes = raw if raw else scope["path"].encode("utf-8")
        path_bytes = path_bytes.split(b"?", 1)[0]
        method: str = scope["method"]
        if path_bytes.rstrip(b"/") == b"/v2.0/tokens":
            if method != "POST":
                raise ObjectStoreError(405, "use POST /v2.0/tokens")
            await self._tokens(receive, send)
            return
        try:
            path = unquote(path_bytes.decode("ascii"), encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, UnicodeEncodeError) as exc:
            raise ObjectStoreError(400, "path is not valid percent-encoded UTF-8") from exc
        m = _SWIFT_PATH.match(path)
        if m is None:
            raise ObjectStoreError(404, "not found: expected /v1/AUTH_<tenant>/<container>[/<object>] or /v2.0/tokens")
        headers = _headers(scope)
        tenant = m.group("tenant")
        token = headers.get("x-auth-token") or headers.get("x-storage-token")
        if not token or not (_same(token, self.master_token) or self.store.token_allows(token, tenant)):
            await _respond(send, 401, b"Unauthorized: X-Auth-Token missing, expired or not issued here\n", method)
            return
        container = m.group("container") or ""
        obj = m.group("obj") or ""
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        if method == "PUT" and "extract-archive" in query:
            if obj and not container:
                raise ObjectStoreError(404, "not found: empty container name")
            await self._extract(receive, send, tenant, f"{container}/{obj}" if obj else container, headers, query)
            return
        if not container:
            await self._account(send, method, tenant, query)
        elif not obj:
            await self._container(send, method, tenant, container, query)
        else:
            await self._object(scope, receive, send, method, tenant, container, obj, headers)

    # -- keystone -------------------------------------------------------------------------------------------
    async def _tokens(self, receive: Receive, send: Send) -> None:
        body = await _read_small_body(receive, 64 * 1024)
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
            await _respond(
                send,
                401,
                json.dumps(_KEYSTONE_401).encode(),
                "POST",
                content_type="application/json",
                extra=[("www-authenticate", 'Keystone uri="/v2.0"')],
            )
            return
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
        await _respond(send, 200, json.dumps(doc).encode(), "POST", content_type="application/json")

    def _credentials_valid(self, username: str | None, password: str) -> bool:
        """The local credentials (``<home>/credentials``), or the access token with Keystone's token method."""
        if username is None:
            return _same(password, self.master_token)
        creds = self.credentials
        if creds is None:
            return False
        # both compared, always: the time taken does not tell which one was wrong
        user_ok = _same(username, creds["username"])
        return _same(password, creds["password"]) & user_ok

    # -- account --------------------------------------------------------------------------------------------
    async def _account(self, send: Send, method: str, tenant: str, query: dict[str, str]) -> None:
        if method not in ("GET", "HEAD"):
            raise ObjectStoreError(405, f"{method} not allowed on an account")
        names = self.store.list_containers(tenant)
        if query.get("format") == "json":
            body = json.dumps([{"name": n} for n in names]).encode()
            await _respond(send, 200, body, method, content_type="application/json; charset=utf-8")
        else:
            body = "".join(n + "\n" for n in names).encode()
            await _respond(send, 200 if body else 204, body, method, content_type="text/plain; charset=utf-8")

    # -- containers -----------------------------------------------------------------------------------------
    async def _container(self, send: Send, method: str, tenant: str, container: str, query: dict[str, str]) -> None:
        store = self.store
        if method == "PUT":
            created = store.create_container(tenant, container)
            await _respond(send, 201 if created else 202, b"", method)
        elif method == "DELETE":
            store.delete_container(tenant, container)
            await _respond(send, 204, b"", method)
        elif method in ("GET", "HEAD"):
            stats = store.container_stats(tenant, container)
            if stats is None:
                raise ObjectStoreError(404, f"container {container!r} not found")
            extra = [("x-container-object-count", str(stats[0])), ("x-container-bytes-used", str(stats[1]))]
            if method == "HEAD":
                await _respond(send, 204, b"", method, extra=extra)
                return
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
                await _respond(send, 200, body, method, content_type="application/json; charset=utf-8", extra=extra)
            else:
                body = "".join((it.subdir if isinstance(it, Subdir) else it.name) + "\n" for it in items).encode()
                status = 200 if body else 204
                await _respond(send, status, body, method, content_type="text/plain; charset=utf-8", extra=extra)
        else:
            raise ObjectStoreError(405, f"{method} not allowed on a container")

    # -- archive auto-extraction ----------------------------------------------------------------------------
    async def _extract(
        self, receive: Receive, send: Send, tenant: str, base: str, headers: dict[str, str], query: dict[str, str]
    ) -> None:
        """``PUT ...?extract-archive=tar|tar.gz|tar.bz2``: always HTTP 200 with the outcome in the body (Swift's
        bulk middleware format); while a long archive is processed, a space is sent every few seconds."""
        import anyio
        import anyio.to_thread

        compression = archive_compression(query["extract-archive"])
        if compression is None:
            raise ObjectStoreError(400, "Unsupported archive format")
        out_type = _best_accept(headers.get("accept"))
        reader = _ReceiveReader(receive)
        result = ExtractResult()
        gone = False

        def job() -> None:
            nonlocal result, gone
            try:
                if out_type is None:
                    result.status = status_line(406)
                elif "content-length" not in headers and "chunked" not in headers.get("transfer-encoding", "").lower():
                    result.status = status_line(411)
                else:
                    result = self.store.extract_archive(
                        tenant, base, reader, compression=compression, metadata=_meta_from_headers(headers)
                    )
                reader.drain()
            except _ClientGone:
                gone = True
            except Exception:  # noqa: BLE001 - reported in the body, as Swift does
                logger.exception("error while extracting an archive into %s", base)
                result = ExtractResult(result.created, result.errors, status_line(500))

        done = anyio.Event()
        started = False
        content_type = (out_type or "text/plain") + ("; charset=utf-8" if out_type != "application/json" else "")

        async def work() -> None:
            try:
                await anyio.to_thread.run_sync(job)
            finally:
                done.set()

        async with anyio.create_task_group() as tg:
            tg.start_soon(work)
            while not done.is_set():
                with anyio.move_on_after(_EXTRACT_KEEPALIVE):
                    await done.wait()
                if not done.is_set() and not gone:
                    if not started:
                        start_headers = [(b"content-type", content_type.encode())]
                        await send({"type": "http.response.start", "status": 200, "headers": start_headers})
                        started = True
                    await send({"type": "http.response.body", "body": b" ", "more_body": True})
        if gone:
            logger.info("client went away while sending an archive for %s; members received whole are kept", base)
            return
        body = result.render(out_type or "text/plain")
        if started:
            await send({"type": "http.response.body", "body": body})
        else:
            await _respond(send, 200, body, "PUT", content_type=content_type)

    # -- objects --------------------------------------------------------------------------------------------
    async def _object(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        method: str,
        tenant: str,
        container: str,
        name: str,
        headers: dict[str, str],
    ) -> None:
        store = self.store
        if method == "PUT":
            await self._put(receive, send, tenant, container, name, headers)
        elif method in ("GET", "HEAD"):
            if method == "GET":
                info, opened = store.open_body(tenant, container, name)
            else:
                head = store.head_object(tenant, container, name)
                if head is None:
                    raise ObjectStoreError(404, f"object {name!r} not found")
                info, opened = head, []
            try:
                await self._get_or_head(send, method, info, opened, headers)
            finally:
                close_all(opened)
        elif method == "DELETE":
            if not store.delete_object(tenant, container, name):
                raise ObjectStoreError(404, f"object {name!r} not found")
            await _respond(send, 204, b"", method)
        elif method == "POST":
            if not store.update_metadata(tenant, container, name, _meta_from_headers(headers)):
                raise ObjectStoreError(404, f"object {name!r} not found")
            await _respond(send, 202, b"", method)
        else:
            raise ObjectStoreError(405, f"{method} not allowed on an object")

    async def _put(
        self, receive: Receive, send: Send, tenant: str, container: str, name: str, headers: dict[str, str]
    ) -> None:
        import anyio.to_thread

        expected_size: int | None = None
        if "content-length" in headers and "chunked" not in headers.get("transfer-encoding", ""):
            try:
                expected_size = int(headers["content-length"])
            except ValueError as exc:
                raise ObjectStoreError(400, "Content-Length must be an integer") from exc
        manifest = headers.get("x-object-manifest")
        if manifest is not None:
            if "/" not in unquote(manifest).lstrip("/"):
                raise ObjectStoreError(400, "X-Object-Manifest must be <container>/<prefix>")
            manifest = manifest.lstrip("/")
        writer = self.store.begin_put(tenant, container, name)
        pending = bytearray()
        try:
            while True:
                msg = await receive()
                if msg["type"] == "http.disconnect":
                    writer.abort()
                    logger.info("client went away while uploading %s/%s; nothing stored", container, name)
                    return
                chunk = msg.get("body", b"")
                if chunk:
                    pending += chunk
                    if len(pending) >= _BUFFER_TO_THREAD:
                        buf, pending = pending, bytearray()
                        await anyio.to_thread.run_sync(writer.write, buf)
                if not msg.get("more_body", False):
                    break
            if pending:
                writer.write(pending)
            meta = _meta_from_headers(headers)
            info = writer.commit(
                content_type=headers.get("content-type"),
                metadata=meta,
                manifest=manifest,
                expected_etag=headers.get("etag"),
                expected_size=expected_size,
            )
        except BaseException:
            writer.abort()
            raise
        await _respond(
            send,
            201,
            b"",
            "PUT",
            extra=[("etag", info.stored_etag), ("last-modified", info.last_modified_http)],
        )

    async def _get_or_head(
        self,
        send: Send,
        method: str,
        info: ObjectInfo,
        opened: Opened,
        headers: dict[str, str],
    ) -> None:
        if_match = headers.get("if-match")
        if (
            if_match
            and if_match.strip() != "*"
            and info.etag.strip('"') not in {t.strip().strip('"') for t in if_match.split(",")}
        ):
            await _respond(send, 412, b"Precondition Failed\n", method, extra=_object_headers(info))
            return
        range_header = headers.get("range")
        size = info.size
        start, end, status = 0, size, 200
        extra = _object_headers(info)
        if range_header:
            m = _RANGE.match(range_header.strip())
            if m and (m.group(1) or m.group(2)):  # a single range; multi-range requests get the whole object
                first, last = m.group(1), m.group(2)
                if first:
                    start = _range_int(first)
                    end = min(_range_int(last) + 1, size) if last else size
                else:
                    start = max(size - _range_int(last), 0)
                if start >= size or end <= start:
                    await _respond(
                        send,
                        416,
                        b"Requested Range Not Satisfiable\n",
                        method,
                        extra=[("content-range", f"bytes */{size}")] + extra[1:3],
                    )
                    return
                status = 206
                extra.append(("content-range", f"bytes {start}-{end - 1}/{size}"))
        raw_headers = [(b"content-length", str(end - start).encode())]
        raw_headers += [(k.encode("latin-1"), _latin1(v)) for k, v in extra]
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        if method == "HEAD" or end == start:
            await send({"type": "http.response.body", "body": b""})
            return
        # each chunk is sent once the next one is read, so the last goes out with ``more_body: False``: a small
        # body takes one message, not a body message plus an empty closing one
        last = b""
        for i, chunk in enumerate(iter_ranges(opened, start, end)):
            if i:
                await send({"type": "http.response.body", "body": last, "more_body": True})
            last = chunk
        await send({"type": "http.response.body", "body": last})


_RANGE_DIGITS = 19  # longer positions are past any object (and int() of thousands of digits is refused)


def _range_int(digits: str) -> int:
    return int(digits) if len(digits) <= _RANGE_DIGITS else 10**_RANGE_DIGITS


def _latin1(value: str) -> bytes:
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


async def _read_small_body(receive: Receive, limit: int) -> bytes:
    body = bytearray()
    while True:
        msg = await receive()
        if msg["type"] == "http.disconnect":
            raise ObjectStoreError(400, "client disconnected")
        body += msg.get("body", b"")
        if len(body) > limit:
            raise ObjectStoreError(413, f"request body larger than {limit} bytes")
        if not msg.get("more_body", False):
            return bytes(body)


async def _respond(
    send: Send,
    status: int,
    body: bytes,
    method: str,
    *,
    content_type: str = "text/plain; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", content_type.encode())]
    headers += [(k.encode("latin-1"), _latin1(v)) for k, v in (extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


def create_object_store_app(
    home: Path,
    master_token: str,
    token_ttl: float = 86400.0,
    *,
    store: ObjectStore | None = None,
    durable: bool = True,
    credentials: dict[str, str] | None = None,
) -> ASGIApp:
    """The ASGI app serving ``/v1/AUTH_<tenant>/...`` (Swift subset) and ``POST /v2.0/tokens`` (Keystone v2).

    ``home`` is the EasyMaker Local home (data lives in ``home/objects``); ``master_token`` is accepted on every
    Swift call for any tenant. ``/v2.0/tokens`` issues a token only for ``credentials`` (``{"username",
    "password"}``, the home's credentials file) or for the master token (Keystone's ``token`` method); it lives
    ``token_ttl`` seconds and opens only the tenant it was issued for. Pass ``store`` to share one engine with
    in-process users; the app's ``.store`` attribute exposes it.
    """
    engine = store if store is not None else ObjectStore(Path(home) / "objects", durable=durable)
    return _App(engine, master_token, token_ttl, credentials)


_TENANT = re.compile(r"[A-Za-z0-9_.\-]{1,128}")
_KEYSTONE_401 = {
    "error": {
        "code": 401,
        "title": "Unauthorized",
        "message": "The request you have made requires authentication: EasyMaker Local accepts the credentials in "
        "<home>/credentials (or its access token with the token method)",
    }
}


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))
