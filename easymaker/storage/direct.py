"""A lean path for object GET bodies.

Why this is not a library (issue 12 asks for a well-kept library unless ours is at least 25 % faster on a case a
user meets): downloading many small objects, the everyday case of a dataset folder, is where it pays. Measured on
EasyMaker Local's object store (a shared 2-core machine; clients alternating in one run, 5 repetitions, 16 threads,
each body hashed as a download does; ``bench/object_get.py``): 2,000 x 64 KiB took 0.62-0.91 s (median 0.85) here,
1.19-1.44 s (median 1.26, x1.47) with urllib3 2.8 and 1.77-2.33 s (median 1.90, x2.23) with httpx 0.28; one
256 MiB object took 0.47-0.68 s here, 0.50-0.91 s with urllib3 (x1.07), 0.60-1.25 s with httpx (x1.26). Through
the whole SDK download (``bench/transfer.py``, ``ours`` vs ``ours-httpx``, 4 repetitions each): 2,000 x 64 KiB in
1.52-2.73 s (median 2.20) against 3.49-3.97 s (median 3.75) with object GETs on httpx; 1 x 256 MiB in 0.79-1.23 s
against 0.89-1.49 s. The gain is per-request CPU (response parsing and pool bookkeeping), so it grows with the
number of objects and vanishes for one large body.

How: keep-alive HTTP/1.1 connections (a socket, TLS-wrapped for https, and a
buffered reader) read with ``readinto`` into reused buffers (large reads, few Python-level steps per MiB). The
request head is written in one ``sendall`` and the response head parsed directly (no ``http.client``/``email``
message objects: that parsing was most of the client's CPU per small object). Bodies may be framed by
Content-Length, chunked transfer coding or the connection's end. Listings, HEADs, PUTs and authentication stay on
httpx.

Only the Swift token (``X-Auth-Token``) and the request's own headers are sent. URLs that an environment proxy
(``HTTP(S)_PROXY``/``ALL_PROXY`` not bypassed by ``NO_PROXY``) applies to are not taken here: the caller falls
back to httpx, which honours the proxy.
"""

from __future__ import annotations

import http.client
import logging
import re
import socket
import ssl
import threading
import urllib.request
from typing import Any, overload
from urllib.parse import urlsplit

import httpx

logger = logging.getLogger("easymaker.storage")

_Key = tuple[str, str, int]
DRAIN_LIMIT = 64 * 1024  # unread bodies up to this size are read on close, keeping the connection


class BodyCut(Exception):
    """The connection failed while a response body was read (reset, timeout, fewer bytes than announced)."""


class ResponseError(http.client.HTTPException):
    """A response head that is not HTTP/1.x (bad status line, header line without a colon, head too long)."""


MAX_HEAD_LINE = 65536  # longest status or header line accepted (as http.client)
MAX_HEADERS = 100
_UNSAFE_NAME = re.compile(r"[\x00-\x20\x7f:]")  # not allowed in a header name
_UNSAFE_TARGET = re.compile(r"[\x00-\x20\x7f]")  # not allowed in a request target


class _Headers(dict[str, str]):
    """Response headers keyed by lower-case name (repeated headers joined with ``", "``); lookups ignore case."""

    @overload  # type: ignore[override]
    def get(self, key: str) -> str | None: ...
    @overload
    def get(self, key: str, default: str) -> str: ...
    def get(self, key: str, default: str | None = None) -> str | None:
        return dict.get(self, key.lower(), default)

    def __getitem__(self, key: str) -> str:
        return dict.__getitem__(self, key.lower())

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key.lower() if isinstance(key, str) else key)


class _Conn:
    """One keep-alive connection: the socket (TLS-wrapped for https) and a buffered reader over it."""

    __slots__ = ("sock", "fp", "host")

    def __init__(self, sock: socket.socket, host: str) -> None:
        self.sock = sock
        self.fp = sock.makefile("rb")
        self.host = host  # the Host header value

    def close(self) -> None:
        try:
            self.fp.close()
        finally:
            self.sock.close()


