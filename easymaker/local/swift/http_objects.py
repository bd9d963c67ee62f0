"""The object routes of the Swift API: ``PUT`` (the body streamed into a ``PutWriter``, hashed and written off the
event loop, checked against ``ETag`` and ``Content-Length``), ``GET``/``HEAD`` (``If-Match``, one byte range, a
large object's segments read one after another), ``POST`` (metadata) and ``DELETE``."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from urllib.parse import unquote

import anyio.to_thread
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from easymaker.local.swift.bodies import Opened, close_all, iter_ranges
from easymaker.local.swift.http_wire import RawResponse, meta_from_headers, object_headers, raw_headers, swift_response
from easymaker.local.swift.records import READ_CHUNK, ObjectInfo, ObjectStoreError
from easymaker.local.swift.store import ObjectStore

logger = logging.getLogger("easymaker.local.swift")

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_RANGE_DIGITS = 19  # longer positions are past any object (and int() of thousands of digits is refused)
_BUFFER_TO_THREAD = 1024 * 1024  # bodies are hashed and written off the event loop in chunks of this size


async def object_route(
    request: Request, store: ObjectStore, tenant: str, container: str, name: str, headers: dict[str, str]
) -> Response:
    method = request.method
    if method == "PUT":
        return await _put(request, store, tenant, container, name, headers)
    if method == "GET":
        info, opened = store.open_body(tenant, container, name)
        return _get_or_head(method, info, opened, headers)
    if method == "HEAD":
        head = store.head_object(tenant, container, name)
        if head is None:
            raise ObjectStoreError(404, f"object {name!r} not found")
        return _get_or_head(method, head, [], headers)
    if method == "DELETE":
        if not store.delete_object(tenant, container, name):
            raise ObjectStoreError(404, f"object {name!r} not found")
        return swift_response(204, b"", method)
    if method == "POST":
        if not store.update_metadata(tenant, container, name, meta_from_headers(headers)):
            raise ObjectStoreError(404, f"object {name!r} not found")
        return swift_response(202, b"", method)
    raise ObjectStoreError(405, f"{method} not allowed on an object")


async def _put(
    request: Request, store: ObjectStore, tenant: str, container: str, name: str, headers: dict[str, str]
) -> Response:
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
    writer = store.begin_put(tenant, container, name)
    pending = bytearray()
    try:
        async for chunk in request.stream():
            pending += chunk
            if len(pending) >= _BUFFER_TO_THREAD:
                buf, pending = pending, bytearray()
                await anyio.to_thread.run_sync(writer.write, buf)
        if pending:
            writer.write(pending)
        info = writer.commit(
            content_type=headers.get("content-type"),
            metadata=meta_from_headers(headers),
            manifest=manifest,
            expected_etag=headers.get("etag"),
            expected_size=expected_size,
        )
    except ClientDisconnect:
        writer.abort()
        logger.info("client went away while uploading %s/%s; nothing stored", container, name)
        return swift_response(499, b"", "PUT")  # no one reads it: the connection is gone
    except BaseException:
        writer.abort()
        raise
    return swift_response(
        201, b"", "PUT", extra=[("etag", info.stored_etag), ("last-modified", info.last_modified_http)]
    )


def _get_or_head(method: str, info: ObjectInfo, opened: Opened, headers: dict[str, str]) -> Response:
    """The answer to a GET or HEAD of ``info`` whose body sources are ``opened`` (closed here unless a
    ``BodyResponse`` takes them over)."""
    streamed = False
    try:
        if_match = headers.get("if-match")
        if (
            if_match
            and if_match.strip() != "*"
            and info.etag.strip('"') not in {t.strip().strip('"') for t in if_match.split(",")}
        ):
            return swift_response(412, b"Precondition Failed\n", method, extra=object_headers(info))
        range_header = headers.get("range")
        size = info.size
        start, end, status = 0, size, 200
        extra = object_headers(info)
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
                    return swift_response(
                        416,
                        b"Requested Range Not Satisfiable\n",
                        method,
                        extra=[("content-range", f"bytes */{size}")] + extra[1:3],
                    )
                status = 206
                extra.append(("content-range", f"bytes {start}-{end - 1}/{size}"))
        head = [(b"content-length", str(end - start).encode()), *raw_headers(extra)]
        if method == "HEAD" or end == start:
            return RawResponse(status, head, b"")
        if end - start <= READ_CHUNK and info.manifest is None:
            # one read, one message: a small body (the common case) needs no stream
            return RawResponse(status, head, b"".join(iter_ranges(opened, start, end)))
        streamed = True
        return BodyResponse(status, head, opened, start, end)
    finally:
        if not streamed:
            close_all(opened)


class BodyResponse(StreamingResponse):
    """An object's bytes ``[start, end)`` streamed from its body sources, each chunk read when the previous one
    was sent; the sources are closed when the response ends, however it ends (a manifest's segments are opened one
    at a time: a segment replaced meanwhile ends the response early, as in Swift)."""

    def __init__(self, status: int, head: list[tuple[bytes, bytes]], opened: Opened, start: int, end: int) -> None:
        super().__init__(self._chunks(opened, start, end), status_code=status)
        self.raw_headers = head
        self._opened = opened

    @staticmethod
    async def _chunks(opened: Opened, start: int, end: int) -> AsyncIterator[bytes]:
        for chunk in iter_ranges(opened, start, end):
            yield chunk

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            close_all(self._opened)


def _range_int(digits: str) -> int:
    return int(digits) if len(digits) <= _RANGE_DIGITS else 10**_RANGE_DIGITS
