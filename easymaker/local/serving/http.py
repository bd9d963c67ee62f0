"""The model worker's HTTP/1.1 server: asyncio + httptools (llhttp), one event loop per worker process.

Why not uvicorn or the stdlib server: a one-row prediction is a few tens of microseconds of model time; the HTTP
layer must cost no more. An ``asyncio.Protocol`` fed by httptools parses a request in a few microseconds, answers
it with one ``write`` and keeps the connection alive; pipelined requests are answered in order. The listening socket
may be shared by several worker processes (the endpoint stage's port: each worker accepts on it), so no proxy sits
in front of the workers. ``bench/serving.py`` measures it against MLServer.

Limits: request line + headers 64 KiB (431), body :data:`MAX_BODY_BYTES` (413), a malformed request is answered
400 and the connection closed; ``Expect: 100-continue`` is honoured.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

import httptools

from easymaker.local.guard import BrowserRules

logger = logging.getLogger("easymaker.local.serving")

# (method, path, body, headers) -> (status, response body, extra response headers)
# ``headers``: the request headers the app reads (lower-case names, see WANTED_HEADERS)
Handler = Callable[[str, str, bytes, Mapping[str, str]], tuple[int, bytes, tuple[tuple[str, str], ...]]]

MAX_BODY_BYTES = 512 * 1024 * 1024
MAX_HEAD_BYTES = 64 * 1024
WANTED_HEADERS = frozenset(
    {b"inference-header-content-length", b"content-type", b"expect", b"host", b"origin", b"sec-fetch-site"}
)
# a web page (DNS rebinding, a cross-origin post) is not a client of a model server: EasyMaker Local's browser rules
GUARD = BrowserRules()


def json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), allow_nan=False, default=str).encode()


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


_REASONS = {s.value: s.phrase for s in HTTPStatus}


def response_head(status: int, length: int, extra: tuple[tuple[str, str], ...] = (), close: bool = False) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status) or _reason(status)}\r\n"]
    if not any(name.lower() == "content-type" for name, _ in extra):
        lines.append("Content-Type: application/json\r\n")
    lines.extend(f"{name}: {value}\r\n" for name, value in extra)
    lines.append(f"Content-Length: {length}\r\n")
    if close:
        lines.append("Connection: close\r\n")
    lines.append("\r\n")
    return "".join(lines).encode("latin-1")


class _HttpProtocol(asyncio.Protocol):
    """One client connection: httptools calls the ``on_*`` methods as it parses."""

    def __init__(self, app: Handler, connections: set[_HttpProtocol]) -> None:
        self.app = app
        self.connections = connections
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self.url = b""
        self.headers: dict[str, str] = {}
        self.body: list[bytes] = []
        self.size = 0
        self.head = 0
        self.refused: tuple[int, str] | None = None
        self.port: int | None = None

    # connection --------------------------------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.port = int(sock.getsockname()[1])
            except (OSError, IndexError, TypeError):
                pass
        self.connections.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self.connections.discard(self)
        self.transport = None

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(400, "connection upgrades are not supported")
        except httptools.HttpParserError as exc:
            self._fail(400, f"malformed HTTP request: {exc}")

    def _fail(self, status: int, message: str) -> None:
        if self.transport is not None and not self.transport.is_closing():
            body = json_bytes({"error": message})
            self.transport.write(response_head(status, len(body), close=True) + body)
            self.transport.close()

    # parser callbacks ----------------------------------------------------------------------------------------
    def on_message_begin(self) -> None:
        self.url = b""
        self.headers = {}
        self.body = []
        self.size = 0
        self.head = 0
        self.refused = None

    def on_url(self, url: bytes) -> None:
        self.url += url
        self.head += len(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.head += len(name) + len(value)
        if self.head > MAX_HEAD_BYTES:
            self.refused = (431, f"request line and headers larger than {MAX_HEAD_BYTES} bytes")
        lower = name.lower()
        if lower in WANTED_HEADERS:
            key = lower.decode()
            if key == "host" and key in self.headers:
                self.refused = (400, "more than one Host header")
            self.headers[key] = value.decode("latin-1")

    def on_headers_complete(self) -> None:
        if self.refused is None:
            self.refused = GUARD.check(self.headers, self.parser.get_method().decode("latin-1"), False, self.port)
        if self.refused is None and self.headers.get("expect", "").lower() == "100-continue":
            if self.transport is not None:
                self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self.size += len(body)
        if self.size > MAX_BODY_BYTES:
            self.refused = (413, f"request body larger than {MAX_BODY_BYTES} bytes")
            self.body = []
        elif self.refused is None:
            self.body.append(body)

    def on_message_complete(self) -> None:
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        if self.refused is not None:
            self._fail(*self.refused)
            return
        keep_alive = self.parser.should_keep_alive()
        method = self.parser.get_method().decode("latin-1")
        body = self.body[0] if len(self.body) == 1 else b"".join(self.body)
        try:
            status, payload, extra = self.app(method, self.url.decode("latin-1"), body, self.headers)
        except Exception as exc:  # a handler bug must still answer
            logger.exception("request %s %r failed", method, self.url)
            status, payload, extra = 500, json_bytes({"error": f"internal error: {type(exc).__name__}: {exc}"}), ()
        transport.write(response_head(status, len(payload), extra, close=not keep_alive) + payload)
        if not keep_alive:
            transport.close()


async def serve(app: Handler, sock: socket.socket, started: Callable[[], None] | None = None) -> None:
    """Serve ``app`` on the listening socket ``sock`` (possibly shared with other processes) until cancelled."""
    loop = asyncio.get_running_loop()
    connections: set[_HttpProtocol] = set()
    sock.setblocking(False)
    server = await loop.create_server(lambda: _HttpProtocol(app, connections), sock=sock, backlog=128)
    if started is not None:
        started()
    try:
        await server.serve_forever()
    finally:
        server.close()
        for conn in list(connections):
            if conn.transport is not None:
                conn.transport.close()