def _read_head(fp: Any) -> tuple[int, bool, _Headers]:
    """Read a response head (skipping interim 1xx answers): (status, HTTP/1.0, headers). A connection that closes
    before any byte raises ``http.client.RemoteDisconnected``."""
    while True:
        line = fp.readline(MAX_HEAD_LINE + 1)
        if not line:
            raise http.client.RemoteDisconnected("the server closed the connection without a response")
        if len(line) > MAX_HEAD_LINE:
            raise ResponseError("status line too long")
        parts = line.split(None, 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit() or len(parts[1]) != 3:
            raise ResponseError(f"not an HTTP/1.x status line: {line[:100]!r}")
        status = int(parts[1])
        headers = _Headers()
        for _ in range(MAX_HEADERS + 1):
            line = fp.readline(MAX_HEAD_LINE + 1)
            if line in (b"\r\n", b"\n"):
                break
            if not line:
                raise http.client.IncompleteRead(b"", None)
            if len(line) > MAX_HEAD_LINE:
                raise ResponseError("header line too long")
            name, sep, value = line.partition(b":")
            if not sep:
                raise ResponseError(f"header line without a colon: {line[:100]!r}")
            key = name.strip().lower().decode("latin-1")
            val = value.strip().decode("latin-1")
            have = dict.get(headers, key)
            dict.__setitem__(headers, key, val if have is None else f"{have}, {val}")
        else:
            raise ResponseError(f"more than {MAX_HEADERS} header lines")
        if 100 <= status < 200 and status != 101:
            continue  # an interim answer (100 Continue...): the real one follows
        return status, parts[0] == b"HTTP/1.0", headers


class DirectResponse:
    """One GET response on a pooled connection. ``headers`` is case-insensitive; ``readinto``/``read`` raise
    ``BodyCut`` on a network failure or a body shorter than announced; ``close`` hands a fully read connection back
    to the pool. Bodies are framed by Content-Length, chunked transfer coding, or the connection's end."""

    def __init__(
        self, pool: DirectGetPool, key: _Key, conn: _Conn, status: int, http10: bool, headers: _Headers, url: str
    ) -> None:
        self._pool = pool
        self._key = key
        self._conn: _Conn | None = conn
        self._fp = conn.fp
        self._broken = False
        self.status_code = status
        self.headers = headers
        self.url = url
        connection = (headers.get("connection") or "").lower()
        self._will_close = "close" in connection or (http10 and "keep-alive" not in connection)
        self._chunked = False
        self._chunk_left = 0
        self._left: int | None  # body bytes still to read; None: until the end of the connection (or chunks)
        if status in (204, 304):
            self._left = 0
        elif "chunked" in (headers.get("transfer-encoding") or "").lower():
            self._chunked, self._left = True, None
        else:
            length = headers.get("content-length")
            self._left = int(length) if length is not None and length.strip().isdigit() else None
            if self._left is None:
                self._will_close = True
        self._done = self._left == 0

    @property
    def is_closed(self) -> bool:
        return self._conn is None

    def _cut(self, exc: BaseException | None, what: str) -> BodyCut:
        self._broken = True
        return BodyCut(f"{what} while reading {self.url}" if exc is None else f"{exc!r} while reading {self.url}")

    def _next_chunk(self) -> None:
        """Read a chunk-size line (and the trailer after the last chunk)."""
        line = self._fp.readline(MAX_HEAD_LINE + 1)
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise self._cut(None, f"bad chunk size line {line[:40]!r}") from None
        if size == 0:
            while True:
                line = self._fp.readline(MAX_HEAD_LINE + 1)
                if not line:
                    raise self._cut(None, "connection closed in the chunked trailer")
                if line in (b"\r\n", b"\n"):
                    break
            self._done = True
        self._chunk_left = size

    def readinto(self, view: memoryview) -> int:
        """Fill up to ``len(view)`` bytes (fewer when less is available); 0 at the end of the body."""
        if self._done or not view:
            return 0
        try:
            if self._chunked:
                if not self._chunk_left:
                    self._next_chunk()
                    if self._done:
                        return 0
                n = self._fp.readinto(view[: self._chunk_left])
                if not n:
                    raise self._cut(None, "connection closed inside a chunk")
                self._chunk_left -= n
                if not self._chunk_left and self._fp.readline(3) not in (b"\r\n", b"\n"):
                    raise self._cut(None, "chunk not followed by CRLF")
                return n
            left = self._left
            n = self._fp.readinto(view if left is None or left >= len(view) else view[:left])
        except (OSError, ValueError) as exc:
            raise self._cut(exc, "") from exc
        if left is None:
            if not n:
                self._done = True
            return n
        if not n:
            raise self._cut(None, f"connection closed {left} bytes before the end")
        self._left = left = left - n
        if not left:
            self._done = True
        return n

    def read(self) -> bytes:
        """The rest of the body."""
        if self._done:
            return b""
        left = self._left
        if left is not None and not self._chunked:
            try:
                data = self._fp.read(left)
            except (OSError, ValueError) as exc:
                raise self._cut(exc, "") from exc
            if len(data) < left:
                raise self._cut(None, f"connection closed {left - len(data)} bytes before the end")
            self._left, self._done = 0, True
            return data
        out = bytearray()
        view = memoryview(bytearray(256 * 1024))
        while n := self.readinto(view):
            out += view[:n]
        return bytes(out)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if not self._broken and not self._done and self._left is not None and self._left <= DRAIN_LIMIT:
            try:  # a short unread body (an error answer): read it so the connection stays usable
                self.read()
            except BodyCut:
                pass
        reusable = not self._broken and self._done and not self._will_close
        if not reusable:
            conn.close()
        self._pool.release(self._key, conn, reusable)


class DirectGetPool:
    """Idle keep-alive connections per (scheme, host, port), shared by the threads of one ``ObjectStorage``: a
    thread takes one for a request and gives it back once the body is fully read, so consecutive files of a thread
    reuse the same connection. ``opened`` counts the connections ever made."""

    def __init__(
        self,
        *,
        connect_timeout: float | None,
        read_timeout: float | None,
        ssl_context: ssl.SSLContext | None = None,
        user_agent: str | None = None,
        max_idle: int = 32,
    ) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.ssl_context = ssl_context
        self.user_agent = user_agent
        self.max_idle = max_idle
        self.opened = 0
        self._proxies = urllib.request.getproxies_environment()  # read once, as httpx reads it for its client
        self._idle: dict[_Key, list[_Conn]] = {}
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def for_client(cls, client: httpx.Client, ssl_context: ssl.SSLContext | None, max_idle: int) -> DirectGetPool:
        """A pool with the timeouts and User-Agent of ``client`` (TLS verified with ``ssl_context``)."""
        return cls(
            connect_timeout=client.timeout.connect,
            read_timeout=client.timeout.read,
            ssl_context=ssl_context,
            user_agent=client.headers.get("user-agent"),
            max_idle=max_idle,
        )

    def usable(self, url: str) -> bool:
        """Whether ``url`` can go through this pool: http(s) and no environment proxy (as it was when the pool was
        made) applies to its host."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        proxies = self._proxies
        if parts.scheme in proxies or "all" in proxies:
            return bool(urllib.request.proxy_bypass_environment(parts.hostname, proxies))  # type: ignore[attr-defined]
        return True

    def _connect(self, key: _Key) -> _Conn:
        scheme, host, port = key
        sock = socket.create_connection((host, port), timeout=self.connect_timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if scheme == "https":
                ctx = self.ssl_context or ssl.create_default_context()
                sock = ctx.wrap_socket(sock, server_hostname=host)
            sock.settimeout(self.read_timeout)
        except BaseException:
            sock.close()
            raise
        default = 443 if scheme == "https" else 80
        name = f"[{host}]" if ":" in host else host
        with self._lock:
            self.opened += 1
        return _Conn(sock, name if port == default else f"{name}:{port}")

    def _take(self, key: _Key) -> _Conn | None:
        with self._lock:
            idle = self._idle.get(key)
            return idle.pop() if idle else None

    def release(self, key: _Key, conn: _Conn, reusable: bool) -> None:
        if reusable:
            with self._lock:
                idle = self._idle.setdefault(key, [])
                if not self._closed and len(idle) < self.max_idle:
                    idle.append(conn)
                    return
        conn.close()

    def get(self, url: str, headers: dict[str, str]) -> DirectResponse:
        """Send ``GET url`` with ``headers`` (plus Host, User-Agent, ``Accept-Encoding: identity``) and return the
        response, body unread. A reused connection the server closed meanwhile is replaced once, silently; other
        failures raise ``OSError`` or ``http.client.HTTPException``."""
        parts = urlsplit(url)
        scheme = parts.scheme
        host = parts.hostname or ""
        port = parts.port or (443 if scheme == "https" else 80)
        key = (scheme, host, port)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        lines = [f"GET {target} HTTP/1.1"]
        if self.user_agent and not any(k.lower() == "user-agent" for k in headers):
            lines.append(f"User-Agent: {self.user_agent}")
        if not any(k.lower() == "accept-encoding" for k in headers):
            lines.append("Accept-Encoding: identity")
        for k, v in headers.items():
            if _UNSAFE_NAME.search(k) or "\r" in v or "\n" in v:
                raise ValueError(f"GET {url}: header {k!r} has a name or value that would break the request head")
            lines.append(f"{k}: {v}")
        if _UNSAFE_TARGET.search(target):
            raise ValueError(f"GET {url}: the request target contains a space or a control character")
        tail = "\r\n".join(lines[1:])
        while True:
            conn = self._take(key)
            reused = conn is not None
            if conn is None:
                conn = self._connect(key)
            head = f"{lines[0]}\r\nHost: {conn.host}\r\n{tail}\r\n\r\n".encode("latin-1", "strict")
            try:
                conn.sock.sendall(head)
                status, http10, resp_headers = _read_head(conn.fp)
            except (OSError, http.client.HTTPException):
                conn.close()
                if reused:  # closed by the server while idle: try a fresh connection
                    logger.debug("idle connection to %s:%d was closed; reconnecting", host, port)
                    continue
                raise
            return DirectResponse(self, key, conn, status, http10, resp_headers, url)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conns = [c for idle in self._idle.values() for c in idle]
            self._idle.clear()
        for c in conns:
            c.close()
