"""The archive auto-extraction route (``PUT <container>[/<prefix>]?extract-archive=tar|tar.gz|tar.bz2``, Swift's
bulk middleware): the request body is handed to ``ObjectStore.extract_archive`` in a worker thread as it arrives
(never held whole); the answer is always HTTP 200 with the outcome in the body, in the format ``Accept`` asks for.
While a long archive is processed, the status line goes out and a space follows every ``_EXTRACT_KEEPALIVE``
seconds, so no client or proxy times the request out."""

from __future__ import annotations

import logging
from collections.abc import Callable

import anyio
import anyio.from_thread
import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from easymaker.local.swift.extraction import ExtractResult, archive_compression, status_line
from easymaker.local.swift.http_wire import meta_from_headers, swift_response
from easymaker.local.swift.records import READ_CHUNK, ObjectStoreError
from easymaker.local.swift.store import ObjectStore

logger = logging.getLogger("easymaker.local.swift")

_GATHER = 1024 * 1024  # request body bytes handed to the extracting thread at once
_GATHER_WAIT = 0.02  # seconds to wait for more body before handing over what arrived
_EXTRACT_KEEPALIVE = 10.0  # seconds between the spaces sent while an archive is being extracted


def extract_route(
    request: Request, store: ObjectStore, tenant: str, base: str, headers: dict[str, str], fmt: str
) -> Response:
    """The answer to an extraction of the archive in ``request`` into ``base`` (``<container>[/<prefix>]``)."""
    compression = archive_compression(fmt)
    if compression is None:
        raise ObjectStoreError(400, "Unsupported archive format")
    out_type = best_accept(headers.get("accept"))
    reader = ReceiveReader(request.receive)

    def job() -> ExtractResult:
        if out_type is None:
            return ExtractResult(status=status_line(406))
        if "content-length" not in headers and "chunked" not in headers.get("transfer-encoding", "").lower():
            return ExtractResult(status=status_line(411))
        return store.extract_archive(tenant, base, reader, compression=compression, metadata=meta_from_headers(headers))

    return ExtractResponse(job, reader, out_type, base)


class ExtractResponse(Response):
    """Runs the extraction ``job`` while it answers: in one piece (with a Content-Length) when the job ends within
    ``_EXTRACT_KEEPALIVE`` seconds, else as a stream of spaces, then the outcome. The rest of the body is read and
    dropped before the outcome is sent; a client gone meanwhile gets nothing (members received whole are kept)."""

    def __init__(
        self, job: Callable[[], ExtractResult], reader: ReceiveReader, out_type: str | None, base: str
    ) -> None:
        super().__init__(status_code=200)
        self._job, self._reader, self._out_type, self._base = job, reader, out_type, base

    def _run(self) -> ExtractResult | None:
        """In a worker thread: the outcome, or ``None`` when the client went away."""
        result = ExtractResult()
        try:
            result = self._job()
            self._reader.drain()
        except ClientGone:
            return None
        except Exception:  # noqa: BLE001 - reported in the body, as Swift does
            logger.exception("error while extracting an archive into %s", self._base)
            result = ExtractResult(result.created, result.errors, status_line(500))
        return result

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        out_type = self._out_type
        content_type = (out_type or "text/plain") + ("; charset=utf-8" if out_type != "application/json" else "")
        done = anyio.Event()
        started = False
        outcome: list[ExtractResult | None] = []

        async def work() -> None:
            try:
                outcome.append(await anyio.to_thread.run_sync(self._run))
            finally:
                done.set()

        async with anyio.create_task_group() as tg:
            tg.start_soon(work)
            while not done.is_set():
                with anyio.move_on_after(_EXTRACT_KEEPALIVE):
                    await done.wait()
                if not done.is_set() and not self._reader.gone:
                    if not started:
                        start_headers = [(b"content-type", content_type.encode())]
                        await send({"type": "http.response.start", "status": 200, "headers": start_headers})
                        started = True
                    await send({"type": "http.response.body", "body": b" ", "more_body": True})
        result = outcome[0] if outcome else None
        if result is None:
            logger.info("client went away while sending an archive for %s; members received whole are kept", self._base)
            return
        body = result.render(out_type or "text/plain")
        if started:
            await send({"type": "http.response.body", "body": body})
        else:
            await swift_response(200, body, "PUT", content_type=content_type)(scope, receive, send)


_ACCEPTABLE = ("text/plain", "application/json", "application/xml", "text/xml")


def best_accept(accept: str | None) -> str | None:
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


class ClientGone(Exception):
    """The client disconnected while sending an archive."""


class ReceiveReader:
    """A blocking, file-like view of an ASGI request body for a worker thread: each ``read`` takes what has
    arrived, pulling the next body message from the event loop when needed (never the whole body)."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._buf = b""
        self._pos = 0
        self._eof = False
        self.received = 0
        self.gone = False  # the client disconnected

    def read(self, n: int = -1) -> bytes:
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
                self.gone = True
                raise ClientGone()
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
        except ClientGone:
            pass
