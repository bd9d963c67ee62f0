"""A small threaded HTTP/1.1 JSON server (stdlib), used by the model worker and the front proxy.

Why not uvicorn: a prediction is a few hundred microseconds of CPU; a threaded stdlib server with keep-alive,
``TCP_NODELAY`` and the whole response written in one ``send`` keeps the per-request overhead low without an event
loop, and the same code serves the worker and the proxy. ``bench/serving.py`` measures it.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

logger = logging.getLogger("easymaker.local.serving")

# (method, path, body) -> (status, response body bytes)
Handler = Callable[[str, str, bytes], tuple[int, bytes]]

MAX_BODY_BYTES = 512 * 1024 * 1024


def json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), allow_nan=False, default=str).encode()


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "EasyMakerLocal"
    sys_version = ""
    app: Handler  # set on the subclass built by serve()

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.connections.add(self.connection)  # type: ignore[attr-defined]

    def finish(self) -> None:
        self.server.connections.discard(self.connection)  # type: ignore[attr-defined]
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        logger.debug("%s " + format, self.address_string(), *args)

    def _send(self, status: int, body: bytes) -> None:
        head = (
            f"HTTP/1.1 {status} {_reason(status)}\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n"
            f"{'Connection: close' if self.close_connection else 'Connection: keep-alive'}\r\n\r\n"
        ).encode()
        self.wfile.write(head + body)

    def _dispatch(self) -> None:
        length_text = self.headers.get("Content-Length")
        body = b""
        if length_text:
            try:
                length = int(length_text)
            except ValueError:
                self.close_connection = True
                self._send(400, json_bytes({"error": "bad Content-Length"}))
                return
            if length > MAX_BODY_BYTES:
                self.close_connection = True
                self._send(413, json_bytes({"error": f"request body larger than {MAX_BODY_BYTES} bytes"}))
                return
            body = self.rfile.read(length)
        elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = self._read_chunked()
        try:
            status, payload = self.app(self.command, self.path, body)
        except Exception as exc:  # never let a handler bug kill the connection silently
            logger.exception("request %s %s failed", self.command, self.path)
            status, payload = 500, json_bytes({"error": f"internal error: {type(exc).__name__}: {exc}"})
        self._send(status, payload)

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    do_GET = _dispatch
    do_POST = _dispatch
    do_PUT = _dispatch
    do_DELETE = _dispatch


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # keep-alive clients must not hold stop() up; stop() closes their connections

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        self.connections: set[socket.socket] = set()
        super().__init__(address, handler)


class JsonHttpServer:
    """Serve ``app`` on ``host:port`` (port 0: a free one) in a background thread."""

    def __init__(self, app: Handler, host: str = "127.0.0.1", port: int = 0) -> None:
        handler_cls = type("BoundHandler", (_RequestHandler,), {"app": staticmethod(app)})
        self._server = _Server((host, port), handler_cls)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
        self._thread.start()

    def serve_forever(self) -> None:
        self._server.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        """Stop accepting, close the listening socket and every open client connection."""
        self._server.shutdown()
        self._server.server_close()
        for conn in list(self._server.connections):
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)
